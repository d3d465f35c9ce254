package sources

import (
	"bytes"
	"regexp"

	"github.com/landkreis/konzept/internal/par"
	"go.yaml.in/yaml/v3"
)

// minPart is the least size of a part that parseYAML parses by itself: a
// concept at ten times Emsland scale has a konzept.yaml of 370 kB.
const minPart = 16 << 10

// parseYAML parses src into a tree of nodes, as yaml.Unmarshal does. A
// large file is parsed in parts, on all cores: it is cut before top-level
// keys, and between the items of a top-level list, where lines start at the
// column of the list's `-`. The trees of the parts are then joined and their
// lines renumbered. If a part cannot be parsed by itself (an alias of an
// anchor in another part, a quoted text or a `[…]` list across the cut, a
// line the cutting does not understand), the file is parsed whole, so that
// the tree, and an error, are always those of the whole file.
func parseYAML(src []byte) (*yaml.Node, error) {
	if doc := parseParts(src, cutYAML(src, minPart)); doc != nil {
		return doc, nil
	}
	var doc yaml.Node
	err := yaml.Unmarshal(src, &doc)
	return &doc, err
}

// A part is src[start:end] of a YAML file, starting on line. It starts the
// file, or a top-level key, or (items) the next item of the top-level list
// the part before ends in.
type part struct {
	start, end, line int
	items            bool
}

var (
	// reTopKey is a line that starts a top-level key, and reListKey one
	// whose value follows as a block list on the lines below.
	reTopKey  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*:(?:[ \t]|$)`)
	reListKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*:[ \t]*$`)
	// reDrift is a tag or anchor followed by a comment: the parser keeps
	// such a comment for the next key, which may be in the next part.
	reDrift = regexp.MustCompile(`(?:^|[ \t])[&!][^ \t]*[ \t]+#`)
	// lineBreaks are what YAML 1.1 counts as line breaks besides "\n": NEL,
	// LS and PS (a "\r" not before "\n" is looked for by itself).
	lineBreaks = []string{"\u0085", "\u2028", "\u2029"}
)

// cutYAML returns the parts of src, each of at least min bytes but the last,
// or nil if src is too small to be cut, or has something cutYAML does not
// handle: a line at the left margin that is neither a key, a comment nor a
// list item, directives and document markers, line breaks other than "\n"
// and "\r\n", or a comment after a tag or anchor before a cut.
func cutYAML(src []byte, min int) []part {
	if len(src) < 2*min || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) {
		return nil
	}
	for _, b := range lineBreaks {
		if bytes.Contains(src, []byte(b)) {
			return nil
		}
	}
	parts := []part{{line: 1}}
	// indent is the column of the `-` of the items of the list being read,
	// -1 after a key line that may start one, -2 outside lists.
	indent := -2
	keys := 0
	drift := false // a comment may be on its way to a later key
	for off, line := 0, 1; off < len(src); line++ {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		l := bytes.TrimSuffix(bytes.TrimSuffix(src[off:end], []byte("\n")), []byte("\r"))
		if off == 0 {
			l = bytes.TrimPrefix(l, []byte("\ufeff"))
		}
		if bytes.IndexByte(l, '\r') >= 0 {
			return nil
		}
		text := bytes.TrimLeft(l, " ")
		n := len(l) - len(text)
		cut, items := false, false
		switch {
		case len(text) == 0 || text[0] == '#':
		case n == 0 && reTopKey.Match(l):
			cut = keys > 0 // the first part holds the first key
			keys++
			indent = -2
			if reListKey.Match(l) {
				indent = -1
			}
		case keys == 0:
			return nil // the file does not start with a top-level key
		case isItem(text) && (indent == -1 || n == indent):
			cut, items = indent >= 0, true // not before the first item
			indent = n
		case n == 0 || n < indent:
			return nil
		case indent == -1:
			indent = -2 // the key's value is not a list
		}
		if cut && drift {
			return nil
		}
		drift = drift || bytes.IndexByte(text, '#') >= 0 && reDrift.Match(text)
		// A part of items ends before the next key: the parser would
		// stop at the key, as if the file ended there.
		if last := &parts[len(parts)-1]; cut && (off-last.start >= min || last.items && !items) {
			last.end = off
			if items {
				// The parser places an empty value at the next token,
				// here where the next item starts.
				last.end += n
			}
			parts = append(parts, part{start: off, line: line, items: items})
		}
		off = end
	}
	parts[len(parts)-1].end = len(src)
	if len(parts) == 1 {
		return nil
	}
	return parts
}

// isItem reports whether a line, without its indentation, starts a list item.
func isItem(text []byte) bool {
	return text[0] == '-' && (len(text) == 1 || text[1] == ' ')
}

// maxPartDepth bounds how deep the tree of a part may be. The parser
// refuses a file nested more than 10,000 levels deep; a part is one level
// less deep than in its file, so one near that depth is parsed whole.
const maxPartDepth = 5000

// parseParts parses the parts of src in parallel and joins them into the
// tree of the whole file; it returns nil if there are no parts or one of
// them cannot be parsed by itself.
func parseParts(src []byte, parts []part) *yaml.Node {
	if parts == nil {
		return nil
	}
	docs := make([]*yaml.Node, len(parts))
	par.Do(len(parts), func(i int) {
		p := parts[i]
		var doc yaml.Node
		if yaml.Unmarshal(src[p.start:p.end], &doc) != nil || len(doc.Content) != 1 {
			return
		}
		want := yaml.MappingNode
		if p.items {
			want = yaml.SequenceNode
		}
		if n := doc.Content[0]; n.Kind == want && n.Style == 0 && renumber(n, p.line-1, 0) {
			docs[i] = &doc
		}
	})
	for _, d := range docs {
		if d == nil {
			return nil
		}
	}
	root := docs[0].Content[0]
	for i, d := range docs[1:] {
		n := d.Content[0]
		if !parts[i+1].items {
			root.Content = append(root.Content, n.Content...)
			continue
		}
		list := root.Content[len(root.Content)-1]
		if list.Kind != yaml.SequenceNode || list.Style != 0 {
			return nil
		}
		list.Content = append(list.Content, n.Content...)
	}
	return docs[0]
}

// renumber adds lines to the line of n and of every node below it, and
// reports whether the tree is no deeper than maxPartDepth.
func renumber(n *yaml.Node, lines, depth int) bool {
	if depth > maxPartDepth {
		return false
	}
	n.Line += lines
	for _, c := range n.Content {
		if !renumber(c, lines, depth+1) {
			return false
		}
	}
	return true
}
