package output

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/landkreis/konzept/output/hyphen"
	"github.com/landkreis/konzept/output/richtext"
)

// A textStyle says how a piece of running text is set.
type textStyle struct {
	size    float64 // font size in pt
	leading float64 // line height as a multiple of the size
	color   rgb
	base    richtext.Style // added to every span (e.g. Bold for titles)
	hyphens bool           // hyphenate words to fill lines
}

// lineHeight returns the height of a line in mm.
func (ts textStyle) lineHeight() float64 { return ts.size * ts.leading * ptMM }

const ptMM = 25.4 / 72

// piece is a run of text on one line in one style; it includes the space
// before it, so that text extraction gives the words back with their spaces.
// While a line is laid out, that space is only marked (sp), so that the
// pieces mergeLines joins are not copied once more to add it.
type piece struct {
	text  string
	style richtext.Style
	link  string
	w     float64
	sp    bool
}

// line is one laid-out line of text.
type line struct {
	indent float64 // from the left edge of the text box
	gap    float64 // extra space above the line (between paragraphs)
	pieces []piece
	ts     textStyle
	label  string // list bullet or number, drawn left of indent

	// Structure: elements opened before the line (and its label), opened
	// after the label, and the number closed after the line.
	open, body []string
	close      int
	// spaceAfter: the line ends between two words. The space is drawn
	// (see mergeLines), so that text read by the structure of the document,
	// where the lines of a paragraph are one marked-content sequence, keeps
	// its words apart.
	spaceAfter bool
}

// box is laid-out text: lines with their vertical spacing.
type box []line

// height returns the height of the box in mm.
func (b box) height() float64 {
	h := 0.0
	for _, l := range b {
		h += l.gap + l.ts.lineHeight()
	}
	return h
}

// word is a sequence of pieces without a space between them.
type word []piece

// layout sets spans into lines of at most width mm.
func (c *canvas) layout(spans []richtext.Span, width float64, ts textStyle) []line {
	words := c.words(spans, ts)
	// The lines and their pieces are allocated about as large as they will
	// be: pieces of each line are a slice of one array, capped, so that
	// mergeLines can merge them in place.
	n, pieces, total := 1, 0, 0.0
	for _, w := range words {
		if w == nil {
			n++
		}
		pieces += len(w)
		total += wordWidth(w)
	}
	if width > 0 {
		n += int(min(total/width, float64(len(words))))
	}
	lines := make([]line, 0, n)
	all := make([]piece, 0, pieces+n)
	start := 0 // of the current line in all
	x := 0.0
	emit := func(spaceAfter bool) {
		var ps []piece
		if len(all) > start {
			ps = all[start:len(all):len(all)]
		}
		lines = append(lines, line{pieces: ps, ts: ts, spaceAfter: spaceAfter && len(ps) > 0})
		start, x = len(all), 0
	}
	for _, w := range words {
		if w == nil { // hard line break
			emit(true)
			continue
		}
		for w != nil {
			empty := len(all) == start
			sp := 0.0
			if !empty {
				sp = c.width(" ", w[0].style, ts.size)
			}
			ww := wordWidth(w)
			if x+sp+ww <= width {
				if !empty {
					w[0].sp = true
					w[0].w += sp
				}
				all = append(all, w...)
				x += sp + ww
				w = nil
				continue
			}
			rem := width - x - sp
			if empty || (ts.hyphens && rem > 0.12*width) {
				head, tail := c.split(w, rem, ts, empty)
				if head != nil {
					if !empty {
						head[0].sp = true
						head[0].w += sp
					}
					all = append(all, head...)
					emit(false) // within a word
					w = tail
					continue
				}
				if empty { // not a character fits: the word overflows
					all, w = append(all, w...), nil
				}
			}
			emit(true)
		}
	}
	if len(all) > start || len(lines) == 0 {
		emit(false)
	}
	return mergeLines(lines)
}

func wordWidth(w word) float64 {
	t := 0.0
	for _, p := range w {
		t += p.w
	}
	return t
}

// words splits spans at spaces; a word may run across spans of different
// styles ("**Integrations**konzept"). A nil word stands for a hard line break.
func (c *canvas) words(spans []richtext.Span, ts textStyle) []word {
	// All pieces live in one array; each word is a slice of it, capped so
	// that appending to a word cannot overwrite the next.
	n := 1
	for _, s := range spans {
		n += strings.Count(s.Text, " ") + 1
	}
	pieces := make([]piece, 0, n)
	out := make([]word, 0, n)
	start := 0 // of the current word in pieces
	flush := func() {
		if len(pieces) > start {
			out = append(out, word(pieces[start:len(pieces):len(pieces)]))
		}
		start = len(pieces)
	}
	for _, s := range spans {
		if s.Text == "\n" {
			flush()
			out = append(out, nil)
			continue
		}
		style := s.Style | ts.base
		add := func(seg string) {
			if seg != "" {
				if len(pieces) == cap(pieces) { // the word moves to a new array
					grown := make([]piece, len(pieces)-start, len(pieces)-start+n)
					copy(grown, pieces[start:])
					pieces, start = grown, 0
				}
				pieces = append(pieces, piece{text: seg, style: style, link: s.Link, w: c.width(seg, style, ts.size)})
			}
		}
		text := strings.ReplaceAll(s.Text, "\u00ad", "")
		begin := 0
		for i, r := range text {
			if unicode.IsSpace(r) && r != '\u00a0' {
				add(text[begin:i])
				flush()
				begin = i + utf8.RuneLen(r)
			}
		}
		add(text[begin:]) // the word may go on in the next span
	}
	flush()
	return out
}

// split breaks word w so that its head (with a hyphen added where needed) fits
// into rem mm. If force is set and no hyphenation point fits, the word is cut
// at the last character that fits. It returns nil if nothing fits.
func (c *canvas) split(w word, rem float64, ts textStyle, force bool) (head, tail word) {
	if len(w) == 1 {
		p := w[0]
		fi := styleIndex(p.style)
		// Of the word up to its i-th character: the length in bytes, and
		// the width in units (widths are sums of units).
		n := utf8.RuneCountInString(p.text)
		var arr [2 * 40]int
		offs, units := arr[:40], arr[40:]
		if n+1 > 40 {
			offs, units = make([]int, n+1), make([]int, n+1)
		}
		i := 0
		for off, r := range p.text {
			offs[i] = off
			units[i+1] = units[i] + runeUnits(fi, r)
			i++
		}
		offs[n] = len(p.text)
		try := func(i int, hyph string) bool {
			u := units[i]
			for _, r := range hyph {
				u += runeUnits(fi, r)
			}
			if unitsMM(u, ts.size) > rem {
				return false
			}
			head = word{{text: p.text[:offs[i]] + hyph, style: p.style, link: p.link, w: unitsMM(u, ts.size)}}
			tail = word{{text: p.text[offs[i]:], style: p.style, link: p.link, w: unitsMM(units[n]-units[i], ts.size)}}
			return true
		}
		if ts.hyphens || force {
			pts, first := hyphenPoints(p.text, offs[:n+1])
			for j := len(pts) - 1; j >= 0; j-- {
				at := first + pts[j]
				hyph := "-"
				if p.text[offs[at]-1] == '-' {
					hyph = ""
				}
				if try(at, hyph) {
					return head, tail
				}
			}
		}
		if force {
			for i := n - 1; i > 0; i-- {
				if try(i, "") {
					return head, tail
				}
			}
		}
		return nil, nil
	}
	// A word of several styles: break between its pieces, or cut its first piece.
	if !force {
		return nil, nil
	}
	sum := 0.0
	for i, p := range w {
		if sum+p.w > rem {
			if i == 0 {
				h, t := c.split(w[:1], rem, ts, true)
				if h == nil {
					return nil, nil
				}
				return h, append(t, w[1:]...)
			}
			return w[:i:i], w[i:]
		}
		sum += p.w
	}
	return w, nil
}

// hyphenPoints returns where word may be broken: the German hyphenation
// points of its letters, ignoring punctuation around it, counted in
// characters from its first letter, the character first. offs holds the
// byte offset of each character of word, and its length.
func hyphenPoints(word string, offs []int) (pts []int, first int) {
	start, end := 0, len(offs)-1
	for start < end {
		if r, _ := utf8.DecodeRuneInString(word[offs[start]:]); unicode.IsLetter(r) {
			break
		}
		start++
	}
	for end > start {
		if r, _ := utf8.DecodeLastRuneInString(word[:offs[end]]); unicode.IsLetter(r) || r == '-' {
			break
		}
		end--
	}
	if end-start < 4 {
		return nil, 0
	}
	return hyphenCache.points(word[offs[start]:offs[end]]), start
}

// hyphenCache remembers the hyphenation points of words: a long document
// breaks the same words again and again.
var hyphenCache = &wordPoints{m: map[string][]int{}}

type wordPoints struct {
	mu sync.Mutex
	m  map[string][]int // never modified once stored
}

// maxCachedWords bounds the cache; when full it starts afresh.
const maxCachedWords = 1 << 16

func (c *wordPoints) points(word string) []int {
	c.mu.Lock()
	pts, ok := c.m[word]
	c.mu.Unlock()
	if ok {
		return pts
	}
	pts = hyphen.German().Points(word)
	c.mu.Lock()
	if len(c.m) >= maxCachedWords {
		clear(c.m)
	}
	c.m[strings.Clone(word)] = pts // not the text it is cut from
	c.mu.Unlock()
	return pts
}

// mergeLines joins neighbouring pieces of one style and link, so each line is
// drawn with as few text runs as possible, and puts in the spaces marked
// before pieces. A line's pieces are its own, so they are merged in place,
// each run's text joined with one allocation.
func mergeLines(lines []line) []line {
	for i, l := range lines {
		ps := l.pieces
		out := ps[:0]
		for j := 0; j < len(ps); {
			k, size := j+1, len(ps[j].text)
			for k < len(ps) && ps[k].style == ps[j].style && ps[k].link == ps[j].link {
				size += len(ps[k].text) + 1
				k++
			}
			p := ps[j]
			space := k == len(ps) && l.spaceAfter // not counted in the width
			if k > j+1 || p.sp || space {
				var b strings.Builder
				b.Grow(size + 2)
				for n, q := range ps[j:k] {
					if q.sp {
						b.WriteByte(' ')
					}
					b.WriteString(q.text)
					if n > 0 {
						p.w += q.w
					}
				}
				if space {
					b.WriteByte(' ')
				}
				p.text, p.sp = b.String(), false
			}
			out = append(out, p)
			j = k
		}
		lines[i].pieces = out
	}
	return lines
}
