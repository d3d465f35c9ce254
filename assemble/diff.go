package assemble

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/landkreis/konzept/schema"
)

// Diff is what changed between two revisions (Fassungen) of a concept: the
// previous one (Vorfassung) and the current one (Fassung). Vergleiche makes it;
// `konzept diff` prints it and the PDF chapter "Änderungen gegenüber der
// Vorfassung" is built from it.
//
// Fields of action, goals and measures are matched by id. Felder holds every
// field of either revision: those of the current one in its order, then those
// only the previous one had, in its order. Each Feldaenderung lists only the
// goals and measures that differ, under the field they belong to now (removed
// ones under the field they belonged to). An element is
//
//   - new (neu): its id is only in the current revision,
//   - removed (entfallen): its id is only in the previous revision – not to be
//     confused with the status `entfallen`, which is a Statuswechsel,
//   - moved (verschoben): a measure under another goal, a goal under another
//     field; it is listed under its new place only. The measures of a moved
//     goal go with it and are not moved themselves,
//   - changed (geändert): an attribute other than the status differs,
//   - a status change (Statuswechsel): the status differs.
//
// A measure can be moved, changed and change its status at once; it then
// counts in each of these. The lists are in the order of the current
// revision, followed by the removed elements in the order of the previous one.
type Diff struct {
	Vorfassung *Konzept // the previous revision
	Fassung    *Konzept // the current revision
	Felder     []Feldaenderung

	massnahmen map[string]*Massnahmenaenderung
	ziele      map[string]*Zielaenderung
}

// The attributes Vergleiche compares, by their YAML keys, in the order they
// are reported. Texts compare with runs of white space taken as one space;
// partner and querschnitt compare as sets, ignoring order and duplicates;
// beginn and ende compare by the day they stand for (`2025` as ende is the
// same as `2025-12-31`); kosten compare as amounts to the cent, and a missing
// amount differs from any amount, 0 included; an empty status is geplant.
var (
	FeldAttribute      = []string{"titel"}
	ZielAttribute      = []string{"titel", "beschreibung", "indikatoren"}
	MassnahmeAttribute = []string{"titel", "beschreibung", "federfuehrung", "partner", "beginn", "ende", "status", "prioritaet", "finanzierung", "kosten", "querschnitt", "indikator"}
)

// Feldaenderung is what changed in one field of action.
type Feldaenderung struct {
	ID  string
	Alt *schema.Handlungsfeld // the field in the previous revision; nil if it is new
	Neu *schema.Handlungsfeld // the field in the current revision; nil if it was removed
	// Attribute are the keys of FeldAttribute whose values differ.
	Attribute []string
	// Ziele are the goals of the field that are new, removed, moved here or changed.
	Ziele []Zielaenderung
	// Massnahmen are the measures of the field that are new, removed, moved
	// here, changed or changed their status.
	Massnahmen []Massnahmenaenderung
	// Statuswechsel counts the status changes of the field's measures per
	// transition, ordered by the old and then the new status as in schema.Statuses.
	Statuswechsel []Statuswechsel
}

// Zielaenderung is a goal that is new, removed, moved or changed.
type Zielaenderung struct {
	ID               string
	Alt, Neu         *schema.Ziel // nil where the goal does not exist
	AltFeld, NeuFeld string       // the field ids; "" where the goal does not exist
	Attribute        []string     // the keys of ZielAttribute whose values differ
}

// Massnahmenaenderung is a measure that is new, removed, moved, changed or
// changed its status.
type Massnahmenaenderung struct {
	ID               string
	Alt, Neu         *schema.Massnahme // nil where the measure does not exist
	AltZiel, NeuZiel string            // the goal ids; "" where the measure does not exist
	AltFeld, NeuFeld string            // the field ids; "" where the measure does not exist
	Attribute        []string          // the keys of MassnahmeAttribute whose values differ, status included
}

// Statuswechsel is one transition of status in a field and the measures that made it.
type Statuswechsel struct {
	Von, Nach  schema.Status
	Massnahmen []string // ids, in the order of the current revision
}

// Zaehlung counts the elements of each kind of change. A measure that is
// moved and changed counts in Verschoben and in Geaendert; Statuswechsel
// counts the status changes, which Geaendert leaves out.
type Zaehlung struct {
	Neu, Geaendert, Entfallen, Verschoben, Statuswechsel int
}

// Zeile is one row of the summary: the counts of a field (or of all fields).
type Zeile struct {
	ID, Titel  string // the field; both "" in the row of all fields
	Ziele      Zaehlung
	Massnahmen Zaehlung
}

// Vergleiche returns the differences from the previous revision alt to the
// current revision neu. Both must have been loaded without errors.
func Vergleiche(alt, neu *Konzept) *Diff {
	d := &Diff{Vorfassung: alt, Fassung: neu,
		massnahmen: make(map[string]*Massnahmenaenderung), ziele: make(map[string]*Zielaenderung)}
	altFelder, neuFelder := felderNachID(alt), felderNachID(neu)
	altZiele, neuZiele := zieleNachID(alt), zieleNachID(neu)
	altMassnahmen, neuMassnahmen := massnahmenNachID(alt), massnahmenNachID(neu)

	index := make(map[string]int) // field id -> index in d.Felder
	addFeld := func(f Feldaenderung) {
		index[f.ID] = len(d.Felder)
		d.Felder = append(d.Felder, f)
	}
	for i := range neu.Handlungsfelder {
		f := &neu.Handlungsfelder[i]
		fa := Feldaenderung{ID: f.ID, Alt: altFelder[f.ID], Neu: f}
		if fa.Alt != nil {
			fa.Attribute = differ(FeldAttribute, func(string) bool { return gleicherText(fa.Alt.Titel, f.Titel) })
		}
		addFeld(fa)
	}
	for i := range alt.Handlungsfelder {
		if f := &alt.Handlungsfelder[i]; neuFelder[f.ID] == nil {
			addFeld(Feldaenderung{ID: f.ID, Alt: f})
		}
	}

	// Goals and measures in the current revision, then the removed ones.
	for i := range neu.Handlungsfelder {
		f := &neu.Handlungsfelder[i]
		fa := &d.Felder[index[f.ID]]
		for j := range f.Ziele {
			z := &f.Ziele[j]
			za := Zielaenderung{ID: z.ID, Neu: z, NeuFeld: f.ID}
			if a, ok := altZiele[z.ID]; ok {
				za.Alt, za.AltFeld = a.ziel, a.feld
				za.Attribute = differ(ZielAttribute, func(key string) bool { return gleichesZiel(key, za.Alt, z) })
			}
			if za.IstNeu() || za.IstVerschoben() || za.IstGeaendert() {
				fa.Ziele = append(fa.Ziele, za)
			}
			for l := range z.Massnahmen {
				m := &z.Massnahmen[l]
				ma := Massnahmenaenderung{ID: m.ID, Neu: m, NeuZiel: z.ID, NeuFeld: f.ID}
				if a, ok := altMassnahmen[m.ID]; ok {
					ma.Alt, ma.AltZiel, ma.AltFeld = a.massnahme, a.ziel, a.feld
					ma.Attribute = differ(MassnahmeAttribute, func(key string) bool { return gleicheMassnahme(key, ma.Alt, m) })
				}
				if ma.IstNeu() || ma.IstVerschoben() || len(ma.Attribute) > 0 {
					fa.Massnahmen = append(fa.Massnahmen, ma)
				}
			}
		}
	}
	for i := range alt.Handlungsfelder {
		f := &alt.Handlungsfelder[i]
		fa := &d.Felder[index[f.ID]]
		for j := range f.Ziele {
			z := &f.Ziele[j]
			if _, ok := neuZiele[z.ID]; !ok {
				fa.Ziele = append(fa.Ziele, Zielaenderung{ID: z.ID, Alt: z, AltFeld: f.ID})
			}
			for l := range z.Massnahmen {
				if m := &z.Massnahmen[l]; neuMassnahmen[m.ID].massnahme == nil {
					fa.Massnahmen = append(fa.Massnahmen, Massnahmenaenderung{ID: m.ID, Alt: m, AltZiel: z.ID, AltFeld: f.ID})
				}
			}
		}
	}

	for i := range d.Felder {
		fa := &d.Felder[i]
		fa.Statuswechsel = statuswechsel(fa.Massnahmen)
		for j := range fa.Ziele {
			d.ziele[fa.Ziele[j].ID] = &fa.Ziele[j]
		}
		for j := range fa.Massnahmen {
			d.massnahmen[fa.Massnahmen[j].ID] = &fa.Massnahmen[j]
		}
	}
	return d
}

// Leer reports whether the two revisions do not differ in any field, goal or measure.
func (d *Diff) Leer() bool {
	for i := range d.Felder {
		if !d.Felder[i].Leer() {
			return false
		}
	}
	return true
}

// Massnahme returns what changed about the measure id, or nil if it is in
// both revisions unchanged, or in neither.
func (d *Diff) Massnahme(id string) *Massnahmenaenderung { return d.massnahmen[id] }

// Ziel returns what changed about the goal id, or nil if it is in both
// revisions unchanged, or in neither.
func (d *Diff) Ziel(id string) *Zielaenderung { return d.ziele[id] }

// Zusammenfassung returns one row of counts per field, in the order of Felder.
func (d *Diff) Zusammenfassung() []Zeile {
	rows := make([]Zeile, len(d.Felder))
	for i := range d.Felder {
		f := &d.Felder[i]
		rows[i] = Zeile{ID: f.ID, Titel: f.Titel(), Ziele: f.Zielzaehlung(), Massnahmen: f.Massnahmenzaehlung()}
	}
	return rows
}

// Gesamt returns the counts of all fields together.
func (d *Diff) Gesamt() Zeile {
	var g Zeile
	for _, r := range d.Zusammenfassung() {
		g.Ziele.add(r.Ziele)
		g.Massnahmen.add(r.Massnahmen)
	}
	return g
}

func (n *Zaehlung) add(o Zaehlung) {
	n.Neu += o.Neu
	n.Geaendert += o.Geaendert
	n.Entfallen += o.Entfallen
	n.Verschoben += o.Verschoben
	n.Statuswechsel += o.Statuswechsel
}

// Titel returns the title of the field in the current revision, or in the
// previous one if the field was removed.
func (f *Feldaenderung) Titel() string {
	if f.Neu != nil {
		return f.Neu.Titel
	}
	return f.Alt.Titel
}

// IstNeu reports whether the field is new in the current revision.
func (f *Feldaenderung) IstNeu() bool { return f.Alt == nil }

// IstEntfallen reports whether the field is not in the current revision.
func (f *Feldaenderung) IstEntfallen() bool { return f.Neu == nil }

// Leer reports whether the field is in both revisions and nothing in it changed.
func (f *Feldaenderung) Leer() bool {
	return !f.IstNeu() && !f.IstEntfallen() && len(f.Attribute) == 0 && len(f.Ziele) == 0 && len(f.Massnahmen) == 0
}

// Zielzaehlung counts the changes of the field's goals (Statuswechsel is 0).
func (f *Feldaenderung) Zielzaehlung() Zaehlung {
	var n Zaehlung
	for i := range f.Ziele {
		z := &f.Ziele[i]
		n.count(z.IstNeu(), z.IstEntfallen(), z.IstVerschoben(), z.IstGeaendert(), false)
	}
	return n
}

// Massnahmenzaehlung counts the changes of the field's measures.
func (f *Feldaenderung) Massnahmenzaehlung() Zaehlung {
	var n Zaehlung
	for i := range f.Massnahmen {
		m := &f.Massnahmen[i]
		n.count(m.IstNeu(), m.IstEntfallen(), m.IstVerschoben(), m.IstGeaendert(), m.HatStatuswechsel())
	}
	return n
}

func (n *Zaehlung) count(neu, entfallen, verschoben, geaendert, status bool) {
	inc := func(c *int, b bool) {
		if b {
			*c++
		}
	}
	inc(&n.Neu, neu)
	inc(&n.Entfallen, entfallen)
	inc(&n.Verschoben, verschoben)
	inc(&n.Geaendert, geaendert)
	inc(&n.Statuswechsel, status)
}

// Titel returns the title of the goal in the current revision, or in the previous one.
func (z *Zielaenderung) Titel() string {
	if z.Neu != nil {
		return z.Neu.Titel
	}
	return z.Alt.Titel
}

// IstNeu reports whether the goal is new in the current revision.
func (z *Zielaenderung) IstNeu() bool { return z.Alt == nil }

// IstEntfallen reports whether the goal is not in the current revision.
func (z *Zielaenderung) IstEntfallen() bool { return z.Neu == nil }

// IstVerschoben reports whether the goal is in another field now.
func (z *Zielaenderung) IstVerschoben() bool {
	return z.Alt != nil && z.Neu != nil && z.AltFeld != z.NeuFeld
}

// IstGeaendert reports whether an attribute of the goal changed.
func (z *Zielaenderung) IstGeaendert() bool { return len(z.Attribute) > 0 }

// Titel returns the title of the measure in the current revision, or in the previous one.
func (m *Massnahmenaenderung) Titel() string {
	if m.Neu != nil {
		return m.Neu.Titel
	}
	return m.Alt.Titel
}

// IstNeu reports whether the measure is new in the current revision.
func (m *Massnahmenaenderung) IstNeu() bool { return m.Alt == nil }

// IstEntfallen reports whether the measure is not in the current revision.
func (m *Massnahmenaenderung) IstEntfallen() bool { return m.Neu == nil }

// IstVerschoben reports whether the measure serves another goal now (in the
// same field or in another one).
func (m *Massnahmenaenderung) IstVerschoben() bool {
	return m.Alt != nil && m.Neu != nil && m.AltZiel != m.NeuZiel
}

// IstGeaendert reports whether an attribute other than the status changed.
func (m *Massnahmenaenderung) IstGeaendert() bool {
	return slices.ContainsFunc(m.Attribute, func(a string) bool { return a != "status" })
}

// HatStatuswechsel reports whether the status changed.
func (m *Massnahmenaenderung) HatStatuswechsel() bool { return slices.Contains(m.Attribute, "status") }

// statuswechsel groups the status changes of ms by transition.
func statuswechsel(ms []Massnahmenaenderung) []Statuswechsel {
	var out []Statuswechsel
	for _, m := range ms {
		if !m.HatStatuswechsel() {
			continue
		}
		von, nach := statusVon(m.Alt), statusVon(m.Neu)
		i := slices.IndexFunc(out, func(s Statuswechsel) bool { return s.Von == von && s.Nach == nach })
		if i < 0 {
			i = len(out)
			out = append(out, Statuswechsel{Von: von, Nach: nach})
		}
		out[i].Massnahmen = append(out[i].Massnahmen, m.ID)
	}
	rank := func(s schema.Status) int { return slices.Index(schema.Statuses, s) }
	slices.SortStableFunc(out, func(a, b Statuswechsel) int {
		if c := rank(a.Von) - rank(b.Von); c != 0 {
			return c
		}
		return rank(a.Nach) - rank(b.Nach)
	})
	return out
}

// differ returns the keys for which same reports false.
func differ(keys []string, same func(key string) bool) []string {
	var out []string
	for _, k := range keys {
		if !same(k) {
			out = append(out, k)
		}
	}
	return out
}

func gleichesZiel(key string, a, b *schema.Ziel) bool {
	switch key {
	case "titel":
		return gleicherText(a.Titel, b.Titel)
	case "beschreibung":
		return gleicherText(a.Beschreibung, b.Beschreibung)
	case "indikatoren":
		return slices.EqualFunc(a.Indikatoren, b.Indikatoren, gleicherText)
	}
	panic("assemble: unknown goal attribute " + key)
}

func gleicheMassnahme(key string, a, b *schema.Massnahme) bool {
	switch key {
	case "titel":
		return gleicherText(a.Titel, b.Titel)
	case "beschreibung":
		return gleicherText(a.Beschreibung, b.Beschreibung)
	case "federfuehrung":
		return a.Federfuehrung == b.Federfuehrung
	case "partner":
		return gleicheMenge(a.Partner, b.Partner)
	case "beginn":
		return gleicheZeit(a.Beginn, b.Beginn, schema.Zeitpunkt.Anfang)
	case "ende":
		return gleicheZeit(a.Ende, b.Ende, schema.Zeitpunkt.Ende)
	case "status":
		return statusVon(a) == statusVon(b)
	case "prioritaet":
		return a.Prioritaet == b.Prioritaet
	case "finanzierung":
		return gleicherText(a.Finanzierung, b.Finanzierung)
	case "kosten":
		return gleicheKosten(a.Kosten, b.Kosten)
	case "querschnitt":
		return gleicheMenge(a.Querschnitt, b.Querschnitt)
	case "indikator":
		return gleicherText(a.Indikator, b.Indikator)
	}
	panic("assemble: unknown measure attribute " + key)
}

// gleicherText compares texts with runs of white space taken as one space, so
// that a paragraph wrapped differently in the YAML is the same text.
func gleicherText(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// gleicheMenge compares lists of ids as sets: the order of partners or
// cross-cutting themes carries no meaning, nor does an id given twice.
func gleicheMenge(a, b []string) bool {
	set := func(l []string) []string {
		s := slices.Clone(l)
		slices.Sort(s)
		return slices.Compact(s)
	}
	return slices.Equal(set(a), set(b))
}

// gleicheZeit compares two beginnings (or two ends) by the day they stand for;
// "not given" and "fortlaufend" equal only themselves.
func gleicheZeit(a, b schema.Zeitpunkt, tag func(schema.Zeitpunkt) time.Time) bool {
	offen := func(z schema.Zeitpunkt) bool { return z.Form == schema.Ohne || z.Form == schema.Fortlaufend }
	if offen(a) || offen(b) {
		return a.Form == b.Form
	}
	return tag(a).Equal(tag(b))
}

// gleicheKosten compares amounts to the cent; no amount differs from any amount.
func gleicheKosten(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Round(*a*100) == math.Round(*b*100)
}

// statusVon returns the status of m; an empty status means geplant.
func statusVon(m *schema.Massnahme) schema.Status {
	if m.Status == "" {
		return schema.Geplant
	}
	return m.Status
}

type zielOrt struct {
	feld string
	ziel *schema.Ziel
}

type massnahmeOrt struct {
	feld, ziel string
	massnahme  *schema.Massnahme
}

func felderNachID(k *Konzept) map[string]*schema.Handlungsfeld {
	out := make(map[string]*schema.Handlungsfeld)
	for i := range k.Handlungsfelder {
		out[k.Handlungsfelder[i].ID] = &k.Handlungsfelder[i]
	}
	return out
}

func zieleNachID(k *Konzept) map[string]zielOrt {
	out := make(map[string]zielOrt)
	for i := range k.Handlungsfelder {
		f := &k.Handlungsfelder[i]
		for j := range f.Ziele {
			out[f.Ziele[j].ID] = zielOrt{f.ID, &f.Ziele[j]}
		}
	}
	return out
}

func massnahmenNachID(k *Konzept) map[string]massnahmeOrt {
	out := make(map[string]massnahmeOrt)
	for i := range k.Handlungsfelder {
		f := &k.Handlungsfelder[i]
		for j := range f.Ziele {
			z := &f.Ziele[j]
			for l := range z.Massnahmen {
				out[z.Massnahmen[l].ID] = massnahmeOrt{f.ID, z.ID, &z.Massnahmen[l]}
			}
		}
	}
	return out
}
