package output

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
)

// Sheets of the workshop template. The workbook reader reads only blattZiele
// and blattMassnahmen; the others are for the consultants and for the
// drop-down lists.
const (
	blattAnleitung  = "Anleitung"
	blattZiele      = "Ziele"
	blattMassnahmen = "Maßnahmen"
	blattListen     = "Listen" // hidden: the values of the drop-down lists
)

// vorlageZeilen is the last row of the sheets Ziele and Maßnahmen that has
// drop-down lists, formats and checks; rows below are read all the same.
const vorlageZeilen = 1000

// statusWerte and prioritaetWerte are the drop-down values for Status and
// Priorität, written as the workbook reader accepts them (SPEC section 3).
var (
	statusWerte     = []string{"geplant", "in Umsetzung", "umgesetzt", "dauerhaft", "zurückgestellt", "entfallen"}
	prioritaetWerte = []string{"hoch", "mittel", "niedrig"}
)

// Columns of the hidden sheet Listen; row 1 holds their headers, the values
// start in row 2.
const (
	listeFelder     = "A" // titles of the fields of action
	listeZiele      = "B" // goal ids of the concept, then those of the sheet Ziele (formulas)
	listeAkteure    = "C" // actor names
	listeZeilen     = "D" // helper: the row numbers of filled Ziel-Nr cells in the sheet Ziele
	listeMassnahmen = "E" // measure ids of the concept
)

// WorkshopVorlage writes the template workbook for the consultants of concept
// k (SPEC section 3): an instructions sheet naming the concept, the sheets
// Ziele and Maßnahmen with the column headers of schema.ZielSpalten and
// schema.MassnahmeSpalten, styled and frozen header rows, and drop-down
// lists filled from the concept's own fields, goals and actors. k must have
// been loaded without errors. The same concept gives the same bytes.
func WorkshopVorlage(w io.Writer, k *assemble.Konzept) error {
	v, err := newVorlage(k)
	if err != nil {
		return err
	}
	defer v.f.Close()
	for _, step := range []func() error{v.anleitung, v.listen, v.zielBlatt, v.massnahmenBlatt, v.properties} {
		if err := step(); err != nil {
			return err
		}
	}
	return v.f.Write(w)
}

// vorlage is a template being written.
type vorlage struct {
	k *assemble.Konzept
	f *excelize.File

	felder     []string // field titles, as in the drop-down list
	ziele      []string // goal ids of the concept
	akteure    []string // actor names, as in the drop-down list
	massnahmen []string // measure ids of the concept

	accent, onAccent string // header fill and text colour, "RRGGBB"
}

func newVorlage(k *assemble.Konzept) (*vorlage, error) {
	v := &vorlage{k: k, f: excelize.NewFile()}
	for _, hf := range k.Handlungsfelder {
		v.felder = append(v.felder, hf.Titel)
		for _, z := range hf.Ziele {
			v.ziele = append(v.ziele, z.ID)
			for _, m := range z.Massnahmen {
				v.massnahmen = append(v.massnahmen, m.ID)
			}
		}
	}
	for _, a := range k.Konzept.Akteure {
		v.akteure = append(v.akteure, a.Name)
	}
	v.setAccent()
	if err := v.f.SetSheetName("Sheet1", blattAnleitung); err != nil {
		v.f.Close()
		return nil, err
	}
	for _, name := range []string{blattZiele, blattMassnahmen, blattListen} {
		if _, err := v.f.NewSheet(name); err != nil {
			v.f.Close()
			return nil, err
		}
	}
	return v, nil
}

// spalte describes how a column of Ziele or Maßnahmen is laid out and checked.
type spalte struct {
	breite float64
	text   bool   // cells formatted as text, so that Excel keeps 03/2025 or 1.10 as typed
	numFmt string // a custom number format
	check  func(v *vorlage, ref string, col string) *excelize.DataValidation
}

// zielSpalten and massnahmeSpalten are keyed by schema.Spalte.Key.
var (
	zielSpalten = map[string]spalte{
		"handlungsfeld": {breite: 30, check: (*vorlage).feldListe},
		"id":            {breite: 11, text: true, check: (*vorlage).neueZielNr},
		"titel":         {breite: 50},
		"beschreibung":  {breite: 60},
		"indikatoren":   {breite: 45, check: hinweis("Indikatoren", "Woran man sieht, dass das Ziel erreicht ist. Mehrere Indikatoren durch Semikolon (;) oder Zeilenumbruch (Alt+Eingabe) trennen.")},
	}
	massnahmeSpalten = map[string]spalte{
		"handlungsfeld": {breite: 28, check: (*vorlage).feldListe},
		"ziel":          {breite: 11, text: true, check: (*vorlage).zielListe},
		"id":            {breite: 12, text: true, check: (*vorlage).neueMassnahmeNr},
		"titel":         {breite: 45},
		"beschreibung":  {breite: 60},
		"federfuehrung": {breite: 32, check: (*vorlage).akteurListe},
		"partner":       {breite: 32, check: hinweis("Partner", "Namen oder Kürzel der Partner (siehe Blatt Anleitung). Mehrere durch Semikolon trennen, z. B. VHS; Jobcenter")},
		"beginn":        {breite: 11, text: true, check: hinweis("Beginn", "Jahr (2025), Quartal (Q3/2025), Monat (03/2025) oder Tag (01.03.2025)")},
		"ende":          {breite: 12, text: true, check: hinweis("Ende", "Jahr (2026), Quartal (Q2/2026), Monat (06/2026), Tag (30.06.2026) oder fortlaufend")},
		"status":        {breite: 15, check: liste("Status", statusWerte)},
		"prioritaet":    {breite: 11, check: liste("Priorität", prioritaetWerte)},
		"finanzierung":  {breite: 24},
		"kosten":        {breite: 13, numFmt: `#,##0 "€"`, check: kosten},
		"querschnitt":   {breite: 24, check: hinweis("Querschnittsthemen", "Kennung oder Titel der Querschnittsthemen (siehe Blatt Anleitung), mehrere durch Semikolon trennen")},
		"indikator":     {breite: 32},
	}
)

// setAccent takes the header colours from the concept's `farbe`.
func (v *vorlage) setAccent() {
	c := defaultAccent
	if p, ok := parseColor(v.k.Konzept.Konzept.Farbe); ok {
		c = p
	}
	v.accent = fmt.Sprintf("%02X%02X%02X", c.r, c.g, c.b)
	v.onAccent = "FFFFFF"
	if 0.299*float64(c.r)+0.587*float64(c.g)+0.114*float64(c.b) > 160 {
		v.onAccent = "000000" // a light concept colour: dark text
	}
}

func (v *vorlage) zielBlatt() error {
	return v.tabelle(blattZiele, schema.ZielSpalten, zielSpalten)
}

func (v *vorlage) massnahmenBlatt() error {
	return v.tabelle(blattMassnahmen, schema.MassnahmeSpalten, massnahmeSpalten)
}

// tabelle writes the header row of sheet and lays out and checks its columns.
func (v *vorlage) tabelle(sheet string, cols []schema.Spalte, layout map[string]spalte) error {
	return v.kopfzeile(sheet, cols, layout, vorlageZeilen)
}

// kopfStil is the style of the header rows.
func (v *vorlage) kopfStil() (int, error) {
	return v.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: v.onAccent},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{v.accent}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "FFFFFF", Style: 1}, {Type: "right", Color: "FFFFFF", Style: 1}},
	})
}

// kopfzeile writes the header row of sheet, lays out its columns (style,
// width, number format) and adds their checks for rows 2 to rows; the header
// row stays visible and prints on every page.
func (v *vorlage) kopfzeile(sheet string, cols []schema.Spalte, layout map[string]spalte, rows int) error {
	f := v.f
	body, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, NumFmt: 49})
	if err != nil {
		return err
	}
	head, err := v.kopfStil()
	if err != nil {
		return err
	}
	for i, c := range cols {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		l := layout[c.Key]
		style := body
		switch {
		case l.numFmt != "":
			nf := l.numFmt
			if style, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &nf}); err != nil {
				return err
			}
		case l.text:
			style = text
		}
		if err := f.SetColStyle(sheet, col, style); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, max(l.breite, 10)); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, col+"1", c.Name); err != nil {
			return err
		}
		if l.check != nil {
			ref := fmt.Sprintf("%s2:%s%d", col, col, rows)
			if err := f.AddDataValidation(sheet, l.check(v, ref, col)); err != nil {
				return err
			}
		}
	}
	last, err := excelize.ColumnNumberToName(len(cols))
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last+"1", head); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 32); err != nil {
		return err
	}
	return v.fixiere(sheet)
}

// fixiere freezes the header row of sheet, repeats it on every printed
// page, and prints the sheet on A4 landscape, as wide as one page.
func (v *vorlage) fixiere(sheet string) error {
	if err := v.druck(sheet, "landscape"); err != nil {
		return err
	}
	if err := v.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(sheet) + "!$1:$1", Scope: sheet}); err != nil {
		return err
	}
	return v.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
}

// druck sets up sheet to print on A4 in the orientation, as wide as one page.
func (v *vorlage) druck(sheet, orientation string) error {
	fit, a4, wide, tall := true, 9, 1, 0
	if err := v.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return v.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall})
}

// listen writes the hidden sheet whose columns the drop-down lists refer to.
// The goal list ends with the Ziel-Nr filled in the sheet Ziele: column
// listeZeilen holds the row number of each filled cell, and the formulas
// below the concept's goals pick those rows in order, without gaps.
func (v *vorlage) listen() error {
	f, s := v.f, blattListen
	for _, c := range []struct {
		col, head string
		vals      []string
	}{
		{listeFelder, "Handlungsfelder", v.felder},
		{listeZiele, "Ziel-Nr", v.ziele},
		{listeAkteure, "Federführung", v.akteure},
		{listeZeilen, "Zeilen im Blatt Ziele", nil},
		{listeMassnahmen, "Maßnahme-Nr im Konzept", v.massnahmen},
	} {
		if err := f.SetCellStr(s, c.col+"1", c.head); err != nil {
			return err
		}
		for i, val := range c.vals {
			if err := f.SetCellStr(s, fmt.Sprintf("%s%d", c.col, i+2), val); err != nil {
				return err
			}
		}
	}
	zielNr := v.zielNrSpalte()
	n := vorlageZeilen - 1 // rows of the sheet Ziele with values
	zeilen := fmt.Sprintf("$%s$2:$%s$%d", listeZeilen, listeZeilen, n+1)
	for i := 1; i <= n; i++ {
		row := i + 1 // the row in Ziele that this helper cell watches
		cell := fmt.Sprintf("%s%d", listeZeilen, i+1)
		if err := f.SetCellFormula(s, cell, fmt.Sprintf(`IF(TRIM(%s!%s%d)="","",%d)`, quoteSheet(blattZiele), zielNr, row, row)); err != nil {
			return err
		}
		cell = fmt.Sprintf("%s%d", listeZiele, len(v.ziele)+i+1)
		if err := f.SetCellFormula(s, cell, fmt.Sprintf(`IF(COUNT(%s)<%d,"",INDEX(%s!$%s:$%s,SMALL(%s,%d)))`,
			zeilen, i, quoteSheet(blattZiele), zielNr, zielNr, zeilen, i)); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(s, "A", "E", 40); err != nil {
		return err
	}
	// Excel and LibreOffice compute the formulas when the file is opened.
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	return f.SetSheetVisible(s, false)
}

// zielNrSpalte is the column of Ziel-Nr in the sheet Ziele.
func (v *vorlage) zielNrSpalte() string {
	for i, c := range schema.ZielSpalten {
		if c.Key == "id" {
			col, _ := excelize.ColumnNumberToName(i + 1)
			return col
		}
	}
	panic("output: schema.ZielSpalten has no id column")
}

// listRange is the absolute range of the n values of column col of Listen.
func listRange(col string, n int) string {
	return fmt.Sprintf("%s!$%s$2:$%s$%d", blattListen, col, col, max(n, 1)+1)
}

// zielListeFormel is the formula of the drop-down list of Ziel-Nr in a template
// for a concept with n goals: the goals of the concept and then those filled
// in the sheet Ziele.
func zielListeFormel(n int) string {
	return fmt.Sprintf("OFFSET(%s!$%s$2,0,0,MAX(1,%d+COUNT(%s!$%s$2:$%s$%d)),1)",
		blattListen, listeZiele, n, blattListen, listeZeilen, listeZeilen, vorlageZeilen)
}

// quoteSheet quotes a sheet name for a formula where it needs quotes.
func quoteSheet(s string) string {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return "'" + strings.ReplaceAll(s, "'", "''") + "'"
		}
	}
	return s
}

func newCheck(ref string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	return dv
}

func (v *vorlage) feldListe(ref, _ string) *excelize.DataValidation {
	dv := newCheck(ref)
	dv.SetSqrefDropList(listRange(listeFelder, len(v.felder)))
	dv.SetInput("Handlungsfeld", "Handlungsfeld aus der Liste wählen")
	dv.SetError(excelize.DataValidationErrorStyleStop, "Unbekanntes Handlungsfeld", "Bitte ein Handlungsfeld aus der Liste wählen.")
	return dv
}

func (v *vorlage) zielListe(ref, _ string) *excelize.DataValidation {
	dv := newCheck(ref)
	dv.SetSqrefDropList(zielListeFormel(len(v.ziele)))
	dv.SetInput("Ziel-Nr", "Ziel aus der Liste wählen. Ein neues Ziel zuerst im Blatt Ziele eintragen, dann steht es hier in der Liste.")
	dv.SetError(excelize.DataValidationErrorStyleStop, "Unbekannte Ziel-Nr", "Bitte eine Ziel-Nr aus der Liste wählen. Ein neues Ziel tragen Sie zuerst im Blatt Ziele ein.")
	return dv
}

func (v *vorlage) akteurListe(ref, _ string) *excelize.DataValidation {
	dv := newCheck(ref)
	dv.SetSqrefDropList(listRange(listeAkteure, len(v.akteure)))
	dv.SetInput("Federführung", "Federführende Stelle aus der Liste wählen (Name oder Kürzel, siehe Anleitung)")
	dv.SetError(excelize.DataValidationErrorStyleWarning, "Stelle nicht in der Liste",
		"Diese Stelle gehört noch nicht zu den Akteuren des Konzepts. Sie können sie trotzdem eintragen; sie muss dann in das Konzept aufgenommen werden.")
	return dv
}

// neueZielNr accepts a Ziel-Nr that the concept and the sheet do not have yet.
func (v *vorlage) neueZielNr(ref, col string) *excelize.DataValidation {
	dv := newCheck(ref)
	dv.Type = "custom"
	dv.Formula1 = unique(col, listeZiele, len(v.ziele))
	dv.SetInput("Ziel-Nr", "Neue Nummer für das Ziel, z. B. "+v.neuesZiel()+"; sie darf im Konzept noch nicht vorkommen")
	dv.SetError(excelize.DataValidationErrorStyleStop, "Ziel-Nr schon vergeben", "Diese Ziel-Nr gibt es schon im Konzept oder in diesem Blatt. Bitte eine neue Nummer wählen.")
	return dv
}

// neueMassnahmeNr accepts a Maßnahme-Nr that the concept and the sheet do not have yet.
func (v *vorlage) neueMassnahmeNr(ref, col string) *excelize.DataValidation {
	dv := newCheck(ref)
	dv.Type = "custom"
	dv.Formula1 = unique(col, listeMassnahmen, len(v.massnahmen))
	dv.SetInput("Maßnahme-Nr", "Pflichtangabe: neue Nummer aus Ziel-Nr und laufender Nummer, z. B. "+v.neueMassnahme()+"; sie darf im Konzept noch nicht vorkommen")
	dv.SetError(excelize.DataValidationErrorStyleStop, "Maßnahme-Nr schon vergeben", "Diese Maßnahme-Nr gibt es schon im Konzept oder in diesem Blatt. Bitte eine neue Nummer wählen.")
	return dv
}

// unique is a validation formula for the cells of col from row 2: the value
// is not among the n values of column list of Listen, and is in col once.
func unique(col, list string, n int) string {
	here := fmt.Sprintf("COUNTIF($%s$2:$%s$%d,%s2)=1", col, col, vorlageZeilen, col)
	if n == 0 {
		return here
	}
	return fmt.Sprintf("AND(COUNTIF(%s,%s2)=0,%s)", listRange(list, n), col, here)
}

// neuesZiel is an example of a goal id the concept does not have yet: the
// last goal's, counted up (TE-3 -> TE-4).
func (v *vorlage) neuesZiel() string {
	if len(v.ziele) == 0 {
		return "AB-1"
	}
	return frei(v.ziele, v.ziele[len(v.ziele)-1], "-")
}

// neueMassnahme is an example of a measure id the concept does not have yet,
// for its first goal (SP-1 -> SP-1.4).
func (v *vorlage) neueMassnahme() string {
	if len(v.ziele) == 0 {
		return "AB-1.1"
	}
	return frei(v.massnahmen, v.ziele[0]+".0", ".")
}

// frei counts up the number after the last sep of id until the result is not taken.
func frei(taken []string, id, sep string) string {
	stem, num := id, 0
	if i := strings.LastIndex(id, sep); i >= 0 {
		if n, err := strconv.Atoi(id[i+1:]); err == nil {
			stem, num = id[:i], n
		}
	}
	for {
		num++
		if c := stem + sep + strconv.Itoa(num); !slices.Contains(taken, c) {
			return c
		}
	}
}

func liste(title string, vals []string) func(*vorlage, string, string) *excelize.DataValidation {
	return func(_ *vorlage, ref, _ string) *excelize.DataValidation {
		dv := newCheck(ref)
		if err := dv.SetDropList(vals); err != nil {
			panic(err) // cannot happen: the fixed lists are short
		}
		dv.SetInput(title, "Wert aus der Liste wählen: "+strings.Join(vals, ", "))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Ungültige Angabe", "Erlaubt: "+strings.Join(vals, ", "))
		return dv
	}
}

func hinweis(title, msg string) func(*vorlage, string, string) *excelize.DataValidation {
	return func(_ *vorlage, ref, _ string) *excelize.DataValidation {
		dv := newCheck(ref)
		dv.SetInput(title, msg)
		return dv
	}
}

func kosten(_ *vorlage, ref, _ string) *excelize.DataValidation {
	dv := newCheck(ref)
	dv.Type, dv.Operator, dv.Formula1 = "decimal", "greaterThanOrEqual", "0"
	dv.SetInput("Kosten", "Geschätzte Kosten in Euro als Zahl ohne Text, z. B. 12000")
	dv.SetError(excelize.DataValidationErrorStyleStop, "Keine Zahl", "Bitte die Kosten als Zahl in Euro eingeben, z. B. 12000 – ohne Text.")
	return dv
}

// anleitung writes the instructions: what to fill, and the concept's fields,
// goals, actors and themes to look up.
func (v *vorlage) anleitung() error {
	f, s := v.f, blattAnleitung
	m := v.k.Konzept.Konzept
	ids := map[string]int{}
	for _, st := range []struct {
		name  string
		style *excelize.Style
	}{
		{"titel", &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: v.accent}}},
		{"kapitel", &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: v.accent}}},
		{"label", &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{"text", &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{"kopf", &excelize.Style{
			Font:      &excelize.Font{Bold: true, Color: v.onAccent},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{v.accent}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		}},
	} {
		id, err := f.NewStyle(st.style)
		if err != nil {
			return err
		}
		ids[st.name] = id
	}
	const breiteA, breiteB = 24.0, 95.0
	if err := f.SetColWidth(s, "A", "A", breiteA); err != nil {
		return err
	}
	if err := f.SetColWidth(s, "B", "B", breiteB); err != nil {
		return err
	}
	if err := v.druck(s, "portrait"); err != nil {
		return err
	}
	row := 0
	put := func(a, b, styleA, styleB string) error {
		row++
		if a != "" {
			if err := f.SetCellStr(s, fmt.Sprintf("A%d", row), a); err != nil {
				return err
			}
			if err := f.SetCellStyle(s, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), ids[styleA]); err != nil {
				return err
			}
		}
		if b != "" {
			if err := f.SetCellStr(s, fmt.Sprintf("B%d", row), b); err != nil {
				return err
			}
			if err := f.SetCellStyle(s, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), ids[styleB]); err != nil {
				return err
			}
		}
		if styleA == "titel" {
			return f.SetRowHeight(s, row, 24)
		}
		lines := max(textZeilen(a, breiteA), textZeilen(b, breiteB))
		if lines > 1 {
			return f.SetRowHeight(s, row, 15*float64(lines))
		}
		return nil
	}
	var rows [][4]string
	add := func(a, b, styleA, styleB string) { rows = append(rows, [4]string{a, b, styleA, styleB}) }
	text := func(a, b string) { add(a, b, "label", "text") }
	kapitel := func(t string) { add("", "", "", ""); add(t, "", "kapitel", "") }

	add("Vorlage für die Ergebnisse der Workshops", "", "titel", "")
	text("Konzept", m.Titel)
	text("Träger", m.Traeger)
	stand := m.Fassung
	if !m.Stand.IsZero() {
		stand += ", Stand " + m.Stand.Format("02.01.2006")
	}
	text("Fassung", stand)
	text("", "Mit dieser Arbeitsmappe tragen Sie die Ziele und Maßnahmen aus Ihrem Workshop zusammen. "+
		"Sie wird später automatisch eingelesen und in das Konzept übernommen. Bitte lesen Sie diese Hinweise einmal ganz.")

	kapitel("So füllen Sie die Vorlage aus")
	text("Eine Zeile je Maßnahme", "Tragen Sie jede Maßnahme in eine eigene Zeile des Blatts „Maßnahmen“ ein, ab Zeile 2. Leere Zeilen werden übersprungen.")
	text("Pflichtangaben", "Jede Maßnahme braucht: Maßnahme-Nr, Maßnahme (der Titel), Federführung und Ziel-Nr (das Ziel, zu dem sie beiträgt). Alle anderen Spalten sind freiwillig, helfen aber sehr. "+
		"Das Handlungsfeld ergibt sich aus der Ziel-Nr; Sie können es zur Übersicht trotzdem angeben.")
	text("Maßnahme-Nr", "Eine Nummer, die es im Konzept noch nicht gibt: die Ziel-Nr, ein Punkt und eine laufende Nummer, z. B. "+v.neueMassnahme()+".")
	text("Ziele", "Ziele, die es im Konzept schon gibt (Liste unten), wählen Sie im Blatt „Maßnahmen“ in der Spalte Ziel-Nr aus. "+
		"Ein neues Ziel tragen Sie zuerst im Blatt „Ziele“ ein: Handlungsfeld, eine neue Ziel-Nr (z. B. "+v.neuesZiel()+"), das Ziel als Satz und, wenn möglich, Indikatoren. "+
		"Danach steht die neue Ziel-Nr auch in der Auswahlliste der Maßnahmen.")
	text("Auswahllisten", "Die Spalten Handlungsfeld, Ziel-Nr, Federführung, Status und Priorität haben Auswahllisten mit den Handlungsfeldern, Zielen und Akteuren dieses Konzepts: "+
		"Klicken Sie in die Zelle und dann auf den Pfeil rechts daneben. Andere Werte weist Excel zurück.")
	wer := m.Traeger
	if m.Herausgeber != nil && m.Herausgeber.Stelle != "" {
		wer = m.Herausgeber.Stelle
	}
	text("Federführung", "Wählen Sie die federführende Stelle aus der Liste. Fehlt eine Stelle, dürfen Sie sie eintragen (Excel fragt einmal nach); "+
		"sie wird dann von "+wer+" in das Konzept aufgenommen.")
	exPartner := "VHS; Jobcenter"
	if as := v.k.Konzept.Akteure; len(as) >= 2 {
		exPartner = as[0].Anzeigename() + "; " + as[1].Anzeigename()
	}
	text("Partner", "Mehrere Partner trennen Sie durch ein Semikolon, z. B. „"+exPartner+"“. Verwenden Sie die Namen oder Kürzel aus der Liste der Akteure unten.")
	text("Beginn und Ende", "Als Jahr (2025), Quartal (Q3/2025), Monat (03/2025) oder Tag (01.03.2025). Bei Ende auch „fortlaufend“ für Daueraufgaben. "+
		"Ende meint das Ende des Zeitraums: Ende 2026 heißt bis 31.12.2026, Ende Q2/2026 bis 30.06.2026.")
	text("Status", "Einer dieser Werte: "+strings.Join(statusWerte, ", ")+". Ohne Angabe gilt „geplant“.")
	text("Priorität", "Einer dieser Werte: "+strings.Join(prioritaetWerte, ", ")+".")
	text("Kosten", "Geschätzte Kosten in Euro als Zahl, ohne Text und ohne „ca.“, z. B. 12000 (die Zelle zeigt dann 12.000 €). Sind die Kosten unbekannt, lassen Sie die Zelle leer.")
	text("Finanzierung", "Freier Text, z. B. Eigenmittel, Landesmittel, Bundesmittel, Drittmittel oder der Name des Förderprogramms.")
	if len(v.k.Querschnittsthemen) > 0 {
		text("Querschnittsthemen", "Kennung oder Titel aus der Liste unten, mehrere durch Semikolon getrennt.")
	} else {
		text("Querschnittsthemen", "Dieses Konzept hat keine Querschnittsthemen; lassen Sie die Spalte leer.")
	}
	text("Weitere Spalten", "Spalten, deren Überschrift die Vorlage nicht kennt, werden beim Einlesen mit einer Warnung übergangen: Was dort steht, kommt nicht ins Konzept. Notizen sind dort trotzdem gut aufgehoben.")
	text("Rückgabe", "Bitte schicken Sie die Datei im selben Aufbau zurück: Benennen Sie die Blätter „Ziele“ und „Maßnahmen“ und die Spaltenüberschriften nicht um und löschen Sie sie nicht. "+
		"Spaltenbreiten, Zeilenhöhen und Farben dürfen Sie ändern.")

	kapitel("Handlungsfelder")
	add("Kennung", "Titel (so in der Auswahlliste)", "kopf", "kopf")
	for _, hf := range v.k.Handlungsfelder {
		text(hf.ID, hf.Titel)
	}
	kapitel("Ziele des Konzepts")
	add("Ziel-Nr", "Ziel", "kopf", "kopf")
	for _, hf := range v.k.Handlungsfelder {
		for _, z := range hf.Ziele {
			text(z.ID, z.Titel+" ("+hf.Titel+")")
		}
	}
	kapitel("Akteure")
	add("Kürzel", "Name (so in der Auswahlliste)", "kopf", "kopf")
	for _, a := range v.k.Konzept.Akteure {
		text(a.Kurz, a.Name)
	}
	if len(v.k.Querschnittsthemen) > 0 {
		kapitel("Querschnittsthemen")
		add("Kennung", "Titel", "kopf", "kopf")
		for _, t := range v.k.Querschnittsthemen {
			text(t.ID, t.Titel)
		}
	}
	for _, r := range rows {
		if err := put(r[0], r[1], r[2], r[3]); err != nil {
			return err
		}
	}
	return nil
}

// textZeilen estimates the lines that s takes in a wrapping column of width w
// (Excel's width unit is about one digit).
func textZeilen(s string, w float64) int {
	if s == "" {
		return 1
	}
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n += int(float64(utf8.RuneCountInString(line))/(w*1.25)) + 1
	}
	return n
}

// properties sets the document properties from the concept, with `stand` as
// date, so that the same concept gives the same file.
func (v *vorlage) properties() error {
	return v.docProps("Workshop-Vorlage: ", v.k.Konzept.Konzept.Titel,
		"Vorlage für Ziele und Maßnahmen, erzeugt mit konzept vorlage workshop")
}

// docProps sets the document properties of a workbook made from the concept:
// title (prefix and subject), author, language, and `stand` as date.
func (v *vorlage) docProps(prefix, subject, description string) error {
	m := v.k.Konzept.Konzept
	date := ""
	if !m.Stand.IsZero() {
		date = m.Stand.UTC().Format(time.RFC3339)
	}
	lang := "de-DE"
	if m.Sprache == "en" {
		lang = "en"
	}
	return v.f.SetDocProps(&excelize.DocProperties{
		Title:          prefix + m.Titel,
		Subject:        subject,
		Creator:        m.Traeger,
		LastModifiedBy: m.Traeger,
		Description:    description,
		Language:       lang,
		Created:        date,
		Modified:       date,
	})
}
