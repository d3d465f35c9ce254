// Genbefragung writes the example survey responses of the embedded concept,
// beispiel/konzept/befragung/antworten.csv: about 300 generated responses to
// the survey `online-2025` of konzept.yaml, as a survey tool would export
// them – `;` separated, UTF-8, one column per question id plus the
// questionnaire language and an e-mail column that konzept must never print.
// Some answers are empty; the Leichte Sprache questionnaire has fewer responses than the smallest group
// that may be printed, and one free-text answer holds the canary
// KANARIENVOGEL-FREITEXT that tests look for in the PDF.
//
// Run it from the repository root after changing it:
//
//	go run ./beispiel/internal/genbefragung
//
// The random numbers come from a PCG with a fixed seed, so the output is the
// same every time.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/landkreis/konzept/internal/gen"
)

const responses = 300

// Options of the questions, exactly as in konzept.yaml.
var (
	dauer = []string{"weniger als 1 Jahr", "1 bis 5 Jahre", "mehr als 5 Jahre", "seit meiner Geburt"}
	// dauerGewicht weights the options of f1.
	dauerGewicht = []int{3, 10, 9, 6}
	angebote     = []string{"Sprachkurs", "Migrationsberatung", "Jobcenter oder Agentur für Arbeit", "Sportverein", "Kulturverein"}
	// angebotQuote is the chance in percent that a respondent used an offer.
	angebotQuote = []int{45, 30, 25, 30, 15}
	keines       = "keines davon"
)

// Every answer is one of the options: an answer that is none is a warning,
// and `konzept validate` must find no problem in the example (init.txtar,
// the --strict round trip of the templates). Tests of "sonstige" build their
// own responses.

var freitexte = []string{
	"Mehr Sprachkurse am Abend, damit man nach der Arbeit lernen kann.",
	"Die Wartezeit bei der Ausländerbehörde ist viel zu lang.",
	"Ich suche seit einem Jahr eine Wohnung; auf meine Anfragen antwortet niemand.",
	"Während der Kurse fehlt eine Kinderbetreuung.",
	"Mehr Begegnung zwischen alten und neuen Nachbarn – zum Beispiel Feste im Dorf.",
	"Meine Ausbildung aus Polen wird hier nicht anerkannt.",
	"Termine beim Jobcenter auch online buchen.",
	"Erst einmal die Busverbindungen verbessern – für alle.",
	"Mehr Geld für die Vereine, die Integration machen.",
	"Das Sprachcafé ist super.\nAber der Raum ist zu klein – wir sind oft 30 Leute in einem \"Klassenzimmer\".",
	"Dolmetscher beim Arzt, bitte: Türkçe, polski, українська.",
}

var freitexteEN = []string{
	"Please provide more information in English at the district office.",
	"The bus connection to the language school is very poor.",
	"Thank you for the warm welcome. Childcare places are hard to find.",
}

var freitexteLS = []string{
	"Ich will mehr Deutsch sprechen. Ich brauche Hilfe bei Briefen.",
	"Die Briefe vom Amt sind schwer.",
}

func main() {
	out := flag.String("o", "beispiel/konzept/befragung/antworten.csv", "write the responses to `FILE`")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genbefragung:", err)
		os.Exit(1)
	}
}

func write(name string) error {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma = ';'
	if err := w.Write([]string{"f1", "f2", "f3", "f4", "f5", "sprache", "email"}); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(2025, 111))
	for i := range responses {
		if err := w.Write(record(r, i)); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}

// record is the response number i (0-based).
func record(r *rand.Rand, i int) []string {
	lang := "de"
	switch {
	case i%100 == 41: // 3 of 300: fewer than the smallest printed group
		lang = "ls"
	case r.IntN(100) < 9:
		lang = "en"
	}
	f1 := gen.Pick(r, dauer, dauerGewicht)
	if r.IntN(100) < 5 {
		f1 = ""
	}
	var used []string
	for j, a := range angebote {
		if r.IntN(100) < angebotQuote[j] {
			used = append(used, a)
		}
	}
	f2 := strings.Join(used, ";")
	switch n := r.IntN(100); {
	case n < 5:
		f2 = ""
	case f2 == "":
		f2 = keines
	}
	// Welcome on a scale of 1 to 5: mostly 3 to 5.
	f3 := strconv.Itoa(gen.Pick(r, []int{1, 2, 3, 4, 5}, []int{1, 3, 8, 12, 8}))
	if r.IntN(100) < 4 {
		f3 = ""
	}
	// Hours of volunteering a month: most none, some a few, a few many.
	f4 := ""
	switch n := r.IntN(100); {
	case n < 45:
		f4 = "0"
	case n < 80:
		f4 = strconv.Itoa(1 + r.IntN(6))
	case n < 94:
		f4 = strconv.Itoa(6 + r.IntN(15))
	}
	f5 := ""
	if r.IntN(100) < 35 {
		switch lang {
		case "en":
			f5 = freitexteEN[r.IntN(len(freitexteEN))]
		case "ls":
			f5 = freitexteLS[r.IntN(len(freitexteLS))]
		default:
			f5 = freitexte[r.IntN(len(freitexte))]
		}
	}
	if i == 12 {
		f5 = "Bitte mehr Ärztinnen, die Türkisch oder Arabisch sprechen. KANARIENVOGEL-FREITEXT"
	}
	email := fmt.Sprintf("person%03d@example.org", i+1)
	return []string{f1, f2, f3, f4, f5, lang, email}
}
