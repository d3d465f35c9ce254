package schema

import (
	"strings"
	"unicode/utf8"
)

// Nearest returns the candidate closest to s (case-insensitive edit
// distance), or "" if none is close enough to be a plausible typo. A word
// that begins the other (`massnahme`, `massnahmen`) counts as one edit if it
// is not much shorter; a candidate for which every letter of s would have to
// change (`fr` → `de`) is never suggested.
func Nearest(s string, candidates []string) string {
	ls := strings.ToLower(s)
	n := utf8.RuneCountInString(ls)
	best, bestD := "", -1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(ls, lc)
		if isPrefix(ls, lc) || isPrefix(lc, ls) {
			d = min(d, 1)
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(2, n/3)
	if bestD < 0 || bestD > limit || bestD >= n {
		return ""
	}
	return best
}

// isPrefix reports whether a begins b and has at least 3 letters and half the length of b.
func isPrefix(a, b string) bool {
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	return strings.HasPrefix(b, a) && na >= 3 && 2*na >= nb
}

// distance is the Levenshtein distance between a and b, counted in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
