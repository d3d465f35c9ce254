// Package schema defines the data model of an Integrationskonzept, the rules
// it must satisfy, and the Problem type that reports a rule broken at a place
// in an input file.
//
// A concept is written in konzept.yaml; keys are German, lower case, ASCII:
//
//	konzept:
//	  titel: Integrationskonzept des Landkreises Musterland
//	  traeger: Landkreis Musterland
//	  fassung: Fortschreibung 2025
//	  stand: 2025-09-01
//	leitbild:
//	  grundsaetze:
//	    - {titel: Teilhabe, text: Alle Menschen gestalten den Landkreis mit.}
//	akteure:
//	  - {id: kmt, name: Koordinierungsstelle Migration und Teilhabe, art: verwaltung}
//	handlungsfelder:
//	  - id: sprache
//	    titel: Teilhabe durch Sprache
//	    ziele:
//	      - id: SP-1
//	        titel: Sprachkursangebote sind im ganzen Kreis erreichbar.
//	        massnahmen:
//	          - {id: SP-1.1, titel: Kinderbetreuung parallel zu Integrationskursen, federfuehrung: kmt}
//
// Each element type embeds Origin, which the readers in package sources fill
// with the position of the element and of each key, so that Validate and the
// later steps can point at the exact line and column (or workbook cell).
package schema

// Konzept is the whole concept as written in konzept.yaml (and, after merging,
// with the goals and measures of all sources).
type Konzept struct {
	Origin             `yaml:"-"`
	Konzept            *Meta               `yaml:"konzept" validate:"required"`
	Beschluss          *Beschluss          `yaml:"beschluss"`
	Vorwort            *Vorwort            `yaml:"vorwort"`
	LeichteSprache     string              `yaml:"leichte_sprache"` // md
	Leitbild           *Leitbild           `yaml:"leitbild" validate:"required"`
	Querschnittsthemen []Querschnittsthema `yaml:"querschnittsthemen" validate:"dive"`
	Akteure            []Akteur            `yaml:"akteure" validate:"dive"`
	Abkuerzungen       map[string]string   `yaml:"abkuerzungen"`
	Beteiligung        *Beteiligung        `yaml:"beteiligung"`
	Handlungsfelder    []Handlungsfeld     `yaml:"handlungsfelder" validate:"min=1,dive"`
	Quellen            []string            `yaml:"quellen"`
	Befragungen        []Befragung         `yaml:"befragungen" validate:"dive"`
}

// Fragment is a YAML file listed under `quellen`: more fields, goals and measures.
type Fragment struct {
	Origin          `yaml:"-"`
	Handlungsfelder []Handlungsfeld `yaml:"handlungsfelder" validate:"dive"`
}

// Meta is the `konzept` block: title page and document metadata.
type Meta struct {
	Origin      `yaml:"-"`
	Titel       string       `yaml:"titel" validate:"required"`
	Kurztitel   string       `yaml:"kurztitel"`
	Traeger     string       `yaml:"traeger" validate:"required"`
	Fassung     string       `yaml:"fassung" validate:"required"`
	Stand       Datum        `yaml:"stand" validate:"required"`
	Sprache     string       `yaml:"sprache" validate:"omitempty,oneof=de en"`
	Logo        string       `yaml:"logo"`
	LogoAlt     string       `yaml:"logo_alt"`
	Farbe       string       `yaml:"farbe" validate:"omitempty,farbe"`
	Herausgeber *Herausgeber `yaml:"herausgeber"`
}

// Herausgeber is the publishing office, printed in the Impressum.
type Herausgeber struct {
	Origin    `yaml:"-"`
	Stelle    string `yaml:"stelle" validate:"required"`
	Anschrift string `yaml:"anschrift"`
	Email     string `yaml:"email" validate:"omitempty,email"`
	Telefon   string `yaml:"telefon"`
}

// Beschluss is the council resolution; if present the PDF opens with a Beschlussvorlage.
type Beschluss struct {
	Origin             `yaml:"-"`
	Vorlage            string     `yaml:"vorlage" validate:"required"`
	Betreff            string     `yaml:"betreff" validate:"required"`
	Beratungsfolge     []Beratung `yaml:"beratungsfolge" validate:"min=1,dive"`
	Beschlussvorschlag string     `yaml:"beschlussvorschlag" validate:"required"`
	Sachverhalt        string     `yaml:"sachverhalt"` // md
	FinanzenHinweis    string     `yaml:"finanzen_hinweis"`
}

// Beratung is one step of the Beratungsfolge.
type Beratung struct {
	Origin         `yaml:"-"`
	Gremium        string `yaml:"gremium" validate:"required"`
	Datum          Datum  `yaml:"datum" validate:"required"`
	Zustaendigkeit string `yaml:"zustaendigkeit" validate:"required"`
	Oeffentlich    *bool  `yaml:"oeffentlich"` // default true
	Ergebnis       string `yaml:"ergebnis"`
}

// IstOeffentlich reports whether the deliberation is public (the default).
func (b *Beratung) IstOeffentlich() bool { return b.Oeffentlich == nil || *b.Oeffentlich }

// Vorwort is the foreword, usually by the Landrat.
type Vorwort struct {
	Origin   `yaml:"-"`
	Autor    string `yaml:"autor" validate:"required"`
	Funktion string `yaml:"funktion"`
	Text     string `yaml:"text" validate:"required"` // md
}

// Leitbild holds the guiding principles.
type Leitbild struct {
	Origin      `yaml:"-"`
	Einleitung  string      `yaml:"einleitung"` // md
	Grundsaetze []Grundsatz `yaml:"grundsaetze" validate:"min=1,dive"`
}

// Grundsatz is one guiding principle.
type Grundsatz struct {
	Origin `yaml:"-"`
	Titel  string `yaml:"titel" validate:"required"`
	Text   string `yaml:"text"` // md
}

// Querschnittsthema is a cross-cutting theme a measure can be tagged with.
type Querschnittsthema struct {
	Origin `yaml:"-"`
	ID     string `yaml:"id" validate:"required,konzeptid"`
	Titel  string `yaml:"titel" validate:"required"`
}

// Akteur is anyone who can lead or partner a measure.
type Akteur struct {
	Origin `yaml:"-"`
	ID     string `yaml:"id" validate:"required,konzeptid"`
	Name   string `yaml:"name" validate:"required"`
	Kurz   string `yaml:"kurz"`
	Art    string `yaml:"art" validate:"required,oneof=verwaltung gremium arbeitskreis bildung wirtschaft freier-traeger ehrenamt migrantenorganisation extern"`
}

// Anzeigename returns the short name if there is one, else the name.
func (a *Akteur) Anzeigename() string {
	if a.Kurz != "" {
		return a.Kurz
	}
	return a.Name
}

// Beteiligung describes the participation process.
type Beteiligung struct {
	Origin          `yaml:"-"`
	Text            string          `yaml:"text"` // md
	Veranstaltungen []Veranstaltung `yaml:"veranstaltungen" validate:"dive"`
	Stimmen         []Stimme        `yaml:"stimmen" validate:"dive"`
}

// Veranstaltung is one participation event.
type Veranstaltung struct {
	Origin          `yaml:"-"`
	Titel           string   `yaml:"titel" validate:"required"`
	Datum           Datum    `yaml:"datum" validate:"required"`
	Format          string   `yaml:"format"`
	Teilnehmende    int      `yaml:"teilnehmende" validate:"min=0"`
	Handlungsfelder []string `yaml:"handlungsfelder"`
}

// Stimme is a quote of a participant.
type Stimme struct {
	Origin   `yaml:"-"`
	Name     string `yaml:"name"`
	Funktion string `yaml:"funktion"`
	Zitat    string `yaml:"zitat" validate:"required"`
}

// Handlungsfeld is a field of action.
type Handlungsfeld struct {
	Origin       `yaml:"-"`
	ID           string `yaml:"id" validate:"required,konzeptid"`
	Titel        string `yaml:"titel"`        // required unless the field is defined elsewhere; checked when merging
	Ausgangslage string `yaml:"ausgangslage"` // md
	Ziele        []Ziel `yaml:"ziele" validate:"dive"`
}

// Ziel is a goal within a field of action.
type Ziel struct {
	Origin       `yaml:"-"`
	ID           string      `yaml:"id" validate:"required,nummer"`
	Titel        string      `yaml:"titel" validate:"required"`
	Beschreibung string      `yaml:"beschreibung"` // md
	Indikatoren  []string    `yaml:"indikatoren"`
	Massnahmen   []Massnahme `yaml:"massnahmen" validate:"dive"`
}

// Massnahme is a measure that serves a goal.
type Massnahme struct {
	Origin        `yaml:"-"`
	ID            string    `yaml:"id" validate:"required,nummer"`
	Titel         string    `yaml:"titel" validate:"required"`
	Beschreibung  string    `yaml:"beschreibung"` // md
	Federfuehrung string    `yaml:"federfuehrung" validate:"required"`
	Partner       []string  `yaml:"partner"`
	Beginn        Zeitpunkt `yaml:"beginn"`
	Ende          Zeitpunkt `yaml:"ende"`
	Status        Status    `yaml:"status" validate:"omitempty,oneof=geplant in-umsetzung umgesetzt dauerhaft zurueckgestellt entfallen"`
	Prioritaet    string    `yaml:"prioritaet" validate:"omitempty,oneof=hoch mittel niedrig"`
	Finanzierung  string    `yaml:"finanzierung"`
	Kosten        *float64  `yaml:"kosten" validate:"omitempty,min=0,max=1000000000000"`
	Querschnitt   []string  `yaml:"querschnitt"`
	Indikator     string    `yaml:"indikator"`
}

// Status is the state of implementation of a measure.
type Status string

// The values of Status; the empty status means Geplant.
const (
	Geplant         Status = "geplant"
	InUmsetzung     Status = "in-umsetzung"
	Umgesetzt       Status = "umgesetzt"
	Dauerhaft       Status = "dauerhaft"
	Zurueckgestellt Status = "zurueckgestellt"
	Entfallen       Status = "entfallen"
)

// Statuses lists all status values in their natural order.
var Statuses = []Status{Geplant, InUmsetzung, Umgesetzt, Dauerhaft, Zurueckgestellt, Entfallen}

// Befragung is a survey whose aggregated results the PDF reports.
type Befragung struct {
	Origin        `yaml:"-"`
	ID            string    `yaml:"id" validate:"required,konzeptid"`
	Titel         string    `yaml:"titel" validate:"required"`
	Zeitraum      *Zeitraum `yaml:"zeitraum"`
	Antworten     string    `yaml:"antworten" validate:"required"`
	Tabellenblatt string    `yaml:"tabellenblatt"`
	Sprachspalte  string    `yaml:"sprachspalte"`
	Mindestgruppe *int      `yaml:"mindestgruppe" validate:"omitempty,min=1"`
	Fragen        []Frage   `yaml:"fragen" validate:"min=1,dive"`
}

// Zeitraum is a period of two dates.
type Zeitraum struct {
	Origin `yaml:"-"`
	Von    Datum `yaml:"von" validate:"required"`
	Bis    Datum `yaml:"bis" validate:"required"`
}

// Frage is one question of a survey; its ID is the column header in the responses.
type Frage struct {
	Origin        `yaml:"-"`
	ID            string   `yaml:"id" validate:"required"`
	Text          string   `yaml:"text" validate:"required"`
	Typ           string   `yaml:"typ" validate:"required,oneof=einfach mehrfach skala zahl freitext"`
	Skala         *Skala   `yaml:"skala"`
	Optionen      []string `yaml:"optionen"`
	Handlungsfeld string   `yaml:"handlungsfeld"`
}

// Skala is the range and labels of a scale question.
type Skala struct {
	Origin       `yaml:"-"`
	Min          int            `yaml:"min"`
	Max          int            `yaml:"max"`
	Beschriftung map[int]string `yaml:"beschriftung"`
}
