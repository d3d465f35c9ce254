package output_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
)

// tocPage returns the index of the page with the table of contents: after the
// cover, and after the Beschlussvorlage if the concept has one.
func tocPage(t *testing.T, ps []string) int {
	t.Helper()
	for i, p := range ps {
		if strings.Contains(p, "Inhaltsverzeichnis") || strings.Contains(p, "Contents") {
			return i
		}
	}
	t.Fatal("Inhaltsverzeichnis nicht gefunden")
	return 0
}

// euroDE formats whole euros as the Vorlage prints them: "12.000 €".
func euroDE(x float64) string {
	s := fmt.Sprint(int64(math.Round(x)))
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String() + " €"
}

// vorlageSummen computes, independently of the renderer, the total of the
// costs in the Vorlage (neither dropped nor deferred measures) and of the
// deferred ones, and the number of measures without costs.
func vorlageSummen(t *testing.T) (summe, zurueck float64, ohne int) {
	for _, f := range mustLoad(t).Handlungsfelder {
		for _, z := range f.Ziele {
			for _, m := range z.Massnahmen {
				switch {
				case m.Status == schema.Entfallen:
				case m.Status == schema.Zurueckgestellt:
					if m.Kosten != nil {
						zurueck += *m.Kosten
					}
				case m.Kosten == nil:
					ohne++
				default:
					summe += *m.Kosten
				}
			}
		}
	}
	return summe, zurueck, ohne
}

// TestBeschlussvorlage checks that the example opens, after the cover, with
// the Beschlussvorlage and all its fields, including the computed sums.
func TestBeschlussvorlage(t *testing.T) {
	k := mustLoad(t)
	b := k.Beschluss
	if b == nil {
		t.Fatal("das Beispiel hat keinen Beschluss")
	}
	ps := pages(t, beispielFile(t))
	if !strings.Contains(ps[1], "Beschlussvorlage") {
		t.Fatalf("Seite 2 ist nicht die Beschlussvorlage:\n%s", ps[1])
	}
	vorlage := norm(strings.Join(ps[1:tocPage(t, ps)], "\n"))
	summe, zurueck, ohne := vorlageSummen(t)
	want := []string{"Vorlagen-Nr.: " + b.Vorlage, "Betreff", b.Betreff, "Beratungsfolge", "Beschlussvorschlag",
		"Sachverhalt", "Finanzielle Auswirkungen", "Summe", euroDE(summe), euroDE(zurueck),
		fmt.Sprintf("%d Maßnahmen ohne Kostenangabe", ohne),
		"Anlage 1: " + k.Konzept.Konzept.Titel + " – " + k.Konzept.Konzept.Fassung, "nicht öffentlich"}
	for _, r := range b.Beratungsfolge {
		want = append(want, r.Gremium, r.Datum.Format("02.01.2006"), r.Zustaendigkeit, r.Ergebnis)
	}
	for _, w := range want {
		if w != "" && !printed(w).MatchString(vorlage) {
			t.Errorf("%q fehlt in der Beschlussvorlage:\n%s", w, vorlage)
		}
	}
}

// TestNurVorlage checks the Vorlage alone (build --vorlage): accessible,
// reproducible, header and footer from page 1, no chapters of the concept.
func TestNurVorlage(t *testing.T) {
	k := mustLoad(t)
	data, err := render(k, output.Options{Version: "test", NurVorlage: true})
	if err != nil {
		t.Fatal(err)
	}
	checkPDFUA(t, data)
	again, err := render(k, output.Options{Version: "test", NurVorlage: true})
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(data) {
		t.Error("zwei Läufe geben verschiedene Bytes")
	}
	ps := pages(t, writePDF(t, data))
	all := norm(strings.Join(ps, "\n"))
	for _, w := range []string{"Beschlussvorlage", k.Beschluss.Betreff, fmt.Sprintf("Seite 1 von %d", len(ps)), "Anlage 1:"} {
		if !printed(w).MatchString(all) {
			t.Errorf("%q fehlt", w)
		}
	}
	for _, w := range []string{"Inhaltsverzeichnis", "Leitbild", "Akteursverzeichnis"} {
		if strings.Contains(all, w) {
			t.Errorf("%q gehört nicht in die Vorlage allein", w)
		}
	}

	k.Beschluss = nil
	if _, err := render(k, output.Options{NurVorlage: true}); err == nil {
		t.Error("NurVorlage ohne beschluss: kein Fehler")
	}
}

// TestBeschlussvorlageEnglisch checks the English labels and number format.
func TestBeschlussvorlageEnglisch(t *testing.T) {
	k := mustLoad(t)
	k.Konzept.Konzept.Sprache = "en"
	data, err := render(k, output.Options{NurVorlage: true})
	if err != nil {
		t.Fatal(err)
	}
	all := norm(strings.Join(pages(t, writePDF(t, data)), "\n"))
	summe, _, _ := vorlageSummen(t)
	en := "€" + strings.ReplaceAll(strings.TrimSuffix(euroDE(summe), " €"), ".", ",")
	for _, w := range []string{"Draft resolution", "Financial implications", "Attachment 1:", en} {
		if !printed(w).MatchString(all) {
			t.Errorf("%q fehlt in:\n%s", w, all)
		}
	}
	for _, w := range []string{"Beschlussvorschlag", "Finanzielle Auswirkungen", "Anlage 1", "Kostenangabe"} {
		if strings.Contains(all, w) {
			t.Errorf("deutsches Label %q in der englischen Vorlage", w)
		}
	}
}
