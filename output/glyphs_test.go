package output

import (
	"slices"
	"testing"
	"testing/fstest"
)

// TestCheckGlyphs checks that each character the font lacks is reported
// once per text, at the line and column of the text: a plain value, an
// item of a list of texts, a field of an element of a list.
func TestCheckGlyphs(t *testing.T) {
	k := loadKonzept(t, fstest.MapFS{"konzept.yaml": {Data: []byte(`konzept:
  titel: Integrationskonzept 🙂🙂
  traeger: Landkreis Musterland
  fassung: Fortschreibung 2025
  stand: 2025-09-01
leitbild:
  grundsaetze: [{titel: Teilhabe}]
akteure:
  - {id: kmt, name: Koordinierungsstelle ☕, art: verwaltung}
handlungsfelder:
  - id: sprache
    titel: Sprache
    ziele:
      - id: SP-1
        titel: Kurse sind erreichbar.
        indikatoren:
          - Zahl der Kurse
          - Wartezeit ⌛
`)}})
	var got []string
	for _, p := range CheckGlyphs(k) {
		got = append(got, p.Format("de"))
	}
	want := []string{
		"konzept.yaml:2:10: fehler: Zeichen „🙂“ (U+1F642) ist in der Schrift nicht enthalten und kann nicht gedruckt werden",
		"konzept.yaml:9:21: fehler: Zeichen „☕“ (U+2615) ist in der Schrift nicht enthalten und kann nicht gedruckt werden",
		"konzept.yaml:18:13: fehler: Zeichen „⌛“ (U+231B) ist in der Schrift nicht enthalten und kann nicht gedruckt werden",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("CheckGlyphs:\n%s\nwant\n%s", got, want)
	}
}
