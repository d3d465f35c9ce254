// Genworkshop writes the example workshop workbook of the embedded concept,
// beispiel/konzept/workshops/arbeitskreis-gesundheit.xlsx: what a consultant
// of the Arbeitskreis Gesundheit und Migration might send back after the
// workshop, messy in the ways real files are – a title line and a blank row
// above the header, columns in their own order, alias headers, date and
// number cells next to dates and money written as text, a status written as
// people say it, actors by name and by short name, partners separated by
// semicolons and line breaks, a blank row between measures.
//
// Run it from the repository root after changing it:
//
//	go run ./beispiel/internal/genworkshop
//
// The output is the same every time, so a changed file in git means a changed
// generator.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/landkreis/konzept/internal/gen"
)

func main() {
	out := flag.String("o", "beispiel/konzept/workshops/arbeitskreis-gesundheit.xlsx", "write the workbook to `FILE`")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genworkshop:", err)
		os.Exit(1)
	}
}

func write(name string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Maßnahmen"); err != nil {
		return err
	}
	if _, err := f.NewSheet("Ziele"); err != nil {
		return err
	}
	if _, err := f.NewSheet("Notizen"); err != nil { // another sheet, ignored by konzept
		return err
	}
	st, err := gen.NewStyles(f)
	if err != nil {
		return err
	}
	bold, head, date, money, wrap := st.Title, st.Header, st.Date, st.Money, st.Wrap

	// Maßnahmen: a title line, a blank row, the header in row 3.
	if err := f.SetCellStr("Maßnahmen", "A1", "Fachworkshop Arbeit, Wohnen und Gesundheit am 20.11.2024 – Ergebnisse des Arbeitskreises Gesundheit und Migration"); err != nil {
		return err
	}
	if err := f.SetCellStyle("Maßnahmen", "A1", "A1", bold); err != nil {
		return err
	}
	massnahmen := [][]gen.Cell{
		{{V: "Maßnahme-Nr"}, {V: "Maßnahme"}, {V: "Ziel-Nr"}, {V: "Handlungsfeld"}, {V: "Verantwortlich"}, {V: "Partner"},
			{V: "Beginn"}, {V: "Ende"}, {V: "Status"}, {V: "Priorität"}, {V: "Kosten in €"}, {V: "Finanzierung"},
			{V: "Beschreibung"}, {V: "Querschnittsthemen"}, {V: "Indikator"}},
		{{V: "GE-4.1"}, {V: "Fortbildungsreihe „Kultursensible Pflege“ für ambulante Pflegedienste"}, {V: "GE-4"}, {V: "gesundheit"},
			{V: "Pflegestützpunkt Landkreis Musterland"}, {V: "AK Gesundheit; AWO"},
			{V: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), Style: date}, {V: "12/2026"}, {V: "geplant"}, {V: "hoch"},
			{V: 18500.0, Style: money}, {V: "Landesmittel"},
			{V: "Vier Module zu Pflege und Migration, Sterbebegleitung in verschiedenen Religionen und Arbeit mit Sprachmittlung; für Pflegekräfte und Pflegedienstleitungen.", Style: wrap},
			{V: "Antirassismus und Antidiskriminierung"}, {V: "Anzahl geschulter Pflegekräfte"}},
		{{V: "GE-4.2"}, {V: "Mehrsprachige Patienteninformationen im Klinikum"}, {V: "GE-4"}, {V: "Gesundheit und Pflege"},
			{V: "Klinikum"}, {V: "Gemeindedolmetscherdienst Musterland\nAK Gesundheit", Style: wrap},
			{V: "Q3/2025"}, {V: "Q2/2026"}, {V: " in Umsetzung "}, {V: "mittel"},
			{V: "4.500 €"}, {V: "Eigenmittel des Klinikums"},
			{V: "Aufnahmebögen, Einwilligungen und Entlassbriefe in den zehn häufigsten Sprachen, geprüft von Gemeindedolmetscherinnen.", Style: wrap},
			{}, {V: "Anzahl übersetzter Formulare"}},
		{}, // a blank row, as people leave them
		{{V: "GE-4.3"}, {V: "Interkulturelle Sprechstunde im Gesundheitsamt"}, {V: "GE-4"}, {V: "gesundheit"},
			{V: "Gesundheitsamt des Landkreises Musterland"}, {V: "MBE; TDKV;Мрія"},
			{V: 2025}, {V: "fortlaufend"}, {V: "Daueraufgabe"}, {V: "mittel"},
			{V: 9000}, {V: "Eigenmittel"},
			{V: "Eine wöchentliche offene Sprechstunde mit Sprachmittlung zu Impfungen, Vorsorge und Krankenversicherung.", Style: wrap},
			{V: "Geschlechtergleichstellung"}, {V: "Anzahl Beratungen"}},
		{{V: "GE-2.3"}, {V: "Telefondolmetschen für Rettungsdienst und Notaufnahme"}, {V: "GE-2"}, {},
			{V: "AK Gesundheit"}, {V: "Klinikum;\nGemeindedolmetscherdienst Musterland", Style: wrap},
			{V: "01.03.2026"}, {V: "2027"}, {V: "geplant"}, {V: "hoch"},
			{}, {V: "Drittmittel (Krankenkassen)"},
			{V: "Rettungsdienst und Notaufnahme erreichen rund um die Uhr eine Dolmetscherin oder einen Dolmetscher am Telefon.", Style: wrap},
			{V: "digitalisierung"}, {V: "Anzahl Einsätze je Monat"}},
	}
	if err := gen.SetRows(f, "Maßnahmen", 3, massnahmen); err != nil {
		return err
	}
	if err := f.SetCellStyle("Maßnahmen", "A3", "O3", head); err != nil {
		return err
	}
	for col, w := range map[string]float64{"A": 12, "B": 40, "C": 9, "D": 20, "E": 30, "F": 30, "G": 12, "H": 12, "I": 14, "J": 10, "K": 14, "L": 22, "M": 50, "N": 24, "O": 28} {
		if err := f.SetColWidth("Maßnahmen", col, col, w); err != nil {
			return err
		}
	}

	// Ziele: the header in the first row, as in the template.
	ziele := [][]gen.Cell{
		{{V: "Handlungsfeld"}, {V: "Ziel-Nr"}, {V: "Ziel"}, {V: "Beschreibung"}, {V: "Indikatoren"}},
		{{V: "Gesundheit und Pflege"}, {V: "GE-4"}, {V: "Fachkräfte in Gesundheit und Pflege arbeiten kultursensibel und mehrsprachig."},
			{V: "Pflegedienste, Praxen und Klinikum stellen sich auf Patientinnen und Patienten mit anderen Sprachen, Religionen und Erfahrungen ein.", Style: wrap},
			{V: "Anzahl geschulter Fachkräfte; Anzahl mehrsprachiger Patienteninformationen", Style: wrap}},
	}
	if err := gen.SetRows(f, "Ziele", 1, ziele); err != nil {
		return err
	}
	if err := f.SetCellStyle("Ziele", "A1", "E1", head); err != nil {
		return err
	}
	for col, w := range map[string]float64{"A": 24, "B": 9, "C": 50, "D": 50, "E": 40} {
		if err := f.SetColWidth("Ziele", col, col, w); err != nil {
			return err
		}
	}

	if err := f.SetCellStr("Notizen", "A1", "Offene Punkte: Finanzierung GE-2.3 mit den Krankenkassen klären."); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          "Ergebnisse Arbeitskreis Gesundheit und Migration",
		Creator:        "Arbeitskreis Gesundheit und Migration",
		LastModifiedBy: "Arbeitskreis Gesundheit und Migration",
		Created:        "2024-11-25T00:00:00Z",
		Modified:       "2024-11-25T00:00:00Z",
		Language:       "de-DE",
	}); err != nil {
		return err
	}
	return gen.SaveWorkbook(f, name)
}
