package sources

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/landkreis/konzept/schema"
	"github.com/xuri/excelize/v2"
)

// Workbook is a workshop workbook (SPEC section 3) as read: its goal and
// measure rows, each with the position (sheet and cell) of every value.
// References (field, goal, actors, themes) are kept as written; package
// assemble resolves them against the whole concept.
type Workbook struct {
	File       string
	Ziele      []ZielZeile
	Massnahmen []MassnahmeZeile
}

// ZielZeile is a row of the sheet "Ziele". Its Origin (in Ziel) has the
// position of the row's first cell and of the cell of each key, including
// "handlungsfeld".
type ZielZeile struct {
	Handlungsfeld string // field id or exact title, as written
	schema.Ziel
}

// MassnahmeZeile is a row of the sheet "Maßnahmen". Federfuehrung, Partner
// and Querschnitt hold what the cells say (id, name or short name); its Origin
// has the position of the cell of each key, including "handlungsfeld" and "ziel".
type MassnahmeZeile struct {
	Handlungsfeld string // field id or exact title, as written; may be empty
	ZielNr        string
	schema.Massnahme
}

// The sheets of a workshop workbook.
const (
	blattMassnahmen = "Maßnahmen"
	blattZiele      = "Ziele"
)

// ReadWorkbook reads the workshop workbook file of fsys: the sheet
// "Maßnahmen" and, if there is one, the sheet "Ziele" (SPEC section 3).
//
// Every value is read by what it is, not how it is shown: number and date
// cells by their value (a date cell becomes the day, month or year its
// display format shows), formulas by their stored result. Each value's cell
// is recorded in the row's Origin under the column's key (schema.Spalte.Key),
// list items also as "key[i]"; Origin.Pos is the row's cell in the first
// column of the header.
//
// All problems are reported, each at its cell. A row without its number
// (Maßnahme-Nr, Ziel-Nr) is reported and left out. A file that is not a
// workbook, is damaged, or would unzip to more than 64 MiB gives one problem
// and an empty Workbook; ReadWorkbook does not panic on any input.
func ReadWorkbook(fsys fs.FS, file string) (wb *Workbook, ps schema.Problems) {
	wb = &Workbook{File: file}
	at := schema.Pos{File: file}
	if st, err := fs.Stat(fsys, file); err == nil && st.Size() > maxUnzipped {
		return wb, schema.Problems{schema.Errorf(at, schema.CodeWorkbook, grundZuGross)}
	}
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return wb, schema.Problems{schema.Errorf(at, schema.CodeUnreadable, err)}
	}
	if len(data) == 0 {
		return wb, schema.Problems{schema.Errorf(at, schema.CodeEmpty)}
	}
	defer func() {
		// The last line of defence: whatever a damaged file does to the
		// readers, it is reported as damaged.
		if recover() != nil {
			wb = &Workbook{File: file}
			ps = schema.Problems{schema.Errorf(at, schema.CodeWorkbook, grundBeschaedigt)}
		}
	}()
	x, grund := openWorkbook(data)
	if x == nil {
		return wb, schema.Problems{schema.Errorf(at, schema.CodeWorkbook, grund)}
	}
	r := &wbReader{x: x, wb: wb}
	r.read()
	return wb, r.ps
}

// Why a file is not a readable workbook.
var (
	grundKeinZip        = schema.T{De: "die Datei ist keine .xlsx-Datei – bitte in Excel als „Excel-Arbeitsmappe (*.xlsx)“ speichern", En: "the file is not an .xlsx file – please save it in Excel as “Excel Workbook (*.xlsx)”"}
	grundXLS            = schema.T{De: "die Datei ist im alten .xls-Format oder mit einem Kennwort verschlüsselt – bitte in Excel ohne Kennwort als „Excel-Arbeitsmappe (*.xlsx)“ speichern", En: "the file is in the old .xls format or encrypted with a password – please save it in Excel without password as “Excel Workbook (*.xlsx)”"}
	grundUnvollstaendig = schema.T{De: "die Datei ist beschädigt oder unvollständig", En: "the file is damaged or incomplete"}
	grundBeschaedigt    = schema.T{De: "die Datei ist beschädigt", En: "the file is damaged"}
	grundZuGross        = schema.T{De: "entpackt wäre die Datei größer als 64 MiB", En: "unzipped, the file would be larger than 64 MiB"}
	grundBlatt          = schema.T{De: "das Tabellenblatt ist beschädigt", En: "the sheet is damaged"}
)

// openWorkbook checks that data is a workbook of reasonable size and
// indexes it for streaming. It returns nil and the
// reason if data is not a readable workbook.
func openWorkbook(data []byte) (*xlsx, schema.T) {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) { // an OLE file: .xls, or an encrypted .xlsx
		return nil, grundXLS
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	switch {
	case err != nil && !bytes.HasPrefix(data, []byte("PK")):
		return nil, grundKeinZip
	case err != nil:
		return nil, grundUnvollstaendig
	}
	// A zip bomb is refused by its declared sizes; archive/zip fails a part
	// that inflates to more than it declares.
	var size uint64
	for _, f := range zr.File {
		size += f.UncompressedSize64
	}
	if size > maxUnzipped {
		return nil, grundZuGross
	}
	x, err := openXLSX(zr)
	switch {
	case errors.Is(err, errNoWorkbook):
		return nil, grundKeinZip
	case err != nil:
		return nil, grundBeschaedigt
	}
	return x, schema.T{}
}

// wbReader reads the sheets of one workbook into wb, collecting problems.
type wbReader struct {
	x  *xlsx
	wb *Workbook
	ps schema.Problems
}

func (r *wbReader) read() {
	var massnahmen, ziele *sheetPart
	var names []string
	for i := range r.x.sheets {
		s := &r.x.sheets[i]
		names = append(names, s.name)
		var found **sheetPart
		switch schema.NormHeader(s.name) {
		case schema.NormHeader(blattMassnahmen):
			found = &massnahmen
		case schema.NormHeader(blattZiele):
			found = &ziele
		default:
			continue
		}
		if *found != nil {
			r.ps.Add(schema.Warnf(r.pos(s.name, 0, 0), schema.CodeSheetTwice, s.name, (*found).name))
			continue
		}
		*found = s
	}
	if ziele != nil {
		r.readZiele(*ziele)
	}
	if massnahmen == nil {
		hint := quoted(schema.Nearest(blattMassnahmen, names))
		r.ps.Add(schema.Errorf(schema.Pos{File: r.wb.File}, schema.CodeSheetMissing, blattMassnahmen, quoteList(names, "", "")).WithHint(hint))
		return
	}
	r.readMassnahmen(*massnahmen)
}

// pos returns the position of the cell at col and row of sheet, or of the
// sheet if col is 0.
func (r *wbReader) pos(sheet string, col, row int) schema.Pos {
	p := schema.Pos{File: r.wb.File, Sheet: sheet}
	if col > 0 {
		p.Cell, _ = excelize.CoordinatesToCellName(col, row)
	}
	return p
}

// table is a sheet's header and the filled rows below it.
type table struct {
	sheet  string
	first  int                      // the first column of the header
	key    map[int]string           // sheet column -> key of its schema.Spalte
	col    map[string]int           // key -> sheet column, for the columns present
	spalte map[string]schema.Spalte // key -> column, for all columns of the sheet
	rows   []xrow
}

// readTable finds the header row of the sheet, maps its columns to spalten
// and returns the filled rows below it, with merged cells filled in. It
// returns nil if the sheet cannot be read or lacks one of the required
// columns (all reported).
func (r *wbReader) readTable(s sheetPart, spalten []schema.Spalte, required ...string) *table {
	sd, err := r.x.readSheet(s.part, maxFilledRows, nil)
	if err != nil {
		r.ps.Add(schema.Errorf(r.pos(s.name, 0, 0), schema.CodeWorkbook, grundBlatt))
		return nil
	}
	t := &table{sheet: s.name, key: map[int]string{}, col: map[string]int{}, spalte: map[string]schema.Spalte{}}
	byName := map[string]schema.Spalte{}
	var names []string
	for _, sp := range spalten {
		t.spalte[sp.Key] = sp
		for _, n := range append([]string{sp.Name}, sp.Aliases...) {
			byName[schema.NormHeader(n)] = sp
			names = append(names, n)
		}
	}
	header := -1
	for i, row := range sd.rows {
		known := 0
		for _, c := range row.cells {
			if _, ok := byName[schema.NormHeader(c.value)]; ok && c.kind == textCell {
				known++
			}
		}
		if known >= 2 {
			header = i
			break
		}
	}
	if header < 0 {
		var first []string
		for _, sp := range spalten[:4] {
			first = append(first, sp.Name)
		}
		r.ps.Add(schema.Errorf(r.pos(s.name, 0, 0), schema.CodeHeaderMissing, quoteList(first, "…", "…")))
		return nil
	}
	hrow := sd.rows[header]
	t.first = hrow.cells[0].col
	for _, c := range hrow.cells {
		name := cleanText(c.value)
		if c.kind != textCell || name == "" {
			continue
		}
		sp, known := byName[schema.NormHeader(name)]
		switch first, twice := t.col[sp.Key]; {
		case !known:
			r.ps.Add(schema.Warnf(r.pos(s.name, c.col, hrow.num), schema.CodeColumnUnknown, name).WithHint(quoted(schema.Nearest(name, names))))
		case twice:
			cell, _ := excelize.CoordinatesToCellName(first, hrow.num)
			r.ps.Add(schema.Errorf(r.pos(s.name, c.col, hrow.num), schema.CodeColumnTwice, sp.Name, cell))
		default:
			t.col[sp.Key] = c.col
			t.key[c.col] = sp.Key
		}
	}
	if sd.more > 0 {
		r.ps.Add(schema.Errorf(r.pos(s.name, t.first, sd.more), schema.CodeTooManyRows, schema.T{De: "10.000", En: "10,000"}))
	}
	missing := false
	for _, key := range required {
		if _, ok := t.col[key]; !ok {
			r.ps.Add(schema.Errorf(r.pos(s.name, t.first, hrow.num), schema.CodeColumnMissing, t.spalte[key].Name))
			missing = true
		}
	}
	if missing {
		return nil
	}
	for _, row := range sd.rows[header+1:] {
		for _, c := range row.cells {
			if _, ok := t.key[c.col]; ok { // rows with text only in unknown columns are left out
				t.rows = append(t.rows, row)
				break
			}
		}
	}
	t.fillMerged(sd.merged, hrow.num)
	return t
}

// fillMerged gives the rows a range of merged cells spans downwards the
// value of its first cell, as the sheet shows it: consultants merge the cells
// of a field or goal over the rows of its measures. Only ranges below the
// header and in a known column count; each row is visited once per column,
// however many (and however overlapping) the ranges.
func (t *table) fillMerged(merged []span, header int) {
	byCol := map[int][]span{}
	for _, m := range merged {
		if _, known := t.key[m.col1]; known && m.row1 > header && m.row2 > m.row1 {
			byCol[m.col1] = append(byCol[m.col1], m)
		}
	}
	if len(byCol) == 0 {
		return
	}
	slices.SortStableFunc(t.rows, func(a, b xrow) int { return cmp.Compare(a.num, b.num) })
	after := func(n int) int { // the index of the first row below row n
		i, _ := slices.BinarySearchFunc(t.rows, n+1, func(r xrow, n int) int { return cmp.Compare(r.num, n) })
		return i
	}
	for col, spans := range byCol {
		slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.row1, b.row1) })
		done := 0 // the rows up to here are filled for this column
		for _, m := range spans {
			top := after(m.row1 - 1)
			if top == len(t.rows) || t.rows[top].num != m.row1 {
				continue
			}
			c, ok := t.rows[top].cell(col)
			if !ok {
				continue
			}
			for i := after(max(m.row1, done)); i < len(t.rows) && t.rows[i].num <= m.row2; i++ {
				if _, has := t.rows[i].cell(col); !has {
					t.rows[i].cells = append(t.rows[i].cells, c)
				}
			}
			done = max(done, m.row2)
		}
	}
}

// zeile is a row being read: its cells by key, and the Origin to record
// their places in.
type zeile struct {
	r      *wbReader
	t      *table
	num    int
	origin *schema.Origin
	cells  map[string]xcell
}

func (r *wbReader) zeile(t *table, row xrow, origin *schema.Origin) *zeile {
	z := &zeile{r: r, t: t, num: row.num, origin: origin, cells: make(map[string]xcell, len(row.cells))}
	origin.Pos = r.pos(t.sheet, t.first, row.num)
	for _, c := range row.cells {
		if key, ok := t.key[c.col]; ok {
			z.cells[key] = c
		}
	}
	return z
}

// at returns the position of the cell of key in this row.
func (z *zeile) at(key string) schema.Pos {
	col, ok := z.t.col[key]
	if !ok {
		return z.origin.Pos
	}
	return z.r.pos(z.t.sheet, col, z.num)
}

// name returns the name of the column of key, for messages.
func (z *zeile) name(key string) string { return z.t.spalte[key].Name }

// text returns the value of key as text, and records where it is. A formula
// without a stored result or with an error value is reported and read as empty.
func (z *zeile) text(key string) string {
	c, ok := z.cells[key]
	if !ok {
		return ""
	}
	pos := z.at(key)
	z.origin.SetField(key, pos)
	switch {
	case c.kind == errorCell:
		z.r.ps.Add(schema.Errorf(pos, schema.CodeFormulaError, strings.TrimSpace(c.value)))
		return ""
	case c.formula && !c.cached:
		z.r.ps.Add(schema.Warnf(pos, schema.CodeFormulaEmpty))
		return ""
	case c.kind == numberCell:
		if form := z.r.x.dateForm(c.style); form != schema.Ohne {
			if v, err := strconv.ParseFloat(c.value, 64); err == nil {
				if d, ok := zeitpunktSerial(v, form, z.r.x.date1904); ok {
					return d.Display("de")
				}
			}
		}
		return numberText(c.value)
	case c.kind == boolCell:
		if strings.TrimSpace(c.value) == "1" {
			return "WAHR"
		}
		return "FALSCH"
	}
	s, ps := checkText(cleanText(c.value), z.name(key), pos)
	z.r.ps.Add(ps...)
	return unprotect(s)
}

// unprotect drops the single quote that protects a text starting with =, +,
// -, @ against formula injection, as `konzept export` writes it, so that an
// exported workbook reads back as what the concept says.
func unprotect(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.IndexByte("=+-@", s[1]) >= 0 {
		return s[1:]
	}
	return s
}

// required reports an empty required cell; it records the cell as the
// place of key, so that later checks of the same value point there too.
func (z *zeile) required(key, v string) bool {
	if v != "" {
		return true
	}
	pos := z.at(key)
	z.origin.SetField(key, pos)
	z.r.ps.Add(schema.Errorf(pos, schema.CodeRequired, z.name(key)))
	return false
}

// list returns the items of a list cell, recording each one's place.
func (z *zeile) list(key, seps string) []string {
	items := splitList(z.text(key), seps)
	for i := range items {
		z.origin.SetField(key+"["+strconv.Itoa(i)+"]", z.at(key))
	}
	return items
}

// zeit reads a beginning or end: a date cell, a year as number, or text.
func (z *zeile) zeit(key string) schema.Zeitpunkt {
	c, ok := z.cells[key]
	if !ok || strings.TrimSpace(c.value) == "" || c.kind == errorCell {
		z.text(key) // reports a formula without result, or an error value
		return schema.Zeitpunkt{}
	}
	pos := z.at(key)
	z.origin.SetField(key, pos)
	shown, hint := cleanText(c.value), ""
	switch c.kind {
	case numberCell:
		v, err := strconv.ParseFloat(c.value, 64)
		if err != nil {
			break
		}
		shown = numberText(c.value)
		if form := z.r.x.dateForm(c.style); form != schema.Ohne {
			if d, ok := zeitpunktSerial(v, form, z.r.x.date1904); ok {
				return d
			}
			break
		}
		if v == math.Trunc(v) && v >= 1900 && v <= 2999 {
			return schema.Zeitpunkt{Form: schema.Jahr, Year: int(v)}
		}
		if d, ok := zeitpunktSerial(v, schema.Tag, z.r.x.date1904); ok {
			hint = quoted(d.Display("de")) // a date cell that lost its format
		}
	case textCell, isoDateCell:
		if d, ok := parseZeitpunktDE(c.value); ok {
			return d
		}
	}
	forms := zeitpunktForms
	if key == "ende" {
		forms = append(forms[:len(forms):len(forms)], "fortlaufend")
	}
	z.r.ps.Add(schema.Errorf(pos, schema.CodeZeitCell, kurz(shown), z.name(key), quoteList(forms, "oder", "or")).WithHint(hint))
	return schema.Zeitpunkt{}
}

// kosten reads an amount of money: a number cell, or German text.
func (z *zeile) kosten(key string) *float64 {
	c, ok := z.cells[key]
	if !ok || strings.TrimSpace(c.value) == "" || c.kind == errorCell {
		z.text(key) // reports a formula without result, or an error value
		return nil
	}
	pos := z.at(key)
	z.origin.SetField(key, pos)
	shown := cleanText(c.value)
	switch c.kind {
	case numberCell:
		shown = numberText(c.value)
		if v, err := strconv.ParseFloat(c.value, 64); err == nil && v >= 0 && !math.IsInf(v, 0) {
			return &v
		}
	case textCell:
		switch shown {
		case "-", "–", "—": // "none", as German tables write it
			return nil
		}
		if v, ok := parseBetrag(shown); ok {
			return &v
		}
	}
	z.r.ps.Add(schema.Errorf(pos, schema.CodeBetrag, kurz(shown), z.name(key)))
	return nil
}

// enum reads one of a few values; parse returns the value as stored.
func (z *zeile) enum(key string, names []string, parse func(string) (string, bool)) string {
	s := z.text(key)
	if s == "" {
		return ""
	}
	if v, ok := parse(s); ok {
		return v
	}
	z.r.ps.Add(schema.Errorf(z.at(key), schema.CodeEnum, kurz(s), z.name(key), names).WithHint(quoted(schema.Nearest(s, names))))
	return ""
}

func (r *wbReader) readZiele(s sheetPart) {
	t := r.readTable(s, schema.ZielSpalten, "id", "titel", "handlungsfeld")
	if t == nil {
		return
	}
	for _, row := range t.rows {
		var g ZielZeile
		z := r.zeile(t, row, &g.Origin)
		g.Handlungsfeld = z.text("handlungsfeld")
		g.ID = z.text("id")
		g.Titel = z.text("titel")
		g.Beschreibung = z.text("beschreibung")
		g.Indikatoren = z.list("indikatoren", ";")
		z.required("handlungsfeld", g.Handlungsfeld)
		z.required("titel", g.Titel)
		if z.required("id", g.ID) {
			r.wb.Ziele = append(r.wb.Ziele, g)
		}
	}
}

func (r *wbReader) readMassnahmen(s sheetPart) {
	t := r.readTable(s, schema.MassnahmeSpalten, "id", "titel")
	if t == nil {
		return
	}
	for _, row := range t.rows {
		var m MassnahmeZeile
		z := r.zeile(t, row, &m.Origin)
		m.Handlungsfeld = z.text("handlungsfeld")
		m.ZielNr = z.text("ziel")
		m.ID = z.text("id")
		m.Titel = z.text("titel")
		m.Beschreibung = z.text("beschreibung")
		m.Federfuehrung = z.text("federfuehrung")
		m.Partner = z.list("partner", ";,")
		m.Beginn = z.zeit("beginn")
		m.Ende = z.zeit("ende")
		m.Status = schema.Status(z.enum("status", statusNamen, parseStatus))
		m.Prioritaet = z.enum("prioritaet", prioritaetNamen, parsePrioritaet)
		m.Finanzierung = z.text("finanzierung")
		m.Kosten = z.kosten("kosten")
		m.Querschnitt = z.list("querschnitt", ";,")
		m.Indikator = z.text("indikator")
		z.required("titel", m.Titel)
		if z.required("id", m.ID) {
			r.wb.Massnahmen = append(r.wb.Massnahmen, m)
		}
	}
}

// dateForm returns the precision with which the cell style s shows dates,
// or schema.Ohne if it does not show a date.
func (x *xlsx) dateForm(s int) schema.Genauigkeit {
	return dateForm(x.numFmt(s))
}

// quoted returns s in German quotation marks, or "" if s is empty.
func quoted(s string) string {
	if s == "" {
		return ""
	}
	return "„" + s + "“"
}

// quoteList returns the items quoted and joined with commas, the last one
// with the word given for each language (none if empty), as a message argument.
func quoteList(items []string, de, en string) schema.T {
	join := func(open, close, last string) string {
		var b strings.Builder
		for i, s := range items {
			switch {
			case i == 0:
			case i == len(items)-1 && last != "":
				b.WriteString(" " + last + " ")
			default:
				b.WriteString(", ")
			}
			b.WriteString(open + s + close)
		}
		return b.String()
	}
	if de == "…" {
		return schema.T{De: join("„", "“", "") + " …", En: join("“", "”", "") + " …"}
	}
	return schema.T{De: join("„", "“", de), En: join("“", "”", en)}
}
