package sources

import (
	"encoding"
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/landkreis/konzept/schema"
	"go.yaml.in/yaml/v3"
)

// decodeYAML parses src (the contents of file) into out, a pointer to a schema
// document, recording the position of every element and key. It reports every
// syntax error, unknown key and wrongly typed value it finds.
func decodeYAML(file string, src []byte, out schema.Located) schema.Problems {
	d := &decoder{file: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return schema.Problems{d.syntaxError(err)}
	}
	if len(doc.Content) == 0 {
		return schema.Problems{schema.Errorf(schema.Pos{File: file}, schema.CodeEmpty)}
	}
	d.decode(doc.Content[0], reflect.ValueOf(out).Elem(), "")
	return d.problems
}

var syntaxLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

func (d *decoder) syntaxError(err error) *schema.Problem {
	pos := schema.Pos{File: d.file}
	msg := err.Error()
	if m := syntaxLine.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return schema.Errorf(pos, schema.CodeSyntax, msg)
}

type decoder struct {
	file     string
	problems schema.Problems
}

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
	return schema.T{De: "„" + n.Value + "“", En: "“" + n.Value + "”"}
}

func (d *decoder) typeError(n *yaml.Node, key string, want schema.T) {
	d.problems.Add(schema.Errorf(d.pos(n), schema.CodeType, key, want, found(n)))
}

// decode stores node n into v; key is the YAML key n is the value of, for messages.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // `key:` with no value leaves the zero value
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
			d.problems.Add(schema.Errorf(d.pos(n), ve.Code, n.Value, key))
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
		v.SetString(s)
		return
	case reflect.Int:
		if i, err := strconv.Atoi(s); err == nil {
			v.SetInt(int64(i))
			return
		}
	case reflect.Float64:
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			v.SetFloat(f)
			if thousands.MatchString(s) {
				d.problems.Add(schema.Warnf(d.pos(n), schema.CodeThousands, key, s, strings.ReplaceAll(s, ".", "")))
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
		d.decode(item, s.Index(i), key)
	}
	v.Set(s)
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.MappingNode {
		d.typeError(n, key, kindMapping)
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
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
	if n.Kind != yaml.MappingNode {
		d.typeError(n, key, kindMapping)
		return
	}
	origin := schema.OriginOf(v.Addr().Interface().(schema.Located))
	origin.Pos = d.pos(n)
	fields, names := yamlFields(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		idx, ok := fields[k.Value]
		if !ok {
			hint := schema.Nearest(k.Value, names)
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
		d.decode(val, v.Field(idx), k.Value)
	}
}

// yamlFields maps the yaml keys of struct type t to field indexes.
func yamlFields(t reflect.Type) (map[string]int, []string) {
	fields := make(map[string]int)
	var names []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fields[name] = i
		names = append(names, name)
	}
	return fields, names
}
