package assemble_test

import (
	"fmt"
	"strings"
	"testing"
)

func TestMerge(t *testing.T) {
	files := mitQuelle(
		"handlungsfelder/bildung.yaml", fragment,
		"handlungsfelder/arbeit.yaml", "handlungsfelder:\n  - id: arbeit\n    titel: Ausbildung und Arbeit\n    ziele:\n      - {id: AR-1, titel: Arbeit finden., massnahmen: [{id: AR-1.1, titel: Beratung, federfuehrung: jobcenter}]}\n",
	)
	k, problems := load(t, files, "de")
	compare(t, problems, nil)

	var felder []string
	for _, f := range k.Handlungsfelder {
		var ziele []string
		for _, z := range f.Ziele {
			ziele = append(ziele, z.ID+"@"+z.Pos.File)
		}
		felder = append(felder, fmt.Sprintf("%s (%s): %s", f.ID, f.Titel, strings.Join(ziele, ", ")))
	}
	// Fields keep the order of konzept.yaml, new ones follow in reading order
	// (the glob reads arbeit.yaml before bildung.yaml); so do the sources.
	want := []string{
		"sprache (Teilhabe durch Sprache): SP-1@konzept.yaml, SP-2@handlungsfelder/bildung.yaml",
		"arbeit (Ausbildung und Arbeit): AR-1@handlungsfelder/arbeit.yaml",
	}
	if fmt.Sprint(felder) != fmt.Sprint(want) {
		t.Errorf("merged fields:\n%s\nwant\n%s", strings.Join(felder, "\n"), strings.Join(want, "\n"))
	}

	var quellen []string
	for _, q := range k.Quellen {
		quellen = append(quellen, fmt.Sprintf("%s: %v %v", q.Datei, q.Ziele, q.Massnahmen))
	}
	wantQ := []string{
		"konzept.yaml: [SP-1] [SP-1.1]",
		"handlungsfelder/arbeit.yaml: [AR-1] [AR-1.1]",
		"handlungsfelder/bildung.yaml: [SP-2] [SP-2.1]",
	}
	if fmt.Sprint(quellen) != fmt.Sprint(wantQ) {
		t.Errorf("Quellen:\n%s\nwant\n%s", strings.Join(quellen, "\n"), strings.Join(wantQ, "\n"))
	}
}

func TestMergeTitelAusQuelle(t *testing.T) {
	// konzept.yaml names the field without a title; the first fragment gives
	// it, and a second fragment that differs is told where the title came from.
	ohneTitel := ersetze("    titel: Teilhabe durch Sprache\n", "") + "quellen:\n  - handlungsfelder/*.yaml\n"
	a := ersetzeIn(fragment, "  - id: sprache\n", "  - id: sprache\n    titel: Sprache\n")
	b := strings.ReplaceAll(ersetzeIn(a, "titel: Sprache\n", "titel: Bildung\n"), "SP-2", "SP-3")

	k, problems := load(t, mit(ohneTitel, "handlungsfelder/a.yaml", a), "de")
	compare(t, problems, nil)
	if got := k.Handlungsfelder[0].Titel; got != "Sprache" {
		t.Errorf("title = %q, want the fragment's", got)
	}

	_, problems = load(t, mit(ohneTitel, "handlungsfelder/a.yaml", a, "handlungsfelder/b.yaml", b), "de")
	compare(t, problems, []string{
		"handlungsfelder/b.yaml:3:12: fehler: Titel „Bildung“ weicht vom Titel des Handlungsfelds `sprache` ab („Sprache“ in handlungsfelder/a.yaml:3:12)",
	})

	_, problems = load(t, nur(ohneTitel[:strings.Index(ohneTitel, "quellen:")]), "de")
	compare(t, problems, []string{
		"konzept.yaml:17:5: fehler: Handlungsfeld `sprache` braucht einen `titel`: es ist sonst nirgends definiert",
	})
}
