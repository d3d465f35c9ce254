package output

import (
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"

	"github.com/landkreis/konzept/output/richtext"
)

// TestFontWidths checks that textWidth measures every character of the
// Basic Multilingual Plane in every style exactly as fpdf does, so that
// measuring without fpdf sets the same lines.
func TestFontWidths(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	styles := []struct {
		fpdf  string
		style richtext.Style
		ttf   []byte
	}{
		{"", 0, liberationsansregular.TTF},
		{"B", richtext.Bold, liberationsansbold.TTF},
		{"I", richtext.Italic, liberationsansitalic.TTF},
		{"BI", richtext.Bold | richtext.Italic, liberationsansbolditalic.TTF},
	}
	for _, s := range styles {
		pdf.AddUTF8FontFromBytes("f", s.fpdf, s.ttf)
	}
	for _, s := range styles {
		for _, size := range []float64{7.5, 10, 18} {
			pdf.SetFont("f", s.fpdf, size)
			bad := 0
			for r := rune(1); r < 0x10000; r++ {
				if r >= 0xd800 && r < 0xe000 {
					continue // surrogates are not runes
				}
				str := string(r)
				if want, got := pdf.GetStringWidth(str), textWidth(str, s.style, size); got != want && bad < 10 {
					bad++
					t.Errorf("style %q, %v pt, U+%04X: width %v, fpdf says %v", s.fpdf, size, r, got, want)
				}
			}
			text := "Integrationskursträgerkonferenz – „Мрія“, Przyjaźń, Ayşe Yıldırım: 12.000 €"
			if want, got := pdf.GetStringWidth(text), textWidth(text, s.style, size); got != want {
				t.Errorf("style %q, %v pt: width of %q is %v, fpdf says %v", s.fpdf, size, text, got, want)
			}
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}
