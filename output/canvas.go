package output

import (
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strconv"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
	"github.com/landkreis/konzept/output/richtext"
)

// canvas is the one layer through which everything is drawn: text runs,
// rectangles, rules, images and link areas. Nothing else in the package calls
// fpdf's drawing methods, so that tagging for accessibility can hook in here.
type canvas struct {
	pdf  *fpdf.Fpdf
	dry  bool    // lays out and counts pages, draws nothing (see newDryCanvas)
	font fontKey // the font set on the current page; zero at a new page
	tags *tagger

	cur     []byte    // the content of the current page (see contents)
	out     *[]byte   // where drawing goes: cur, or a page's late content
	streams *contents // the content of the pages left
	fill    rgb       // the fill colour on the current page, if fillSet
	fillSet bool
	images  []imageObj

	drawn [4]runeSet // per style, the characters drawn (for the font subsets)
	buf   []byte     // reused for the operators of a text run
	// mc is the element whose marked-content sequence is open: text
	// leaves it open, so that the lines of a paragraph are one sequence.
	mc *elem
}

// runeSet is a set of characters of the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) { s[r>>6] |= 1 << (r & 63) }

// all yields the characters in s in ascending order.
func (s *runeSet) all() iter.Seq[rune] {
	return func(yield func(rune) bool) {
		for i, w := range s {
			for ; w != 0; w &= w - 1 {
				if !yield(rune(i<<6 + bits.TrailingZeros64(w))) {
					return
				}
			}
		}
	}
}

type fontKey struct {
	style richtext.Style
	size  float64
}

// rgb is a colour.
type rgb struct{ r, g, b int }

var (
	black    = rgb{0, 0, 0}
	textGrey = rgb{85, 85, 85}
	ruleGrey = rgb{190, 190, 190}
	white    = rgb{255, 255, 255}
)

// parseColor parses #RGB or #RRGGBB (validated by the schema).
func parseColor(s string) (rgb, bool) {
	if len(s) == 4 {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return rgb{}, false
	}
	return rgb{int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff)}, true
}

// tint mixes c with white; f = 0 gives c, f = 1 white.
func (c rgb) tint(f float64) rgb {
	mix := func(v int) int { return v + int(float64(255-v)*f+0.5) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

func newCanvas() *canvas { return newCanvasDry(false) }

// newDryCanvas returns a canvas whose pages are never written: it counts
// pages and takes headings and text widths like any other canvas, but
// draws nothing. It finds how many pages the table of contents takes.
func newDryCanvas() *canvas { return newCanvasDry(true) }

// The fonts are not fpdf's: fpdf would parse every font file whole for
// each document and embed a map of all 65,536 characters per font. The
// canvas writes the text operators itself, with glyph ids as character
// codes, and finish embeds the subsets of the glyphs drawn (see embed.go).
func newCanvasDry(dry bool) *canvas {
	pdf := fpdf.New("P", "mm", "A4", "")
	c := &canvas{pdf: pdf, tags: newTagger(), dry: dry}
	if !dry {
		c.streams = newContents()
	}
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(false) // its pages are empty: see contents
	return c
}

// width returns the width of s in mm.
func (c *canvas) width(s string, style richtext.Style, size float64) float64 {
	return textWidth(s, style, size)
}

// mark wraps one drawing operation in a marked-content sequence: content of
// the current structure element, or an artifact.
func (c *canvas) mark(draw func()) {
	if c.dry {
		return
	}
	c.endMC()
	c.write(c.tags.appendBegin(c.buf[:0]))
	draw()
	c.write(append(c.buf[:0], "EMC"...))
}

// artifact draws what draw draws as artifacts: page furniture that is not
// part of the reading order.
func (c *canvas) artifact(draw func()) {
	c.tags.artifact++
	defer func() { c.tags.artifact-- }()
	draw()
}

// text draws s with its baseline at y, as content of the current element.
//
// Text is painted in the fill colour, which canvas sets to the text colour
// when they differ (every fill sets its own colour first). The font is
// set with the text when it differs from the last one on the page; the
// string holds the glyph ids of s, two bytes each (the fonts are Identity-H
// encoded, see embedFonts).
func (c *canvas) text(x, y float64, s string, style richtext.Style, size float64, col rgb) {
	if c.dry {
		return
	}
	content := c.tags.content()
	if !content || c.mc != c.tags.cur {
		c.endMC()
	}
	c.setFill(col)
	fi := styleIndex(style)
	b := c.buf[:0]
	if c.mc == nil {
		b = append(c.tags.appendBegin(b), '\n')
		if content {
			c.mc = c.tags.cur
		}
	}
	b = append(b, "BT "...)
	if f := (fontKey{style, size}); c.font != f {
		b = append(b, fontNames[fi]...)
		b = append(b, ' ')
		b = appendNum(b, size)
		b = append(b, " Tf "...)
		c.font = f
	}
	b = c.points(b, x, y)
	b = append(b, " Td ("...)
	drawn := &c.drawn[fi]
	for _, r := range s { // glyph ids, big-endian, escaped as a literal string
		g := glyphID(fi, r)
		if r < 0x10000 {
			drawn.add(r)
		}
		for _, c := range [2]byte{byte(g >> 8), byte(g)} {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\', c)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, c)
			}
		}
	}
	b = append(b, ") Tj ET"...)
	if !content {
		b = append(b, "\nEMC"...)
	}
	c.write(b)
}

// endMC ends the marked-content sequence text left open, if any.
func (c *canvas) endMC() {
	if c.mc != nil {
		c.mc = nil
		c.write(append(c.buf[:0], "EMC"...))
	}
}

// write writes b and a line break to the page; b is reused.
func (c *canvas) write(b []byte) {
	*c.out = append(append(*c.out, b...), '\n')
	c.buf = b
}

func clamp255(v int) int { return min(max(v, 0), 255) }

// rect fills a rectangle: a background, always an artifact.
func (c *canvas) rect(x, y, w, h float64, fill rgb) {
	if c.dry {
		return
	}
	c.setFill(fill)
	c.artifact(func() { c.mark(func() { c.rectOp(x, y, w, h, "f") }) })
}

// rule draws a line: decoration, always an artifact.
func (c *canvas) rule(x1, y1, x2, y2, width float64, col rgb) {
	if c.dry {
		return
	}
	c.setStroke(col, width)
	c.artifact(func() { c.mark(func() { c.lineOp(x1, y1, x2, y2) }) })
}

// image draws the image in the file name (JPEG or PNG) into the box,
// keeping its aspect ratio.
func (c *canvas) image(name string, data []byte, x, y, w, h float64) error {
	if c.dry {
		return nil
	}
	i := slices.IndexFunc(c.images, func(im imageObj) bool { return im.file == name })
	if i < 0 {
		obj, smask, iw, ih, err := imageXObject(data)
		if err != nil {
			return fmt.Errorf("bild %s: %w", name, err)
		}
		c.images = append(c.images, imageObj{name: fmt.Sprintf("Im%d", len(c.images)+1), file: name, obj: obj, smask: smask, w: float64(iw), h: float64(ih)})
		i = len(c.images) - 1
	}
	im := c.images[i]
	scale := min(w/im.w, h/im.h)
	dw, dh := im.w*scale, im.h*scale
	c.mark(func() {
		b := fmt.Appendf(c.buf[:0], "q %.5f 0 0 %.5f ", dw*kMM, dh*kMM)
		b = c.points(b, x+(w-dw)/2, y+(h-dh)/2+dh)
		c.write(fmt.Appendf(b, " cm /%s Do Q", im.name))
	})
	return nil
}

// link makes an area of the current page a link to url, or to the place top
// on page; the current structure element must be a Link. contents says
// where the link goes, for assistive technology.
func (c *canvas) link(x, y, w, h float64, url string, page int, top float64, contents string) {
	c.tags.link(&annot{x: x, y: y, w: w, h: h, uri: url, destPage: page, destY: top, contents: contents})
}

// bookmark adds an outline entry pointing at y on the current page.
func (c *canvas) bookmark(title string, level int, y float64) {
	if !c.dry {
		// fpdf takes the title as it is when no font of its own is set:
		// as UTF-16BE with its byte order mark, a PDF text string.
		t := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(title)) {
			t = append(t, byte(u>>8), byte(u))
		}
		c.pdf.Bookmark(string(t), level, y)
	}
}

func (c *canvas) addPage() {
	if !c.dry && c.pages() > 0 {
		c.endMC()
		c.cur = c.streams.add(c.cur)
	}
	c.pdf.AddPage()
	c.out = &c.cur
	c.font, c.fill, c.fillSet = fontKey{}, black, true // PDF's initial fill colour
	c.tags.newPage()
}

// onPage makes page p, drawn before, the current page again, to draw on it
// after later pages. Its last font and fill colour are not known here, so
// the next text sets both.
func (c *canvas) onPage(p int) {
	c.pdf.SetPage(p)
	if c.dry {
		return
	}
	c.endMC()
	c.out = &c.cur
	if p < c.pages() {
		c.out = &c.streams.late[p-1]
	}
	c.font, c.fillSet = fontKey{}, false
}

// page returns the current page; pages, the number of pages.
func (c *canvas) page() int  { return c.pdf.PageNo() }
func (c *canvas) pages() int { return c.pdf.PageCount() }

// close ends the last page and returns the content streams of the pages,
// compressed, and what was drawn on them after they were left.
func (c *canvas) close() (streams, late [][]byte) {
	c.endMC()
	c.streams.add(c.cur)
	c.streams.close()
	return c.streams.z, c.streams.late
}
