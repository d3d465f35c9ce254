package hyphen

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// Each expected break was checked by hand against German syllable rules
// (and against an independent brute-force implementation of Liang's
// algorithm over the same patterns). Where German allows several
// hyphenations, the one the patterns choose is expected.
func TestHyphenate(t *testing.T) {
	tests := []struct {
		word, want string
	}{
		{"Integrationskonzept", "In-te-gra-ti-ons-kon-zept"},
		{"Kinderbetreuung", "Kin-der-be-treu-ung"},
		// "-tio-" is not split here although "Integration" gets "-ti-on":
		// both are correct, the patterns prefer "tio-nen".
		{"Migrantenorganisationen", "Mi-gran-ten-or-ga-ni-sa-tio-nen"},
		{"Beschlussvorlage", "Be-schluss-vor-la-ge"},
		{"Handlungsfelder", "Hand-lungs-fel-der"},
		{"Koordinierungsstelle", "Ko-or-di-nie-rungs-stel-le"},
		{"Arbeitsmarktintegration", "Ar-beits-markt-in-te-gra-ti-on"},
		{"Geschlechtergleichstellung", "Ge-schlech-ter-gleich-stel-lung"},
		{"Ausländerbehörde", "Aus-län-der-be-hör-de"},
		{"Aufenthaltserlaubnis", "Auf-ent-halts-er-laub-nis"},
		{"Straße", "Stra-ße"},
		{"STRASSE", "STRAS-SE"}, // case-insensitive; ss is split, ß is not
		{"Ehrenamt", "Eh-ren-amt"},
		{"Abend", "Abend"}, // "A-bend" is forbidden by leftmin = 2
		{"Amt", "Amt"},     // too short
		{"Kita", "Ki-ta"},
		// Existing hyphens: the break after them adds sep after the '-'.
		{"E-Mail-Adresse", "E--Mail--Adres-se"},
		{"Sprach-Kita", "Sprach--Ki-ta"},
		{"Ein-", "Ein-"},       // no break before nothing
		{"-los", "-los"},       // nor after nothing
		{"Kita2", "Kita2"},     // not a word
		{"Kinder,", "Kinder,"}, // punctuation is the caller's business
	}
	h := German()
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := h.Hyphenate(tt.word, "-"); got != tt.want {
				t.Errorf("Hyphenate(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestPoints(t *testing.T) {
	tests := []struct {
		word string
		want []int
	}{
		{"Amt", nil},
		{"Straße", []int{4}},
		{"E-Mail-Adresse", []int{2, 7, 12}},
		{"Sprach-Kita", []int{7, 9}},
		{"Ausländerbehörde", []int{3, 6, 9, 11, 14}}, // rune, not byte, offsets
		{"a--b", nil},
		{"", nil},
	}
	h := German()
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := h.Points(tt.word); !slices.Equal(got, tt.want) {
				t.Errorf("Points(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

// TestPrefixCutoff checks that stopping the search at the first string that
// is not a pattern prefix finds the same points as trying every substring.
func TestPrefixCutoff(t *testing.T) {
	h := German()
	words := strings.FieldsFunc(germanPatterns+" "+benchText, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		if got, want := h.points(w), h.naivePoints(w); !slices.Equal(got, want) {
			t.Errorf("points(%q) = %v, want %v", w, got, want)
		}
	}
}

func (h *Hyphenator) naivePoints(word string) []int {
	w := []rune("." + strings.ToLower(word) + ".")
	n := len(w) - 2
	if n < 4 {
		return nil
	}
	vals := make([]uint8, len(w)+1)
	for s := range w {
		for e := s + 1; e <= len(w); e++ {
			digits, _ := h.pattern(string(w[s:e]))
			for k, d := range digits {
				vals[s+k] = max(vals[s+k], d)
			}
		}
	}
	var pts []int
	for i := 2; i <= n-2; i++ {
		if vals[i+1]%2 == 1 {
			pts = append(pts, i)
		}
	}
	return pts
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := German().Hyphenate("Kinderbetreuung", "-"); got != "Kin-der-be-treu-ung" {
				t.Errorf("got %q", got)
			}
		})
	}
	wg.Wait()
}

const benchText = `Das Integrationskonzept des Landkreises beschreibt die Handlungsfelder
Sprachförderung, Kinderbetreuung, Arbeitsmarktintegration und Gesundheit sowie die
Zusammenarbeit der Koordinierungsstelle mit Migrantenorganisationen, Ausländerbehörde
und Ehrenamtlichen in den Städten und Gemeinden.`

func BenchmarkPoints(b *testing.B) {
	h := German()
	words := strings.FieldsFunc(benchText, func(r rune) bool { return !unicode.IsLetter(r) })
	for b.Loop() {
		for _, w := range words {
			h.Points(w)
		}
	}
}

// BenchmarkParse measures what the first hyphenation in a process costs:
// reading the German patterns into the trie.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		parse(germanPatterns, 2, 2)
	}
}
