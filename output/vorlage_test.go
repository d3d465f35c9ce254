package output

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/beispiel"
	"github.com/landkreis/konzept/schema"
)

// vorlageFor writes the template of k and opens it again.
func vorlageFor(t *testing.T, k *assemble.Konzept) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WorkshopVorlage(&buf, k); err != nil {
		t.Fatalf("WorkshopVorlage: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func loadKonzept(t *testing.T, fsys fstest.MapFS) *assemble.Konzept {
	t.Helper()
	var k *assemble.Konzept
	var ps schema.Problems
	var err error
	if fsys == nil {
		k, ps, err = assemble.Load(beispiel.FS())
	} else {
		k, ps, err = assemble.Load(fsys)
	}
	if err != nil {
		t.Fatal(err)
	}
	if ps.Count(schema.Error) > 0 {
		t.Fatalf("concept has errors:\n%v", ps)
	}
	return k
}

func TestWorkshopVorlage(t *testing.T) {
	k := loadKonzept(t, nil)
	f, data := vorlageFor(t, k)

	if got, want := f.GetSheetList(), []string{"Anleitung", "Ziele", "Maßnahmen", "Listen"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	for _, s := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(s)
		if err != nil || visible != (s != "Listen") {
			t.Errorf("sheet %s visible = %v, %v", s, visible, err)
		}
	}
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet %d, want the Anleitung", i)
	}

	t.Run("headers", func(t *testing.T) {
		for sheet, cols := range map[string][]schema.Spalte{"Ziele": schema.ZielSpalten, "Maßnahmen": schema.MassnahmeSpalten} {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, c := range cols {
				want = append(want, c.Name)
			}
			if len(rows) != 1 || !slices.Equal(rows[0], want) {
				t.Errorf("%s: rows = %q, want only the header %q", sheet, rows, want)
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
				t.Errorf("%s: panes = %+v, %v; want the first row frozen", sheet, panes, err)
			}
			st := cellStyle(t, f, sheet, "A1")
			if st.Font == nil || !st.Font.Bold || !strings.EqualFold(st.Font.Color, "FFFFFF") ||
				len(st.Fill.Color) != 1 || !strings.EqualFold(strings.TrimPrefix(st.Fill.Color[0], "#"), "005A9C") ||
				st.Alignment == nil || !st.Alignment.WrapText {
				t.Errorf("%s!A1: style = font %+v fill %+v alignment %+v; want bold white on #005A9C, wrapped", sheet, st.Font, st.Fill, st.Alignment)
			}
		}
	})

	t.Run("columns", func(t *testing.T) {
		col := columns(t, f, "Maßnahmen")
		width := func(name string) float64 {
			w, err := f.GetColWidth("Maßnahmen", col[name])
			if err != nil {
				t.Fatal(err)
			}
			return w
		}
		for _, narrow := range []string{"Maßnahme-Nr", "Ziel-Nr", "Status", "Priorität", "Beginn", "Ende"} {
			for _, wide := range []string{"Maßnahme", "Beschreibung"} {
				if width(narrow) >= width(wide)/2 {
					t.Errorf("width of %s = %v, of %s = %v; want it much narrower", narrow, width(narrow), wide, width(wide))
				}
			}
		}
		if st := colStyle(t, f, "Maßnahmen", col["Kosten"]); st.CustomNumFmt == nil || *st.CustomNumFmt != `#,##0 "€"` {
			t.Errorf("Kosten: number format %v, want #,##0 \"€\"", st.CustomNumFmt)
		}
		for _, name := range []string{"Maßnahme-Nr", "Ziel-Nr", "Beginn", "Ende"} {
			if st := colStyle(t, f, "Maßnahmen", col[name]); st.NumFmt != 49 {
				t.Errorf("%s: number format %d, want 49 (text), so that 03/2025 stays text", name, st.NumFmt)
			}
		}
		for _, name := range []string{"Maßnahme", "Beschreibung", "Partner"} {
			if st := colStyle(t, f, "Maßnahmen", col[name]); st.Alignment == nil || !st.Alignment.WrapText {
				t.Errorf("%s: body cells do not wrap", name)
			}
		}
	})

	t.Run("drop-down lists", func(t *testing.T) {
		var felder, ziele, akteure, massnahmen []string
		for _, hf := range k.Handlungsfelder {
			felder = append(felder, hf.Titel)
			for _, z := range hf.Ziele {
				ziele = append(ziele, z.ID)
				for _, m := range z.Massnahmen {
					massnahmen = append(massnahmen, m.ID)
				}
			}
		}
		for _, a := range k.Konzept.Akteure {
			akteure = append(akteure, a.Name)
		}
		if n := len(strings.Join(akteure, ",")); n <= 255 {
			t.Fatalf("the example's actor list has %d characters; the test wants one longer than Excel's inline limit", n)
		}
		stop, warning := "stop", "warning"
		tests := []struct {
			sheet, column string
			list          []string // the values offered, read from where the formula points
			formula       string   // or the formula itself
			style         string
		}{
			{"Maßnahmen", "Handlungsfeld", felder, "", stop},
			{"Maßnahmen", "Ziel-Nr", nil, zielListeFormel(len(ziele)), stop},
			{"Maßnahmen", "Federführung", akteure, "", warning},
			{"Maßnahmen", "Status", []string{"geplant", "in Umsetzung", "umgesetzt", "dauerhaft", "zurückgestellt", "entfallen"}, "", stop},
			{"Maßnahmen", "Priorität", []string{"hoch", "mittel", "niedrig"}, "", stop},
			{"Ziele", "Handlungsfeld", felder, "", stop},
		}
		for _, tt := range tests {
			t.Run(tt.sheet+"/"+tt.column, func(t *testing.T) {
				dv := validation(t, f, tt.sheet, tt.column)
				if dv.Type != "list" {
					t.Fatalf("type %q, want list", dv.Type)
				}
				if tt.formula != "" {
					if dv.Formula1 != tt.formula {
						t.Errorf("formula %q, want %q", dv.Formula1, tt.formula)
					}
				} else if got := listValues(t, f, dv.Formula1); !slices.Equal(got, tt.list) {
					t.Errorf("list %s = %q, want %q", dv.Formula1, got, tt.list)
				}
				if dv.ErrorStyle == nil || *dv.ErrorStyle != tt.style || !dv.ShowErrorMessage {
					t.Errorf("error style %v, want %s", dv.ErrorStyle, tt.style)
				}
			})
		}
		if dv := validation(t, f, "Maßnahmen", "Federführung"); !strings.HasPrefix(dv.Formula1, "Listen!") {
			t.Errorf("Federführung: list %q, want a range of the sheet Listen", dv.Formula1)
		}
		if got := listValues(t, f, fmt.Sprintf("Listen!$B$2:$B$%d", len(ziele)+1)); !slices.Equal(got, ziele) {
			t.Errorf("goal ids on Listen = %q, want %q", got, ziele)
		}
		if got := listValues(t, f, fmt.Sprintf("Listen!$E$2:$E$%d", len(massnahmen)+1)); !slices.Equal(got, massnahmen) {
			t.Errorf("measure ids on Listen = %q, want %q", got, massnahmen)
		}
		dv := validation(t, f, "Maßnahmen", "Partner")
		if dv.Type == "list" || !dv.ShowInputMessage || dv.Prompt == nil || !strings.Contains(*dv.Prompt, ";") {
			t.Errorf("Partner: type %q, prompt %v; want no list, a message about ;", dv.Type, dv.Prompt)
		}
		for _, c := range []struct{ sheet, column, list string }{{"Maßnahmen", "Maßnahme-Nr", "$E$"}, {"Ziele", "Ziel-Nr", "$B$"}} {
			dv := validation(t, f, c.sheet, c.column)
			if dv.Type != "custom" || !strings.Contains(dv.Formula1, "COUNTIF(Listen!"+c.list) || dv.ErrorStyle == nil || *dv.ErrorStyle != stop {
				t.Errorf("%s/%s: %s %q; want a stop for ids the concept has", c.sheet, c.column, dv.Type, dv.Formula1)
			}
		}
	})

	// The Ziel-Nr list ends with the goals of the sheet Ziele, in order and
	// without gaps, once a spreadsheet computes the formulas of Listen.
	t.Run("new goals in the list", func(t *testing.T) {
		ng := len(listValues(t, f, fmt.Sprintf("Listen!$B$2:$B$%d", 200)))
		for cell, id := range map[string]string{"B2": "NEU-1", "B5": "NEU-2", "B6": " "} {
			if err := f.SetCellStr("Ziele", cell, id); err != nil {
				t.Fatal(err)
			}
		}
		var got []string
		for row := ng + 2; row <= ng+4; row++ {
			v, err := f.CalcCellValue("Listen", fmt.Sprintf("B%d", row))
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, v)
		}
		if want := []string{"NEU-1", "NEU-2", ""}; !slices.Equal(got, want) {
			t.Errorf("Listen after the concept's goals = %q, want %q", got, want)
		}
	})

	t.Run("messages fit Excel's limits", func(t *testing.T) {
		for _, sheet := range []string{"Ziele", "Maßnahmen"} {
			dvs, err := f.GetDataValidations(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, dv := range dvs {
				for _, m := range []struct {
					s   *string
					max int
				}{{dv.PromptTitle, 32}, {dv.Prompt, 255}, {dv.ErrorTitle, 32}, {dv.Error, 225}} {
					if m.s != nil && len(utf16.Encode([]rune(*m.s))) > m.max {
						t.Errorf("%s!%s: %q is longer than %d", sheet, dv.Sqref, *m.s, m.max)
					}
				}
			}
		}
	})

	t.Run("Anleitung", func(t *testing.T) {
		rows, err := f.GetRows("Anleitung")
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for _, r := range rows {
			text.WriteString(strings.Join(r, " ") + "\n")
		}
		for _, want := range []string{
			k.Konzept.Konzept.Titel, k.Konzept.Konzept.Traeger,
			"Maßnahme-Nr", "Federführung", "Ziel-Nr", "Q3/2025", "01.03.2025", "fortlaufend",
			"in Umsetzung", "zurückgestellt", "niedrig", "Semikolon", "Warnung", "Euro",
			"Wohnen und Zusammenleben", "GE-3", "Kreisvolkshochschule Musterland", "Geschlechtergleichstellung",
		} {
			if !strings.Contains(text.String(), want) {
				t.Errorf("Anleitung does not mention %q", want)
			}
		}
	})

	t.Run("deterministic", func(t *testing.T) {
		_, again := vorlageFor(t, k)
		if !bytes.Equal(data, again) {
			t.Error("two templates of the same concept differ")
		}
		props, err := f.GetDocProps()
		if err != nil || props.Created != "2025-09-01T00:00:00Z" || !strings.Contains(props.Title, k.Konzept.Konzept.Titel) {
			t.Errorf("doc props = %+v, %v; want the title and `stand` as date", props, err)
		}
	})
}

// A concept without goals and actors, in a light colour, still gets a
// working template, with dark header text.
func TestWorkshopVorlageMinimal(t *testing.T) {
	k := loadKonzept(t, fstest.MapFS{"konzept.yaml": {Data: []byte(`konzept:
  titel: Kleines Konzept
  traeger: Gemeinde Beispiel
  fassung: Entwurf
  stand: 2025-01-01
  farbe: "#ffdd00"
leitbild:
  grundsaetze: [{titel: Teilhabe}]
handlungsfelder:
  - {id: sprache, titel: "Sprache, Bildung und Beruf"}
`)}})
	f, _ := vorlageFor(t, k)
	if st := cellStyle(t, f, "Maßnahmen", "A1"); st.Font == nil || !strings.EqualFold(st.Font.Color, "000000") {
		t.Errorf("header font on a light colour: %+v, want black", st.Font)
	}
	if got := listValues(t, f, validation(t, f, "Maßnahmen", "Handlungsfeld").Formula1); !slices.Equal(got, []string{"Sprache, Bildung und Beruf"}) {
		t.Errorf("fields = %q", got)
	}
	if dv := validation(t, f, "Maßnahmen", "Ziel-Nr"); dv.Formula1 != zielListeFormel(0) {
		t.Errorf("Ziel-Nr list %q", dv.Formula1)
	}
	if dv := validation(t, f, "Ziele", "Ziel-Nr"); strings.Contains(dv.Formula1, "Listen") {
		t.Errorf("Ziel-Nr check %q refers to an empty list", dv.Formula1)
	}
}

func TestFrei(t *testing.T) {
	tests := []struct {
		name, id, sep string
		taken         []string
		want          string
	}{
		{"next goal", "GE-3", "-", []string{"GE-1", "GE-3"}, "GE-4"},
		{"taken", "GE-3", "-", []string{"GE-3", "GE-4"}, "GE-5"},
		{"first measure", "SP-1.0", ".", []string{"SP-1.1", "SP-1.2"}, "SP-1.3"},
		{"no number", "SPRACHE", "-", nil, "SPRACHE-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := frei(tt.taken, tt.id, tt.sep); got != tt.want {
				t.Errorf("frei(%q) = %q, want %q", tt.id, got, tt.want)
			}
		})
	}
}

// columns maps the headers of sheet to their column letters.
func columns(t *testing.T, f *excelize.File, sheet string) map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", sheet, err)
	}
	m := map[string]string{}
	for i, h := range rows[0] {
		col, _ := excelize.ColumnNumberToName(i + 1)
		m[h] = col
	}
	return m
}

// validation returns the data validation of the body of the column headed name.
func validation(t *testing.T, f *excelize.File, sheet, name string) *excelize.DataValidation {
	t.Helper()
	col, ok := columns(t, f, sheet)[name]
	if !ok {
		t.Fatalf("%s has no column %s", sheet, name)
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s2:%s1000", col, col)
	for _, dv := range dvs {
		if dv.Sqref == want {
			return dv
		}
	}
	t.Fatalf("%s: no data validation on %s (%s)", sheet, want, name)
	return nil
}

// listValues returns the values a list formula offers: an inline list or a
// range of the sheet Listen, up to its first empty cell.
func listValues(t *testing.T, f *excelize.File, formula string) []string {
	t.Helper()
	if strings.HasPrefix(formula, `"`) {
		return strings.Split(strings.Trim(formula, `"`), ",")
	}
	sheet, rng, ok := strings.Cut(formula, "!")
	if !ok {
		t.Fatalf("list %q is neither inline nor a range", formula)
	}
	from, to, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil || c1 != c2 {
		t.Fatalf("list %q is not one column", formula)
	}
	var vals []string
	for r := r1; r <= r2; r++ {
		cell, _ := excelize.CoordinatesToCellName(c1, r)
		v, err := f.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		if v == "" {
			break
		}
		vals = append(vals, v)
	}
	return vals
}

func cellStyle(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func colStyle(t *testing.T, f *excelize.File, sheet, col string) *excelize.Style {
	t.Helper()
	id, err := f.GetColStyle(sheet, col)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
