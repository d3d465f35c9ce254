package output_test

import (
	"fmt"
	"math"
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

// TestFinanzierungsuebersicht checks that the funding overview prints the
// total of the costs, computed here from the concept: once by source and
// once by field, besides the Beschlussvorlage.
func TestFinanzierungsuebersicht(t *testing.T) {
	k := mustLoad(t)
	total := 0.0
	for _, f := range k.Handlungsfelder {
		for _, z := range f.Ziele {
			for _, m := range z.Massnahmen {
				if m.Kosten != nil && m.Status != schema.Entfallen && m.Status != schema.Zurueckgestellt {
					total += *m.Kosten
				}
			}
		}
	}
	n := int(math.Round(total))
	want := fmt.Sprintf("%d.%03d.%03d €", n/1000000, n/1000%1000, n%1000)
	if n < 1000000 {
		t.Fatalf("the test expects a total of millions, got %d", n)
	}
	text := strings.Join(pages(t, beispielFile(t)), "\n")
	i := strings.Index(text, "Finanzierungsübersicht\n")
	if i < 0 {
		t.Fatal("no Finanzierungsübersicht in the PDF")
	}
	if got := strings.Count(norm(text[i:]), norm(want)); got != 2 {
		t.Errorf("total %q printed %d times in the Finanzierungsübersicht, want 2 (by source, by field)", want, got)
	}
}

// TestZeitplanJahrhunderte checks the Zeitplan of a measure typed as
// beginning in 1900 and ending in 2999, the widest range a date may span:
// the axis labels every 50th year or so, not every year on top of each other.
func TestZeitplanJahrhunderte(t *testing.T) {
	k := mustLoad(t)
	m := &k.Handlungsfelder[0].Ziele[0].Massnahmen[0]
	var err error
	if m.Beginn, err = schema.ParseZeitpunkt("1900"); err != nil {
		t.Fatal(err)
	}
	if m.Ende, err = schema.ParseZeitpunkt("2999"); err != nil {
		t.Fatal(err)
	}
	data, err := render(k, output.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages(t, writePDF(t, data)) {
		if !strings.Contains(p, "Zeitplan") || strings.Contains(p, "Inhaltsverzeichnis") {
			continue
		}
		years := 0
		for _, f := range strings.Fields(p) {
			if len(f) == 4 && f >= "1900" && f <= "2999" {
				years++
			}
		}
		if years < 5 || years > 30 {
			t.Errorf("%d year labels on the Zeitplan's first page, want between 5 and 30", years)
		}
		return
	}
	t.Fatal("no page with the Zeitplan")
}
