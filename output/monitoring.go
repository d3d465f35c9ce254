package output

import (
	"fmt"
	"slices"
	"strings"

	"github.com/landkreis/konzept/output/richtext"
	"github.com/landkreis/konzept/schema"
)

// The chapter "Umsetzung und Monitoring" (SPEC 7, item 6): how far the
// measures have come, per field, as a table and a stacked bar chart, and who
// leads and partners which measures. The numbers are computed by small pure
// functions first, then drawn.

// status returns the status of m; an empty status means geplant.
func status(m *schema.Massnahme) schema.Status {
	if m.Status == "" {
		return schema.Geplant
	}
	return m.Status
}

// massnahmenVon returns the measures of a field, goal by goal.
func massnahmenVon(f *schema.Handlungsfeld) []*schema.Massnahme {
	var ms []*schema.Massnahme
	for i := range f.Ziele {
		for j := range f.Ziele[i].Massnahmen {
			ms = append(ms, &f.Ziele[i].Massnahmen[j])
		}
	}
	return ms
}

// statusZaehlung returns, per field, the number of its measures in each
// status, in the order of schema.Statuses.
func statusZaehlung(felder []schema.Handlungsfeld) [][]int {
	out := make([][]int, len(felder))
	for i := range felder {
		out[i] = make([]int, len(schema.Statuses))
		for _, m := range massnahmenVon(&felder[i]) {
			if j := slices.Index(schema.Statuses, status(m)); j >= 0 {
				out[i][j]++
			}
		}
	}
	return out
}

func summe(ns []int) int {
	s := 0
	for _, n := range ns {
		s += n
	}
	return s
}

// monitoring sets the chapter.
func (d *doc) monitoring() {
	if len(d.k.Handlungsfelder) == 0 {
		return
	}
	d.heading(1, d.t(lblMonKapitel), true)
	d.heading(2, d.t(lblMonStand), true)
	d.statusTabelle()
	d.statusDiagramm()
	d.verantwortlichkeiten()
	d.zeitplan()
	d.finanzuebersicht()
}

// statusTabelle sets the number of measures per field and status.
func (d *doc) statusTabelle() {
	felder := d.k.Handlungsfelder
	counts := statusZaehlung(felder)
	numW := 17.0
	cols := []column{{title: d.t(lblMonFeld), width: textW - float64(len(schema.Statuses)+1)*numW}}
	for _, s := range schema.Statuses {
		cols = append(cols, column{title: d.t(statusLabels[s]), width: numW, align: alignRight})
	}
	cols = append(cols, column{title: d.t(lblMonSumme), width: numW, align: alignRight})
	var rows []row
	total := make([]int, len(schema.Statuses))
	for i, f := range felder {
		cells := [][]richtext.Block{cellText(f.Titel)}
		for j, n := range counts[i] {
			cells = append(cells, cellText(d.integer(n)))
			total[j] += n
		}
		cells = append(cells, cellText(d.integer(summe(counts[i]))))
		rows = append(rows, row{cells: cells})
	}
	cells := [][]richtext.Block{cellBold(d.t(lblMonSumme))}
	for _, n := range total {
		cells = append(cells, cellBold(d.integer(n)))
	}
	cells = append(cells, cellBold(d.integer(summe(total))))
	rows = append(rows, row{cells: cells})
	d.keepTable(len(rows) + 1)
	d.table(cols, rows)
}

// segment is how one status is drawn in the stacked bar chart: a shade of
// the bar colour, hatched, or only outlined, so that the statuses can be told
// apart in black and white print.
type segment struct {
	tint    float64
	hatched bool
	outline bool
}

var statusSegmente = map[schema.Status]segment{
	schema.Geplant:         {tint: 0.8},
	schema.InUmsetzung:     {tint: 0.45},
	schema.Umgesetzt:       {tint: 0},
	schema.Dauerhaft:       {tint: 0.25},
	schema.Zurueckgestellt: {hatched: true},
	schema.Entfallen:       {outline: true},
}

// drawSegment draws one segment of a stacked bar as content.
func (d *doc) drawSegment(s segment, x, y, w, h float64) {
	col := d.barColor()
	switch {
	case s.hatched:
		d.c.hatchedBar(x, y, w, h, col)
	case s.outline:
		d.c.outlinedBar(x, y, w, h, col)
	default:
		d.c.bar(x, y, w, h, col.tint(s.tint))
	}
}

// outlinedBar draws the outline of a bar: content of the current element.
func (c *canvas) outlinedBar(x, y, w, h float64, col rgb) {
	c.setStroke(col, 0.3)
	c.mark(func() { c.rectOp(x, y, w, h, "S") })
}

// statusAlt states the numbers of the stacked chart in words.
func (d *doc) statusAlt(felder []schema.Handlungsfeld, counts [][]int) string {
	var parts []string
	for i, f := range felder {
		var ss []string
		for j, n := range counts[i] {
			if n > 0 {
				ss = append(ss, d.integer(n)+" "+d.t(statusLabels[schema.Statuses[j]]))
			}
		}
		if len(ss) == 0 {
			ss = []string{d.t(lblMonKeine)}
		}
		parts = append(parts, f.Titel+": "+strings.Join(ss, ", "))
	}
	return fmt.Sprintf(d.t(lblMonStatusAlt), strings.Join(parts, "; "))
}

// statusDiagramm draws one stacked bar per field, a segment per status, and
// a legend, as one Figure on one page.
func (d *doc) statusDiagramm() {
	felder := d.k.Handlungsfelder
	counts := statusZaehlung(felder)
	labels := make([]box, len(felder))
	h := 2 * chartPad
	scale := 0
	for i, f := range felder {
		labels[i] = box(d.c.layout([]richtext.Span{{Text: f.Titel}}, chartLabelW, chartText))
		h += max(labels[i].height(), chartRowMin+1) + 1
		scale = max(scale, summe(counts[i]))
	}
	const legendRow = 5.0
	legendRows := (len(schema.Statuses) + 2) / 3
	h += 3 + float64(legendRows)*legendRow
	barX := marginL + chartLabelW + chartGap
	barMax := textW - chartLabelW - chartGap - 12
	const barH = 4.6

	d.space(4)
	d.need(h)
	fig := d.c.tags.open("Figure")
	fig.alt = d.statusAlt(felder, counts)
	top := d.y
	y := top + chartPad
	for i := range felder {
		rowH := max(labels[i].height(), chartRowMin+1)
		ly := y + (rowH-labels[i].height())/2
		for _, l := range labels[i] {
			d.drawLine(l, marginL, ly, chartLabelW, alignLeft)
			ly += l.ts.lineHeight()
		}
		by := y + (rowH-barH)/2
		x := barX
		for j, n := range counts[i] {
			if n == 0 || scale == 0 {
				continue
			}
			w := barMax * float64(n) / float64(scale)
			seg := statusSegmente[schema.Statuses[j]]
			d.drawSegment(seg, x, by, max(w-0.4, 0.3), barH)
			x += w
		}
		d.c.text(x+1.5, baseline(y+(rowH-chartText.lineHeight())/2, chartText), d.integer(summe(counts[i])), 0, chartText.size, black)
		y += rowH + 1
	}
	// Legend: three statuses a row.
	y += 3
	colW := textW / 3
	for j, s := range schema.Statuses {
		lx := marginL + float64(j%3)*colW
		ly := y + float64(j/3)*legendRow
		d.drawSegment(statusSegmente[s], lx, ly+0.8, 6, 3.2)
		d.c.text(lx+8, baseline(ly, chartText), d.t(statusLabels[s]), 0, chartText.size, black)
	}
	d.c.tags.close()
	d.c.rule(barX, top+chartPad/2, barX, y-3-chartPad/2, 0.3, textGrey)
	d.y = top + h
}

// beteiligung counts the measures an actor leads and partners in one field.
type beteiligung struct{ fuehrt, partner int }

// verantwortung returns, for every actor that leads or partners a measure,
// its measures per field (indexes into felder).
func verantwortung(felder []schema.Handlungsfeld) map[string][]beteiligung {
	out := map[string][]beteiligung{}
	get := func(id string) []beteiligung {
		if out[id] == nil {
			out[id] = make([]beteiligung, len(felder))
		}
		return out[id]
	}
	for i := range felder {
		for _, m := range massnahmenVon(&felder[i]) {
			get(m.Federfuehrung)[i].fuehrt++
			for _, p := range m.Partner {
				if p != m.Federfuehrung {
					get(p)[i].partner++
				}
			}
		}
	}
	return out
}

// akteurName returns the full name of an actor, or its id if it is unknown.
func (d *doc) akteurName(id string) string {
	if a := d.k.Akteure[id]; a != nil {
		return a.Name
	}
	return id
}

// matrixFelder is the number of fields of action that fit across the page
// in the actor × field matrix.
const matrixFelder = 8

// verantwortlichkeiten sets the actor × field matrix and, per leading actor,
// the measures it leads.
func (d *doc) verantwortlichkeiten() {
	felder := d.k.Handlungsfelder
	v := verantwortung(felder)
	ids := make([]string, 0, len(v))
	for id := range v {
		ids = append(ids, id)
	}
	sortByKey(ids, d.akteurName, false)
	d.heading(2, d.t(lblMonVerantwortung), true)
	d.space(2)
	d.text(d.t(lblMonMatrixText), body)
	var legend []string
	for i, f := range felder {
		legend = append(legend, fmt.Sprintf(d.t(lblMonHF), i+1)+": "+f.Titel)
	}
	d.space(1)
	d.text(strings.Join(legend, "; ")+".", caption)
	// Up to matrixFelder fields fit across the page; more take a table
	// for each matrixFelder.
	for from := 0; from < len(felder); from += matrixFelder {
		to := min(from+matrixFelder, len(felder))
		numW := min(16.0, (textW-55)/float64(to-from))
		cols := []column{{title: d.t(lblMonAkteur), width: textW - float64(to-from)*numW}}
		for i := from; i < to; i++ {
			cols = append(cols, column{title: fmt.Sprintf(d.t(lblMonHF), i+1), width: numW, align: alignRight})
		}
		var rows []row
		for _, id := range ids {
			cells := [][]richtext.Block{cellText(d.akteurName(id))}
			for _, b := range v[id][from:to] {
				s := ""
				if b.fuehrt+b.partner > 0 {
					s = d.integer(b.fuehrt) + "\u00a0/\u00a0" + d.integer(b.partner)
				}
				cells = append(cells, cellText(s))
			}
			rows = append(rows, row{cells: cells})
		}
		d.table(cols, rows)
	}

	ts := textStyle{size: 9.5, leading: 1.4, color: black, hyphens: true}
	leads := map[string][]richtext.Item{} // by actor, the measures it leads
	for i := range felder {
		for _, m := range massnahmenVon(&felder[i]) {
			leads[m.Federfuehrung] = append(leads[m.Federfuehrung], richtext.Item{Blocks: []richtext.Block{{Spans: []richtext.Span{
				{Text: m.ID, Style: richtext.Bold},
				{Text: " " + m.Titel + " (" + d.t(statusLabels[status(m)]) + ")"},
			}}}})
		}
	}
	for _, id := range ids {
		items := leads[id]
		if len(items) == 0 {
			continue
		}
		d.headingNumbered(3, "", d.akteurName(id), false)
		d.drawBox(d.c.blocks([]richtext.Block{{List: richtext.Bullets, Items: items}}, textW, ts), marginL, textW, alignLeft)
	}
}

// halbjahr numbers the half-year of a date: year*2, +1 for July to December.
func halbjahr(year, month int) int { return year*2 + (month-1)/6 }

// zeitBereich returns the first and last half-year of the measures' dates
// (from the earliest beginning to the latest end; an open end counts as its
// beginning), and false if no measure has a beginning.
func zeitBereich(ms []*schema.Massnahme) (first, last int, ok bool) {
	for _, m := range ms {
		if m.Beginn.IsZero() || m.Beginn.Form == schema.Fortlaufend {
			continue
		}
		a := m.Beginn.Anfang()
		b := halbjahr(a.Year(), int(a.Month()))
		e := b
		if !m.Ende.IsZero() && m.Ende.Form != schema.Fortlaufend {
			t := m.Ende.Ende()
			e = max(b, halbjahr(t.Year(), int(t.Month())))
		}
		if !ok {
			first, last, ok = b, e, true
		}
		first, last = min(first, b), max(last, e)
	}
	return first, last, ok
}

// balkenZeit returns the half-years a measure's bar spans, whether it is
// open-ended (fortlaufend or without an end), and false if it has no beginning.
func balkenZeit(m *schema.Massnahme) (from, to int, open, ok bool) {
	if m.Beginn.IsZero() || m.Beginn.Form == schema.Fortlaufend {
		return 0, 0, false, false
	}
	a := m.Beginn.Anfang()
	from, to = halbjahr(a.Year(), int(a.Month())), halbjahr(a.Year(), int(a.Month()))
	switch {
	case m.Ende.IsZero() || m.Ende.Form == schema.Fortlaufend:
		open = true // fortlaufend, or no end given
	default:
		t := m.Ende.Ende()
		to = max(from, halbjahr(t.Year(), int(t.Month())))
	}
	return from, to, open, true
}

// Geometry of the Zeitplan, in mm.
const (
	ganttLabelW = 20.0
	ganttRowH   = 5.0
	ganttBarH   = 3.0
	ganttAxisH  = 6.0
)

// zeitplan draws a Gantt chart by half-year, one row per dated measure,
// grouped by field; on every page the half-year axis is repeated and the
// part is a Figure of its own. Measures without a beginning are listed below.
func (d *doc) zeitplan() {
	var all []*schema.Massnahme
	for i := range d.k.Handlungsfelder {
		all = append(all, massnahmenVon(&d.k.Handlungsfelder[i])...)
	}
	first, last, ok := zeitBereich(all)
	if !ok {
		return
	}
	d.heading(2, d.t(lblMonZeitplan), true)
	n := last - first + 1
	x0 := marginL + ganttLabelW
	colW := (textW - ganttLabelW) / float64(n)
	col := d.barColor()
	axisText := textStyle{size: 7, leading: 1.2, color: textGrey}

	var fig *elem
	var alt []string
	// Half-years are labelled 1/2026, 2/2026 where that fits; else each
	// year at its first half, or every second, fifth … year on long ranges
	// (dates may lie from 1900 to 2999: a beginning typed as 1900 spans
	// centuries).
	halves := d.c.width("2/2026", 0, axisText.size) < colW-1
	var every int
	for _, every = range []int{1, 2, 5, 10, 25, 50, 100, 250, 500} {
		if d.c.width("2026", 0, axisText.size) < float64(2*every)*colW-1 {
			break
		}
	}
	axis := func() {
		for h := 0; h < n; h++ {
			x := x0 + float64(h)*colW
			half, year := (first+h)%2+1, (first+h)/2
			switch {
			case halves:
				d.c.text(x+1, baseline(d.y, axisText), fmt.Sprintf("%d/%d", half, year), 0, axisText.size, textGrey)
			case half == 1 && year%every == 0:
				d.c.text(x+1, baseline(d.y, axisText), fmt.Sprint(year), 0, axisText.size, textGrey)
			}
		}
		d.y += ganttAxisH
	}
	grid := func(y0, y1 float64) { // under the bars, not through the field titles
		for h := 0; h <= n; h++ {
			x := x0 + float64(h)*colW
			switch {
			case (first+h)%2 == 0 && (first+h)/2%every == 0: // the years labelled
				d.c.rule(x, y0, x, y1, 0.15, textGrey)
			case halves: // mid-year lines only where half-years are labelled
				d.c.rule(x, y0, x, y1, 0.15, ruleGrey)
			}
		}
	}
	start := func() {
		fig = d.c.tags.open("Figure")
		alt = nil
		axis()
	}
	end := func() {
		fig.alt = fmt.Sprintf(d.t(lblMonZeitplanAlt), strings.Join(alt, "; "))
		d.c.tags.close()
	}
	d.space(3)
	d.need(ganttAxisH + 3*ganttRowH)
	start()
	room := func(h float64) {
		if d.y+h > contentBot {
			end()
			d.newPage()
			start()
		}
	}
	var undatiert []string
	for i := range d.k.Handlungsfelder {
		f := &d.k.Handlungsfelder[i]
		var rows []*schema.Massnahme
		for _, m := range massnahmenVon(f) {
			if _, _, _, ok := balkenZeit(m); ok {
				rows = append(rows, m)
			} else {
				undatiert = append(undatiert, m.ID)
			}
		}
		if len(rows) == 0 {
			continue
		}
		room(ganttRowH + min(2, float64(len(rows)))*ganttRowH)
		d.c.text(marginL, baseline(d.y+0.5, chartText), f.Titel, richtext.Bold, chartText.size, black)
		d.y += ganttRowH + 0.5
		var parts []string
		gridded := 0 // the rows up to here have their grid
		for i, m := range rows {
			if d.y+ganttRowH > contentBot {
				alt = append(alt, fmt.Sprintf(d.t(lblMonZeitplanFeld), f.Titel, strings.Join(parts, ", ")))
				parts = nil
				room(ganttRowH)
			}
			if i == gridded { // the grid under the rows that fit on this page
				y := d.y
				for gridded < len(rows) && y+ganttRowH <= contentBot {
					gridded++
					y += ganttRowH
				}
				grid(d.y, y)
			}
			from, to, open, _ := balkenZeit(m)
			d.c.text(marginL, baseline(d.y, chartText), m.ID, 0, chartText.size, black)
			bx := x0 + float64(from-first)*colW + 0.3
			by := d.y + (ganttRowH-ganttBarH)/2 - 0.4
			if open {
				w := x0 + float64(n)*colW - bx
				solid := max(w-6, 0.5)
				d.c.bar(bx, by, solid, ganttBarH, col.tint(0.3))
				for k, tint := range []float64{0.5, 0.7, 0.85} {
					d.c.bar(bx+solid+float64(k)*2, by, 2, ganttBarH, col.tint(tint))
				}
			} else {
				d.c.bar(bx, by, float64(to-from+1)*colW-0.6, ganttBarH, col.tint(0.3))
			}
			parts = append(parts, m.ID+" "+d.zeitraum(m))
			d.y += ganttRowH
		}
		alt = append(alt, fmt.Sprintf(d.t(lblMonZeitplanFeld), f.Titel, strings.Join(parts, ", ")))
	}
	end()
	d.y += 2
	d.text(d.t(lblMonZeitplanHinweis), caption)
	if len(undatiert) > 0 {
		d.space(2)
		d.text(fmt.Sprintf(d.t(lblMonOhneTermin), strings.Join(undatiert, ", ")), body)
	}
}

// finanzuebersicht sets the costs by source of funding (as in the
// Beschlussvorlage) and by field of action.
func (d *doc) finanzuebersicht() {
	felder := d.k.Handlungsfelder
	d.heading(2, d.t(lblMonFinanzen), true)
	d.text(d.t(lblMonNachQuelle), textStyle{size: 10, leading: 1.45, color: black, base: richtext.Bold})
	d.finanzTabelle(finanzen(felder))
	d.space(4)
	d.text(d.t(lblMonNachFeld), textStyle{size: 10, leading: 1.45, color: black, base: richtext.Bold})
	cols := []column{
		{title: d.t(lblMonFeld), width: textW - 95},
		{title: d.t(lblMassnahmen), width: 25, align: alignRight},
		{title: d.t(lblBvKosten), width: 35, align: alignRight},
		{title: d.t(lblMonZurueck), width: 35, align: alignRight},
	}
	var rows []row
	var n int
	var summe, zurueck float64
	for i := range felder {
		f := finanzen(felder[i : i+1])
		k := 0
		for _, z := range f.zeilen {
			k += z.anzahl
		}
		n += k
		summe += summeEUR(f.zeilen)
		zurueck += summeEUR(f.zurueck)
		rows = append(rows, row{cells: [][]richtext.Block{cellText(felder[i].Titel), cellText(d.integer(k)), cellText(d.euro(summeEUR(f.zeilen))), cellText(d.euro(summeEUR(f.zurueck)))}})
	}
	rows = append(rows, row{cells: [][]richtext.Block{cellBold(d.t(lblMonSumme)), cellBold(d.integer(n)), cellBold(d.euro(summe)), cellBold(d.euro(zurueck))}})
	d.table(cols, rows)
}
