package assemble

import "github.com/landkreis/konzept/schema"

// Umfrage is the aggregated result of one survey (`befragungen`): counts and
// statistics only. No answer, free text or other column of the responses
// file is kept: survey responses are personal data (SPEC section 5). Counts
// here are exact; the output prints those below Mindestgruppe as "< N".
type Umfrage struct {
	Befragung     *schema.Befragung
	Antworten     int      // number of responses (records)
	Sprachen      []Anzahl // by questionnaire language, if sprachspalte is set: de, en, ls first, then others sorted
	Fragen        []FrageErgebnis
	Mindestgruppe int // from the survey, default 5
}

// Anzahl is a count of something: an option, a scale value, a language.
type Anzahl struct {
	Wert string // the option text, the scale value ("1"…"5"), the language code
	N    int
}

// FrageErgebnis is the distribution of the answers to one question.
type FrageErgebnis struct {
	Frage       *schema.Frage
	Verteilung  []Anzahl // einfach/mehrfach: per option in the order of `optionen`; skala: per value min…max; zahl/freitext: empty
	Sonstige    int      // answers that are none of the options ("sonstige")
	KeineAngabe int      // empty answers
	Beantwortet int      // responses with an answer (for freitext: the number of texts, never the texts)
	Statistik   bool     // Mittel and Median are set (skala, zahl with at least one answer)
	Mittel      float64
	Median      float64
}
