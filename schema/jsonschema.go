package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// JSONSchema returns the JSON Schema (draft-07) of konzept.yaml. Editors use
// it for completion, hover help and checks while typing: VS Code's YAML
// extension reads it from the first line of konzept.yaml,
//
//	# yaml-language-server: $schema=konzept.schema.json
//
// The schema is derived from the Konzept type: yaml tags give the keys,
// validate tags the required keys, enumerations and patterns. It accepts
// what the reader accepts (an unquoted year as `beginn`, a single text where a
// list of texts is expected), but it is a guide, not the judge: references
// between ids and numbers unique across files are checked by konzept validate
// only. The output is the same on every call.
func JSONSchema() []byte { return bytes.Clone(jsonSchema()) }

var jsonSchema = sync.OnceValue(func() []byte {
	root := typeSchema(reflect.TypeFor[Konzept](), "")
	root.Schema = "http://json-schema.org/draft-07/schema#"
	root.Title = "konzept.yaml"
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err) // cannot happen: the schema is built from plain values
	}
	return append(b, '\n')
})

// jsonNode is one (sub)schema. The fields are in the order they are printed.
type jsonNode struct {
	Schema               string     `json:"$schema,omitempty"`
	Title                string     `json:"title,omitempty"`
	Description          string     `json:"description,omitempty"`
	Type                 any        `json:"type,omitempty"` // a type name or a list of them
	Format               string     `json:"format,omitempty"`
	Pattern              string     `json:"pattern,omitempty"`
	Enum                 []any      `json:"enum,omitempty"`
	Minimum              *float64   `json:"minimum,omitempty"`
	Maximum              *float64   `json:"maximum,omitempty"`
	MinItems             int        `json:"minItems,omitempty"`
	Items                *jsonNode  `json:"items,omitempty"`
	Properties           properties `json:"properties,omitempty"`
	Required             []string   `json:"required,omitempty"`
	PropertyNames        *jsonNode  `json:"propertyNames,omitempty"`
	AdditionalProperties any        `json:"additionalProperties,omitempty"` // false or a *jsonNode
}

// properties keeps the keys of an object in the order of the Go struct, which
// is the order of the SPEC and of the example.
type properties []property

type property struct {
	key    string
	schema *jsonNode
}

func (ps properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.key)
		v, err := json.Marshal(p.schema)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Patterns of the schema, in the regular-expression dialect of JSON Schema
// (ECMA 262, so no \p classes: a number must start with a letter or digit).
const (
	jsonIDPattern     = `^[a-z0-9-]+$`
	jsonNummerPattern = `^[^\s._/-][^\s]*$`
	jsonDatumPattern  = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	jsonJahr          = `(19|2[0-9])[0-9]{2}`
	jsonPeriode       = jsonJahr + `(-[Qq][1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?`
)

var (
	datumType     = reflect.TypeFor[Datum]()
	zeitpunktType = reflect.TypeFor[Zeitpunkt]()
	originType    = reflect.TypeFor[Origin]()

	// textTypes are the JSON types of a text: the reader takes any scalar as
	// text, so `fassung: 2025` or `id: 1.1` is a text, not a number.
	textTypes = []string{"string", "number"}
)

// typeSchema returns the schema of Go type t found at key path path
// ("handlungsfelder.ziele.massnahmen"), with the description for path.
func typeSchema(t reflect.Type, path string) *jsonNode {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var n *jsonNode
	switch {
	case t == datumType:
		n = &jsonNode{Type: "string", Format: "date", Pattern: jsonDatumPattern}
	case t == zeitpunktType:
		// An unquoted year is an integer in YAML; the reader takes it as a year.
		open := `|[Ff]ortlaufend`
		if strings.HasSuffix(path, "beginn") {
			open = "" // only `ende` may be fortlaufend
		}
		n = &jsonNode{Type: []string{"string", "integer"}, Pattern: "^(" + jsonPeriode + open + ")$",
			Minimum: num(1900), Maximum: num(2999)}
	case t.Kind() == reflect.Struct:
		n = structSchema(t, path)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		// The reader accepts a single text where a list of texts is expected.
		n = &jsonNode{Type: append([]string{"array"}, textTypes...), Items: &jsonNode{Type: textTypes}}
	case t.Kind() == reflect.Slice:
		n = &jsonNode{Type: "array", Items: typeSchema(t.Elem(), path)}
		n.Items.Description = "" // said once, on the list
	case t.Kind() == reflect.Map:
		n = &jsonNode{Type: "object", AdditionalProperties: typeSchema(t.Elem(), path+".*")}
		if t.Key().Kind() == reflect.Int {
			n.PropertyNames = &jsonNode{Pattern: `^-?[0-9]+$`}
		}
	case t.Kind() == reflect.String:
		n = &jsonNode{Type: textTypes}
	case t.Kind() == reflect.Int:
		n = &jsonNode{Type: "integer"}
	case t.Kind() == reflect.Float64:
		n = &jsonNode{Type: "number"}
	case t.Kind() == reflect.Bool:
		n = &jsonNode{Enum: []any{true, false, "ja", "nein"}} // the reader also takes ja/nein
	default:
		panic("schema: no JSON Schema for " + t.String())
	}
	n.Description = descriptions[path]
	return n
}

// structSchema returns the schema of a struct: its yaml keys, no others.
func structSchema(t reflect.Type, path string) *jsonNode {
	n := &jsonNode{Type: "object", Properties: properties{}, AdditionalProperties: false}
	for i := range t.NumField() {
		f := t.Field(i)
		key := yamlName(f)
		if !f.IsExported() || f.Type == originType || key == "" || key == "-" {
			continue
		}
		p := typeSchema(f.Type, joinPath(path, key))
		if applyRules(p, f, f.Tag.Get("validate")) {
			n.Required = append(n.Required, key)
		}
		n.Properties = append(n.Properties, property{key, p})
	}
	return n
}

// applyRules adds the validate rules of field f to its schema p and reports
// whether the key is required: tagged `required`, or a list that must not be
// empty (`min=1` without `omitempty`).
func applyRules(p *jsonNode, f reflect.StructField, tag string) (required bool) {
	rules, itemRules, _ := strings.Cut(tag, ",dive")
	target := p
	for _, set := range []string{rules, strings.TrimPrefix(itemRules, ",")} {
		omitempty := false
		for rule := range strings.SplitSeq(set, ",") {
			name, param, _ := strings.Cut(rule, "=")
			switch name {
			case "required":
				required = required || target == p
			case "omitempty":
				omitempty = true
			case "min":
				m, _ := strconv.Atoi(param)
				if target == p && p.Items != nil { // a list
					target.MinItems = m
					required = required || (target == p && m > 0 && !omitempty)
				} else {
					target.Minimum = num(m)
				}
			case "max":
				m, _ := strconv.Atoi(param)
				target.Maximum = num(m)
			case "oneof":
				target.Type = "string"
				for v := range strings.FieldsSeq(param) {
					target.Enum = append(target.Enum, v)
				}
			case "konzeptid":
				target.Type, target.Pattern = "string", jsonIDPattern
			case "nummer":
				target.Pattern = jsonNummerPattern
			case "farbe":
				target.Type, target.Pattern = "string", `^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`
			case "email":
				target.Type, target.Format = "string", "email"
			case "", "dive":
			default:
				panic("schema: no JSON Schema for validation rule " + rule + " of " + f.Name)
			}
		}
		if p.Items == nil {
			break
		}
		target = p.Items
	}
	return required
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func num(i int) *float64 {
	f := float64(i)
	return &f
}

const md = " Markdown: Absätze, **fett**, *kursiv*, Listen, Links."

// descriptions are the German help texts that editors show for the keys,
// by key path (list items have the path of their list).
var descriptions = map[string]string{
	"": "Kommunales Integrationskonzept: Metadaten, Beschluss, Leitbild, Akteure, " +
		"Handlungsfelder mit Zielen und Maßnahmen, Beteiligung und Befragungen.",

	"konzept":             "Metadaten für Deckblatt, Kopfzeile und PDF-Eigenschaften.",
	"konzept.titel":       "Titel des Konzepts, z. B. „Integrationskonzept des Landkreises Musterland“.",
	"konzept.kurztitel":   "Kurzer Titel für die Kopfzeile.",
	"konzept.traeger":     "Landkreis oder Stadt, z. B. „Landkreis Musterland“.",
	"konzept.fassung":     "Fassung als freier Text, z. B. „Fortschreibung 2025“.",
	"konzept.stand":       "Stand als Datum JJJJ-MM-TT; erscheint auf dem Deckblatt und als Datum des PDF.",
	"konzept.sprache":     "Sprache der Beschriftungen im PDF: de (Standard) oder en.",
	"konzept.logo":        "Logo oder Wappen: PNG- oder JPEG-Datei im Konzeptordner, z. B. bilder/wappen.png.",
	"konzept.logo_alt":    "Textalternative zum Logo; Standard: „Wappen des <Träger>“.",
	"konzept.farbe":       "Akzentfarbe als Hex-Wert in Anführungszeichen, z. B. \"#005A9C\".",
	"konzept.herausgeber": "Herausgebende Stelle für das Impressum.",

	"beschluss":                               "Beschlussvorlage für den Kreistag oder Rat; wenn angegeben, beginnt das PDF damit.",
	"beschluss.vorlage":                       "Vorlagen- bzw. Drucksachennummer, z. B. \"2025/0123\".",
	"beschluss.beratungsfolge":                "Gremien in der Reihenfolge der Beratung, Daten aufsteigend.",
	"beschluss.beschlussvorschlag":            "Wortlaut des Beschlussvorschlags.",
	"beschluss.sachverhalt":                   "Begründung der Vorlage." + md,
	"beschluss.finanzen_hinweis":              "Hinweis unter der berechneten Übersicht der finanziellen Auswirkungen.",
	"beschluss.beratungsfolge.zustaendigkeit": "Zuständigkeit des Gremiums, z. B. Vorberatung oder Entscheidung.",
	"beschluss.beratungsfolge.oeffentlich":    "Öffentliche Sitzung? Standard: true.",

	"vorwort":         "Vorwort, meist von Landrätin oder Landrat.",
	"vorwort.text":    "Text des Vorworts." + md,
	"leichte_sprache": "Zusammenfassung in Leichter Sprache (eigenes Kapitel)." + md,

	"leitbild":                  "Leitbild mit Grundsätzen.",
	"leitbild.einleitung":       "Einleitung zum Leitbild." + md,
	"leitbild.grundsaetze":      "Grundsätze des Leitbilds, mindestens einer.",
	"leitbild.grundsaetze.text": "Erläuterung des Grundsatzes." + md,

	"querschnittsthemen":    "Querschnittsthemen, mit denen Maßnahmen gekennzeichnet werden können.",
	"querschnittsthemen.id": "Kennung aus Kleinbuchstaben a–z, Ziffern und -, z. B. gleichstellung.",

	"akteure":      "Alle, die eine Maßnahme federführend verantworten oder als Partner mitwirken.",
	"akteure.id":   "Kennung aus Kleinbuchstaben a–z, Ziffern und -, z. B. kmt; in `federfuehrung` und `partner` verwendet.",
	"akteure.kurz": "Kurzname, z. B. KMT; erscheint in den Tabellen.",
	"akteure.art":  "Art des Akteurs.",

	"abkuerzungen": "Abkürzungsverzeichnis: Abkürzung und Bedeutung, z. B. BAMF: Bundesamt für Migration und Flüchtlinge.",

	"beteiligung":                                 "Der Beteiligungsprozess.",
	"beteiligung.text":                            "Beschreibung des Beteiligungsprozesses." + md,
	"beteiligung.veranstaltungen":                 "Veranstaltungen der Beteiligung.",
	"beteiligung.veranstaltungen.handlungsfelder": "Kennungen der behandelten Handlungsfelder.",
	"beteiligung.stimmen":                         "Zitate von Beteiligten, im PDF abgedruckt.",

	"handlungsfelder":                    "Handlungsfelder, mindestens eines; weitere können aus `quellen` kommen.",
	"handlungsfelder.id":                 "Kennung aus Kleinbuchstaben a–z, Ziffern und -, z. B. sprache.",
	"handlungsfelder.ausgangslage":       "Ausgangslage im Handlungsfeld." + md,
	"handlungsfelder.ziele":              "Ziele im Handlungsfeld.",
	"handlungsfelder.ziele.id":           "Ziel-Nr, im ganzen Konzept eindeutig, z. B. SP-1.",
	"handlungsfelder.ziele.beschreibung": "Erläuterung des Ziels." + md,
	"handlungsfelder.ziele.indikatoren":  "Indikatoren, an denen die Zielerreichung gemessen wird.",
	"handlungsfelder.ziele.massnahmen":   "Maßnahmen, die dem Ziel dienen.",

	"handlungsfelder.ziele.massnahmen.id":            "Maßnahme-Nr, im ganzen Konzept eindeutig, z. B. SP-1.1.",
	"handlungsfelder.ziele.massnahmen.beschreibung":  "Erläuterung der Maßnahme." + md,
	"handlungsfelder.ziele.massnahmen.federfuehrung": "Kennung des federführenden Akteurs (siehe `akteure`).",
	"handlungsfelder.ziele.massnahmen.partner":       "Kennungen der Partner (siehe `akteure`).",
	"handlungsfelder.ziele.massnahmen.beginn":        "Beginn: JJJJ, JJJJ-MM, JJJJ-Qn oder JJJJ-MM-TT; steht für den ersten Tag des Zeitraums.",
	"handlungsfelder.ziele.massnahmen.ende":          "Ende: JJJJ, JJJJ-MM, JJJJ-Qn, JJJJ-MM-TT oder fortlaufend; steht für den letzten Tag des Zeitraums, nicht vor `beginn`.",
	"handlungsfelder.ziele.massnahmen.status":        "Umsetzungsstand; Standard: geplant.",
	"handlungsfelder.ziele.massnahmen.prioritaet":    "Priorität der Maßnahme.",
	"handlungsfelder.ziele.massnahmen.finanzierung":  "Finanzierungsquelle als freier Text, z. B. Eigenmittel, Landesmittel, ESF Plus.",
	"handlungsfelder.ziele.massnahmen.kosten":        "Kosten in Euro, Zahl ohne Tausenderpunkt, z. B. 12000.",
	"handlungsfelder.ziele.massnahmen.querschnitt":   "Kennungen von Querschnittsthemen (siehe `querschnittsthemen`).",
	"handlungsfelder.ziele.massnahmen.indikator":     "Indikator oder Erfolgskriterium der Maßnahme.",

	"quellen": "Weitere Quellen, relativ zum Konzeptordner, auch mit Mustern: handlungsfelder/*.yaml, workshops/*.xlsx.",

	"befragungen":                           "Befragungen, deren Ergebnisse das PDF zusammengefasst berichtet.",
	"befragungen.id":                        "Kennung aus Kleinbuchstaben a–z, Ziffern und -, z. B. online-2025.",
	"befragungen.antworten":                 "Datei mit den Antworten (.xlsx oder .csv), relativ zum Konzeptordner.",
	"befragungen.tabellenblatt":             "Tabellenblatt mit den Antworten; Standard: das erste.",
	"befragungen.sprachspalte":              "Spalte mit der Sprache des Fragebogens, für die Auswertung nach Sprache.",
	"befragungen.mindestgruppe":             "Kleinste Zahl, die das PDF nennt; kleinere Zahlen erscheinen als „< N“. Standard: 5.",
	"befragungen.fragen":                    "Fragen der Befragung, mindestens eine.",
	"befragungen.fragen.id":                 "Spaltenüberschrift der Frage in der Antwortdatei.",
	"befragungen.fragen.typ":                "Art der Frage; bei mehrfach stehen mehrere Antworten durch ; oder , getrennt in einer Zelle.",
	"befragungen.fragen.skala":              "Skala einer Frage vom Typ skala: min, max und Beschriftungen.",
	"befragungen.fragen.optionen":           "Antwortmöglichkeiten (bei einfach und mehrfach).",
	"befragungen.fragen.handlungsfeld":      "Kennung eines Handlungsfelds, zu dem die Frage gehört.",
	"befragungen.fragen.skala.beschriftung": "Beschriftungen einzelner Skalenwerte, z. B. 1: gar nicht, 5: sehr.",
}
