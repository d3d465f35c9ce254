package output

import "strconv"

// elem is an element of the PDF structure tree (PDF/UA): a heading,
// paragraph, list, table cell, figure, link… Its kids are other elements,
// marked-content sequences on a page, and link annotations, in reading order.
type elem struct {
	typ     string // standard structure type: Document, H1, P, L, LI, Table, TD, Link…
	parent  *elem
	kids    []kid
	alt     string // Figure: text alternative
	scope   string // TH: Column or Row
	colSpan int    // TD/TH spanning several columns
	obj     int    // object number, assigned when the PDF is finished
}

// kid is one child of an element: an element, a marked-content sequence
// (page and MCID), or an annotation.
type kid struct {
	elem  *elem
	page  int // 1-based page of a marked-content sequence
	mcid  int
	annot *annot
}

// annot is a link annotation, written by finish (fpdf's own links cannot be
// referenced from the structure tree).
type annot struct {
	page       int
	x, y, w, h float64 // mm, from the top left of the page
	uri        string  // external target, or
	destPage   int     // an internal one
	destY      float64
	contents   string // what the link says, for assistive technology
	link       *elem
	obj        int
	key        int // StructParent
}

// tagger records the structure tree while the canvas draws. Every drawing
// operation is wrapped in one marked-content sequence: tagged as content of
// the current element, or as an artifact (running header and footer, rules,
// backgrounds, repeated table headers).
type tagger struct {
	slab     []elem // elements not yet used, allocated many at a time
	kidSlab  []kid  // room for the first kids of elements, likewise
	root     *elem
	cur      *elem
	pages    [][]*elem // per page, the element of each MCID
	artifact int       // > 0: what is drawn now is an artifact
	annots   []*annot
	opened   int // elements opened, for the size of the tree
}

func newTagger() *tagger {
	root := &elem{typ: "Document"}
	return &tagger{root: root, cur: root}
}

// open starts a new element below the current one and makes it current.
func (t *tagger) open(typ string) *elem {
	if len(t.slab) == 0 {
		t.slab = make([]elem, 256)
	}
	e := &t.slab[0]
	t.slab = t.slab[1:]
	t.opened++
	// Most elements have one or two kids: a paragraph, a cell.
	if len(t.kidSlab) < 2 {
		t.kidSlab = make([]kid, 512)
	}
	e.kids, t.kidSlab = t.kidSlab[:0:2], t.kidSlab[2:]
	e.typ, e.parent = typ, t.cur
	t.cur.kids = append(t.cur.kids, kid{elem: e})
	t.cur = e
	return e
}

// close ends the current element.
func (t *tagger) close() {
	if t.cur.parent == nil {
		panic("output: structure element closed twice")
	}
	t.cur = t.cur.parent
}

// enter makes an element opened earlier current again (a table cell split
// across pages); leave returns to where enter was called.
func (t *tagger) enter(e *elem) (leave func()) {
	prev := t.cur
	t.cur = e
	return func() { t.cur = prev }
}

// newPage starts the MCID numbering of the next page.
func (t *tagger) newPage() { t.pages = append(t.pages, make([]*elem, 0, 64)) }

// begin returns the operator that opens the marked-content sequence of the
// next drawing operation, and records it in the tree.
func (t *tagger) begin() string { return string(t.appendBegin(nil)) }

// content reports whether what is drawn now is content of an element, not
// an artifact.
func (t *tagger) content() bool { return t.artifact == 0 && t.cur != t.root }

// appendBegin is begin, appending the operator to b.
func (t *tagger) appendBegin(b []byte) []byte {
	if !t.content() {
		return append(b, "/Artifact BMC"...)
	}
	p := len(t.pages)
	mcid := len(t.pages[p-1])
	t.pages[p-1] = append(t.pages[p-1], t.cur)
	t.cur.kids = append(t.cur.kids, kid{page: p, mcid: mcid})
	b = append(b, '/')
	b = append(b, t.cur.typ...)
	b = append(b, " <</MCID "...)
	b = strconv.AppendInt(b, int64(mcid), 10)
	return append(b, ">> BDC"...)
}

// link records a link annotation on the current page as a kid of the current
// element, which must be a Link.
func (t *tagger) link(a *annot) {
	a.page = len(t.pages)
	a.link = t.cur
	t.annots = append(t.annots, a)
	t.cur.kids = append(t.cur.kids, kid{annot: a})
}
