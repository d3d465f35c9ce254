package assemble_test

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

// beispiel reads a file of the example concept.
func beispiel(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "beispiel", "konzept", filepath.FromSlash(name)))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// fmtFehler matches what fmt writes for a verb without its argument or an
// argument without its verb: "%!s(MISSING)", "%!(EXTRA int=1)". A message
// may quote the input, so it counts only when the input has no "%!".
var fmtFehler = regexp.MustCompile(`%!\S?\(`)

// FuzzLoad runs the whole input pipeline on a konzept.yaml, in a folder
// with the example's fragments, workbook, survey responses and logo, which
// its `quellen`, `logo` and `befragungen` may name. Load must not panic and
// must return a concept and problems that each name a file; a concept
// without errors must be whole: unique numbers, every reference resolved,
// survey counts that add up. `make fuzz` runs it for FUZZTIME beyond its
// seeds (testdata/fuzz/FuzzLoad holds those that once failed).
func FuzzLoad(f *testing.F) {
	f.Add(beispiel(f, "konzept.yaml"))
	f.Add([]byte(basis))
	f.Add([]byte(basis + "quellen: [handlungsfelder/*.yaml, workshops/*.xlsx]\n"))
	f.Add([]byte(basis + befragungYAML("{id: f1, text: Skala, typ: skala, skala: {min: 1, max: 5, beschriftung: {1: gar nicht}}}")))
	fsys := fstest.MapFS{
		"handlungsfelder/familie.yaml":            {Data: beispiel(f, "handlungsfelder/familie.yaml")},
		"handlungsfelder/arbeit-anerkennung.yaml": {Data: beispiel(f, "handlungsfelder/arbeit-anerkennung.yaml")},
		"workshops/arbeitskreis-gesundheit.xlsx":  {Data: beispiel(f, "workshops/arbeitskreis-gesundheit.xlsx")},
		"befragung/antworten.csv":                 {Data: beispiel(f, "befragung/antworten.csv")},
		"befragung/kurz.csv":                      {Data: []byte("f1;f2;sprache\n0;Sprachkurs;de\n-1;a, b;en\n3;;\n")},
		"bilder/wappen.png":                       {Data: beispiel(f, "bilder/wappen.png")},
		"handlungsfelder/ordner/leer.yaml":        {Data: nil},
		"handlungsfelder/sprache.yaml":            {Data: []byte("handlungsfelder: [{id: sprache}]\n")},
		"handlungsfelder/kaputt.yaml":             {Data: []byte("\xff\xfe")},
		"workshops/csv.xlsx":                      {Data: []byte("Maßnahme-Nr;Maßnahme\n")},
		"befragung/kaputt.csv":                    {Data: []byte("f1;f2\n\"offen\n")},
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := maps.Clone(fsys)
		fsys[sources.KonzeptDatei] = &fstest.MapFile{Data: src}
		k, ps, err := assemble.Load(fsys)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		if k == nil || k.Konzept == nil {
			t.Fatal("Load returned no concept")
		}
		for _, p := range ps {
			if p.Pos.File == "" {
				t.Errorf("problem without file: %q", p.Format("de"))
			}
			for _, lang := range []string{"de", "en"} {
				if m := p.Message(lang); m == "" || fmtFehler.MatchString(m) && !bytes.Contains(src, []byte("%!")) {
					t.Errorf("problem with a broken message (%s): %q", p.Code, m)
				}
			}
		}
		if ps.Count(schema.Error) > 0 {
			return
		}
		ids := map[string]bool{}
		for _, h := range k.Handlungsfelder {
			for _, z := range h.Ziele {
				if z.ID == "" || ids["z "+z.ID] {
					t.Errorf("goal number %q empty or twice", z.ID)
				}
				ids["z "+z.ID] = true
				for _, m := range z.Massnahmen {
					if m.ID == "" || ids["m "+m.ID] {
						t.Errorf("measure number %q empty or twice", m.ID)
					}
					ids["m "+m.ID] = true
					if k.Akteure[m.Federfuehrung] == nil {
						t.Errorf("measure %s: lead %q not resolved", m.ID, m.Federfuehrung)
					}
				}
			}
		}
		for _, u := range k.Umfragen {
			for _, e := range u.Fragen {
				if e.Beantwortet+e.KeineAngabe != u.Antworten {
					t.Errorf("question %s: %d answered + %d empty != %d responses", e.Frage.ID, e.Beantwortet, e.KeineAngabe, u.Antworten)
				}
			}
		}
	})
}

// befragungYAML is a `befragungen` section with one survey over
// befragung/kurz.csv asking the question frage.
func befragungYAML(frage string) string {
	return "befragungen:\n  - id: kurz\n    titel: Kurz\n    antworten: befragung/kurz.csv\n    sprachspalte: sprache\n    fragen:\n      - " + frage + "\n"
}

// TestSkalaUeberlauf is the input FuzzLoad kept in
// testdata/fuzz/FuzzLoad/skala-ueberlauf: a scale from the smallest to the
// largest int made the count of an answer index out of range.
func TestSkalaUeberlauf(t *testing.T) {
	src := basis + befragungYAML("{id: f1, text: Skala, typ: skala, skala: {min: -9223372036854775808, max: 9223372036854775807}}")
	_, got := load(t, mit(src, "befragung/kurz.csv", "f1;sprache\n0;de\n"), "de")
	want := []string{"konzept.yaml:35:50: fehler: Frage `f1`: die Skala von -9223372036854775808 bis 9223372036854775807 hat zu viele Stufen: höchstens 1001"}
	compare(t, got, want)
}

// TestAliasEinmal checks that an element repeated by YAML aliases is
// reported once, not once for each repetition: an alias bomb gave thousands
// of identical lines.
func TestAliasEinmal(t *testing.T) {
	src := basis + "  - &f {id: arbeit, titel: Arbeit, ziele: [{id: AR-1, titel: A, massnahmen: [{id: AR-1.1, titel: M, federfuehrung: vhs}]}]}\n" +
		strings.Repeat("  - *f\n", 50)
	_, got := load(t, nur(src), "de")
	compare(t, got, []string{
		"konzept.yaml:29:13: fehler: Handlungsfeld `arbeit` ist bereits in konzept.yaml:29:13 vergeben",
		"konzept.yaml:29:49: fehler: Ziel-Nr `AR-1` ist bereits in konzept.yaml:29:49 vergeben",
		"konzept.yaml:29:83: fehler: Maßnahme-Nr `AR-1.1` ist bereits in konzept.yaml:29:83 vergeben",
		"konzept.yaml:29:116: fehler: unbekannter Akteur `vhs` in `federfuehrung`",
	})
}
