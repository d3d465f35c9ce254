package assemble

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/landkreis/konzept/schema"
)

func befragung(csv string, fragen ...schema.Frage) (fstest.MapFS, *schema.Befragung) {
	return fstest.MapFS{"befragung/antworten.csv": {Data: []byte(csv)}},
		&schema.Befragung{Antworten: "befragung/antworten.csv", Fragen: fragen}
}

var (
	fEinfach  = schema.Frage{ID: "f1", Typ: "einfach", Optionen: []string{"Ja", "Nein"}}
	fMehrfach = schema.Frage{ID: "f2", Typ: "mehrfach", Optionen: []string{"Sprachkurs", "Beratung, Begleitung", "Sportverein"}}
	fSkala    = schema.Frage{ID: "f3", Typ: "skala", Skala: &schema.Skala{Min: 1, Max: 5, Beschriftung: map[int]string{1: "gar nicht", 5: "sehr"}}}
	fZahl     = schema.Frage{ID: "f4", Typ: "zahl"}
	fFrei     = schema.Frage{ID: "f5", Typ: "freitext"}
)

func TestAuswerten(t *testing.T) {
	tests := []struct {
		name  string
		csv   string
		frage schema.Frage
		want  FrageErgebnis // without Frage
		warn  []string
	}{
		{"einfach", "f1\nja\n JA \nnein\n\"\"\nvielleicht\n", fEinfach,
			FrageErgebnis{Verteilung: []Anzahl{{"Ja", 2}, {"Nein", 1}}, Sonstige: 1, KeineAngabe: 1, Beantwortet: 4},
			[]string{"befragung/antworten.csv:6: warnung: Antwort „vielleicht“ in Spalte f1 ist keine der Optionen – gezählt als „sonstige“"}},
		{"mehrfach", "f2\n\"Sprachkurs; beratung, begleitung\"\n\"sportverein,Sprachkurs,sprachkurs\"\n\"Sprachkurs;Tafel, Elterncafé\"\n;\n", fMehrfach,
			FrageErgebnis{Verteilung: []Anzahl{{"Sprachkurs", 3}, {"Beratung, Begleitung", 1}, {"Sportverein", 1}}, Sonstige: 2, KeineAngabe: 1, Beantwortet: 3},
			[]string{
				"befragung/antworten.csv:4: warnung: Antwort „Tafel“ in Spalte f2 ist keine der Optionen – gezählt als „sonstige“",
				"befragung/antworten.csv:4: warnung: Antwort „Elterncafé“ in Spalte f2 ist keine der Optionen – gezählt als „sonstige“",
			}},
		{"skala odd", "f3\n1\n5\n2\nsehr\n\"\"\n6\n", fSkala,
			FrageErgebnis{Verteilung: []Anzahl{{"1", 1}, {"2", 1}, {"3", 0}, {"4", 0}, {"5", 2}}, Sonstige: 1, KeineAngabe: 1, Beantwortet: 5, Statistik: true, Mittel: 3.25, Median: 3.5},
			[]string{"befragung/antworten.csv:7: warnung: Antwort „6“ in Spalte f3 ist kein Wert der Skala von 1 bis 5 – gezählt als „sonstige“"}},
		{"skala median odd", "f3\n1\n4\n5\n", fSkala,
			FrageErgebnis{Verteilung: []Anzahl{{"1", 1}, {"2", 0}, {"3", 0}, {"4", 1}, {"5", 1}}, Beantwortet: 3, Statistik: true, Mittel: 10.0 / 3, Median: 4}, nil},
		{"zahl", "f4\n3,5\n1.5\n10\n\"\"\nzehn\n", fZahl,
			FrageErgebnis{Sonstige: 1, KeineAngabe: 1, Beantwortet: 4, Statistik: true, Mittel: 5, Median: 3.5},
			[]string{"befragung/antworten.csv:6: warnung: Antwort „zehn“ in Spalte f4 ist keine Zahl – gezählt als „sonstige“"}},
		{"zahl median even", "f4\n4\n1\n2\n10\n", fZahl,
			FrageErgebnis{Beantwortet: 4, Statistik: true, Mittel: 4.25, Median: 3}, nil},
		{"zahl none", "f4\n\"\"\n", fZahl, FrageErgebnis{KeineAngabe: 1}, nil},
		{"zahl too large to add", "f4\n1e308\n1.5e308\n", fZahl,
			FrageErgebnis{Beantwortet: 2, Statistik: true, Mittel: 1.25e308, Median: 1.25e308}, nil},
		{"freitext", "f5\nirgendwas\n\"\"\n\"zwei\nZeilen\"\n", fFrei, FrageErgebnis{KeineAngabe: 1, Beantwortet: 2}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys, b := befragung(tt.csv, tt.frage)
			u, ps := Auswerten(fsys, b)
			var warn []string
			for _, p := range ps {
				warn = append(warn, p.Error())
			}
			if !reflect.DeepEqual(warn, tt.warn) {
				t.Errorf("problems:\n%q\nwant\n%q", warn, tt.warn)
			}
			got := u.Fragen[0]
			got.Frage = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestAuswertenSprachenUndMindestgruppe(t *testing.T) {
	fsys, b := befragung("f1;sprache\nja;de\nja;EN\nja; ls\nja;tr\nja;\nja;ar\nja;de\n", fEinfach)
	b.Sprachspalte = "sprache"
	drei := 3
	b.Mindestgruppe = &drei
	u, ps := Auswerten(fsys, b)
	want := []Anzahl{{"de", 2}, {"en", 1}, {"ls", 1}, {"ar", 1}, {"tr", 1}, {"", 1}}
	if ps != nil || !reflect.DeepEqual(u.Sprachen, want) || u.Antworten != 7 || u.Mindestgruppe != 3 {
		t.Errorf("got %+v, %d responses, Mindestgruppe %d, %v; want %+v", u.Sprachen, u.Antworten, u.Mindestgruppe, ps, want)
	}
	b.Mindestgruppe = nil
	if u, _ := Auswerten(fsys, b); u.Mindestgruppe != 5 {
		t.Errorf("default Mindestgruppe = %d, want 5", u.Mindestgruppe)
	}
}

func TestAuswertenWarnungenBegrenzt(t *testing.T) {
	var b strings.Builder
	b.WriteString("f1\n")
	for range 30 {
		b.WriteString("vielleicht\n")
	}
	fsys, bf := befragung(b.String(), fEinfach)
	u, ps := Auswerten(fsys, bf)
	if len(ps) != maxWarnungen+1 || u.Fragen[0].Sonstige != 30 {
		t.Fatalf("%d problems, %d sonstige; want %d, 30", len(ps), u.Fragen[0].Sonstige, maxWarnungen+1)
	}
	if got, want := ps[len(ps)-1].Error(), "befragung/antworten.csv:22: warnung: 10 weitere Antworten in Spalte f1 sind nicht auswertbar und als „sonstige“ gezählt (nicht einzeln gemeldet)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestAuswertenFehler(t *testing.T) {
	fsys, b := befragung("f1;f2\nja;x\n", fEinfach, fMehrfach, fSkala)
	u, ps := Auswerten(fsys, b)
	if got, want := ps.Error(), "befragung/antworten.csv:1: fehler: Spalte `f3` für Frage `f3` fehlt"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if u.Antworten != 0 || len(u.Fragen) != 3 {
		t.Errorf("got %d responses, %d questions", u.Antworten, len(u.Fragen))
	}
	// A broken record: nothing counted, not even the records before it.
	fsys, b = befragung("f1\nja\n\"ja\"x\n", fEinfach)
	u, ps = Auswerten(fsys, b)
	if ps.Count(schema.Error) != 1 || u.Antworten != 0 || u.Fragen[0].Beantwortet != 0 {
		t.Errorf("got %v, %+v", ps, u)
	}
	// An invalid scale (reported by validation) does not panic.
	fsys, b = befragung("f3\n1\n", schema.Frage{ID: "f3", Typ: "skala"})
	if _, ps := Auswerten(fsys, b); ps != nil {
		t.Errorf("got %v", ps)
	}
}

// TestAuswertenKanarienvogel proves that neither a free-text answer nor a
// column not named in `fragen` reaches the aggregate.
func TestAuswertenKanarienvogel(t *testing.T) {
	csv := "email;f1;f5;f2\nkanarienvogel@example.org;ja;KANARIENVOGEL-FREITEXT;Sprachkurs\n"
	fsys, b := befragung(csv, fEinfach, fFrei, fMehrfach)
	u, ps := Auswerten(fsys, b)
	if ps != nil {
		t.Fatal(ps)
	}
	u.Befragung = nil // the survey's definition, not its responses
	for i := range u.Fragen {
		u.Fragen[i].Frage = nil
	}
	dump := fmt.Sprintf("%#v", u)
	for _, canary := range []string{"KANARIENVOGEL-FREITEXT", "kanarienvogel@example.org", "kanarienvogel"} {
		if strings.Contains(strings.ToLower(dump), strings.ToLower(canary)) {
			t.Errorf("%q appears in the aggregate: %s", canary, dump)
		}
	}
	if u.Fragen[1].Beantwortet != 1 {
		t.Errorf("free text not counted: %+v", u.Fragen[1])
	}
}

// antwortenCSV generates n responses to 20 questions of mixed types, with
// an e-mail column and long free texts.
func antwortenCSV(n int) (fstest.MapFS, *schema.Befragung) {
	b := &schema.Befragung{Antworten: "befragung/antworten.csv", Sprachspalte: "sprache"}
	var sb strings.Builder
	sb.WriteString("email;sprache")
	typen := []schema.Frage{fEinfach, fMehrfach, fSkala, fZahl, fFrei}
	for i := range 20 {
		f := typen[i%len(typen)]
		f.ID = "f" + strconv.Itoa(i+1)
		b.Fragen = append(b.Fragen, f)
		sb.WriteString(";" + f.ID)
	}
	sb.WriteString("\n")
	sprachen := []string{"de", "en", "ls", "tr"}
	for r := range n {
		fmt.Fprintf(&sb, "person%d@example.org;%s", r, sprachen[r%4])
		for i := range 20 {
			sb.WriteByte(';')
			switch i % 5 {
			case 0:
				sb.WriteString([]string{"Ja", "nein", "", "Ja"}[r%4])
			case 1:
				sb.WriteString([]string{`"Sprachkurs;Sportverein"`, "Beratung, Begleitung", "", "sportverein"}[r%4])
			case 2:
				sb.WriteString(strconv.Itoa(1 + r%5))
			case 3:
				sb.WriteString(strconv.Itoa(r%90) + ",5")
			case 4:
				fmt.Fprintf(&sb, `"Antwort %d: Mehr Sprachkurse am Abend; damit man nach der Arbeit lernen kann."`, r)
			}
		}
		sb.WriteByte('\n')
	}
	return fstest.MapFS{b.Antworten: {Data: []byte(sb.String())}}, b
}

func benchmarkAuswerten(b *testing.B, n int) {
	fsys, bf := antwortenCSV(n)
	b.SetBytes(int64(len(fsys[bf.Antworten].Data)))
	b.ReportAllocs()
	for b.Loop() {
		u, ps := Auswerten(fsys, bf)
		if ps != nil || u.Antworten != n {
			b.Fatal(ps, u.Antworten)
		}
	}
}

func BenchmarkAuswerten2000(b *testing.B)  { benchmarkAuswerten(b, 2000) }
func BenchmarkAuswerten20000(b *testing.B) { benchmarkAuswerten(b, 20000) }
