package output

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/landkreis/konzept/output/richtext"
)

// canvas is the one layer through which everything is drawn: text runs,
// rectangles, rules, images and link areas. Nothing else in the package calls
// fpdf's drawing methods, so that tagging for accessibility can hook in here.
type canvas struct {
	pdf  *fpdf.Fpdf
	dry  bool    // lays out and counts pages, draws nothing (see newDryCanvas)
	font fontKey // the font currently set in the PDF
	tags *tagger

	textColor    rgb        // the text colour set in the PDF, if textColorSet
	textColorSet bool       //
	known        [4]runeSet // per style, the characters fpdf has seen (for the font subset)
	buf          []byte     // reused for the operators of a text run
	rd           bytes.Reader
}

// runeSet is a set of characters of the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune)      { s[r>>6] |= 1 << (r & 63) }
func (s *runeSet) has(r rune) bool { return s[r>>6]&(1<<(r&63)) != 0 }

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

// fontFamily is the family name the fonts are registered under. fpdf writes
// the subset fonts as /BaseFont /utf8<family><style>, without the subset tag
// (six capitals and "+") that ISO 32000-1, 9.6.4, requires; tagSubsets
// replaces "utf8zzz" by such a tag, so the name keeps its length and every
// byte offset of the file stays valid.
const fontFamily = "zzzLiberationSans"

func newCanvas() *canvas { return newCanvasDry(false) }

// newDryCanvas returns a canvas for a pass whose pages are never written: it
// counts pages and takes bookmarks, headings and text widths like any other
// canvas (widths come from the fonts, not from fpdf), but has no fonts in
// fpdf and draws nothing, so the layout is that of a real pass at a fraction
// of its cost.
func newDryCanvas() *canvas { return newCanvasDry(true) }

func newCanvasDry(dry bool) *canvas {
	pdf := fpdf.New("P", "mm", "A4", "")
	c := &canvas{pdf: pdf, tags: newTagger(), dry: dry}
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	if dry {
		return c
	}
	for _, f := range []struct {
		style string
		ttf   []byte
	}{
		{"", liberationsansregular.TTF},
		{"B", liberationsansbold.TTF},
		{"I", liberationsansitalic.TTF},
		{"BI", liberationsansbolditalic.TTF},
	} {
		pdf.AddUTF8FontFromBytes(fontFamily, f.style, f.ttf)
	}
	pdf.SetCatalogSort(true)
	// finish compresses the page contents, with one compressor for all of
	// them: fpdf would make a new one of about a megabyte for every page.
	pdf.SetCompression(false)
	c.setFont(0, 10)
	return c
}

func (c *canvas) setFont(style richtext.Style, size float64) {
	k := fontKey{style, size}
	if c.font == k {
		return
	}
	s := ""
	if style&richtext.Bold != 0 {
		s += "B"
	}
	if style&richtext.Italic != 0 {
		s += "I"
	}
	c.pdf.SetFont(fontFamily, s, size)
	c.font = k
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
	c.write(c.tags.appendBegin(c.buf[:0]))
	draw()
	c.pdf.RawWriteStr("EMC")
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
// Text is painted in the fill colour; fpdf wraps every run whose colour
// differs from the fill colour in q … Q to set it. canvas sets the fill
// colour to the text colour instead, once, when they differ (every fill
// sets its own colour first). It writes the same operators as fpdf's Text,
// without fpdf's formatting and copying, once fpdf has seen every character
// of s in this style: fpdf embeds only the characters passed to Text.
func (c *canvas) text(x, y float64, s string, style richtext.Style, size float64, col rgb) {
	if c.dry {
		return
	}
	c.setFont(style, size)
	c.setTextColor(col)
	if fr, fg, fb := c.pdf.GetFillColor(); (rgb{fr, fg, fb}) != c.textColor {
		c.pdf.SetFillColor(c.textColor.r, c.textColor.g, c.textColor.b)
	}
	known := &c.known[styleIndex(style)]
	valid := utf8.ValidString(s)
	for _, r := range s {
		if r >= 0x10000 || !known.has(r) || !valid { // fpdf's own way
			c.mark(func() { c.pdf.Text(x, y, s) })
			for _, r := range s {
				if r < 0x10000 {
					known.add(r)
				}
			}
			return
		}
	}
	k := c.pdf.GetConversionRatio()
	_, h := c.pdf.GetPageSize()
	b := c.tags.appendBegin(c.buf[:0])
	b = append(b, "\nBT "...)
	b = strconv.AppendFloat(b, x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-y)*k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, r := range s { // UTF-16BE, escaped as a literal string
		for _, c := range [2]byte{byte(r >> 8), byte(r)} {
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
	b = append(b, ") Tj ET\nEMC"...)
	c.write(b)
}

// write writes b and a line break to the page, as RawWriteStr does, without
// copying b into a string first; b is reused.
func (c *canvas) write(b []byte) {
	c.rd.Reset(b)
	c.pdf.RawWriteBuf(&c.rd)
	c.buf = b
}

// setTextColor sets the text colour, unless it is set already.
func (c *canvas) setTextColor(col rgb) {
	col = rgb{clamp255(col.r), clamp255(col.g), clamp255(col.b)}
	if c.textColorSet && c.textColor == col {
		return
	}
	c.pdf.SetTextColor(col.r, col.g, col.b)
	c.textColor, c.textColorSet = col, true
}

func clamp255(v int) int { return min(max(v, 0), 255) }

// rect fills a rectangle: a background, always an artifact.
func (c *canvas) rect(x, y, w, h float64, fill rgb) {
	if c.dry {
		return
	}
	c.pdf.SetFillColor(fill.r, fill.g, fill.b)
	c.artifact(func() { c.mark(func() { c.pdf.Rect(x, y, w, h, "F") }) })
}

// rule draws a line: decoration, always an artifact.
func (c *canvas) rule(x1, y1, x2, y2, width float64, col rgb) {
	if c.dry {
		return
	}
	c.pdf.SetDrawColor(col.r, col.g, col.b)
	c.pdf.SetLineWidth(width)
	c.artifact(func() { c.mark(func() { c.pdf.Line(x1, y1, x2, y2) }) })
}

// image draws a registered image into the box, keeping its aspect ratio.
func (c *canvas) image(name, typ string, data []byte, x, y, w, h float64) error {
	if c.dry {
		return nil // an image that cannot be read fails the real pass
	}
	opt := fpdf.ImageOptions{ImageType: typ, ReadDpi: false}
	info := c.pdf.GetImageInfo(name)
	if info == nil {
		info = c.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(data))
		if err := c.pdf.Error(); err != nil {
			return fmt.Errorf("bild %s: %w", name, err)
		}
	}
	iw, ih := info.Extent()
	scale := min(w/iw, h/ih)
	dw, dh := iw*scale, ih*scale
	c.mark(func() { c.pdf.ImageOptions(name, x+(w-dw)/2, y+(h-dh)/2, dw, dh, false, opt, 0, "") })
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
		c.pdf.Bookmark(title, level, y)
	}
}

func (c *canvas) addPage() {
	c.pdf.AddPage()
	c.tags.newPage()
}
func (c *canvas) page() int { return c.pdf.PageNo() }

// tagSubsets gives each embedded font subset its tag, in place: the names
// keep their length, so every byte offset of the file stays valid.
func tagSubsets(pdf []byte) []byte {
	const untagged = "/utf8zzzliberationsans"
	for i := 0; ; {
		j := bytes.Index(pdf[i:], []byte(untagged))
		if j < 0 {
			return pdf
		}
		i += j + 1
		tag := "KZAAAA"
		switch rest := pdf[i+len(untagged)-1:]; {
		case bytes.HasPrefix(rest, []byte("BI")):
			tag = "KZAAAD"
		case bytes.HasPrefix(rest, []byte("B")):
			tag = "KZAAAB"
		case bytes.HasPrefix(rest, []byte("I")):
			tag = "KZAAAC"
		}
		copy(pdf[i:], tag+"+")
	}
}
