package output_test

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

// bboxWord is a word of `pdftotext -bbox`, in points from the top left.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// wordsOn returns the words of page p without the running header and footer.
func wordsOn(t *testing.T, path string, p int) []bboxWord {
	t.Helper()
	out := tool(t, "pdftotext", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), "-bbox", path, "-")
	var doc struct {
		Words []bboxWord `xml:"body>doc>page>word"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	const mm = 72 / 25.4
	var ws []bboxWord
	for _, w := range doc.Words {
		if w.YMin > 20*mm && w.YMax < 280*mm {
			ws = append(ws, w)
		}
	}
	return ws
}

// TestLeichteSprache checks the chapter in Leichte Sprache of the example:
// right after the table of contents, at least 14 pt, lines of at most 125
// mm (about 55 characters), no word hyphenated.
func TestLeichteSprache(t *testing.T) {
	path := beispielFile(t)
	ps := pages(t, path)
	first := tocPage(t, ps) + 2 // 1-based: the page after the contents
	if !strings.Contains(ps[first-1], "Das Wichtigste in Leichter Sprache") {
		t.Fatalf("Seite %d nach dem Inhaltsverzeichnis beginnt nicht mit Leichter Sprache: %.80q", first, ps[first-1])
	}
	last := first
	for !strings.Contains(ps[last], "Vorwort") {
		last++
	}
	const mm = 72 / 25.4
	for p := first; p <= last; p++ {
		var lines []string
		var line strings.Builder
		y := -1.0
		for i, w := range wordsOn(t, path, p) {
			if p == first && i < 6 || w.Text == "•" || strings.HasSuffix(w.Text, ".") && len(w.Text) <= 2 {
				continue // the chapter heading; list labels
			}
			if h := w.YMax - w.YMin; h < 14*1.1 {
				t.Errorf("Seite %d: „%s“ ist %.1f pt hoch, Schrift kleiner als 14 pt", p, w.Text, h)
			}
			if w.XMax > (25+125)*mm+0.5 {
				t.Errorf("Seite %d: „%s“ endet %.0f mm vom Rand, Zeilen sollen höchstens 125 mm lang sein", p, w.Text, w.XMax/mm-25)
			}
			if w.YMin != y {
				lines, y = append(lines, line.String()), w.YMin
				line.Reset()
			}
			line.WriteString(w.Text + " ")
		}
		for _, l := range append(lines, line.String()) {
			if l = strings.TrimSpace(l); strings.HasSuffix(l, "-") {
				t.Errorf("Seite %d: Zeile endet mit Trennstrich: %q", p, l)
			}
		}
	}
}
