// Package output renders an assembled concept: the PDF, and the workshop
// template workbook for consultants (WorkshopVorlage).
//
// The PDF is A4, with cover, table of contents, chapters, tables that wrap
// and repeat their headers, running header and footer, bookmarks and
// metadata, in an embedded Unicode font, tagged for PDF/UA-1 and PDF/A-2b.
//
// All drawing goes through canvas; text is laid out (line breaking, German
// hyphenation) before it is drawn. The document is rendered once: the table
// of contents, which needs the page of every heading, is set after the last
// chapter, and its pages are moved to their place when the file is finished
// (see doc.contents).
package output

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/output/hyphen"
	"github.com/landkreis/konzept/schema"
)

// Options control rendering.
type Options struct {
	// Zeitstempel is the creation date written into the PDF metadata. If zero,
	// the concept's `stand` is used, so the same inputs give the same bytes.
	Zeitstempel time.Time
	// Version is the konzept version, printed in the imprint and recorded as producer.
	Version string
	// NurVorlage renders the Beschlussvorlage alone, without cover and
	// chapters, for the council's information system. The concept must have
	// a `beschluss`.
	NurVorlage bool
	// Vorfassung is the comparison with the previous version (build
	// --vorfassung): the PDF then has the chapter „Änderungen gegenüber der
	// Vorfassung“ and marks new and changed goals and measures.
	Vorfassung *assemble.Diff
}

// defaultAccent is used when the concept sets no `farbe`.
var defaultAccent = rgb{0, 90, 156}

// Render writes the PDF of k to w. k must have been loaded without errors.
func Render(w io.Writer, k *assemble.Konzept, opts Options) error {
	pdf, err := PDF(k, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(pdf)
	return err
}

// PDF returns the PDF of k, as Render writes it, in a slice of its own.
func PDF(k *assemble.Konzept, opts Options) ([]byte, error) {
	if opts.NurVorlage && k.Beschluss == nil {
		return nil, errors.New("output: das Konzept hat keinen Abschnitt „beschluss“, also keine Beschlussvorlage")
	}
	d, err := render(k, opts)
	if err != nil {
		return nil, err
	}
	var raw keeper
	if err := d.c.pdf.Output(&raw); err != nil {
		d.c.close()
		return nil, fmt.Errorf("output: %w", err)
	}
	return finish(raw.b, d.c, d.info, d.pageOrder())
}

// Prepare readies in the background what rendering needs whatever the
// concept: the hyphenation patterns and the fonts' tables. A program that
// will render calls it first, so that this work overlaps with reading the
// concept.
func Prepare() {
	go func() {
		hyphen.German()
		fonts()
	}()
}

// keeper keeps what is written to it. It keeps the first slice written
// itself, not a copy, against io.Writer's rule: fpdf's Output writes its
// whole buffer in one call, and the Fpdf is dropped right after, so
// finish can read fpdf's bytes where they are instead of in a copy of the
// whole file.
type keeper struct{ b []byte }

func (k *keeper) Write(p []byte) (int, error) {
	if k.b == nil {
		k.b = p[:len(p):len(p)] // a later write appends to a copy
	} else {
		k.b = append(k.b, p...)
	}
	return len(p), nil
}

// render renders the document of k.
func render(k *assemble.Konzept, opts Options) (*doc, error) {
	m := k.Konzept.Konzept
	d := &doc{c: newCanvas(), k: k, lang: m.Sprache, accent: defaultAccent, version: opts.Version, nurVorlage: opts.NurVorlage, diff: opts.Vorfassung}
	if d.lang == "" {
		d.lang = "de"
	}
	if r, g, b, ok := schema.ParseFarbe(m.Farbe); ok {
		r, g, b = schema.Abdunkeln(r, g, b) // headings and white on it must stay readable
		d.accent = rgb{int(r), int(g), int(b)}
	}
	d.metadata(opts)
	if opts.NurVorlage {
		d.nurBeschluss()
	} else {
		d.render()
	}
	d.footers()
	d.bookmarks()
	d.c.onPage(d.c.pages()) // fpdf writes the pages up to the current one
	err := d.err
	if e := d.c.pdf.Error(); err == nil && e != nil {
		err = fmt.Errorf("output: %w", e)
	}
	if err != nil {
		d.c.close()
		return nil, err
	}
	return d, nil
}

// metadata sets the document information; dates come from the options or the
// concept's `stand`, never from the clock.
func (d *doc) metadata(opts Options) {
	m := d.k.Konzept.Konzept
	pdf := d.c.pdf
	pdf.SetTitle(m.Titel, true)
	pdf.SetAuthor(m.Traeger, true)
	pdf.SetSubject(m.Titel+" – "+m.Fassung, true)
	keywords := "Integrationskonzept, " + m.Traeger
	for _, f := range d.k.Handlungsfelder {
		keywords += ", " + f.Titel
	}
	pdf.SetKeywords(keywords, true)
	pdf.SetCreator("konzept "+opts.Version, true)
	pdf.SetProducer("konzept "+opts.Version, true)
	pdf.SetLang(map[string]string{"de": "de-DE", "en": "en"}[d.lang])
	pdf.SetDisplayMode("fullpage", "OneColumn")
	t := opts.Zeitstempel
	if t.IsZero() {
		t = m.Stand.Time
	}
	pdf.SetCreationDate(t.UTC())
	pdf.SetModificationDate(t.UTC())
	d.info = docInfo{title: m.Titel, author: m.Traeger, subject: m.Titel + " – " + m.Fassung, keywords: keywords,
		creator: "konzept " + opts.Version, lang: map[string]string{"de": "de-DE", "en": "en"}[d.lang], date: t}
}
