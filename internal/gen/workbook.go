package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// mappe describes one of the workshop workbooks.
type mappe struct {
	datei, titel, autor string
	spalten             []string // headers of the sheet Maßnahmen, as this consultant writes them
}

// The four workbooks differ the ways real ones do: column order, alias
// headers, the forms of dates, money, status and names.
var mappen = [Arbeitsmappen]mappe{
	{"workshops/1-fachworkshop-teilhabe.xlsx", "Fachworkshop Teilhabe und Ehrenamt am 14.11.2024 – Ergebnisse", "Büro für Beteiligung Kühn & Yılmaz",
		[]string{"Handlungsfeld", "Ziel-Nr", "Maßnahme-Nr", "Maßnahme", "Beschreibung", "Federführung", "Partner", "Beginn", "Ende", "Status", "Priorität", "Finanzierung", "Kosten", "Querschnittsthemen", "Indikator"}},
	{"workshops/2-arbeitskreis-antidiskriminierung.xlsx", "Arbeitskreis Antidiskriminierung – Sitzung vom 28.01.2025", "Arbeitskreis Antidiskriminierung",
		[]string{"Maßnahme-Nr", "Maßnahme", "Ziel-Nr", "Handlungsfeld", "Verantwortlich", "Partner", "Beginn", "Ende", "Status", "Priorität", "Kosten in €", "Finanzierung", "Beschreibung", "Querschnittsthemen", "Indikator"}},
	{"workshops/3-fachworkshop-fruehe-bildung.xlsx", "Fachworkshop Frühe Bildung, Kinder und Familie (Protokoll)", "Moderation Dąbrowska Consulting",
		[]string{"Nr", "Titel", "Ziel", "Feld", "Zuständig", "Kooperationspartner", "Start", "Bis", "Umsetzungsstand", "Prio", "Kosten (EUR)", "Finanzierungsquelle", "Beschreibung", "Querschnitt", "Erfolgskriterium"}},
	{"workshops/4-jugendwerkstatt.xlsx", "Jugendwerkstatt „Meine Zukunft in Emsmoor“ – Vorschläge und Verabredungen", "Jugendmigrationsdienst Emsmoor",
		[]string{"Ziel-ID", "Maßnahme-ID", "Maßnahme", "Federführung", "Partner", "Beginn", "Ende", "Status", "Priorität", "Aussagen zur Finanzierung", "Kosten", "Beschreibung", "Indikator", "Querschnittsthemen"}},
}

// spaltenKey maps the headers above to what the column holds.
var spaltenKey = map[string]string{
	"Handlungsfeld": "feld", "Feld": "feld",
	"Ziel-Nr": "ziel", "Ziel": "ziel", "Ziel-ID": "ziel",
	"Maßnahme-Nr": "id", "Nr": "id", "Maßnahme-ID": "id",
	"Maßnahme": "titel", "Titel": "titel",
	"Beschreibung": "beschreibung",
	"Federführung": "feder", "Verantwortlich": "feder", "Zuständig": "feder",
	"Partner": "partner", "Kooperationspartner": "partner",
	"Beginn": "beginn", "Start": "beginn",
	"Ende": "ende", "Bis": "ende",
	"Status": "status", "Umsetzungsstand": "status",
	"Priorität": "prio", "Prio": "prio",
	"Finanzierung": "finanzierung", "Finanzierungsquelle": "finanzierung", "Aussagen zur Finanzierung": "finanzierung",
	"Kosten": "kosten", "Kosten in €": "kosten", "Kosten (EUR)": "kosten",
	"Querschnittsthemen": "querschnitt", "Querschnitt": "querschnitt",
	"Indikator": "indikator", "Erfolgskriterium": "indikator",
}

// statusText are the ways people write each status in a workbook.
var statusText = map[string][]string{
	"geplant":         {"geplant", "Geplant"},
	"in-umsetzung":    {"in Umsetzung", "laufend", " in Umsetzung "},
	"umgesetzt":       {"umgesetzt", "Umgesetzt"},
	"dauerhaft":       {"Daueraufgabe", "dauerhaft"},
	"zurueckgestellt": {"zurückgestellt", "Zurückgestellt"},
	"entfallen":       {"entfallen"},
}

var prioText = map[string][]string{"hoch": {"hoch", "1"}, "mittel": {"mittel", "2"}, "niedrig": {"niedrig", "3"}}

// workbook returns the name and bytes of workbook w.
func (m *model) workbook(w int) (string, []byte, error) {
	mp := mappen[w]
	r := rand.New(rand.NewPCG(uint64(w)+1, uint64(m.scale)))
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Maßnahmen"); err != nil {
		return "", nil, err
	}
	if _, err := f.NewSheet("Ziele"); err != nil {
		return "", nil, err
	}
	if w%2 == 0 {
		if _, err := f.NewSheet("Notizen"); err != nil { // ignored by konzept
			return "", nil, err
		}
		if err := f.SetCellStr("Notizen", "A1", "Offene Punkte: Finanzierung mit dem Fachbereich klären; Protokoll an alle Teilnehmenden."); err != nil {
			return "", nil, err
		}
	}
	st, err := NewStyles(f)
	if err != nil {
		return "", nil, err
	}

	// Maßnahmen: a title line, a blank row, the header in row 3.
	rows := [][]Cell{{{V: mp.titel, Style: st.Title}}, nil, nil}
	for _, s := range mp.spalten {
		rows[2] = append(rows[2], Cell{V: s, Style: st.Header})
	}
	for _, fd := range m.felder {
		for _, z := range fd.ziele {
			for _, ms := range z.massnahmen {
				if ms.quelle != w {
					continue
				}
				row := make([]Cell, len(mp.spalten))
				for i, s := range mp.spalten {
					row[i] = m.zelle(r, w, st, spaltenKey[s], fd, z, ms)
				}
				rows = append(rows, row)
				if r.IntN(8) == 0 {
					rows = append(rows, nil) // a blank row, as people leave them
				}
			}
		}
	}
	if err := SetRows(f, "Maßnahmen", 1, rows); err != nil {
		return "", nil, err
	}
	for i, s := range mp.spalten {
		col, _ := excelize.ColumnNumberToName(i + 1)
		width := 14.0
		switch spaltenKey[s] {
		case "titel", "beschreibung":
			width = 45
		case "feder", "partner", "finanzierung", "indikator", "querschnitt":
			width = 28
		}
		if err := f.SetColWidth("Maßnahmen", col, col, width); err != nil {
			return "", nil, err
		}
	}

	// Ziele: the header in the first row, as in the template.
	ziele := [][]Cell{{{V: "Handlungsfeld", Style: st.Header}, {V: "Ziel-Nr", Style: st.Header}, {V: "Ziel", Style: st.Header},
		{V: "Beschreibung", Style: st.Header}, {V: "Indikatoren", Style: st.Header}}}
	for _, fd := range m.felder {
		for _, z := range fd.ziele {
			if z.quelle != w {
				continue
			}
			feld := fd.v.id
			if w%2 == 1 {
				feld = fd.v.titel
			}
			sep := "; "
			if r.IntN(2) == 0 {
				sep = "\n"
			}
			ziele = append(ziele, []Cell{{V: feld}, {V: z.id}, {V: z.titel, Style: st.Wrap},
				text(z.beschreibung, st.Wrap), text(strings.Join(z.indikatoren, sep), st.Wrap)})
		}
	}
	if err := SetRows(f, "Ziele", 1, ziele); err != nil {
		return "", nil, err
	}
	for col, w := range []float64{24, 9, 50, 50, 40} {
		name, _ := excelize.ColumnNumberToName(col + 1)
		if err := f.SetColWidth("Ziele", name, name, w); err != nil {
			return "", nil, err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: mp.titel, Creator: mp.autor, LastModifiedBy: mp.autor,
		Created: "2025-02-03T00:00:00Z", Modified: "2025-02-03T00:00:00Z", Language: "de-DE",
	}); err != nil {
		return "", nil, err
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return "", nil, err
	}
	return mp.datei, b.Bytes(), nil
}

// text is a text cell, or an empty one for "".
func text(s string, style int) Cell {
	if s == "" {
		return Cell{}
	}
	return Cell{V: s, Style: style}
}

// zelle returns the cell of column key for measure ms, written as
// consultant w writes it.
func (m *model) zelle(r *rand.Rand, w int, st Styles, key string, fd *feld, z *ziel, ms *massnahme) Cell {
	oneOf := func(ss []string) string { return ss[r.IntN(len(ss))] }
	switch key {
	case "feld":
		if w%2 == 1 {
			return Cell{V: fd.v.titel}
		}
		return Cell{V: fd.v.id}
	case "ziel":
		return Cell{V: z.id}
	case "id":
		return Cell{V: ms.id}
	case "titel":
		return Cell{V: ms.titel, Style: st.Wrap}
	case "beschreibung":
		return text(ms.beschreibung, st.Wrap)
	case "feder":
		return Cell{V: m.akteurName(r, ms.feder)}
	case "partner":
		var names []string
		for _, p := range ms.partner {
			names = append(names, m.akteurName(r, p))
		}
		if r.IntN(3) == 0 {
			return text(strings.Join(names, ";\n"), st.Wrap)
		}
		return text(strings.Join(names, "; "), 0)
	case "beginn":
		return zeitZelle(r, st, ms.beginn)
	case "ende":
		return zeitZelle(r, st, ms.ende)
	case "status":
		return Cell{V: oneOf(statusText[ms.status])}
	case "prio":
		if ms.prioritaet == "" {
			return Cell{}
		}
		return Cell{V: oneOf(prioText[ms.prioritaet])}
	case "finanzierung":
		return text(ms.finanzierung, 0)
	case "kosten":
		switch {
		case ms.kosten < 0:
			return Cell{}
		case r.IntN(3) == 0:
			return Cell{V: euro(ms.kosten) + oneOf([]string{" €", " EUR", ""})}
		}
		return Cell{V: ms.kosten, Style: st.Money}
	case "querschnitt":
		var ts []string
		for _, q := range ms.querschnitt {
			if r.IntN(2) == 0 {
				ts = append(ts, querschnitt[q].id)
			} else {
				ts = append(ts, querschnitt[q].titel)
			}
		}
		return text(strings.Join(ts, "; "), 0)
	case "indikator":
		return text(ms.indikator, 0)
	}
	return Cell{}
}

// akteurName names actor i by id, name or short name.
func (m *model) akteurName(r *rand.Rand, i int) string {
	a := m.akteure[i]
	switch n := r.IntN(3); {
	case n == 0 && a.kurz != "":
		return a.kurz
	case n == 1:
		return a.id
	}
	return a.name
}

// zeitZelle writes a beginning or end as a date cell, a number or text.
func zeitZelle(r *rand.Rand, st Styles, z zeit) Cell {
	alt := r.IntN(2) == 0
	switch z.form {
	case 'J':
		if alt {
			return Cell{V: z.y}
		}
		return Cell{V: strconv.Itoa(z.y)}
	case 'Q':
		if alt {
			return Cell{V: fmt.Sprintf("Q%d/%d", z.m, z.y)}
		}
		return Cell{V: fmt.Sprintf("%d-Q%d", z.y, z.m)}
	case 'M':
		if alt {
			return Cell{V: fmt.Sprintf("%02d/%d", z.m, z.y)}
		}
		return Cell{V: fmt.Sprintf("%d-%02d", z.y, z.m)}
	case 'T':
		if alt {
			return Cell{V: fmt.Sprintf("%02d.%02d.%d", z.d, z.m, z.y)}
		}
		return Cell{V: time.Date(z.y, time.Month(z.m), z.d, 0, 0, 0, 0, time.UTC), Style: st.Date}
	case 'F':
		return Cell{V: []string{"fortlaufend", "laufend", "dauerhaft"}[r.IntN(3)]}
	}
	return Cell{}
}

// euro writes an amount the German way: 12.000 or 4.500,50.
func euro(v float64) string {
	whole := int64(v)
	s := strconv.FormatInt(whole, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if cents := int64((v-float64(whole))*100 + 0.5); cents > 0 {
		fmt.Fprintf(&b, ",%02d", cents)
	}
	return b.String()
}
