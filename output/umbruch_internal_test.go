package output

import (
	"fmt"
	"strings"
	"testing"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/beispiel"
	"github.com/landkreis/konzept/schema"
)

// mcr is one marked-content sequence of the structure tree in reading order,
// with the element that owns it.
type mcr struct {
	e    *elem
	page int
}

// readingOrder flattens the structure tree into its marked-content sequences.
func readingOrder(e *elem, out []mcr) []mcr {
	for _, k := range e.kids {
		switch {
		case k.elem != nil:
			out = readingOrder(k.elem, out)
		case k.annot == nil:
			out = append(out, mcr{e, k.page})
		}
	}
	return out
}

// within returns the ancestor of e (or e) that satisfies keep, or nil.
func within(e *elem, keep func(*elem) bool) *elem {
	for ; e != nil; e = e.parent {
		if keep(e) {
			return e
		}
	}
	return nil
}

func isHeading(e *elem) bool { return len(e.typ) == 2 && e.typ[0] == 'H' }

func isGroupRow(e *elem) bool {
	return e.typ == "TR" && len(e.kids) > 0 && e.kids[0].elem != nil && e.kids[0].elem.colSpan > 1
}

// strandedAt lists what ends a page without the content that belongs to it:
// a heading, or a group row (a goal above its measures), whose next content
// (not part of a heading) is on a later page.
func strandedAt(root *elem) []string {
	seq := readingOrder(root, nil)
	var bad []string
	for i, m := range seq {
		for _, kind := range []func(*elem) bool{isHeading, isGroupRow} {
			owner := within(m.e, kind)
			in := func(e *elem) bool { return e == owner }
			if owner == nil || i+1 < len(seq) && within(seq[i+1].e, in) != nil {
				continue // not the owner's last sequence
			}
			for _, n := range seq[i+1:] {
				if within(n.e, isHeading) == nil {
					if n.page != m.page {
						bad = append(bad, fmt.Sprintf("%s (Sequenz %d) steht allein am Ende von Seite %d",
							owner.typ, i, m.page))
					}
					break
				}
			}
		}
	}
	return bad
}

// TestNichtsAmSeitenende renders the example, its English edition and a
// field of 42 long measures, and checks on the structure tree that no
// heading and no goal row is the last thing on a page.
func TestNichtsAmSeitenende(t *testing.T) {
	load := func(t *testing.T) *assemble.Konzept {
		k, ps, err := assemble.Load(beispiel.FS())
		if err != nil || ps.Err(false) != nil {
			t.Fatalf("Load: %v %v", err, ps)
		}
		return k
	}
	tests := []struct {
		name   string
		change func(*assemble.Konzept)
	}{
		{"Beispiel", func(*assemble.Konzept) {}},
		{"englisch", func(k *assemble.Konzept) { k.Konzept.Konzept.Sprache = "en" }},
		{"lange Tabellen", func(k *assemble.Konzept) {
			for i := range 3 {
				k.Handlungsfelder = append(k.Handlungsfelder, langesFeld(i))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := load(t)
			tt.change(k)
			d := renderStable(t, k)
			for _, s := range strandedAt(d.c.tags.root) {
				t.Error(s)
			}
		})
	}
}

func renderStable(t *testing.T, k *assemble.Konzept) *doc {
	t.Helper()
	d, err := render(k, Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.c.close() }) // ends the goroutine compressing its pages
	return d
}

// langesFeld is a field of 8 goals with 1 to 8 measures of growing length,
// so that goal rows and headings land at many different heights of a page.
func langesFeld(n int) schema.Handlungsfeld {
	f := schema.Handlungsfeld{ID: fmt.Sprintf("lang-%d", n), Titel: fmt.Sprintf("Langes Handlungsfeld %d", n),
		Ausgangslage: strings.Repeat("Die Ausgangslage wird beschrieben. ", 5*n+1)}
	for z := 1; z <= 8; z++ {
		ziel := schema.Ziel{ID: fmt.Sprintf("L%d-%d", n, z), Titel: fmt.Sprintf("Ziel %d des langen Feldes", z)}
		for m := 1; m <= z; m++ {
			ziel.Massnahmen = append(ziel.Massnahmen, schema.Massnahme{
				ID: fmt.Sprintf("L%d-%d.%d", n, z, m), Titel: "Maßnahme zum Seitenumbruch",
				Beschreibung:  strings.Repeat("Integrationskursträgerkonferenzen werden ausgewertet. ", (m*n+z)%7+1),
				Federfuehrung: "kmt", Status: schema.InUmsetzung,
			})
		}
		f.Ziele = append(f.Ziele, ziel)
	}
	return f
}

func TestStrandedAt(t *testing.T) {
	tree := func(pages ...int) *elem {
		tg := newTagger()
		for _, typ := range []string{"H1", "H2", "P"} {
			tg.open(typ)
			for len(tg.pages) < pages[0] {
				tg.newPage()
			}
			tg.begin()
			tg.close()
			pages = pages[1:]
		}
		return tg.root
	}
	tests := []struct {
		name      string
		h1, h2, p int
		want      int
	}{
		{"alles auf einer Seite", 1, 1, 1, 0},
		{"Text auf der nächsten Seite", 1, 1, 2, 2},
		{"Unterüberschrift auf der nächsten Seite", 1, 2, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strandedAt(tree(tt.h1, tt.h2, tt.p)); len(got) != tt.want {
				t.Errorf("strandedAt = %q, want %d", got, tt.want)
			}
		})
	}
}
