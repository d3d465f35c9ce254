package assemble

import (
	"slices"
	"strconv"

	"github.com/landkreis/konzept/schema"
)

// Resolve checks that every reference names something defined (actors,
// cross-cutting themes, fields of action), fills in defaults, and builds the
// lookup tables of k.
func Resolve(k *Konzept) schema.Problems {
	var ps schema.Problems
	k.Akteure = make(map[string]*schema.Akteur)
	akteure := newRegistry(schema.KindAkteur)
	for i := range k.Konzept.Akteure {
		a := &k.Konzept.Akteure[i]
		ps.Add(akteure.add(a.ID, a.At("id"))...)
		k.Akteure[a.ID] = a
	}
	k.Themen = make(map[string]*schema.Querschnittsthema)
	themen := newRegistry(schema.KindThema)
	for i := range k.Querschnittsthemen {
		t := &k.Querschnittsthemen[i]
		ps.Add(themen.add(t.ID, t.At("id"))...)
		k.Themen[t.ID] = t
	}
	felder := make(map[string]bool)
	for _, f := range k.Handlungsfelder {
		felder[f.ID] = true
	}

	actor := refChecker(schema.CodeUnknownActor, keys(k.Akteure))
	theme := refChecker(schema.CodeUnknownTheme, keys(k.Themen))
	field := refChecker(schema.CodeUnknownField, keys(felder))
	for i := range k.Handlungsfelder {
		for j := range k.Handlungsfelder[i].Ziele {
			z := &k.Handlungsfelder[i].Ziele[j]
			for l := range z.Massnahmen {
				m := &z.Massnahmen[l]
				if m.Status == "" {
					m.Status = schema.Geplant
				}
				ps.Add(actor(m.Federfuehrung, &m.Origin, "federfuehrung")...)
				ps.Add(actor.all(m.Partner, &m.Origin, "partner")...)
				ps.Add(theme.all(m.Querschnitt, &m.Origin, "querschnitt")...)
			}
		}
	}
	if b := k.Beteiligung; b != nil {
		for i := range b.Veranstaltungen {
			v := &b.Veranstaltungen[i]
			ps.Add(field.all(v.Handlungsfelder, &v.Origin, "handlungsfelder")...)
		}
	}
	befragungen := newRegistry(schema.KindBefragung)
	for i := range k.Befragungen {
		b := &k.Befragungen[i]
		ps.Add(befragungen.add(b.ID, b.At("id"))...)
		fragen := newRegistry(schema.KindFrage)
		for j := range b.Fragen {
			f := &b.Fragen[j]
			ps.Add(fragen.add(f.ID, f.At("id"))...)
			if f.Handlungsfeld != "" {
				ps.Add(field(f.Handlungsfeld, &f.Origin, "handlungsfeld")...)
			}
		}
	}
	return ps
}

// checker reports a reference id written under key of an element if it names nothing known.
type checker func(id string, o *schema.Origin, key string) []*schema.Problem

func refChecker(code schema.Code, known []string) checker {
	set := make(map[string]bool, len(known))
	for _, id := range known {
		set[id] = true
	}
	return func(id string, o *schema.Origin, key string) []*schema.Problem {
		if id == "" || set[id] {
			return nil
		}
		hint := schema.Nearest(id, known)
		if hint != "" {
			hint = "`" + hint + "`"
		}
		return []*schema.Problem{schema.Errorf(o.At(key), code, id, key).WithHint(hint)}
	}
}

// all checks every id of a list; each is reported at its own position.
func (c checker) all(ids []string, o *schema.Origin, key string) []*schema.Problem {
	var ps []*schema.Problem
	for i, id := range ids {
		item := key + "[" + strconv.Itoa(i) + "]"
		if !o.Has(item) {
			item = key
		}
		for _, p := range c(id, o, item) {
			p.Args[1] = key
			ps = append(ps, p)
		}
	}
	return ps
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out) // deterministic hints
	return out
}
