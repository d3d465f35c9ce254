package output_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
)

// testUmfrage is a result of the example's survey with 50 responses: the
// option "weniger als 1 Jahr" and the Leichte Sprache questionnaire have 3
// responses each, which the PDF must print as "< 5".
func testUmfrage(b *schema.Befragung) assemble.Umfrage {
	q := func(i int) *schema.Frage { return &b.Fragen[i] }
	a := func(kv ...any) []assemble.Anzahl {
		var out []assemble.Anzahl
		for i := 0; i < len(kv); i += 2 {
			out = append(out, assemble.Anzahl{Wert: kv[i].(string), N: kv[i+1].(int)})
		}
		return out
	}
	return assemble.Umfrage{
		Befragung:     b,
		Antworten:     50,
		Sprachen:      a("de", 44, "en", 3, "ls", 3),
		Mindestgruppe: 5,
		Fragen: []assemble.FrageErgebnis{
			{Frage: q(0), Verteilung: a("weniger als 1 Jahr", 3, "1 bis 5 Jahre", 20, "mehr als 5 Jahre", 15, "seit meiner Geburt", 8), Sonstige: 2, KeineAngabe: 2, Beantwortet: 48},
			{Frage: q(1), Verteilung: a("Sprachkurs", 25, "Migrationsberatung", 12, "Jobcenter oder Agentur für Arbeit", 9, "Sportverein", 10, "Kulturverein", 4, "keines davon", 6), Sonstige: 1, KeineAngabe: 3, Beantwortet: 47},
			{Frage: q(2), Verteilung: a("1", 3, "2", 4, "3", 12, "4", 18, "5", 11), KeineAngabe: 2, Beantwortet: 48, Statistik: true, Mittel: 3.6875, Median: 4},
			{Frage: q(3), KeineAngabe: 5, Beantwortet: 45, Statistik: true, Mittel: 3.4, Median: 2},
			{Frage: q(4), KeineAngabe: 33, Beantwortet: 17},
		},
	}
}

// TestUmfrage renders the example with a survey result and reads it back.
func TestUmfrage(t *testing.T) {
	k := mustLoad(t)
	if len(k.Konzept.Befragungen) == 0 {
		t.Fatal("Beispiel hat keine Befragung")
	}
	k.Umfragen = []assemble.Umfrage{testUmfrage(&k.Konzept.Befragungen[0])}
	data, err := render(k, output.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	checkPDFUA(t, data)
	path := writePDF(t, data)
	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	all := norm(strings.Join(pages(t, path), "\n"))
	for _, tt := range []struct {
		name, re string
		want     bool
	}{
		{"Titel", printed("Onlinebefragung zum Integrationskonzept 2025").String(), true},
		{"Zeitraum", `Zeitraum 11\.01\.2025 – 31\.01\.2025`, true},
		{"Antworten", `Antworten 50\b`, true},
		{"Sprache", `davon Deutsch 44\b`, true},
		{"Sprache unterdrückt", `davon Leichte Sprache < 5`, true},
		{"Sprache ohne Zahl", `davon Leichte Sprache 3\b`, false},
		{"Tabellenzeile unterdrückt", `weniger als 1 Jahr < 5 1 bis 5 Jahre 20 40 %`, true},
		{"Tabellenzeile ohne Zahl", `weniger als 1 Jahr 3\b`, false},
		{"kein Anteil der kleinen Gruppe", `\b6 %`, false},
		{"Diagramm mit Anteil", `1 bis 5 Jahre 20 \(40 %\)`, true},
		{"Diagramm unterdrückt", `weniger als 1 Jahr < 5 1 bis 5 Jahre 20 \(40 %\)`, true},
		{"Skala beschriftet", `1 \(gar nicht willkommen\) < 5`, true},
		{"Skala Anteil", `3 \(teils, teils\) 12 \(24 %\)`, true},
		{"Statistik Skala", `Mittelwert: 3,7, Median: 4 \(aus 48 Antworten\)`, true},
		{"Statistik Zahl", `Mittelwert: 3,4, Median: 2 \(aus 45 Antworten\)`, true},
		{"Freitext", `17 Freitextantworten \(nicht abgedruckt\)`, true},
		{"Hinweis", printed("Werte unter 5 werden nicht ausgewiesen; „x“: nicht ausgewiesen, weil sich sonst ein kleiner Wert aus der Summe errechnen ließe; schraffierte Balken haben keine aussagekräftige Länge.").String(), true},
		{"Verweis im Handlungsfeld", printed("Ergebnisse der Befragung zu diesem Handlungsfeld:").String() + ` Abschnitt \d+\.\d+ „`, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := regexp.MustCompile(tt.re).MatchString(all); got != tt.want {
				t.Errorf("%s im Text: %v, want %v", tt.re, got, tt.want)
			}
		})
	}
}

// TestUmfrageEnglisch checks the labels of the English edition.
func TestUmfrageEnglisch(t *testing.T) {
	k := mustLoad(t)
	k.Konzept.Konzept.Sprache = "en"
	k.Umfragen = []assemble.Umfrage{testUmfrage(&k.Konzept.Befragungen[0])}
	data, err := render(k, output.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	checkPDFUA(t, data)
	all := norm(strings.Join(pages(t, writePDF(t, data)), "\n"))
	for _, re := range []string{`of which Easy Language < 5`, `of which German 44\b`, `1 bis 5 Jahre 20 \(40%\)`, `Mean: 3\.7, median: 4`} {
		if !regexp.MustCompile(re).MatchString(all) {
			t.Errorf("%s nicht im Text", re)
		}
	}
}

// TestBeispielBefragungDatenschutz reads the example's survey responses
// through the whole pipeline and checks that no free-text answer (the
// canary) and no e-mail address of the responses file reaches the PDF, and
// that the Leichte Sprache count (3 responses) is printed as "< 5".
func TestBeispielBefragungDatenschutz(t *testing.T) {
	k := mustLoad(t)
	if len(k.Umfragen) == 0 || k.Umfragen[0].Antworten == 0 {
		t.Fatal("the example's survey was not read")
	}
	for _, s := range k.Umfragen[0].Sprachen {
		if s.Wert == "ls" && s.N >= 5 {
			t.Fatalf("the example has %d Leichte-Sprache responses; the test needs fewer than 5", s.N)
		}
	}
	text := strings.Join(pages(t, beispielFile(t)), "\n")
	for _, secret := range []string{"KANARIENVOGEL", "person001@example.org", "@example.org;"} {
		if strings.Contains(text, secret) {
			t.Errorf("the PDF contains %q from the responses file", secret)
		}
	}
	if !regexp.MustCompile(`davon Leichte Sprache\s+<\s5`).MatchString(text) {
		t.Error(`"davon Leichte Sprache < 5" not found`)
	}
	if regexp.MustCompile(`person\d{3}@example\.org`).MatchString(text) {
		t.Error("an e-mail address of a respondent is in the PDF")
	}
}
