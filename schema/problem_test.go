package schema_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/landkreis/konzept/schema"
)

func TestNearest(t *testing.T) {
	keys := []string{"konzept", "beschluss", "vorwort", "leichte_sprache", "leitbild", "querschnittsthemen", "akteure", "abkuerzungen", "beteiligung", "handlungsfelder", "quellen", "befragungen"}
	tests := []struct {
		s          string
		candidates []string
		want       string
	}{
		{"massnahme", []string{"id", "titel", "massnahmen"}, "massnahmen"},
		{"Massnahmen", []string{"id", "titel", "massnahmen"}, "massnahmen"}, // case-insensitive
		{"akteur", keys, "akteure"},
		{"quelle", keys, "quellen"},
		{"leitbilder", keys, "leitbild"},
		{"handlungsfeld", keys, "handlungsfelder"},
		{"abkürzungen", keys, "abkuerzungen"},
		{"beschlus", keys, "beschluss"},
		{"bemerkung", keys, ""},
		{"x", keys, ""},
		{"", keys, ""},
		{"in umsetzung", []string{"geplant", "in-umsetzung", "umgesetzt"}, "in-umsetzung"},
		{"Verwaltung", []string{"verwaltung", "gremium"}, "verwaltung"},
		{"hochh", []string{"hoch", "mittel", "niedrig"}, "hoch"},
		{"sehr hoch", []string{"hoch", "mittel", "niedrig"}, ""},
		{"fr", []string{"de", "en"}, ""}, // every letter differs: no suggestion
		{"EN", []string{"de", "en"}, "en"},
		{"vhs-nord", []string{"jobcenter", "kmt", "vhs-nordkreis"}, "vhs-nordkreis"},
		{"jobcentre", []string{"jobcenter", "kmt", "vhs-nordkreis"}, "jobcenter"},
		{"caritas", []string{"jobcenter", "kmt", "vhs-nordkreis"}, ""},
		{"art", []string{"artikel"}, ""}, // a short word does not make every longer one a typo
		{"kmt", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			if got := schema.Nearest(tt.s, tt.candidates); got != tt.want {
				t.Errorf("Nearest(%q, %v) = %q, want %q", tt.s, tt.candidates, got, tt.want)
			}
		})
	}
}

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  schema.Pos
		want string
	}{
		{schema.Pos{File: "konzept.yaml", Line: 42, Column: 7}, "konzept.yaml:42:7"},
		{schema.Pos{File: "befragung/antworten.csv", Line: 118}, "befragung/antworten.csv:118"},
		{schema.Pos{File: "workshops/bildung.xlsx", Sheet: "Maßnahmen", Cell: "G14"}, "workshops/bildung.xlsx!Maßnahmen!G14"},
		{schema.Pos{File: "workshops/bildung.xlsx", Sheet: "Maßnahmen"}, "workshops/bildung.xlsx!Maßnahmen"},
		{schema.Pos{File: "konzept.yaml"}, "konzept.yaml"},
		{schema.Pos{File: "konzept.yaml", Column: 3}, "konzept.yaml"}, // a column without line says nothing
		{schema.Pos{}, ""},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestProblemsSort(t *testing.T) {
	p := func(file string, line, col int, sheet, cell, msg string) *schema.Problem {
		return schema.Errorf(schema.Pos{File: file, Line: line, Column: col, Sheet: sheet, Cell: cell}, schema.CodeSyntax, schema.T{De: msg, En: msg})
	}
	ps := schema.Problems{
		p("workshops/a.xlsx", 0, 0, "Maßnahmen", "A10", "A10"),
		p("konzept.yaml", 12, 3, "", "", "12:3"),
		p("workshops/a.xlsx", 0, 0, "Maßnahmen", "B2", "B2"),
		p("konzept.yaml", 2, 10, "", "", "2:10 first"),
		p("konzept.yaml", 2, 9, "", "", "2:9"),
		p("workshops/a.xlsx", 0, 0, "Maßnahmen", "AA2", "AA2"),
		p("konzept.yaml", 0, 0, "", "", "file"),
		p("workshops/a.xlsx", 0, 0, "Maßnahmen", "Z2", "Z2"),
		p("konzept.yaml", 2, 10, "", "", "2:10 second"),
		p("handlungsfelder/sprache.yaml", 30, 1, "", "", "sprache"),
		p("workshops/a.xlsx", 0, 0, "Ziele", "A1", "Ziele A1"),
		p("workshops/a.xlsx", 0, 0, "Maßnahmen", "C2", "C2"),
	}
	ps.Sort()
	want := []string{"sprache", "file", "2:9", "2:10 first", "2:10 second", "12:3", "B2", "C2", "Z2", "AA2", "A10", "Ziele A1"}
	var got []string
	for _, p := range ps {
		got = append(got, p.Message("de")[len("YAML-Syntaxfehler: "):])
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sorted:\n got %q\nwant %q", got, want)
	}
}

func TestProblemFormat(t *testing.T) {
	p := schema.Errorf(schema.Pos{File: "konzept.yaml", Line: 42, Column: 7}, schema.CodeUnknownActor, "vhs-nord", "federfuehrung").WithHint("`vhs-nordkreis`")
	if got, want := p.Format("de"), "konzept.yaml:42:7: fehler: unbekannter Akteur `vhs-nord` in `federfuehrung` – meinten Sie `vhs-nordkreis`?"; got != want {
		t.Errorf("Format(de) =\n%s\nwant\n%s", got, want)
	}
	if got, want := p.Format("en"), "konzept.yaml:42:7: error: unknown actor `vhs-nord` in `federfuehrung` – did you mean `vhs-nordkreis`?"; got != want {
		t.Errorf("Format(en) =\n%s\nwant\n%s", got, want)
	}
	if p.Error() != p.Format("de") {
		t.Errorf("Error() = %q, want the German form", p.Error())
	}
	if !errors.Is(p, schema.ErrInvalid) {
		t.Errorf("a Problem does not unwrap to ErrInvalid")
	}

	w := schema.Warnf(schema.Pos{File: "workshops/bildung.xlsx", Sheet: "Maßnahmen", Cell: "C9"}, schema.CodeDuplicate, schema.KindMassnahme, "AR-2.1", schema.Pos{File: "handlungsfelder/arbeit.yaml", Line: 31, Column: 11})
	if got, want := w.Format("de"), "workshops/bildung.xlsx!Maßnahmen!C9: warnung: Maßnahme-Nr `AR-2.1` ist bereits in handlungsfelder/arbeit.yaml:31:11 vergeben"; got != want {
		t.Errorf("Format(de) =\n%s\nwant\n%s", got, want)
	}
	if got, want := w.Format("en"), "workshops/bildung.xlsx!Maßnahmen!C9: warning: measure number `AR-2.1` is already defined at handlungsfelder/arbeit.yaml:31:11"; got != want {
		t.Errorf("Format(en) =\n%s\nwant\n%s", got, want)
	}

	e := schema.Errorf(schema.Pos{File: "konzept.yaml", Line: 3, Column: 9}, schema.CodeEnum, "hochh", "prioritaet", []string{"hoch", "mittel", "niedrig"})
	if got, want := e.Message("de"), "ungültiger Wert „hochh“ für `prioritaet` – erlaubt: hoch, mittel, niedrig"; got != want {
		t.Errorf("Message(de) = %q, want %q", got, want)
	}
}

func TestProblemsErr(t *testing.T) {
	var ps schema.Problems
	if ps.Err(true) != nil {
		t.Errorf("no problems gives an error")
	}
	ps.Add(schema.Warnf(schema.Pos{File: "a.yaml"}, schema.CodeEmpty))
	if ps.Err(false) != nil || ps.Err(true) == nil {
		t.Errorf("a warning: Err(false) = %v, Err(true) = %v", ps.Err(false), ps.Err(true))
	}
	ps.Add(schema.Errorf(schema.Pos{File: "b.yaml"}, schema.CodeEmpty))
	err := ps.Err(false)
	if !errors.Is(err, schema.ErrInvalid) {
		t.Errorf("Err = %v, does not unwrap to ErrInvalid", err)
	}
	if want := "a.yaml: warnung: die Datei ist leer\nb.yaml: fehler: die Datei ist leer"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
}
