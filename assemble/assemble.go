// Package assemble merges the sources of a concept into one document, checks
// that ids are unique and references resolve, and computes what the PDF
// reports about the whole (provenance, and in later steps statistics).
package assemble

import (
	"io/fs"
	"sync"

	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

// Konzept is the merged and resolved concept that the output renders.
type Konzept struct {
	*schema.Konzept
	Logo    *sources.Image
	Akteure map[string]*schema.Akteur
	Themen  map[string]*schema.Querschnittsthema
	Quellen []Quelle
	// Umfragen are the aggregated survey results, in the order of `befragungen`.
	Umfragen []Umfrage
}

// Quelle records which goals and measures a file supplied, for the Quellenverzeichnis.
type Quelle struct {
	Datei      string
	Ziele      []string
	Massnahmen []string
}

// Load runs the whole input pipeline on a concept folder: read every source,
// validate each file, merge, resolve references, and (if there are no
// errors so far) aggregate the survey responses. Problems are sorted by
// position. The error is sources.ErrNoConcept or nil; a concept with problems
// of severity Error must not be rendered.
func Load(fsys fs.FS) (*Konzept, schema.Problems, error) {
	src, ps, err := sources.Read(fsys)
	if err != nil {
		return nil, nil, err
	}
	// The responses are read only for a valid concept. Reading them takes
	// about as long as the checks below, so if nothing read so far is wrong
	// and the surveys are valid, they are read meanwhile, and dropped if the
	// checks find an error.
	var (
		umfragen []Umfrage
		ups      schema.Problems
		wg       sync.WaitGroup
	)
	early := ps.Count(schema.Error) == 0
	for i := range src.Konzept.Befragungen {
		early = early && schema.ValidBefragung(&src.Konzept.Befragungen[i])
	}
	if early {
		wg.Go(func() { umfragen, ups = Umfragen(fsys, src.Konzept) })
	}
	var vps schema.Problems
	vps.Add(schema.Validate(src.Konzept)...)
	for _, f := range src.Fragmente {
		vps.Add(schema.Validate(f)...)
	}
	for _, wb := range src.Workbooks {
		vps.Add(validateWorkbook(wb)...)
	}
	ps.Add(notAt(vps, ps)...)
	k, mps := Merge(src)
	ps.Add(mps...)
	ps.Add(Resolve(k)...)
	wg.Wait()
	if ps.Count(schema.Error) == 0 {
		if !early {
			umfragen, ups = Umfragen(fsys, k.Konzept)
		}
		k.Umfragen = umfragen
		ps.Add(ups...)
	}
	ps.Sort()
	return k, once(ps), nil
}

// once drops the problems that repeat an earlier one word for word at the
// same place: an element that a YAML alias (*name) repeats is reported once,
// not once for every time it is repeated.
func once(ps schema.Problems) schema.Problems {
	seen := make(map[string]bool, len(ps))
	out := ps[:0]
	for _, p := range ps {
		if key := p.Format("de"); !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	return out
}

// notAt drops the problems of ps that are at a position already reported in
// seen: a value the reader could not decode is not also "missing". Problems
// with keys do not count: they are where a key is written, and the first key
// of an element is where the element starts, the place of its missing keys.
func notAt(ps, seen schema.Problems) schema.Problems {
	at := make(map[schema.Pos]bool, len(seen))
	for _, p := range seen {
		if p.Code != schema.CodeUnknownKey && p.Code != schema.CodeDuplicateKey {
			at[p.Pos] = true
		}
	}
	var out schema.Problems
	for _, p := range ps {
		if !at[p.Pos] {
			out = append(out, p)
		}
	}
	return out
}
