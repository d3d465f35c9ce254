package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/landkreis/konzept/beispiel"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func TestJSONSchemaIsDeterministicJSON(t *testing.T) {
	a, b := JSONSchema(), JSONSchema()
	if !json.Valid(a) {
		t.Fatal("JSONSchema() is not valid JSON")
	}
	if !bytes.Equal(a, b) {
		t.Error("two calls of JSONSchema() differ")
	}
	a[0] = 'x' // callers get their own copy
	if JSONSchema()[0] != '{' {
		t.Error("JSONSchema() returns shared bytes")
	}
}

// TestJSONSchemaHasEveryKey walks the Go types and the schema side by side:
// every yaml key of every schema type is a property, and no others are allowed.
func TestJSONSchemaHasEveryKey(t *testing.T) {
	var walk func(t *testing.T, typ reflect.Type, node map[string]any, path string)
	walk = func(t *testing.T, typ reflect.Type, node map[string]any, path string) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			if typ.Kind() == reflect.Slice {
				items, ok := node["items"].(map[string]any)
				if !ok {
					t.Fatalf("%s: list without items", path)
				}
				node = items
			}
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ == datumType || typ == zeitpunktType {
			return
		}
		props, _ := node["properties"].(map[string]any)
		if node["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties = %v, want false", path, node["additionalProperties"])
		}
		var keys []string
		for i := range typ.NumField() {
			f := typ.Field(i)
			key := yamlName(f)
			if key == "" || key == "-" {
				continue
			}
			keys = append(keys, key)
			child, ok := props[key].(map[string]any)
			if !ok {
				t.Errorf("%s: key %q missing in the schema", path, joinPath(path, key))
				continue
			}
			walk(t, f.Type, child, joinPath(path, key))
		}
		if len(props) != len(keys) {
			t.Errorf("%s: schema has %d properties, type %s has %d keys", path, len(props), typ.Name(), len(keys))
		}
	}
	walk(t, reflect.TypeFor[Konzept](), decodeSchema(t), "")
}

func TestJSONSchemaRules(t *testing.T) {
	tests := []struct {
		name string
		path string // properties along the way; lists are entered through items
		key  string
		want any
	}{
		{"root required", "", "required", []any{"konzept", "leitbild", "handlungsfelder"}},
		{"meta required", "konzept", "required", []any{"titel", "traeger", "fassung", "stand"}},
		{"massnahme required", "handlungsfelder.ziele.massnahmen", "required", []any{"id", "titel", "federfuehrung"}},
		{"list min 1", "handlungsfelder", "minItems", 1.0},
		{"grundsaetze min 1", "leitbild.grundsaetze", "minItems", 1.0},
		{"status enum", "handlungsfelder.ziele.massnahmen.status", "enum",
			[]any{"geplant", "in-umsetzung", "umgesetzt", "dauerhaft", "zurueckgestellt", "entfallen"}},
		{"art enum", "akteure.art", "enum", []any{"verwaltung", "gremium", "arbeitskreis", "bildung", "wirtschaft",
			"freier-traeger", "ehrenamt", "migrantenorganisation", "extern"}},
		{"sprache enum", "konzept.sprache", "enum", []any{"de", "en"}},
		{"id pattern", "akteure.id", "pattern", `^[a-z0-9-]+$`},
		{"email", "konzept.herausgeber.email", "format", "email"},
		{"kosten", "handlungsfelder.ziele.massnahmen.kosten", "minimum", 0.0},
		{"kosten type", "handlungsfelder.ziele.massnahmen.kosten", "type", "number"},
		{"year as integer", "handlungsfelder.ziele.massnahmen.beginn", "type", []any{"string", "integer"}},
		{"single text for a list", "handlungsfelder.ziele.massnahmen.partner", "type", []any{"array", "string", "number"}},
		{"datum", "konzept.stand", "pattern", `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`},
		{"mindestgruppe", "befragungen.mindestgruppe", "minimum", 1.0},
		{"beschriftung keys", "befragungen.fragen.skala.beschriftung", "propertyNames", map[string]any{"pattern": `^-?[0-9]+$`}},
		{"abkuerzungen", "abkuerzungen", "additionalProperties", map[string]any{"type": []any{"string", "number"}}},
		{"description", "handlungsfelder.ziele.massnahmen.federfuehrung", "description", descriptions["handlungsfelder.ziele.massnahmen.federfuehrung"]},
	}
	root := decodeSchema(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			node := root
			if tt.path != "" {
				for key := range strings.SplitSeq(tt.path, ".") {
					if items, ok := node["items"].(map[string]any); ok {
						node = items
					}
					node = node["properties"].(map[string]any)[key].(map[string]any)
				}
			}
			if _, ok := node[tt.key]; !ok && node["items"] != nil {
				node = node["items"].(map[string]any) // a rule of the list's elements
			}
			if got := node[tt.key]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: %s = %#v, want %#v", tt.path, tt.key, got, tt.want)
			}
		})
	}
}

// TestDescriptionPaths catches a typo in a key path of the descriptions.
func TestDescriptionPaths(t *testing.T) {
	schema := string(JSONSchema())
	for path, d := range descriptions {
		if !strings.Contains(schema, `"description": `+quote(d)) {
			t.Errorf("description of %q is not in the schema: no such key path", path)
		}
	}
}

func TestJSONSchemaValidatesExample(t *testing.T) {
	src, err := fs.ReadFile(beispiel.FS(), "konzept.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := compileSchema(t).Validate(yamlInstance(t, string(src))); err != nil {
		t.Errorf("the example konzept.yaml does not conform to the schema:\n%v", err)
	}
}

// TestJSONSchemaAcceptsWhatTheReaderAccepts checks documents against the schema:
// what konzept reads without complaint, the schema accepts; typical mistakes it rejects.
func TestJSONSchemaAcceptsWhatTheReaderAccepts(t *testing.T) {
	tests := []struct {
		name  string
		yaml  string // replaces the measure `{id: SP-1.1, …}` of the minimal concept, or the whole if it has `konzept:`
		valid bool
	}{
		{"minimal", `{id: SP-1.1, titel: Kurs, federfuehrung: kmt}`, true},
		{"all period forms", `{id: SP-1.1, titel: T, federfuehrung: kmt, beginn: 2025-Q3, ende: 2026-12-31}`, true},
		{"unquoted year", `{id: SP-1.1, titel: T, federfuehrung: kmt, beginn: 2025, ende: 2026}`, true},
		{"fortlaufend", `{id: SP-1.1, titel: T, federfuehrung: kmt, beginn: 2025-01, ende: fortlaufend}`, true},
		{"number as id", `{id: 1.1, titel: T, federfuehrung: kmt}`, true},
		{"single partner", `{id: SP-1.1, titel: T, federfuehrung: kmt, partner: vhs}`, true},
		{"kosten", `{id: SP-1.1, titel: T, federfuehrung: kmt, kosten: 12000.50}`, true},
		{"unknown key", `{id: SP-1.1, titel: T, federfuehrung: kmt, massnahme: x}`, false},
		{"bad status", `{id: SP-1.1, titel: T, federfuehrung: kmt, status: laufend}`, false},
		{"missing federfuehrung", `{id: SP-1.1, titel: T}`, false},
		{"negative kosten", `{id: SP-1.1, titel: T, federfuehrung: kmt, kosten: -5}`, false},
		{"fortlaufend beginn", `{id: SP-1.1, titel: T, federfuehrung: kmt, beginn: fortlaufend}`, false},
		{"bad period", `{id: SP-1.1, titel: T, federfuehrung: kmt, beginn: 2025-13}`, false},
		{"space in number", `{id: SP 1.1, titel: T, federfuehrung: kmt}`, false},
		{"scale labels", minimal + `
befragungen:
  - id: b
    titel: Befragung
    antworten: a.csv
    fragen:
      - id: f1
        text: Wie willkommen fühlen Sie sich?
        typ: skala
        skala: {min: 1, max: 5, beschriftung: {1: gar nicht, 5: sehr}}
`, true},
		{"beratung ja", minimal + `
beschluss:
  vorlage: 2025/1
  betreff: B
  beschlussvorschlag: V
  beratungsfolge: [{gremium: Kreistag, datum: 2025-09-30, zustaendigkeit: Entscheidung, oeffentlich: ja}]
`, true},
		{"empty beratungsfolge", minimal + `
beschluss: {vorlage: 2025/1, betreff: B, beschlussvorschlag: V, beratungsfolge: []}
`, false},
		{"bad date", strings.Replace(minimal, "2025-09-01", "01.09.2025", 1), false},
		{"abkuerzungen", minimal + "abkuerzungen: {BAMF: Bundesamt für Migration und Flüchtlinge, SGB II: 2}\n", true},
		{"farbe", strings.Replace(minimal, "stand: 2025-09-01", "stand: 2025-09-01\n  farbe: \"#005a9c\"", 1), true},
		{"bad farbe", strings.Replace(minimal, "stand: 2025-09-01", "stand: 2025-09-01\n  farbe: blau", 1), false},
		{"bad id", strings.Replace(minimal, "id: sprache", "id: Sprache", 1), false},
		{"no handlungsfelder", minimal[:strings.Index(minimal, "handlungsfelder:")], false},
	}
	sch := compileSchema(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.yaml
			if !strings.Contains(doc, "konzept:") {
				doc = strings.Replace(minimal, "{id: SP-1.1, titel: Kurs, federfuehrung: kmt}", doc, 1)
			}
			err := sch.Validate(yamlInstance(t, doc))
			if tt.valid && err != nil {
				t.Errorf("schema rejects a valid document:\n%v", err)
			}
			if !tt.valid && err == nil {
				t.Error("schema accepts an invalid document")
			}
		})
	}
}

const minimal = `konzept:
  titel: Integrationskonzept
  traeger: Landkreis Musterland
  fassung: Fortschreibung 2025
  stand: 2025-09-01
leitbild:
  grundsaetze: [{titel: Teilhabe}]
akteure: [{id: kmt, name: Koordinierungsstelle, art: verwaltung}]
handlungsfelder:
  - id: sprache
    titel: Sprache
    ziele:
      - id: SP-1
        titel: Kurse sind erreichbar.
        massnahmen:
          - {id: SP-1.1, titel: Kurs, federfuehrung: kmt}
`

func decodeSchema(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(JSONSchema(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("konzept.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("konzept.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// yamlInstance reads YAML as an editor's YAML extension sees it (YAML 1.2):
// unquoted dates are strings, numbers and booleans keep their type, and the
// keys of mappings are strings.
func yamlInstance(t *testing.T, src string) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(nodeValue(doc.Content[0]))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func nodeValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return nodeValue(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = nodeValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, item := range n.Content {
			l[i] = nodeValue(item)
		}
		return l
	}
	switch n.Tag {
	case "!!int", "!!float":
		return json.Number(n.Value)
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
