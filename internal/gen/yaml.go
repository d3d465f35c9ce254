package gen

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// The YAML files are written from these types; their fields are in the
// order of SPEC section 2, so the files read like hand-written ones.
type (
	yKonzept struct {
		Konzept            yMeta             `yaml:"konzept"`
		Beschluss          yBeschluss        `yaml:"beschluss"`
		Vorwort            yVorwort          `yaml:"vorwort"`
		LeichteSprache     string            `yaml:"leichte_sprache"`
		Leitbild           yLeitbild         `yaml:"leitbild"`
		Querschnittsthemen []yThema          `yaml:"querschnittsthemen"`
		Akteure            []yAkteur         `yaml:"akteure"`
		Abkuerzungen       map[string]string `yaml:"abkuerzungen"`
		Beteiligung        yBeteiligung      `yaml:"beteiligung"`
		Handlungsfelder    []yFeld           `yaml:"handlungsfelder"`
		Quellen            []string          `yaml:"quellen"`
		Befragungen        []yBefragung      `yaml:"befragungen"`
	}
	yMeta struct {
		Titel       string       `yaml:"titel"`
		Kurztitel   string       `yaml:"kurztitel"`
		Traeger     string       `yaml:"traeger"`
		Fassung     string       `yaml:"fassung"`
		Stand       string       `yaml:"stand"`
		Sprache     string       `yaml:"sprache"`
		Logo        string       `yaml:"logo"`
		LogoAlt     string       `yaml:"logo_alt"`
		Farbe       string       `yaml:"farbe"`
		Herausgeber yHerausgeber `yaml:"herausgeber"`
	}
	yHerausgeber struct {
		Stelle    string `yaml:"stelle"`
		Anschrift string `yaml:"anschrift"`
		Email     string `yaml:"email"`
		Telefon   string `yaml:"telefon"`
	}
	yBeschluss struct {
		Vorlage            string      `yaml:"vorlage"`
		Betreff            string      `yaml:"betreff"`
		Beratungsfolge     []yBeratung `yaml:"beratungsfolge"`
		Beschlussvorschlag string      `yaml:"beschlussvorschlag"`
		Sachverhalt        string      `yaml:"sachverhalt"`
		FinanzenHinweis    string      `yaml:"finanzen_hinweis"`
	}
	yBeratung struct {
		Gremium        string `yaml:"gremium"`
		Datum          string `yaml:"datum"`
		Zustaendigkeit string `yaml:"zustaendigkeit"`
		Oeffentlich    *bool  `yaml:"oeffentlich,omitempty"`
		Ergebnis       string `yaml:"ergebnis,omitempty"`
	}
	yVorwort struct {
		Autor    string `yaml:"autor"`
		Funktion string `yaml:"funktion"`
		Text     string `yaml:"text"`
	}
	yLeitbild struct {
		Einleitung  string       `yaml:"einleitung"`
		Grundsaetze []yGrundsatz `yaml:"grundsaetze"`
	}
	yGrundsatz struct {
		Titel string `yaml:"titel"`
		Text  string `yaml:"text"`
	}
	yThema struct {
		ID    string `yaml:"id"`
		Titel string `yaml:"titel"`
	}
	yAkteur struct {
		ID   string `yaml:"id"`
		Name string `yaml:"name"`
		Kurz string `yaml:"kurz,omitempty"`
		Art  string `yaml:"art"`
	}
	yBeteiligung struct {
		Text            string           `yaml:"text"`
		Veranstaltungen []yVeranstaltung `yaml:"veranstaltungen"`
		Stimmen         []yStimme        `yaml:"stimmen"`
	}
	yVeranstaltung struct {
		Titel           string   `yaml:"titel"`
		Datum           string   `yaml:"datum"`
		Format          string   `yaml:"format"`
		Teilnehmende    int      `yaml:"teilnehmende"`
		Handlungsfelder []string `yaml:"handlungsfelder,flow"`
	}
	yStimme struct {
		Name     string `yaml:"name"`
		Funktion string `yaml:"funktion"`
		Zitat    string `yaml:"zitat"`
	}
	yFeld struct {
		ID           string  `yaml:"id"`
		Titel        string  `yaml:"titel,omitempty"`
		Ausgangslage string  `yaml:"ausgangslage,omitempty"`
		Ziele        []yZiel `yaml:"ziele,omitempty"`
	}
	yZiel struct {
		ID           string       `yaml:"id"`
		Titel        string       `yaml:"titel"`
		Beschreibung string       `yaml:"beschreibung,omitempty"`
		Indikatoren  []string     `yaml:"indikatoren,omitempty"`
		Massnahmen   []yMassnahme `yaml:"massnahmen,omitempty"`
	}
	yMassnahme struct {
		ID            string   `yaml:"id"`
		Titel         string   `yaml:"titel"`
		Beschreibung  string   `yaml:"beschreibung,omitempty"`
		Federfuehrung string   `yaml:"federfuehrung"`
		Partner       []string `yaml:"partner,omitempty,flow"`
		Beginn        string   `yaml:"beginn,omitempty"`
		Ende          string   `yaml:"ende,omitempty"`
		Status        string   `yaml:"status"`
		Prioritaet    string   `yaml:"prioritaet,omitempty"`
		Finanzierung  string   `yaml:"finanzierung,omitempty"`
		Kosten        *float64 `yaml:"kosten,omitempty"`
		Querschnitt   []string `yaml:"querschnitt,omitempty,flow"`
		Indikator     string   `yaml:"indikator,omitempty"`
	}
	yFragment struct {
		Handlungsfelder []yFeld `yaml:"handlungsfelder"`
	}
	yBefragung struct {
		ID            string    `yaml:"id"`
		Titel         string    `yaml:"titel"`
		Zeitraum      yZeitraum `yaml:"zeitraum"`
		Antworten     string    `yaml:"antworten"`
		Sprachspalte  string    `yaml:"sprachspalte"`
		Mindestgruppe int       `yaml:"mindestgruppe"`
		Fragen        []yFrage  `yaml:"fragen"`
	}
	yZeitraum struct {
		Von string `yaml:"von"`
		Bis string `yaml:"bis"`
	}
	yFrage struct {
		ID            string   `yaml:"id"`
		Text          string   `yaml:"text"`
		Typ           string   `yaml:"typ"`
		Skala         *ySkala  `yaml:"skala,omitempty"`
		Optionen      []string `yaml:"optionen,omitempty"`
		Handlungsfeld string   `yaml:"handlungsfeld,omitempty"`
	}
	ySkala struct {
		Min          int            `yaml:"min"`
		Max          int            `yaml:"max"`
		Beschriftung map[int]string `yaml:"beschriftung"`
	}
)

// yamlFiles adds konzept.yaml and the fragments to files.
func (m *model) yamlFiles(files map[string][]byte) error {
	k := yKonzept{
		Konzept: yMeta{
			Titel: titel, Kurztitel: "Integrationskonzept", Traeger: traeger,
			Fassung: "Fortschreibung 2025", Stand: "2025-09-01", Sprache: "de",
			Logo: logoDatei, LogoAlt: "Wappen des Landkreises Emsmoor – ein goldenes Torfmoor unter einem blauen Wellenbalken",
			Farbe: "#1B6E3C",
			Herausgeber: yHerausgeber{
				Stelle:    "Landkreis Emsmoor – Koordinierungsstelle Migration und Teilhabe",
				Anschrift: "Ordeniederung 1, 49716 Hasebrück",
				Email:     "integration@emsmoor.example",
				Telefon:   "05931 44-0",
			},
		},
		Beschluss: yBeschluss{
			Vorlage: "2025/0417",
			Betreff: titel + " – Fortschreibung 2025",
			Beratungsfolge: []yBeratung{
				{Gremium: "Ausschuss für Soziales, Gesundheit und Integration", Datum: "2025-09-09", Zustaendigkeit: "Vorberatung", Ergebnis: "einstimmig zur Beschlussfassung empfohlen"},
				{Gremium: "Kreisausschuss", Datum: "2025-09-23", Zustaendigkeit: "Vorberatung", Oeffentlich: new(false)},
				{Gremium: "Kreistag", Datum: "2025-10-07", Zustaendigkeit: "Entscheidung"},
			},
			Beschlussvorschlag: "Der Kreistag beschließt die Fortschreibung 2025 des Integrationskonzepts des Landkreises Emsmoor in der vorliegenden Fassung. Die Verwaltung wird beauftragt, die Maßnahmen im Rahmen der im Haushalt bereitgestellten Mittel umzusetzen und jährlich über den Stand zu berichten.",
			Sachverhalt:        sachverhalt,
			FinanzenHinweis:    "Die Eigenmittel für 2026 sind im Entwurf des Haushalts 2026 veranschlagt. Maßnahmen, die aus Förderprogrammen finanziert werden sollen, beginnen erst nach Bewilligung.",
		},
		Vorwort:        yVorwort{Autor: "Dr. Marc-André Többen", Funktion: "Landrat", Text: vorwortText},
		LeichteSprache: leichteSprache,
		Leitbild: yLeitbild{
			Einleitung: "Das Leitbild beschreibt, wie wir im Landkreis Emsmoor zusammenleben wollen. Die vier Grundsätze gelten für alle Handlungsfelder und für alle, die an der Umsetzung beteiligt sind.",
		},
		Abkuerzungen: abkuerzungen,
		Beteiligung: yBeteiligung{
			Text: "Die Fortschreibung wurde zwischen September 2024 und Juni 2025 in einem offenen Beteiligungsprozess erarbeitet.\n\n" +
				"1. **Dialogveranstaltungen** zum Auftakt in allen Teilen des Kreises,\n2. **Fachworkshops** zu den Handlungsfeldern,\n3. eine **Onlinebefragung** auf Deutsch, Englisch und in Leichter Sprache.\n\n" +
				"Moderiert haben Çağrı Öztürk und Jana Többen-Kowalczyk vom Jugendmigrationsdienst.",
		},
		Quellen: []string{"handlungsfelder/*.yaml", "workshops/*.xlsx"},
	}
	for _, g := range grundsaetze {
		k.Leitbild.Grundsaetze = append(k.Leitbild.Grundsaetze, yGrundsatz{g.titel, g.text})
	}
	for _, t := range querschnitt {
		k.Querschnittsthemen = append(k.Querschnittsthemen, yThema{t.id, t.titel})
	}
	for _, a := range m.akteure {
		k.Akteure = append(k.Akteure, yAkteur{a.id, a.name, a.kurz, a.art})
	}
	for i := range 6 * m.scale {
		v := veranstaltungsArten[i%len(veranstaltungsArten)]
		t := v.titel
		if i >= len(veranstaltungsArten) {
			t += " in " + orte[i%len(orte)]
		}
		var felder []string
		for j := range 1 + i%3 {
			felder = append(felder, feldVorlagen[(i+j)%Felder].id)
		}
		datum := time.Date(2024, 9, 10, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*270/(6*m.scale)) // until June 2025
		k.Beteiligung.Veranstaltungen = append(k.Beteiligung.Veranstaltungen, yVeranstaltung{
			Titel: t, Datum: datum.Format(time.DateOnly),
			Format: v.format, Teilnehmende: 12 + (i*37)%90, Handlungsfelder: felder,
		})
	}
	for i := range 4 * m.scale {
		p := personen[i%len(personen)]
		k.Beteiligung.Stimmen = append(k.Beteiligung.Stimmen, yStimme{p.name, p.funktion, p.zitat})
	}
	for _, f := range m.felder {
		yf := yFeld{ID: f.v.id, Titel: f.v.titel, Ausgangslage: f.v.ausgangslage}
		if f.ziele[0].quelle == inKonzept {
			yf.Ziele = m.yamlZiele(f, inKonzept)
		}
		k.Handlungsfelder = append(k.Handlungsfelder, yf)
	}
	k.Befragungen = []yBefragung{befragung()}
	head := fmt.Sprintf(`# Integrationskonzept des fiktiven Landkreises Emsmoor, erzeugt von internal/gen
# (Maßstab %d: %d Ziele, %d Maßnahmen, %d Antworten). Weitere Ziele und Maßnahmen stehen in
# handlungsfelder/*.yaml und in den Arbeitsmappen unter workshops/.

`, m.scale, ZieleJeMassstab*m.scale, MassnahmenJeMassstab*m.scale, AntwortenJeMassstab*m.scale)
	data, err := marshal(head, k)
	if err != nil {
		return err
	}
	files["konzept.yaml"] = data

	for i, f := range m.felder {
		if f.ziele[0].quelle != inFragment {
			continue
		}
		yf := yFeld{ID: f.v.id, Ziele: m.yamlZiele(f, inFragment)}
		if i%2 == 0 {
			yf.Titel = f.v.titel // may be repeated, if it is the same
		}
		data, err := marshal(fmt.Sprintf("# Ziele und Maßnahmen des Handlungsfelds „%s“.\n", f.v.titel), yFragment{[]yFeld{yf}})
		if err != nil {
			return err
		}
		files["handlungsfelder/"+f.v.id+".yaml"] = data
	}
	return nil
}

// yamlZiele returns the goals of f with the measures written in YAML.
func (m *model) yamlZiele(f *feld, quelle int) []yZiel {
	var out []yZiel
	for _, z := range f.ziele {
		yz := yZiel{ID: z.id, Titel: z.titel, Beschreibung: z.beschreibung, Indikatoren: z.indikatoren}
		for _, ms := range z.massnahmen {
			if ms.quelle != quelle {
				continue
			}
			ym := yMassnahme{
				ID: ms.id, Titel: ms.titel, Beschreibung: ms.beschreibung,
				Federfuehrung: m.akteure[ms.feder].id,
				Beginn:        ms.beginn.yaml(), Ende: ms.ende.yaml(),
				Status: ms.status, Prioritaet: ms.prioritaet, Finanzierung: ms.finanzierung,
				Indikator: ms.indikator,
			}
			for _, p := range ms.partner {
				ym.Partner = append(ym.Partner, m.akteure[p].id)
			}
			for _, q := range ms.querschnitt {
				ym.Querschnitt = append(ym.Querschnitt, querschnitt[q].id)
			}
			if ms.kosten >= 0 {
				ym.Kosten = new(ms.kosten)
			}
			yz.Massnahmen = append(yz.Massnahmen, ym)
		}
		out = append(out, yz)
	}
	return out
}

func befragung() yBefragung {
	return yBefragung{
		ID: "online-2025", Titel: "Onlinebefragung zum Integrationskonzept 2025",
		Zeitraum:  yZeitraum{Von: "2025-01-13", Bis: "2025-02-14"},
		Antworten: antwortenDatei, Sprachspalte: "sprache", Mindestgruppe: 5,
		Fragen: []yFrage{
			{ID: "f1", Text: "Wie lange leben Sie schon im Landkreis Emsmoor?", Typ: "einfach", Optionen: umfrageDauer},
			{ID: "f2", Text: "Welche Angebote haben Sie in den letzten zwölf Monaten genutzt?", Typ: "mehrfach",
				Optionen: append(append([]string(nil), umfrageAngebote...), umfrageKeines), Handlungsfeld: "sprache"},
			{ID: "f3", Text: "Wie willkommen fühlen Sie sich im Landkreis Emsmoor?", Typ: "skala",
				Skala: &ySkala{Min: 1, Max: 5, Beschriftung: map[int]string{1: "gar nicht willkommen", 3: "teils, teils", 5: "sehr willkommen"}}},
			{ID: "f4", Text: "Wie viele Stunden engagieren Sie sich im Monat ehrenamtlich?", Typ: "zahl"},
			{ID: "f5", Text: "Wie gut finden Sie sich bei Behörden und Ämtern zurecht?", Typ: "skala",
				Skala: &ySkala{Min: 1, Max: 4, Beschriftung: map[int]string{1: "gar nicht", 4: "sehr gut"}}, Handlungsfeld: "teilhabe"},
			{ID: "f6", Text: "Was sollte der Landkreis aus Ihrer Sicht als Erstes verbessern?", Typ: "freitext"},
		},
	}
}

// marshal writes v as YAML after the comment head.
func marshal(head string, v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(head)
	e := yaml.NewEncoder(&b)
	e.SetIndent(2)
	if err := e.Encode(v); err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	if err := e.Close(); err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	return []byte(strings.ReplaceAll(b.String(), "\r", "")), nil
}
