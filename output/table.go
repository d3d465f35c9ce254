package output

import (
	"slices"

	"github.com/landkreis/konzept/output/richtext"
)

// column is a table column: header, width in mm, alignment.
type column struct {
	title string
	width float64
	align align
}

// row is a table row: one cell of Markdown blocks per column, or, for a group
// row (e.g. the goal above its measures), one cell spanning all columns.
type row struct {
	cells [][]richtext.Block
	group bool
	laid  []box // if not nil, the cells laid out already, used instead of cells
}

// cellText is a cell of plain text.
func cellText(s string) []richtext.Block {
	if s == "" {
		return nil
	}
	return []richtext.Block{{Spans: []richtext.Span{{Text: s}}}}
}

// cellBold is a cell of bold text (totals).
func cellBold(s string) []richtext.Block {
	return []richtext.Block{{Spans: []richtext.Span{{Text: s, Style: richtext.Bold}}}}
}

const cellPad = 1.6

var (
	tableText  = textStyle{size: 8.5, leading: 1.3, color: black, hyphens: true}
	tableHead  = textStyle{size: 8.5, leading: 1.25, color: white, base: richtext.Bold, hyphens: true}
	tableGroup = textStyle{size: 8.5, leading: 1.3, color: black, base: richtext.Bold, hyphens: true}
)

// table draws a table at the cursor. Cell text wraps inside its cell; the
// header row repeats after every page break; a row moves to the next page
// whole unless it is taller than a page, in which case it is split between lines.
func (d *doc) table(cols []column, rows []row) {
	head := make([]box, len(cols))
	for i, c := range cols {
		head[i] = box(d.c.layout([]richtext.Span{{Text: c.title}}, c.width-2*cellPad, tableHead))
	}
	headH := cellsHeight(head)
	laid := make([][]box, len(rows))
	cache := map[cellKey]box{}
	for r, rw := range rows {
		laid[r] = d.layoutRow(cols, rw, cache)
	}
	page := contentBot - contentTop - headH // room for rows on a fresh page
	// A group row stays with the row after it: with all of it if that row
	// moves to a new page whole, with its start if it is split where it lands.
	keep := func(r int) float64 {
		h := rowHeight(laid, r)
		if r < len(rows) && rows[r].group {
			next := rowHeight(laid, r+1)
			if h+next > page {
				next = minAfterHeading
			}
			h += next
		}
		return h
	}
	d.space(3)
	first := keep(0)
	if first > page {
		first = minAfterHeading
	}
	d.need(headH + first)
	tags := d.c.tags
	tags.open("Table")
	tags.open("THead")
	tags.open("TR")
	d.drawHeader(cols, head, headH)
	tags.close()
	tags.close()
	tags.open("TBody")
	for r, rw := range rows {
		// A row that would fit on a fresh page moves there; a taller one is split here.
		if h := keep(r); d.y+h > contentBot && h <= page {
			d.newPage()
			d.repeatHeader(cols, head, headH)
		}
		d.drawRow(cols, rw, laid[r], head, headH)
	}
	tags.close()
	tags.close()
	d.y += 2
}

func rowHeight(laid [][]box, r int) float64 {
	if r >= len(laid) {
		return 0
	}
	return cellsHeight(laid[r])
}

// cellKey is a cell of one paragraph of one span in a column: its layout
// is the same in every row it recurs in (a status, an actor's name).
type cellKey struct {
	col  int
	span richtext.Span
}

// layoutRow sets the text of each cell of a row into its width. The layout
// of a cell of one span is kept in cache, if not nil, and shared by the rows
// it recurs in: a laid-out box is not changed.
func (d *doc) layoutRow(cols []column, rw row, cache map[cellKey]box) []box {
	if rw.laid != nil {
		return rw.laid
	}
	if rw.group {
		w := 0.0
		for _, c := range cols {
			w += c.width
		}
		return []box{d.c.blocks(rw.cells[0], w-2*cellPad, tableGroup)}
	}
	out := make([]box, len(cols))
	for i, c := range cols {
		if i >= len(rw.cells) {
			continue
		}
		cell := rw.cells[i]
		if cache == nil || len(cell) != 1 || cell[0].List != richtext.NoList || len(cell[0].Spans) != 1 {
			out[i] = d.c.blocks(cell, c.width-2*cellPad, tableText)
			continue
		}
		k := cellKey{i, cell[0].Spans[0]}
		b, ok := cache[k]
		if !ok {
			b = d.c.blocks(cell, c.width-2*cellPad, tableText)
			cache[k] = b
		}
		out[i] = b
	}
	return out
}

// cellsHeight is the height of a row whose cells are laid out as bs.
func cellsHeight(bs []box) float64 {
	h := 0.0
	for _, b := range bs {
		h = max(h, b.height())
	}
	return h + 2*cellPad
}

// drawHeader draws the header row, each cell a TH of the current TR.
func (d *doc) drawHeader(cols []column, head []box, h float64) {
	x := marginL
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	d.c.rect(marginL, d.y, total, h, d.accent)
	for i, c := range cols {
		d.c.tags.open("TH").scope = "Column"
		d.drawCell(head[i], x, d.y, c.width, c.align)
		d.c.tags.close()
		x += c.width
	}
	d.y += h
}

// repeatHeader draws the header row again after a page break, as an artifact:
// the structure has it once.
func (d *doc) repeatHeader(cols []column, head []box, h float64) {
	leave := d.c.tags.enter(&elem{typ: "Artifact"}) // its cells stay out of the tree
	d.c.artifact(func() { d.drawHeader(cols, head, h) })
	leave()
}

// drawCell draws the whole of a laid-out cell with its top at y.
func (d *doc) drawCell(b box, x, y, w float64, a align) {
	y += cellPad
	for _, l := range b {
		y += l.gap
		d.drawLine(l, x+cellPad, y, w-2*cellPad, a)
		y += l.ts.lineHeight()
	}
}

// drawRow draws a row, splitting it between pages if it does not fit.
func (d *doc) drawRow(cols []column, rw row, cells []box, head []box, headH float64) {
	widths := make([]float64, len(cells))
	aligns := make([]align, len(cells))
	for i := range cells {
		widths[i], aligns[i] = cols[i].width, cols[i].align
	}
	tags := d.c.tags
	tags.open("TR")
	cellTags := make([]*elem, len(cells))
	for i := range cells {
		cellTags[i] = tags.open("TD")
		tags.close()
	}
	tags.close()
	if rw.group {
		widths[0] = 0
		for _, c := range cols {
			widths[0] += c.width
		}
		aligns[0] = alignLeft
		cellTags[0].colSpan = len(cols)
	}
	for {
		avail := contentBot - d.y - 2*cellPad
		part := make([]box, len(cells))
		rest := make([]box, len(cells))
		more := false
		for i, b := range cells {
			h := 0.0
			n := 0
			for n < len(b) && h+b[n].gap+b[n].ts.lineHeight() <= avail {
				h += b[n].gap + b[n].ts.lineHeight()
				n++
			}
			part[i], rest[i] = b[:n], b[n:]
			if len(rest[i]) > 0 {
				if rest[i][0].gap != 0 { // a box may be shared (see layoutRow)
					rest[i] = slices.Clone(rest[i])
					rest[i][0].gap = 0
				}
				more = true
			}
		}
		if more && empty(part) && d.y > contentTop {
			d.newPage()
			d.repeatHeader(cols, head, headH)
			continue
		}
		h := cellsHeight(part)
		if rw.group {
			d.c.rect(marginL, d.y, widths[0], h, d.accent.tint(0.85))
		}
		x := marginL
		for i, b := range part {
			leave := tags.enter(cellTags[i])
			d.drawCell(b, x, d.y, widths[i], aligns[i])
			leave()
			x += widths[i]
		}
		d.y += h
		d.c.rule(marginL, d.y, x, d.y, 0.2, ruleGrey)
		if !more {
			return
		}
		d.newPage()
		d.repeatHeader(cols, head, headH)
		cells = rest
	}
}

func empty(bs []box) bool {
	for _, b := range bs {
		if len(b) > 0 {
			return false
		}
	}
	return true
}
