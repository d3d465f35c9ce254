package sources

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits for workbooks, which come from outside the administration.
const (
	// maxUnzipped bounds the unzipped size of a whole workbook (a zip bomb
	// declares more and is refused before anything is inflated).
	maxUnzipped = 64 << 20
	// maxFilledRows bounds the filled rows read from one sheet: fifty times
	// the measures of the largest concept we know of.
	maxFilledRows = 10_000
)

// xlsx is the package of a workbook as this reader needs it: its sheets, in
// order, shared strings and number formats. Sheets are streamed from the zip
// by readSheet, so that a sheet of a million empty rows costs one pass over
// its XML and no memory for the rows.
type xlsx struct {
	parts    map[string]*zip.File // by lower-case name
	sheets   []sheetPart
	strings  []string
	xfNumFmt []int          // number format id of each cell style (cellXfs)
	numFmts  map[int]string // custom number format codes
	date1904 bool
}

type sheetPart struct{ name, part string }

var (
	// errCorrupt means a part of the package is missing or not what it should be.
	errCorrupt = errors.New("workbook: corrupt package")
	// errNoWorkbook means the package has no workbook: another kind of zip file.
	errNoWorkbook = errors.New("workbook: no workbook in the package")
)

// openXLSX indexes the package zr and reads what every sheet needs: the
// list of sheets, the 1904 flag, shared strings and number formats.
func openXLSX(zr *zip.Reader) (*xlsx, error) {
	var err error
	x := &xlsx{parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		name := strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")
		x.parts[strings.ToLower(name)] = f
	}
	wbPart := "xl/workbook.xml"
	var root xRels
	if err := x.decode("_rels/.rels", &root); err == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPart = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	if _, ok := x.parts[strings.ToLower(wbPart)]; !ok {
		return nil, errNoWorkbook
	}
	var wb xWorkbook
	if err := x.decode(wbPart, &wb); err != nil {
		return nil, err
	}
	x.date1904 = xmlTrue(wb.Pr.Date1904)
	var rels xRels
	if err := x.decode(path.Join(path.Dir(wbPart), "_rels", path.Base(wbPart)+".rels"), &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		if strings.EqualFold(r.Mode, "External") {
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(path.Dir(wbPart), t)
		}
		targets[r.ID] = t
		switch {
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			if x.strings, err = x.readStrings(t); err != nil {
				return nil, err
			}
		case strings.HasSuffix(r.Type, "/styles"):
			if err := x.readStyles(t); err != nil {
				return nil, err
			}
		}
	}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			x.sheets = append(x.sheets, sheetPart{name: s.Name, part: t})
		}
	}
	return x, nil
}

func xmlTrue(s string) bool { return s == "1" || strings.EqualFold(s, "true") }

// The parts of the package read whole. Tags without a namespace match any, so
// transitional and strict OOXML both read.
type (
	xRels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	xWorkbook struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	xStyles struct {
		NumFmts []struct {
			ID   string `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID string `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
)

// open returns a reader of the unzipped part name, limited to maxUnzipped.
func (x *xlsx) open(name string) (io.ReadCloser, error) {
	f, ok := x.parts[strings.ToLower(name)]
	if !ok {
		return nil, errCorrupt
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, maxUnzipped), rc}, nil
}

func (x *xlsx) decode(name string, v any) error {
	rc, err := x.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

func (x *xlsx) readStyles(name string) error {
	var st xStyles
	if err := x.decode(name, &st); err != nil {
		return err
	}
	x.numFmts = make(map[int]string, len(st.NumFmts))
	for _, f := range st.NumFmts {
		if id, err := strconv.Atoi(f.ID); err == nil {
			x.numFmts[id] = f.Code
		}
	}
	x.xfNumFmt = make([]int, len(st.Xfs))
	for i, xf := range st.Xfs {
		x.xfNumFmt[i], _ = strconv.Atoi(xf.NumFmtID)
	}
	return nil
}

// numFmt returns the number format id and, for a custom format, its code,
// of the cell style s.
func (x *xlsx) numFmt(s int) (int, string) {
	if s < 0 || s >= len(x.xfNumFmt) {
		return 0, ""
	}
	id := x.xfNumFmt[s]
	return id, x.numFmts[id]
}

// readStrings reads the shared strings: the text of each item, without the
// phonetic runs (rPh) some East Asian editors add.
func (x *xlsx) readStrings(name string) ([]string, error) {
	rc, err := x.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := newXMLTokens(rc)
	var (
		out      []string
		buf      strings.Builder
		inSI, rt bool
		phonetic int
	)
	for {
		t, err := d.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case xmlStart:
			switch string(t.local) {
			case "si":
				inSI = true
				buf.Reset()
			case "rPh":
				phonetic++
			case "t":
				rt = inSI && phonetic == 0
			}
		case xmlEnd:
			switch string(t.local) {
			case "si":
				inSI = false
				out = append(out, unescapeXstring(buf.String()))
			case "rPh":
				phonetic--
			case "t":
				rt = false
			}
		case xmlText:
			if rt {
				buf.Write(t.text)
			}
		}
	}
}

// cellKind is the type of a cell's value.
type cellKind uint8

const (
	textCell    cellKind = iota // a string, or the result of a formula giving one
	numberCell                  // a number, possibly a date (see xlsx.dateForm)
	boolCell                    // TRUE or FALSE
	errorCell                   // an error value such as #DIV/0!
	isoDateCell                 // a date written as ISO 8601 text (t="d"), rare
)

// xcell is a cell as stored: its column, type, value (for text unescaped,
// for numbers as written in the XML), style and whether it holds a formula.
type xcell struct {
	col     int
	kind    cellKind
	value   string
	style   int
	formula bool
	cached  bool // the cell has a stored value (<v>), possibly empty
}

// xrow is a row that holds at least one value or formula.
type xrow struct {
	num   int
	cells []xcell
}

// cell returns the cell of column col, if the row has it.
func (r *xrow) cell(col int) (xcell, bool) {
	for _, c := range r.cells {
		if c.col == col {
			return c, true
		}
	}
	return xcell{}, false
}

// span is a range of merged cells.
type span struct{ col1, row1, col2, row2 int }

// sheetData is what readSheet returns: the filled rows in order and the
// merged ranges. If the sheet has more than limit filled rows, only the
// first limit are returned and more is the number of the next one.
type sheetData struct {
	rows   []xrow
	n      int // filled rows read
	merged []span
	more   int
}

// readSheet streams the worksheet part and returns its filled rows. Empty
// rows and empty cells, styled or not, are dropped as they are read. If each
// is not nil, every filled row is handed to it instead of being kept, and
// reading stops when it returns false.
func (x *xlsx) readSheet(part string, limit int, each func(xrow) bool) (*sheetData, error) {
	rc, err := x.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := newXMLTokens(rc)
	var (
		sd             sheetData
		row            xrow
		c              xcell
		rowNamed       bool // the row element gave its number
		inData, inCell bool
		inV, inIS, inT bool
		shared         bool
		phonetic, col  int
		v, is          strings.Builder
	)
	for {
		t, err := d.next()
		if err == io.EOF {
			return &sd, nil
		}
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case xmlStart:
			switch string(t.local) {
			case "sheetData":
				inData = true
			case "row":
				if !inData {
					continue
				}
				row = xrow{num: row.num + 1}
				rowNamed = false
				if r := t.attr("r"); len(r) > 0 {
					n, err := strconv.Atoi(string(r))
					if err != nil || n < 1 || n > excelize.TotalRows {
						return nil, errCorrupt
					}
					row.num, rowNamed = n, true
				}
				col = 0
			case "c":
				if !inData {
					continue
				}
				inCell = true
				col++
				if r := t.attr("r"); len(r) > 0 {
					cc, rr, err := excelize.CellNameToCoordinates(string(r))
					if err != nil {
						return nil, errCorrupt
					}
					col = cc
					if !rowNamed {
						row.num, rowNamed = rr, true
					}
				}
				c = xcell{col: col, kind: numberCell}
				if s := t.attr("s"); len(s) > 0 {
					c.style, _ = strconv.Atoi(string(s))
				}
				shared = false
				switch string(t.attr("t")) {
				case "s":
					c.kind, shared = textCell, true
				case "inlineStr", "str":
					c.kind = textCell
				case "b":
					c.kind = boolCell
				case "e":
					c.kind = errorCell
				case "d":
					c.kind = isoDateCell
				}
				v.Reset()
				is.Reset()
			case "v":
				inV = inCell
				c.cached = c.cached || inCell
			case "f":
				c.formula = c.formula || inCell
			case "is":
				inIS = inCell
			case "rPh":
				phonetic++
			case "t":
				inT = inIS && phonetic == 0
			case "mergeCell":
				if sp, ok := parseSpan(string(t.attr("ref"))); ok {
					sd.merged = append(sd.merged, sp)
				}
			}
		case xmlText:
			switch {
			case inV:
				v.Write(t.text)
			case inT:
				is.Write(t.text)
			}
		case xmlEnd:
			switch string(t.local) {
			case "sheetData":
				inData = false
			case "v":
				inV = false
			case "is":
				inIS = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			case "c":
				if !inCell {
					continue
				}
				inCell = false
				switch {
				case shared:
					if v.Len() == 0 {
						break
					}
					i, err := strconv.Atoi(strings.TrimSpace(v.String()))
					if err != nil || i < 0 || i >= len(x.strings) {
						return nil, errCorrupt
					}
					c.value = x.strings[i]
				case c.kind == textCell && v.Len() == 0:
					c.value = unescapeXstring(is.String())
				case c.kind == textCell:
					c.value = unescapeXstring(v.String())
				default:
					c.value = v.String()
				}
				if c.formula || strings.TrimSpace(c.value) != "" {
					row.cells = append(row.cells, c)
				}
			case "row":
				if !inData || len(row.cells) == 0 {
					continue
				}
				if sd.n == limit {
					sd.more = row.num
					return &sd, nil
				}
				sd.n++
				if each == nil {
					sd.rows = append(sd.rows, row)
				} else if !each(row) {
					return &sd, nil
				}
			}
		}
	}
}

// parseSpan parses a range such as "A3:A7".
func parseSpan(ref string) (span, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return span{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return span{}, false
	}
	return span{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}

// unescapeXstring decodes the _xHHHH_ escapes with which OOXML writes control
// characters in text, such as the _x000D_ of a line break pasted from Windows.
func unescapeXstring(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || len(s) < i+7 {
			break
		}
		n, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
		if err != nil || s[i+6] != '_' {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteRune(rune(n))
		s = s[i+7:]
	}
	b.WriteString(s)
	return b.String()
}
