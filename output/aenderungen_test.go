package output_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/output"
)

// vorfassungDiff compares the previous version of the example
// (beispiel/vorfassung) with the example.
func vorfassungDiff(t *testing.T) (*assemble.Konzept, *assemble.Diff) {
	t.Helper()
	alt, ps, err := assemble.Load(os.DirFS("../beispiel/vorfassung"))
	if err != nil || ps.Err(false) != nil {
		t.Fatalf("Vorfassung: %v %v", err, ps)
	}
	k := mustLoad(t)
	return k, assemble.Vergleiche(alt, k)
}

// TestAenderungskapitel renders the example with its previous version and
// checks the chapter of changes against the diff: the summary row of every
// field and the total, a section per changed field, and the marks of new and
// changed measures in the field chapters.
func TestAenderungskapitel(t *testing.T) {
	k, d := vorfassungDiff(t)
	if d.Leer() {
		t.Fatal("die Vorfassung des Beispiels unterscheidet sich nicht: der Test prüfte nichts")
	}
	data, err := render(k, output.Options{Version: "test", Vorfassung: d})
	if err != nil {
		t.Fatal(err)
	}
	checkPDFUA(t, data)
	ps := pages(t, writePDF(t, data))
	start := -1
	for i, p := range ps {
		if strings.HasPrefix(strings.TrimSpace(p), "12 Änderungen gegenüber der Vorfassung") ||
			strings.Contains(p, "\n12 Änderungen gegenüber der Vorfassung\n") {
			start = i
		}
	}
	if start < 0 {
		t.Fatal("Kapitel „Änderungen gegenüber der Vorfassung“ nicht gefunden")
	}
	end := start
	for end < len(ps) && !strings.Contains(ps[end], "Anhang\n") {
		end++
	}
	kapitel := norm(strings.Join(ps[start:end], "\n"))
	felder := norm(strings.Join(ps[:start], "\n"))

	zeile := func(titel string, z assemble.Zaehlung) string {
		return fmt.Sprintf("%s %d %d %d %d %d", titel, z.Neu, z.Geaendert, z.Entfallen, z.Verschoben, z.Statuswechsel)
	}
	for _, z := range d.Zusammenfassung() {
		if !printed(zeile(z.Titel, z.Massnahmen)).MatchString(kapitel) {
			t.Errorf("Zeile %q fehlt in der Übersicht", zeile(z.Titel, z.Massnahmen))
		}
	}
	if g := d.Gesamt(); !strings.Contains(kapitel, zeile("Summe", g.Massnahmen)) {
		t.Errorf("Summenzeile %q fehlt", zeile("Summe", g.Massnahmen))
	}
	for _, f := range d.Felder {
		if f.Leer() {
			continue
		}
		for _, m := range f.Massnahmen {
			if !printed(m.ID).MatchString(kapitel) {
				t.Errorf("Maßnahme %s (%s) fehlt im Kapitel", m.ID, f.Titel())
			}
			var marks []string
			switch {
			case m.IstEntfallen():
				continue
			case m.IstNeu():
				marks = []string{"neu"}
			default:
				for _, c := range []struct {
					on   bool
					mark string
				}{{m.IstGeaendert(), "geändert"}, {m.IstVerschoben(), "verschoben"}, {m.HatStatuswechsel(), "Status geändert"}} {
					if c.on {
						marks = append(marks, c.mark)
					}
				}
			}
			mark := "(" + strings.Join(marks, ", ") + ")"
			// In the field chapter the title is followed by its mark.
			if !printed(m.ID + " " + m.Neu.Titel + " " + mark).MatchString(felder) {
				t.Errorf("%s ist im Handlungsfeld nicht als %s markiert", m.ID, mark)
			}
		}
	}
	if n := strings.Count(felder, "(neu)"); n < d.Gesamt().Massnahmen.Neu {
		t.Errorf("%d Marken „(neu)“, aber %d neue Maßnahmen", n, d.Gesamt().Massnahmen.Neu)
	}
}

// TestOhneVorfassung: without a previous version there is no chapter of
// changes and no mark.
func TestOhneVorfassung(t *testing.T) {
	text := norm(strings.Join(pages(t, beispielFile(t)), "\n"))
	for _, s := range []string{"Änderungen gegenüber der Vorfassung", "(neu)", "(geändert)"} {
		if strings.Contains(text, s) {
			t.Errorf("%q im PDF ohne Vorfassung", s)
		}
	}
}
