// Package richtext parses the Markdown subset accepted by the text fields of
// a concept into a small model for the PDF renderer: paragraphs of styled
// spans (bold, italic, links) and bullet or numbered lists, which may nest.
//
// Markdown outside the subset loses its form but not its text: headings
// become bold paragraphs, code becomes plain text, block quotes become their
// content, raw HTML is kept as literal text and images become their alt
// text. Text is taken over exactly as written; no typographic replacements
// are made.
package richtext

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Style is a set of font styles.
type Style uint8

// The styles, which may be combined.
const (
	Bold Style = 1 << iota
	Italic
)

// Span is a run of text in one style; Link is the target URL if the run is
// part of a link. A hard line break is a span of its own with Text "\n".
type Span struct {
	Text  string
	Style Style
	Link  string
}

// ListKind tells whether a block is a list, and which kind.
type ListKind uint8

// The kinds of block.
const (
	NoList  ListKind = iota // a paragraph
	Bullets                 // a bullet list
	Numbers                 // a numbered list, starting at Block.Start
)

// Block is a paragraph (List == NoList, Spans set) or a list (Items set;
// for Numbers, Start is the number of the first item).
type Block struct {
	List  ListKind
	Start int
	Spans []Span
	Items []Item
}

// Item is one list item: its blocks (paragraphs and nested lists).
type Item struct {
	Blocks []Block
}

// md is safe for concurrent use. Linkify turns bare URLs and e-mail
// addresses into links, in addition to CommonMark's <...> autolinks.
var md = goldmark.New(goldmark.WithExtensions(extension.Linkify)).Parser()

// Parse parses src. An empty or blank src gives nil.
func Parse(src string) []Block {
	source := []byte(src)
	doc := md.Parse(text.NewReader(source))
	return blocks(doc, source)
}

// Plain returns the text of spans concatenated.
func Plain(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// blocks converts the block children of n.
func blocks(n ast.Node, source []byte) []Block {
	var out []Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			out = appendPara(out, inlines(nil, c, source, 0, ""))
		case *ast.Heading:
			out = appendPara(out, inlines(nil, c, source, Bold, ""))
		case *ast.List:
			b := Block{List: Bullets}
			if c.IsOrdered() {
				b.List, b.Start = Numbers, c.Start
			}
			for it := c.FirstChild(); it != nil; it = it.NextSibling() {
				b.Items = append(b.Items, Item{Blocks: blocks(it, source)})
			}
			out = append(out, b)
		case *ast.Blockquote:
			out = append(out, blocks(c, source)...)
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			// Literal lines, joined by hard line breaks.
			lines := c.Lines()
			var raw []byte
			for i := range lines.Len() {
				seg := lines.At(i)
				raw = append(raw, seg.Value(source)...)
			}
			if h, ok := c.(*ast.HTMLBlock); ok && h.HasClosure() {
				raw = append(raw, h.ClosureLine.Value(source)...)
			}
			out = appendPara(out, literal(nil, string(bytes.TrimRight(raw, "\n")), 0, ""))
		}
		// Thematic breaks carry no text and are dropped; link reference
		// definitions do not appear in the tree.
	}
	return out
}

func appendPara(out []Block, spans []Span) []Block {
	if len(spans) == 0 {
		return out
	}
	return append(out, Block{Spans: spans})
}

// inlines appends the spans of the inline children of n in style st,
// inside a link to link if that is not empty.
func inlines(spans []Span, n ast.Node, source []byte, st Style, link string) []Span {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(source)
			if c.IsRaw() {
				spans = add(spans, string(v), st, link)
			} else {
				spans = add(spans, unescape(v), st, link)
			}
			if c.HardLineBreak() {
				spans = append(spans, Span{Text: "\n"})
			} else if c.SoftLineBreak() {
				spans = add(spans, " ", st, link)
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				spans = add(spans, string(c.Value), st, link)
			} else {
				spans = add(spans, unescape(c.Value), st, link)
			}
		case *ast.CodeSpan:
			// Like HTML rendering: a line ending inside becomes a space.
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					v := string(t.Segment.Value(source))
					if s, ok := strings.CutSuffix(v, "\n"); ok {
						v = s + " "
					}
					spans = add(spans, v, st, link)
				}
			}
		case *ast.Emphasis:
			s := Italic
			if c.Level >= 2 {
				s = Bold
			}
			spans = inlines(spans, c, source, st|s, link)
		case *ast.Link:
			dest := unescape(c.Destination)
			before := len(spans)
			spans = inlines(spans, c, source, st, dest)
			if len(spans) == before { // [](url): show the URL
				spans = add(spans, dest, st, dest)
			}
		case *ast.AutoLink:
			url := string(c.URL(source))
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			spans = add(spans, string(c.Label(source)), st, url)
		case *ast.Image:
			spans = inlines(spans, c, source, st, link)
		case *ast.RawHTML:
			spans = literal(spans, string(c.Segments.Value(source)), st, link)
		default:
			spans = inlines(spans, c, source, st, link)
		}
	}
	return spans
}

// literal appends s as is, except that line breaks become "\n" spans.
func literal(spans []Span, s string, st Style, link string) []Span {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			spans = append(spans, Span{Text: "\n"})
		}
		spans = add(spans, line, st, link)
	}
	return spans
}

// add appends a span, merging it into the last one if that has the same
// style and link. Line break spans are never merged.
func add(spans []Span, s string, st Style, link string) []Span {
	if s == "" {
		return spans
	}
	if n := len(spans); n > 0 {
		if last := &spans[n-1]; last.Style == st && last.Link == link && last.Text != "\n" {
			last.Text += s
			return spans
		}
	}
	return append(spans, Span{Text: s, Style: st, Link: link})
}

// unescape resolves backslash escapes and entity and numeric character
// references as CommonMark prescribes for text and link destinations.
func unescape(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			i++
			b.WriteByte(v[i])
			continue
		case c == '&':
			if end := bytes.IndexByte(v[i:], ';'); end > 0 {
				ref := v[i : i+end+1]
				if r := util.ResolveEntityNames(util.ResolveNumericReferences(ref)); !bytes.Equal(r, ref) {
					b.Write(r)
					i += end
					continue
				}
			}
		}
		b.WriteByte(v[i])
	}
	return b.String()
}
