package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/beispiel"
	"github.com/landkreis/konzept/schema"
)

// TestVorlageRoundTrip fills the workshop template of the example concept as
// a consultant would, with values from its drop-down lists, and checks that
// the concept with the filled workbook validates and builds, and that the
// goals and measures arrive as written (the round trip).
func TestVorlageRoundTrip(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, beispiel.FS()); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "workshops"), 0o755); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "workshops", "test.xlsx")
	run(t, 0, "vorlage", "workshop", dir, "-o", book)
	addQuelle(t, dir, "workshops/*.xlsx")

	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	felder, ziele, akteure := list(t, f, "A"), list(t, f, "B"), list(t, f, "C")
	if len(felder) < 2 || len(ziele) < 2 || len(akteure) < 3 {
		t.Fatalf("lists of the template: %q, %q, %q", felder, ziele, akteure)
	}
	// Two new goals in the sheet Ziele, in the second field.
	fill(t, f, "Ziele", 2, map[string]any{
		"Handlungsfeld": felder[1], "Ziel-Nr": "RT-1", "Ziel": "Ein neues Ziel aus dem Workshop.",
		"Beschreibung": "Es steht in der Vorlage.", "Indikatoren": "Erster Indikator; Zweiter Indikator",
	})
	fill(t, f, "Ziele", 3, map[string]any{
		"Handlungsfeld": felder[1], "Ziel-Nr": "RT-2", "Ziel": "Noch ein neues Ziel.",
	})
	// Five measures: two for the new goals, three for goals of the concept.
	massnahmen := []map[string]any{
		{"Handlungsfeld": felder[1], "Ziel-Nr": "RT-1", "Maßnahme-Nr": "RT-1.1", "Maßnahme": "Erste Maßnahme",
			"Federführung": akteure[0], "Partner": akteure[1] + "; " + akteure[2], "Beginn": "Q3/2025", "Ende": "fortlaufend",
			"Status": "in Umsetzung", "Priorität": "hoch", "Finanzierung": "Eigenmittel", "Kosten": 12000, "Indikator": "Anzahl"},
		{"Ziel-Nr": "RT-1", "Maßnahme-Nr": "RT-1.2", "Maßnahme": "Zweite Maßnahme", "Federführung": akteure[2],
			"Beginn": time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "Ende": "12/2027", "Status": "geplant", "Priorität": "niedrig"},
		{"Ziel-Nr": "RT-2", "Maßnahme-Nr": "RT-2.1", "Maßnahme": "Dritte Maßnahme", "Federführung": akteure[1],
			"Beginn": "2026", "Ende": "2026", "Status": "zurückgestellt", "Kosten": 2500.5},
		{"Ziel-Nr": ziele[0], "Maßnahme-Nr": ziele[0] + ".90", "Maßnahme": "Vierte Maßnahme", "Federführung": akteure[0],
			"Beginn": "01.03.2025", "Ende": "30.06.2025", "Status": "umgesetzt", "Priorität": "mittel"},
		{"Handlungsfeld": felder[0], "Ziel-Nr": ziele[0], "Maßnahme-Nr": ziele[0] + ".91", "Maßnahme": "Fünfte Maßnahme",
			"Federführung": akteure[1], "Status": "dauerhaft", "Beginn": "03/2025", "Ende": "fortlaufend"},
	}
	for i, m := range massnahmen {
		fill(t, f, "Maßnahmen", i+2, m)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	out := run(t, 0, "validate", dir, "--strict", "--format", "json")
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("validate found problems:\n%s", out)
	}
	k, ps, err := assemble.Load(os.DirFS(dir))
	if err != nil || len(ps) > 0 {
		t.Fatalf("load: %v, %v", ps, err)
	}
	ids := map[string]string{} // actor name -> id
	for _, a := range k.Konzept.Akteure {
		ids[a.Name] = a.ID
	}
	got := map[string]schema.Massnahme{}
	goals := map[string]string{} // goal id -> field title
	for _, hf := range k.Handlungsfelder {
		for _, z := range hf.Ziele {
			goals[z.ID] = hf.Titel
			for _, m := range z.Massnahmen {
				got[m.ID] = m
			}
		}
	}
	for _, g := range []string{"RT-1", "RT-2"} {
		if goals[g] != felder[1] {
			t.Errorf("goal %s in field %q, want %q", g, goals[g], felder[1])
		}
	}
	m, ok := got["RT-1.1"]
	if !ok {
		t.Fatalf("measure RT-1.1 missing from the concept")
	}
	if m.Federfuehrung != ids[akteure[0]] || !slices.Equal(m.Partner, []string{ids[akteure[1]], ids[akteure[2]]}) ||
		m.Status != schema.InUmsetzung || m.Prioritaet != "hoch" || m.Kosten == nil || *m.Kosten != 12000 ||
		m.Beginn.String() != "2025-Q3" || m.Ende.String() != "fortlaufend" {
		t.Errorf("RT-1.1 = %+v", m)
	}
	if m := got["RT-1.2"]; m.Beginn.String() != "2026-03-01" || m.Ende.String() != "2027-12" || m.Prioritaet != "niedrig" {
		t.Errorf("RT-1.2: beginn %s, ende %s, prioritaet %q; want the date cell as 2026-03-01", m.Beginn, m.Ende, m.Prioritaet)
	}
	if m := got["RT-2.1"]; m.Status != schema.Zurueckgestellt || m.Kosten == nil || *m.Kosten != 2500.5 {
		t.Errorf("RT-2.1 = %+v", m)
	}
	for _, id := range []string{ziele[0] + ".90", ziele[0] + ".91"} {
		if _, ok := got[id]; !ok {
			t.Errorf("measure %s missing", id)
		}
	}

	pdf := filepath.Join(t.TempDir(), "konzept.pdf")
	run(t, 0, "build", dir, "-o", pdf)
	if data, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("no PDF: %v", err)
	}
}

// run runs konzept with args, checks the exit status and returns stdout.
func run(t *testing.T, want int, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := Execute("test", args, Streams{Out: &out, ErrOut: &errOut}); code != want {
		t.Fatalf("konzept %s: exit status %d, want %d\n%s%s", strings.Join(args, " "), code, want, out.String(), errOut.String())
	}
	return out.String()
}

// addQuelle lists pattern under `quellen` in the concept's konzept.yaml,
// unless it is there already.
func addQuelle(t *testing.T, dir, pattern string) {
	t.Helper()
	name := filepath.Join(dir, "konzept.yaml")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	line := "  - " + pattern + "\n"
	if bytes.Contains(data, []byte(line)) {
		return
	}
	if !bytes.Contains(data, []byte("\nquellen:\n")) {
		t.Fatal("konzept.yaml has no `quellen:`")
	}
	data = bytes.Replace(data, []byte("\nquellen:\n"), []byte("\nquellen:\n"+line), 1)
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// list returns the values of column col of the template's sheet Listen, from
// row 2 to the first empty cell.
func list(t *testing.T, f *excelize.File, col string) []string {
	t.Helper()
	rows, err := f.GetCols("Listen")
	if err != nil {
		t.Fatal(err)
	}
	n, _ := excelize.ColumnNameToNumber(col)
	var vals []string
	for _, v := range rows[n-1][1:] {
		if v == "" {
			break
		}
		vals = append(vals, v)
	}
	return vals
}

// fill writes values to row of sheet, in the columns named by the header
// row; a time becomes a date cell, as when a consultant types 01.03.2026.
func fill(t *testing.T, f *excelize.File, sheet string, row int, values map[string]any) {
	t.Helper()
	heads, err := f.GetRows(sheet)
	if err != nil || len(heads) == 0 {
		t.Fatalf("%s: no header row: %v", sheet, err)
	}
	for name, v := range values {
		i := slices.Index(heads[0], name)
		if i < 0 {
			t.Fatalf("%s has no column %q", sheet, name)
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
		if _, isDate := v.(time.Time); isDate {
			style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
				t.Fatal(err)
			}
		}
	}
}
