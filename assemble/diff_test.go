package assemble_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
)

func kosten(x float64) *float64 { return &x }

// diffBasis is a small concept: two fields, three goals, four measures.
func diffBasis() *assemble.Konzept {
	return &assemble.Konzept{Konzept: &schema.Konzept{
		Konzept: &schema.Meta{Fassung: "Fortschreibung 2024"},
		Handlungsfelder: []schema.Handlungsfeld{
			{ID: "sprache", Titel: "Sprache", Ziele: []schema.Ziel{
				{ID: "SP-1", Titel: "Kurse sind erreichbar.", Indikatoren: []string{"Wartezeit"}, Massnahmen: []schema.Massnahme{
					{ID: "SP-1.1", Titel: "Kinderbetreuung", Federfuehrung: "vhs", Partner: []string{"kmt", "jobcenter"},
						Beginn: zp("2024-09"), Ende: zp("2025"), Status: schema.Geplant, Prioritaet: "hoch",
						Finanzierung: "Eigenmittel", Kosten: kosten(15000), Querschnitt: []string{"gleichstellung"}},
					{ID: "SP-1.2", Titel: "Kursträgerkonferenz", Federfuehrung: "kmt", Status: schema.InUmsetzung},
				}},
				{ID: "SP-2", Titel: "Schulabschluss", Massnahmen: []schema.Massnahme{
					{ID: "SP-2.1", Titel: "Sprachlernklassen", Federfuehrung: "schulamt", Status: schema.InUmsetzung},
				}},
			}},
			{ID: "arbeit", Titel: "Arbeit", Ziele: []schema.Ziel{
				{ID: "AR-1", Titel: "Beschäftigung", Massnahmen: []schema.Massnahme{
					{ID: "AR-1.1", Titel: "Jobmesse", Federfuehrung: "agentur"},
				}},
			}},
		},
	}}
}

func zp(s string) schema.Zeitpunkt {
	z, err := schema.ParseZeitpunkt(s)
	if err != nil {
		panic(s)
	}
	return z
}

// massnahme returns the measure id of k for changing it.
func massnahme(k *assemble.Konzept, id string) *schema.Massnahme {
	for i := range k.Handlungsfelder {
		for j := range k.Handlungsfelder[i].Ziele {
			z := &k.Handlungsfelder[i].Ziele[j]
			for l := range z.Massnahmen {
				if z.Massnahmen[l].ID == id {
					return &z.Massnahmen[l]
				}
			}
		}
	}
	panic(id)
}

// beschreibe writes a diff compactly, one line per field that changed:
//
//	sprache: Z SP-1[titel] | M SP-1.1[status] SP-1.3 neu | S geplant>umgesetzt=1
func beschreibe(d *assemble.Diff) string {
	var lines []string
	for _, f := range d.Felder {
		if f.Leer() {
			continue
		}
		head := f.ID
		switch {
		case f.IstNeu():
			head += " neu"
		case f.IstEntfallen():
			head += " entfallen"
		case len(f.Attribute) > 0:
			head += fmt.Sprint(f.Attribute)
		}
		var z, m, s []string
		for _, a := range f.Ziele {
			z = append(z, a.ID+art(a.IstNeu(), a.IstEntfallen(), a.AltFeld, a.NeuFeld, a.IstVerschoben(), a.Attribute))
		}
		for _, a := range f.Massnahmen {
			m = append(m, a.ID+art(a.IstNeu(), a.IstEntfallen(), a.AltZiel, a.NeuZiel, a.IstVerschoben(), a.Attribute))
		}
		for _, w := range f.Statuswechsel {
			s = append(s, fmt.Sprintf("%s>%s=%v", w.Von, w.Nach, w.Massnahmen))
		}
		lines = append(lines, fmt.Sprintf("%s: Z %s | M %s | S %s", head, strings.Join(z, " "), strings.Join(m, " "), strings.Join(s, " ")))
	}
	return strings.Join(lines, "\n")
}

func art(neu, entfallen bool, von, nach string, verschoben bool, attr []string) string {
	s := ""
	switch {
	case neu:
		s = " neu"
	case entfallen:
		s = " entfallen"
	}
	if verschoben {
		s += " " + von + ">" + nach
	}
	if len(attr) > 0 {
		s += fmt.Sprint(attr)
	}
	return s
}

func TestVergleiche(t *testing.T) {
	tests := []struct {
		name   string
		change func(k *assemble.Konzept)
		want   string
	}{
		{"identical", func(*assemble.Konzept) {}, ""},
		{"measure added", func(k *assemble.Konzept) {
			z := &k.Handlungsfelder[0].Ziele[0]
			z.Massnahmen = append(z.Massnahmen, schema.Massnahme{ID: "SP-1.3", Titel: "Neu", Federfuehrung: "vhs"})
		}, "sprache: Z  | M SP-1.3 neu | S "},
		{"measure removed", func(k *assemble.Konzept) {
			k.Handlungsfelder[0].Ziele[0].Massnahmen = k.Handlungsfelder[0].Ziele[0].Massnahmen[1:]
		}, "sprache: Z  | M SP-1.1 entfallen | S "},
		{"titel", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Titel = "Kinderbeaufsichtigung" }, "sprache: Z  | M SP-1.1[titel] | S "},
		{"beschreibung", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Beschreibung = "Neu beschrieben." }, "sprache: Z  | M SP-1.1[beschreibung] | S "},
		{"white space is no change", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Titel = " Kinderbetreuung\n" }, ""},
		{"federfuehrung", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Federfuehrung = "kmt" }, "sprache: Z  | M SP-1.1[federfuehrung] | S "},
		{"partner added", func(k *assemble.Konzept) {
			m := massnahme(k, "SP-1.1")
			m.Partner = append(m.Partner, "awo")
		}, "sprache: Z  | M SP-1.1[partner] | S "},
		{"partner in another order", func(k *assemble.Konzept) {
			massnahme(k, "SP-1.1").Partner = []string{"jobcenter", "kmt", "kmt"}
		}, ""},
		{"beginn", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Beginn = zp("2024-10") }, "sprache: Z  | M SP-1.1[beginn] | S "},
		{"beginn the same day", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Beginn = zp("2024-09-01") }, ""},
		{"ende", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Ende = zp("fortlaufend") }, "sprache: Z  | M SP-1.1[ende] | S "},
		{"ende the same day", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Ende = zp("2025-Q4") }, ""},
		{"ende removed", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Ende = schema.Zeitpunkt{} }, "sprache: Z  | M SP-1.1[ende] | S "},
		{"status", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Status = schema.InUmsetzung },
			"sprache: Z  | M SP-1.1[status] | S geplant>in-umsetzung=[SP-1.1]"},
		{"empty status is geplant", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Status = "" }, ""},
		{"prioritaet", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Prioritaet = "" }, "sprache: Z  | M SP-1.1[prioritaet] | S "},
		{"finanzierung", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Finanzierung = "ESF Plus" }, "sprache: Z  | M SP-1.1[finanzierung] | S "},
		{"kosten", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Kosten = kosten(18000) }, "sprache: Z  | M SP-1.1[kosten] | S "},
		{"kosten the same amount", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Kosten = kosten(15000.001) }, ""},
		{"kosten 0 is not none", func(k *assemble.Konzept) { massnahme(k, "SP-1.2").Kosten = kosten(0) }, "sprache: Z  | M SP-1.2[kosten] | S "},
		{"kosten removed", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Kosten = nil }, "sprache: Z  | M SP-1.1[kosten] | S "},
		{"querschnitt", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Querschnitt = nil }, "sprache: Z  | M SP-1.1[querschnitt] | S "},
		{"indikator", func(k *assemble.Konzept) { massnahme(k, "SP-1.1").Indikator = "Anzahl Kinder" }, "sprache: Z  | M SP-1.1[indikator] | S "},
		{"several attributes in a fixed order", func(k *assemble.Konzept) {
			m := massnahme(k, "SP-1.1")
			m.Kosten, m.Status, m.Titel = kosten(1), schema.Umgesetzt, "Kinderbeaufsichtigung"
		}, "sprache: Z  | M SP-1.1[titel status kosten] | S geplant>umgesetzt=[SP-1.1]"},
		{"measure moved to another goal", func(k *assemble.Konzept) {
			sp := &k.Handlungsfelder[0]
			sp.Ziele[1].Massnahmen = append(sp.Ziele[1].Massnahmen, sp.Ziele[0].Massnahmen[1])
			sp.Ziele[0].Massnahmen = sp.Ziele[0].Massnahmen[:1]
		}, "sprache: Z  | M SP-1.2 SP-1>SP-2 | S "},
		{"measure moved to another field and changed", func(k *assemble.Konzept) {
			sp, ar := &k.Handlungsfelder[0], &k.Handlungsfelder[1]
			m := sp.Ziele[0].Massnahmen[1]
			m.Status = schema.Umgesetzt
			ar.Ziele[0].Massnahmen = append(ar.Ziele[0].Massnahmen, m)
			sp.Ziele[0].Massnahmen = sp.Ziele[0].Massnahmen[:1]
		}, "arbeit: Z  | M SP-1.2 SP-1>AR-1[status] | S in-umsetzung>umgesetzt=[SP-1.2]"},
		{"goal added", func(k *assemble.Konzept) {
			ar := &k.Handlungsfelder[1]
			ar.Ziele = append(ar.Ziele, schema.Ziel{ID: "AR-2", Titel: "Ausbildung",
				Massnahmen: []schema.Massnahme{{ID: "AR-2.1", Titel: "Paten", Federfuehrung: "ihk"}}})
		}, "arbeit: Z AR-2 neu | M AR-2.1 neu | S "},
		{"goal removed", func(k *assemble.Konzept) {
			k.Handlungsfelder[0].Ziele = k.Handlungsfelder[0].Ziele[:1]
		}, "sprache: Z SP-2 entfallen | M SP-2.1 entfallen | S "},
		{"goal changed", func(k *assemble.Konzept) {
			z := &k.Handlungsfelder[0].Ziele[0]
			z.Titel, z.Indikatoren = "Kurse sind überall erreichbar.", []string{"Wartezeit", "Kursplätze"}
		}, "sprache: Z SP-1[titel indikatoren] | M  | S "},
		{"goal moved to another field, its measures with it", func(k *assemble.Konzept) {
			sp, ar := &k.Handlungsfelder[0], &k.Handlungsfelder[1]
			ar.Ziele = append(ar.Ziele, sp.Ziele[1])
			sp.Ziele = sp.Ziele[:1]
		}, "arbeit: Z SP-2 sprache>arbeit | M  | S "},
		{"field added", func(k *assemble.Konzept) {
			k.Handlungsfelder = append(k.Handlungsfelder, schema.Handlungsfeld{ID: "familie", Titel: "Familie",
				Ziele: []schema.Ziel{{ID: "FA-1", Titel: "Kita", Massnahmen: []schema.Massnahme{{ID: "FA-1.1", Titel: "Brücke", Federfuehrung: "jugendamt"}}}}})
		}, "familie neu: Z FA-1 neu | M FA-1.1 neu | S "},
		{"field removed", func(k *assemble.Konzept) {
			k.Handlungsfelder = k.Handlungsfelder[:1]
		}, "arbeit entfallen: Z AR-1 entfallen | M AR-1.1 entfallen | S "},
		{"field title", func(k *assemble.Konzept) { k.Handlungsfelder[1].Titel = "Ausbildung und Arbeit" }, "arbeit[titel]: Z  | M  | S "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			neu := diffBasis()
			tt.change(neu)
			d := assemble.Vergleiche(diffBasis(), neu)
			if got := beschreibe(d); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if d.Leer() != (tt.want == "") {
				t.Errorf("Leer() = %v", d.Leer())
			}
		})
	}
}

// TestVergleicheOrder checks the order of fields and of the lists: the
// current revision's order, then what was removed in the previous one's.
func TestVergleicheOrder(t *testing.T) {
	alt, neu := diffBasis(), diffBasis()
	alt.Handlungsfelder = append(alt.Handlungsfelder, schema.Handlungsfeld{ID: "wohnen", Titel: "Wohnen"})
	neu.Handlungsfelder[0], neu.Handlungsfelder[1] = neu.Handlungsfelder[1], neu.Handlungsfelder[0]
	neu.Handlungsfelder = slices.Insert(neu.Handlungsfelder, 1, schema.Handlungsfeld{ID: "familie", Titel: "Familie"})
	sp := &neu.Handlungsfelder[2].Ziele[0]
	sp.Massnahmen = []schema.Massnahme{
		{ID: "SP-1.4", Titel: "d", Federfuehrung: "vhs"},
		{ID: "SP-1.3", Titel: "c", Federfuehrung: "vhs"},
	}
	d := assemble.Vergleiche(alt, neu)
	var felder, massnahmen []string
	for _, f := range d.Felder {
		felder = append(felder, f.ID)
	}
	for _, m := range d.Felder[2].Massnahmen {
		massnahmen = append(massnahmen, m.ID)
	}
	if want := "[arbeit familie sprache wohnen]"; fmt.Sprint(felder) != want {
		t.Errorf("fields %v, want %s", felder, want)
	}
	if want := "[SP-1.4 SP-1.3 SP-1.1 SP-1.2]"; fmt.Sprint(massnahmen) != want {
		t.Errorf("measures of sprache %v, want %s", massnahmen, want)
	}
}

func TestVergleicheZaehlung(t *testing.T) {
	alt, neu := diffBasis(), diffBasis()
	sp := &neu.Handlungsfelder[0]
	// Three status changes, two of them the same transition, one with a
	// changed title; one measure moved to another goal; one added; one removed.
	massnahme(neu, "SP-1.1").Status = schema.InUmsetzung
	massnahme(neu, "SP-1.1").Titel = "Kinderbeaufsichtigung"
	massnahme(neu, "SP-2.1").Status = schema.Umgesetzt
	sp.Ziele[1].Massnahmen = append(sp.Ziele[1].Massnahmen, sp.Ziele[0].Massnahmen[1])
	sp.Ziele[0].Massnahmen = append(sp.Ziele[0].Massnahmen[:1], schema.Massnahme{ID: "SP-1.5", Titel: "Neu", Federfuehrung: "vhs"})
	massnahme(alt, "AR-1.1").Status = schema.InUmsetzung
	alt.Handlungsfelder[1].Ziele[0].Massnahmen = append(alt.Handlungsfelder[1].Ziele[0].Massnahmen,
		schema.Massnahme{ID: "AR-1.2", Titel: "Alt", Federfuehrung: "agentur"},
		schema.Massnahme{ID: "AR-1.3", Titel: "Alt", Federfuehrung: "agentur", Status: schema.InUmsetzung})
	neu.Handlungsfelder[1].Ziele[0].Massnahmen = append(neu.Handlungsfelder[1].Ziele[0].Massnahmen,
		schema.Massnahme{ID: "AR-1.3", Titel: "Alt", Federfuehrung: "agentur", Status: schema.Umgesetzt})

	d := assemble.Vergleiche(alt, neu)
	rows := d.Zusammenfassung()
	got := fmt.Sprintf("%+v %+v", rows[0].Massnahmen, rows[1].Massnahmen)
	want := "{Neu:1 Geaendert:1 Entfallen:0 Verschoben:1 Statuswechsel:2} {Neu:0 Geaendert:0 Entfallen:1 Verschoben:0 Statuswechsel:2}"
	if got != want {
		t.Errorf("counts\n%s\nwant\n%s", got, want)
	}
	if g := d.Gesamt().Massnahmen; g != (assemble.Zaehlung{Neu: 1, Geaendert: 1, Entfallen: 1, Verschoben: 1, Statuswechsel: 4}) {
		t.Errorf("Gesamt = %+v", g)
	}
	var wechsel []string
	for _, w := range d.Felder[1].Statuswechsel {
		wechsel = append(wechsel, fmt.Sprintf("%s>%s=%d", w.Von, w.Nach, len(w.Massnahmen)))
	}
	// Ordered by the old status, then the new one, as in schema.Statuses.
	if got, want := strings.Join(wechsel, " "), "in-umsetzung>geplant=1 in-umsetzung>umgesetzt=1"; got != want {
		t.Errorf("transitions of arbeit %q, want %q", got, want)
	}

	for _, tt := range []struct {
		id   string
		want string // IstNeu, IstGeaendert, IstVerschoben, HatStatuswechsel
	}{
		{"SP-1.5", "neu"},              // added
		{"SP-1.1", "geaendert status"}, // title and status
		{"SP-1.2", "verschoben"},       // moved only
		{"SP-2.1", "status"},           // status only
		{"AR-1.1", "status"},
		{"AR-1.0", ""}, // unchanged: no Aenderung
		{"SP-9.9", ""}, // in neither
	} {
		var got []string
		if m := d.Massnahme(tt.id); m != nil {
			for _, c := range []struct {
				on   bool
				name string
			}{{m.IstNeu(), "neu"}, {m.IstGeaendert(), "geaendert"}, {m.IstVerschoben(), "verschoben"}, {m.HatStatuswechsel(), "status"}} {
				if c.on {
					got = append(got, c.name)
				}
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: %q, want %q", tt.id, g, tt.want)
		}
	}
	if m := d.Massnahme("AR-1.2"); m == nil || !m.IstEntfallen() {
		t.Errorf("Massnahme(AR-1.2) = %+v, want removed", m)
	}
	if d.Massnahme("AR-1.0") != nil || d.Ziel("SP-1") != nil {
		t.Error("an unchanged element has an Aenderung")
	}
}

func TestVergleicheZiele(t *testing.T) {
	alt, neu := diffBasis(), diffBasis()
	ar := &neu.Handlungsfelder[1]
	ar.Ziele = append(ar.Ziele, schema.Ziel{ID: "AR-2", Titel: "Ausbildung"}, neu.Handlungsfelder[0].Ziele[1])
	neu.Handlungsfelder[0].Ziele = neu.Handlungsfelder[0].Ziele[:1]
	neu.Handlungsfelder[0].Ziele[0].Titel = "Kurse sind überall erreichbar."
	d := assemble.Vergleiche(alt, neu)
	if z := d.Ziel("AR-2"); z == nil || !z.IstNeu() || z.IstGeaendert() {
		t.Errorf("AR-2 is new: %+v", z)
	}
	if z := d.Ziel("SP-1"); z == nil || !z.IstGeaendert() || z.IstNeu() {
		t.Errorf("SP-1 is changed: %+v", z)
	}
	if z := d.Ziel("SP-2"); z == nil || !z.IstVerschoben() || z.IstNeu() {
		t.Errorf("SP-2 is moved: %+v", z)
	}
	if got := d.Zusammenfassung()[1].Ziele; got != (assemble.Zaehlung{Neu: 1, Verschoben: 1}) {
		t.Errorf("goals of arbeit %+v", got)
	}
	if got := d.Zusammenfassung()[0].Ziele; got != (assemble.Zaehlung{Geaendert: 1}) {
		t.Errorf("goals of sprache %+v", got)
	}
}
