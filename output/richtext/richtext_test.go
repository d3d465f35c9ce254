package richtext

import (
	"reflect"
	"strings"
	"testing"
)

// Helpers to keep the expected structures short.
func para(spans ...Span) Block { return Block{Spans: spans} }
func plain(s string) Span      { return Span{Text: s} }
func bold(s string) Span       { return Span{Text: s, Style: Bold} }
func italic(s string) Span     { return Span{Text: s, Style: Italic} }
func link(s, url string) Span  { return Span{Text: s, Link: url} }
func item(b ...Block) Item     { return Item{Blocks: b} }

var br = Span{Text: "\n"}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Block
	}{
		{"empty", "", nil},
		{"blank", " \n\t\n  \n", nil},
		{"paragraphs", "Erster Absatz.\n\nZweiter Absatz.",
			[]Block{para(plain("Erster Absatz.")), para(plain("Zweiter Absatz."))}},
		{"soft break is a space", "eine\nZeile", []Block{para(plain("eine Zeile"))}},
		{"hard breaks", "zwei Leerzeichen  \nBackslash\\\nEnde",
			[]Block{para(plain("zwei Leerzeichen"), br, plain("Backslash"), br, plain("Ende"))}},
		{"bold and italic", "**fett** und *kursiv*, __fett__ und _kursiv_",
			[]Block{para(bold("fett"), plain(" und "), italic("kursiv"), plain(", "),
				bold("fett"), plain(" und "), italic("kursiv"))}},
		{"nested emphasis", "***beides*** **fett *und kursiv***",
			[]Block{para(Span{Text: "beides", Style: Bold | Italic}, plain(" "),
				bold("fett "), Span{Text: "und kursiv", Style: Bold | Italic})}},
		// Several AST nodes (text, image alt text, an unmatched '_' and
		// an escape) give one span per style.
		{"adjacent spans merge", `**Wappen ![Kreis](k.png)** und _nicht \*`,
			[]Block{para(bold("Wappen Kreis"), plain(" und _nicht *"))}},
		{"link", "Siehe [die **Website**](https://www.landkreis.de/integration \"Titel\").",
			[]Block{para(plain("Siehe "), link("die ", "https://www.landkreis.de/integration"),
				Span{Text: "Website", Style: Bold, Link: "https://www.landkreis.de/integration"}, plain("."))}},
		{"link destination escapes", `[a](https://x.de/\(b\)) [](https://leer.de)`,
			[]Block{para(link("a", "https://x.de/(b)"), plain(" "), link("https://leer.de", "https://leer.de"))}},
		{"autolinks", "<https://x.de/a_b> und <info@landkreis.de>",
			[]Block{para(link("https://x.de/a_b", "https://x.de/a_b"), plain(" und "),
				link("info@landkreis.de", "mailto:info@landkreis.de"))}},
		{"bare URLs and e-mail", "Mehr unter www.landkreis.de, https://x.de/y oder integration@landkreis.de.",
			[]Block{para(plain("Mehr unter "), link("www.landkreis.de", "http://www.landkreis.de"), plain(", "),
				link("https://x.de/y", "https://x.de/y"), plain(" oder "),
				link("integration@landkreis.de", "mailto:integration@landkreis.de"), plain("."))}},
		{"bullets", "- eins\n- **zwei**\n* neue Liste",
			[]Block{
				{List: Bullets, Items: []Item{item(para(plain("eins"))), item(para(bold("zwei")))}},
				{List: Bullets, Items: []Item{item(para(plain("neue Liste")))}},
			}},
		{"numbers keep start", "3. drei\n4. vier",
			[]Block{{List: Numbers, Start: 3, Items: []Item{item(para(plain("drei"))), item(para(plain("vier")))}}}},
		{"nested lists", "1. eins\n   - a\n   - b\n\n   weiter\n2. zwei",
			[]Block{{List: Numbers, Start: 1, Items: []Item{
				item(para(plain("eins")),
					Block{List: Bullets, Items: []Item{item(para(plain("a"))), item(para(plain("b")))}},
					para(plain("weiter"))),
				item(para(plain("zwei"))),
			}}}},
		{"heading", "## Ziele *2025*\nText", []Block{para(bold("Ziele "), Span{Text: "2025", Style: Bold | Italic}), para(plain("Text"))}},
		{"setext heading", "Ziele\n=====", []Block{para(bold("Ziele"))}},
		{"code span", "Feld `a*b*` und `x\ny`", []Block{para(plain("Feld a*b* und x y"))}},
		{"fenced code", "```go\nfoo  *bar*\n\nbaz\n```",
			[]Block{para(plain("foo  *bar*"), br, br, plain("baz"))}},
		{"indented code", "    code\n    zwei", []Block{para(plain("code"), br, plain("zwei"))}},
		{"block quote", "> Zitat\n> weiter\n>\n> - Punkt",
			[]Block{para(plain("Zitat weiter")), {List: Bullets, Items: []Item{item(para(plain("Punkt")))}}}},
		{"inline HTML", "a <b>fett</b> <!-- x -->", []Block{para(plain("a <b>fett</b> <!-- x -->"))}},
		{"HTML block", "<div>\nhallo\n</div>", []Block{para(plain("<div>"), br, plain("hallo"), br, plain("</div>"))}},
		{"image", "Logo: ![Wappen des *Kreises*](wappen.png)",
			[]Block{para(plain("Logo: Wappen des "), italic("Kreises"))}},
		{"thematic break dropped", "a\n\n***\n\nb", []Block{para(plain("a")), para(plain("b"))}},
		{"escapes and references", `5 \* 3 \_x\_ &amp; &ouml; &#x41; \&ouml; C:\Pfad`,
			[]Block{para(plain(`5 * 3 _x_ & ö A &ouml; C:\Pfad`))}},
		{"no typography", `"Zitat" -- 'so' ... (c) <<x>>`,
			[]Block{para(plain(`"Zitat" -- 'so' ... (c) <<x>>`))}},
		{"unicode round trip", "„Zuwanderung“ – Müller, Straße; İstanbul ığüşöç; Łódź żółć; Москва «Привет»…",
			[]Block{para(plain("„Zuwanderung“ – Müller, Straße; İstanbul ığüşöç; Łódź żółć; Москва «Привет»…"))}},
		{"strikethrough is not in the subset", "~~alt~~", []Block{para(plain("~~alt~~"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Parse(tt.src); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got %#v\nwant %#v", tt.src, got, tt.want)
			}
		})
	}
}

func TestPlain(t *testing.T) {
	spans := []Span{plain("a "), bold("b"), br, link("c", "https://c.de")}
	if got, want := Plain(spans), "a b\nc"; got != want {
		t.Errorf("Plain = %q, want %q", got, want)
	}
	if got := Plain(nil); got != "" {
		t.Errorf("Plain(nil) = %q", got)
	}
}

// TestParseLargeInput checks the two ways a text of a few MiB once took
// minutes or gigabytes: a paragraph of many lines, whose text was copied
// again for every line it grew by, and a long link target referenced many
// times by links without text, each of which showed it again.
func TestParseLargeInput(t *testing.T) {
	lines := strings.Repeat("eine Zeile mit Text\n", 200_000)
	got := Parse(lines)
	if len(got) != 1 || len(got[0].Spans) != 1 || len(got[0].Spans[0].Text) != len(lines)-1 {
		t.Errorf("a paragraph of 200,000 lines: %d blocks", len(got))
	}

	target := "https://x.de/" + strings.Repeat("a", 100_000)
	src := "[r]: " + target + "\n\n" + strings.Repeat("[][r]", 10_000)
	got = Parse(src)
	if len(got) != 1 {
		t.Fatalf("%d blocks", len(got))
	}
	text := Plain(got[0].Spans)
	if len(text) > 2*len(src) || !strings.HasPrefix(text, target) {
		t.Errorf("%d references to a target of %d bytes gave %d bytes of text", 10_000, len(target), len(text))
	}
	if got := Parse("[](https://leer.de) [][r]\n\n[r]: https://r.de"); !reflect.DeepEqual(got, []Block{para(
		link("https://leer.de", "https://leer.de"), plain(" "), link("https://r.de", "https://r.de"))}) {
		t.Errorf("links without text: %#v", got)
	}
}

// TestParsePlain checks which texts parsePlain reads itself: plain
// sentences, not what Markdown or Linkify might give a meaning to.
func TestParsePlain(t *testing.T) {
	for src, plain := range map[string]bool{
		"Zweimal im Jahr stimmen Kursträger, Jobcenter und Ausländerbehörde ab (Kurse: abends).": true,
		"Lotsinnen – „in ihrer Sprache“ – begleiten 40 % der Familien.":                          true,
		"": false, " eingerückt": false, "1. Punkt": false, "2025 beginnt es": false, "- Punkt": false,
		"# Titel": false, "> Zitat": false, "**fett**": false, "a_b": false, "[Link](x)": false,
		"x@landkreis.de": false, "www.landkreis.de": false, "https://x.de": false, "a &amp; b": false,
		"zwei\nZeilen": false, "Ende ": false, "a\\b": false, "a <b>": false, "Text\u00a0": false,
	} {
		if _, ok := parsePlain(src); ok != plain {
			t.Errorf("parsePlain(%q): %v, want %v", src, ok, plain)
		}
	}
}
