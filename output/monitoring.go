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
	bold := func(s string) []richtext.Block {
		return []richtext.Block{{Spans: []richtext.Span{{Text: s, Style: richtext.Bold}}}}
	}
	cells := [][]richtext.Block{bold(d.t(lblMonSumme))}
	for _, n := range total {
		cells = append(cells, bold(d.integer(n)))
	}
	cells = append(cells, bold(d.integer(summe(total))))
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
	c.pdf.SetDrawColor(col.r, col.g, col.b)
	c.pdf.SetLineWidth(0.3)
	c.mark(func() { c.pdf.Rect(x, y, w, h, "D") })
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

// verantwortlichkeiten sets the actor × field matrix and, per leading actor,
// the measures it leads.
func (d *doc) verantwortlichkeiten() {
	felder := d.k.Handlungsfelder
	v := verantwortung(felder)
	ids := make([]string, 0, len(v))
	for id := range v {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		return strings.Compare(sortKey(d.akteurName(a)), sortKey(d.akteurName(b)))
	})
	d.heading(2, d.t(lblMonVerantwortung), true)
	d.space(2)
	d.text(d.t(lblMonMatrixText), body)
	numW := min(16.0, (textW-55)/float64(len(felder)))
	cols := []column{{title: d.t(lblMonAkteur), width: textW - float64(len(felder))*numW}}
	var legend []string
	for i, f := range felder {
		cols = append(cols, column{title: fmt.Sprintf(d.t(lblMonHF), i+1), width: numW, align: alignRight})
		legend = append(legend, fmt.Sprintf(d.t(lblMonHF), i+1)+": "+f.Titel)
	}
	var rows []row
	for _, id := range ids {
		cells := [][]richtext.Block{cellText(d.akteurName(id))}
		for _, b := range v[id] {
			s := ""
			if b.fuehrt+b.partner > 0 {
				s = d.integer(b.fuehrt) + "\u00a0/\u00a0" + d.integer(b.partner)
			}
			cells = append(cells, cellText(s))
		}
		rows = append(rows, row{cells: cells})
	}
	d.space(1)
	d.text(strings.Join(legend, "; ")+".", caption)
	d.table(cols, rows)

	ts := textStyle{size: 9.5, leading: 1.4, color: black, hyphens: true}
	for _, id := range ids {
		var items []richtext.Item
		for i := range felder {
			for _, m := range massnahmenVon(&felder[i]) {
				if m.Federfuehrung == id {
					items = append(items, richtext.Item{Blocks: []richtext.Block{{Spans: []richtext.Span{
						{Text: m.ID, Style: richtext.Bold},
						{Text: " " + m.Titel + " (" + d.t(statusLabels[status(m)]) + ")"},
					}}}})
				}
			}
		}
		if len(items) == 0 {
			continue
		}
		d.headingNumbered(3, "", d.akteurName(id), false)
		d.drawBox(d.c.blocks([]richtext.Block{{List: richtext.Bullets, Items: items}}, textW, ts), marginL, textW, alignLeft)
	}
}
