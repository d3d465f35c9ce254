package output_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
)

// diffKonzept returns a small resolved concept; change edits its only field.
func diffKonzept(fassung string, change func(f *schema.Handlungsfeld)) *assemble.Konzept {
	zp := func(s string) schema.Zeitpunkt {
		z, err := schema.ParseZeitpunkt(s)
		if err != nil {
			panic(s)
		}
		return z
	}
	kosten := 15000.0
	stand, _ := schema.ParseDatum("2024-06-03")
	k := &assemble.Konzept{Konzept: &schema.Konzept{
		Konzept: &schema.Meta{Fassung: fassung, Stand: stand},
		Akteure: []schema.Akteur{
			{ID: "kmt", Name: "Koordinierungsstelle", Kurz: "KMT"},
			{ID: "vhs", Name: "Volkshochschule", Kurz: "VHS"},
			{ID: "awo", Name: "AWO Kreisverband"},
		},
		Querschnittsthemen: []schema.Querschnittsthema{{ID: "gleichstellung", Titel: "Gleichstellung"}},
		Handlungsfelder: []schema.Handlungsfeld{{ID: "sprache", Titel: "Sprache", Ziele: []schema.Ziel{
			{ID: "SP-1", Titel: "Kurse sind erreichbar.", Massnahmen: []schema.Massnahme{
				{ID: "SP-1.1", Titel: "Kinderbetreuung", Federfuehrung: "kmt", Partner: []string{"vhs", "awo"},
					Beginn: zp("2024-09"), Ende: zp("2025-Q2"), Status: schema.Geplant, Prioritaet: "hoch", Kosten: &kosten},
				{ID: "SP-1.2", Titel: "Sprachcafé", Federfuehrung: "vhs", Status: schema.InUmsetzung},
			}},
			{ID: "SP-2", Titel: "Schule", Massnahmen: []schema.Massnahme{
				{ID: "SP-2.1", Titel: "Elternlotsen", Federfuehrung: "kmt", Status: schema.Geplant},
			}},
		}}},
	}}
	if change != nil {
		change(&k.Handlungsfelder[0])
	}
	k.Akteure = make(map[string]*schema.Akteur)
	for i := range k.Konzept.Akteure {
		k.Akteure[k.Konzept.Akteure[i].ID] = &k.Konzept.Akteure[i]
	}
	k.Themen = map[string]*schema.Querschnittsthema{"gleichstellung": &k.Querschnittsthemen[0]}
	return k
}

// diffBeispiel changes every kind of thing in the small concept.
func diffBeispiel() *assemble.Diff {
	neu := diffKonzept("Fortschreibung 2025", func(f *schema.Handlungsfeld) {
		f.Titel = "Sprache und Bildung"
		m := &f.Ziele[0].Massnahmen[0]
		m.Titel = "Kinderbeaufsichtigung | *neu*"
		m.Federfuehrung = "vhs"
		m.Partner = []string{"kmt", "vhs"}
		m.Ende = schema.Zeitpunkt{Form: schema.Fortlaufend}
		m.Status = schema.InUmsetzung
		m.Prioritaet = ""
		m.Kosten = nil
		m.Querschnitt = []string{"gleichstellung"}
		m.Beschreibung = "Neu beschrieben."
		// SP-1.2 moves to SP-2, SP-2.1 is dropped, SP-2.2 is new.
		f.Ziele[1].Massnahmen = []schema.Massnahme{f.Ziele[0].Massnahmen[1],
			{ID: "SP-2.2", Titel: "Sprachlernklassen", Federfuehrung: "kmt"}}
		f.Ziele[0].Massnahmen = f.Ziele[0].Massnahmen[:1]
	})
	return assemble.Vergleiche(diffKonzept("Fortschreibung 2024", nil), neu)
}

func TestDiffText(t *testing.T) {
	var b bytes.Buffer
	if err := output.DiffText(&b, diffBeispiel(), "de"); err != nil {
		t.Fatal(err)
	}
	want := `Änderungen gegenüber der Vorfassung
  Vorfassung: Fortschreibung 2024, Stand 03.06.2024
  Fassung:    Fortschreibung 2025, Stand 03.06.2024

Maßnahmen je Handlungsfeld
  Handlungsfeld        neu  geändert  entfallen  verschoben  Statuswechsel
  Sprache und Bildung    1         1          1           1              1
  Summe                  1         1          1           1              1
  geändert: Angaben außer dem Status, die Statuswechsel sind eigens gezählt; entfallen: nicht mehr im Konzept.
  Ziele insgesamt: 0 neu, 0 geändert, 0 entfallen, 0 verschoben

Sprache und Bildung
  Titel: „Sprache“ → „Sprache und Bildung“
  Neue Maßnahmen
    SP-2.2  Sprachlernklassen
  Geänderte Maßnahmen
    SP-1.1  Kinderbeaufsichtigung | *neu*
            Titel: „Kinderbetreuung“ → „Kinderbeaufsichtigung | *neu*“
            Beschreibung ergänzt
            Federführung: KMT → VHS
            Partner: + KMT, − AWO Kreisverband
            Ende: Q2/2025 → fortlaufend
            Priorität: hoch → –
            Kosten: 15.000` + "\u00a0" + `€ → –
            Querschnittsthemen: + Gleichstellung
  Verschobene Maßnahmen
    SP-1.2  Sprachcafé
            Ziel: SP-1 → SP-2
  Entfallene Maßnahmen
    SP-2.1  Elternlotsen
  Statuswechsel
    geplant → in Umsetzung: 1 (SP-1.1)
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestDiffTextEnglish(t *testing.T) {
	var b bytes.Buffer
	if err := output.DiffText(&b, diffBeispiel(), "en"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  Previous version: Fortschreibung 2024, as of 2024-06-03\n",
		"  Field of action      new  changed  removed  moved  status changes\n",
		"            Title: “Kinderbetreuung” → “Kinderbeaufsichtigung | *neu*”\n",
		"            End: Q2/2025 → ongoing\n",
		"            Costs: €15,000 → –\n",
		"    planned → in progress: 1 (SP-1.1)\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
}

func TestDiffMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := output.DiffMarkdown(&b, diffBeispiel(), "de"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## Änderungen gegenüber der Vorfassung\n\n- Vorfassung: Fortschreibung 2024, Stand 03.06.2024\n",
		"| Handlungsfeld | neu | geändert | entfallen | verschoben | Statuswechsel |\n|:---|---:|---:|---:|---:|---:|\n| Sprache und Bildung | 1 | 1 | 1 | 1 | 1 |\n",
		"| **Summe** | **1** |",
		// Markup in the concept's texts is escaped.
		"\n- **SP-1.1** Kinderbeaufsichtigung \\| \\*neu\\*\n  - Titel: „Kinderbetreuung“ → „Kinderbeaufsichtigung \\| \\*neu\\*“\n",
		"\n#### Verschobene Maßnahmen\n\n- **SP-1.2** Sprachcafé\n  - Ziel: SP-1 → SP-2\n\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "\n\n\n") || !strings.HasSuffix(b.String(), ")\n") {
		t.Errorf("blocks are not separated by exactly one blank line:\n%s", b.String())
	}
}

func TestDiffKeineUnterschiede(t *testing.T) {
	d := assemble.Vergleiche(diffKonzept("A", nil), diffKonzept("B", nil))
	var text, md, js bytes.Buffer
	if err := output.DiffText(&text, d, "de"); err != nil {
		t.Fatal(err)
	}
	if err := output.DiffMarkdown(&md, d, "en"); err != nil {
		t.Fatal(err)
	}
	if err := output.DiffJSON(&js, d); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(text.String(), "\n\nKeine Unterschiede.\n") || !strings.HasSuffix(md.String(), "\n\nNo differences.\n") {
		t.Errorf("text:\n%s\nmarkdown:\n%s", text.String(), md.String())
	}
	var v struct {
		Unterschiede    bool `json:"unterschiede"`
		Handlungsfelder []struct {
			Aenderung  string `json:"aenderung"`
			Massnahmen []any  `json:"massnahmen"`
		} `json:"handlungsfelder"`
	}
	if err := json.Unmarshal(js.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Unterschiede || len(v.Handlungsfelder) != 1 || v.Handlungsfelder[0].Aenderung != "unveraendert" || v.Handlungsfelder[0].Massnahmen == nil {
		t.Errorf("JSON of no differences: %+v\n%s", v, js.String())
	}
}

func TestDiffJSON(t *testing.T) {
	var b bytes.Buffer
	if err := output.DiffJSON(&b, diffBeispiel()); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Vorfassung struct{ Fassung, Stand string }
		Summe      struct{ Massnahmen map[string]int }
		Felder     []struct {
			ID, Aenderung string
			Attribute     []map[string]any
			Massnahmen    []struct {
				ID, Feld, Ziel, Aenderung string
				Verschoben                *struct{ Von, Nach struct{ Feld, Ziel string } }
				Attribute                 []struct {
					Attribut string
					Alt, Neu any
				}
			}
			Statuswechsel []struct {
				Von, Nach  string
				Anzahl     int
				Massnahmen []string
			}
		} `json:"handlungsfelder"`
	}
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if v.Vorfassung.Stand != "2024-06-03" || v.Summe.Massnahmen["verschoben"] != 1 || v.Summe.Massnahmen["statuswechsel"] != 1 {
		t.Errorf("vorfassung %+v, summe %+v", v.Vorfassung, v.Summe)
	}
	f := v.Felder[0]
	if f.Aenderung != "geaendert" || f.Attribute[0]["alt"] != "Sprache" {
		t.Errorf("field: %+v", f)
	}
	ms := f.Massnahmen
	if len(ms) != 4 || ms[0].ID != "SP-1.1" || ms[1].ID != "SP-1.2" || ms[2].ID != "SP-2.2" || ms[3].ID != "SP-2.1" {
		t.Fatalf("measures: %+v", ms)
	}
	werte := map[string][2]any{}
	for _, a := range ms[0].Attribute {
		werte[a.Attribut] = [2]any{a.Alt, a.Neu}
	}
	for key, want := range map[string][2]any{
		"titel":         {"Kinderbetreuung", "Kinderbeaufsichtigung | *neu*"},
		"beschreibung":  {nil, "Neu beschrieben."},
		"federfuehrung": {"kmt", "vhs"},
		"partner":       {[]any{"vhs", "awo"}, []any{"kmt", "vhs"}},
		"ende":          {"2025-Q2", "fortlaufend"},
		"status":        {"geplant", "in-umsetzung"},
		"prioritaet":    {"hoch", nil},
		"kosten":        {15000.0, nil},
		"querschnitt":   {[]any{}, []any{"gleichstellung"}},
	} {
		got, _ := json.Marshal(werte[key])
		w, _ := json.Marshal(want)
		if string(got) != string(w) {
			t.Errorf("%s: alt, neu = %s, want %s", key, got, w)
		}
	}
	if len(werte) != 9 {
		t.Errorf("attributes %v, want 9", werte)
	}
	if m := ms[1]; m.Aenderung != "geaendert" || m.Verschoben == nil || m.Verschoben.Von.Ziel != "SP-1" || m.Verschoben.Nach.Ziel != "SP-2" || len(m.Attribute) != 0 {
		t.Errorf("moved measure: %+v", m)
	}
	if ms[2].Aenderung != "neu" || ms[3].Aenderung != "entfallen" || ms[3].Ziel != "SP-2" {
		t.Errorf("new and removed: %+v %+v", ms[2], ms[3])
	}
	if w := f.Statuswechsel; len(w) != 1 || w[0].Von != "geplant" || w[0].Nach != "in-umsetzung" || w[0].Anzahl != 1 {
		t.Errorf("statuswechsel %+v", w)
	}
}
