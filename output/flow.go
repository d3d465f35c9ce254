package output

import (
	"fmt"
	"strings"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/output/richtext"
)

// Page geometry of A4 portrait, in mm.
const (
	pageW      = 210.0
	pageH      = 297.0
	marginL    = 25.0
	marginR    = 20.0
	contentTop = 28.0
	contentBot = 274.0
	textW      = pageW - marginL - marginR
)

// Text styles.
var (
	body    = textStyle{size: 10, leading: 1.45, color: black, hyphens: true}
	caption = textStyle{size: 8.5, leading: 1.3, color: textGrey}
)

// heading is a chapter or section heading as placed: page is the page as
// drawn (see doc.pageNo for the number printed).
type heading struct {
	level  int
	number string
	title  string
	page   int
	y      float64
	toc    bool
}

// doc renders the document.
type doc struct {
	c      *canvas
	k      *assemble.Konzept
	lang   string
	accent rgb
	y      float64

	heads   []heading // placed so far, in reading order
	toc     tocPlace  // where the table of contents goes
	chapter int       // number of the current chapter
	section int       // number of the current section within it
	pending *pendingHeading
	info    docInfo // document information, for finish
	err     error   // first drawing error (images)
	version string

	nurVorlage bool           // only the Beschlussvorlage, with header and footer on every page
	diff       *assemble.Diff // the comparison with the previous version, or nil
}

// newPage starts a page with its running header (not on the cover); the
// footer, which gives the number of pages, is drawn last (see footers).
func (d *doc) newPage() {
	d.c.addPage()
	d.y = contentTop
	if d.c.page() == 1 && !d.nurVorlage {
		return
	}
	m := d.k.Konzept.Konzept
	parts := []string{m.Traeger}
	if m.Kurztitel != "" {
		parts = append(parts, m.Kurztitel)
	}
	parts = append(parts, m.Fassung)
	d.c.artifact(func() {
		d.c.text(marginL, 15, strings.Join(parts, " · "), 0, 8, textGrey)
		d.c.rule(marginL, 17.5, pageW-marginR, 17.5, 0.2, ruleGrey)
	})
}

// footers draws the footer of every page but the cover: its number, as
// printed, and the number of pages.
func (d *doc) footers() {
	n := d.c.pages()
	for p := 1; p <= n; p++ {
		if p == 1 && !d.nurVorlage {
			continue
		}
		d.c.onPage(p)
		footer := fmt.Sprintf(d.t(lblSeiteVon), d.pageNo(p), n)
		d.c.artifact(func() { d.c.text(pageW-marginR-d.c.width(footer, 0, 8), 286, footer, 0, 8, textGrey) })
	}
}

// bookmarks makes the document outline of the headings of levels 1 and 2.
func (d *doc) bookmarks() {
	for _, h := range d.heads {
		if h.level > 2 {
			continue
		}
		text := h.title
		if h.number != "" {
			text = h.number + " " + h.title
		}
		d.c.onPage(h.page)
		d.c.bookmark(text, h.level-1, h.y)
	}
}

// need starts a new page unless h mm fit below the cursor. Every drawing of
// content calls it first; a heading waiting to be set is set here, together
// with what follows it, so that a heading never ends a page.
func (d *doc) need(h float64) {
	if p := d.pending; p != nil {
		d.pending = nil
		d.space(p.before)
		d.need(p.box.height() + p.after + max(h, minAfterHeading))
		d.setHeading(p)
		d.y += p.after
	}
	if d.y+h > contentBot {
		d.newPage()
	}
}

// minAfterHeading is the room a heading needs below it for what follows.
const minAfterHeading = 18.0

// space adds vertical space, unless at the top of a page.
func (d *doc) space(h float64) {
	switch {
	case d.pending != nil:
		d.pending.after += h
	case d.y > contentTop:
		d.y += h
	}
}

// heading sets a numbered heading; level 1 starts a new page. A heading is
// never left alone at the bottom of a page: room for it and some lines of
// what follows is required.
func (d *doc) heading(level int, title string, toc bool) {
	number := ""
	switch level {
	case 1:
		d.chapter++
		d.section = 0
		number = fmt.Sprint(d.chapter)
	case 2:
		d.section++
		number = fmt.Sprintf("%d.%d", d.chapter, d.section)
	}
	d.headingNumbered(level, number, title, toc)
}

var headingStyles = map[int]textStyle{
	1: {size: 18, leading: 1.25, base: richtext.Bold},
	2: {size: 13, leading: 1.3, base: richtext.Bold},
	3: {size: 10.5, leading: 1.35, base: richtext.Bold},
}

// pendingHeading is a heading waiting for the content that follows it.
type pendingHeading struct {
	heading
	box           box
	before, after float64
}

func (d *doc) headingNumbered(level int, number, title string, toc bool) {
	d.flush()
	ts := headingStyles[level]
	ts.color = d.accent
	if level == 3 {
		ts.color = black
	}
	text := title
	if number != "" {
		text = number + "  " + title
	}
	p := &pendingHeading{
		heading: heading{level: level, number: number, title: title, toc: toc},
		box:     box(d.c.layout([]richtext.Span{{Text: text}}, textW, ts)),
		before:  map[int]float64{2: 6, 3: 4}[level],
		after:   2,
	}
	if level == 1 {
		d.newPage()
		d.setHeading(p)
		d.c.rule(marginL, d.y+1.5, pageW-marginR, d.y+1.5, 0.5, d.accent)
		d.y += 7
		return
	}
	d.pending = p
}

// setHeading draws a heading at the cursor and records where it is.
func (d *doc) setHeading(p *pendingHeading) {
	h := p.heading
	h.page, h.y = d.c.page(), d.y
	d.heads = append(d.heads, h)
	d.c.tags.open(fmt.Sprintf("H%d", h.level))
	for _, l := range p.box {
		d.drawLine(l, marginL, d.y, textW, alignLeft)
		d.y += l.ts.lineHeight()
	}
	d.c.tags.close()
}

// flush sets a heading that is still waiting (at the end of the document).
func (d *doc) flush() {
	if d.pending != nil {
		d.need(0)
	}
}

type align int

const (
	alignLeft align = iota
	alignRight
)

// baseline returns the baseline of a line whose top is at y.
func baseline(y float64, ts textStyle) float64 {
	s := ts.size * ptMM
	return y + (ts.lineHeight()-1.117*s)/2 + 0.905*s
}

// drawLine draws one line with its top at y, in a box starting at x of width w.
func (d *doc) drawLine(l line, x, y, w float64, a align) {
	x += l.indent
	if a == alignRight {
		lw := 0.0
		for _, p := range l.pieces {
			lw += p.w
		}
		x += w - l.indent - lw
	}
	bl := baseline(y, l.ts)
	tags := d.c.tags
	for _, t := range l.open {
		tags.open(t)
	}
	if l.label != "" {
		lw := d.c.width(l.label, l.ts.base, l.ts.size)
		tags.open("Lbl")
		d.c.text(x-lw-1.8, bl, l.label, l.ts.base, l.ts.size, l.ts.color)
		tags.close()
	}
	for _, t := range l.body {
		tags.open(t)
	}
	for _, p := range l.pieces {
		if p.link == "" {
			d.c.text(x, bl, p.text, p.style, l.ts.size, l.ts.color)
		} else {
			tags.open("Link")
			d.c.text(x, bl, p.text, p.style, l.ts.size, d.accent)
			d.c.link(x, y, p.w, l.ts.lineHeight(), p.link, 0, 0, p.link)
			tags.close()
		}
		x += p.w
	}
	for range l.close {
		tags.close()
	}
}

// drawBox draws laid-out text at the cursor, breaking pages between lines
// but not after the first or before the last line of a paragraph: a
// paragraph of up to three lines moves to the next page whole.
func (d *doc) drawBox(b box, x, w float64, a align) {
	start := 0 // first line of the current paragraph
	for i, l := range b {
		if len(l.open) > 0 || len(l.body) > 0 {
			start = i
		}
		end := i // last line of the current paragraph
		for end < len(b)-1 && b[end].close == 0 && len(b[end+1].open) == 0 && len(b[end+1].body) == 0 {
			end++
		}
		keep := i // keep lines i..keep together
		switch {
		case i == start && end-start < 3:
			keep = end
		case i == start || i == end-1:
			keep = i + 1
		}
		d.need(l.gap + b[i+1:keep+1].height() + l.ts.lineHeight())
		if d.y > contentTop {
			d.y += l.gap
		}
		d.drawLine(l, x, d.y, w, a)
		d.y += l.ts.lineHeight()
	}
}

// markdown sets Markdown text in the full text width.
func (d *doc) markdown(src string, ts textStyle) {
	blocks := richtext.Parse(src)
	if len(blocks) == 0 {
		return
	}
	d.space(ts.lineHeight() * 0.5)
	d.drawBox(d.c.blocks(blocks, textW, ts), marginL, textW, alignLeft)
}

// text sets one plain paragraph.
func (d *doc) text(s string, ts textStyle) {
	d.drawBox(para(d.c.layout([]richtext.Span{{Text: s}}, textW, ts)), marginL, textW, alignLeft)
}

// para makes lines one paragraph (P) of the structure tree.
func para(lines []line) []line {
	if lines[0].body == nil {
		lines[0].body = pBody // shared: full, so an append copies it
	} else {
		lines[0].body = append(lines[0].body, "P")
	}
	lines[len(lines)-1].close++
	return lines
}

var pBody = []string{"P"}

const listIndent = 5.0

// blocks lays out Markdown blocks (paragraphs and lists) into a box of width w.
func (c *canvas) blocks(blocks []richtext.Block, w float64, ts textStyle) box {
	var b box
	c.appendBlocks(&b, blocks, 0, w, ts, ts.lineHeight()*0.5)
	return b
}

func (c *canvas) appendBlocks(b *box, blocks []richtext.Block, indent, w float64, ts textStyle, gap float64) {
	for _, bl := range blocks {
		g := gap
		if len(*b) == 0 {
			g = 0
		}
		if bl.List == richtext.NoList {
			lines := para(c.layout(bl.Spans, w-indent, ts))
			for i := range lines {
				lines[i].indent = indent
			}
			lines[0].gap = g
			if *b == nil { // the first paragraph: its lines are the box so far
				*b = lines
			} else {
				*b = append(*b, lines...)
			}
			continue
		}
		start := len(*b)
		for n, item := range bl.Items {
			first := len(*b)
			c.appendBlocks(b, item.Blocks, indent+listIndent, w, ts, ts.lineHeight()*0.2)
			if first == len(*b) {
				*b = append(*b, line{indent: indent + listIndent, ts: ts})
			}
			fl := &(*b)[first]
			fl.open = append([]string{"LI"}, fl.open...)
			fl.body = append([]string{"LBody"}, fl.body...)
			(*b)[len(*b)-1].close += 2
			(*b)[first].label = "•"
			if bl.List == richtext.Numbers {
				(*b)[first].label = fmt.Sprintf("%d.", bl.Start+n)
			}
			if first > 0 {
				(*b)[first].gap = ts.lineHeight() * 0.2
				if n == 0 {
					(*b)[first].gap = g
				}
			}
		}
		(*b)[start].open = append([]string{"L"}, (*b)[start].open...)
		(*b)[len(*b)-1].close++
	}
}
