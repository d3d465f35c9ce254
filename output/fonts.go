package output

import (
	"math"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/landkreis/konzept/output/richtext"
)

// Text is measured here rather than with fpdf: fpdf measures only in the
// font currently set, and setting a font on a page writes a text object to
// the page. The widths are fpdf's own (TestFontWidths compares them for
// every character of the Basic Multilingual Plane), so that the text set is
// the same.

// kMM is fpdf's scale factor for millimetres: points per mm.
const kMM = 72.0 / 25.4

// glyphWidths holds, per style, the width of each rune in thousandths of
// the font size, plus one; 0 means not looked up yet. Runes are looked up
// on first use and the tables are shared by all documents.
var glyphWidths [4][0x10000]atomic.Uint32

// styleIndex returns the index of style in fonts(): regular, bold, italic, bold italic.
func styleIndex(style richtext.Style) int {
	i := 0
	if style&richtext.Bold != 0 {
		i++
	}
	if style&richtext.Italic != 0 {
		i += 2
	}
	return i
}

// textWidth returns the width of s in mm, set in style at size pt, exactly
// as fpdf's GetStringWidth would.
func textWidth(s string, style richtext.Style, size float64) float64 {
	fi := styleIndex(style)
	w := 0
	for _, r := range s {
		w += runeUnits(fi, r)
	}
	return unitsMM(w, size)
}

// runeUnits returns the width of r in font fi, in thousandths of the size.
func runeUnits(fi int, r rune) int {
	if r < 0 || r >= 0x10000 {
		return lookupWidth(fi, r)
	}
	table := &glyphWidths[fi]
	v := table[r].Load()
	if v == 0 {
		v = uint32(lookupWidth(fi, r)) + 1
		table[r].Store(v)
	}
	return int(v) - 1
}

// unitsMM converts thousandths of size pt to mm.
func unitsMM(units int, size float64) float64 { return float64(units) * (size / kMM) / 1000 }

// lookupWidth returns the width fpdf uses for r in font fi: its advance
// scaled to 1000 units and rounded; the advance of glyph 0 for a rune
// without a glyph (500 if that is 0); 0 where the advance rounds to 0.
func lookupWidth(fi int, r rune) int {
	f := fonts()[fi]
	var buf sfnt.Buffer
	upem := f.UnitsPerEm()
	scale := 1000.0 / float64(upem)
	advance := func(g sfnt.GlyphIndex) float64 {
		a, err := f.GlyphAdvance(&buf, g, fixed.Int26_6(upem)<<6, font.HintingNone)
		if err != nil {
			return 0
		}
		return float64(a >> 6)
	}
	if r > 0 && r < 0x10000 {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			return int(math.Round(scale * advance(g)))
		}
	}
	if missing := int(math.Floor(scale*advance(0) + 0.5)); missing != 0 {
		return missing
	}
	return 500
}
