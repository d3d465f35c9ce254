package sources

import (
	"bytes"
	"encoding"
	"errors"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/landkreis/konzept/schema"
	"go.yaml.in/yaml/v3"
)

// decodeYAML parses src (the contents of file) into out, a pointer to a schema
// document, recording the position of every element and key. It reports every
// syntax error, unknown key and wrongly typed value it finds.
//
// If the file cannot be decoded at all (not UTF-8, a syntax error, empty), the
// one problem reported is placed where out starts, so that the checks of
// package schema do not also report every required key as missing.
func decodeYAML(file string, src []byte, out schema.Located) schema.Problems {
	d := &decoder{file: file}
	root := schema.OriginOf(out)
	fail := func(p *schema.Problem) schema.Problems {
		root.Pos = p.Pos
		return schema.Problems{p}
	}
	if p := encodingError(file, src); p != nil {
		return fail(p)
	}
	if yamlEintraege(src) > maxYAMLEintraege {
		return fail(schema.Errorf(schema.Pos{File: file}, schema.CodeTooComplex, schema.Anzahl(maxYAMLEintraege)))
	}
	doc, err := parseYAML(src)
	if err != nil {
		return fail(d.syntaxError(err, src))
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return fail(schema.Errorf(schema.Pos{File: file}, schema.CodeEmpty))
	}
	n := doc.Content[0]
	if n.Kind != yaml.MappingNode {
		return fail(schema.Errorf(d.pos(n), schema.CodeTopLevel, found(n)))
	}
	d.decode(n, reflect.ValueOf(out).Elem(), "")
	return d.problems
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// encodingError reports a file that is not UTF-8, typically one saved as
// Windows-1252 ("ANSI") by an editor, at the first byte that is not UTF-8,
// and a control character that YAML does not allow (a NUL byte, as in a
// binary file or UTF-16 without byte order mark) where it is.
func encodingError(file string, src []byte) *schema.Problem {
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) {
		return nil // UTF-16 with a byte order mark is read by the YAML parser
	}
	if utf8.Valid(src) {
		return controlError(file, src)
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return schema.Errorf(schema.Pos{File: file, Line: line, Column: col}, schema.CodeEncoding)
}

// controlError reports the first character of src, valid UTF-8, that the
// YAML parser refuses as a control character, with its line and column.
func controlError(file string, src []byte) *schema.Problem {
	i := 0
	for i < len(src) {
		r, size := rune(src[i]), 1 // most of a file is ASCII
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(src[i:])
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r < 0xa0 && r != 0x85 || r == 0xfffe || r == 0xffff {
			break
		}
		i += size
	}
	if i == len(src) {
		return nil
	}
	line := 1 + bytes.Count(src[:i], []byte("\n"))
	col := 1 + utf8.RuneCount(src[bytes.LastIndexByte(src[:i], '\n')+1:i])
	r, _ := utf8.DecodeRune(src[i:])
	return schema.Errorf(schema.Pos{File: file, Line: line, Column: col}, schema.CodeControlInFile, schema.Zeichen(r))
}

var syntaxLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// syntaxErrors translates the messages of the YAML parser that people meet
// most, with what usually causes them. parserError marks those whose line
// number the parser gives one too low (it counts lines from 0 for them).
var syntaxErrors = map[string]struct {
	de          string
	parserError bool
}{
	"mapping values are not allowed in this context":               {"Doppelpunkt an unerwarteter Stelle – enthält ein Text „: “, setzen Sie ihn in Anführungszeichen; sonst die Einrückung prüfen", false},
	"found character that cannot start any token":                  {"ein Zeichen, mit dem kein Wert beginnen kann (etwa ein Tabulator, @ oder `) – zum Einrücken nur Leerzeichen verwenden, Texte, die mit @ oder ` beginnen, in Anführungszeichen setzen", false},
	"found a tab character that violates indentation":              {"Tabulator in der Einrückung – bitte nur Leerzeichen verwenden", false},
	"found a tab character where an indentation space is expected": {"Tabulator in der Einrückung – bitte nur Leerzeichen verwenden", false},
	"found unexpected end of stream":                               {"die Datei endet mitten in einem Wert – ist ein Anführungszeichen nicht geschlossen?", false},
	"found unknown escape character":                               {"unbekannte Zeichenfolge mit `\\` in einem Text in doppelten Anführungszeichen – einfache Anführungszeichen verwenden oder `\\\\` schreiben", false},
	"block sequence entries are not allowed in this context":       {"ein Listeneintrag `- ` steht, wo keiner erlaubt ist – Einrückung prüfen", false},
	"could not find expected ':'":                                  {"nach einem Schlüssel fehlt `:`", false},
	"did not find expected key":                                    {"die Einrückung stimmt nicht, oder ein Text in Anführungszeichen ist falsch geschlossen", true},
	"did not find expected '-' indicator":                          {"die Einrückung stimmt nicht: in einer Liste beginnt jeder Eintrag mit `- `", true},
	"did not find expected ',' or ']'":                             {"eine Liste in `[` … `]` ist nicht geschlossen, oder ein Eintrag darin enthält `,`, `:` oder `?` – solche Texte in Anführungszeichen setzen", true},
	"did not find expected ',' or '}'":                             {"eine Zuordnung in `{` … `}` ist nicht geschlossen, oder ein Wert darin enthält `,`, `:` oder `?` – solche Texte in Anführungszeichen setzen", true},
	"did not find expected node content":                           {"hier fehlt ein Wert", true},
	"did not find expected <document start>":                       {"unerwarteter Inhalt – Einrückung prüfen", true},
	"exceeded max depth of 10000":                                  {"Listen und Zuordnungen sind hier mehr als 10.000 Ebenen tief verschachtelt", false},
}

func (d *decoder) syntaxError(err error, src []byte) *schema.Problem {
	pos := schema.Pos{File: d.file}
	msg := err.Error()
	m := syntaxLine.FindStringSubmatch(msg)
	if m == nil {
		return schema.Errorf(pos, schema.CodeSyntax, schema.T{De: msg, En: msg})
	}
	pos.Line, _ = strconv.Atoi(m[1])
	msg = m[2]
	known, ok := syntaxErrors[msg]
	if !ok {
		return schema.Errorf(pos, schema.CodeSyntax, schema.T{De: msg, En: msg})
	}
	// The parser leaves out the line when it is the first, and counts from 0
	// for some errors; the result is kept within the lines the file has.
	if pos.Line == 0 || known.parserError {
		pos.Line++
	}
	pos.Line = min(pos.Line, max(1, lastLine(src)))
	switch {
	case strings.Contains(msg, "tab character"):
		// The parser names the line where the value before the tab began.
		pos.Line = tabLine(src, pos.Line)
	case strings.Contains(msg, "'-' indicator"):
		// The parser names the line where the list began.
		pos.Line = dashLine(src, pos.Line)
	}
	return schema.Errorf(pos, schema.CodeSyntax, schema.T{De: known.de, En: msg})
}

// tabLine returns the number of the first line from line on that is indented
// with a tab, or line if there is none.
func tabLine(src []byte, line int) int {
	for i, l := range bytes.Split(src, []byte("\n")) {
		indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
		if i+1 >= line && bytes.IndexByte(indent, '\t') >= 0 {
			return i + 1
		}
	}
	return line
}

// dashLine returns the number of the first line after the list item that
// starts on line and is indented like its `-` but does not start with one;
// if there is none it returns line.
func dashLine(src []byte, line int) int {
	lines := bytes.Split(src, []byte("\n"))
	if line < 1 || line > len(lines) {
		return line
	}
	first := bytes.TrimRight(lines[line-1], "\r")
	indent := len(first) - len(bytes.TrimLeft(first, " "))
	if !bytes.HasPrefix(first[indent:], []byte("-")) {
		return line
	}
	for i := line; i < len(lines); i++ {
		l := bytes.TrimRight(lines[i], "\r")
		text := bytes.TrimLeft(l, " ")
		switch n := len(l) - len(text); {
		case len(text) == 0 || text[0] == '#' || n > indent:
		case n < indent:
			return line
		case text[0] != '-':
			return i + 1
		}
	}
	return line
}

// lastLine returns the number of the last line of src that is not blank.
func lastLine(src []byte) int {
	n := 0
	for i, l := range bytes.Split(src, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			n = i + 1
		}
	}
	return n
}

type decoder struct {
	file     string
	problems schema.Problems
	nodes    int        // values decoded so far, aliases counted each time they are followed
	limit    schema.Pos // where maxNodes was reached
}

// maxNodes bounds the values one file may expand to: far above any real
// concept (ten times Emsland is some 30,000), far below what a file of nested
// aliases ("billion laughs") would make the reader build.
const maxNodes = 500_000

func (d *decoder) pos(n *yaml.Node) schema.Pos {
	return schema.Pos{File: d.file, Line: n.Line, Column: n.Column}
}

var (
	kindText    = schema.T{De: "einen Text", En: "a text"}
	kindInt     = schema.T{De: "eine ganze Zahl", En: "a whole number"}
	kindNumber  = schema.T{De: "eine Zahl", En: "a number"}
	kindBool    = schema.T{De: "true oder false", En: "true or false"}
	kindList    = schema.T{De: "eine Liste", En: "a list"}
	kindMapping = schema.T{De: "eine Zuordnung (Schlüssel: Wert)", En: "a mapping (key: value)"}

	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	// thousands matches numbers such as 12.000 that YAML reads as 12 but a German
	// writer meant as twelve thousand.
	thousands = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)
)

// found describes what node n holds, for a type error.
func found(n *yaml.Node) schema.T {
	switch n.Kind {
	case yaml.MappingNode:
		return kindMapping
	case yaml.SequenceNode:
		return kindList
	}
	v := kurz(n.Value)
	return schema.T{De: "„" + v + "“", En: "“" + v + "”"}
}

func (d *decoder) typeError(n *yaml.Node, key string, want schema.T) {
	code := schema.CodeType
	if strings.HasSuffix(key, "[]") {
		key, code = strings.TrimSuffix(key, "[]"), schema.CodeItemType
	}
	d.problems.Add(schema.Errorf(d.pos(n), code, key, want, found(n)))
}

// decode stores node n into v; key is the YAML key n is the value of, for
// messages, with "[]" appended for an item of a list.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, key string) {
	if d.nodes++; d.nodes > maxNodes {
		if d.nodes == maxNodes+1 {
			d.limit = d.pos(n)
			d.problems.Add(schema.Errorf(d.limit, schema.CodeSyntax, schema.T{
				De: "die Datei wird durch Alias-Verweise (*name) zu groß",
				En: "aliases (*name) make the file too large"}))
		}
		// An element left out is placed where the reading stopped, so that
		// the keys it lacks are not reported on top of this.
		if l, ok := v.Addr().Interface().(schema.Located); ok {
			schema.OriginOf(l).Pos = d.limit
		}
		return
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if isNull(n) {
		// `key:` with no value leaves the zero value; an empty list item
		// still gets its position, for the required keys it lacks.
		if l, ok := v.Addr().Interface().(schema.Located); ok {
			schema.OriginOf(l).Pos = d.pos(n)
		}
		return
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), key)
		return
	}
	if reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
		if n.Kind != yaml.ScalarNode {
			d.typeError(n, key, kindText)
			return
		}
		var ve *schema.ValueError
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); errors.As(err, &ve) {
			d.problems.Add(schema.Errorf(d.pos(n), ve.Code, n.Value, strings.TrimSuffix(key, "[]")).WithHint(ve.Hint))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, key)
	case reflect.Slice:
		d.decodeSlice(n, v, key)
	case reflect.Map:
		d.decodeMap(n, v, key)
	default:
		d.decodeScalar(n, v, key)
	}
}

func (d *decoder) decodeScalar(n *yaml.Node, v reflect.Value, key string) {
	var want schema.T
	switch v.Kind() {
	case reflect.String:
		want = kindText
	case reflect.Int:
		want = kindInt
	case reflect.Float64:
		want = kindNumber
	case reflect.Bool:
		want = kindBool
	default:
		panic("sources: cannot decode into " + v.Type().String())
	}
	if n.Kind != yaml.ScalarNode {
		d.typeError(n, key, want)
		return
	}
	s := strings.TrimSpace(n.Value)
	switch v.Kind() {
	case reflect.String:
		var ps schema.Problems
		s, ps = checkText(s, strings.TrimSuffix(key, "[]"), d.pos(n))
		d.problems.Add(ps...)
		v.SetString(s)
		return
	case reflect.Int:
		if i, err := strconv.Atoi(s); err == nil {
			v.SetInt(int64(i))
			return
		}
	case reflect.Float64:
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			v.SetFloat(f)
			if thousands.MatchString(s) {
				d.problems.Add(schema.Warnf(d.pos(n), schema.CodeThousands, strings.TrimSuffix(key, "[]"), s, strings.ReplaceAll(s, ".", "")))
			}
			return
		}
	case reflect.Bool:
		switch strings.ToLower(s) {
		case "true", "ja", "yes":
			v.SetBool(true)
			return
		case "false", "nein", "no":
			v.SetBool(false)
			return
		}
	}
	d.typeError(n, key, want)
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, key string) {
	items := n.Content
	switch {
	case n.Kind == yaml.ScalarNode && v.Type().Elem().Kind() == reflect.String:
		items = []*yaml.Node{n} // a single text where a list of texts is expected
	case n.Kind != yaml.SequenceNode:
		d.typeError(n, key, kindList)
		return
	}
	s := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		d.decode(item, s.Index(i), key+"[]")
	}
	v.Set(s)
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.MappingNode {
		d.typeError(n, key, kindMapping)
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	seen := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if d.duplicateKey(seen, n.Content[i]) {
			continue
		}
		k := reflect.New(v.Type().Key()).Elem()
		d.decode(n.Content[i], k, key)
		val := reflect.New(v.Type().Elem()).Elem()
		d.decode(n.Content[i+1], val, key)
		m.SetMapIndex(k, val)
	}
	v.Set(m)
}

// decodeStruct decodes a mapping into a schema element, checking every key.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, key string) {
	// The position is set first: if n is not a mapping, the keys the
	// element lacks are not reported on top of the type error.
	origin := schema.OriginOf(v.Addr().Interface().(schema.Located))
	origin.Pos = d.pos(n)
	if n.Kind != yaml.MappingNode {
		d.typeError(n, key, kindMapping)
		return
	}
	fs := yamlFields(v.Type())
	seen := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if d.duplicateKey(seen, k) {
			continue
		}
		idx, ok := fs.index[k.Value]
		if !ok {
			hint := schema.Nearest(k.Value, fs.names)
			if hint != "" {
				hint = "`" + hint + "`"
			}
			d.problems.Add(schema.Errorf(d.pos(k), schema.CodeUnknownKey, k.Value).WithHint(hint))
			continue
		}
		origin.SetField(k.Value, d.pos(val))
		if val.Kind == yaml.SequenceNode {
			for j, item := range val.Content {
				origin.SetField(k.Value+"["+strconv.Itoa(j)+"]", d.pos(item))
			}
		}
		d.valueInComment(k, val)
		d.decode(val, v.Field(idx), k.Value)
	}
}

// valueInComment warns about `farbe: #005A9C`: YAML reads everything from `#`
// as a comment, so the key is left empty. A comment that starts with a space
// (`titel: # später`) is taken as meant.
func (d *decoder) valueInComment(k, val *yaml.Node) {
	c := k.LineComment
	if !isNull(val) || len(c) < 2 || c[0] != '#' || c[1] == ' ' || c[1] == '#' || strings.ContainsAny(c, "\n") {
		return
	}
	pos := schema.Pos{File: d.file, Line: k.Line, Column: k.Column + utf8.RuneCountInString(k.Value) + 2}
	d.problems.Add(schema.Warnf(pos, schema.CodeHashComment, k.Value, c, k.Value, c))
}

// duplicateKey reports key k if it was already in the mapping (the YAML parser
// would silently keep the last value); seen holds the keys so far.
func (d *decoder) duplicateKey(seen map[string]*yaml.Node, k *yaml.Node) bool {
	if first, ok := seen[k.Value]; ok {
		d.problems.Add(schema.Errorf(d.pos(k), schema.CodeDuplicateKey, k.Value, first.Line))
		return true
	}
	seen[k.Value] = k
	return false
}

// structFields are the yaml keys of a struct type: the index of the field
// of each, and the keys in the order of the fields.
type structFields struct {
	index map[string]int
	names []string
}

// fieldsOf holds the structFields of each struct type decoded so far.
var fieldsOf sync.Map // reflect.Type -> *structFields

// yamlFields returns the yaml keys of struct type t.
func yamlFields(t reflect.Type) *structFields {
	if fs, ok := fieldsOf.Load(t); ok {
		return fs.(*structFields)
	}
	fs := &structFields{index: make(map[string]int)}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fs.index[name] = i
		fs.names = append(fs.names, name)
	}
	fieldsOf.Store(t, fs)
	return fs
}
