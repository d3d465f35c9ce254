package sources

import (
	"io/fs"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/landkreis/konzept/schema"
)

// maxAntwortZeilen bounds the responses read from one sheet.
const maxAntwortZeilen = 1_000_000

// readAntwortenXLSX reads the responses from the sheet `tabellenblatt` of
// the workbook name (the first sheet by default). The header is the first
// filled row.
//
// The sheet is read with the streaming reader of the workshop workbooks
// (readSheet), which hands over the filled rows one at a time, not keeping
// them; only the wanted cells are copied into the Antwort. The workbook's
// shared strings are, as in every .xlsx reader, held while the file is read.
func readAntwortenXLSX(fsys fs.FS, name string, b *schema.Befragung, fn func(*Antwort)) (ps schema.Problems) {
	at := schema.Pos{File: name}
	if st, err := fs.Stat(fsys, name); err == nil && st.Size() > maxUnzipped {
		return schema.Problems{schema.Errorf(at, schema.CodeWorkbook, grundZuGross)}
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return schema.Problems{schema.Errorf(at, schema.CodeUnreadable, err)}
	}
	if len(data) == 0 {
		return schema.Problems{schema.Errorf(at, schema.CodeEmpty)}
	}
	defer func() {
		if recover() != nil {
			ps = schema.Problems{schema.Errorf(at, schema.CodeWorkbook, grundBeschaedigt)}
		}
	}()
	x, grund := openWorkbook(data)
	if x == nil {
		return schema.Problems{schema.Errorf(at, schema.CodeWorkbook, grund)}
	}
	var sheet *sheetPart
	names := make([]string, 0, len(x.sheets))
	for i := range x.sheets {
		s := &x.sheets[i]
		names = append(names, s.name)
		if sheet == nil && (b.Tabellenblatt == "" || schema.NormHeader(s.name) == schema.NormHeader(b.Tabellenblatt)) {
			sheet = s
		}
	}
	if sheet == nil {
		p := schema.Errorf(at, schema.CodeSheetMissing, b.Tabellenblatt, quoteList(names, "", ""))
		if b.Tabellenblatt != "" {
			p = schema.Errorf(b.At("tabellenblatt"), schema.CodeSheetMissing, b.Tabellenblatt, quoteList(names, "", "")).
				WithHint(quoted(schema.Nearest(b.Tabellenblatt, names)))
		}
		return schema.Problems{p}
	}
	// Rows are handed over one at a time and not kept: the first is the header.
	var a *Antwort
	sd, err := x.readSheet(sheet.part, maxAntwortZeilen, func(row xrow) bool {
		if a == nil {
			last := 0
			for _, c := range row.cells {
				last = max(last, c.col)
			}
			header := make([]string, last)
			for _, c := range row.cells {
				header[c.col-1] = c.value
			}
			var idx []int
			idx, ps = matchHeader(b, header, cellPos(name, sheet.name, 1, row.num))
			if ps != nil {
				return false
			}
			a = &Antwort{Werte: make([]string, len(idx)), file: name, sheet: sheet.name, cols: make([]int, len(idx))}
			for i, j := range idx {
				a.cols[i] = j + 1
			}
			return true
		}
		a.row = row.num
		for i, col := range a.cols {
			a.Werte[i] = ""
			if c, ok := row.cell(col); ok {
				a.Werte[i] = cellText(c)
			}
		}
		fn(a)
		return true
	})
	if err != nil {
		return schema.Problems{schema.Errorf(schema.Pos{File: name, Sheet: sheet.name}, schema.CodeWorkbook, grundBlatt)}
	}
	if ps != nil {
		return ps
	}
	if a == nil {
		return schema.Problems{schema.Errorf(schema.Pos{File: name, Sheet: sheet.name}, schema.CodeEmpty)}
	}
	if sd.more > 0 {
		ps.Add(schema.Warnf(cellPos(name, sheet.name, 1, sd.more), schema.CodeTooManyRows, "1.000.000"))
	}
	return ps
}

// cellText returns the value of a response cell as text: numbers as a person
// writes them ("3", "3.5").
func cellText(c xcell) string {
	if c.kind == numberCell {
		return numberText(c.value)
	}
	return strings.TrimSpace(c.value)
}

// cellPos returns the position of the cell at col and row of sheet.
func cellPos(file, sheet string, col, row int) schema.Pos {
	p := schema.Pos{File: file, Sheet: sheet}
	p.Cell, _ = excelize.CoordinatesToCellName(col, row)
	return p
}
