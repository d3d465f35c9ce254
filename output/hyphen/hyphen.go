// Package hyphen hyphenates words with Liang's algorithm and TeX hyphenation
// patterns. It ships the German patterns for the reformed orthography
// (hyph-de-1996, MIT licence, see LICENSE-hyph-de-1996.txt).
package hyphen

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed hyph-de-1996.pat.txt
var germanPatterns string

// Hyphenator finds hyphenation points with a fixed set of Liang patterns.
// It is immutable and safe for concurrent use.
type Hyphenator struct {
	// patterns maps the letters of a pattern to its digits (one more
	// than letters). A key with a nil value is only a prefix of longer
	// patterns; it lets the search stop as soon as no pattern can match.
	patterns map[string][]uint8
	leftmin  int
	rightmin int
}

var german = sync.OnceValue(func() *Hyphenator {
	return parse(germanPatterns, 2, 2)
})

// German returns the hyphenator for German (reformed orthography 1996/2006).
// The patterns are parsed once, on first use, and the result is safe for
// concurrent use.
func German() *Hyphenator { return german() }

// parse reads TeX patterns such as "ab5er4r", separated by white space;
// '%' starts a comment that runs to the end of the line.
func parse(src string, leftmin, rightmin int) *Hyphenator {
	h := &Hyphenator{patterns: make(map[string][]uint8), leftmin: leftmin, rightmin: rightmin}
	for line := range strings.Lines(src) {
		line, _, _ = strings.Cut(line, "%")
		for _, pat := range strings.Fields(line) {
			var letters strings.Builder
			digits := []uint8{0}
			for _, r := range pat {
				if '0' <= r && r <= '9' {
					digits[len(digits)-1] = uint8(r - '0')
					continue
				}
				letters.WriteRune(unicode.ToLower(r))
				digits = append(digits, 0)
			}
			key := letters.String()
			h.patterns[key] = digits
			for i := range key { // i is the byte offset of each rune
				if _, ok := h.patterns[key[:i]]; i > 0 && !ok {
					h.patterns[key[:i]] = nil
				}
			}
		}
	}
	return h
}

// Points returns the rune offsets i, in ascending order, at which word may
// be broken: a hyphen may be inserted between rune i-1 and rune i. At least
// two letters stay on either side of a break, as the patterns specify.
// Matching ignores case. Words of fewer than four letters and words that
// contain anything but letters give nil, with one exception: a compound
// written with '-' (such as "E-Mail-Adresse") may be broken after each
// hyphen, where no further hyphen is to be added, and within each part as
// if the part were a word of its own.
func (h *Hyphenator) Points(word string) []int {
	if !strings.Contains(word, "-") {
		return h.points(word)
	}
	var pts []int
	parts := strings.Split(word, "-")
	start := 0 // rune offset of the current part
	for i, part := range parts {
		for _, p := range h.points(part) {
			pts = append(pts, start+p)
		}
		start += utf8.RuneCountInString(part) + 1
		// A break after this hyphen needs text on both sides of it.
		if i < len(parts)-1 && part != "" && parts[i+1] != "" {
			pts = append(pts, start)
		}
	}
	return pts
}

// points implements Liang's algorithm for a word without hyphens.
func (h *Hyphenator) points(word string) []int {
	n := utf8.RuneCountInString(word)
	if n < 4 || n < h.leftmin+h.rightmin {
		return nil
	}
	// Build ".word." in lower case and remember where each rune starts.
	var b strings.Builder
	b.Grow(len(word) + 2)
	offs := make([]int, 0, n+3)
	offs = append(offs, 0)
	b.WriteByte('.')
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return nil
		}
		offs = append(offs, b.Len())
		b.WriteRune(unicode.ToLower(r))
	}
	offs = append(offs, b.Len())
	b.WriteByte('.')
	offs = append(offs, b.Len())
	w := b.String()

	// vals[j] is the value between rune j-1 and rune j of w.
	m := n + 2
	vals := make([]uint8, m+1)
	for s := range m {
		for e := s + 1; e <= m; e++ {
			digits, ok := h.patterns[w[offs[s]:offs[e]]]
			if !ok {
				break
			}
			for k, d := range digits {
				vals[s+k] = max(vals[s+k], d)
			}
		}
	}

	var pts []int
	for i := h.leftmin; i <= n-h.rightmin; i++ {
		if vals[i+1]%2 == 1 { // word rune i is rune i+1 of w
			pts = append(pts, i)
		}
	}
	return pts
}

// Hyphenate returns word with sep inserted at every point returned by
// Points. It is meant for tests and debugging.
func (h *Hyphenator) Hyphenate(word, sep string) string {
	pts := h.Points(word)
	if len(pts) == 0 {
		return word
	}
	runes := []rune(word)
	var b strings.Builder
	last := 0
	for _, p := range pts {
		b.WriteString(string(runes[last:p]))
		b.WriteString(sep)
		last = p
	}
	b.WriteString(string(runes[last:]))
	return b.String()
}
