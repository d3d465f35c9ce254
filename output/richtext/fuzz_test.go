package richtext

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzParse parses any text as the Markdown subset. Parse must not panic,
// must return well-formed blocks (paragraphs with spans, lists with items,
// no empty span, runs of one style and link merged into one span, line
// breaks on their own), keep valid UTF-8 valid, and not make much more text
// than it was given: a long link target referenced many times without a
// text of its own must not multiply. `make fuzz` runs it for FUZZTIME beyond
// its seeds; testdata/fuzz/FuzzParse keeps those that once failed.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "Erster Absatz.\n\nZweiter Absatz.", "zwei Leerzeichen  \nBackslash\\\nEnde",
		"**fett** und *kursiv*, __fett__ und _kursiv_", "***beides*** **fett *und kursiv***",
		"Siehe [die **Website**](https://www.landkreis.de/integration \"Titel\").",
		"<https://x.de/a_b> und <info@landkreis.de>, www.landkreis.de, integration@landkreis.de.",
		"1. eins\n   - a\n   - b\n\n   weiter\n2. zwei", "## Ziele *2025*\nText", "Ziele\n=====",
		"Feld `a*b*` und `x\ny`", "```go\nfoo  *bar*\n\nbaz\n```", "    code\n    zwei",
		"> Zitat\n> weiter\n>\n> - Punkt", "a <b>fett</b> <!-- x -->", "<div>\nhallo\n</div>",
		"Logo: ![Wappen des *Kreises*](wappen.png)", "a\n\n***\n\nb",
		`5 \* 3 \_x\_ &amp; &ouml; &#x41; \&ouml; C:\Pfad &#0; &#xD800; &nGt;`,
		"[r]: https://x.de/lang\n\n[][r] [][r] [x][r] [r]", "[](https://leer.de) [](<>)",
		"- - - - - x", "> > > > x", "[a](b [a](b [a](b", "* a\n\n  * b\n\n    * c",
		"| a | b |\n|---|---|\n| 1 | 2 |", "~~alt~~", "\xff\xfe", "a\x00b",
		"Zweimal im Jahr stimmen Kursträger  und Jobcenter ab (z. B. 2025/26); \"Kurs\" – ok?",
		"Text\u00a0", "\u2003Text", "Siehe landkreis.de/integration oder WWW.landkreis.de", "a\u2028b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if plain, ok := parsePlain(src); ok {
			if md := parseMarkdown(src); !reflect.DeepEqual(plain, md) {
				t.Errorf("parsePlain(%q) = %+v, goldmark %+v", src, plain, md)
			}
		}
		blocks := Parse(src)
		n := checkBlocks(t, blocks)
		if max := 3*len(src) + 64; n > max {
			t.Errorf("%d bytes of text from %d bytes of source", n, len(src))
		}
		if utf8.ValidString(src) && !validText(blocks) {
			t.Errorf("text that is not UTF-8 from %q", src)
		}
	})
}

// checkBlocks fails on blocks that are not well formed and returns the
// length of their text.
func checkBlocks(t *testing.T, blocks []Block) int {
	t.Helper()
	n := 0
	for _, b := range blocks {
		switch b.List {
		case NoList:
			if len(b.Spans) == 0 || len(b.Items) > 0 {
				t.Errorf("paragraph with %d spans and %d items", len(b.Spans), len(b.Items))
			}
			for i, s := range b.Spans {
				n += len(s.Text)
				switch {
				case s.Text == "":
					t.Errorf("empty span %d in %+v", i, b.Spans)
				case s.Text == "\n" && (s.Style != 0 || s.Link != ""):
					t.Errorf("line break with style or link: %+v", s)
				case i > 0 && s.Text != "\n" && b.Spans[i-1].Text != "\n" && s.Style == b.Spans[i-1].Style && s.Link == b.Spans[i-1].Link:
					t.Errorf("spans %d and %d not merged: %+v", i-1, i, b.Spans)
				}
			}
		case Bullets, Numbers:
			if len(b.Items) == 0 || len(b.Spans) > 0 {
				t.Errorf("list with %d items and %d spans", len(b.Items), len(b.Spans))
			}
			if b.Start < 0 {
				t.Errorf("list starts at %d", b.Start)
			}
			for _, it := range b.Items {
				n += checkBlocks(t, it.Blocks)
			}
		default:
			t.Errorf("block of kind %d", b.List)
		}
	}
	return n
}

func validText(blocks []Block) bool {
	for _, b := range blocks {
		for _, s := range b.Spans {
			if !utf8.ValidString(s.Text) || !utf8.ValidString(s.Link) {
				return false
			}
		}
		for _, it := range b.Items {
			if !validText(it.Blocks) {
				return false
			}
		}
	}
	return true
}
