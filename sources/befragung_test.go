package sources

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"github.com/landkreis/konzept/schema"
)

// antworten reads data as the responses file name of a survey with the
// questions ids and language column sprache and returns the values of each
// response with its position.
func antworten(t *testing.T, name string, data []byte, sprache string, ids ...string) ([]string, schema.Problems) {
	t.Helper()
	b := &schema.Befragung{Antworten: name, Sprachspalte: sprache}
	for _, id := range ids {
		b.Fragen = append(b.Fragen, schema.Frage{ID: id})
	}
	var got []string
	ps := ReadAntworten(fstest.MapFS{name: {Data: data}}, b, func(a *Antwort) {
		got = append(got, a.Pos(0).String()+" "+strings.Join(a.Werte, "|"))
	})
	return got, ps
}

func TestReadAntwortenCSV(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []string
	}{
		{"utf-8 semicolon", "f1;f2;email\nÄpfel;Öl;a@b.de\nx;y;c@d.de\n",
			[]string{"a.csv:2 Äpfel|Öl", "a.csv:3 x|y"}},
		{"utf-8 BOM", "\xEF\xBB\xBFf1;f2\nü;ß\n", []string{"a.csv:2 ü|ß"}},
		{"windows-1252", "f1;f2\n\xE4\xF6\xFC;\xDF \x80\n", []string{"a.csv:2 äöü|ß €"}},
		{"comma", "f2,f1,email\n2,1,a@b.de\n", []string{"a.csv:2 1|2"}},
		{"tie prefers semicolon", "f1;f2;a,b,c\n1;2,3;4\n", []string{"a.csv:2 1|2,3"}},
		{"quoted separator in header", "\"f1;a\",f1,f2\nx,1,2\n", []string{"a.csv:2 1|2"}},
		{"quoted separators and line breaks", "f1;f2\n\"a;b\";\"zeile\neins\"\n3;4\n",
			[]string{"a.csv:2 a;b|zeile\neins", "a.csv:4 3|4"}},
		{"header case and spaces", " F1 ;f2\r\n1;2\r\n", []string{"a.csv:2 1|2"}},
		{"short record", "f1;f2\n1\n", []string{"a.csv:2 1|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ps := antworten(t, "a.csv", []byte(tt.data), "", "f1", "f2")
			if ps != nil {
				t.Fatalf("problems: %v", ps)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadAntwortenProblems(t *testing.T) {
	tests := []struct {
		name, data, sprache string
		want                string
	}{
		{"missing question column", "f1;f2\n1;2\n", "", "b/a.csv:1: fehler: Spalte `f3` für Frage `f3` fehlt"},
		{"missing language column", "f1;f2;f3\n1;2;3\n", "sprache", "b/a.csv:1: fehler: Sprachspalte `sprache` fehlt"},
		{"empty", "", "", "b/a.csv: fehler: die Datei ist leer"},
		{"bad quote", "f1;f2;f3\n1;2;3\n\"a\"b;2;3\n", "", "b/a.csv:3:3: fehler: die CSV-Datei kann ab hier nicht gelesen werden: ein Anführungszeichen `\"` steht an falscher Stelle oder wird nicht geschlossen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := antworten(t, "b/a.csv", []byte(tt.data), tt.sprache, "f1", "f2", "f3")
			if ps.Error() != tt.want {
				t.Errorf("got %q, want %q", ps.Error(), tt.want)
			}
		})
	}
}

func TestPruefeCSVAcrossChunks(t *testing.T) {
	// An umlaut split by the 64 KiB chunk boundary is still UTF-8; a
	// Windows-1252 byte far behind the start is found.
	long := bytes.Repeat([]byte("a"), 64<<10-1)
	for _, tt := range []struct {
		data []byte
		want bool
	}{
		{append(append([]byte{}, long...), "ä;ö\n"...), true},
		{append(append(append([]byte{}, long...), long...), 0xE4), false},
	} {
		got, err := pruefeCSV(fstest.MapFS{"a.csv": {Data: tt.data}}, "a.csv")
		if err != nil || got.problem != nil || got.utf8 != tt.want {
			t.Errorf("pruefeCSV = %+v, %v; want utf8 %v", got, err, tt.want)
		}
	}
}

func TestReadAntwortenXLSX(t *testing.T) {
	f := excelize.NewFile()
	_, _ = f.NewSheet("Antworten")
	rows := [][]any{{"email", "f1", "f2", "sprache"}, {"a@b.de", 3, "Sprachkurs", "de"}, {nil, 2.5, nil, "EN"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Antworten", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	b := &schema.Befragung{Antworten: "a.xlsx", Tabellenblatt: "antworten", Sprachspalte: "sprache", Fragen: []schema.Frage{{ID: "f1"}, {ID: "f2"}}}
	var got []string
	ps := ReadAntworten(fstest.MapFS{"a.xlsx": {Data: buf.Bytes()}}, b, func(a *Antwort) {
		got = append(got, a.Pos(1).String()+" "+strings.Join(a.Werte, "|"))
	})
	want := []string{"a.xlsx!Antworten!C2 3|Sprachkurs|de", "a.xlsx!Antworten!C3 2.5||EN"}
	if ps != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, %v; want %q", got, ps, want)
	}
	b.Tabellenblatt = "Antwort"
	b.Fragen = append(b.Fragen, schema.Frage{ID: "f9"})
	ps = ReadAntworten(fstest.MapFS{"a.xlsx": {Data: buf.Bytes()}}, b, func(*Antwort) {})
	if want := "fehler: Tabellenblatt „Antwort“ fehlt (vorhanden: „Sheet1“, „Antworten“) – meinten Sie „Antworten“?"; !strings.Contains(ps.Error(), want) {
		t.Errorf("got %q, want %q", ps.Error(), want)
	}
	b.Tabellenblatt = ""
	ps = ReadAntworten(fstest.MapFS{"a.xlsx": {Data: buf.Bytes()}}, b, func(*Antwort) {})
	if want := "a.xlsx!Sheet1: fehler: die Datei ist leer"; ps.Error() != want {
		t.Errorf("got %q, want %q", ps.Error(), want)
	}
}
