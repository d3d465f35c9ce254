package assemble

import (
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

// maxWarnungen is how many answers per question that cannot be evaluated are
// reported one by one; the rest are summed up in one warning.
const maxWarnungen = 20

// Umfragen aggregates every survey of k, in the order of `befragungen`.
func Umfragen(fsys fs.FS, k *schema.Konzept) ([]Umfrage, schema.Problems) {
	var out []Umfrage
	var ps schema.Problems
	for i := range k.Befragungen {
		u, ups := Auswerten(fsys, &k.Befragungen[i])
		out = append(out, u)
		ps.Add(ups...)
	}
	return out, ps
}

// Auswerten reads the responses of b row by row and aggregates them. Nothing
// of a response is kept but counts and, for `zahl` questions, the numbers
// (for the median); memory does not grow with the free-text answers.
//
//   - einfach: an answer is counted for the option it equals, trimmed and
//     case-insensitively; an empty one as KeineAngabe; any other as Sonstige,
//     with a warning.
//   - mehrfach: a cell is split at `;`, then each part that is not an option
//     at `,` (so an option may hold a comma); each option counts once per
//     response, each unknown part once as Sonstige.
//   - skala: an integer from min to max, or the text of a label
//     (`beschriftung`), is counted for its value; Mittel and Median are over
//     these values.
//   - zahl: a number, "3,5" or "3.5"; Mittel and Median.
//   - freitext: only Beantwortet, the number of non-empty answers.
//
// Beantwortet counts the responses with a non-empty answer, so Beantwortet +
// KeineAngabe = Antworten. Sprachen counts the trimmed, lower-cased values of
// the sprachspalte: de, en, ls first, then the others sorted, and last Wert
// "" for responses without a language, if any.
//
// If the responses cannot be read (a missing column, a broken file), the
// problems say why and the Umfrage has no answers.
func Auswerten(fsys fs.FS, b *schema.Befragung) (Umfrage, schema.Problems) {
	u := Umfrage{Befragung: b, Mindestgruppe: 5}
	if b.Mindestgruppe != nil && *b.Mindestgruppe > 0 {
		u.Mindestgruppe = *b.Mindestgruppe
	}
	var ps schema.Problems
	zaehler := make([]*zaehler, len(b.Fragen))
	for i := range b.Fragen {
		zaehler[i] = newZaehler(&b.Fragen[i], &ps)
	}
	sprachen := map[string]int{}
	rps := sources.ReadAntworten(fsys, b, func(a *sources.Antwort) {
		u.Antworten++
		for i, z := range zaehler {
			z.add(a.Werte[i], a, i)
		}
		if b.Sprachspalte != "" {
			sprachen[strings.ToLower(strings.TrimSpace(a.Werte[len(zaehler)]))]++
		}
	})
	if rps.Count(schema.Error) > 0 {
		// A file read only in part must not be reported as if whole.
		u.Antworten = 0
		for i := range zaehler {
			zaehler[i] = newZaehler(&b.Fragen[i], &ps)
		}
		clear(sprachen)
		ps = nil
	}
	ps.Add(rps...)
	for _, z := range zaehler {
		u.Fragen = append(u.Fragen, z.ergebnis())
		if z.weitere > 0 {
			ps.Add(schema.Warnf(z.weiterePos, schema.CodeAntwortMehr, z.weitere, z.frage.ID))
		}
	}
	if b.Sprachspalte != "" {
		u.Sprachen = sprachenListe(sprachen)
	}
	return u, ps
}

// sprachenListe orders the language counts: de, en, ls, the others sorted, "" last.
func sprachenListe(m map[string]int) []Anzahl {
	rang := func(s string) int {
		switch s {
		case "de":
			return 0
		case "en":
			return 1
		case "ls":
			return 2
		case "":
			return 4
		}
		return 3
	}
	out := make([]Anzahl, 0, len(m))
	for w, n := range m {
		out = append(out, Anzahl{Wert: w, N: n})
	}
	slices.SortFunc(out, func(a, b Anzahl) int {
		if ra, rb := rang(a.Wert), rang(b.Wert); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Wert, b.Wert)
	})
	return out
}

// zaehler aggregates the answers to one question.
type zaehler struct {
	frage       *schema.Frage
	optionen    map[string]int // lower-cased option or label text → index into counts
	exakt       map[string]int // the same, as written: most answers are, and need no lower-casing
	counts      []int
	gesehen     []bool // mehrfach: options already counted in this response
	zahlen      []float64
	sonstige    int
	keine       int
	beantwortet int
	warnungen   int
	weitere     int        // answers not reported one by one
	weiterePos  schema.Pos // where the first of them is
	ps          *schema.Problems
}

func newZaehler(f *schema.Frage, ps *schema.Problems) *zaehler {
	z := &zaehler{frage: f, ps: ps, optionen: map[string]int{}, exakt: map[string]int{}}
	var texte []string
	switch f.Typ {
	case "einfach", "mehrfach":
		z.counts = make([]int, len(f.Optionen))
		z.gesehen = make([]bool, len(f.Optionen))
		for i, o := range f.Optionen {
			if k := norm(o); k != "" {
				if _, dup := z.optionen[k]; !dup {
					z.optionen[k] = i
				}
			}
		}
		texte = f.Optionen
	case "skala":
		if s := f.Skala; s != nil && s.Min < s.Max && !schema.SkalaZuGross(s) {
			z.counts = make([]int, s.Max-s.Min+1)
			for v, l := range s.Beschriftung {
				if k := norm(l); k != "" && v >= s.Min && v <= s.Max {
					z.optionen[k] = v - s.Min
				}
				texte = append(texte, l)
			}
		}
	}
	for _, t := range texte {
		if k, ok := z.optionen[norm(t)]; ok {
			z.exakt[strings.TrimSpace(t)] = k
		}
	}
	return z
}

// option returns the index into counts of the option or label v (trimmed)
// names, in any case.
func (z *zaehler) option(v string) (int, bool) {
	if k, ok := z.exakt[v]; ok {
		return k, true
	}
	k, ok := z.optionen[strings.ToLower(v)]
	return k, ok
}

func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// add counts the answer v, found at value i of a.
func (z *zaehler) add(v string, a *sources.Antwort, i int) {
	v = strings.TrimSpace(v)
	if v == "" {
		z.keine++
		return
	}
	z.beantwortet++
	switch z.frage.Typ {
	case "einfach":
		if k, ok := z.option(v); ok {
			z.counts[k]++
			return
		}
		z.sonstig(a, i, schema.CodeAntwortOption, v, z.frage.ID)
	case "mehrfach":
		z.mehrfach(v, a, i)
	case "skala":
		s := z.frage.Skala
		if z.counts == nil {
			return // an invalid scale is reported by validation
		}
		if k, ok := z.option(v); ok {
			z.counts[k]++
			return
		}
		if n, ok := parseZahl(v); ok && n == math.Trunc(n) && n >= float64(s.Min) && n <= float64(s.Max) {
			z.counts[int(n)-s.Min]++
			return
		}
		z.sonstig(a, i, schema.CodeAntwortSkala, v, z.frage.ID, s.Min, s.Max)
	case "zahl":
		if n, ok := parseZahl(v); ok {
			z.zahlen = append(z.zahlen, n)
			return
		}
		z.sonstig(a, i, schema.CodeAntwortZahl, v, z.frage.ID)
	}
	// freitext: counted, never kept
}

func (z *zaehler) mehrfach(v string, a *sources.Antwort, i int) {
	clear(z.gesehen)
	count := func(part string) bool {
		k, ok := z.option(strings.TrimSpace(part))
		if ok && !z.gesehen[k] {
			z.gesehen[k] = true
			z.counts[k]++
		}
		return ok
	}
	for part := range strings.SplitSeq(v, ";") {
		if strings.TrimSpace(part) == "" || count(part) {
			continue
		}
		for sub := range strings.SplitSeq(part, ",") {
			if sub = strings.TrimSpace(sub); sub == "" || count(sub) {
				continue
			}
			z.sonstig(a, i, schema.CodeAntwortOption, sub, z.frage.ID)
		}
	}
}

// sonstig counts an answer as Sonstige and warns about it, or, after
// maxWarnungen of them, counts it for the summary warning.
func (z *zaehler) sonstig(a *sources.Antwort, i int, code schema.Code, args ...any) {
	z.sonstige++
	if z.warnungen < maxWarnungen {
		z.warnungen++
		z.ps.Add(schema.Warnf(a.Pos(i), code, args...))
		return
	}
	if z.weitere == 0 {
		z.weiterePos = a.Pos(i)
	}
	z.weitere++
}

// parseZahl reads a number as people write it: "3", "3,5", "3.5", "1.000,5".
func parseZahl(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		return 0, false
	}
	return n, true
}

// ergebnis returns the aggregate of the question.
func (z *zaehler) ergebnis() FrageErgebnis {
	e := FrageErgebnis{Frage: z.frage, Sonstige: z.sonstige, KeineAngabe: z.keine, Beantwortet: z.beantwortet}
	f := z.frage
	switch f.Typ {
	case "einfach", "mehrfach":
		for i, o := range f.Optionen {
			e.Verteilung = append(e.Verteilung, Anzahl{Wert: o, N: z.counts[i]})
		}
	case "skala":
		if z.counts == nil {
			break
		}
		n, sum := 0, 0
		for k, c := range z.counts {
			v := f.Skala.Min + k
			e.Verteilung = append(e.Verteilung, Anzahl{Wert: strconv.Itoa(v), N: c})
			n += c
			sum += c * v
		}
		if n > 0 {
			e.Statistik = true
			e.Mittel = float64(sum) / float64(n)
			e.Median = (float64(f.Skala.Min+nth(z.counts, (n-1)/2)) + float64(f.Skala.Min+nth(z.counts, n/2))) / 2
		}
	case "zahl":
		if len(z.zahlen) > 0 {
			slices.Sort(z.zahlen)
			n := len(z.zahlen)
			e.Statistik = true
			e.Mittel = mittel(z.zahlen)
			e.Median = z.zahlen[(n-1)/2]/2 + z.zahlen[n/2]/2 // halved first: no overflow
		}
	}
	return e
}

// mittel returns the mean of xs, also where their sum would overflow
// (answers such as 1e308).
func mittel(xs []float64) float64 {
	n := float64(len(xs))
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	if !math.IsInf(sum, 0) {
		return sum / n
	}
	sum = 0
	for _, x := range xs {
		sum += x / n
	}
	return sum
}

// nth returns the index of the bucket holding the k-th (0-based) value of
// the distribution counts.
func nth(counts []int, k int) int {
	for i, c := range counts {
		if k < c {
			return i
		}
		k -= c
	}
	return len(counts) - 1
}
