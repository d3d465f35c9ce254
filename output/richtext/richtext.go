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
	"unicode"
	"unicode/utf8"

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
//
// The text of the result is at most about twice as long as src: a link
// without text shows its target instead, but the targets of reference links
// (`[][ref]`), which can repeat one long definition any number of times, are
// shown only up to the length of src in all.
func Parse(src string) []Block {
	if b, ok := parsePlain(src); ok {
		return b
	}
	return parseMarkdown(src)
}

// parsePlain parses src that Markdown and Linkify give no meaning to,
// such as most descriptions of measures, without building a syntax tree:
// one line with no character that could start any of their syntax, at its
// start (a list, a heading, a quote …) or anywhere (emphasis, a link, an
// entity, a web or e-mail address …), is one paragraph of one span.
// FuzzParse checks that parseMarkdown agrees.
func parsePlain(src string) ([]Block, bool) {
	if src == "" || strings.ContainsAny(src[:1], " -+*#>=~`|0123456789") || src[len(src)-1] == ' ' ||
		strings.ContainsAny(src, "\\`*_[]<>!&@") || strings.Contains(src, "://") || strings.Contains(strings.ToLower(src), "www.") {
		return nil, false
	}
	for i, r := range src {
		if r < 0x20 || r == utf8.RuneError || (i == 0 || i+utf8.RuneLen(r) == len(src)) && unicode.IsSpace(r) {
			return nil, false
		}
	}
	return []Block{{Spans: []Span{{Text: src}}}}, true
}

// parseMarkdown parses src with goldmark.
func parseMarkdown(src string) []Block {
	c := &converter{source: []byte(src), dests: map[string]string{}, shown: len(src)}
	doc := md.Parse(text.NewReader(c.source))
	return c.blocks(doc)
}

// Plain returns the text of spans concatenated.
func Plain(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// converter turns the syntax tree of one source into blocks.
type converter struct {
	source []byte
	dests  map[string]string // link destinations, unescaped once and shared by their spans
	shown  int               // how much more text reference link targets may add
}

// blocks converts the block children of n.
func (c *converter) blocks(n ast.Node) []Block {
	var out []Block
	for n := n.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			out = appendPara(out, c.inlines(new(spanWriter), n, 0, "").done())
		case *ast.Heading:
			out = appendPara(out, c.inlines(new(spanWriter), n, Bold, "").done())
		case *ast.List:
			b := Block{List: Bullets}
			if n.IsOrdered() {
				b.List, b.Start = Numbers, n.Start
			}
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				b.Items = append(b.Items, Item{Blocks: c.blocks(it)})
			}
			out = append(out, b)
		case *ast.Blockquote:
			out = append(out, c.blocks(n)...)
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			// Literal lines, joined by hard line breaks.
			lines := n.Lines()
			var raw []byte
			for i := range lines.Len() {
				seg := lines.At(i)
				raw = append(raw, seg.Value(c.source)...)
			}
			if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
				raw = append(raw, h.ClosureLine.Value(c.source)...)
			}
			w := new(spanWriter)
			w.literal(string(bytes.TrimRight(raw, "\n")), 0, "")
			out = appendPara(out, w.done())
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

// inlines writes the spans of the inline children of n to w in style st,
// inside a link to link if that is not empty, and returns w.
func (c *converter) inlines(w *spanWriter, n ast.Node, st Style, link string) *spanWriter {
	source := c.source
	for n := n.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			v := n.Value(source)
			if n.IsRaw() {
				w.add(string(v), st, link)
			} else {
				w.add(unescape(v), st, link)
			}
			if n.HardLineBreak() {
				w.lineBreak()
			} else if n.SoftLineBreak() {
				w.add(" ", st, link)
			}
		case *ast.String:
			if n.IsCode() || n.IsRaw() {
				w.add(string(n.Value), st, link)
			} else {
				w.add(unescape(n.Value), st, link)
			}
		case *ast.CodeSpan:
			// Like HTML rendering: a line ending inside becomes a space.
			for t := n.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					v := string(t.Segment.Value(source))
					if s, ok := strings.CutSuffix(v, "\n"); ok {
						v = s + " "
					}
					w.add(v, st, link)
				}
			}
		case *ast.Emphasis:
			s := Italic
			if n.Level >= 2 {
				s = Bold
			}
			c.inlines(w, n, st|s, link)
		case *ast.Link:
			dest := c.dest(n.Destination)
			before := w.n
			c.inlines(w, n, st, dest)
			if w.n == before { // [](url): show the URL
				if n.Reference != nil {
					if len(dest) > c.shown {
						break
					}
					c.shown -= len(dest)
				}
				w.add(dest, st, dest)
			}
		case *ast.AutoLink:
			url := string(n.URL(source))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			w.add(string(n.Label(source)), st, url)
		case *ast.Image:
			c.inlines(w, n, st, link)
		case *ast.RawHTML:
			w.literal(string(n.Segments.Value(source)), st, link)
		default:
			c.inlines(w, n, st, link)
		}
	}
	return w
}

// dest returns a link destination unescaped. Every link to one reference
// definition gets the same string, not a copy of it.
func (c *converter) dest(d []byte) string {
	if s, ok := c.dests[string(d)]; ok {
		return s
	}
	s := unescape(d)
	c.dests[string(d)] = s
	return s
}

// spanWriter collects spans. Text added in the style and link of the last
// span is appended to it; the pieces of a span are joined once, when the
// next span starts, so that a long paragraph costs time in proportion to
// its length.
type spanWriter struct {
	spans []Span
	last  strings.Builder // the text of the last span so far, if it is not a line break
	n     int             // calls of add and lineBreak that added something
}

// add appends s in style st, merging it into the last span if that has the
// same style and link. Line break spans are never merged.
func (w *spanWriter) add(s string, st Style, link string) {
	if s == "" {
		return
	}
	w.n++
	if n := len(w.spans); n > 0 {
		if last := &w.spans[n-1]; last.Style == st && last.Link == link && last.Text != "\n" {
			w.last.WriteString(s)
			return
		}
	}
	w.flush()
	w.spans = append(w.spans, Span{Style: st, Link: link})
	w.last.WriteString(s)
}

// lineBreak appends a hard line break, a span of its own with Text "\n".
func (w *spanWriter) lineBreak() {
	w.n++
	w.flush()
	w.spans = append(w.spans, Span{Text: "\n"})
}

// literal appends s as is, except that line breaks become "\n" spans.
func (w *spanWriter) literal(s string, st Style, link string) {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			w.lineBreak()
		}
		w.add(line, st, link)
	}
}

// flush stores the text collected for the last span in it.
func (w *spanWriter) flush() {
	if n := len(w.spans); n > 0 && w.last.Len() > 0 {
		w.spans[n-1].Text = w.last.String()
		w.last = strings.Builder{}
	}
}

// done returns the spans written.
func (w *spanWriter) done() []Span {
	w.flush()
	return w.spans
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
