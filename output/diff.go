package output

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
)

// The differences between two revisions of a concept (assemble.Diff) as
// plain text for a terminal (DiffText), Markdown for a merge request or the
// minutes (DiffMarkdown), and JSON for scripts (DiffJSON). The two human
// formats are made from one report model (diffBericht) in German or English;
// statuses, priorities, periods, dates and amounts are written as in the PDF.

var (
	lblDiffTitel         = label{"Änderungen gegenüber der Vorfassung", "Changes from the previous version"}
	lblDiffVorfassung    = label{"Vorfassung", "Previous version"}
	lblDiffFassung       = label{"Fassung", "This version"}
	lblDiffStand         = label{"Stand", "as of"}
	lblDiffKeine         = label{"Keine Unterschiede.", "No differences."}
	lblDiffUebersicht    = label{"Maßnahmen je Handlungsfeld", "Measures by field of action"}
	lblDiffHandlungsfeld = label{"Handlungsfeld", "Field of action"}
	lblDiffSumme         = label{"Summe", "Total"}
	lblDiffHinweis       = label{
		"geändert: Angaben außer dem Status, die Statuswechsel sind eigens gezählt; entfallen: nicht mehr im Konzept.",
		"changed: attributes other than the status, status changes are counted apart; removed: no longer in the concept."}
	lblDiffZiele         = label{"Ziele insgesamt", "Goals in total"}
	lblDiffFeldNeu       = label{"neues Handlungsfeld", "new field of action"}
	lblDiffFeldEntfallen = label{"Handlungsfeld entfallen", "field of action removed"}
	lblDiffNeueZiele     = label{"Neue Ziele", "New goals"}
	lblDiffGeaenderteZ   = label{"Geänderte Ziele", "Changed goals"}
	lblDiffVerschobeneZ  = label{"Verschobene Ziele", "Moved goals"}
	lblDiffEntfalleneZ   = label{"Entfallene Ziele", "Removed goals"}
	lblDiffNeueM         = label{"Neue Maßnahmen", "New measures"}
	lblDiffGeaenderteM   = label{"Geänderte Maßnahmen", "Changed measures"}
	lblDiffVerschobeneM  = label{"Verschobene Maßnahmen", "Moved measures"}
	lblDiffEntfalleneM   = label{"Entfallene Maßnahmen", "Removed measures"}
	lblDiffStatuswechsel = label{"Statuswechsel", "Status changes"}
	lblDiffBeschreibung  = label{"Beschreibung geändert", "Description changed"}
	lblDiffBeschreibungP = label{"Beschreibung ergänzt", "Description added"}
	lblDiffBeschreibungM = label{"Beschreibung gestrichen", "Description removed"}
)

// diffSpalten are the count columns of the summary, in the order of assemble.Zaehlung.
var diffSpalten = []label{
	{"neu", "new"}, {"geändert", "changed"}, {"entfallen", "removed"}, {"verschoben", "moved"}, {"Statuswechsel", "status changes"},
}

// diffAttributLabels name the attributes of fields, goals and measures.
var diffAttributLabels = map[string]label{
	"titel":         {"Titel", "Title"},
	"beschreibung":  {"Beschreibung", "Description"},
	"indikatoren":   {"Indikatoren", "Indicators"},
	"federfuehrung": {"Federführung", "Lead"},
	"partner":       {"Partner", "Partners"},
	"beginn":        {"Beginn", "Start"},
	"ende":          {"Ende", "End"},
	"status":        {"Status", "Status"},
	"prioritaet":    {"Priorität", "Priority"},
	"finanzierung":  {"Finanzierung", "Funding"},
	"kosten":        {"Kosten", "Costs"},
	"querschnitt":   {"Querschnittsthemen", "Cross-cutting themes"},
	"indikator":     {"Indikator", "Indicator"},
	// the place of a moved goal or measure
	"handlungsfeld": {"Handlungsfeld", "Field of action"},
	"ziel":          {"Ziel", "Goal"},
}

// diffBericht is the report of the human formats, its texts in one language.
type diffBericht struct {
	titel      string
	fassungen  [][2]string // label, "Fortschreibung 2025, Stand 01.09.2025"
	leer       string      // "Keine Unterschiede." if there are none, else ""
	uebersicht string      // heading of the summary table
	kopf       []string    // header of the summary table
	zeilen     [][]string  // a row per field, then the total
	hinweis    string      // what the columns count
	ziele      string      // the goals in total, in one line
	abschnitte []diffAbschnitt
}

// diffAbschnitt is the section of one field that changed.
type diffAbschnitt struct {
	titel   string
	hinweis string   // new or removed field
	details []string // changed attributes of the field
	gruppen []diffGruppe
}

// diffGruppe is a list under a heading: new goals, changed measures, status changes …
type diffGruppe struct {
	titel     string
	eintraege []diffEintrag
}

type diffEintrag struct {
	id, titel string // id "" for a line of text (a status change)
	details   []string
}

// diffFormat turns the values of a diff into text in one language.
type diffFormat struct {
	*doc // only lang: the PDF's labels, date and number formats
	d    *assemble.Diff
}

func newDiffFormat(d *assemble.Diff, lang string) *diffFormat {
	if lang != "en" {
		lang = "de"
	}
	return &diffFormat{doc: &doc{lang: lang}, d: d}
}

func (f *diffFormat) quote(s string) string {
	if s = strings.Join(strings.Fields(s), " "); s == "" {
		return "–"
	}
	if f.lang == "en" {
		return "“" + s + "”"
	}
	return "„" + s + "“"
}

func (f *diffFormat) fassung(k *assemble.Konzept) string {
	m := k.Konzept.Konzept
	return fmt.Sprintf("%s, %s %s", m.Fassung, f.t(lblDiffStand), f.shortDate(m.Stand.Time))
}

// bericht builds the report of d.
func (f *diffFormat) bericht() *diffBericht {
	b := &diffBericht{
		titel: f.t(lblDiffTitel),
		fassungen: [][2]string{
			{f.t(lblDiffVorfassung), f.fassung(f.d.Vorfassung)},
			{f.t(lblDiffFassung), f.fassung(f.d.Fassung)},
		},
		uebersicht: f.t(lblDiffUebersicht),
		hinweis:    f.t(lblDiffHinweis),
	}
	if f.d.Leer() {
		b.leer = f.t(lblDiffKeine)
		return b
	}
	b.kopf = []string{f.t(lblDiffHandlungsfeld)}
	for _, l := range diffSpalten {
		b.kopf = append(b.kopf, f.t(l))
	}
	for _, z := range f.d.Zusammenfassung() {
		b.zeilen = append(b.zeilen, diffZaehlZeile(z.Titel, z.Massnahmen))
	}
	g := f.d.Gesamt()
	b.zeilen = append(b.zeilen, diffZaehlZeile(f.t(lblDiffSumme), g.Massnahmen))
	var ziele []string
	for i, n := range []int{g.Ziele.Neu, g.Ziele.Geaendert, g.Ziele.Entfallen, g.Ziele.Verschoben} {
		ziele = append(ziele, fmt.Sprintf("%d %s", n, f.t(diffSpalten[i])))
	}
	b.ziele = f.t(lblDiffZiele) + ": " + strings.Join(ziele, ", ")

	for i := range f.d.Felder {
		if fa := &f.d.Felder[i]; !fa.Leer() {
			b.abschnitte = append(b.abschnitte, f.abschnitt(fa))
		}
	}
	return b
}

func diffZaehlZeile(titel string, n assemble.Zaehlung) []string {
	return []string{titel, strconv.Itoa(n.Neu), strconv.Itoa(n.Geaendert), strconv.Itoa(n.Entfallen),
		strconv.Itoa(n.Verschoben), strconv.Itoa(n.Statuswechsel)}
}

func (f *diffFormat) abschnitt(fa *assemble.Feldaenderung) diffAbschnitt {
	a := diffAbschnitt{titel: fa.Titel()}
	switch {
	case fa.IstNeu():
		a.hinweis = f.t(lblDiffFeldNeu)
	case fa.IstEntfallen():
		a.hinweis = f.t(lblDiffFeldEntfallen)
	}
	if slices.Contains(fa.Attribute, "titel") {
		a.details = append(a.details, f.wechsel("titel", f.quote(fa.Alt.Titel), f.quote(fa.Neu.Titel)))
	}
	gruppe := func(l label, es []diffEintrag) {
		if len(es) > 0 {
			a.gruppen = append(a.gruppen, diffGruppe{titel: f.t(l), eintraege: es})
		}
	}
	var neu, geaendert, verschoben, entfallen []diffEintrag
	for i := range fa.Ziele {
		z := &fa.Ziele[i]
		e := diffEintrag{id: z.ID, titel: z.Titel()}
		switch {
		case z.IstNeu():
			neu = append(neu, e)
		case z.IstEntfallen():
			entfallen = append(entfallen, e)
		}
		if z.IstGeaendert() {
			e.details = f.zielDetails(z)
			geaendert = append(geaendert, e)
		}
		if z.IstVerschoben() {
			e.details = []string{f.wechsel("handlungsfeld", f.feldTitel(z.AltFeld), f.feldTitel(z.NeuFeld))}
			verschoben = append(verschoben, e)
		}
	}
	gruppe(lblDiffNeueZiele, neu)
	gruppe(lblDiffGeaenderteZ, geaendert)
	gruppe(lblDiffVerschobeneZ, verschoben)
	gruppe(lblDiffEntfalleneZ, entfallen)

	neu, geaendert, verschoben, entfallen = nil, nil, nil, nil
	for i := range fa.Massnahmen {
		m := &fa.Massnahmen[i]
		e := diffEintrag{id: m.ID, titel: m.Titel()}
		switch {
		case m.IstNeu():
			neu = append(neu, e)
		case m.IstEntfallen():
			entfallen = append(entfallen, e)
		}
		if m.IstGeaendert() {
			e.details = f.massnahmeDetails(m)
			geaendert = append(geaendert, e)
		}
		if m.IstVerschoben() {
			from := m.AltZiel
			if m.AltFeld != m.NeuFeld {
				from += " (" + f.feldTitel(m.AltFeld) + ")"
			}
			e.details = []string{f.wechsel("ziel", from, m.NeuZiel)}
			verschoben = append(verschoben, e)
		}
	}
	gruppe(lblDiffNeueM, neu)
	gruppe(lblDiffGeaenderteM, geaendert)
	gruppe(lblDiffVerschobeneM, verschoben)
	gruppe(lblDiffEntfalleneM, entfallen)

	var wechsel []diffEintrag
	for _, w := range fa.Statuswechsel {
		wechsel = append(wechsel, diffEintrag{titel: fmt.Sprintf("%s → %s: %d (%s)",
			f.status(w.Von), f.status(w.Nach), len(w.Massnahmen), strings.Join(w.Massnahmen, ", "))})
	}
	gruppe(lblDiffStatuswechsel, wechsel)
	return a
}

// wechsel returns "Label: alt → neu" with the label of the attribute key.
func (f *diffFormat) wechsel(key, alt, neu string) string {
	return f.t(diffAttributLabels[key]) + ": " + alt + " → " + neu
}

// feldTitel returns the title of the field id in the current revision, or in the previous one.
func (f *diffFormat) feldTitel(id string) string {
	for _, k := range []*assemble.Konzept{f.d.Fassung, f.d.Vorfassung} {
		for _, h := range k.Handlungsfelder {
			if h.ID == id {
				return h.Titel
			}
		}
	}
	return id
}

func (f *diffFormat) zielDetails(z *assemble.Zielaenderung) []string {
	var out []string
	for _, key := range z.Attribute {
		switch key {
		case "titel":
			out = append(out, f.wechsel(key, f.quote(z.Alt.Titel), f.quote(z.Neu.Titel)))
		case "beschreibung":
			out = append(out, f.beschreibung(z.Alt.Beschreibung, z.Neu.Beschreibung))
		case "indikatoren":
			out = append(out, f.t(diffAttributLabels[key])+": "+f.mengenWechsel(z.Alt.Indikatoren, z.Neu.Indikatoren, f.quote))
		}
	}
	return out
}

// massnahmeDetails describes the changed attributes of m, the status left out.
func (f *diffFormat) massnahmeDetails(m *assemble.Massnahmenaenderung) []string {
	alt, neu := m.Alt, m.Neu
	akteur := func(k *assemble.Konzept) func(string) string {
		return func(id string) string {
			if a := k.Akteure[id]; a != nil {
				return a.Anzeigename()
			}
			return id
		}
	}
	altAkteur, neuAkteur := akteur(f.d.Vorfassung), akteur(f.d.Fassung)
	thema := func(id string) string {
		for _, k := range []*assemble.Konzept{f.d.Fassung, f.d.Vorfassung} {
			if t := k.Themen[id]; t != nil {
				return t.Titel
			}
		}
		return id
	}
	var out []string
	for _, key := range m.Attribute {
		var line string
		switch key {
		case "titel":
			line = f.wechsel(key, f.quote(alt.Titel), f.quote(neu.Titel))
		case "beschreibung":
			line = f.beschreibung(alt.Beschreibung, neu.Beschreibung)
		case "federfuehrung":
			line = f.wechsel(key, altAkteur(alt.Federfuehrung), neuAkteur(neu.Federfuehrung))
		case "partner":
			name := func(id string) string {
				if slices.Contains(neu.Partner, id) {
					return neuAkteur(id)
				}
				return altAkteur(id)
			}
			line = f.t(diffAttributLabels[key]) + ": " + f.mengenWechsel(alt.Partner, neu.Partner, name)
		case "beginn", "ende":
			z := func(m *schema.Massnahme) string {
				t := m.Beginn
				if key == "ende" {
					t = m.Ende
				}
				return diffOrDash(t.Display(f.lang))
			}
			line = f.wechsel(key, z(alt), z(neu))
		case "prioritaet":
			line = f.wechsel(key, f.prioritaet(alt.Prioritaet), f.prioritaet(neu.Prioritaet))
		case "finanzierung":
			line = f.wechsel(key, f.quote(alt.Finanzierung), f.quote(neu.Finanzierung))
		case "kosten":
			line = f.wechsel(key, f.kosten(alt.Kosten), f.kosten(neu.Kosten))
		case "querschnitt":
			line = f.t(diffAttributLabels[key]) + ": " + f.mengenWechsel(alt.Querschnitt, neu.Querschnitt, thema)
		case "indikator":
			line = f.wechsel(key, f.quote(alt.Indikator), f.quote(neu.Indikator))
		default: // status: a group of its own
			continue
		}
		out = append(out, line)
	}
	return out
}

// beschreibung says how a description changed; the texts are too long to print.
func (f *diffFormat) beschreibung(alt, neu string) string {
	switch {
	case strings.TrimSpace(alt) == "":
		return f.t(lblDiffBeschreibungP)
	case strings.TrimSpace(neu) == "":
		return f.t(lblDiffBeschreibungM)
	}
	return f.t(lblDiffBeschreibung)
}

// mengenWechsel lists what was added to a set ("+ VHS") and what was taken
// out of it ("− AWO"), each named by name.
func (f *diffFormat) mengenWechsel(alt, neu []string, name func(string) string) string {
	var parts []string
	for _, s := range neu {
		if !slices.Contains(alt, s) && !slices.Contains(parts, "+ "+name(s)) {
			parts = append(parts, "+ "+name(s))
		}
	}
	for _, s := range alt {
		if !slices.Contains(neu, s) && !slices.Contains(parts, "− "+name(s)) {
			parts = append(parts, "− "+name(s))
		}
	}
	return strings.Join(parts, ", ")
}

func (f *diffFormat) status(s schema.Status) string { return f.t(statusLabels[s]) }

func (f *diffFormat) prioritaet(p string) string {
	if l, ok := prioLabels[p]; ok {
		return f.t(l)
	}
	return "–"
}

func (f *diffFormat) kosten(x *float64) string {
	if x == nil {
		return "–"
	}
	return f.euro(*x)
}

func diffOrDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// DiffText writes d as plain text for a terminal, in lang (de or en): the
// two revisions, a table of the measures' changes per field, and per field
// that changed the lists of new, changed, moved and removed goals and
// measures and the status changes.
func DiffText(w io.Writer, d *assemble.Diff, lang string) error {
	b := newDiffFormat(d, lang).bericht()
	ew := &diffErrWriter{w: w}
	p := func(format string, args ...any) { fmt.Fprintf(ew, format, args...) }
	p("%s\n", b.titel)
	width := 0
	for _, f := range b.fassungen {
		width = max(width, utf8.RuneCountInString(f[0]))
	}
	for _, f := range b.fassungen {
		p("  %s %s\n", diffPad(f[0]+":", width+1), f[1])
	}
	if b.leer != "" {
		p("\n%s\n", b.leer)
		return ew.err
	}
	p("\n%s\n", b.uebersicht)
	// The first column holds the field titles; the numbers are right-aligned under their headers.
	first := utf8.RuneCountInString(b.kopf[0])
	for _, r := range b.zeilen {
		first = max(first, utf8.RuneCountInString(r[0]))
	}
	row := func(cells []string) {
		var sb strings.Builder
		sb.WriteString("  " + diffPad(cells[0], first))
		for i, c := range cells[1:] {
			wd := utf8.RuneCountInString(b.kopf[i+1])
			sb.WriteString("  " + strings.Repeat(" ", max(0, wd-utf8.RuneCountInString(c))) + c)
		}
		p("%s\n", strings.TrimRight(sb.String(), " "))
	}
	row(b.kopf)
	for _, r := range b.zeilen {
		row(r)
	}
	p("  %s\n  %s\n", b.hinweis, b.ziele)
	for _, a := range b.abschnitte {
		p("\n%s", a.titel)
		if a.hinweis != "" {
			p(" – %s", a.hinweis)
		}
		p("\n")
		for _, l := range a.details {
			p("  %s\n", l)
		}
		for _, g := range a.gruppen {
			p("  %s\n", g.titel)
			idw := 0
			for _, e := range g.eintraege {
				idw = max(idw, utf8.RuneCountInString(e.id))
			}
			for _, e := range g.eintraege {
				if e.id == "" {
					p("    %s\n", e.titel)
					continue
				}
				p("    %s  %s\n", diffPad(e.id, idw), e.titel)
				for _, l := range e.details {
					p("    %s  %s\n", strings.Repeat(" ", idw), l)
				}
			}
		}
	}
	return ew.err
}

// pad fills s with spaces to width runes.
func diffPad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

// DiffMarkdown writes d as Markdown (CommonMark with GitHub/GitLab tables),
// in lang, for a merge request comment or the minutes: the same content as
// DiffText under headings starting at level 2.
func DiffMarkdown(w io.Writer, d *assemble.Diff, lang string) error {
	b := newDiffFormat(d, lang).bericht()
	// Blocks (headings, paragraphs, lists, the table) are separated by a blank line.
	var blocks []string
	add := func(format string, args ...any) { blocks = append(blocks, fmt.Sprintf(format, args...)) }
	lines := func(ls []string) {
		if len(ls) > 0 {
			blocks = append(blocks, strings.Join(ls, "\n"))
		}
	}
	add("## %s", diffMD(b.titel))
	var fassungen []string
	for _, f := range b.fassungen {
		fassungen = append(fassungen, fmt.Sprintf("- %s: %s", diffMD(f[0]), diffMD(f[1])))
	}
	lines(fassungen)
	if b.leer != "" {
		add("%s", diffMD(b.leer))
	} else {
		add("### %s", diffMD(b.uebersicht))
		row := func(r []string, bold bool) string {
			var sb strings.Builder
			sb.WriteString("|")
			for _, c := range r {
				if c = diffMD(c); bold {
					c = "**" + c + "**"
				}
				sb.WriteString(" " + c + " |")
			}
			return sb.String()
		}
		table := []string{row(b.kopf, false), "|:---|" + strings.Repeat("---:|", len(b.kopf)-1)}
		for i, r := range b.zeilen {
			table = append(table, row(r, i == len(b.zeilen)-1))
		}
		lines(table)
		add("%s", diffMD(b.hinweis))
		add("%s", diffMD(b.ziele))
	}
	for _, a := range b.abschnitte {
		if a.hinweis != "" {
			add("### %s (%s)", diffMD(a.titel), diffMD(a.hinweis))
		} else {
			add("### %s", diffMD(a.titel))
		}
		for _, l := range a.details {
			add("%s", diffMD(l))
		}
		for _, g := range a.gruppen {
			add("#### %s", diffMD(g.titel))
			var ls []string
			for _, e := range g.eintraege {
				if e.id == "" {
					ls = append(ls, "- "+diffMD(e.titel))
					continue
				}
				ls = append(ls, fmt.Sprintf("- **%s** %s", diffMD(e.id), diffMD(e.titel)))
				for _, l := range e.details {
					ls = append(ls, "  - "+diffMD(l))
				}
			}
			lines(ls)
		}
	}
	_, err := io.WriteString(w, strings.Join(blocks, "\n\n")+"\n")
	return err
}

// diffMDEscaper escapes the characters that Markdown would read as markup.
var diffMDEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "~", `\~`, "#", `\#`)

// md escapes a text from the concept for Markdown, on one line.
func diffMD(s string) string { return diffMDEscaper.Replace(strings.Join(strings.Fields(s), " ")) }

// diffErrWriter remembers the first error of writing to w.
type diffErrWriter struct {
	w   io.Writer
	err error
}

func (e *diffErrWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// The JSON form of a diff. Field names are stable; values are those written
// in konzept.yaml (ids, `in-umsetzung`, `2025-Q3`, 12000), never labels, so
// the JSON is the same whatever --lang says.
type (
	diffJSONDiff struct {
		Vorfassung      diffJSONFassung    `json:"vorfassung"`
		Fassung         diffJSONFassung    `json:"fassung"`
		Unterschiede    bool               `json:"unterschiede"`
		Summe           diffJSONZaehlungen `json:"summe"`
		Handlungsfelder []diffJSONFeld     `json:"handlungsfelder"`
	}
	diffJSONFassung struct {
		Fassung string `json:"fassung"`
		Stand   string `json:"stand"`
	}
	diffJSONZaehlungen struct {
		Ziele      diffJSONZaehlung `json:"ziele"`
		Massnahmen diffJSONZaehlung `json:"massnahmen"`
	}
	diffJSONZaehlung struct {
		Neu           int `json:"neu"`
		Geaendert     int `json:"geaendert"`
		Entfallen     int `json:"entfallen"`
		Verschoben    int `json:"verschoben"`
		Statuswechsel int `json:"statuswechsel"`
	}
	diffJSONFeld struct {
		ID            string              `json:"id"`
		Titel         string              `json:"titel"`
		Aenderung     string              `json:"aenderung"`
		Attribute     []diffJSONAttribut  `json:"attribute"`
		Zaehlung      diffJSONZaehlungen  `json:"zaehlung"`
		Ziele         []diffJSONZiel      `json:"ziele"`
		Massnahmen    []diffJSONMassnahme `json:"massnahmen"`
		Statuswechsel []diffJSONWechsel   `json:"statuswechsel"`
	}
	diffJSONAttribut struct {
		Attribut string `json:"attribut"`
		Alt      any    `json:"alt"`
		Neu      any    `json:"neu"`
	}
	diffJSONZiel struct {
		ID         string                `json:"id"`
		Titel      string                `json:"titel"`
		Feld       string                `json:"feld"`
		Aenderung  string                `json:"aenderung"`
		Verschoben *diffJSONZielVerschub `json:"verschoben,omitempty"`
		Attribute  []diffJSONAttribut    `json:"attribute"`
	}
	diffJSONZielVerschub struct {
		Von  string `json:"von"`
		Nach string `json:"nach"`
	}
	diffJSONMassnahme struct {
		ID         string             `json:"id"`
		Titel      string             `json:"titel"`
		Feld       string             `json:"feld"`
		Ziel       string             `json:"ziel"`
		Aenderung  string             `json:"aenderung"`
		Verschoben *diffJSONVerschub  `json:"verschoben,omitempty"`
		Attribute  []diffJSONAttribut `json:"attribute"`
	}
	diffJSONVerschub struct {
		Von  diffJSONOrt `json:"von"`
		Nach diffJSONOrt `json:"nach"`
	}
	diffJSONOrt struct {
		Feld string `json:"feld"`
		Ziel string `json:"ziel"`
	}
	diffJSONWechsel struct {
		Von        string   `json:"von"`
		Nach       string   `json:"nach"`
		Anzahl     int      `json:"anzahl"`
		Massnahmen []string `json:"massnahmen"`
	}
)

// DiffJSON writes d as one JSON object, indented, for scripts:
//
//	{
//	  "vorfassung": {"fassung": "Fortschreibung 2024", "stand": "2024-06-03"},
//	  "fassung":    {"fassung": "Fortschreibung 2025", "stand": "2025-09-01"},
//	  "unterschiede": true,
//	  "summe": {"ziele": {…}, "massnahmen": {"neu": 5, "geaendert": 9, "entfallen": 2, "verschoben": 1, "statuswechsel": 14}},
//	  "handlungsfelder": [{
//	    "id": "sprache", "titel": "Sprache und Bildung",
//	    "aenderung": "geaendert",           // neu, entfallen, geaendert or unveraendert
//	    "attribute": [{"attribut": "titel", "alt": "Sprache", "neu": "Sprache und Bildung"}],
//	    "zaehlung": {"ziele": {…}, "massnahmen": {…}},
//	    "ziele": [{"id", "titel", "feld", "aenderung", "verschoben": {"von": feld, "nach": feld}, "attribute"}],
//	    "massnahmen": [{"id", "titel", "feld", "ziel", "aenderung",
//	                    "verschoben": {"von": {"feld", "ziel"}, "nach": {"feld", "ziel"}}, "attribute"}],
//	    "statuswechsel": [{"von": "geplant", "nach": "in-umsetzung", "anzahl": 2, "massnahmen": ["SP-1.3", "SP-2.2"]}]
//	  }]
//	}
//
// Every field of either revision is listed, in the order of assemble.Diff;
// ziele and massnahmen hold only what changed. aenderung of a goal or measure
// is neu, entfallen, or geaendert (in both revisions, with changed attributes,
// a new place – then verschoben is set – or both). feld, ziel and titel are
// those of the current revision, of the previous one for what was removed.
// attribute lists the changed attributes by their YAML keys with the values
// as in konzept.yaml: texts and periods as strings, kosten as a number,
// partner, querschnitt and indikatoren as arrays, null for a value not given.
// Lists are [] when empty, never null.
func DiffJSON(w io.Writer, d *assemble.Diff) error {
	felder := make([]diffJSONFeld, 0, len(d.Felder))
	for i := range d.Felder {
		felder = append(felder, diffJSONFeldVon(&d.Felder[i]))
	}
	g := d.Gesamt()
	out := diffJSONDiff{
		Vorfassung:      diffJSONFassungVon(d.Vorfassung),
		Fassung:         diffJSONFassungVon(d.Fassung),
		Unterschiede:    !d.Leer(),
		Summe:           diffJSONZaehlungen{diffJSONZaehlungVon(g.Ziele), diffJSONZaehlungVon(g.Massnahmen)},
		Handlungsfelder: felder,
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func diffJSONFassungVon(k *assemble.Konzept) diffJSONFassung {
	m := k.Konzept.Konzept
	return diffJSONFassung{Fassung: m.Fassung, Stand: m.Stand.String()}
}

func diffJSONZaehlungVon(n assemble.Zaehlung) diffJSONZaehlung {
	return diffJSONZaehlung(n)
}

func diffJSONAenderung(neu, entfallen bool) string {
	switch {
	case neu:
		return "neu"
	case entfallen:
		return "entfallen"
	}
	return "geaendert"
}

func diffJSONFeldVon(fa *assemble.Feldaenderung) diffJSONFeld {
	out := diffJSONFeld{ID: fa.ID, Titel: fa.Titel(), Aenderung: diffJSONAenderung(fa.IstNeu(), fa.IstEntfallen()),
		Attribute: []diffJSONAttribut{}, Ziele: []diffJSONZiel{}, Massnahmen: []diffJSONMassnahme{}, Statuswechsel: []diffJSONWechsel{},
		Zaehlung: diffJSONZaehlungen{diffJSONZaehlungVon(fa.Zielzaehlung()), diffJSONZaehlungVon(fa.Massnahmenzaehlung())}}
	if fa.Leer() {
		out.Aenderung = "unveraendert"
	} else if !fa.IstNeu() && !fa.IstEntfallen() && len(fa.Attribute) == 0 {
		out.Aenderung = "geaendert" // its goals or measures changed
	}
	for _, key := range fa.Attribute { // titel
		out.Attribute = append(out.Attribute, diffJSONAttribut{key, diffWert(fa.Alt.Titel), diffWert(fa.Neu.Titel)})
	}
	for i := range fa.Ziele {
		z := &fa.Ziele[i]
		jz := diffJSONZiel{ID: z.ID, Titel: z.Titel(), Feld: z.NeuFeld, Aenderung: diffJSONAenderung(z.IstNeu(), z.IstEntfallen()), Attribute: []diffJSONAttribut{}}
		if z.IstEntfallen() {
			jz.Feld = z.AltFeld
		}
		if z.IstVerschoben() {
			jz.Verschoben = &diffJSONZielVerschub{Von: z.AltFeld, Nach: z.NeuFeld}
		}
		for _, key := range z.Attribute {
			jz.Attribute = append(jz.Attribute, diffJSONAttribut{key, diffZielWert(z.Alt, key), diffZielWert(z.Neu, key)})
		}
		out.Ziele = append(out.Ziele, jz)
	}
	for i := range fa.Massnahmen {
		m := &fa.Massnahmen[i]
		jm := diffJSONMassnahme{ID: m.ID, Titel: m.Titel(), Feld: m.NeuFeld, Ziel: m.NeuZiel,
			Aenderung: diffJSONAenderung(m.IstNeu(), m.IstEntfallen()), Attribute: []diffJSONAttribut{}}
		if m.IstEntfallen() {
			jm.Feld, jm.Ziel = m.AltFeld, m.AltZiel
		}
		if m.IstVerschoben() {
			jm.Verschoben = &diffJSONVerschub{Von: diffJSONOrt{m.AltFeld, m.AltZiel}, Nach: diffJSONOrt{m.NeuFeld, m.NeuZiel}}
		}
		for _, key := range m.Attribute {
			jm.Attribute = append(jm.Attribute, diffJSONAttribut{key, diffMassnahmeWert(m.Alt, key), diffMassnahmeWert(m.Neu, key)})
		}
		out.Massnahmen = append(out.Massnahmen, jm)
	}
	for _, w := range fa.Statuswechsel {
		out.Statuswechsel = append(out.Statuswechsel, diffJSONWechsel{Von: string(w.Von), Nach: string(w.Nach), Anzahl: len(w.Massnahmen), Massnahmen: w.Massnahmen})
	}
	return out
}

// text returns s, or nil (JSON null) if it is empty.
func diffWert(s string) any {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return s
}

func diffListe(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func diffZielWert(z *schema.Ziel, key string) any {
	switch key {
	case "titel":
		return diffWert(z.Titel)
	case "beschreibung":
		return diffWert(z.Beschreibung)
	case "indikatoren":
		return diffListe(z.Indikatoren)
	}
	return nil
}

// diffMassnahmeWert returns the attribute key of m as written in konzept.yaml.
func diffMassnahmeWert(m *schema.Massnahme, key string) any {
	switch key {
	case "titel":
		return diffWert(m.Titel)
	case "beschreibung":
		return diffWert(m.Beschreibung)
	case "federfuehrung":
		return diffWert(m.Federfuehrung)
	case "partner":
		return diffListe(m.Partner)
	case "beginn":
		return diffWert(m.Beginn.String())
	case "ende":
		return diffWert(m.Ende.String())
	case "status":
		return string(status(m))
	case "prioritaet":
		return diffWert(m.Prioritaet)
	case "finanzierung":
		return diffWert(m.Finanzierung)
	case "kosten":
		if m.Kosten == nil {
			return nil
		}
		return *m.Kosten
	case "querschnitt":
		return diffListe(m.Querschnitt)
	case "indikator":
		return diffWert(m.Indikator)
	}
	return nil
}
