package output

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
)

// The fonts go into the PDF as CIDFontType2 fonts with /CIDToGIDMap
// /Identity, so a character code is a glyph id: the font program needs no
// cmap, and of its glyphs only those the document draws. subsetFont cuts a
// TrueType font down to them, readFontMetrics reads what the font
// descriptor says about the font. Both read the font themselves (sfnt does
// not hand out its tables) and return an error, never panic, on a font that
// is cut short or malformed.

var be = binary.BigEndian

// subsetTables are the tables a subset keeps: the outlines with their
// metrics and the hinting programs. A CIDFont needs no cmap, name or post
// (ISO 32000-1, 9.9).
var subsetTables = []string{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// Flags of a component of a composite glyph.
const (
	argsAreWords   = 0x0001 // ARG_1_AND_2_ARE_WORDS
	haveScale      = 0x0008 // WE_HAVE_A_SCALE
	moreComponents = 0x0020 // MORE_COMPONENTS
	haveXYScale    = 0x0040 // WE_HAVE_AN_X_AND_Y_SCALE
	haveTwoByTwo   = 0x0080 // WE_HAVE_A_TWO_BY_TWO
)

// subsetFont returns the TrueType font program ttf cut down to the glyphs
// gids, glyph 0 (.notdef) and every component of a composite glyph among
// them (recursively), with glyph ids unchanged: the glyphs in between are
// empty, and the font ends with the highest glyph kept. Glyph ids the font
// does not have are ignored, as a character without a glyph is drawn as
// glyph 0 anyway; gids may be in any order and repeat. The subset has only
// the tables of subsetTables, loca in the long format, and the same input
// gives the same bytes. A font cut short, or with a composite glyph made of
// itself or of a glyph it does not have, is an error.
func subsetFont(ttf []byte, gids []uint16) ([]byte, error) {
	tables, err := sfntTables(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	hmtx, loca, glyf := tables["hmtx"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("die Tabelle head, hhea oder maxp fehlt oder ist zu kurz")
	}
	n := int(be.Uint16(maxp[4:]))
	if n == 0 {
		return nil, errors.New("der Font hat keine Glyphen")
	}

	// Where each glyph starts in glyf, and one more for the end of the last.
	offsets := make([]uint64, n+1)
	switch be.Uint16(head[50:]) {
	case 0:
		if len(loca) < 2*(n+1) {
			return nil, errors.New("die Tabelle loca ist zu kurz")
		}
		for i := range offsets {
			offsets[i] = 2 * uint64(be.Uint16(loca[2*i:]))
		}
	case 1:
		if len(loca) < 4*(n+1) {
			return nil, errors.New("die Tabelle loca ist zu kurz")
		}
		for i := range offsets {
			offsets[i] = uint64(be.Uint32(loca[4*i:]))
		}
	default:
		return nil, errors.New("unbekanntes Format der Tabelle loca")
	}
	// The glyphs follow each other: the subset is never larger than glyf,
	// whatever loca says.
	for g := range n {
		if offsets[g] > offsets[g+1] {
			return nil, fmt.Errorf("die Glyphe %d beginnt nach ihrem Ende (loca ist nicht aufsteigend)", g)
		}
	}
	if offsets[n] > uint64(len(glyf)) {
		return nil, errors.New("die Tabelle loca zeigt über das Ende der Tabelle glyf hinaus")
	}
	glyph := func(g int) []byte { return glyf[offsets[g]:offsets[g+1]] }

	// Mark the glyphs to keep, with their components. A glyph is open
	// while its components are visited: meeting it again is a cycle.
	const (
		unseen = iota
		open
		kept
	)
	state := make([]uint8, n)
	var keep func(g int) error
	keep = func(g int) error {
		switch state[g] {
		case open:
			return fmt.Errorf("die Glyphe %d enthält sich selbst", g)
		case kept:
			return nil
		}
		state[g] = open
		comps, err := glyphComponents(glyph(g))
		if err != nil {
			return fmt.Errorf("die Glyphe %d: %w", g, err)
		}
		for _, c := range comps {
			if int(c) >= n {
				return fmt.Errorf("die Glyphe %d besteht aus Glyphe %d, die es nicht gibt", g, c)
			}
			if err := keep(int(c)); err != nil {
				return err
			}
		}
		state[g] = kept
		return nil
	}
	if err := keep(0); err != nil {
		return nil, err
	}
	for _, g := range gids {
		if int(g) < n {
			if err := keep(int(g)); err != nil {
				return nil, err
			}
		}
	}
	newN := 1
	for g := range n {
		if state[g] == kept {
			newN = g + 1
		}
	}

	// glyf and loca with the glyphs kept, each padded to 4 bytes.
	var newGlyf []byte
	newLoca := make([]byte, 4*(newN+1))
	for g := range newN {
		be.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if state[g] == kept {
			newGlyf = pad4(append(newGlyf, glyph(g)...))
		}
	}
	be.PutUint32(newLoca[4*newN:], uint32(len(newGlyf)))

	// hmtx has a longHorMetric (advance and left side bearing) for each of
	// the first numberOfHMetrics glyphs and a left side bearing for each
	// glyph after them, which has the last advance: the subset keeps the
	// start of it.
	numHM := int(be.Uint16(hhea[34:]))
	if numHM == 0 {
		return nil, errors.New("hhea.numberOfHMetrics ist 0")
	}
	newHM := min(numHM, newN)
	size := 4*newHM + 2*(newN-newHM)
	if len(hmtx) < size {
		return nil, errors.New("die Tabelle hmtx ist zu kurz")
	}

	head, hhea, maxp = slices.Clone(head), slices.Clone(hhea), slices.Clone(maxp)
	be.PutUint16(head[50:], 1) // indexToLocFormat: long
	be.PutUint16(hhea[34:], uint16(newHM))
	be.PutUint16(maxp[4:], uint16(newN))
	out := map[string][]byte{
		"glyf": newGlyf, "head": head, "hhea": hhea, "hmtx": hmtx[:size],
		"loca": newLoca, "maxp": maxp,
	}
	for _, tag := range subsetTables {
		if _, done := out[tag]; !done {
			if data, ok := tables[tag]; ok {
				out[tag] = data
			}
		}
	}
	return writeSfnt(out), nil
}

// glyphComponents returns the glyphs the composite glyph data is made of, in
// order; none for a simple or empty glyph.
func glyphComponents(data []byte) ([]uint16, error) {
	if len(data) == 0 {
		return nil, nil
	}
	if len(data) < 10 {
		return nil, errors.New("eine Glyphe ist kürzer als ihr Kopf")
	}
	if int16(be.Uint16(data)) >= 0 { // numberOfContours
		return nil, nil
	}
	var comps []uint16
	for p := 10; ; {
		if len(data) < p+4 {
			return nil, errors.New("zusammengesetzte Glyphe ist abgeschnitten")
		}
		flags := be.Uint16(data[p:])
		comps = append(comps, be.Uint16(data[p+2:]))
		p += 4 + 2 // flags, glyphIndex and two bytes of arguments
		if flags&argsAreWords != 0 {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if len(data) < p {
			return nil, errors.New("zusammengesetzte Glyphe ist abgeschnitten")
		}
		if flags&moreComponents == 0 {
			return comps, nil
		}
	}
}

// sfntTables returns the tables of the TrueType font ttf by tag. The
// tables are slices of ttf.
func sfntTables(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, errors.New("kein TrueType-Font: zu kurz")
	}
	switch be.Uint32(ttf) {
	case 0x00010000, 0x74727565: // "true"
	default:
		return nil, errors.New("kein TrueType-Font mit glyf-Tabelle")
	}
	n := int(be.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, errors.New("das Tabellenverzeichnis ist abgeschnitten")
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := ttf[12+16*i:]
		off, size := uint64(be.Uint32(rec[8:])), uint64(be.Uint32(rec[12:]))
		if off+size > uint64(len(ttf)) {
			return nil, fmt.Errorf("die Tabelle %q reicht über das Ende des Fonts hinaus", rec[:4])
		}
		tables[string(rec[:4])] = ttf[off : off+size : off+size]
	}
	return tables, nil
}

// writeSfnt returns the TrueType font of tables: the table directory in
// tag order, each table 4-byte aligned with its checksum, and
// head.checkSumAdjustment set so that the whole font sums to 0xB1B0AFBA.
func writeSfnt(tables map[string][]byte) []byte {
	tags := slices.Sorted(maps.Keys(tables))
	n := len(tags)
	entrySelector := max(bits.Len(uint(n))-1, 0) // log2 of the largest power of 2 <= n
	searchRange := 16 << entrySelector
	out := make([]byte, 12+16*n)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(searchRange))
	be.PutUint16(out[8:], uint16(entrySelector))
	be.PutUint16(out[10:], uint16(max(16*n-searchRange, 0)))
	head := -1
	for i, tag := range tags {
		data := tables[tag]
		off := len(out)
		out = pad4(append(out, data...))
		if tag == "head" && len(data) >= 12 {
			head = off
			clear(out[off+8 : off+12]) // checkSumAdjustment counts as 0
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], sfntChecksum(out[off:]))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(data)))
	}
	if head >= 0 {
		be.PutUint32(out[head+8:], 0xB1B0AFBA-sfntChecksum(out))
	}
	return out
}

// sfntChecksum returns the sum of b as big-endian uint32s, b padded with zeros
// to a multiple of 4 bytes.
func sfntChecksum(b []byte) uint32 {
	var sum uint32
	for ; len(b) >= 4; b = b[4:] {
		sum += be.Uint32(b)
	}
	var last [4]byte
	copy(last[:], b)
	return sum + be.Uint32(last[:])
}

// pad4 pads b with zeros to a multiple of 4 bytes.
func pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// fontMetrics holds what a PDF font descriptor says about a font, in glyph
// space units scaled to 1000 per em and rounded.
type fontMetrics struct {
	Ascent, Descent, CapHeight int    // hhea ascender and descender; OS/2 sCapHeight, 700 if the OS/2 table is older than version 2
	ItalicAngle                int    // post.italicAngle, rounded to degrees
	StemV                      int    // 50 + (OS/2 usWeightClass/65)², the fraction dropped, as fpdf computes it
	Flags                      int    // 4 (symbolic), +64 (italic) if ItalicAngle != 0, +1 (fixed pitch) if post.isFixedPitch
	BBox                       [4]int // head xMin, yMin, xMax, yMax
}

// readFontMetrics reads the metrics of the TrueType font ttf.
func readFontMetrics(ttf []byte) (fontMetrics, error) {
	tables, err := sfntTables(ttf)
	if err != nil {
		return fontMetrics{}, err
	}
	head, hhea, os2, post := tables["head"], tables["hhea"], tables["OS/2"], tables["post"]
	if len(head) < 54 || len(hhea) < 36 || len(os2) < 6 || len(post) < 16 {
		return fontMetrics{}, errors.New("die Tabelle head, hhea, OS/2 oder post fehlt oder ist zu kurz")
	}
	upem := float64(be.Uint16(head[18:]))
	if upem == 0 {
		return fontMetrics{}, errors.New("head.unitsPerEm ist 0")
	}
	scaled := func(b []byte) int { // the FWORD at b
		return int(math.Round(float64(int16(be.Uint16(b))) * 1000 / upem))
	}
	m := fontMetrics{
		Ascent:      scaled(hhea[4:]),
		Descent:     scaled(hhea[6:]),
		CapHeight:   700,
		ItalicAngle: int(math.Round(float64(int32(be.Uint32(post[4:]))) / 65536)),
		StemV:       50 + int(math.Pow(float64(be.Uint16(os2[4:]))/65, 2)),
		Flags:       4,
		BBox:        [4]int{scaled(head[36:]), scaled(head[38:]), scaled(head[40:]), scaled(head[42:])},
	}
	if be.Uint16(os2) >= 2 && len(os2) >= 90 {
		m.CapHeight = scaled(os2[88:])
	}
	if m.ItalicAngle != 0 {
		m.Flags |= 64
	}
	if be.Uint32(post[12:]) != 0 {
		m.Flags |= 1
	}
	return m, nil
}
