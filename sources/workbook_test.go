package sources_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/landkreis/konzept/internal/testgen"
	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// zelle is a cell with a number format, a formula, or both.
type zelle struct {
	v       any
	numFmt  int    // built-in number format id
	format  string // custom number format code
	formula string
}

// blatt is a sheet to build: its rows from A1 (nil rows stay empty), and
// ranges of merged cells.
type blatt struct {
	name   string
	rows   [][]any
	merged []string
}

// mappe builds a workbook with excelize, in memory.
func mappe(t testing.TB, date1904 bool, blaetter ...blatt) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		must(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}))
	}
	for i, b := range blaetter {
		if i == 0 {
			must(t, f.SetSheetName("Sheet1", b.name))
		} else if _, err := f.NewSheet(b.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range b.rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				z, ok := v.(zelle)
				if !ok {
					z = zelle{v: v}
				}
				if z.v != nil {
					must(t, f.SetCellValue(b.name, cell, z.v))
				}
				if z.formula != "" {
					must(t, f.SetCellFormula(b.name, cell, z.formula))
				}
				if z.numFmt != 0 || z.format != "" {
					st := &excelize.Style{NumFmt: z.numFmt}
					if z.format != "" {
						st.CustomNumFmt = &z.format
					}
					id, err := f.NewStyle(st)
					must(t, err)
					must(t, f.SetCellStyle(b.name, cell, cell, id))
				}
			}
		}
		for _, m := range b.merged {
			from, to, _ := strings.Cut(m, ":")
			must(t, f.MergeCell(b.name, from, to))
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

const datei = "workshops/bildung.xlsx"

// lesen reads data as the workbook datei and returns the problems, sorted, as printed.
func lesen(t testing.TB, data []byte) (*sources.Workbook, []string) {
	t.Helper()
	wb, ps := sources.ReadWorkbook(fstest.MapFS{datei: {Data: data}}, datei)
	if wb == nil || wb.File != datei {
		t.Fatalf("ReadWorkbook returned %+v", wb)
	}
	ps.Sort()
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.Format("de"))
	}
	return wb, lines
}

// kopf is the header of the sheet Maßnahmen in the order of the SPEC.
var kopf = []any{"Handlungsfeld", "Ziel-Nr", "Maßnahme-Nr", "Maßnahme", "Beschreibung", "Federführung", "Partner", "Beginn", "Ende", "Status", "Priorität", "Finanzierung", "Kosten", "Querschnittsthemen", "Indikator"}

// zeile is a full measure row matching kopf.
var zeile = []any{"Bildung", "BI-1", "BI-1.1", "Sprachkurse mit Kinderbetreuung", "Parallel zu den Kursen.", "KMT", "VHS; Jobcenter", "2025-01", "fortlaufend", "in Umsetzung", "hoch", "ESF Plus", 12000, "Gleichstellung, Familie", "Anzahl Kinder"}

// beschreibe renders a measure row as one line, for comparisons.
func beschreibe(m sources.MassnahmeZeile) string {
	kosten := "-"
	if m.Kosten != nil {
		kosten = strconv.FormatFloat(*m.Kosten, 'f', -1, 64)
	}
	return strings.Join([]string{m.Handlungsfeld, m.ZielNr, m.ID, m.Titel, m.Beschreibung, m.Federfuehrung,
		strings.Join(m.Partner, "|"), m.Beginn.String(), m.Ende.String(), string(m.Status), m.Prioritaet,
		m.Finanzierung, kosten, strings.Join(m.Querschnitt, "|"), m.Indikator}, " / ")
}

const voll = "Bildung / BI-1 / BI-1.1 / Sprachkurse mit Kinderbetreuung / Parallel zu den Kursen. / KMT / VHS|Jobcenter / 2025-01 / fortlaufend / in-umsetzung / hoch / ESF Plus / 12000 / Gleichstellung|Familie / Anzahl Kinder"

func TestReadWorkbookHeaders(t *testing.T) {
	tests := []struct {
		name string
		kopf []any
	}{
		{"canonical", kopf},
		{"first aliases", []any{"Feld", "Ziel", "Nr", "Titel", "Beschreibung", "Verantwortlich", "Kooperationspartner", "Start", "Bis", "Umsetzungsstand", "Prio", "Finanzierungsquelle", "Kosten (EUR)", "Querschnitt", "Erfolgskriterium"}},
		{"other aliases", []any{"FELD", "Ziel-ID", "Maßnahme-ID", "Titel", "BESCHREIBUNG", "Zuständig", "partner", "start", "bis", "status", "prio", "Aussagen zur Finanzierung", "Kosten in €", "Querschnitt", "Indikator"}},
		{"spelling", []any{"handlungs-feld", "Ziel - Nr.", "Massnahme-Nr", "Massnahme", "Beschreibung ", "federführend", "Partner", "Beginn", "Ende", "Status", "Prioritaet", "Finanzierung", "KOSTEN IN €", "Querschnitts-Themen", "Indikator"}},
		{"more spelling", []any{"Feld", "Ziel-Nr", "Maßnahme - Nr.", "Maßnahme", "Beschreibung", "Zuständigkeit", "Partner", "Beginn", "Ende", "Status", "Priorität", "Finanzierung", "Kosten", "Querschnittsthemen", "Indikator"}},
		{"line break and no-break space", []any{"Handlungs-\nfeld", "Ziel-Nr", "Maßnahme-\u00a0Nr", "Maßnahme", "Beschreibung", "Feder-\nführung", "Partner", "Beginn", "Ende", "Status", "Priorität", "Finanzierung", "Kosten", "Querschnittsthemen", "Indikator"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb, problems := lesen(t, mappe(t, false, blatt{name: "Maßnahmen", rows: [][]any{tt.kopf, zeile}}))
			if len(problems) > 0 {
				t.Errorf("problems:\n%s", strings.Join(problems, "\n"))
			}
			if len(wb.Massnahmen) != 1 {
				t.Fatalf("%d measures, want 1", len(wb.Massnahmen))
			}
			if got := beschreibe(wb.Massnahmen[0]); got != voll {
				t.Errorf("got  %s\nwant %s", got, voll)
			}
		})
	}
}

func TestReadWorkbookLayout(t *testing.T) {
	// Title lines and a blank row above the header, which starts in column
	// B; columns in another order; an unknown column; empty rows; a note in
	// the unknown column only; a field cell merged over the rows below.
	rows := [][]any{
		{"Workshop „Bildung“ am 12.03.2025"},
		{nil, "Moderation: Beispiel GmbH"},
		nil,
		{nil, "Nr", "Bemerkung", "Titel", "Feld", "Federführung", "Ziel"},
		{nil, "BI-1.1", "wichtig", "Sprachkurse", "Bildung", "KMT", "BI-1"},
		nil,
		{nil, "  BI-1.2  ", nil, " Elternabende\nmit Dolmetschern ", nil, "KMT", "BI-1"},
		{nil, nil, "nur eine Notiz"},
		{nil, "BI-1.3", nil, "Lernpaten", nil, "KMT", "BI-1"},
	}
	data := mappe(t, false,
		blatt{name: "Hinweise", rows: [][]any{{"Bitte ausfüllen"}}},
		blatt{name: "Massnahmen", rows: rows, merged: []string{"E5:E7"}})
	wb, problems := lesen(t, data)
	wantProblems := datei + "!Massnahmen!C4: warnung: unbekannte Spalte „Bemerkung“ wird nicht gelesen"
	if strings.Join(problems, "\n") != wantProblems {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), wantProblems)
	}
	var got []string
	for _, m := range wb.Massnahmen {
		got = append(got, fmt.Sprintf("%s %s %q %q %s @%s titel@%s feld@%s", m.ID, m.ZielNr, m.Titel, m.Handlungsfeld, m.Federfuehrung, m.Pos.Cell, m.At("titel").Cell, m.At("handlungsfeld").Cell))
	}
	want := []string{
		`BI-1.1 BI-1 "Sprachkurse" "Bildung" KMT @B5 titel@D5 feld@E5`,
		`BI-1.2 BI-1 "Elternabende\nmit Dolmetschern" "Bildung" KMT @B7 titel@D7 feld@E7`,
		`BI-1.3 BI-1 "Lernpaten" "" KMT @B9 titel@D9 feld@B9`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("measures:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := wb.Massnahmen[0].Pos; p.String() != datei+"!Massnahmen!B5" {
		t.Errorf("Pos = %s", p)
	}
}

func TestReadWorkbookZiele(t *testing.T) {
	data := mappe(t, false,
		blatt{name: "Ziele", rows: [][]any{
			{"Ziele aus dem Workshop"},
			{"Handlungsfeld", "Ziel-Nr", "Ziel", "Beschreibung", "Indikatoren"},
			{"Bildung", "BI-1", "Alle Kinder lernen Deutsch.", "Vor der Einschulung.", "Quote A; Quote B\nQuote C, mit Komma"},
			{"Bildung", "BI-2", "Eltern sind beteiligt."},
		}},
		blatt{name: "Maßnahmen", rows: [][]any{{"Maßnahme-Nr", "Maßnahme", "Ziel-Nr"}, {"BI-1.1", "Kurse", "BI-1"}}})
	wb, problems := lesen(t, data)
	if len(problems) > 0 {
		t.Errorf("problems:\n%s", strings.Join(problems, "\n"))
	}
	if len(wb.Ziele) != 2 || len(wb.Massnahmen) != 1 {
		t.Fatalf("%d goals, %d measures", len(wb.Ziele), len(wb.Massnahmen))
	}
	z := wb.Ziele[0]
	got := fmt.Sprintf("%s|%s|%s|%s|%q", z.Handlungsfeld, z.ID, z.Titel, z.Beschreibung, z.Indikatoren)
	if want := `Bildung|BI-1|Alle Kinder lernen Deutsch.|Vor der Einschulung.|["Quote A" "Quote B" "Quote C, mit Komma"]`; got != want {
		t.Errorf("goal %s, want %s", got, want)
	}
	for key, cell := range map[string]string{"handlungsfeld": "A3", "id": "B3", "titel": "C3", "indikatoren": "E3", "indikatoren[2]": "E3"} {
		if at := z.At(key); at.Sheet != "Ziele" || at.Cell != cell {
			t.Errorf("At(%s) = %s, want %s", key, at, cell)
		}
	}
	if z.Has("indikatoren[3]") || wb.Ziele[1].Has("beschreibung") {
		t.Error("Has reports a key that was not written")
	}
}

// spalte returns the column letter of a header of kopf.
func spalte(name string) string {
	for i, k := range kopf {
		if k == name {
			col, _ := excelize.ColumnNumberToName(i + 1)
			return col
		}
	}
	panic(name)
}

func TestReadWorkbookValues(t *testing.T) {
	tests := []struct {
		spalte  string // header of kopf
		v       any
		want    string // the value read, as beschreibe shows it
		problem string // after "file!Maßnahmen!<cell>: "
	}{
		// Periods as text, numbers and date cells.
		{"Beginn", "2025", "2025", ""},
		{"Beginn", 2025, "2025", ""},
		{"Beginn", "Q3/2025", "2025-Q3", ""},
		{"Beginn", "q3 / 2025", "2025-Q3", ""},
		{"Beginn", "2025-Q3", "2025-Q3", ""},
		{"Beginn", "03/2025", "2025-03", ""},
		{"Beginn", "3.2025", "2025-03", ""},
		{"Beginn", "2025-03", "2025-03", ""},
		{"Beginn", "01.03.2025", "2025-03-01", ""},
		{"Beginn", "1.3.2025", "2025-03-01", ""},
		{"Beginn", "2025-03-01", "2025-03-01", ""},
		// excelize gives a time the format "mmm-yy" (17): the month is shown.
		{"Beginn", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), "2025-03", ""},
		{"Beginn", zelle{v: 45717, numFmt: 14}, "2025-03-01", ""},
		{"Beginn", zelle{v: 45717.75, numFmt: 22}, "2025-03-01", ""},
		{"Beginn", zelle{v: 45717, format: "DD.MM.YYYY"}, "2025-03-01", ""},
		{"Beginn", zelle{v: 45717, format: `[$-407]dd/mm/yyyy;@`}, "2025-03-01", ""},
		{"Beginn", zelle{v: 45717, format: "MM/YYYY"}, "2025-03", ""},
		{"Beginn", zelle{v: 45717, format: "mmmm yyyy"}, "2025-03", ""},
		{"Beginn", zelle{v: 45717, numFmt: 17}, "2025-03", ""},
		{"Beginn", zelle{v: 45717, format: "yyyy"}, "2025", ""},
		{"Beginn", zelle{v: 2025, format: "0"}, "2025", ""},
		{"Beginn", "Mitte 2025", "", "H2: fehler: ungültige Zeitangabe „Mitte 2025“ in `Beginn`: erwartet eine Datumszelle oder „2025“, „Q3/2025“, „2025-Q3“, „03/2025“, „2025-03“, „01.03.2025“ oder „2025-03-01“"},
		{"Beginn", "31.02.2025", "", "H2: fehler: ungültige Zeitangabe „31.02.2025“ in `Beginn`: erwartet eine Datumszelle oder „2025“, „Q3/2025“, „2025-Q3“, „03/2025“, „2025-03“, „01.03.2025“ oder „2025-03-01“"},
		{"Beginn", "13/2025", "", "H2: fehler: ungültige Zeitangabe „13/2025“ in `Beginn`: erwartet eine Datumszelle oder „2025“, „Q3/2025“, „2025-Q3“, „03/2025“, „2025-03“, „01.03.2025“ oder „2025-03-01“"},
		{"Beginn", 45717, "", "H2: fehler: ungültige Zeitangabe „45717“ in `Beginn`: erwartet eine Datumszelle oder „2025“, „Q3/2025“, „2025-Q3“, „03/2025“, „2025-03“, „01.03.2025“ oder „2025-03-01“ – meinten Sie „01.03.2025“?"},
		{"Beginn", zelle{v: 0.5, numFmt: 20}, "", "H2: fehler: ungültige Zeitangabe „0.5“ in `Beginn`: erwartet eine Datumszelle oder „2025“, „Q3/2025“, „2025-Q3“, „03/2025“, „2025-03“, „01.03.2025“ oder „2025-03-01“"},
		{"Ende", "fortlaufend", "fortlaufend", ""},
		{"Ende", "laufend", "fortlaufend", ""},
		{"Ende", "Dauerhaft", "fortlaufend", ""},
		{"Ende", "FORTLAUFEND", "fortlaufend", ""},
		{"Ende", "Q4/2026", "2026-Q4", ""},
		{"Ende", "bald", "", "I2: fehler: ungültige Zeitangabe „bald“ in `Ende`: erwartet eine Datumszelle oder „2025“, „Q3/2025“, „2025-Q3“, „03/2025“, „2025-03“, „01.03.2025“, „2025-03-01“ oder „fortlaufend“"},
		// Status and priority.
		{"Status", "geplant", "geplant", ""},
		{"Status", " In Umsetzung ", "in-umsetzung", ""},
		{"Status", "in-umsetzung", "in-umsetzung", ""},
		{"Status", "laufend", "in-umsetzung", ""},
		{"Status", "UMGESETZT", "umgesetzt", ""},
		{"Status", "dauerhaft", "dauerhaft", ""},
		{"Status", "Daueraufgabe", "dauerhaft", ""},
		{"Status", "zurückgestellt", "zurueckgestellt", ""},
		{"Status", "Zurueckgestellt", "zurueckgestellt", ""},
		{"Status", "entfallen", "entfallen", ""},
		{"Status", "gepalnt", "", "J2: fehler: ungültiger Wert „gepalnt“ für `Status` – erlaubt: geplant, in Umsetzung, umgesetzt, dauerhaft, zurückgestellt, entfallen – meinten Sie „geplant“?"},
		{"Priorität", "Hoch", "hoch", ""},
		{"Priorität", "mittel", "mittel", ""},
		{"Priorität", "NIEDRIG", "niedrig", ""},
		{"Priorität", "1", "hoch", ""},
		{"Priorität", 2, "mittel", ""},
		{"Priorität", 3.0, "niedrig", ""},
		{"Priorität", "dringend", "", "K2: fehler: ungültiger Wert „dringend“ für `Priorität` – erlaubt: hoch, mittel, niedrig, 1, 2, 3"},
		{"Priorität", 4, "", "K2: fehler: ungültiger Wert „4“ für `Priorität` – erlaubt: hoch, mittel, niedrig, 1, 2, 3"},
		// Amounts.
		{"Kosten", 12000, "12000", ""},
		{"Kosten", 4500.5, "4500.5", ""},
		{"Kosten", zelle{v: 12000, format: `#,##0.00 "€"`}, "12000", ""},
		{"Kosten", zelle{v: 12000, format: `#.##0,00 €`}, "12000", ""},
		{"Kosten", zelle{v: 12000, numFmt: 4}, "12000", ""},
		{"Kosten", "12.000 €", "12000", ""},
		{"Kosten", "12.000,50 EUR", "12000.5", ""},
		{"Kosten", "4.500", "4500", ""},
		{"Kosten", "12000", "12000", ""},
		{"Kosten", "1.234.567,89 €", "1234567.89", ""},
		{"Kosten", "€ 800", "800", ""},
		{"Kosten", "12.000,- Euro", "12000", ""},
		{"Kosten", "0", "0", ""},
		{"Kosten", "–", "-", ""},
		{"Kosten", "-500", "-", "M2: fehler: ungültiger Betrag „-500“ in `Kosten`: erwartet eine Zahl ab 0, als Zahlzelle oder als Text wie „12000“, „12.000 €“ oder „12.000,50 EUR“"},
		{"Kosten", -500, "-", "M2: fehler: ungültiger Betrag „-500“ in `Kosten`: erwartet eine Zahl ab 0, als Zahlzelle oder als Text wie „12000“, „12.000 €“ oder „12.000,50 EUR“"},
		{"Kosten", "ca. 5.000 €", "-", "M2: fehler: ungültiger Betrag „ca. 5.000 €“ in `Kosten`: erwartet eine Zahl ab 0, als Zahlzelle oder als Text wie „12000“, „12.000 €“ oder „12.000,50 EUR“"},
		{"Kosten", "4.5", "-", "M2: fehler: ungültiger Betrag „4.5“ in `Kosten`: erwartet eine Zahl ab 0, als Zahlzelle oder als Text wie „12000“, „12.000 €“ oder „12.000,50 EUR“"},
		{"Kosten", "1" + strings.Repeat("0", 400), "-", "M2: fehler: ungültiger Betrag „1" + strings.Repeat("0", 78) + "…“ in `Kosten`: erwartet eine Zahl ab 0, als Zahlzelle oder als Text wie „12000“, „12.000 €“ oder „12.000,50 EUR“"}, // more than a float64 holds
		// Lists.
		{"Partner", "VHS; Jobcenter,KMT", "VHS|Jobcenter|KMT", ""},
		{"Partner", "VHS\nJobcenter\n", "VHS|Jobcenter", ""},
		{"Partner", " VHS ;; ", "VHS", ""},
		{"Querschnittsthemen", "Gleichstellung; Familie,Alter", "Gleichstellung|Familie|Alter", ""},
		// Text, also from number cells.
		{"Maßnahme-Nr", 7, "7", ""},
		{"Maßnahme-Nr", 1.5, "1.5", ""},
		{"Federführung", "  kmt ", "kmt", ""},
		{"Finanzierung", zelle{v: 45717, numFmt: 14}, "01.03.2025", ""},
		{"Beschreibung", "Zeile 1\r\nZeile 2_x000D_", "Zeile 1\nZeile 2", ""},
		// A quote that protects against formula injection (konzept export) is
		// dropped; other quotes stay.
		{"Beschreibung", "'- erster Punkt", "- erster Punkt", ""},
		{"Maßnahme", "'=HYPERLINK(1)", "=HYPERLINK(1)", ""},
		{"Finanzierung", "'+Eigenmittel", "+Eigenmittel", ""},
		{"Indikator", "'@Anzahl", "@Anzahl", ""},
		{"Beschreibung", "'Zitat'", "'Zitat'", ""},
		{"Beschreibung", "''=x", "''=x", ""},
		// A formula without a stored value is reported (TestReadWorkbookFormulas
		// has formulas with values, which excelize cannot write).
		{"Federführung", zelle{formula: `UPPER("kmt")`}, "", "F2: warnung: die Formel dieser Zelle hat keinen gespeicherten Wert und wird als leer gelesen – bitte die Arbeitsmappe in Excel öffnen und speichern, damit Formeln berechnet werden"},
		{"Beginn", zelle{formula: "DATE(2025,3,1)"}, "", "H2: warnung: die Formel dieser Zelle hat keinen gespeicherten Wert und wird als leer gelesen – bitte die Arbeitsmappe in Excel öffnen und speichern, damit Formeln berechnet werden"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s=%v", tt.spalte, tt.v), func(t *testing.T) {
			row := []any{nil, nil, "M-1", "Titel"}
			col := spalte(tt.spalte)
			n, _ := excelize.ColumnNameToNumber(col)
			for len(row) < n {
				row = append(row, nil)
			}
			row[n-1] = tt.v
			wb, problems := lesen(t, mappe(t, false, blatt{name: "Maßnahmen", rows: [][]any{kopf, row}}))
			want := ""
			if tt.problem != "" {
				want = datei + "!Maßnahmen!" + tt.problem
			}
			if got := strings.Join(problems, "\n"); got != want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, want)
			}
			if len(wb.Massnahmen) != 1 {
				t.Fatalf("%d measures", len(wb.Massnahmen))
			}
			m := wb.Massnahmen[0]
			got := strings.Split(beschreibe(m), " / ")[n-1]
			if got != tt.want {
				t.Errorf("%s = %q, want %q", tt.spalte, got, tt.want)
			}
			key := schema.MassnahmeSpalten[n-1].Key
			if at := m.At(key); at.Cell != col+"2" || at.Sheet != "Maßnahmen" || !m.Has(key) {
				t.Errorf("At(%s) = %s", key, at)
			}
		})
	}
}

func TestReadWorkbookDate1904(t *testing.T) {
	// The same serial number is another day in a workbook that counts from 1904.
	for _, tt := range []struct {
		date1904 bool
		want     string
	}{{false, "2021-02-28"}, {true, "2025-03-01"}} {
		wb, problems := lesen(t, mappe(t, tt.date1904, blatt{name: "Maßnahmen", rows: [][]any{
			{"Nr", "Titel", "Beginn", "Ende"},
			{"M-1", "T", zelle{v: 44255, numFmt: 14}, zelle{v: 44255, format: "mm/yyyy"}},
		}}))
		if len(problems) > 0 || len(wb.Massnahmen) != 1 {
			t.Fatalf("problems %q, %d measures", problems, len(wb.Massnahmen))
		}
		m := wb.Massnahmen[0]
		if got := m.Beginn.String(); got != tt.want {
			t.Errorf("date1904=%v: Beginn %s, want %s", tt.date1904, got, tt.want)
		}
		if got := m.Ende.String(); got != tt.want[:7] {
			t.Errorf("date1904=%v: Ende %s, want %s", tt.date1904, got, tt.want[:7])
		}
	}
}

// rawXLSX writes a minimal workbook whose sheets are given as the XML of
// their sheetData (a string, or a function writing it, for large ones), and
// extra parts by name.
func rawXLSX(t testing.TB, sheets []string, sheetData []func(io.Writer), extra map[string]string) []byte {
	t.Helper()
	data, err := testgen.XLSX(sheets, sheetData, extra)
	must(t, err)
	return data
}

func sheetXML(s string) func(io.Writer) { return testgen.Text(s) }

// kopfXML is the header row of a raw sheet: Maßnahme-Nr, Maßnahme, Federführung, Kosten.
const kopfXML = testgen.Kopf

func TestReadWorkbookFormulas(t *testing.T) {
	data := rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){sheetXML(kopfXML +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>M-1</t></is></c><c r="B2" t="inlineStr"><is><r><t>Sprach</t></r><r><t>kurse</t></r><rPh><t>x</t></rPh></is></c>` +
		`<c r="C2" t="str"><f>UPPER("kmt")</f><v>KMT</v></c><c r="D2"><f>10000+2000</f><v>12000</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>M-2</t></is></c><c r="B3" t="inlineStr"><is><t>Leer</t></is></c>` +
		`<c r="C3" t="str"><f>IF(1=1,"","x")</f><v></v></c><c r="D3"><f>1/0</f></c></row>` +
		`<row r="4"><c r="A4" t="inlineStr"><is><t>M-3</t></is></c><c r="B4" t="inlineStr"><is><t>Fehler</t></is></c>` +
		`<c r="C4" t="e"><f>VLOOKUP(1,A1:A2,3)</f><v>#N/A</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`)}, nil)
	wb, problems := lesen(t, data)
	want := []string{
		datei + "!Maßnahmen!D3: warnung: die Formel dieser Zelle hat keinen gespeicherten Wert und wird als leer gelesen – bitte die Arbeitsmappe in Excel öffnen und speichern, damit Formeln berechnet werden",
		datei + "!Maßnahmen!C4: fehler: die Zelle enthält den Fehlerwert „#N/A“",
		datei + "!Maßnahmen!D4: fehler: die Zelle enthält den Fehlerwert „#DIV/0!“",
	}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
	if len(wb.Massnahmen) != 3 {
		t.Fatalf("%d measures", len(wb.Massnahmen))
	}
	m := wb.Massnahmen[0]
	if m.Titel != "Sprachkurse" || m.Federfuehrung != "KMT" || m.Kosten == nil || *m.Kosten != 12000 {
		t.Errorf("row 2: %s", beschreibe(m))
	}
	if m := wb.Massnahmen[1]; m.Federfuehrung != "" || m.Kosten != nil {
		t.Errorf("row 3: %s", beschreibe(m))
	}
}

// badWorkbook has a mistake of every kind the reader reports.
func badWorkbook(t testing.TB) []byte {
	return mappe(t, false,
		blatt{name: "Notizen", rows: [][]any{{"wird nicht gelesen"}}},
		blatt{name: "Ziele", rows: [][]any{
			{"Handlungsfeld", "Ziel-Nr", "Ziel", "Indikatoren", "Indikator"},
			{"Bildung", "BI-1", "Kinder lernen Deutsch."},
			{"Bildung", nil, "Ziel ohne Nummer"},
			{nil, "BI-3"},
		}},
		blatt{name: "Maßnahmen", rows: [][]any{
			{"Maßnahmen aus dem Workshop Bildung"},
			nil,
			{"Maßnahme-Nr", "Maßnahme", "Ziel-Nr", "Verantwortlicher", "Status", "Prio", "Beginn", "Ende", "Kosten", "Bemerkungen", "Kosten in Euro"},
			{"BI-1.1", "Sprachkurse", "BI-1", "KMT", "abgeschlossen", "dringend", "Sommer 2025", 45717, "-500"},
			{"BI-1.2", nil, "BI-1", "KMT", "geplnt", 1, zelle{v: 45717, format: "dd.mm.yyyy"}, "2025-13", "ca. 5.000 €"},
			{nil, "Maßnahme ohne Nummer", zelle{formula: "A1"}},
			{"BI-1.4", "Lernpaten", "BI-1", "KMT", "in Umsetzung", "hoch", "Q1/2025", "fortlaufend", "12.000 €"},
		}},
		blatt{name: "Massnahmen", rows: [][]any{{"Nr", "Titel"}, {"X-1", "doppelt"}}},
	)
}

func TestReadWorkbookGolden(t *testing.T) {
	wb, ps := sources.ReadWorkbook(fstest.MapFS{datei: {Data: badWorkbook(t)}}, datei)
	ps.Sort()
	var b strings.Builder
	for _, lang := range []string{"de", "en"} {
		for _, p := range ps {
			b.WriteString(p.Format(lang) + "\n")
		}
		b.WriteString("\n")
	}
	for _, z := range wb.Ziele {
		fmt.Fprintf(&b, "Ziel %s %q %q\n", z.ID, z.Handlungsfeld, z.Titel)
	}
	for _, m := range wb.Massnahmen {
		fmt.Fprintf(&b, "Maßnahme %s\n", beschreibe(m))
	}
	golden(t, "workbook_bad.golden", b.String())
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		must(t, os.MkdirAll("testdata", 0o755))
		must(t, os.WriteFile(file, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if w := strings.ReplaceAll(string(want), "\r\n", "\n"); got != w {
		t.Errorf("%s differs (go test ./sources -run %s -update rewrites it):\ngot:\n%s\nwant:\n%s", file, t.Name(), got, w)
	}
}

// rows writes n rows of measures, numbered from first.
func rows(first, n int) func(io.Writer) { return testgen.Rows(first, n) }

// emptyRows writes the rows from first to last as Excel writes rows that are
// formatted but empty, with empty styled cells in every tenth.
func emptyRows(first, last int) func(io.Writer) { return testgen.EmptyRows(first, last) }

func join(ws ...func(io.Writer)) func(io.Writer) { return testgen.Join(ws...) }

func TestReadWorkbookHostile(t *testing.T) {
	good := mappe(t, false, blatt{name: "Maßnahmen", rows: [][]any{kopf, zeile}})
	damaged := bytes.Clone(good)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	must(t, err)
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			off, err := f.DataOffset()
			must(t, err)
			for i := off + 10; i < off+int64(f.CompressedSize64)-4; i++ {
				damaged[i] ^= 0x55
			}
		}
	}
	// A zip bomb: a sheet of 100 MiB that compresses to some 500 KiB.
	bomb := rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){testgen.Bomb(100 << 20)}, nil)
	// A zip bomb that lies about its size: the sheet declares 1 KiB.
	var liar bytes.Buffer
	{
		var deflated bytes.Buffer
		fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
		fw.Write([]byte(`<?xml version="1.0"?><worksheet><sheetData>`))
		chunk := []byte(strings.Repeat("<row/>", 1<<16))
		for n := 0; n < 100<<20; n += len(chunk) {
			fw.Write(chunk)
		}
		fw.Close()
		zw := zip.NewWriter(&liar)
		zr, _ := zip.NewReader(bytes.NewReader(good), int64(len(good)))
		for _, f := range zr.File {
			if f.Name == "xl/worksheets/sheet1.xml" {
				w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CompressedSize64: uint64(deflated.Len()), UncompressedSize64: 1024, CRC32: 1})
				must(t, err)
				w.Write(deflated.Bytes())
				continue
			}
			must(t, zw.Copy(f))
		}
		must(t, zw.Close())
	}
	header := sheetXML(kopfXML)
	tests := []struct {
		name     string
		data     []byte
		want     []string // problems, after "datei"
		measures int
	}{
		{"empty file", []byte{}, []string{": fehler: die Datei ist leer"}, 0},
		{"csv", []byte("Maßnahme-Nr;Maßnahme\nM-1;Titel\n"), []string{": fehler: keine lesbare Excel-Arbeitsmappe: die Datei ist keine .xlsx-Datei – bitte in Excel als „Excel-Arbeitsmappe (*.xlsx)“ speichern"}, 0},
		{"xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...), []string{": fehler: keine lesbare Excel-Arbeitsmappe: die Datei ist im alten .xls-Format oder mit einem Kennwort verschlüsselt – bitte in Excel ohne Kennwort als „Excel-Arbeitsmappe (*.xlsx)“ speichern"}, 0},
		{"truncated", good[:len(good)/2], []string{": fehler: keine lesbare Excel-Arbeitsmappe: die Datei ist beschädigt oder unvollständig"}, 0},
		{"damaged sheet", damaged, []string{"!Maßnahmen: fehler: keine lesbare Excel-Arbeitsmappe: das Tabellenblatt ist beschädigt"}, 0},
		{"other zip", func() []byte {
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			w, _ := zw.Create("word/document.xml")
			w.Write([]byte("<document/>"))
			zw.Close()
			return b.Bytes()
		}(), []string{": fehler: keine lesbare Excel-Arbeitsmappe: die Datei ist keine .xlsx-Datei – bitte in Excel als „Excel-Arbeitsmappe (*.xlsx)“ speichern"}, 0},
		{"zip bomb", bomb, []string{": fehler: keine lesbare Excel-Arbeitsmappe: entpackt wäre die Datei größer als 64 MiB"}, 0},
		{"zip bomb lying about its size", liar.Bytes(), []string{"!Maßnahmen: fehler: keine lesbare Excel-Arbeitsmappe: das Tabellenblatt ist beschädigt"}, 0},
		{"unclosed sheet", rawXLSX(t, []string{"Maßnahmen"}, nil, map[string]string{"xl/worksheets/sheet1.xml": `<worksheet><sheetData>` + kopfXML + `<row r="2"><c r="A2" t="inlineStr"><is><t>M-1</t>`}),
			[]string{"!Maßnahmen: fehler: keine lesbare Excel-Arbeitsmappe: das Tabellenblatt ist beschädigt"}, 0},
		{"bad shared string", rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){join(header, sheetXML(`<row r="2"><c r="A2" t="s"><v>7</v></c></row>`))}, nil),
			[]string{"!Maßnahmen: fehler: keine lesbare Excel-Arbeitsmappe: das Tabellenblatt ist beschädigt"}, 0},
		{"bad cell reference", rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){join(header, sheetXML(`<row r="2"><c r="A0"><v>7</v></c></row>`))}, nil),
			[]string{"!Maßnahmen: fehler: keine lesbare Excel-Arbeitsmappe: das Tabellenblatt ist beschädigt"}, 0},
		{"no sheet Maßnahmen", rawXLSX(t, []string{"Tabelle1", "Maßnahme"}, []func(io.Writer){header, header}, nil),
			[]string{": fehler: Tabellenblatt „Maßnahmen“ fehlt (vorhanden: „Tabelle1“, „Maßnahme“) – meinten Sie „Maßnahme“?"}, 0},
		{"no header", rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){rows(1, 3)}, nil),
			[]string{"!Maßnahmen: fehler: keine Kopfzeile gefunden: erwartet wird eine Zeile mit mindestens zwei Spaltennamen wie „Handlungsfeld“, „Ziel-Nr“, „Maßnahme-Nr“, „Maßnahme“ …"}, 0},
		{"no title column", rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){join(sheetXML(`<row r="2"><c r="B2" t="inlineStr"><is><t>Nr</t></is></c><c r="C2" t="inlineStr"><is><t>Feld</t></is></c></row>`), rows(3, 2))}, nil),
			[]string{"!Maßnahmen!B2: fehler: Spalte `Maßnahme` fehlt in der Kopfzeile: das Tabellenblatt wird nicht gelesen"}, 0},
		{"a million empty rows", rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){join(header, rows(2, 2), emptyRows(4, 1_000_000))}, nil), nil, 2},
		{"a value far down", rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){join(header, rows(2, 2), emptyRows(1_000_000, 1_048_575), rows(1_048_576, 1))}, nil), nil, 3},
		{"overlapping merged ranges", rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){join(header, rows(2, 5000), func(w io.Writer) {
			io.WriteString(w, `</sheetData><mergeCells>`)
			for range 50_000 {
				io.WriteString(w, `<mergeCell ref="B2:B1048576"/><mergeCell ref="C3:C1048576"/>`)
			}
			io.WriteString(w, `</mergeCells><sheetData>`)
		})}, nil), nil, 5000},
		{"too many rows", rawXLSX(t, []string{"Maßnahmen"}, []func(io.Writer){join(header, rows(2, 10_500))}, nil),
			[]string{"!Maßnahmen!A10001: fehler: mehr als 10.000 ausgefüllte Zeilen: das Tabellenblatt wird nur bis hierher gelesen"}, 9_999},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			wb, problems := lesen(t, tt.data)
			elapsed := time.Since(start)
			t.Logf("%d bytes read in %v", len(tt.data), elapsed)
			var want []string
			for _, w := range tt.want {
				want = append(want, datei+w)
			}
			if strings.Join(problems, "\n") != strings.Join(want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
			}
			if len(wb.Massnahmen) != tt.measures {
				t.Errorf("%d measures, want %d", len(wb.Massnahmen), tt.measures)
			}
			if elapsed > 5*time.Second {
				t.Errorf("took %v", elapsed)
			}
		})
	}
}

// workshops builds n measures spread over 4 workbooks, each with a sheet of
// goals, every column filled, dates as date cells and as text.
func workshops(b *testing.B, n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for w := range 4 {
		ziele := [][]any{{"Handlungsfeld", "Ziel-Nr", "Ziel", "Beschreibung", "Indikatoren"}}
		for g := range 10 {
			ziele = append(ziele, []any{"Bildung", fmt.Sprintf("W%d-%d", w, g), "Ein Ziel", "Eine Beschreibung des Ziels.", "Quote; Anzahl"})
		}
		massnahmen := [][]any{{"Maßnahmen des Workshops"}, nil, kopf}
		for i := range n / 4 {
			row := slices.Clone(zeile)
			row[1] = fmt.Sprintf("W%d-%d", w, i%10)
			row[2] = fmt.Sprintf("W%d-%d.%d", w, i%10, i)
			row[4] = "Eine längere Beschreibung der Maßnahme, wie sie im Workshop notiert wurde, über zwei Sätze. Mit Zielgruppe und Ort."
			if i%2 == 0 {
				row[7] = zelle{v: 45717 + i, numFmt: 14}
				row[12] = zelle{v: 1000 * i, format: `#,##0.00 "€"`}
			}
			massnahmen = append(massnahmen, row)
		}
		fsys[fmt.Sprintf("workshops/w%d.xlsx", w)] = &fstest.MapFile{Data: mappe(b, false, blatt{name: "Ziele", rows: ziele}, blatt{name: "Maßnahmen", rows: massnahmen})}
	}
	return fsys
}

func benchmarkRead(b *testing.B, n int) {
	fsys := workshops(b, n)
	b.ReportAllocs()
	for b.Loop() {
		got := 0
		for w := range 4 {
			wb, ps := sources.ReadWorkbook(fsys, fmt.Sprintf("workshops/w%d.xlsx", w))
			if len(ps) > 0 {
				b.Fatal(ps)
			}
			got += len(wb.Massnahmen)
		}
		if got != n {
			b.Fatalf("%d measures, want %d", got, n)
		}
	}
}

// BenchmarkReadWorkbook160 reads 160 measures from 4 workbooks (Emsland's count).
func BenchmarkReadWorkbook160(b *testing.B) { benchmarkRead(b, 160) }

// BenchmarkReadWorkbook1600 reads 1,600 measures from 4 workbooks.
func BenchmarkReadWorkbook1600(b *testing.B) { benchmarkRead(b, 1600) }
