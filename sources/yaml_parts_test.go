package sources

import (
	"fmt"
	"strings"
	"testing"

	"github.com/landkreis/konzept/internal/gen"
	"go.yaml.in/yaml/v3"
)

// wholeAndParts parses src whole and, cut with parts of at least min
// bytes, in parts. It fails if the parts give a tree that differs from the
// whole file's, or a tree where the whole file has an error, and reports
// whether src was parsed in parts.
func wholeAndParts(t *testing.T, src []byte, min int) bool {
	t.Helper()
	var whole yaml.Node
	err := yaml.Unmarshal(src, &whole)
	doc := parseParts(src, cutYAML(src, min))
	switch {
	case doc == nil:
		return false
	case err != nil:
		t.Fatalf("parsed in parts, but the whole file has an error: %v", err)
	}
	var a, b strings.Builder
	dumpNode(&a, &whole, 0)
	dumpNode(&b, doc, 0)
	if a.String() != b.String() {
		t.Fatalf("parsed in parts:\n%s\nparsed whole:\n%s", b.String(), a.String())
	}
	return true
}

// dumpNode writes what the decoder reads of the tree of n: kind, style,
// tag, anchor, value, position, where an alias points, and the line comment
// of a key (see valueInComment). Other comments are not read, and where the
// parser puts them depends on where a file is cut.
func dumpNode(b *strings.Builder, n *yaml.Node, depth int) {
	fmt.Fprintf(b, "%*s%d %d %s &%s %q %d:%d", depth, "", n.Kind, n.Style, n.Tag, n.Anchor, n.Value, n.Line, n.Column)
	if n.Alias != nil {
		fmt.Fprintf(b, " -> %d:%d", n.Alias.Line, n.Alias.Column)
	}
	b.WriteByte('\n')
	for i, c := range n.Content {
		dumpNode(b, c, depth+1)
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			fmt.Fprintf(b, "%*s#%q\n", depth+1, "", c.LineComment)
		}
	}
}

func TestParseYAMLParts(t *testing.T) {
	files, err := gen.Files(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		src   string
		min   int
		parts bool // parsed in parts, not whole
	}{
		{"example", string(beispielDatei(t, "konzept.yaml")), 1, true},
		{"Emsland", string(files[KonzeptDatei]), minPart, true},
		{"small file", "a: 1\nl:\n  - 1\n  - 2\n", minPart, false},
		{"list at the margin", "a: 1\nl:\n- x: 1\n  y: [2]\n- x: 3\n# c\n-\n- z\nb: 2\n", 1, true},
		{"list in a list", "l:\n  - - a\n    - b\n  - - c\n", 1, true},
		{"anchor in another part", "a: &x 1\nb: *x\n", 1, false},
		{"anchor in the same item", "l:\n  - {a: &x 1, b: *x}\n  - 2\n", 1, true},
		{"quoted across a cut", "a: \"x\nb: y\"\n", 1, false},
		{"flow list across a cut", "l: [a,\n  - b]\n", 1, false},
		{"text after the list key", "l: &a\n  - 1\n  - 2\n", 1, false},
		{"key after a short list", "l:\n  - 1\n  - 2\nb: 1\n", 3, true},
		{"mapping after a list key", "m:\n  a: 1\n  l:\n  - 1\n  - 2\n", 1, false},
		{"kept block scalar", "a: |+\n  x\n\n\nb: 1\nl:\n  - |+\n    y\n\n  - 2\n", 1, true},
		{"comment as value", "farbe: #005A9C\nleitbild: x\nl:\n  - a: #x\n  - b\n", 1, true},
		{"carriage returns", "a: 1\r\nb:\r\n  - 1\r\n  - 2\r\n", 1, true},
		{"lone carriage return", "a: 1\rb: 2\n", 1, false},
		{"line separator", "a: 1\u2028b: 2\n", 1, false},
		{"document marker", "a: 1\n---\nb: 2\n", 1, false},
		{"top-level list", "- a\n- b\n", 1, false},
		{"byte order mark", "\ufeffa: 1\nb: 2\n", 1, true},
		{"too little indentation", "l:\n    - a\n  - b\n", 1, false},
		{"comment after a tag", "a: ! #c\nb:\n", 1, false},
		{"comment after an anchor", "l:\n  - &x #c\n  - b:\n", 1, false},
		{"empty value before an item", "l:\n  - ? a\n  - y\n", 1, true},
		{"empty value in an item", "l:\n  - a:\n      ? b\n  - y\n", 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := wholeAndParts(t, []byte(tt.src), tt.min); got != tt.parts {
				t.Errorf("parsed in parts: %v, want %v", got, tt.parts)
			}
		})
	}
}
