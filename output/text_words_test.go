package output

import (
	"strings"
	"testing"

	"github.com/landkreis/konzept/output/richtext"
)

// TestWordsGrow checks words when a text has more pieces than spaces
// (line breaks and tabs also separate words), so the pieces outgrow their
// first array, and when a word runs across spans.
func TestWordsGrow(t *testing.T) {
	c := newCanvas()
	text := strings.Repeat("Sprach\nkurs\tim Kreis ", 20)
	spans := []richtext.Span{{Text: text}, {Text: "Integrations", Style: richtext.Bold}, {Text: "konzept Ende"}}
	ws := c.words(spans, body)
	var got []string
	for _, w := range ws {
		var b strings.Builder
		for _, p := range w {
			b.WriteString(p.text)
		}
		got = append(got, b.String())
	}
	want := append(strings.Fields(text), "Integrationskonzept", "Ende")
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("words = %q\nwant %q", got, want)
	}
	if n := len(ws[len(ws)-2]); n != 2 {
		t.Errorf("Integrationskonzept has %d pieces, want 2 (bold and regular)", n)
	}
}
