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
	// The patterns form a trie of their letters: nodes[0] is the root,
	// and a node where a pattern ends holds the start of its digits (one
	// more than its letters) in digits.
	nodes    []node
	digits   []uint8
	root     [0x180]int32 // the root's children by letter, for the letters of Latin Extended-A
	leftmin  int
	rightmin int
}

type node struct {
	r     rune  // the letter that leads here
	child int32 // first child, 0 if none
	next  int32 // next sibling, 0 if none
	dig   int32 // start of the pattern's digits, -1 if no pattern ends here
}

var german = sync.OnceValue(func() *Hyphenator {
	return parse(germanPatterns, 2, 2)
})

// German returns the hyphenator for German (reformed orthography 1996/2006).
// The patterns are parsed once, on first use, and the result is safe for
// concurrent use.
func German() *Hyphenator { return german() }

// parse reads TeX patterns such as "ab5er4r", separated by white space;
// '%' starts a comment that runs to the end of the line. It runs once per
// process, so it builds the trie in one pass without allocating per pattern.
func parse(src string, leftmin, rightmin int) *Hyphenator {
	h := &Hyphenator{
		nodes:    make([]node, 1, len(src)/3),
		digits:   make([]uint8, 0, len(src)),
		leftmin:  leftmin,
		rightmin: rightmin,
	}
	h.nodes[0].dig = -1
	var digits []uint8
	cur, inPattern := int32(0), false
	end := func() {
		if inPattern {
			h.nodes[cur].dig = int32(len(h.digits))
			h.digits = append(h.digits, digits...)
		}
		cur, inPattern, digits = 0, false, digits[:0]
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		i += size
		switch {
		case r == '%':
			end()
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case unicode.IsSpace(r):
			end()
		case '0' <= r && r <= '9':
			if !inPattern {
				digits = append(digits, 0)
				inPattern = true
			}
			digits[len(digits)-1] = uint8(r - '0')
		default:
			if !inPattern {
				digits = append(digits, 0)
				inPattern = true
			}
			cur = h.child(cur, unicode.ToLower(r), true)
			digits = append(digits, 0)
		}
	}
	end()
	for c := h.nodes[0].child; c != 0; c = h.nodes[c].next {
		if r := h.nodes[c].r; r < rune(len(h.root)) {
			h.root[r] = c
		}
	}
	return h
}

// child returns the child of node n for letter r; if there is none, it adds
// one if add is set, and else returns 0.
func (h *Hyphenator) child(n int32, r rune, add bool) int32 {
	if n == 0 && !add && r >= 0 && r < rune(len(h.root)) {
		return h.root[r]
	}
	for c := h.nodes[n].child; c != 0; c = h.nodes[c].next {
		if h.nodes[c].r == r {
			return c
		}
	}
	if !add {
		return 0
	}
	h.nodes = append(h.nodes, node{r: r, next: h.nodes[n].child, dig: -1})
	c := int32(len(h.nodes) - 1)
	h.nodes[n].child = c
	return c
}

// pattern returns the digits of the pattern with the given letters.
func (h *Hyphenator) pattern(letters string) ([]uint8, bool) {
	n := int32(0)
	for _, r := range letters {
		if n = h.child(n, r, false); n == 0 {
			return nil, false
		}
	}
	if d := h.nodes[n].dig; d >= 0 {
		return h.digits[d : int(d)+utf8.RuneCountInString(letters)+1], true
	}
	return nil, false
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
	// Build ".word." in lower case.
	w := make([]rune, 0, n+2)
	w = append(w, '.')
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return nil
		}
		w = append(w, unicode.ToLower(r))
	}
	w = append(w, '.')

	// vals[j] is the value between rune j-1 and rune j of w: walk the trie
	// from every rune of w, applying each pattern met on the way.
	vals := make([]uint8, len(w)+1)
	for s := range w {
		nd := int32(0)
		for e := s; e < len(w); e++ {
			if nd = h.child(nd, w[e], false); nd == 0 {
				break
			}
			if d := h.nodes[nd].dig; d >= 0 {
				for k, v := range h.digits[d : int(d)+e-s+2] {
					vals[s+k] = max(vals[s+k], v)
				}
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
