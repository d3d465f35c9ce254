package output

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/landkreis/konzept/schema"
)

// label is a text of the PDF in German and English.
type label struct{ de, en string }

func (d *doc) t(l label) string {
	if d.lang == "en" {
		return l.en
	}
	return l.de
}

var (
	lblInhalt          = label{"Inhaltsverzeichnis", "Contents"}
	lblSeiteVon        = label{"Seite %d von %d", "Page %d of %d"}
	lblStand           = label{"Stand: %s", "As of %s"}
	lblVorwort         = label{"Vorwort", "Foreword"}
	lblLeichte         = label{"Das Wichtigste in Leichter Sprache", "Summary in Easy Language"}
	lblLeitbild        = label{"Leitbild", "Guiding principles"}
	lblBeteiligung     = label{"Beteiligungsprozess", "Participation process"}
	lblVeranstaltung   = label{"Veranstaltungen", "Events"}
	lblStimmen         = label{"Stimmen aus dem Beteiligungsprozess", "Voices from the participation process"}
	lblDatum           = label{"Datum", "Date"}
	lblTitel           = label{"Veranstaltung", "Event"}
	lblFormat          = label{"Format", "Format"}
	lblTeilnehmende    = label{"Teilnehmende", "Participants"}
	lblFelder          = label{"Handlungsfelder", "Fields of action"}
	lblAusgangslage    = label{"Ausgangslage", "Current situation"}
	lblZiele           = label{"Ziele", "Goals"}
	lblZiel            = label{"Ziel", "Goal"}
	lblIndikatoren     = label{"Indikatoren", "Indicators"}
	lblMassnahmen      = label{"Maßnahmen", "Measures"}
	lblNr              = label{"Nr.", "No."}
	lblMassnahme       = label{"Maßnahme", "Measure"}
	lblFederfuehrung   = label{"Federführung", "Lead"}
	lblPartner         = label{"Partner", "Partners"}
	lblZeitraum        = label{"Zeitraum", "Period"}
	lblStatus          = label{"Status", "Status"}
	lblPrioritaet      = label{"Priorität", "Priority"}
	lblTitelAenderung  = label{"Titel und Änderungen", "Title and changes"}
	lblMarkeNeu        = label{"neu", "new"}
	lblMarkeGeaendert  = label{"geändert", "changed"}
	lblMarkeVerschoben = label{"verschoben", "moved"}
	lblMarkeStatus     = label{"Status geändert", "status changed"}
	lblQuerschnitt     = label{"Querschnitt", "Cross-cutting"}
	lblIndikator       = label{"Indikator", "Indicator"}
	lblAnhang          = label{"Anhang", "Appendix"}
	lblAkteure         = label{"Akteursverzeichnis", "Actors"}
	lblKurz            = label{"Kurz", "Short"}
	lblName            = label{"Name", "Name"}
	lblArt             = label{"Art", "Type"}
	lblFederf          = label{"federführend", "leading"}
	lblPartnerAnz      = label{"Partner", "partners"}
	lblAbkuerzungen    = label{"Abkürzungen", "Abbreviations"}
	lblAbkuerzung      = label{"Abkürzung", "Abbreviation"}
	lblBedeutung       = label{"Bedeutung", "Meaning"}
	lblQuellen         = label{"Quellenverzeichnis", "Sources"}
	lblDatei           = label{"Datei", "File"}
	lblImpressum       = label{"Impressum", "Imprint"}
	lblHerausgeber     = label{"Herausgeber", "Publisher"}
	lblErstellt        = label{"Erstellt mit konzept %s aus den Quelldateien des Konzepts.", "Made with konzept %s from the concept's source files."}
	lblKeineMassnahme  = label{"Für dieses Ziel sind noch keine Maßnahmen festgelegt.", "No measures have been set for this goal yet."}
	lblWappen          = label{"Wappen des %s", "Coat of arms of %s"}
	lblSiehe           = label{"%s, Seite %d", "%s, page %d"}
	lblAb              = label{"ab %s", "from %s"}
	lblBis             = label{"bis %s", "until %s"}
)

var statusLabels = map[schema.Status]label{
	schema.Geplant:         {"geplant", "planned"},
	schema.InUmsetzung:     {"in Umsetzung", "in progress"},
	schema.Umgesetzt:       {"umgesetzt", "completed"},
	schema.Dauerhaft:       {"dauerhaft", "permanent"},
	schema.Zurueckgestellt: {"zurückgestellt", "deferred"},
	schema.Entfallen:       {"entfallen", "dropped"},
}

var prioLabels = map[string]label{
	"hoch":    {"hoch", "high"},
	"mittel":  {"mittel", "medium"},
	"niedrig": {"niedrig", "low"},
}

var artLabels = map[string]label{
	"verwaltung":            {"Verwaltung", "administration"},
	"gremium":               {"Gremium", "committee"},
	"arbeitskreis":          {"Arbeitskreis", "working group"},
	"bildung":               {"Bildung", "education"},
	"wirtschaft":            {"Wirtschaft", "business"},
	"freier-traeger":        {"freier Träger", "non-profit provider"},
	"ehrenamt":              {"Ehrenamt", "volunteers"},
	"migrantenorganisation": {"Migrantenorganisation", "migrant organisation"},
	"extern":                {"extern", "external"},
}

var monthsDE = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// longDate formats a date as "1. September 2025" or "1 September 2025".
func (d *doc) longDate(t time.Time) string {
	if d.lang == "en" {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d. %s %d", t.Day(), monthsDE[t.Month()-1], t.Year())
}

// shortDate formats a date as "30.11.2018" or "2018-11-30".
func (d *doc) shortDate(t time.Time) string {
	if d.lang == "en" {
		return t.Format(time.DateOnly)
	}
	return t.Format("02.01.2006")
}

// integer formats n with thousands separators: 12.000 or 12,000.
func (d *doc) integer(n int) string {
	s, neg := strings.CutPrefix(strconv.Itoa(n), "-")
	sep := "."
	if d.lang == "en" {
		sep = ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// zeitraum formats the period of a measure: "01/2025 – 12/2026", "ab 2025".
func (d *doc) zeitraum(m *schema.Massnahme) string {
	b, e := m.Beginn.Display(d.lang), m.Ende.Display(d.lang)
	switch {
	case b != "" && e != "":
		return b + "\u00a0– " + e // the dash stays with the beginning
	case b != "":
		return fmt.Sprintf(d.t(lblAb), b)
	case e != "":
		return fmt.Sprintf(d.t(lblBis), e)
	}
	return "–"
}

// Labels of the survey results (umfrage.go).
var (
	lblAngabe       = label{"Angabe", "Item"}
	lblWert         = label{"Wert", "Value"}
	lblAntworten    = label{"Antworten", "Responses"}
	lblDavon        = label{"davon %s", "of which %s"}
	lblAntwort      = label{"Antwort", "Answer"}
	lblAnzahl       = label{"Anzahl", "Count"}
	lblAnteil       = label{"Anteil", "Share"}
	lblSonstige     = label{"sonstige", "other"}
	lblKeineAngabe  = label{"keine Angabe", "no answer"}
	lblFreitext     = label{"%s Freitextantworten (nicht abgedruckt)", "%s free-text answers (not printed)"}
	lblStatistik    = label{"Mittelwert: %s, Median: %s (aus %s Antworten)", "Mean: %s, median: %s (from %s answers)"}
	lblStatVerdeckt = label{"Mittelwert und Median werden bei weniger als %d Antworten nicht ausgewiesen.", "Mean and median are not shown for fewer than %d answers."}
	lblBasis        = label{"Anteile bezogen auf alle %s Antworten.", "Shares of all %s responses."}
	lblMehrfach     = label{"Mehrfachnennungen möglich.", "Several answers possible."}
	lblVerdeckt     = label{"Werte unter %d werden nicht ausgewiesen; „x“: nicht ausgewiesen, weil sich sonst ein kleiner Wert aus der Summe errechnen ließe; schraffierte Balken haben keine aussagekräftige Länge.", "Values below %d are not shown; “x”: not shown because a small value could otherwise be worked out from the total; hatched bars have no meaningful length."}
	lblDiagramm     = label{"Balkendiagramm – %s: %s", "Bar chart – %s: %s"}
	lblVerweis      = label{"Ergebnisse der Befragung zu diesem Handlungsfeld: %s", "Survey results on this field of action: %s"}
	lblAbschnitt    = label{"Abschnitt %s", "section %s"}
	lblZitat        = label{"„%s“", "“%s”"}
)

// sprachLabels names the questionnaire languages of a survey.
var sprachLabels = map[string]label{
	"de": {"Deutsch", "German"},
	"en": {"Englisch", "English"},
	"ls": {"Leichte Sprache", "Easy Language"},
}

// Labels of the chapter "Umsetzung und Monitoring" (monitoring.go).
var (
	lblMonKapitel       = label{"Umsetzung und Monitoring", "Implementation and monitoring"}
	lblMonStand         = label{"Stand der Umsetzung", "State of implementation"}
	lblMonFeld          = label{"Handlungsfeld", "Field of action"}
	lblMonSumme         = label{"Summe", "Total"}
	lblMonKeine         = label{"keine Maßnahmen", "no measures"}
	lblMonStatusAlt     = label{"Gestapeltes Balkendiagramm – Status der Maßnahmen: %s", "Stacked bar chart – status of the measures: %s"}
	lblMonVerantwortung = label{"Verantwortlichkeiten", "Responsibilities"}
	lblMonMatrixText    = label{"Anzahl der Maßnahmen je Handlungsfeld, die ein Akteur federführend / als Partner verantwortet.", "Number of measures per field of action that an actor leads / partners."}
	lblMonAkteur        = label{"Akteur", "Actor"}
	lblMonHF            = label{"HF\u00a0%d", "FA\u00a0%d"}
)

// Labels of the Zeitplan (monitoring.go).
var (
	lblMonZeitplan        = label{"Zeitplan", "Timeline"}
	lblMonZeitplanAlt     = label{"Zeitplan nach Halbjahren – %s", "Timeline by half-year – %s"}
	lblMonZeitplanFeld    = label{"Zeitplan %s: %s", "Timeline %s: %s"}
	lblMonZeitplanHinweis = label{"Halbjahre als 1/JJJJ (Januar–Juni) und 2/JJJJ (Juli–Dezember); auslaufende Balken: fortlaufende Maßnahmen und solche ohne Enddatum.", "Half-years as 1/YYYY (January–June) and 2/YYYY (July–December); fading bars: ongoing measures and those without an end date."}
	lblMonOhneTermin      = label{"Ohne Zeitangabe: %s.", "No dates given: %s."}
)

// Labels of the Beschlussvorlage (beschluss.go).
var (
	lblBvKapitel         = label{"Beschlussvorlage", "Draft resolution"}
	lblBvNr              = label{"Vorlagen-Nr.", "Paper no."}
	lblBvDatum           = label{"Datum", "Date"}
	lblBvStelle          = label{"Fachdienst", "Department"}
	lblBvTraeger         = label{"Träger", "Authority"}
	lblBvBetreff         = label{"Betreff", "Subject"}
	lblBvBeratung        = label{"Beratungsfolge", "Order of deliberation"}
	lblBvGremium         = label{"Gremium", "Body"}
	lblBvSitzung         = label{"Sitzungsdatum", "Meeting date"}
	lblBvZustaendig      = label{"Zuständigkeit", "Competence"}
	lblBvOeffentlich     = label{"Sitzung", "Meeting"}
	lblBvOeffentlichJa   = label{"öffentlich", "public"}
	lblBvOeffentlichNein = label{"nicht öffentlich", "closed"}
	lblBvErgebnis        = label{"Ergebnis", "Result"}
	lblBvVorschlag       = label{"Beschlussvorschlag", "Proposed resolution"}
	lblBvSachverhalt     = label{"Sachverhalt", "Background"}
	lblBvFinanzen        = label{"Finanzielle Auswirkungen", "Financial implications"}
	lblBvQuelle          = label{"Finanzierung", "Funding"}
	lblBvKosten          = label{"Kosten", "Costs"}
	lblBvOhneAngabe      = label{"ohne Angabe", "not stated"}
	lblBvZurueck         = label{"Zurückgestellte Maßnahmen (nicht in der Summe)", "Deferred measures (not in the total)"}
	lblBvZurueckSumme    = label{"Summe zurückgestellt", "Total deferred"}
	lblBvOhneKosten      = label{"%s Maßnahmen ohne Kostenangabe; entfallene Maßnahmen sind nicht enthalten.", "%s measures without stated costs; dropped measures are not included."}
	lblBvOhneKosten1     = label{"%s Maßnahme ohne Kostenangabe; entfallene Maßnahmen sind nicht enthalten.", "%s measure without stated costs; dropped measures are not included."}
	lblBvAnlagen         = label{"Anlagen", "Attachments"}
	lblBvAnlage1         = label{"Anlage 1: %s – %s", "Attachment 1: %s – %s"}
)

// Labels of the Finanzierungsübersicht.
var (
	lblMonFinanzen   = label{"Finanzierungsübersicht", "Funding overview"}
	lblMonNachQuelle = label{"Nach Finanzierungsquelle", "By source of funding"}
	lblMonNachFeld   = label{"Nach Handlungsfeld (Maßnahmen mit Kostenangabe; ohne entfallene)", "By field of action (measures with costs; dropped ones excluded)"}
	lblMonZurueck    = label{"zurückgestellt", "deferred"}
)
