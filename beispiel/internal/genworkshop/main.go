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
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	out := flag.String("o", "beispiel/konzept/workshops/arbeitskreis-gesundheit.xlsx", "write the workbook to `FILE`")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genworkshop:", err)
		os.Exit(1)
	}
}

// cell is a value for a cell and, if not 0, its style.
type cell struct {
	v     any
	style int
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
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		return err
	}
	datum := "DD.MM.YYYY"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &datum})
	if err != nil {
		return err
	}
	euro := `#,##0.00 "€"`
	money, err := f.NewStyle(&excelize.Style{CustomNumFmt: &euro})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}

	// Maßnahmen: a title line, a blank row, the header in row 3.
	if err := f.SetCellStr("Maßnahmen", "A1", "Fachworkshop Arbeit, Wohnen und Gesundheit am 20.11.2024 – Ergebnisse des Arbeitskreises Gesundheit und Migration"); err != nil {
		return err
	}
	if err := f.SetCellStyle("Maßnahmen", "A1", "A1", bold); err != nil {
		return err
	}
	massnahmen := [][]cell{
		{{v: "Maßnahme-Nr"}, {v: "Maßnahme"}, {v: "Ziel-Nr"}, {v: "Handlungsfeld"}, {v: "Verantwortlich"}, {v: "Partner"},
			{v: "Beginn"}, {v: "Ende"}, {v: "Status"}, {v: "Priorität"}, {v: "Kosten in €"}, {v: "Finanzierung"},
			{v: "Beschreibung"}, {v: "Querschnittsthemen"}, {v: "Indikator"}},
		{{v: "GE-4.1"}, {v: "Fortbildungsreihe „Kultursensible Pflege“ für ambulante Pflegedienste"}, {v: "GE-4"}, {v: "gesundheit"},
			{v: "Pflegestützpunkt Landkreis Musterland"}, {v: "AK Gesundheit; AWO"},
			{v: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), style: date}, {v: "12/2026"}, {v: "geplant"}, {v: "hoch"},
			{v: 18500.0, style: money}, {v: "Landesmittel"},
			{v: "Vier Module zu Pflege und Migration, Sterbebegleitung in verschiedenen Religionen und Arbeit mit Sprachmittlung; für Pflegekräfte und Pflegedienstleitungen.", style: wrap},
			{v: "Antirassismus und Antidiskriminierung"}, {v: "Anzahl geschulter Pflegekräfte"}},
		{{v: "GE-4.2"}, {v: "Mehrsprachige Patienteninformationen im Klinikum"}, {v: "GE-4"}, {v: "Gesundheit und Pflege"},
			{v: "Klinikum"}, {v: "Gemeindedolmetscherdienst Musterland\nAK Gesundheit", style: wrap},
			{v: "Q3/2025"}, {v: "Q2/2026"}, {v: " in Umsetzung "}, {v: "mittel"},
			{v: "4.500 €"}, {v: "Eigenmittel des Klinikums"},
			{v: "Aufnahmebögen, Einwilligungen und Entlassbriefe in den zehn häufigsten Sprachen, geprüft von Gemeindedolmetscherinnen.", style: wrap},
			{}, {v: "Anzahl übersetzter Formulare"}},
		{}, // a blank row, as people leave them
		{{v: "GE-4.3"}, {v: "Interkulturelle Sprechstunde im Gesundheitsamt"}, {v: "GE-4"}, {v: "gesundheit"},
			{v: "Gesundheitsamt des Landkreises Musterland"}, {v: "MBE; TDKV;Мрія"},
			{v: 2025}, {v: "fortlaufend"}, {v: "Daueraufgabe"}, {v: "mittel"},
			{v: 9000}, {v: "Eigenmittel"},
			{v: "Eine wöchentliche offene Sprechstunde mit Sprachmittlung zu Impfungen, Vorsorge und Krankenversicherung.", style: wrap},
			{v: "Geschlechtergleichstellung"}, {v: "Anzahl Beratungen"}},
		{{v: "GE-2.3"}, {v: "Telefondolmetschen für Rettungsdienst und Notaufnahme"}, {v: "GE-2"}, {},
			{v: "AK Gesundheit"}, {v: "Klinikum;\nGemeindedolmetscherdienst Musterland", style: wrap},
			{v: "01.03.2026"}, {v: "2027"}, {v: "geplant"}, {v: "hoch"},
			{}, {v: "Drittmittel (Krankenkassen)"},
			{v: "Rettungsdienst und Notaufnahme erreichen rund um die Uhr eine Dolmetscherin oder einen Dolmetscher am Telefon.", style: wrap},
			{v: "digitalisierung"}, {v: "Anzahl Einsätze je Monat"}},
	}
	if err := rows(f, "Maßnahmen", 3, massnahmen); err != nil {
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
	ziele := [][]cell{
		{{v: "Handlungsfeld"}, {v: "Ziel-Nr"}, {v: "Ziel"}, {v: "Beschreibung"}, {v: "Indikatoren"}},
		{{v: "Gesundheit und Pflege"}, {v: "GE-4"}, {v: "Fachkräfte in Gesundheit und Pflege arbeiten kultursensibel und mehrsprachig."},
			{v: "Pflegedienste, Praxen und Klinikum stellen sich auf Patientinnen und Patienten mit anderen Sprachen, Religionen und Erfahrungen ein.", style: wrap},
			{v: "Anzahl geschulter Fachkräfte; Anzahl mehrsprachiger Patienteninformationen", style: wrap}},
	}
	if err := rows(f, "Ziele", 1, ziele); err != nil {
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
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := f.Write(out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// rows writes rows of cells to sheet from row first on.
func rows(f *excelize.File, sheet string, first int, rows [][]cell) error {
	for i, row := range rows {
		for j, c := range row {
			if c.v == nil {
				continue
			}
			ref, err := excelize.CoordinatesToCellName(j+1, first+i)
			if err != nil {
				return err
			}
			if err := f.SetCellValue(sheet, ref, c.v); err != nil {
				return err
			}
			if c.style != 0 {
				if err := f.SetCellStyle(sheet, ref, ref, c.style); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
