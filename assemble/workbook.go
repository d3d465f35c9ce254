package assemble

import (
	"strconv"
	"strings"

	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

// validateWorkbook checks each goal and measure row of a workbook against the
// schema's rules (required values, number formats, periods).
func validateWorkbook(wb *sources.Workbook) schema.Problems {
	var ps schema.Problems
	for i := range wb.Ziele {
		ps.Add(schema.Validate(&wb.Ziele[i].Ziel)...)
	}
	for i := range wb.Massnahmen {
		ps.Add(schema.Validate(&wb.Massnahmen[i].Massnahme)...)
	}
	return ps
}

// workbookFelder returns the goals and measures of a workbook in the shape
// uniqueNummern takes: one field whose last goal (without id) holds the measures.
func workbookFelder(wb *sources.Workbook) []schema.Handlungsfeld {
	var f schema.Handlungsfeld
	for _, z := range wb.Ziele {
		f.Ziele = append(f.Ziele, z.Ziel)
	}
	var rest schema.Ziel
	for _, m := range wb.Massnahmen {
		rest.Massnahmen = append(rest.Massnahmen, m.Massnahme)
	}
	f.Ziele = append(f.Ziele, rest)
	return []schema.Handlungsfeld{f}
}

// mergeWorkbooks adds the goals of the workbooks to their fields and their
// measures to their goals. Fields are named by id or exact title, actors by
// id, name or short name, themes by id or title, any case: the names are
// replaced by ids, and what names nothing is reported at its cell.
func (k *Konzept) mergeWorkbooks(wbs []*sources.Workbook) schema.Problems {
	var ps schema.Problems
	n := names{}
	for i, f := range k.Handlungsfelder {
		n.add(i, f.ID, f.Titel)
	}
	for _, wb := range wbs {
		for _, z := range wb.Ziele {
			if i, ok := n.find(z.Handlungsfeld, z.At("handlungsfeld"), schema.CodeUnknownFieldName, &ps); ok {
				k.Handlungsfelder[i].Ziele = append(k.Handlungsfelder[i].Ziele, z.Ziel)
			}
		}
	}
	// Goals are in place now; index them for the measures.
	type goal struct{ feld, ziel int }
	goals := map[string]goal{}
	var goalIDs []string
	for i, f := range k.Handlungsfelder {
		for j, z := range f.Ziele {
			if _, dup := goals[z.ID]; !dup {
				goals[z.ID] = goal{i, j}
				goalIDs = append(goalIDs, z.ID)
			}
		}
	}
	actors, themes := names{}, names{}
	for i, a := range k.Konzept.Akteure {
		actors.add(i, a.ID, a.Name, a.Kurz)
	}
	for i, t := range k.Querschnittsthemen {
		themes.add(i, t.ID, t.Titel)
	}
	for _, wb := range wbs {
		for _, row := range wb.Massnahmen {
			m := row.Massnahme
			if row.ZielNr == "" {
				ps.Add(schema.Errorf(m.At("ziel"), schema.CodeGoalMissing))
				continue
			}
			g, ok := goals[row.ZielNr]
			if !ok {
				ps.Add(schema.Errorf(m.At("ziel"), schema.CodeUnknownGoal, row.ZielNr).WithHint(quoteHint(schema.Nearest(row.ZielNr, goalIDs))))
				continue
			}
			if row.Handlungsfeld != "" {
				if i, ok := n.find(row.Handlungsfeld, m.At("handlungsfeld"), schema.CodeUnknownFieldName, &ps); ok && i != g.feld {
					ps.Add(schema.Errorf(m.At("handlungsfeld"), schema.CodeGoalField, row.ZielNr, k.Handlungsfelder[g.feld].Titel, row.Handlungsfeld))
				}
			}
			if i, ok := actors.find(m.Federfuehrung, m.At("federfuehrung"), schema.CodeUnknownActorName, &ps); ok {
				m.Federfuehrung = k.Konzept.Akteure[i].ID
			} else {
				m.Federfuehrung = "" // reported; not again as an unknown id
			}
			m.Partner = resolveAll(m.Partner, &m.Origin, "partner", actors, schema.CodeUnknownActorName, &ps, func(i int) string { return k.Konzept.Akteure[i].ID })
			m.Querschnitt = resolveAll(m.Querschnitt, &m.Origin, "querschnitt", themes, schema.CodeUnknownThemeName, &ps, func(i int) string { return k.Querschnittsthemen[i].ID })
			z := &k.Handlungsfelder[g.feld].Ziele[g.ziel]
			z.Massnahmen = append(z.Massnahmen, m)
		}
	}
	return ps
}

func resolveAll(refs []string, o *schema.Origin, key string, n names, code schema.Code, ps *schema.Problems, id func(int) string) []string {
	var out []string
	for j, ref := range refs {
		item := key + "[" + strconv.Itoa(j) + "]"
		if i, ok := n.find(ref, o.At(item), code, ps); ok {
			out = append(out, id(i))
		}
	}
	return out
}

// names finds things by any of their names, case-insensitively.
type names struct {
	index map[string]int
	all   []string // for hints
}

func (n *names) add(i int, ns ...string) {
	if n.index == nil {
		n.index = map[string]int{}
	}
	for _, s := range ns {
		if s == "" {
			continue
		}
		if _, dup := n.index[strings.ToLower(s)]; !dup {
			n.index[strings.ToLower(s)] = i
			n.all = append(n.all, s)
		}
	}
}

// find looks ref up; an empty ref finds nothing and is not reported (required
// values are checked by the schema), an unknown one is reported at pos.
func (n *names) find(ref string, pos schema.Pos, code schema.Code, ps *schema.Problems) (int, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, false
	}
	if i, ok := n.index[strings.ToLower(ref)]; ok {
		return i, true
	}
	ps.Add(schema.Errorf(pos, code, ref).WithHint(quoteHint(schema.Nearest(ref, n.all))))
	return 0, false
}

func quoteHint(s string) string {
	if s == "" {
		return ""
	}
	return "„" + s + "“"
}
