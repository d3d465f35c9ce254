package schema

import (
	"strings"
	"unicode"
)

// Spalte is a column of a workshop workbook (SPEC section 3): the header
// written in templates, the other headers accepted for it, and the YAML key
// of the element it fills.
type Spalte struct {
	Name    string
	Aliases []string
	Key     string
}

// ZielSpalten are the columns of the optional sheet "Ziele".
var ZielSpalten = []Spalte{
	{Name: "Handlungsfeld", Aliases: []string{"Feld"}, Key: "handlungsfeld"},
	{Name: "Ziel-Nr", Aliases: []string{"Ziel-ID"}, Key: "id"},
	{Name: "Ziel", Aliases: []string{"Titel"}, Key: "titel"},
	{Name: "Beschreibung", Key: "beschreibung"},
	{Name: "Indikatoren", Aliases: []string{"Indikator"}, Key: "indikatoren"},
}

// MassnahmeSpalten are the columns of the required sheet "Maßnahmen".
var MassnahmeSpalten = []Spalte{
	{Name: "Handlungsfeld", Aliases: []string{"Feld"}, Key: "handlungsfeld"},
	{Name: "Ziel-Nr", Aliases: []string{"Ziel", "Ziel-ID"}, Key: "ziel"},
	{Name: "Maßnahme-Nr", Aliases: []string{"Nr", "Maßnahme-ID"}, Key: "id"},
	{Name: "Maßnahme", Aliases: []string{"Titel"}, Key: "titel"},
	{Name: "Beschreibung", Key: "beschreibung"},
	{Name: "Federführung", Aliases: []string{"Verantwortlich", "Zuständig", "Zuständigkeit", "federführend"}, Key: "federfuehrung"},
	{Name: "Partner", Aliases: []string{"Kooperationspartner"}, Key: "partner"},
	{Name: "Beginn", Aliases: []string{"Start"}, Key: "beginn"},
	{Name: "Ende", Aliases: []string{"Bis"}, Key: "ende"},
	{Name: "Status", Aliases: []string{"Umsetzungsstand"}, Key: "status"},
	{Name: "Priorität", Aliases: []string{"Prio"}, Key: "prioritaet"},
	{Name: "Finanzierung", Aliases: []string{"Finanzierungsquelle", "Aussagen zur Finanzierung"}, Key: "finanzierung"},
	{Name: "Kosten", Aliases: []string{"Kosten (EUR)", "Kosten in €"}, Key: "kosten"},
	{Name: "Querschnittsthemen", Aliases: []string{"Querschnitt"}, Key: "querschnitt"},
	{Name: "Indikator", Aliases: []string{"Erfolgskriterium"}, Key: "indikator"},
}

// Matches reports whether a header cell names the column: case-insensitive,
// ignoring spaces, "-" and ".", with ä/ae, ö/oe, ü/ue and ß/ss alike.
func (s Spalte) Matches(header string) bool {
	h := NormHeader(header)
	if h == "" {
		return false
	}
	for _, n := range append([]string{s.Name}, s.Aliases...) {
		if NormHeader(n) == h {
			return true
		}
	}
	return false
}

var umlautFold = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// NormHeader normalises a column header for matching: lower case, without
// white space of any kind, "-" and ".", with ä, ö, ü and ß spelt ae, oe, ue
// and ss. NormHeader(NormHeader(s)) == NormHeader(s).
func NormHeader(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '.' {
			return -1
		}
		return r
	}, strings.ToLower(s))
	return umlautFold.Replace(s)
}
