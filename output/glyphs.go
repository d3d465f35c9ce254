package output

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
	"golang.org/x/image/font/sfnt"
)

// fonts are the embedded fonts, parsed once for their character maps.
var fonts = sync.OnceValue(func() []*sfnt.Font {
	var out []*sfnt.Font
	for _, ttf := range fontFiles {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic("output: embedded font: " + err.Error())
		}
		out = append(out, f)
	}
	return out
})

// printables caches printable for the Basic Multilingual Plane: 0 not
// looked up yet, 1 not printable, 2 printable. Like glyphWidths, it is
// shared by all documents.
var printables [0x10000]atomic.Uint32

// printable reports whether every style of the embedded font has a glyph for r.
func printable(r rune) bool {
	if r < 0x7f && r >= 0x20 {
		return true
	}
	if r < 0 || r >= 0x10000 {
		return lookupPrintable(r)
	}
	v := printables[r].Load()
	if v == 0 {
		v = 1
		if lookupPrintable(r) {
			v = 2
		}
		printables[r].Store(v)
	}
	return v == 2
}

func lookupPrintable(r rune) bool {
	if unicode.IsSpace(r) || r == '\u00ad' {
		return true
	}
	var buf sfnt.Buffer
	for _, f := range fonts() {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// CheckGlyphs reports every character of the concept's texts that the
// embedded font cannot print, at the position of the text: a missing glyph
// would print as an empty box and be lost to screen readers and pdftotext.
func CheckGlyphs(k *assemble.Konzept) schema.Problems {
	var ps schema.Problems
	checkTexts(reflect.ValueOf(k.Konzept), nil, "", -1, &ps)
	return ps
}

// checkTexts checks every string in v, written at key in o; item is the
// index of v in the list at key, or -1. Positions are looked up only for a
// text with a character to report.
func checkTexts(v reflect.Value, o *schema.Origin, key string, item int, ps *schema.Problems) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			checkTexts(v.Elem(), o, key, item, ps)
		}
	case reflect.String:
		var seen []rune // the characters reported for the text: few, if any
		for _, r := range v.String() {
			if !printable(r) && !slices.Contains(seen, r) {
				seen = append(seen, r)
				ps.Add(schema.Errorf(textPos(o, key, item), schema.CodeGlyph, string(r), fmt.Sprintf("U+%04X", r)))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if item >= 0 { // a list in a list: its items are at the outer one's place
				checkTexts(v.Index(i), o, key, item, ps)
			} else {
				checkTexts(v.Index(i), o, key, i, ps)
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			checkTexts(iter.Key(), o, key, item, ps)
			checkTexts(iter.Value(), o, key, item, ps)
		}
	case reflect.Struct:
		l, ok := v.Addr().Interface().(schema.Located)
		if !ok {
			return // Datum, Zeitpunkt: no free text
		}
		o := schema.OriginOf(l)
		for i, name := range yamlNames(v.Type()) {
			if name != "" {
				checkTexts(v.Field(i), o, name, -1, ps)
			}
		}
	}
}

// textPos returns where the text at key (item item of the list at key, if
// not -1) in o was written.
func textPos(o *schema.Origin, key string, item int) schema.Pos {
	if o == nil {
		return schema.Pos{}
	}
	if item >= 0 {
		if k := fmt.Sprintf("%s[%d]", key, item); o.Has(k) {
			return o.At(k)
		}
	}
	return o.At(key)
}

// yamlNames returns the YAML key of each field of struct type t, "" for
// a field without one.
func yamlNames(t reflect.Type) []string {
	if names, ok := fieldNames.Load(t); ok {
		return names.([]string)
	}
	names := make([]string, t.NumField())
	for i := range names {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "-" {
			names[i] = name
		}
	}
	fieldNames.Store(t, names)
	return names
}

var fieldNames sync.Map // reflect.Type → []string
