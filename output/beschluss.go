package output

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/landkreis/konzept/output/richtext"
	"github.com/landkreis/konzept/schema"
)

// The Beschlussvorlage (SPEC 7, item 2): the council paper that opens the PDF
// when the concept has a `beschluss`, or, with Options.NurVorlage, is the
// whole PDF. Its financial section is computed from the measures by finanzen.

// finanzZeile is one source of funding: the sum of the costs of its measures.
type finanzZeile struct {
	quelle string  // `finanzierung` as written; "" for measures without one
	summe  float64 // EUR
	anzahl int     // measures with costs
}

// finanzUebersicht is the computed financial summary of a concept.
type finanzUebersicht struct {
	zeilen     []finanzZeile // measures in the summary, by source
	zurueck    []finanzZeile // deferred measures (zurueckgestellt), shown apart
	ohneKosten int           // measures in the summary without `kosten`
}

// summeEUR returns the total of rows.
func summeEUR(rows []finanzZeile) float64 {
	s := 0.0
	for _, r := range rows {
		s += r.summe
	}
	return s
}

// finanzen sums the costs of the measures by source of funding. Dropped
// measures (entfallen) are left out; deferred ones (zurueckgestellt) are
// summed apart. Measures without costs are counted, not summed; a deferred
// measure without costs is not counted. The sources are sorted by name, the
// measures without a source last.
func finanzen(felder []schema.Handlungsfeld) finanzUebersicht {
	var out finanzUebersicht
	add := func(rows []finanzZeile, quelle string, kosten float64) []finanzZeile {
		i := slices.IndexFunc(rows, func(r finanzZeile) bool { return r.quelle == quelle })
		if i < 0 {
			rows = append(rows, finanzZeile{quelle: quelle})
			i = len(rows) - 1
		}
		rows[i].summe += kosten
		rows[i].anzahl++
		return rows
	}
	for i := range felder {
		for _, m := range massnahmenVon(&felder[i]) {
			quelle := strings.TrimSpace(m.Finanzierung)
			switch {
			case status(m) == schema.Entfallen:
			case m.Kosten == nil:
				if status(m) != schema.Zurueckgestellt {
					out.ohneKosten++
				}
			case status(m) == schema.Zurueckgestellt:
				out.zurueck = add(out.zurueck, quelle, *m.Kosten)
			default:
				out.zeilen = add(out.zeilen, quelle, *m.Kosten)
			}
		}
	}
	order := func(a, b finanzZeile) int {
		if (a.quelle == "") != (b.quelle == "") {
			if a.quelle == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(sortKey(a.quelle), sortKey(b.quelle))
	}
	slices.SortFunc(out.zeilen, order)
	slices.SortFunc(out.zurueck, order)
	return out
}

// euro formats an amount in whole euros: "12.000 €" or "€12,000".
func (d *doc) euro(x float64) string {
	n := d.integer(int(math.Round(x)))
	if d.lang == "en" {
		return "€" + n
	}
	return n + "\u00a0€"
}

// beschluss sets the Beschlussvorlage. It is a chapter without a number, as
// council papers are, listed in the table of contents and the bookmarks.
func (d *doc) beschluss() {
	b := d.k.Beschluss
	if b == nil {
		return
	}
	m := d.k.Konzept.Konzept
	d.headingNumbered(1, "", d.t(lblBvKapitel), true)

	d.feld2(d.t(lblBvNr), b.Vorlage)
	d.feld2(d.t(lblBvDatum), d.longDate(m.Stand.Time))
	if h := m.Herausgeber; h != nil && strings.TrimSpace(h.Stelle) != "" {
		d.feld2(d.t(lblBvStelle), h.Stelle)
	} else {
		d.feld2(d.t(lblBvTraeger), m.Traeger)
	}

	d.headingNumbered(2, "", d.t(lblBvBetreff), false)
	d.text(b.Betreff, textStyle{size: 11, leading: 1.4, color: black, base: richtext.Bold, hyphens: true})

	d.headingNumbered(2, "", d.t(lblBvBeratung), false)
	d.beratungsfolge(b.Beratungsfolge)

	d.headingNumbered(2, "", d.t(lblBvVorschlag), false)
	d.vorschlag(b.Beschlussvorschlag)

	if strings.TrimSpace(b.Sachverhalt) != "" {
		d.headingNumbered(2, "", d.t(lblBvSachverhalt), false)
		d.markdown(b.Sachverhalt, body)
	}

	d.headingNumbered(2, "", d.t(lblBvFinanzen), false)
	d.finanzTabelle(finanzen(d.k.Handlungsfelder))
	if strings.TrimSpace(b.FinanzenHinweis) != "" {
		d.markdown(b.FinanzenHinweis, body)
	}

	d.headingNumbered(2, "", d.t(lblBvAnlagen), false)
	d.space(1)
	d.text(fmt.Sprintf(d.t(lblBvAnlage1), m.Titel, m.Fassung), body)
}

// nurBeschluss draws the document of Options.NurVorlage: the Vorlage alone,
// titled as such, with running header and footer from its first page.
func (d *doc) nurBeschluss() {
	b := d.k.Beschluss
	title := fmt.Sprintf("%s %s: %s", d.t(lblBvKapitel), b.Vorlage, b.Betreff)
	d.c.pdf.SetTitle(title, true)
	d.info.title = title
	d.beschluss()
	d.flush()
}

// feld2 sets one line of the header block: "Vorlagen-Nr.: 2025/0123".
func (d *doc) feld2(name, value string) {
	ts := textStyle{size: 10, leading: 1.5, color: black}
	d.drawBox(para(d.c.layout([]richtext.Span{{Text: name + ": ", Style: richtext.Bold}, {Text: value}}, textW, ts)), marginL, textW, alignLeft)
}

// beratungsfolge sets the order of deliberation as a table.
func (d *doc) beratungsfolge(bs []schema.Beratung) {
	ergebnis := slices.ContainsFunc(bs, func(b schema.Beratung) bool { return strings.TrimSpace(b.Ergebnis) != "" })
	cols := []column{
		{title: d.t(lblBvGremium), width: 46},
		{title: d.t(lblBvSitzung), width: 25},
		{title: d.t(lblBvZustaendig), width: 27},
		{title: d.t(lblBvOeffentlich), width: 26},
	}
	if ergebnis {
		cols = append(cols, column{title: d.t(lblBvErgebnis), width: textW - 124})
	} else {
		cols[0].width = textW - 78
	}
	var rows []row
	for i := range bs {
		b := &bs[i]
		oe := d.t(lblBvOeffentlichJa)
		if !b.IstOeffentlich() {
			oe = d.t(lblBvOeffentlichNein)
		}
		cells := [][]richtext.Block{cellText(b.Gremium), cellText(d.shortDate(b.Datum.Time)), cellText(b.Zustaendigkeit), cellText(oe)}
		if ergebnis {
			cells = append(cells, cellText(b.Ergebnis))
		}
		rows = append(rows, row{cells: cells})
	}
	d.table(cols, rows)
}

// vorschlag sets the proposed resolution on a tinted background.
func (d *doc) vorschlag(text string) {
	const pad = 3.0
	ts := textStyle{size: 10.5, leading: 1.45, color: black, hyphens: true}
	b := box(d.c.blocks(richtext.Parse(text), textW-2*pad, ts))
	if len(b) == 0 {
		return
	}
	h := b.height() + 2*pad
	d.space(2)
	d.need(min(h, contentBot-contentTop))
	if d.y+h <= contentBot {
		d.c.rect(marginL, d.y, textW, h, d.accent.tint(0.9))
		d.c.rule(marginL, d.y, marginL, d.y+h, 1.2, d.accent)
	}
	d.y += pad
	d.drawBox(b, marginL+pad, textW-2*pad, alignLeft)
	d.y += pad
}

// finanzTabelle sets the computed financial summary.
func (d *doc) finanzTabelle(f finanzUebersicht) {
	cols := []column{
		{title: d.t(lblBvQuelle), width: textW - 60},
		{title: d.t(lblMassnahmen), width: 25, align: alignRight},
		{title: d.t(lblBvKosten), width: 35, align: alignRight},
	}
	quelle := func(q string) string {
		if q == "" {
			return d.t(lblBvOhneAngabe)
		}
		return q
	}
	anzahl := func(rows []finanzZeile) int {
		n := 0
		for _, r := range rows {
			n += r.anzahl
		}
		return n
	}
	var rows []row
	for _, z := range f.zeilen {
		rows = append(rows, row{cells: [][]richtext.Block{cellText(quelle(z.quelle)), cellText(d.integer(z.anzahl)), cellText(d.euro(z.summe))}})
	}
	rows = append(rows, row{cells: [][]richtext.Block{cellBold(d.t(lblMonSumme)), cellBold(d.integer(anzahl(f.zeilen))), cellBold(d.euro(summeEUR(f.zeilen)))}})
	if len(f.zurueck) > 0 {
		rows = append(rows, row{group: true, cells: [][]richtext.Block{cellText(d.t(lblBvZurueck))}})
		for _, z := range f.zurueck {
			rows = append(rows, row{cells: [][]richtext.Block{cellText(quelle(z.quelle)), cellText(d.integer(z.anzahl)), cellText(d.euro(z.summe))}})
		}
		rows = append(rows, row{cells: [][]richtext.Block{cellBold(d.t(lblBvZurueckSumme)), cellBold(d.integer(anzahl(f.zurueck))), cellBold(d.euro(summeEUR(f.zurueck)))}})
	}
	d.table(cols, rows)
	if f.ohneKosten > 0 {
		l := lblBvOhneKosten
		if f.ohneKosten == 1 {
			l = lblBvOhneKosten1
		}
		d.text(fmt.Sprintf(d.t(l), d.integer(f.ohneKosten)), caption)
	}
}
