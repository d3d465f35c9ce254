package output

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// subsetText has German, Turkish, Polish and Cyrillic letters, several of
// them composite glyphs, digits and punctuation.
const subsetText = "Ä Ö Ü ä ö ü ß ğ ş İ ı ł ż ą Жж Ёё é ñ 0123456789 €–„“"

var subsetStyles = []struct {
	name string
	ttf  []byte
}{
	{"regular", liberationsansregular.TTF},
	{"bold", liberationsansbold.TTF},
	{"italic", liberationsansitalic.TTF},
	{"bolditalic", liberationsansbolditalic.TTF},
}

// TestSubsetFont subsets each style to the glyphs of subsetText and checks
// that the subset is a well-formed font with the same glyphs and advances
// under the same ids, the components of composite glyphs included, and
// nothing else.
func TestSubsetFont(t *testing.T) {
	for _, s := range subsetStyles {
		t.Run(s.name, func(t *testing.T) {
			f, err := sfnt.Parse(s.ttf)
			if err != nil {
				t.Fatal(err)
			}
			var buf sfnt.Buffer
			gid := func(r rune) uint16 {
				g, err := f.GlyphIndex(&buf, r)
				if err != nil || g == 0 {
					t.Fatalf("no glyph for %q: %v", r, err)
				}
				return uint16(g)
			}
			var gids []uint16 // in the order of the text, with repeats
			for _, r := range subsetText {
				gids = append(gids, gid(r))
			}

			sub, err := subsetFont(s.ttf, gids)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d glyphs: %d bytes of %d", len(slices.Compact(slices.Sorted(slices.Values(gids)))), len(sub), len(s.ttf))
			if 5*len(sub) > len(s.ttf) {
				t.Errorf("subset has %d bytes, more than a fifth of the %d of the font", len(sub), len(s.ttf))
			}
			tags := checkSfnt(t, sub)
			if !slices.Equal(tags, subsetTables) {
				t.Errorf("tables %q, want %q", tags, subsetTables)
			}
			orig, _ := sfntTables(s.ttf)
			subTables, _ := sfntTables(sub)
			for _, tag := range []string{"cvt ", "fpgm", "prep"} {
				if !bytes.Equal(subTables[tag], orig[tag]) {
					t.Errorf("table %q differs from the font's", tag)
				}
			}

			// Glyph 0, the glyphs asked for and their components.
			kept := map[uint16]bool{}
			var keep func(g uint16)
			keep = func(g uint16) {
				kept[g] = true
				comps, err := glyphComponents(glyphData(t, s.ttf, g))
				if err != nil {
					t.Fatalf("glyph %d: %v", g, err)
				}
				for _, c := range comps {
					keep(c)
				}
			}
			keep(0)
			for _, g := range gids {
				keep(g)
			}
			last := slices.Max(slices.Collect(maps.Keys(kept)))

			sf := parseSubset(t, s.ttf, sub)
			if n := sf.NumGlyphs(); n != int(last)+1 {
				t.Errorf("NumGlyphs = %d, want %d", n, last+1)
			}
			for g := range kept {
				if a, b := glyphOutline(t, f, g), glyphOutline(t, sf, g); !slices.Equal(a, b) {
					t.Errorf("glyph %d: %d segments, the font has %d", g, len(b), len(a))
				}
				if a, b := glyphAdvance(t, f, g), glyphAdvance(t, sf, g); a != b {
					t.Errorf("glyph %d: advance %v, the font has %v", g, b, a)
				}
			}

			// Ä is made of A and a diaeresis, which are kept although
			// not asked for.
			ae, a := gid('Ä'), gid('A')
			data := glyphData(t, s.ttf, ae)
			if len(data) < 10 || int16(be.Uint16(data)) >= 0 {
				t.Fatalf("Ä (glyph %d) is not a composite glyph", ae)
			}
			comps, _ := glyphComponents(data)
			if len(comps) < 2 || !slices.Contains(comps, a) || slices.Contains(gids, a) {
				t.Fatalf("Ä (glyph %d) has components %d, want A (%d), not in the text, and another", ae, comps, a)
			}
			for _, c := range comps {
				if len(glyphOutline(t, sf, c)) == 0 {
					t.Errorf("component %d of Ä is empty in the subset", c)
				}
			}

			// B is in neither the text nor a component: it is empty.
			b := gid('B')
			if kept[b] || b > last {
				t.Fatalf("B (glyph %d) is kept or beyond the last glyph kept, %d", b, last)
			}
			if len(glyphOutline(t, f, b)) == 0 || len(glyphOutline(t, sf, b)) != 0 {
				t.Errorf("B (glyph %d): %d segments in the subset, want none", b, len(glyphOutline(t, sf, b)))
			}

			// The same glyphs give the same bytes, in any order.
			again, err := subsetFont(s.ttf, slices.Compact(slices.Sorted(slices.Values(gids))))
			if err != nil || !bytes.Equal(again, sub) {
				t.Errorf("subsetting again with the glyphs sorted gives other bytes (%v)", err)
			}

			if again, err := subsetFont(sub, gids); err != nil || !bytes.Equal(again, sub) {
				t.Errorf("subsetting the subset gives other bytes (%v)", err)
			}

			// With loca in the short format and each glyph 2 bytes longer,
			// so not 4-byte aligned: the subset has the long format and
			// each glyph padded to 4 bytes.
			short := maps.Clone(subTables)
			var glyf, loca []byte
			for g := range last + 1 {
				loca = be.AppendUint16(loca, uint16(len(glyf)/2))
				if data := glyphData(t, sub, g); len(data) > 0 {
					glyf = append(append(glyf, data...), 0xaa, 0xaa)
				}
			}
			loca = be.AppendUint16(loca, uint16(len(glyf)/2))
			short["glyf"], short["loca"], short["head"] = glyf, loca, slices.Clone(subTables["head"])
			be.PutUint16(short["head"][50:], 0)
			padded, err := subsetFont(writeSfnt(short), gids)
			if err != nil {
				t.Fatal(err)
			}
			for g := range last + 1 {
				want := glyphData(t, sub, g)
				if len(want) > 0 {
					want = append(slices.Clone(want), 0xaa, 0xaa, 0, 0)
				}
				if got := glyphData(t, padded, g); !bytes.Equal(got, want) {
					t.Fatalf("glyph %d from the short loca: %d bytes, want the %d of the subset's and aa aa 00 00", g, len(got), len(want)-4)
				}
			}
		})
	}
}

// TestSubsetFontHmtx checks hmtx and hhea.numberOfHMetrics of subsets of
// a font whose last glyphs have no advance of their own.
func TestSubsetFontHmtx(t *testing.T) {
	// The regular font with 100 longHorMetrics, and left side bearings
	// only for the glyphs after them.
	tables, _ := sfntTables(liberationsansregular.TTF)
	n := int(be.Uint16(tables["maxp"][4:]))
	hmtx := slices.Clone(tables["hmtx"][:4*100])
	for g := 100; g < n; g++ {
		hmtx = append(hmtx, tables["hmtx"][4*g+2:4*g+4]...)
	}
	tables["hmtx"], tables["hhea"] = hmtx, slices.Clone(tables["hhea"])
	be.PutUint16(tables["hhea"][34:], 100)
	ttf := writeSfnt(tables)

	for _, c := range []struct {
		gids        []uint16
		numHM, size int
	}{
		{[]uint16{36}, 37, 4 * 37},             // A: 37 glyphs, each with its advance
		{[]uint16{36, 166}, 100, 4*100 + 2*67}, // ä: 167 glyphs
	} {
		sub, err := subsetFont(ttf, c.gids)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := sfntTables(sub)
		if got := int(be.Uint16(st["hhea"][34:])); got != c.numHM || !bytes.Equal(st["hmtx"], hmtx[:c.size]) {
			t.Errorf("glyphs %d: numberOfHMetrics %d and %d bytes of hmtx, want %d and the first %d", c.gids, got, len(st["hmtx"]), c.numHM, c.size)
		}
	}
}

// TestSubsetFontMalformed checks that fonts cut short or otherwise broken
// give an error.
func TestSubsetFontMalformed(t *testing.T) {
	ttf := liberationsansregular.TTF
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	g, _ := f.GlyphIndex(&buf, 'Ä')
	ae := uint16(g)
	text := []uint16{ae}
	for _, r := range subsetText {
		g, _ := f.GlyphIndex(&buf, r)
		text = append(text, uint16(g))
	}
	// patched returns a copy of ttf changed by patch, which gets the
	// copy's tables, and the table directory entry of each.
	patched := func(patch func(tables, dir map[string][]byte)) []byte {
		b := slices.Clone(ttf)
		tables, _ := sfntTables(b)
		dir := map[string][]byte{}
		for i := range int(be.Uint16(b[4:])) {
			rec := b[12+16*i : 28+16*i]
			dir[string(rec[:4])] = rec
		}
		patch(tables, dir)
		return b
	}
	// The offset of glyph Ä in glyf, from the long loca.
	aeAt := func(tables map[string][]byte) []byte {
		return tables["glyf"][be.Uint32(tables["loca"][4*int(ae):]):]
	}

	for _, c := range []struct {
		name    string
		ttf     []byte
		metrics bool // readFontMetrics fails too
	}{
		{"nil", nil, true},
		{"12 bytes", ttf[:12], true},
		{"directory only", ttf[:12+16*19], true},
		{"half", ttf[:len(ttf)/2], true},
		{"all but one byte", ttf[:len(ttf)-1], true},
		{"OpenType with CFF", append([]byte("OTTO"), ttf[4:]...), true},
		{"glyf cut", patched(func(_, dir map[string][]byte) { be.PutUint32(dir["glyf"][12:], 1000) }), false},
		{"loca cut", patched(func(_, dir map[string][]byte) { be.PutUint32(dir["loca"][12:], 100) }), false},
		{"head cut", patched(func(_, dir map[string][]byte) { be.PutUint32(dir["head"][12:], 50) }), true},
		{"no maxp", patched(func(_, dir map[string][]byte) { copy(dir["maxp"], "maxq") }), false},
		{"no glyphs", patched(func(tables, _ map[string][]byte) { be.PutUint16(tables["maxp"][4:], 0) }), false},
		{"loca format 2", patched(func(tables, _ map[string][]byte) { be.PutUint16(tables["head"][50:], 2) }), false},
		{"no horizontal metrics", patched(func(tables, _ map[string][]byte) { be.PutUint16(tables["hhea"][34:], 0) }), false},
		{"hmtx cut", patched(func(_, dir map[string][]byte) { be.PutUint32(dir["hmtx"][12:], 100) }), false},
		{"glyph reversed", patched(func(tables, _ map[string][]byte) {
			be.PutUint32(tables["loca"][4*int(ae)+4:], be.Uint32(tables["loca"][4*int(ae):])-4)
		}), false},
		{"glyph header cut", patched(func(tables, _ map[string][]byte) {
			be.PutUint32(tables["loca"][4*int(ae)+4:], be.Uint32(tables["loca"][4*int(ae):])+8)
		}), false},
		{"composite cut", patched(func(tables, _ map[string][]byte) {
			be.PutUint32(tables["loca"][4*int(ae)+4:], be.Uint32(tables["loca"][4*int(ae):])+12)
		}), false},
		{"composite of itself", patched(func(tables, _ map[string][]byte) { be.PutUint16(aeAt(tables)[12:], ae) }), false},
		{"component beyond the glyphs", patched(func(tables, _ map[string][]byte) { be.PutUint16(aeAt(tables)[12:], 0xffff) }), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := subsetFont(c.ttf, text); err == nil {
				t.Error("subsetFont: no error")
			}
			if _, err := readFontMetrics(c.ttf); (err != nil) != c.metrics {
				t.Errorf("readFontMetrics: error %v, want one: %v", err, c.metrics)
			}
		})
	}

	// Every even glyph claims all of glyf (loca not ascending): an error,
	// not a subset holding glyf once per glyph (fuzzing hung on such a font).
	wide := patched(func(tables, _ map[string][]byte) {
		loca, glyf := tables["loca"], uint32(len(tables["glyf"]))
		for i := 0; i+8 <= len(loca); i += 8 {
			be.PutUint32(loca[i:], 0)
			be.PutUint32(loca[i+4:], glyf)
		}
	})
	var even []uint16
	for g := uint16(0); g < 2000; g += 2 {
		even = append(even, g)
	}
	if sub, err := subsetFont(wide, even); err == nil {
		t.Errorf("loca not ascending: a subset of %d bytes, want an error", len(sub))
	}
}

// TestReadFontMetrics checks the metrics of each style against the values
// of its tables, and against what fpdf writes into its font descriptors.
func TestReadFontMetrics(t *testing.T) {
	// Units per em 2048; hhea ascender 1854, descender -434; OS/2
	// sCapHeight 1409; usWeightClass 400 or 700.
	for _, c := range []struct {
		name, style string
		ttf         []byte
		want        fontMetrics
	}{
		{"regular", "", liberationsansregular.TTF, fontMetrics{905, -212, 688, 0, 87, 4, [4]int{-544, -303, 1302, 980}}},
		{"bold", "B", liberationsansbold.TTF, fontMetrics{905, -212, 688, 0, 165, 4, [4]int{-482, -376, 1304, 1033}}},
		{"italic", "I", liberationsansitalic.TTF, fontMetrics{905, -212, 688, -12, 87, 68, [4]int{-664, -303, 1361, 1014}}},
		{"bolditalic", "BI", liberationsansbolditalic.TTF, fontMetrics{905, -212, 688, -12, 165, 68, [4]int{-477, -376, 1357, 1030}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := readFontMetrics(c.ttf)
			if err != nil {
				t.Fatal(err)
			}
			if m != c.want {
				t.Errorf("got %+v\nwant %+v", m, c.want)
			}

			// fpdf drops the fraction where readFontMetrics rounds, and
			// sets ForceBold (262144) for a weight of 600 or more.
			fm := fpdfMetrics(t, c.style, c.ttf)
			near := func(a, b int) bool { return a-b <= 1 && b-a <= 1 }
			ok := near(m.Ascent, fm.Ascent) && near(m.Descent, fm.Descent) && near(m.CapHeight, fm.CapHeight) &&
				m.ItalicAngle == fm.ItalicAngle && m.StemV == fm.StemV && m.Flags == fm.Flags&^262144
			for i := range m.BBox {
				ok = ok && near(m.BBox[i], fm.BBox[i])
			}
			if !ok {
				t.Errorf("got %+v\nfpdf %+v", m, fm)
			}
		})
	}

	// An OS/2 table older than version 2 has no sCapHeight; post says
	// whether the font is fixed pitch.
	ttf := slices.Clone(liberationsansregular.TTF)
	tables, _ := sfntTables(ttf)
	be.PutUint16(tables["OS/2"], 1)
	be.PutUint32(tables["post"][12:], 1)
	if m, err := readFontMetrics(ttf); err != nil || m.CapHeight != 700 || m.Flags != 5 {
		t.Errorf("OS/2 version 1, fixed pitch: CapHeight %d, Flags %d (%v), want 700 and 5", m.CapHeight, m.Flags, err)
	}
}

// fpdfMetrics returns the metrics in the font descriptor fpdf writes for ttf.
func fpdfMetrics(t *testing.T, style string, ttf []byte) fontMetrics {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddUTF8FontFromBytes("f", style, ttf)
	pdf.AddPage()
	pdf.SetFont("f", style, 10)
	pdf.Cell(10, 10, "Äß")
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`/FontDescriptor /FontName /\S+\s+/Ascent (-?\d+) /Descent (-?\d+) /CapHeight (-?\d+) /Flags (\d+)\s*/FontBBox \[(-?\d+) (-?\d+) (-?\d+) (-?\d+)\]\s*/ItalicAngle (-?\d+) /StemV (\d+)`)
	sm := re.FindSubmatch(out.Bytes())
	if sm == nil {
		t.Fatal("no font descriptor in fpdf's PDF")
	}
	var v [10]int
	for i := range v {
		v[i], _ = strconv.Atoi(string(sm[i+1]))
	}
	return fontMetrics{v[0], v[1], v[2], v[8], v[9], v[3], [4]int{v[4], v[5], v[6], v[7]}}
}

// checkSfnt checks the table directory of the font ttf and the checksums
// of its tables and of the whole, and returns its tags.
func checkSfnt(t *testing.T, ttf []byte) []string {
	t.Helper()
	if len(ttf) < 12 || len(ttf)%4 != 0 {
		t.Fatalf("font of %d bytes", len(ttf))
	}
	n := int(be.Uint16(ttf[4:]))
	searchRange, entrySelector := 16, 0 // 16 times the largest power of 2 <= n, and its log2
	for 2*searchRange <= 16*n {
		searchRange *= 2
		entrySelector++
	}
	if sr, es, rs := int(be.Uint16(ttf[6:])), int(be.Uint16(ttf[8:])), int(be.Uint16(ttf[10:])); sr != searchRange || es != entrySelector || rs != 16*n-searchRange {
		t.Errorf("searchRange %d, entrySelector %d, rangeShift %d; want %d, %d, %d", sr, es, rs, searchRange, entrySelector, 16*n-searchRange)
	}
	var tags []string
	for i := range n {
		rec := ttf[12+16*i:]
		tag := string(rec[:4])
		sum, off, size := be.Uint32(rec[4:]), int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off%4 != 0 || off+size > len(ttf) {
			t.Fatalf("table %q at %d, %d bytes, in a font of %d", tag, off, size, len(ttf))
		}
		data := slices.Clone(ttf[off : off+size])
		if tag == "head" {
			clear(data[8:12])
		}
		if got := sfntChecksum(data); got != sum {
			t.Errorf("table %q: checksum %#x, directory says %#x", tag, got, sum)
		}
		tags = append(tags, tag)
	}
	if sum := sfntChecksum(ttf); sum != 0xB1B0AFBA {
		t.Errorf("checksum of the font %#x, want 0xB1B0AFBA", sum)
	}
	return tags
}

// parseSubset parses the subset sub of the font orig with sfnt, which
// needs the tables cmap and post that the subset leaves out: they are
// taken from orig.
func parseSubset(t *testing.T, orig, sub []byte) *sfnt.Font {
	t.Helper()
	tables, err := sfntTables(sub)
	if err != nil {
		t.Fatal(err)
	}
	o, _ := sfntTables(orig)
	tables["cmap"], tables["post"] = o["cmap"], o["post"]
	f, err := sfnt.Parse(writeSfnt(tables))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// glyphData returns the data of glyph g in the font ttf, whose loca has
// the long format.
func glyphData(t *testing.T, ttf []byte, g uint16) []byte {
	t.Helper()
	tables, err := sfntTables(ttf)
	if err != nil || be.Uint16(tables["head"][50:]) != 1 {
		t.Fatalf("%v, or not the long loca", err)
	}
	loca := tables["loca"]
	return tables["glyf"][be.Uint32(loca[4*int(g):]):be.Uint32(loca[4*int(g)+4:])]
}

// glyphOutline returns the segments of glyph g, unscaled.
func glyphOutline(t *testing.T, f *sfnt.Font, g uint16) []sfnt.Segment {
	t.Helper()
	var buf sfnt.Buffer
	segs, err := f.LoadGlyph(&buf, sfnt.GlyphIndex(g), fixed.Int26_6(f.UnitsPerEm())<<6, nil)
	if err != nil {
		t.Fatalf("glyph %d: %v", g, err)
	}
	return slices.Clone(segs)
}

// glyphAdvance returns the advance of glyph g, unscaled.
func glyphAdvance(t *testing.T, f *sfnt.Font, g uint16) fixed.Int26_6 {
	t.Helper()
	var buf sfnt.Buffer
	a, err := f.GlyphAdvance(&buf, sfnt.GlyphIndex(g), fixed.Int26_6(f.UnitsPerEm())<<6, font.HintingNone)
	if err != nil {
		t.Fatalf("glyph %d: %v", g, err)
	}
	return a
}
