package schema

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// codeConstants returns the values of every constant of type Code declared in
// the package, read from its source, so that a new code cannot miss the catalog.
func codeConstants(t *testing.T) map[string]Code {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	codes := make(map[string]Code)
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
					continue
				}
				for i, n := range vs.Names {
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok {
						t.Fatalf("%s: Code constant without a literal value", n.Name)
					}
					v, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					codes[n.Name] = Code(v)
				}
			}
		}
	}
	if len(codes) < 20 {
		t.Fatalf("found only %d Code constants; is the parsing broken?", len(codes))
	}
	return codes
}

var verb = regexp.MustCompile(`%[a-z]`)

func TestCatalogComplete(t *testing.T) {
	codes := codeConstants(t)
	values := make(map[Code]string)
	for name, c := range codes {
		if other, dup := values[c]; dup {
			t.Errorf("%s and %s share the code %q", name, other, c)
		}
		values[c] = name
		if _, ok := catalog[c]; !ok {
			t.Errorf("%s (%q) has no message in the catalog", name, c)
		}
		if !regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`).MatchString(string(c)) {
			t.Errorf("%s: code %q is not lower-case-with-dashes", name, c)
		}
	}
	for c, msgs := range catalog {
		if _, ok := values[c]; !ok {
			t.Errorf("catalog entry %q has no Code constant", c)
		}
		de, en := msgs[0], msgs[1]
		if de == "" || en == "" {
			t.Errorf("%s: German %q, English %q: both are needed", c, de, en)
			continue
		}
		if de == en {
			t.Errorf("%s: English text is the German one: %q", c, de)
		}
		if vd, ve := verb.FindAllString(de, -1), verb.FindAllString(en, -1); !slices.Equal(vd, ve) {
			t.Errorf("%s: German verbs %v, English verbs %v", c, vd, ve)
		}
	}
}

// goInternals matches what a user must never see in a message.
var goInternals = regexp.MustCompile(`\[\]|\*?schema\.|map\[|struct|interface|%!|<nil>|%v`)

func TestCatalogMessagesReadable(t *testing.T) {
	for c, msgs := range catalog {
		for i, lang := range []string{"de", "en"} {
			if goInternals.MatchString(msgs[i]) {
				t.Errorf("%s (%s) shows Go internals: %q", c, lang, msgs[i])
			}
			// Fill every verb with an argument of a kind the readers pass.
			var args []any
			for _, v := range verb.FindAllString(msgs[i], -1) {
				switch v {
				case "%d":
					args = append(args, 7)
				default:
					args = append(args, T{De: "wert", En: "value"})
				}
			}
			got := c.format(lang, args)
			if goInternals.MatchString(got) || strings.Contains(got, "{wert value}") {
				t.Errorf("%s (%s) formats as %q", c, lang, got)
			}
		}
	}
}

func TestFormatArguments(t *testing.T) {
	tests := []struct {
		lang string
		args []any
		want string
	}{
		{"de", []any{"x", "status", []string{"geplant", "umgesetzt"}}, "ungültiger Wert „x“ für `status` – erlaubt: geplant, umgesetzt"},
		{"en", []any{"x", "status", []string{"geplant", "umgesetzt"}}, "invalid value “x” for `status` – allowed: geplant, umgesetzt"},
	}
	for _, tt := range tests {
		if got := CodeEnum.format(tt.lang, tt.args); got != tt.want {
			t.Errorf("format(%s) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	if got, want := CodeDuplicate.format("en", []any{KindZiel, "SP-1", Pos{File: "konzept.yaml", Line: 3, Column: 9}}), "goal number `SP-1` is already defined at konzept.yaml:3:9"; got != want {
		t.Errorf("format = %q, want %q", got, want)
	}
	if got := Code("no-such-code").format("de", nil); got != "no-such-code" {
		t.Errorf("unknown code formats as %q", got)
	}
}
