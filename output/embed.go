package output

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
)

// The four styles of Liberation Sans are embedded as Type0 fonts with
// Identity-H encoding over a CIDFontType2 with /CIDToGIDMap /Identity: the
// character codes in the page contents are glyph ids (see canvas.text), the
// font programs are subsets that keep the glyph ids (see subsetFont), and a
// /ToUnicode map per font gives each glyph drawn its character back, for
// text extraction and assistive technology.

// fontFiles are the font programs of the styles, in the order of styleIndex.
var fontFiles = [4][]byte{liberationsansregular.TTF, liberationsansbold.TTF, liberationsansitalic.TTF, liberationsansbolditalic.TTF}

// fontNames are the names of the styles in the page resources, and
// psNames their PostScript names.
var (
	fontNames = [4]string{"/F1", "/F2", "/F3", "/F4"}
	psNames   = [4]string{"LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic", "LiberationSans-BoldItalic"}
)

// glyphIDs caches the glyph id of each rune of the Basic Multilingual Plane
// per style, plus one; 0 means not looked up yet. Like glyphWidths, the
// tables are shared by all documents.
var glyphIDs [4][0x10000]atomic.Uint32

// glyphID returns the glyph of r in style fi; 0 (.notdef) if there is none.
func glyphID(fi int, r rune) uint16 {
	if r < 0 || r >= 0x10000 {
		return lookupGlyph(fi, r)
	}
	v := glyphIDs[fi][r].Load()
	if v == 0 {
		v = uint32(lookupGlyph(fi, r)) + 1
		glyphIDs[fi][r].Store(v)
	}
	return uint16(v - 1)
}

func lookupGlyph(fi int, r rune) uint16 {
	var buf sfnt.Buffer
	g, err := fonts()[fi].GlyphIndex(&buf, r)
	if err != nil {
		return 0
	}
	return uint16(g)
}

// embedFonts writes the fonts of the styles with characters in drawn to
// w: for each the Type0 font, its CIDFont, font descriptor, font program
// and ToUnicode map, the last two as streams for compressStreams. It
// returns the /Font dictionary of the page resources and the streams.
func embedFonts(w *pdfWriter, drawn *[4]runeSet) (fontDict string, streams []int, err error) {
	var dict strings.Builder
	for fi := range drawn {
		// The glyphs drawn and, for each, its first character.
		var gids []uint16
		chars := map[uint16]rune{}
		for r := range drawn[fi].all() {
			g := glyphID(fi, r)
			if _, seen := chars[g]; !seen {
				chars[g] = r
				gids = append(gids, g)
			}
		}
		if len(gids) == 0 {
			continue
		}
		slices.Sort(gids)
		prog, err := subsetFont(fontFiles[fi], gids)
		if err != nil {
			return "", nil, fmt.Errorf("output: Schrift %s: %w", psNames[fi], err)
		}
		m, err := readFontMetrics(fontFiles[fi])
		if err != nil {
			return "", nil, fmt.Errorf("output: Schrift %s: %w", psNames[fi], err)
		}
		name := subsetTag(fi, gids) + "+" + psNames[fi]
		font, cid, desc, file, toUni := w.alloc(), w.alloc(), w.alloc(), w.alloc(), w.alloc()
		fmt.Fprintf(&dict, "%s %d 0 R ", fontNames[fi], font)

		w.set(font, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>", name, cid, toUni))
		widths := []byte("[")
		for i, g := range gids {
			if i == 0 || gids[i-1] != g-1 { // a new run of consecutive glyphs
				if i > 0 {
					widths = append(widths, "] "...)
				}
				widths = strconv.AppendInt(widths, int64(g), 10)
				widths = append(widths, " ["...)
			} else {
				widths = append(widths, ' ')
			}
			widths = strconv.AppendInt(widths, int64(lookupWidth(fi, chars[g])), 10)
		}
		widths = append(widths, "]]"...)
		w.set(cid, fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /W %s /CIDToGIDMap /Identity>>", name, desc, widths))
		w.set(desc, fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R>>",
			name, m.Flags, m.BBox[0], m.BBox[1], m.BBox[2], m.BBox[3], m.ItalicAngle, m.Ascent, m.Descent, m.CapHeight, m.StemV, file))
		w.objs[file] = rawStream(fmt.Sprintf("/Length1 %d ", len(prog)), prog)
		w.objs[toUni] = rawStream("", toUnicode(gids, chars))
		streams = append(streams, file, toUni)
	}
	return "/Font <<" + strings.TrimSuffix(dict.String(), " ") + ">>", streams, nil
}

// rawStream returns a stream object of data, not compressed, with the
// dictionary entries entries before its /Length, as deflater.stream takes it.
func rawStream(entries string, data []byte) []byte {
	b := fmt.Appendf(nil, "<<%s/Length %d>>\nstream\n", entries, len(data))
	b = append(b, data...)
	return append(b, "\nendstream"...)
}

// subsetTag returns the tag of a font subset (ISO 32000-1, 9.6.4): six
// capitals, here derived from the style and its glyphs, so that the same
// document gets the same tag.
func subsetTag(fi int, gids []uint16) string {
	h := fnv.New32a()
	h.Write([]byte{byte(fi)})
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	v := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// toUnicode returns the CMap that maps each glyph of gids to its character.
func toUnicode(gids []uint16, chars map[uint16]rune) []byte {
	b := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for chunk := range slices.Chunk(gids, 100) { // at most 100 entries per block
		b = fmt.Appendf(b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			b = fmt.Appendf(b, "<%04X> <%04X>\n", g, chars[g]) // the characters are of the BMP
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"...)
}
