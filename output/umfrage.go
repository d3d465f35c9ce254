package output

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/output/richtext"
)

// Survey results (SPEC sections 5 and 7): per survey its period and number
// of responses, per question a horizontal bar chart (a Figure with a text
// alternative), the same numbers as a table, and mean and median where they
// apply. Every count below the survey's Mindestgruppe is printed as "< N";
// its bar is hatched at a fixed width that says nothing about the count, and
// its share is left out.

// balken is one bar of a chart and one row of its table: the layout model,
// computed before anything is drawn.
type balken struct {
	label    string
	wert     string // the count as printed: "12" or "< 5"
	anteil   string // the share as printed, "" when suppressed
	n        int    // the count; not to be printed when verdeckt
	verdeckt bool   // below Mindestgruppe: hatched, fixed width
	neben    bool   // sonstige, keine Angabe: a lighter bar
}

// mindestgruppe is the smallest count the PDF prints for u.
func mindestgruppe(u *assemble.Umfrage) int {
	if u.Mindestgruppe > 0 {
		return u.Mindestgruppe
	}
	return 5
}

// anzahl prints a count, or "< N" if it is below the smallest printed group.
func (d *doc) anzahl(n, mg int) string {
	if n < mg {
		return "< " + d.integer(mg)
	}
	return d.integer(n)
}

// prozent prints the share of n in total as "24 %" (German) or "24%".
func (d *doc) prozent(n, total int) string {
	p := int(math.Round(100 * float64(n) / float64(total)))
	if d.lang == "en" {
		return fmt.Sprintf("%d%%", p)
	}
	return fmt.Sprintf("%d\u00a0%%", p)
}

// dezimal prints a statistic with at most one decimal, "3,8" or "3.8".
func (d *doc) dezimal(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if d.lang != "en" {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// balkenVon returns the bars of a question: its options or scale values in
// order, then "sonstige" (einfach, mehrfach) and "keine Angabe". Both are
// always listed, so that a missing row never tells that a count is zero.
// Shares are of all responses of the survey.
func (d *doc) balkenVon(u *assemble.Umfrage, f *assemble.FrageErgebnis) []balken {
	mg := mindestgruppe(u)
	mk := func(label string, n int, neben bool) balken {
		b := balken{label: label, n: n, wert: d.anzahl(n, mg), verdeckt: n < mg, neben: neben}
		if !b.verdeckt && u.Antworten >= mg {
			b.anteil = d.prozent(n, u.Antworten)
		}
		return b
	}
	var bs []balken
	for _, a := range f.Verteilung {
		label := a.Wert
		if s := f.Frage.Skala; s != nil {
			if v, err := strconv.Atoi(a.Wert); err == nil && s.Beschriftung[v] != "" {
				label += " (" + s.Beschriftung[v] + ")"
			}
		}
		bs = append(bs, mk(label, a.N, false))
	}
	if f.Frage.Typ != "skala" {
		bs = append(bs, mk(d.t(lblSonstige), f.Sonstige, true))
	}
	bs = append(bs, mk(d.t(lblKeineAngabe), f.KeineAngabe, true))
	if f.Frage.Typ != "mehrfach" { // the counts add up to the responses
		ns := make([]int, len(bs))
		for i, b := range bs {
			ns[i] = b.n
		}
		if i := sekundaer(ns, mg); i >= 0 {
			bs[i].wert, bs[i].anteil, bs[i].verdeckt = "x", "", true
		}
	}
	return bs
}

// sekundaer returns the index of a count to hide as well, or -1: when exactly
// one count of a group that adds up to a printed total is below mg, it could
// be worked out from the total and the others, so the smallest of the others
// is hidden too (secondary suppression, as statistical offices do).
func sekundaer(ns []int, mg int) int {
	hidden, smallest := 0, -1
	for i, n := range ns {
		switch {
		case n < mg:
			hidden++
		case smallest < 0 || n < ns[smallest]:
			smallest = i
		}
	}
	if hidden != 1 {
		return -1
	}
	return smallest
}

// altText states a chart's data in words, with the same suppression as the
// chart: "Balkendiagramm – Frage: 1 (gar nicht): < 5, 3: 12 (24 %), …".
func (d *doc) altText(frage string, bs []balken) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = b.label + ": " + b.wert
		if b.anteil != "" {
			parts[i] += " (" + b.anteil + ")"
		}
	}
	return fmt.Sprintf(d.t(lblDiagramm), frage, strings.Join(parts, ", "))
}

// umfragen sets the results of every survey.
func (d *doc) umfragen() {
	first := true
	for i := range d.k.Umfragen {
		d.umfrage(&d.k.Umfragen[i], &first)
	}
}

// umfrage sets one survey: overview table, then each question. first is
// true until the first chart, under which the suppression is explained.
func (d *doc) umfrage(u *assemble.Umfrage, first *bool) {
	mg := mindestgruppe(u)
	d.heading(2, u.Befragung.Titel, true)
	var rows []row
	add := func(k, v string) { rows = append(rows, row{cells: [][]richtext.Block{cellText(k), cellText(v)}}) }
	if z := u.Befragung.Zeitraum; z != nil {
		add(d.t(lblZeitraum), d.shortDate(z.Von.Time)+"\u00a0– "+d.shortDate(z.Bis.Time))
	}
	add(d.t(lblAntworten), d.anzahl(u.Antworten, mg))
	ns := make([]int, len(u.Sprachen))
	for i, s := range u.Sprachen {
		ns[i] = s.N
	}
	second := sekundaer(ns, mg)
	for i, s := range u.Sprachen {
		name := s.Wert
		if l, ok := sprachLabels[s.Wert]; ok {
			name = d.t(l)
		} else if s.Wert == "" {
			name = d.t(lblKeineAngabe)
		}
		n := d.anzahl(s.N, mg)
		if i == second {
			n = "x"
		}
		add(fmt.Sprintf(d.t(lblDavon), name), n)
	}
	d.keepTable(len(rows))
	d.table([]column{{title: d.t(lblAngabe), width: 70}, {title: d.t(lblWert), width: 40, align: alignRight}}, rows)

	for i := range u.Fragen {
		f := &u.Fragen[i]
		d.headingNumbered(3, "", f.Frage.Text, false)
		switch f.Frage.Typ {
		case "freitext":
			d.space(2)
			d.text(fmt.Sprintf(d.t(lblFreitext), d.anzahl(f.Beantwortet, mg)), body)
		case "zahl":
			d.space(2)
			d.statistik(f, mg)
			d.text(d.t(lblKeineAngabe)+": "+d.anzahl(f.KeineAngabe, mg), body)
		default:
			bs := d.balkenVon(u, f)
			d.diagramm(f.Frage.Text, bs)
			var notes []string
			if f.Frage.Typ == "mehrfach" {
				notes = append(notes, d.t(lblMehrfach))
			}
			if u.Antworten >= mg {
				notes = append(notes, fmt.Sprintf(d.t(lblBasis), d.integer(u.Antworten)))
			}
			if *first {
				notes = append(notes, fmt.Sprintf(d.t(lblVerdeckt), mg))
				*first = false
			}
			if len(notes) > 0 {
				d.space(1)
				d.text(strings.Join(notes, " "), caption)
			}
			var rows []row
			for _, b := range bs {
				rows = append(rows, row{cells: [][]richtext.Block{cellText(b.label), cellText(b.wert), cellText(b.anteil)}})
			}
			d.keepTable(len(rows))
			d.table([]column{
				{title: d.t(lblAntwort), width: textW - 50},
				{title: d.t(lblAnzahl), width: 25, align: alignRight},
				{title: d.t(lblAnteil), width: 25, align: alignRight},
			}, rows)
			if f.Frage.Typ == "skala" {
				d.statistik(f, mg)
			}
		}
	}
}

// keepTable starts a new page unless a short table of n one-line rows fits
// below the cursor, so that it is not split.
func (d *doc) keepTable(n int) {
	d.need(float64(n+1)*(tableText.lineHeight()+2*cellPad) + 5)
}

// statistik sets mean and median of a skala or zahl question, unless fewer
// answers than the smallest printed group give them.
func (d *doc) statistik(f *assemble.FrageErgebnis, mg int) {
	if !f.Statistik {
		return
	}
	if f.Beantwortet < mg {
		d.text(fmt.Sprintf(d.t(lblStatVerdeckt), mg), body)
		return
	}
	d.text(fmt.Sprintf(d.t(lblStatistik), d.dezimal(f.Mittel), d.dezimal(f.Median), d.integer(f.Beantwortet)), body)
}

// Geometry of a bar chart, in mm.
const (
	chartLabelW = 58.0 // option labels, left
	chartGap    = 2.0
	chartValueW = 24.0 // count and share, right of the bar
	chartRowMin = 5.0
	chartBarH   = 3.4
	chartPad    = 1.5 // above and below the rows
	hiddenBarW  = 6.0 // a suppressed bar, whatever its count
)

var chartText = textStyle{size: 8.5, leading: 1.3, color: black, hyphens: true}

// barColor is the colour of the bars: the accent colour if it is dark enough
// to read in black and white print (contrast 4.5:1 to white), else dark grey.
func (d *doc) barColor() rgb {
	if contrastToWhite(d.accent) >= 4.5 {
		return d.accent
	}
	return rgb{64, 64, 64}
}

func contrastToWhite(c rgb) float64 {
	lin := func(v int) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
	return 1.05 / (l + 0.05)
}

// diagramm draws a horizontal bar chart at the cursor, whole on one page, as
// a Figure whose text alternative states its data.
func (d *doc) diagramm(frage string, bs []balken) {
	labels := make([]box, len(bs))
	h := 2 * chartPad
	for i, b := range bs {
		labels[i] = box(d.c.layout([]richtext.Span{{Text: b.label}}, chartLabelW, chartText))
		h += max(labels[i].height(), chartRowMin) + 1
	}
	scale := 0
	for _, b := range bs {
		if !b.verdeckt {
			scale = max(scale, b.n)
		}
	}
	barX := marginL + chartLabelW + chartGap
	barMax := textW - chartLabelW - chartGap - chartValueW
	col := d.barColor()

	d.space(3)
	d.need(h)
	fig := d.c.tags.open("Figure")
	fig.alt = d.altText(frage, bs)
	top := d.y
	y := top + chartPad
	for i, b := range bs {
		rowH := max(labels[i].height(), chartRowMin)
		ly := y + (rowH-labels[i].height())/2
		for _, l := range labels[i] {
			d.drawLine(l, marginL, ly, chartLabelW, alignLeft)
			ly += l.ts.lineHeight()
		}
		by := y + (rowH-chartBarH)/2
		fill := col
		if b.neben {
			fill = col.tint(0.6)
		}
		w := hiddenBarW
		switch {
		case b.verdeckt:
			d.c.hatchedBar(barX, by, w, chartBarH, fill)
		case scale > 0:
			w = max(barMax*float64(b.n)/float64(scale), 0.4)
			d.c.bar(barX, by, w, chartBarH, fill)
		}
		value := b.wert
		if b.anteil != "" {
			value += " (" + b.anteil + ")"
		}
		d.c.text(barX+w+1.5, baseline(y+(rowH-chartText.lineHeight())/2, chartText), value, 0, chartText.size, black)
		y += rowH + 1
	}
	d.c.tags.close()
	d.c.rule(barX, top+chartPad/2, barX, top+h-chartPad/2, 0.3, textGrey)
	d.y = top + h
}

// bar fills a bar of a chart: content of the current element (a Figure),
// unlike rect, which draws backgrounds.
func (c *canvas) bar(x, y, w, h float64, fill rgb) {
	c.setFill(fill)
	c.mark(func() { c.rectOp(x, y, w, h, "f") })
}

// hatchedBar draws an outlined bar with diagonal hatching, for a count that
// is not shown: content of the current element.
func (c *canvas) hatchedBar(x, y, w, h float64, col rgb) {
	c.setStroke(col, 0.25)
	c.mark(func() {
		c.rectOp(x, y, w, h, "S")
		const step = 1.2
		// Lines "/" from (s, y+h) to (s+h, y), clipped to the bar.
		for s := x - h + step; s < x+w; s += step {
			t0 := max(0, (x-s)/h)
			t1 := min(1, (x+w-s)/h)
			if t1 <= t0 {
				continue
			}
			c.lineOp(s+t0*h, y+h-t0*h, s+t1*h, y+h-t1*h)
		}
	})
}

// befragungVerweis refers from a field's chapter to the survey questions
// linked to the field, by the number of their survey's section.
func (d *doc) befragungVerweis(feld string) {
	var refs []string
	for _, u := range d.k.Umfragen {
		var fragen []string
		for _, f := range u.Fragen {
			if f.Frage.Handlungsfeld == feld {
				fragen = append(fragen, fmt.Sprintf(d.t(lblZitat), f.Frage.Text))
			}
		}
		if len(fragen) == 0 {
			continue
		}
		ref := fmt.Sprintf(d.t(lblZitat), u.Befragung.Titel)
		for _, h := range d.heads {
			if h.level == 2 && h.title == u.Befragung.Titel {
				ref = fmt.Sprintf(d.t(lblAbschnitt), h.number) + " " + ref
				break
			}
		}
		refs = append(refs, ref+": "+strings.Join(fragen, ", "))
	}
	if len(refs) == 0 {
		return
	}
	d.space(body.lineHeight() * 0.5)
	d.text(fmt.Sprintf(d.t(lblVerweis), strings.Join(refs, "; ")), body)
}
