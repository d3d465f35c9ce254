package output

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
)

// The monitoring list (SPEC 6, `konzept export`): the assembled measures, one
// row per measure, with their field, goal, every attribute and where each was
// defined. It is written as JSON (MassnahmenJSON), CSV (MassnahmenCSV) or as
// a workbook that reads back as a workshop workbook (MassnahmenXLSX).
//
// Spreadsheets evaluate a cell that starts with =, +, - or @ as a formula, and
// tab or carriage return let such a cell slip past checks: every text of the
// CSV and the workbook that starts with one of them gets a single quote in
// front (OWASP, "CSV Injection"). JSON is data for programs, not for a
// spreadsheet, and carries every text as written.

// exportZeile is one measure of the monitoring list, in the words people use for it.
type exportZeile struct {
	feld *schema.Handlungsfeld
	ziel *schema.Ziel
	m    *schema.Massnahme

	federfuehrung string   // the lead, as people write it in a workbook
	partner       []string // the partners, as people write them in a workbook
	querschnitt   []string // the themes, as people write them in a workbook
	feldName      string   // the field, as people write it in a workbook
}

// exportListe is the monitoring list of a concept.
type exportListe struct {
	k      *assemble.Konzept
	zeilen []exportZeile
	namen  *exportNamen
}

func newExportListe(k *assemble.Konzept) *exportListe {
	n := newExportNamen(k)
	mon := &exportListe{k: k, namen: n}
	for i := range k.Handlungsfelder {
		f := &k.Handlungsfelder[i]
		for j := range f.Ziele {
			z := &f.Ziele[j]
			for l := range z.Massnahmen {
				m := &z.Massnahmen[l]
				r := exportZeile{feld: f, ziel: z, m: m, feldName: n.feld(i), federfuehrung: n.federfuehrung(m.Federfuehrung)}
				for _, p := range m.Partner {
					r.partner = append(r.partner, n.partner(p))
				}
				for _, q := range m.Querschnitt {
					r.querschnitt = append(r.querschnitt, n.thema(q))
				}
				mon.zeilen = append(mon.zeilen, r)
			}
		}
	}
	return mon
}

// exportNamen picks for fields, actors and themes the name under which the
// workbook reader finds them again (assemble/workbook.go): the reader looks
// names up case-insensitively among the ids, names and short names, the first
// one defined winning. A name is used only if it finds its own element, needs
// no neutralising and, in a list cell, holds no separator; else the id is.
type exportNamen struct {
	k        *assemble.Konzept
	felder   map[string]int // lower-case id or title -> index
	akteure  map[string]int
	themen   map[string]int
	akteurID map[string]int // id -> index
	themaID  map[string]int
}

func newExportNamen(k *assemble.Konzept) *exportNamen {
	n := &exportNamen{k: k, felder: map[string]int{}, akteure: map[string]int{}, themen: map[string]int{}, akteurID: map[string]int{}, themaID: map[string]int{}}
	add := func(index map[string]int, i int, names ...string) {
		for _, s := range names {
			if s == "" {
				continue
			}
			if _, dup := index[strings.ToLower(s)]; !dup {
				index[strings.ToLower(s)] = i
			}
		}
	}
	for i, f := range k.Handlungsfelder {
		add(n.felder, i, f.ID, f.Titel)
	}
	for i, a := range k.Konzept.Akteure {
		add(n.akteure, i, a.ID, a.Name, a.Kurz)
		if _, dup := n.akteurID[a.ID]; !dup {
			n.akteurID[a.ID] = i
		}
	}
	for i, t := range k.Querschnittsthemen {
		add(n.themen, i, t.ID, t.Titel)
		if _, dup := n.themaID[t.ID]; !dup {
			n.themaID[t.ID] = i
		}
	}
	return n
}

// pick returns the first candidate that index finds as element i and that
// reads back unchanged, or the last candidate (the id).
func pick(index map[string]int, i int, seps string, candidates ...string) string {
	for _, c := range candidates {
		switch {
		case c == "" || c != strings.TrimSpace(c) || c != neutralisiere(c):
		case strings.ContainsAny(c, seps+"\n\r"):
		default:
			if j, ok := index[strings.ToLower(c)]; ok && j == i {
				return c
			}
		}
	}
	return candidates[len(candidates)-1]
}

// feld is field i by its title, as in the drop-down list of the template.
func (n *exportNamen) feld(i int) string {
	f := n.k.Handlungsfelder[i]
	return pick(n.felder, i, "", f.Titel, f.ID)
}

// federfuehrung is the lead by its full name, as in the drop-down list of the template.
func (n *exportNamen) federfuehrung(id string) string {
	i, ok := n.akteurID[id]
	if !ok {
		return id
	}
	a := n.k.Konzept.Akteure[i]
	return pick(n.akteure, i, "", a.Name, a.Kurz, a.ID)
}

// partner is a partner by its short name, as the template's instructions
// suggest ("VHS; Jobcenter"), or its name.
func (n *exportNamen) partner(id string) string {
	i, ok := n.akteurID[id]
	if !ok {
		return id
	}
	a := n.k.Konzept.Akteure[i]
	return pick(n.akteure, i, ";,", a.Kurz, a.Name, a.ID)
}

// thema is a cross-cutting theme by its title.
func (n *exportNamen) thema(id string) string {
	i, ok := n.themaID[id]
	if !ok {
		return id
	}
	t := n.k.Querschnittsthemen[i]
	return pick(n.themen, i, ";,", t.Titel, t.ID)
}

// neutralisiere puts a single quote in front of a text that a spreadsheet
// would take for a formula: one that starts with =, +, -, @, tab or carriage
// return.
func neutralisiere(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// statusText is a status as the template's drop-down list writes it.
func statusText(s schema.Status) string {
	for i, v := range schema.Statuses {
		if v == s && i < len(statusWerte) {
			return statusWerte[i]
		}
	}
	return string(s)
}

// zeitText is a beginning or end as people write it in a workbook ("Q3/2025").
func zeitText(z schema.Zeitpunkt) string { return z.Display("de") }

// kostenText is an amount in the German way, without grouping: "12000", "12000,5".
func kostenText(k *float64) string {
	if k == nil {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(*k, 'f', -1, 64), ".", ",", 1)
}

// quelleText is where an element was defined, as problems name places:
// "konzept.yaml:42:7" or "workshops/a.xlsx!Maßnahmen!A5".
func quelleText(o *schema.Origin) string { return o.Pos.String() }

// csvSpalten are the columns of the CSV monitoring list.
var csvSpalten = []string{
	"Handlungsfeld-ID", "Handlungsfeld", "Ziel-Nr", "Zieltitel",
	"Maßnahme-Nr", "Maßnahme", "Beschreibung", "Federführung", "Partner",
	"Beginn", "Ende", "Status", "Priorität", "Finanzierung", "Kosten",
	"Querschnittsthemen", "Indikator", "Quelle",
}

// MassnahmenCSV writes the monitoring list of k as CSV for Excel in
// Germany: UTF-8 with byte order mark, fields separated by semicolons,
// quoted as RFC 4180 says, lines ended by CRLF, a header row (csvSpalten) and
// one row per measure in the order of the concept. Texts are trimmed and
// neutralised against formula injection; Kosten is a number with a decimal
// comma and no grouping; Beginn and Ende are written as in a workbook
// ("Q3/2025", "fortlaufend"); actors and themes by name (see exportNamen);
// Quelle is the file and place the measure was defined in.
// k must have been loaded without errors.
func MassnahmenCSV(w io.Writer, k *assemble.Konzept) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(csvSpalten); err != nil {
		return err
	}
	for _, r := range newExportListe(k).zeilen {
		m := r.m
		rec := []string{
			r.feld.ID, r.feld.Titel, r.ziel.ID, r.ziel.Titel,
			m.ID, m.Titel, m.Beschreibung, r.federfuehrung, strings.Join(r.partner, "; "),
			zeitText(m.Beginn), zeitText(m.Ende), statusText(m.Status), m.Prioritaet, m.Finanzierung, kostenText(m.Kosten),
			strings.Join(r.querschnitt, "; "), m.Indikator, quelleText(&m.Origin),
		}
		for i := range rec {
			rec[i] = neutralisiere(strings.TrimSpace(rec[i]))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// The JSON monitoring list. Keys are German, lower case, ASCII, like those of
// konzept.yaml; every key is always there (empty text, empty list or null), so
// that a program need not guess.
type (
	jsonListe struct {
		Format     string          `json:"format"`  // "konzept-massnahmen"
		Version    int             `json:"version"` // 1; a changed meaning of a key gets a new version
		Konzept    jsonKonzept     `json:"konzept"`
		Massnahmen []jsonMassnahme `json:"massnahmen"`
	}
	jsonKonzept struct {
		Titel   string `json:"titel"`
		Traeger string `json:"traeger"`
		Fassung string `json:"fassung"`
		Stand   string `json:"stand"` // YYYY-MM-DD
	}
	jsonMassnahme struct {
		Handlungsfeld jsonVerweis   `json:"handlungsfeld"`
		Ziel          jsonVerweis   `json:"ziel"`
		ID            string        `json:"id"`
		Titel         string        `json:"titel"`
		Beschreibung  string        `json:"beschreibung"` // Markdown, as written
		Federfuehrung jsonAkteur    `json:"federfuehrung"`
		Partner       []jsonAkteur  `json:"partner"`
		Beginn        string        `json:"beginn"`       // as in konzept.yaml: 2025, 2025-Q3, 2025-03, 2025-03-01 or ""
		BeginnDatum   string        `json:"beginn_datum"` // the first day of Beginn, YYYY-MM-DD, or ""
		Ende          string        `json:"ende"`         // as Beginn, or "fortlaufend"
		EndeDatum     string        `json:"ende_datum"`   // the last day of Ende, YYYY-MM-DD, or "" (also for fortlaufend)
		Status        string        `json:"status"`       // the value of konzept.yaml: geplant, in-umsetzung, …
		Prioritaet    string        `json:"prioritaet"`   // hoch, mittel, niedrig or ""
		Finanzierung  string        `json:"finanzierung"`
		Kosten        *float64      `json:"kosten"` // EUR, or null
		Querschnitt   []jsonVerweis `json:"querschnitt"`
		Indikator     string        `json:"indikator"`
		Quelle        jsonQuelle    `json:"quelle"`
	}
	jsonVerweis struct {
		ID    string `json:"id"`
		Titel string `json:"titel"`
	}
	jsonAkteur struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Kurz string `json:"kurz"`
	}
	jsonQuelle struct {
		Datei  string `json:"datei"`
		Zeile  int    `json:"zeile,omitempty"`
		Spalte int    `json:"spalte,omitempty"`
		Blatt  string `json:"blatt,omitempty"`
		Zelle  string `json:"zelle,omitempty"`
	}
)

// MassnahmenJSON writes the monitoring list of k as one JSON object:
//
//	{
//	  "format": "konzept-massnahmen", "version": 1,
//	  "konzept": {"titel": …, "traeger": …, "fassung": …, "stand": "2025-09-01"},
//	  "massnahmen": [
//	    {"handlungsfeld": {"id", "titel"}, "ziel": {"id", "titel"},
//	     "id", "titel", "beschreibung",
//	     "federfuehrung": {"id", "name", "kurz"}, "partner": [{"id", "name", "kurz"}],
//	     "beginn", "beginn_datum", "ende", "ende_datum", "status", "prioritaet",
//	     "finanzierung", "kosten", "querschnitt": [{"id", "titel"}], "indikator",
//	     "quelle": {"datei", "zeile", "spalte"} or {"datei", "blatt", "zelle"}}
//	  ]
//	}
//
// in the order of the concept, indented by two spaces. Values are as in
// konzept.yaml (ids, status keys, periods in YAML form); texts are as written,
// not neutralised: JSON is read by programs, not evaluated by a spreadsheet.
// k must have been loaded without errors.
func MassnahmenJSON(w io.Writer, k *assemble.Konzept) error {
	meta := k.Konzept.Konzept
	out := jsonListe{
		Format: "konzept-massnahmen", Version: 1,
		Konzept:    jsonKonzept{Titel: meta.Titel, Traeger: meta.Traeger, Fassung: meta.Fassung, Stand: meta.Stand.String()},
		Massnahmen: []jsonMassnahme{},
	}
	for _, r := range newExportListe(k).zeilen {
		m := r.m
		jm := jsonMassnahme{
			Handlungsfeld: jsonVerweis{ID: r.feld.ID, Titel: r.feld.Titel},
			Ziel:          jsonVerweis{ID: r.ziel.ID, Titel: r.ziel.Titel},
			ID:            m.ID, Titel: m.Titel, Beschreibung: m.Beschreibung,
			Federfuehrung: jsonAkteurVon(k, m.Federfuehrung),
			Partner:       []jsonAkteur{},
			Beginn:        m.Beginn.String(), BeginnDatum: datumText(m.Beginn.Anfang()),
			Ende: m.Ende.String(), EndeDatum: datumText(m.Ende.Ende()),
			Status: string(m.Status), Prioritaet: m.Prioritaet, Finanzierung: m.Finanzierung,
			Kosten: m.Kosten, Querschnitt: []jsonVerweis{}, Indikator: m.Indikator,
			Quelle: jsonQuelle{Datei: m.Pos.File, Zeile: m.Pos.Line, Spalte: m.Pos.Column, Blatt: m.Pos.Sheet, Zelle: m.Pos.Cell},
		}
		for _, p := range m.Partner {
			jm.Partner = append(jm.Partner, jsonAkteurVon(k, p))
		}
		for _, q := range m.Querschnitt {
			v := jsonVerweis{ID: q}
			if t, ok := k.Themen[q]; ok {
				v.Titel = t.Titel
			}
			jm.Querschnitt = append(jm.Querschnitt, v)
		}
		out.Massnahmen = append(out.Massnahmen, jm)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func jsonAkteurVon(k *assemble.Konzept, id string) jsonAkteur {
	a := jsonAkteur{ID: id}
	if ak, ok := k.Akteure[id]; ok {
		a.Name, a.Kurz = ak.Name, ak.Kurz
	}
	return a
}

// datumText is a day as YYYY-MM-DD, or "" for the zero time.
func datumText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
