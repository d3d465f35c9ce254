package output

import (
	"strings"

	"github.com/landkreis/konzept/output/richtext"
)

// aenderungen sets the chapter „Änderungen gegenüber der Vorfassung“ (built
// with --vorfassung): the versions compared, a summary table of the measures
// per field (new, changed, removed, moved, status changes), then per field
// the goals and measures concerned with what changed, as `konzept diff`
// reports them.
func (d *doc) aenderungen() {
	if d.diff == nil {
		return
	}
	f := &diffFormat{doc: d, d: d.diff}
	b := f.bericht()
	d.heading(1, b.titel, true)
	var fassungen []string
	for _, fa := range b.fassungen {
		fassungen = append(fassungen, fa[0]+": "+fa[1])
	}
	d.markdown(strings.Join(fassungen, "  \n"), body)
	if b.leer != "" {
		d.markdown(b.leer, body)
		return
	}

	d.heading(2, b.uebersicht, true)
	cols := []column{{title: b.kopf[0], width: textW - 5*22}}
	for _, k := range b.kopf[1:] {
		cols = append(cols, column{title: k, width: 22, align: alignRight})
	}
	var rows []row
	for i, z := range b.zeilen {
		cell := cellText
		if i == len(b.zeilen)-1 {
			cell = cellBold // the total
		}
		var r row
		for _, s := range z {
			r.cells = append(r.cells, cell(s))
		}
		rows = append(rows, r)
	}
	d.table(cols, rows)
	d.space(1.5)
	d.text(b.hinweis, caption)
	d.space(1.5)
	d.text(b.ziele, body)

	for _, a := range b.abschnitte {
		d.heading(2, a.titel, true)
		if a.hinweis != "" {
			d.text(a.hinweis, body)
		}
		for _, s := range a.details {
			d.text(s, body)
		}
		for _, g := range a.gruppen {
			d.heading(3, g.titel, false)
			if g.eintraege[0].id == "" { // status changes: lines of text
				items := make([]richtext.Item, len(g.eintraege))
				for i, e := range g.eintraege {
					items[i] = richtext.Item{Blocks: cellText(e.titel)}
				}
				d.drawBox(d.c.blocks([]richtext.Block{{List: richtext.Bullets, Items: items}}, textW, body), marginL, textW, alignLeft)
				continue
			}
			rows = rows[:0]
			for _, e := range g.eintraege {
				text := []richtext.Block{{Spans: []richtext.Span{{Text: e.titel, Style: richtext.Bold}}}}
				for _, s := range e.details {
					text = append(text, richtext.Block{Spans: []richtext.Span{{Text: s}}})
				}
				rows = append(rows, row{cells: [][]richtext.Block{cellText(e.id), text}})
			}
			d.table([]column{{title: d.t(lblNr), width: 18}, {title: d.t(lblTitelAenderung), width: textW - 18}}, rows)
		}
	}
}

// marke returns the mark of a measure (or, with ziel, a goal) in the field
// chapters when the PDF compares with a previous version, in the words of
// the chapter of changes: „neu“, or what changed – „geändert“ (attributes
// other than the status), „verschoben“, „Status geändert“ – else "".
func (d *doc) marke(id string, ziel bool) string {
	if d.diff == nil {
		return ""
	}
	var neu, geaendert, verschoben, status bool
	if ziel {
		z := d.diff.Ziel(id)
		if z == nil {
			return ""
		}
		neu, geaendert, verschoben = z.IstNeu(), z.IstGeaendert(), z.IstVerschoben()
	} else {
		m := d.diff.Massnahme(id)
		if m == nil {
			return ""
		}
		neu, geaendert, verschoben, status = m.IstNeu(), m.IstGeaendert(), m.IstVerschoben(), m.HatStatuswechsel()
	}
	if neu {
		return d.t(lblMarkeNeu)
	}
	var marks []string
	for _, c := range []struct {
		on bool
		l  label
	}{{geaendert, lblMarkeGeaendert}, {verschoben, lblMarkeVerschoben}, {status, lblMarkeStatus}} {
		if c.on {
			marks = append(marks, d.t(c.l))
		}
	}
	return strings.Join(marks, ", ")
}
