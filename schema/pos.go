package schema

import "fmt"

// Pos is a place in an input file: a line and column in a YAML or CSV file, or a
// sheet and cell in a workbook. The zero value means "no position".
type Pos struct {
	File   string // path relative to the concept folder, with forward slashes
	Line   int    // 1-based; 0 if unknown
	Column int    // 1-based; 0 if unknown
	Sheet  string // workbook sheet, if any
	Cell   string // workbook cell such as "G14", if any
}

// String formats p as an editor understands it: "file:line:col", "file:line",
// "file.xlsx!Sheet!C7" or just "file".
func (p Pos) String() string {
	switch {
	case p.Sheet != "" && p.Cell != "":
		return fmt.Sprintf("%s!%s!%s", p.File, p.Sheet, p.Cell)
	case p.Sheet != "":
		return fmt.Sprintf("%s!%s", p.File, p.Sheet)
	case p.Line > 0 && p.Column > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Before reports whether p sorts before q: by file, then line, column, sheet, cell.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	if p.Column != q.Column {
		return p.Column < q.Column
	}
	if p.Sheet != q.Sheet {
		return p.Sheet < q.Sheet
	}
	return cellBefore(p.Cell, q.Cell)
}

// cellBefore orders cell references by row, then column ("B2" < "A10").
func cellBefore(a, b string) bool {
	ca, ra := splitCell(a)
	cb, rb := splitCell(b)
	if ra != rb {
		return ra < rb
	}
	if len(ca) != len(cb) {
		return len(ca) < len(cb)
	}
	return ca < cb
}

func splitCell(c string) (col string, row int) {
	i := 0
	for i < len(c) && (c[i] < '0' || c[i] > '9') {
		i++
	}
	for _, d := range c[i:] {
		row = row*10 + int(d-'0')
	}
	return c[:i], row
}

// Origin records where an element of the concept was defined, and where each
// of its keys was written. Every element type embeds it; the readers fill it.
type Origin struct {
	Pos    Pos
	fields map[string]Pos
}

// SetField records the position of the value of key.
func (o *Origin) SetField(key string, p Pos) {
	if o.fields == nil {
		o.fields = make(map[string]Pos)
	}
	o.fields[key] = p
}

// At returns the position of key's value, or of the element itself if key was
// not written (a missing required key is reported where its element starts).
func (o *Origin) At(key string) Pos {
	if p, ok := o.fields[key]; ok {
		return p
	}
	return o.Pos
}

// Has reports whether key was written in the input.
func (o *Origin) Has(key string) bool {
	_, ok := o.fields[key]
	return ok
}

// origin returns o; it lets generic code reach the Origin of any element.
func (o *Origin) origin() *Origin { return o }

// Located is implemented by every element type through its embedded Origin.
type Located interface{ origin() *Origin }

// OriginOf returns the Origin of an element.
func OriginOf(l Located) *Origin { return l.origin() }
