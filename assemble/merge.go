package assemble

import (
	"slices"

	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

// Merge adds the fields, goals and measures of the fragments to the concept
// (fields matched by id), checks that every id is defined once, and records
// which file supplied what.
func Merge(src *sources.Sources) (*Konzept, schema.Problems) {
	k := &Konzept{Konzept: src.Konzept, Logo: src.Logo}
	var ps schema.Problems
	felder := make(map[string]int) // field id -> index in k.Handlungsfelder
	add := func(f schema.Handlungsfeld) {
		i, ok := felder[f.ID]
		if !ok || f.ID == "" {
			felder[f.ID] = len(k.Handlungsfelder)
			k.Handlungsfelder = append(k.Handlungsfelder, f)
			return
		}
		have := &k.Handlungsfelder[i]
		switch {
		case f.Titel == "":
		case have.Titel == "":
			have.Titel = f.Titel
			have.SetField("titel", f.At("titel"))
		case f.Titel != have.Titel:
			ps.Add(schema.Errorf(f.At("titel"), schema.CodeTitleMismatch, f.Titel, f.ID, have.Titel, have.At("titel")))
		}
		if have.Ausgangslage == "" {
			have.Ausgangslage = f.Ausgangslage
		}
		have.Ziele = append(have.Ziele, f.Ziele...)
	}
	main := k.Handlungsfelder
	k.Handlungsfelder = nil
	// Ids are checked in reading order, before merging moves goals around,
	// so that "already defined" always names the place read first.
	inOrder := [][]schema.Handlungsfeld{main}
	for _, frag := range src.Fragmente {
		inOrder = append(inOrder, frag.Handlungsfelder)
	}
	for _, wb := range src.Workbooks {
		inOrder = append(inOrder, workbookFelder(wb))
	}
	ps.Add(uniqueNummern(inOrder...)...)
	ids := newRegistry(schema.KindHandlungsfeld)
	for _, f := range main {
		ps.Add(ids.add(f.ID, f.At("id"))...)
		add(f)
	}
	for _, frag := range src.Fragmente {
		for _, f := range frag.Handlungsfelder {
			add(f)
		}
	}
	for i := range k.Handlungsfelder {
		if f := &k.Handlungsfelder[i]; f.Titel == "" && f.ID != "" {
			ps.Add(schema.Errorf(f.Pos, schema.CodeFieldNoTitle, f.ID))
		}
	}
	ps.Add(k.mergeWorkbooks(src.Workbooks)...)
	files := []string{sources.KonzeptDatei}
	for _, frag := range src.Fragmente {
		files = append(files, frag.Pos.File)
	}
	for _, wb := range src.Workbooks {
		files = append(files, wb.File)
	}
	k.Quellen = provenance(files, k.Handlungsfelder)
	return k, ps
}

// uniqueNummern checks that every goal and every measure number is defined once
// in the whole concept, naming both places when not. The lists of fields are
// those of each file, in reading order.
func uniqueNummern(files ...[]schema.Handlungsfeld) schema.Problems {
	var ps schema.Problems
	ziele, massnahmen := newRegistry(schema.KindZiel), newRegistry(schema.KindMassnahme)
	for _, felder := range files {
		for _, f := range felder {
			for _, z := range f.Ziele {
				ps.Add(ziele.add(z.ID, z.At("id"))...)
				for _, m := range z.Massnahmen {
					ps.Add(massnahmen.add(m.ID, m.At("id"))...)
				}
			}
		}
	}
	return ps
}

// registry finds ids defined twice.
type registry struct {
	kind schema.T
	seen map[string]schema.Pos
}

func newRegistry(kind schema.T) *registry {
	return &registry{kind: kind, seen: make(map[string]schema.Pos)}
}

// add records id at pos; it returns the problems for an id defined before.
func (r *registry) add(id string, pos schema.Pos) []*schema.Problem {
	if id == "" {
		return nil
	}
	if first, ok := r.seen[id]; ok {
		return []*schema.Problem{schema.Errorf(pos, schema.CodeDuplicate, r.kind, id, first)}
	}
	r.seen[id] = pos
	return nil
}

// provenance lists, per file in reading order (files lists them), the goals
// and measures it supplied; files that supplied none are left out.
func provenance(files []string, felder []schema.Handlungsfeld) []Quelle {
	var qs []Quelle
	index := make(map[string]int)
	quelle := func(file string) *Quelle {
		i, ok := index[file]
		if !ok {
			i = len(qs)
			index[file] = i
			qs = append(qs, Quelle{Datei: file})
		}
		return &qs[i]
	}
	for _, f := range files {
		quelle(f)
	}
	for _, f := range felder {
		for _, z := range f.Ziele {
			q := quelle(z.Pos.File)
			q.Ziele = append(q.Ziele, z.ID)
			for _, m := range z.Massnahmen {
				q := quelle(m.Pos.File)
				q.Massnahmen = append(q.Massnahmen, m.ID)
			}
		}
	}
	return slices.DeleteFunc(qs, func(q Quelle) bool { return len(q.Ziele) == 0 && len(q.Massnahmen) == 0 })
}
