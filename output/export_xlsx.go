package output

import (
	"fmt"
	"io"
	"maps"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
)

// blattQuellen is the sheet of the exported workbook that says where each
// goal and measure was defined. The workbook reader does not read it.
const blattQuellen = "Quellen"

// exportChecks are the columns whose checks from the workshop template the
// exported workbook keeps: those that need no list of the concept's fields,
// goals or actors and that the exported values pass.
var exportChecks = map[string]bool{"beginn": true, "ende": true, "status": true, "prioritaet": true, "kosten": true}

// MassnahmenXLSX writes the monitoring list of k as a workbook that reads
// back as a workshop workbook (SPEC 3):
//
//   - sheet "Maßnahmen": the columns of schema.MassnahmeSpalten, one row per
//     measure in the order of the concept; the field by its title, the lead by
//     its name, partners by short name (see exportNamen), Beginn and Ende as
//     text the way a workbook writes them ("Q3/2025"), Status as in the
//     template ("in Umsetzung"), Kosten as a number cell;
//   - sheet "Ziele": the columns of schema.ZielSpalten, every goal of the concept;
//   - sheet "Quellen": for every goal and measure the file and place it was
//     defined in (not read back).
//
// Read back as the only source of goals and measures of a concept with the
// same fields, actors and themes, it gives the same goals and measures.
// Every text is trimmed, and one that starts with =, +, -, @, tab or carriage
// return is written with a single quote in front (neutralisiere), as a text
// cell. The same concept gives the same bytes: the document date is `stand`.
// k must have been loaded without errors.
func MassnahmenXLSX(w io.Writer, k *assemble.Konzept) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxExport{k: k, f: f, liste: newExportListe(k), v: &vorlage{k: k, f: f}}
	x.v.setAccent()
	if err := f.SetSheetName("Sheet1", blattMassnahmen); err != nil {
		return err
	}
	for _, s := range []string{blattZiele, blattQuellen} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	for _, step := range []func() error{x.massnahmen, x.ziele, x.quellen, x.properties} {
		if err := step(); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// xlsxExport is a monitoring workbook being written.
type xlsxExport struct {
	k     *assemble.Konzept
	f     *excelize.File
	liste *exportListe
	v     *vorlage // for the helpers of the workshop template
}

// massnahmen writes the sheet Maßnahmen.
func (x *xlsxExport) massnahmen() error {
	s := blattMassnahmen
	if err := x.kopf(s, schema.MassnahmeSpalten, massnahmeSpalten, len(x.liste.zeilen)); err != nil {
		return err
	}
	for i, r := range x.liste.zeilen {
		m := r.m
		werte := map[string]string{
			"handlungsfeld": r.feldName, "ziel": r.ziel.ID, "id": m.ID, "titel": m.Titel,
			"beschreibung": m.Beschreibung, "federfuehrung": r.federfuehrung, "partner": strings.Join(r.partner, "; "),
			"beginn": zeitText(m.Beginn), "ende": zeitText(m.Ende), "status": statusText(m.Status),
			"prioritaet": m.Prioritaet, "finanzierung": m.Finanzierung,
			"querschnitt": strings.Join(r.querschnitt, "; "), "indikator": m.Indikator,
		}
		for j, sp := range schema.MassnahmeSpalten {
			cell, err := excelize.CoordinatesToCellName(j+1, i+2)
			if err != nil {
				return err
			}
			if sp.Key == "kosten" {
				if m.Kosten != nil {
					if err := x.f.SetCellFloat(s, cell, *m.Kosten, -1, 64); err != nil {
						return err
					}
				}
				continue
			}
			if err := x.text(s, cell, werte[sp.Key], m.ID); err != nil {
				return err
			}
		}
	}
	if n := len(x.liste.zeilen); n > 0 {
		last, _ := excelize.CoordinatesToCellName(len(schema.MassnahmeSpalten), n+1)
		return x.f.AutoFilter(s, "A1:"+last, nil)
	}
	return nil
}

// ziele writes the sheet Ziele: every goal of the concept.
func (x *xlsxExport) ziele() error {
	s := blattZiele
	n := 0
	for _, hf := range x.k.Handlungsfelder {
		n += len(hf.Ziele)
	}
	if err := x.kopf(s, schema.ZielSpalten, zielSpalten, n); err != nil {
		return err
	}
	row := 1
	for i, hf := range x.k.Handlungsfelder {
		for _, z := range hf.Ziele {
			row++
			werte := map[string]string{
				"handlungsfeld": x.liste.namen.feld(i), "id": z.ID, "titel": z.Titel,
				"beschreibung": z.Beschreibung, "indikatoren": strings.Join(z.Indikatoren, "; "),
			}
			for j, sp := range schema.ZielSpalten {
				cell, err := excelize.CoordinatesToCellName(j+1, row)
				if err != nil {
					return err
				}
				if err := x.text(s, cell, werte[sp.Key], z.ID); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// quellen writes the sheet Quellen: where each goal and measure was defined.
func (x *xlsxExport) quellen() error {
	f, s := x.f, blattQuellen
	head, err := x.v.kopfStil()
	if err != nil {
		return err
	}
	for i, h := range []struct {
		name  string
		width float64
	}{{"Art", 12}, {"Nr", 12}, {"Quelle", 60}} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(s, col+"1", h.name); err != nil {
			return err
		}
		if err := f.SetColWidth(s, col, col, h.width); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A1", "C1", head); err != nil {
		return err
	}
	row := 1
	put := func(art, nr string, o *schema.Origin) error {
		row++
		for j, v := range []string{art, nr, quelleText(o)} {
			cell, _ := excelize.CoordinatesToCellName(j+1, row)
			if err := x.text(s, cell, v, nr); err != nil {
				return err
			}
		}
		return nil
	}
	for _, hf := range x.k.Handlungsfelder {
		for _, z := range hf.Ziele {
			if err := put("Ziel", z.ID, &z.Origin); err != nil {
				return err
			}
			for _, m := range z.Massnahmen {
				if err := put("Maßnahme", m.ID, &m.Origin); err != nil {
					return err
				}
			}
		}
	}
	return x.v.fixiere(s)
}

// maxZellText is the most UTF-16 units a cell holds; excelize would cut a
// longer text without a word.
const maxZellText = 32767

// text writes s, trimmed and neutralised, as a text cell; an empty s leaves
// the cell empty. nr names the goal or measure in an error.
func (x *xlsxExport) text(sheet, cell, s, nr string) error {
	s = neutralisiere(strings.TrimSpace(s))
	if s == "" {
		return nil
	}
	if n := len(utf16.Encode([]rune(s))); n > maxZellText {
		return fmt.Errorf("%s: der Text in %s!%s ist mit %d Zeichen zu lang für eine Excel-Zelle (höchstens %d)", nr, sheet, cell, n, maxZellText)
	}
	return x.f.SetCellStr(sheet, cell, s)
}

// kopf writes the header row of sheet and lays out its columns as the
// workshop template does, for n rows of values: only the checks of
// exportChecks, and costs with cents.
func (x *xlsxExport) kopf(sheet string, cols []schema.Spalte, layout map[string]spalte, n int) error {
	l := maps.Clone(layout)
	for key, sp := range l {
		if !exportChecks[key] {
			sp.check = nil
		}
		if sp.numFmt != "" {
			sp.numFmt = `#,##0.00 "€"` // cents too: the export shows what the concept says
		}
		l[key] = sp
	}
	return x.v.kopfzeile(sheet, cols, l, max(vorlageZeilen, n+1))
}

// properties sets the document properties, with `stand` as date, so that
// the same concept gives the same file.
func (x *xlsxExport) properties() error {
	m := x.k.Konzept.Konzept
	return x.v.docProps("Maßnahmen: ", m.Titel+" – "+m.Fassung,
		"Liste der Maßnahmen, erzeugt mit konzept export; als Workshop-Arbeitsmappe wieder einlesbar")
}
