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
	walkTexts(reflect.ValueOf(k.Konzept), nil, "", func(s string, pos schema.Pos) {
		var seen []rune // the characters reported for s: few, if any
		for _, r := range s {
			if !printable(r) && !slices.Contains(seen, r) {
				seen = append(seen, r)
				ps.Add(schema.Errorf(pos, schema.CodeGlyph, string(r), fmt.Sprintf("U+%04X", r)))
			}
		}
	})
	return ps
}

// walkTexts calls fn for every string in v with the position it was written at.
func walkTexts(v reflect.Value, o *schema.Origin, key string, fn func(string, schema.Pos)) {
	at := func(k string) schema.Pos {
		if o == nil {
			return schema.Pos{}
		}
		return o.At(k)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), o, key, fn)
		}
	case reflect.String:
		fn(v.String(), at(key))
	case reflect.Slice:
		for i := range v.Len() {
			item := fmt.Sprintf("%s[%d]", key, i)
			if o == nil || !o.Has(item) {
				item = key
			}
			walkTexts(v.Index(i), o, item, fn)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			walkTexts(iter.Key(), o, key, fn)
			walkTexts(iter.Value(), o, key, fn)
		}
	case reflect.Struct:
		l, ok := v.Addr().Interface().(schema.Located)
		if !ok {
			return // Datum, Zeitpunkt: no free text
		}
		o := schema.OriginOf(l)
		for i := range v.NumField() {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
			if name != "" && name != "-" {
				walkTexts(v.Field(i), o, name, fn)
			}
		}
	}
}
