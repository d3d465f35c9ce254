package output

import (
	"bytes"
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"
)

// FuzzSubsetFont checks that subsetFont never panics, and that what it
// returns is a font with correct checksums that subsets to itself.
func FuzzSubsetFont(f *testing.F) {
	ttf := liberationsansregular.TTF
	gids := []byte{0, 36, 0, 100, 1, 0, 0, 3}
	f.Add(ttf, gids)
	f.Add(ttf, []byte{0xff, 0xff})
	// A small font for the fuzzer to change: the subset with ä, a
	// composite glyph, without the hinting programs.
	small, err := subsetFont(ttf, []uint16{166})
	if err != nil {
		f.Fatal(err)
	}
	tables, _ := sfntTables(small)
	delete(tables, "cvt ")
	delete(tables, "fpgm")
	delete(tables, "prep")
	small = writeSfnt(tables)
	f.Add(small, []byte{0, 166, 0, 36, 0, 200})
	f.Add(ttf[:len(ttf)/2], gids)
	f.Add(ttf[:12+16*19], gids)
	f.Add(ttf[:12], gids)
	f.Fuzz(func(t *testing.T, ttf, g []byte) {
		gids := make([]uint16, len(g)/2)
		for i := range gids {
			gids[i] = be.Uint16(g[2*i:])
		}
		readFontMetrics(ttf)
		sub, err := subsetFont(ttf, gids)
		if err != nil {
			return
		}
		if sum := sfntChecksum(sub); sum != 0xB1B0AFBA {
			t.Errorf("checksum of the subset %#x, want 0xB1B0AFBA", sum)
		}
		if again, err := subsetFont(sub, gids); err != nil || !bytes.Equal(again, sub) {
			t.Errorf("the subset of the subset differs (%v)", err)
		}
	})
}
