// Package testgen writes the broken and hostile input files that tests feed
// to the readers and to the konzept command: workbooks written as raw XML,
// so that they can hold what no spreadsheet program writes (a million empty
// rows, a zip bomb, bytes that are not UTF-8), without building them in
// memory cell by cell.
package testgen

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// XLSX returns a minimal workbook whose sheets, named sheets, have the
// sheetData written by the functions of data (as XML, between <sheetData>
// and </sheetData>), and the extra parts by name, which may replace a sheet.
// Parts are deflated at the fastest level, so that a sheet of 100 MiB is
// written in a second.
func XLSX(sheets []string, data []func(io.Writer), extra map[string]string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	put := func(name string, write func(io.Writer)) error {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		write(w)
		return nil
	}
	var ct, wb, rels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, name := range sheets {
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, name, i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	ct.WriteString(`</Types>`)
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	parts := []struct {
		name  string
		write func(io.Writer)
	}{
		{"[Content_Types].xml", Text(ct.String())},
		{"_rels/.rels", Text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"xl/workbook.xml", Text(wb.String())},
		{"xl/_rels/workbook.xml.rels", Text(rels.String())},
	}
	for i, d := range data {
		parts = append(parts, struct {
			name  string
			write func(io.Writer)
		}{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
			d(w)
			io.WriteString(w, `</sheetData></worksheet>`)
		}})
	}
	for _, p := range parts {
		if _, replaced := extra[p.name]; replaced {
			continue
		}
		if err := put(p.name, p.write); err != nil {
			return nil, err
		}
	}
	for name, s := range extra {
		if err := put(name, Text(s)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Text writes s.
func Text(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }

// Join writes what each of ws writes, in order.
func Join(ws ...func(io.Writer)) func(io.Writer) {
	return func(w io.Writer) {
		for _, f := range ws {
			f(w)
		}
	}
}

// Kopf is the header row of a sheet Maßnahmen: Maßnahme-Nr, Maßnahme,
// Federführung, Kosten in the columns A to D.
const Kopf = `<row r="1"><c r="A1" t="inlineStr"><is><t>Maßnahme-Nr</t></is></c><c r="B1" t="inlineStr"><is><t>Maßnahme</t></is></c><c r="C1" t="inlineStr"><is><t>Federführung</t></is></c><c r="D1" t="inlineStr"><is><t>Kosten</t></is></c></row>`

// Rows writes n rows of measures M-<row> with the title "Titel" in the
// columns A and B, numbered from first.
func Rows(first, n int) func(io.Writer) {
	return func(w io.Writer) {
		var b []byte
		for r := first; r < first+n; r++ {
			b = b[:0]
			b = fmt.Appendf(b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>M-%d</t></is></c><c r="B%d" t="inlineStr"><is><t>Titel</t></is></c></row>`, r, r, r, r)
			w.Write(b)
		}
	}
}

// EmptyRows writes the rows from first to last as Excel writes rows that
// are formatted but empty, with empty styled cells in every tenth.
func EmptyRows(first, last int) func(io.Writer) {
	return func(w io.Writer) {
		b := make([]byte, 0, 64<<10)
		for r := first; r <= last; r++ {
			b = append(b, `<row r="`...)
			b = strconv.AppendInt(b, int64(r), 10)
			if r%10 == 0 {
				b = append(b, `" s="1" customFormat="1"><c r="C`...)
				b = strconv.AppendInt(b, int64(r), 10)
				b = append(b, `" s="1"/></row>`...)
			} else {
				b = append(b, `" s="1" customFormat="1"/>`...)
			}
			if len(b) > 60<<10 {
				w.Write(b)
				b = b[:0]
			}
		}
		w.Write(b)
	}
}

// Bomb writes size bytes of empty rows, which deflate to some 1/200 of that:
// the sheet of a zip bomb.
func Bomb(size int) func(io.Writer) {
	return func(w io.Writer) {
		chunk := []byte(strings.Repeat("<row/>", 1<<16))
		for n := 0; n < size; n += len(chunk) {
			w.Write(chunk)
		}
	}
}
