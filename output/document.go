package output

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/landkreis/konzept/output/richtext"
	"github.com/landkreis/konzept/schema"
)

// render draws the whole document, chapter by chapter, in reading order.
func (d *doc) render() {
	k := d.k
	laid := d.layoutMassnahmen()
	d.cover()
	d.beschluss()
	d.toc = tocPlace{after: d.c.page(), head: len(d.heads), kid: len(d.c.tags.root.kids)}
	if k.LeichteSprache != "" {
		d.heading(1, d.t(lblLeichte), true)
		d.leichteSprache(k.LeichteSprache)
	}
	if k.Vorwort != nil {
		d.vorwort()
	}
	d.leitbild()
	if k.Beteiligung != nil {
		d.beteiligung()
	}
	for i := range k.Handlungsfelder {
		d.feld(&k.Handlungsfelder[i], laid[i])
	}
	d.monitoring()
	d.aenderungen()
	d.anhang()
	d.flush()
	d.contents()
}

func (d *doc) cover() {
	m := d.k.Konzept.Konzept
	d.newPage()
	d.c.rect(0, 0, pageW, 12, d.accent)
	if d.k.Logo != nil {
		fig := d.c.tags.open("Figure")
		fig.alt = m.LogoAlt
		if fig.alt == "" {
			fig.alt = fmt.Sprintf(d.t(lblWappen), m.Traeger)
		}
		if err := d.c.image(d.k.Logo.Path, d.k.Logo.Data, pageW-marginR-32, 30, 32, 40); err != nil && d.err == nil {
			d.err = err
		}
		d.c.tags.close()
	}
	d.y = 95
	d.text(m.Traeger, textStyle{size: 14, leading: 1.3, color: textGrey})
	d.y += 4
	d.c.tags.open("H1")
	d.drawBox(d.c.layout([]richtext.Span{{Text: m.Titel}}, textW-10, textStyle{size: 26, leading: 1.2, color: d.accent, base: richtext.Bold}), marginL, textW, alignLeft)
	d.c.tags.close()
	d.y += 6
	d.c.rule(marginL, d.y, marginL+40, d.y, 1.2, d.accent)
	d.y += 6
	d.text(m.Fassung, textStyle{size: 14, leading: 1.4, color: black})
	d.text(fmt.Sprintf(d.t(lblStand), d.longDate(m.Stand.Time)), textStyle{size: 11, leading: 1.4, color: textGrey})
	if h := m.Herausgeber; h != nil {
		d.y = 255
		d.text(h.Stelle, textStyle{size: 10, leading: 1.4, color: textGrey})
		if h.Anschrift != "" {
			d.text(h.Anschrift, textStyle{size: 10, leading: 1.4, color: textGrey})
		}
	}
}

// tocPlace is where the table of contents goes: after page after, as
// heading head and element kid of the structure tree's root. It is set last,
// on pages after the last chapter, when the pages of all headings are
// known; finish moves these pages to their place (see pageOrder), and
// contents moves the heading and the elements.
type tocPlace struct {
	after, head, kid int
	end              int // the last page before the table of contents
	pages            int // its number of pages
}

// pageNo returns the number printed for page p as drawn.
func (d *doc) pageNo(p int) int {
	t := d.toc
	switch {
	case t.pages == 0 || p <= t.after:
		return p
	case p <= t.end:
		return p + t.pages
	default:
		return p - (t.end - t.after)
	}
}

// pageOrder returns the pages as drawn, counted from 0, in the order of the
// document: the table of contents before the chapters.
func (d *doc) pageOrder() []int {
	t := d.toc
	order := make([]int, 0, d.c.pages())
	for p := range d.c.pages() {
		order = append(order, p)
	}
	if t.pages > 0 {
		moveTail(order[:t.end+t.pages], t.end, t.after)
	}
	return order
}

// contents sets the table of contents at the end of the document, and moves
// it into its place in the outline and structure tree. Its number of pages
// is found first, on a canvas that draws nothing, for the page numbers
// printed in it depend on it (and the space for a long title on their width).
func (d *doc) contents() {
	var entries []heading
	for _, h := range d.heads {
		if h.toc {
			entries = append(entries, h)
		}
	}
	// More pages make the numbers after them larger, never smaller, so
	// counting from one page up ends at the first count that holds.
	d.toc.end, d.toc.pages = d.c.page(), 1
	for {
		dry := &doc{c: newDryCanvas(), k: d.k, lang: d.lang, accent: d.accent, toc: d.toc}
		dry.drawContents(entries)
		if dry.c.page() <= d.toc.pages {
			break
		}
		d.toc.pages = dry.c.page()
	}
	head, kid := len(d.heads), len(d.c.tags.root.kids)
	d.drawContents(entries)
	if n := d.c.page() - d.toc.end; n != d.toc.pages && d.err == nil {
		d.err = fmt.Errorf("output: das Inhaltsverzeichnis hat %d Seiten statt %d", n, d.toc.pages)
	}
	moveTail(d.heads, head, d.toc.head)
	moveTail(d.c.tags.root.kids, kid, d.toc.kid)
}

// moveTail moves s[from:] to s[to:], after s[:to].
func moveTail[T any](s []T, from, to int) {
	tail := slices.Clone(s[from:])
	copy(s[to+len(tail):], s[to:from])
	copy(s[to:], tail)
}

// drawContents draws the table of contents of entries.
func (d *doc) drawContents(entries []heading) {
	d.headingNumbered(1, "", d.t(lblInhalt), false)
	tags := d.c.tags
	tags.open("TOC")
	defer tags.close()
	numW := 9.0 // the column of the numbers, wider for numbers like 123.4
	for _, h := range entries {
		numW = max(numW, d.c.width(h.number, richtext.Bold, body.size)+2)
	}
	for _, h := range entries {
		ts := body
		ts.hyphens = false
		indent := 0.0
		if h.level == 1 {
			ts.base = richtext.Bold
			d.space(2.5)
		} else {
			indent = numW
		}
		num := h.number + " " // apart from the title, read as one with it
		page := fmt.Sprint(d.pageNo(h.page))
		pw := d.c.width(page, ts.base, ts.size)
		b := box(d.c.layout([]richtext.Span{{Text: h.title}}, textW-indent-numW-pw-8, ts))
		d.need(b.height())
		top := d.y
		tags.open("TOCI")
		tags.open("Link")
		d.c.text(marginL+indent, baseline(d.y, ts), num, ts.base, ts.size, ts.color)
		d.drawBox(b, marginL+indent+numW, textW-indent-numW, alignLeft)
		last := b[len(b)-1]
		lineTop := d.y - last.ts.lineHeight()
		dotsFrom := marginL + indent + numW + last.pieces[0].w + 2
		if n := len(last.pieces); n > 1 {
			dotsFrom = marginL + indent + numW + wordsWidth(last.pieces) + 2
		}
		d.c.artifact(func() { d.leader(dotsFrom, pageW-marginR-pw-2, baseline(lineTop, ts)) })
		d.c.text(pageW-marginR-pw, baseline(lineTop, ts), page, ts.base, ts.size, ts.color)
		d.c.link(marginL, top, textW, d.y-top, "", h.page, h.y, fmt.Sprintf(d.t(lblSiehe), h.title, d.pageNo(h.page)))
		tags.close()
		tags.close()
	}
}

func wordsWidth(ps []piece) float64 {
	w := 0.0
	for _, p := range ps {
		w += p.w
	}
	return w
}

// leader draws a dotted line from x1 to x2 on baseline y.
func (d *doc) leader(x1, x2, y float64) {
	dot := d.c.width(".", 0, 10)
	step := dot * 2.2
	n := int((x2 - x1) / step)
	if n < 2 {
		return
	}
	d.c.text(x2-float64(n)*step, y, strings.Repeat(". ", n), 0, 10, textGrey)
}

func (d *doc) vorwort() {
	v := d.k.Vorwort
	d.heading(1, d.t(lblVorwort), true)
	d.markdown(v.Text, body)
	d.space(6)
	d.need(12)
	d.text(v.Autor, textStyle{size: 10, leading: 1.45, color: black, base: richtext.Bold})
	if v.Funktion != "" {
		d.text(v.Funktion, textStyle{size: 10, leading: 1.45, color: textGrey})
	}
}

func (d *doc) leitbild() {
	l := d.k.Leitbild
	d.heading(1, d.t(lblLeitbild), true)
	d.markdown(l.Einleitung, body)
	for _, g := range l.Grundsaetze {
		d.headingNumbered(2, "", g.Titel, false)
		d.markdown(g.Text, body)
	}
}

func (d *doc) beteiligung() {
	b := d.k.Beteiligung
	d.heading(1, d.t(lblBeteiligung), true)
	d.markdown(b.Text, body)
	if len(b.Veranstaltungen) > 0 {
		d.heading(2, d.t(lblVeranstaltung), true)
		cols := []column{
			{title: d.t(lblDatum), width: 22},
			{title: d.t(lblTitel), width: 52},
			{title: d.t(lblFormat), width: 28},
			{title: d.t(lblTeilnehmende), width: 24, align: alignRight},
			{title: d.t(lblFelder), width: textW - 126},
		}
		var rows []row
		for _, v := range b.Veranstaltungen {
			var felder []string
			for _, id := range v.Handlungsfelder {
				felder = append(felder, d.feldTitel(id))
			}
			teil := ""
			if v.Teilnehmende > 0 {
				teil = d.integer(v.Teilnehmende)
			}
			rows = append(rows, row{cells: [][]richtext.Block{
				cellText(d.shortDate(v.Datum.Time)), cellText(v.Titel), cellText(v.Format), cellText(teil), cellText(strings.Join(felder, "; ")),
			}})
		}
		d.table(cols, rows)
	}
	d.umfragen()
	if len(b.Stimmen) > 0 {
		d.heading(2, d.t(lblStimmen), true)
		for _, s := range b.Stimmen {
			d.quote(s)
		}
	}
}

// leichteSprache sets the summary in Leichte Sprache: 14 pt, ragged right,
// no hyphenation, and lines of at most about 55 characters.
func (d *doc) leichteSprache(src string) {
	const w = 125.0
	d.drawBox(d.c.blocks(richtext.Parse(src), w, textStyle{size: 14, leading: 1.5, color: black}), marginL, w, alignLeft)
}

// quote sets a participant's quote with a bar in the accent colour.
func (d *doc) quote(s schema.Stimme) {
	ts := textStyle{size: 10.5, leading: 1.45, color: black, base: richtext.Italic, hyphens: true}
	b := box(para(d.c.layout([]richtext.Span{{Text: "„" + strings.TrimSpace(s.Zitat) + "“"}}, textW-10, ts)))
	who := strings.Join(nonEmpty(s.Name, s.Funktion), ", ")
	if who != "" {
		n := len(b)
		b = append(b, para(d.c.layout([]richtext.Span{{Text: "– " + who}}, textW-10, caption))...)
		b[n].gap = 1
	}
	d.space(4)
	d.need(min(b.height(), 30))
	top, page := d.y, d.c.page()
	d.c.tags.open("Quote")
	d.drawBox(b, marginL+8, textW-10, alignLeft)
	d.c.tags.close()
	if d.c.page() == page {
		d.c.rule(marginL+2, top, marginL+2, d.y, 1.2, d.accent.tint(0.4))
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (d *doc) feldTitel(id string) string {
	for _, f := range d.k.Handlungsfelder {
		if f.ID == id {
			return f.Titel
		}
	}
	return id
}

// feld sets the chapter of one field of action.
func (d *doc) feld(f *schema.Handlungsfeld, laid *laidRows) {
	d.heading(1, f.Titel, true)
	if f.Ausgangslage != "" {
		d.heading(2, d.t(lblAusgangslage), false)
		d.markdown(f.Ausgangslage, body)
	}
	d.befragungVerweis(f.ID)
	if len(f.Ziele) == 0 {
		return
	}
	d.heading(2, d.t(lblZiele), false)
	for _, z := range f.Ziele {
		d.headingNumbered(3, "", d.t(lblZiel)+" "+z.ID+": "+z.Titel, false)
		d.markdown(z.Beschreibung, body)
		if len(z.Indikatoren) > 0 {
			items := make([]richtext.Item, len(z.Indikatoren))
			for i, ind := range z.Indikatoren {
				items[i] = richtext.Item{Blocks: cellText(ind)}
			}
			list := d.c.blocks([]richtext.Block{{List: richtext.Bullets, Items: items}}, textW, textStyle{size: 9.5, leading: 1.4, color: black, hyphens: true})
			label := box(para(d.c.layout([]richtext.Span{{Text: d.t(lblIndikatoren) + ":"}}, textW, textStyle{size: 9.5, leading: 1.4, color: textGrey, base: richtext.Bold})))
			d.space(1.5)
			d.need(label.height() + list[:min(len(list), 4)].height()) // the label with up to four lines of its list
			d.drawBox(label, marginL, textW, alignLeft)
			d.drawBox(list, marginL, textW, alignLeft)
		}
	}
	d.heading(2, d.t(lblMassnahmen), false)
	d.massnahmen(f, laid)
}

// laidRows are the rows of the measures of a field, laid out in the
// background (see layoutMassnahmen); done is closed when they are.
type laidRows struct {
	done  chan struct{}
	cells [][]box // per measure, in the order of the goals
	left  atomic.Int64
}

// layoutMassnahmen starts laying out the rows of the measures tables, the
// bulk of a concept, in the background while the chapters before them are
// set (it is called first): how text breaks into lines does not depend on
// the page it lands on. The rows are laid out in order, a few at a time, on
// as many goroutines as there are cores, so that a field the document waits
// for is laid out on all of them. It returns the rows of each field.
func (d *doc) layoutMassnahmen() []*laidRows {
	type job struct {
		m           *schema.Massnahme
		feld, zeile int
	}
	var jobs []job
	out := make([]*laidRows, len(d.k.Handlungsfelder))
	for i, f := range d.k.Handlungsfelder {
		out[i] = &laidRows{done: make(chan struct{})}
		n := 0
		for _, z := range f.Ziele {
			for j := range z.Massnahmen {
				jobs = append(jobs, job{&z.Massnahmen[j], i, n})
				n++
			}
		}
		out[i].cells = make([][]box, n)
		if out[i].left.Store(int64(n)); n == 0 {
			close(out[i].done)
		}
	}
	cols := d.massnahmenCols()
	const chunk = 8
	var next atomic.Int64
	for range runtime.GOMAXPROCS(0) {
		go func() {
			cache := map[cellKey]box{} // statuses, actors and dates recur
			for start := int(next.Add(chunk)) - chunk; start < len(jobs); start = int(next.Add(chunk)) - chunk {
				for _, j := range jobs[start:min(start+chunk, len(jobs))] {
					l := out[j.feld]
					l.cells[j.zeile] = d.layoutRow(cols, d.massnahmeRow(j.m), cache)
					if l.left.Add(-1) == 0 {
						close(l.done)
					}
				}
			}
		}()
	}
	return out
}

func (d *doc) massnahmenCols() []column {
	return []column{
		{title: d.t(lblNr), width: 14},
		{title: d.t(lblMassnahme), width: 48},
		{title: d.t(lblFederfuehrung), width: 24},
		{title: d.t(lblPartner), width: 24},
		{title: d.t(lblZeitraum), width: 22},
		{title: d.t(lblStatus), width: 18},
		{title: d.t(lblPrioritaet), width: textW - 150},
	}
}

// massnahmen sets the measures table of a field, grouped by goal, with the
// rows of its measures laid out in laid.
func (d *doc) massnahmen(f *schema.Handlungsfeld, laid *laidRows) {
	<-laid.done
	cells := laid.cells
	var rows []row
	for _, z := range f.Ziele {
		titel := d.t(lblZiel) + " " + z.ID + ": " + z.Titel
		if m := d.marke(z.ID, true); m != "" {
			titel += " (" + m + ")"
		}
		rows = append(rows, row{group: true, cells: [][]richtext.Block{cellText(titel)}})
		if len(z.Massnahmen) == 0 {
			rows = append(rows, row{group: true, cells: [][]richtext.Block{{{Spans: []richtext.Span{{Text: d.t(lblKeineMassnahme), Style: richtext.Italic}}}}}})
		}
		for range z.Massnahmen {
			rows = append(rows, row{laid: cells[0]})
			cells = cells[1:]
		}
	}
	d.table(d.massnahmenCols(), rows)
}

func (d *doc) massnahmeRow(m *schema.Massnahme) row {
	desc := []richtext.Block{{Spans: []richtext.Span{{Text: m.Titel, Style: richtext.Bold}}}}
	if mark := d.marke(m.ID, false); mark != "" {
		desc[0].Spans = append(desc[0].Spans, richtext.Span{Text: " (" + mark + ")", Style: richtext.Italic})
	}
	desc = append(desc, richtext.Parse(m.Beschreibung)...)
	var extra []richtext.Span
	if len(m.Querschnitt) > 0 {
		var ts []string
		for _, id := range m.Querschnitt {
			ts = append(ts, d.k.Themen[id].Titel)
		}
		extra = append(extra, richtext.Span{Text: d.t(lblQuerschnitt) + ": ", Style: richtext.Italic | richtext.Bold}, richtext.Span{Text: strings.Join(ts, ", "), Style: richtext.Italic})
	}
	if m.Indikator != "" {
		if len(extra) > 0 {
			extra = append(extra, richtext.Span{Text: "\n"})
		}
		extra = append(extra, richtext.Span{Text: d.t(lblIndikator) + ": ", Style: richtext.Italic | richtext.Bold}, richtext.Span{Text: m.Indikator, Style: richtext.Italic})
	}
	if len(extra) > 0 {
		desc = append(desc, richtext.Block{Spans: extra})
	}
	var partner []string
	for _, id := range m.Partner {
		partner = append(partner, d.k.Akteure[id].Anzeigename())
	}
	prio := ""
	if l, ok := prioLabels[m.Prioritaet]; ok {
		prio = d.t(l)
	}
	return row{cells: [][]richtext.Block{
		cellText(m.ID),
		desc,
		cellText(d.k.Akteure[m.Federfuehrung].Anzeigename()),
		cellText(strings.Join(partner, ", ")),
		cellText(d.zeitraum(m)),
		cellText(d.t(statusLabels[m.Status])),
		cellText(prio),
	}}
}

// anhang sets the appendix: actors, abbreviations, sources, imprint.
func (d *doc) anhang() {
	k := d.k
	d.heading(1, d.t(lblAnhang), true)
	if len(k.Konzept.Akteure) > 0 {
		d.heading(2, d.t(lblAkteure), true)
		leads, partners := map[string]int{}, map[string]int{}
		for _, f := range k.Handlungsfelder {
			for _, z := range f.Ziele {
				for _, m := range z.Massnahmen {
					leads[m.Federfuehrung]++
					for _, p := range m.Partner {
						partners[p]++
					}
				}
			}
		}
		akteure := slices.Clone(k.Konzept.Akteure)
		sortByKey(akteure, func(a schema.Akteur) string { return a.Name }, true)
		cols := []column{
			{title: d.t(lblName), width: 78},
			{title: d.t(lblKurz), width: 22},
			{title: d.t(lblArt), width: 29},
			{title: d.t(lblFederf), width: 18, align: alignRight},
			{title: d.t(lblPartnerAnz), width: textW - 147, align: alignRight},
		}
		var rows []row
		for _, a := range akteure {
			rows = append(rows, row{cells: [][]richtext.Block{
				cellText(a.Name), cellText(a.Kurz), cellText(d.t(artLabels[a.Art])),
				cellText(fmt.Sprint(leads[a.ID])), cellText(fmt.Sprint(partners[a.ID])),
			}})
		}
		d.table(cols, rows)
	}
	if len(k.Abkuerzungen) > 0 {
		d.heading(2, d.t(lblAbkuerzungen), true)
		keys := make([]string, 0, len(k.Abkuerzungen))
		for a := range k.Abkuerzungen {
			keys = append(keys, a)
		}
		sortByKey(keys, func(a string) string { return a }, false)
		var rows []row
		for _, a := range keys {
			rows = append(rows, row{cells: [][]richtext.Block{cellText(a), cellText(k.Abkuerzungen[a])}})
		}
		d.table([]column{{title: d.t(lblAbkuerzung), width: 35}, {title: d.t(lblBedeutung), width: textW - 35}}, rows)
	}
	d.heading(2, d.t(lblQuellen), true)
	var rows []row
	for _, q := range k.Quellen {
		rows = append(rows, row{cells: [][]richtext.Block{cellText(q.Datei), cellText(strings.Join(q.Ziele, ", ")), cellText(strings.Join(q.Massnahmen, ", "))}})
	}
	d.table([]column{{title: d.t(lblDatei), width: 50}, {title: d.t(lblZiele), width: 40}, {title: d.t(lblMassnahmen), width: textW - 90}}, rows)
	d.impressum()
}

func (d *doc) impressum() {
	m := d.k.Konzept.Konzept
	d.heading(2, d.t(lblImpressum), true)
	d.space(2)
	d.text(d.t(lblHerausgeber)+":", textStyle{size: 10, leading: 1.45, color: black, base: richtext.Bold})
	lines := []string{m.Traeger}
	if h := m.Herausgeber; h != nil {
		lines = append(lines, nonEmpty(h.Stelle, h.Anschrift, h.Telefon, h.Email)...)
	}
	for _, l := range lines {
		d.text(l, body)
	}
	d.space(4)
	d.text(m.Titel+" – "+m.Fassung, body)
	d.text(fmt.Sprintf(d.t(lblStand), d.longDate(m.Stand.Time)), body)
	d.space(4)
	d.text(fmt.Sprintf(d.t(lblErstellt), d.version), caption)
}

// umlautFold folds the umlauts and ß of lower-case text for sortKey.
var umlautFold = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss")

// sortKey makes German names sort as in a dictionary (Ä with A, ß as ss).
func sortKey(s string) string {
	return umlautFold.Replace(strings.ToLower(s))
}

// sortByKey sorts s by the sortKey of each element's name, computing every
// key once rather than in each comparison; stable keeps elements with equal
// keys in their order. The elements end in the order sorting s with a
// comparator of sortKeys would give.
func sortByKey[T any](s []T, name func(T) string, stable bool) {
	type keyed struct {
		key string
		v   T
	}
	ks := make([]keyed, len(s))
	for i, v := range s {
		ks[i] = keyed{sortKey(name(v)), v}
	}
	cmp := func(a, b keyed) int { return strings.Compare(a.key, b.key) }
	if stable {
		slices.SortStableFunc(ks, cmp)
	} else {
		slices.SortFunc(ks, cmp)
	}
	for i, k := range ks {
		s[i] = k.v
	}
}
