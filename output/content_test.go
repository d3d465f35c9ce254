package output

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/landkreis/konzept/output/richtext"
)

// TestAppendNum compares appendNum with strconv on the numbers of a page
// and beyond: the same text, except that a half hundredth may round the
// other way.
func TestAppendNum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	values := []float64{0, 1, -1, 0.004, 0.005, -0.004, 595.28, 841.89, 1e14, -1e14, 1e15, math.Inf(1), math.NaN()}
	for range 100000 {
		values = append(values, (r.Float64()-0.5)*2000)
	}
	for _, v := range values {
		got, want := string(appendNum(nil, v)), strconv.FormatFloat(v, 'f', 2, 64)
		if got == want || want == "-0.00" && got == "0.00" {
			continue
		}
		g, _ := strconv.ParseFloat(got, 64)
		if half := math.Abs(math.Abs(v*100-math.Trunc(v*100)) - 0.5); half > 1e-6 || math.Abs(g-v) > 0.0051 {
			t.Errorf("appendNum(%v) = %s, want %s", v, got, want)
		}
	}
}

// TestMarkedContent checks that the lines of one element are one
// marked-content sequence, ended by the next element and by artifacts, so
// that sequences never nest.
func TestMarkedContent(t *testing.T) {
	c := newCanvas()
	defer c.close() // ends the compressing goroutine
	c.addPage()
	p := c.tags.open("P")
	c.text(10, 10, "eins", 0, 10, black)
	c.text(10, 15, "zwei", 0, 10, black)
	c.rule(0, 20, 100, 20, 0.3, black)
	c.text(10, 25, "drei", 0, 10, black)
	c.tags.close()
	q := c.tags.open("P")
	c.text(10, 30, "vier", 0, 10, black)
	c.tags.close()
	c.endMC()

	var ops []string
	depth := 0
	for _, l := range strings.Split(string(c.cur), "\n") {
		switch {
		case strings.HasSuffix(l, "BDC") || strings.HasSuffix(l, "BMC"):
			if depth++; depth > 1 {
				t.Errorf("marked content nested: %q", l)
			}
			ops = append(ops, l)
		case l == "EMC":
			depth--
			ops = append(ops, l)
		case strings.HasPrefix(l, "BT"):
			ops = append(ops, "text")
		}
	}
	want := []string{"/P <</MCID 0>> BDC", "text", "text", "EMC", "/Artifact BMC", "EMC",
		"/P <</MCID 1>> BDC", "text", "EMC", "/P <</MCID 2>> BDC", "text", "EMC"}
	if !slices.Equal(ops, want) || depth != 0 {
		t.Errorf("content:\n%s\nwant\n%s", strings.Join(ops, "\n"), strings.Join(want, "\n"))
	}
	mcids := func(e *elem) (out []int) {
		for _, k := range e.kids {
			out = append(out, k.mcid)
		}
		return out
	}
	if got := mcids(p); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("first P has MCIDs %v, want [0 1]", got)
	}
	if got := mcids(q); !slices.Equal(got, []int{2}) {
		t.Errorf("second P has MCIDs %v, want [2]", got)
	}
}

// TestSpaceAfter checks that a line ending between two words ends with a
// space that does not count in its width, and a line ending within a word
// (hyphenated) or the last line does not.
func TestSpaceAfter(t *testing.T) {
	c := newDryCanvas()
	ts := textStyle{size: 10, leading: 1.4, hyphens: true}
	text := "Sprachkurse für Eltern mit Kinderbetreuung in allen Integrationskursträgerschaften"
	lines := c.layout([]richtext.Span{{Text: text}}, 45, ts)
	var got strings.Builder
	for i, l := range lines {
		last := l.pieces[len(l.pieces)-1]
		if strings.HasSuffix(last.text, " ") != l.spaceAfter {
			t.Errorf("line %d %q: spaceAfter %v", i, last.text, l.spaceAfter)
		}
		s := ""
		for _, p := range l.pieces {
			s += p.text
		}
		if w := wordsWidth(l.pieces); math.Abs(w-c.width(strings.TrimSuffix(s, " "), 0, ts.size)) > 1e-9 {
			t.Errorf("line %d %q: width %.2f counts the space after it", i, s, w)
		}
		got.WriteString(s + "|")
	}
	const want = "Sprachkurse für Eltern mit |Kinderbetreuung in allen In-|tegrationskursträgerschaften|"
	if got.String() != want {
		t.Errorf("lines %q, want %q", got.String(), want)
	}
}
