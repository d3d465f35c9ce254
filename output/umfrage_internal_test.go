package output

import (
	"testing"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
)

func TestAltText(t *testing.T) {
	skala := &schema.Frage{ID: "f3", Text: "Wie willkommen?", Typ: "skala",
		Skala: &schema.Skala{Min: 1, Max: 3, Beschriftung: map[int]string{1: "gar nicht"}}}
	einfach := &schema.Frage{ID: "f1", Text: "Wie lange?", Typ: "einfach", Optionen: []string{"kurz", "lang"}}
	tests := []struct {
		name string
		lang string
		u    assemble.Umfrage
		want string
	}{
		{
			name: "skala",
			lang: "de",
			u: assemble.Umfrage{Antworten: 50, Mindestgruppe: 5, Fragen: []assemble.FrageErgebnis{{
				Frage: skala, Verteilung: []assemble.Anzahl{{Wert: "1", N: 3}, {Wert: "2", N: 0}, {Wert: "3", N: 12}}, KeineAngabe: 35,
			}}},
			want: "Balkendiagramm – Wie willkommen?: 1 (gar nicht): < 5, 2: < 5, 3: 12 (24\u00a0%), keine Angabe: 35 (70\u00a0%)",
		},
		{
			name: "einfach englisch, Mindestgruppe 10",
			lang: "en",
			u: assemble.Umfrage{Antworten: 40, Mindestgruppe: 10, Fragen: []assemble.FrageErgebnis{{
				Frage: einfach, Verteilung: []assemble.Anzahl{{Wert: "kurz", N: 9}, {Wert: "lang", N: 30}}, Sonstige: 1,
			}}},
			want: "Bar chart – Wie lange?: kurz: < 10, lang: 30 (75%), other: < 10, no answer: < 10",
		},
		{
			name: "zu wenige Antworten: keine Anteile",
			lang: "de",
			u: assemble.Umfrage{Antworten: 4, Fragen: []assemble.FrageErgebnis{{
				Frage: einfach, Verteilung: []assemble.Anzahl{{Wert: "kurz", N: 4}, {Wert: "lang", N: 0}},
			}}},
			want: "Balkendiagramm – Wie lange?: kurz: < 5, lang: < 5, sonstige: < 5, keine Angabe: < 5",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc{lang: tt.lang}
			f := &tt.u.Fragen[0]
			bs := d.balkenVon(&tt.u, f)
			if got := d.altText(f.Frage.Text, bs); got != tt.want {
				t.Errorf("altText =\n%q\nwant\n%q", got, tt.want)
			}
			for _, b := range bs {
				if b.verdeckt && (b.anteil != "" || b.wert[0] != '<') {
					t.Errorf("%s: verdeckt, aber %q %q", b.label, b.wert, b.anteil)
				}
			}
		})
	}
}

// TestSekundaer checks secondary suppression: a single hidden count of a
// group that adds up to a printed total takes the smallest other with it.
func TestSekundaer(t *testing.T) {
	tests := []struct {
		name string
		ns   []int
		want int
	}{
		{"none hidden", []int{10, 20, 30}, -1},
		{"one hidden: the smallest other too", []int{267, 30, 3}, 1},
		{"a zero counts as hidden", []int{0, 12, 40}, 1},
		{"two hidden: nothing to work out", []int{3, 2, 40}, -1},
		{"all hidden", []int{1, 2}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sekundaer(tt.ns, 5); got != tt.want {
				t.Errorf("sekundaer(%v) = %d, want %d", tt.ns, got, tt.want)
			}
		})
	}
}
