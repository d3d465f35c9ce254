package assemble

import (
	"slices"
	"strconv"
	"strings"

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
		if _, dup := k.Akteure[a.ID]; !dup {
			k.Akteure[a.ID] = a
		}
	}
	k.Themen = make(map[string]*schema.Querschnittsthema)
	themen := newRegistry(schema.KindThema)
	for i := range k.Querschnittsthemen {
		t := &k.Querschnittsthemen[i]
		ps.Add(themen.add(t.ID, t.At("id"))...)
		if _, dup := k.Themen[t.ID]; !dup {
			k.Themen[t.ID] = t
		}
	}
	felder := make(map[string]bool)
	// Names by which people may mean an id, for the hint: "Volkshochschule" → `vhs`.
	actorNames, themeNames, fieldNames := make(map[string]string), make(map[string]string), make(map[string]string)
	for _, f := range k.Handlungsfelder {
		felder[f.ID] = true
		alias(fieldNames, f.ID, f.Titel)
	}
	for _, a := range k.Konzept.Akteure {
		alias(actorNames, a.ID, a.Name, a.Kurz)
	}
	for _, t := range k.Querschnittsthemen {
		alias(themeNames, t.ID, t.Titel)
	}

	actor := refChecker(schema.CodeUnknownActor, keys(k.Akteure), actorNames)
	theme := refChecker(schema.CodeUnknownTheme, keys(k.Themen), themeNames)
	field := refChecker(schema.CodeUnknownField, keys(felder), fieldNames)
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

// refChecker returns a checker for references to the ids known. Its hint is
// the id whose name or title was written (names maps lower-case names to
// ids), else the nearest id.
func refChecker(code schema.Code, known []string, names map[string]string) checker {
	set := make(map[string]bool, len(known))
	for _, id := range known {
		set[id] = true
	}
	return func(id string, o *schema.Origin, key string) []*schema.Problem {
		if id == "" || set[id] {
			return nil
		}
		hint, ok := names[strings.ToLower(id)]
		if !ok {
			hint = schema.Nearest(id, known)
		}
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

// alias records the names of the element with id in names, lower case.
func alias(names map[string]string, id string, name ...string) {
	for _, n := range name {
		if n = strings.ToLower(strings.TrimSpace(n)); n != "" && id != "" {
			if _, taken := names[n]; !taken {
				names[n] = id
			}
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out) // deterministic hints
	return out
}
