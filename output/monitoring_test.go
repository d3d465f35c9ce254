package output_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
)

// TestMonitoring checks the chapter "Umsetzung und Monitoring" of the
// example: the status table's total row counts every measure, per status.
func TestMonitoring(t *testing.T) {
	k := mustLoad(t)
	data, err := render(k, output.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	checkPDFUA(t, data)
	want := map[schema.Status]int{}
	total := 0
	for _, f := range k.Handlungsfelder {
		for _, z := range f.Ziele {
			for _, m := range z.Massnahmen {
				s := m.Status
				if s == "" {
					s = schema.Geplant
				}
				want[s]++
				total++
			}
		}
	}
	summe := []string{"Summe"}
	for _, s := range schema.Statuses {
		summe = append(summe, fmt.Sprint(want[s]))
	}
	summe = append(summe, fmt.Sprint(total))

	ps := pages(t, writePDF(t, data))
	chapter := ""
	for _, p := range ps {
		if strings.Contains(p, "Stand der Umsetzung") && !strings.Contains(p, "Inhaltsverzeichnis") {
			chapter = norm(p)
		}
	}
	if chapter == "" {
		t.Fatal("Abschnitt „Stand der Umsetzung“ nicht gefunden")
	}
	if re := printed(strings.Join(summe, " ")); !re.MatchString(chapter) {
		t.Errorf("Summenzeile %q fehlt in:\n%s", strings.Join(summe, " "), chapter)
	}
	for _, s := range []string{"Verantwortlichkeiten", "Zeitplan", "1/2025", "Sprache und Bildung"} {
		if !printed(s).MatchString(norm(strings.Join(ps, "\n"))) {
			t.Errorf("%q fehlt", s)
		}
	}
}
