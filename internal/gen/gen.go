// Package gen writes synthetic concept folders for benchmarks and tests: the
// integration concept of a fictional Landkreis Emsmoor at the scale of
// Landkreis Emsland (6 fields of action, 60 goals, 160 measures, a survey of
// 2,000 responses) or a multiple of it. Like a real concept it is spread over
// konzept.yaml, YAML fragments under handlungsfelder/, four workshop
// workbooks under workshops/ (written the ways consultants write them) and a
// survey export under befragung/. It validates without errors or warnings.
//
// The output depends only on the scale: the same scale gives the same bytes.
//
//	go run ./internal/gen/cmd -scale 10 -o /tmp/emsmoor-10x
//
// The package also holds the workbook helpers that the generators of the
// embedded example (beispiel/internal/genworkshop, genbefragung) share.
package gen

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The size of a concept at scale 1, the scale of Landkreis Emsland; scale n
// has n times as many goals, measures and responses (and more actors, events
// and quotes), in the same 6 fields and 4 workbooks.
const (
	Felder               = 6
	ZieleJeMassstab      = 60
	MassnahmenJeMassstab = 160
	AntwortenJeMassstab  = 2000
	Arbeitsmappen        = 4
)

// Files returns the files of the concept folder at the given scale, by
// slash-separated path relative to the folder.
func Files(scale int) (map[string][]byte, error) {
	if scale < 1 {
		return nil, errors.New("gen: scale must be at least 1")
	}
	m := newModel(scale)
	files := map[string][]byte{}
	if err := m.yamlFiles(files); err != nil {
		return nil, err
	}
	for w := range Arbeitsmappen {
		name, data, err := m.workbook(w)
		if err != nil {
			return nil, err
		}
		files[name] = data
	}
	csv, err := m.antworten()
	if err != nil {
		return nil, err
	}
	files[antwortenDatei] = csv
	files[logoDatei] = wappen()
	return files, nil
}

// Write writes the concept folder at the given scale into dir, which it
// creates if needed. Files of the same names are overwritten.
func Write(dir string, scale int) error {
	files, err := Files(scale)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}

const (
	antwortenDatei = "befragung/antworten.csv"
	logoDatei      = "bilder/wappen.png"
)

// Where a goal, or a measure, is written.
const (
	inKonzept  = -2 // konzept.yaml
	inFragment = -1 // handlungsfelder/<field>.yaml
	// 0 … Arbeitsmappen-1: the workbook of that number
)

// model is the concept before it is written out.
type model struct {
	scale   int
	akteure []akteur
	felder  []*feld
}

type akteur struct{ id, name, kurz, art string }

type feld struct {
	v     *feldVorlage
	ziele []*ziel
}

type ziel struct {
	feld         *feld
	id, titel    string
	beschreibung string
	indikatoren  []string
	quelle       int // inKonzept, inFragment or a workbook
	massnahmen   []*massnahme
}

type massnahme struct {
	id, titel, beschreibung string
	feder                   int   // index into akteure
	partner                 []int // indexes into akteure
	beginn, ende            zeit
	status, prioritaet      string
	finanzierung            string
	kosten                  float64 // < 0: none
	querschnitt             []int
	indikator               string
	quelle                  int
}

// zeit is a beginning or an end: a year, quarter, month or day, fortlaufend, or none.
type zeit struct {
	form    byte // 0 none, 'J' year, 'Q' quarter, 'M' month, 'T' day, 'F' fortlaufend
	y, m, d int  // for 'Q', m is the quarter
}

// yaml returns the form konzept.yaml writes.
func (z zeit) yaml() string {
	switch z.form {
	case 'J':
		return fmt.Sprint(z.y)
	case 'Q':
		return fmt.Sprintf("%d-Q%d", z.y, z.m)
	case 'M':
		return fmt.Sprintf("%d-%02d", z.y, z.m)
	case 'T':
		return fmt.Sprintf("%d-%02d-%02d", z.y, z.m, z.d)
	case 'F':
		return "fortlaufend"
	}
	return ""
}

// month returns the year and month the period starts in.
func (z zeit) month() (int, int) {
	if z.form == 'Q' {
		return z.y, 3*z.m - 2
	}
	return z.y, max(z.m, 1)
}

func newModel(scale int) *model {
	r := rand.New(rand.NewPCG(0x656d736c616e64, uint64(scale)))
	m := &model{scale: scale}
	m.akteure = append(m.akteure, akteurBasis...)
	for i := range 12 * scale {
		art := akteurArten[i%len(akteurArten)]
		ort := orte[(i/len(akteurArten))%len(orte)]
		id := art.id + "-" + slug(ort)
		name := fmt.Sprintf(art.name, ort)
		if n := i / (len(akteurArten) * len(orte)); n > 0 {
			id += fmt.Sprintf("-%d", n+1)
			name += fmt.Sprintf(" (Standort %d)", n+1)
		}
		m.akteure = append(m.akteure, akteur{id, name, "", art.art})
	}

	// Goals: the same number in each field; measures: two or three per
	// goal on average, some goals with one, some with five.
	nZiele, nMassnahmen := ZieleJeMassstab*scale, MassnahmenJeMassstab*scale
	perGoal := make([]int, nZiele)
	for i := range perGoal {
		perGoal[i] = nMassnahmen / nZiele
	}
	for i := range nMassnahmen % nZiele {
		perGoal[(i*7)%nZiele]++
	}
	for range nZiele / 2 {
		from, to := r.IntN(nZiele), r.IntN(nZiele)
		if perGoal[from] > 1 && perGoal[to] < 5 {
			perGoal[from]--
			perGoal[to]++
		}
	}
	zieleJeFeld := nZiele / Felder
	g := 0
	for fi := range Felder {
		f := &feld{v: &feldVorlagen[fi]}
		m.felder = append(m.felder, f)
		for zi := range zieleJeFeld {
			z := &ziel{feld: f, id: fmt.Sprintf("%s-%d", f.v.prefix, zi+1)}
			z.titel = f.v.ziele[zi%len(f.v.ziele)]
			if zi >= len(f.v.ziele) {
				z.titel = z.titel[:len(z.titel)-1] + fmt.Sprintf(" – Schwerpunkt %s.", orte[(zi+fi)%len(orte)])
			}
			if r.IntN(2) == 0 {
				z.beschreibung = zielBeschreibungen[r.IntN(len(zielBeschreibungen))]
			}
			for k := range 1 + r.IntN(3) {
				z.indikatoren = append(z.indikatoren, f.v.indikatoren[(zi+k)%len(f.v.indikatoren)])
			}
			// Fields 1–2 are written in konzept.yaml, 3–4 in fragments,
			// 5–6 in the workbooks (each field's goals in two of them).
			switch {
			case fi < 2:
				z.quelle = inKonzept
			case fi < 4:
				z.quelle = inFragment
			default:
				z.quelle = 2*(fi-4) + 2*zi/zieleJeFeld
			}
			for mi := range perGoal[g] {
				ms := m.massnahme(r, f, z, mi)
				// The last measure of a goal written in YAML with three
				// or more measures comes from a workshop.
				if z.quelle < 0 && mi >= 2 && mi == perGoal[g]-1 {
					ms.quelle = g % Arbeitsmappen
				}
				z.massnahmen = append(z.massnahmen, ms)
			}
			f.ziele = append(f.ziele, z)
			g++
		}
	}
	return m
}

func (m *model) massnahme(r *rand.Rand, f *feld, z *ziel, i int) *massnahme {
	ms := &massnahme{id: fmt.Sprintf("%s.%d", z.id, i+1), quelle: z.quelle, kosten: -1}
	ms.titel = f.v.kerne[r.IntN(len(f.v.kerne))]
	switch n := r.IntN(10); {
	case n < 2:
		ms.titel += fmt.Sprintf(zusaetzeOrt[r.IntN(len(zusaetzeOrt))], orte[r.IntN(len(orte))])
	case n < 4:
		ms.titel += fmt.Sprintf(zusaetzeGruppe[r.IntN(len(zusaetzeGruppe))], zielgruppen[r.IntN(len(zielgruppen))])
	}
	if r.IntN(4) > 0 {
		// One to four different sentences; the last may be a general one.
		n := 1 + r.IntN(4)
		order := r.Perm(len(f.v.saetze))
		var ss []string
		for k := range n {
			if k < n-1 || r.IntN(2) == 0 {
				ss = append(ss, f.v.saetze[order[k]])
			} else {
				ss = append(ss, allgemeineSaetze[r.IntN(len(allgemeineSaetze))])
			}
		}
		ms.beschreibung = strings.Join(ss, " ")
	}
	// The administration leads most measures.
	if r.IntN(3) > 0 {
		ms.feder = r.IntN(len(akteurBasis))
	} else {
		ms.feder = r.IntN(len(m.akteure))
	}
	for range r.IntN(5) {
		p := r.IntN(len(m.akteure))
		if p != ms.feder && !contains(ms.partner, p) {
			ms.partner = append(ms.partner, p)
		}
	}
	ms.status = Pick(r, []string{"geplant", "in-umsetzung", "umgesetzt", "dauerhaft", "zurueckgestellt", "entfallen"}, []int{35, 30, 10, 15, 6, 4})
	if r.IntN(100) < 85 {
		ms.prioritaet = Pick(r, []string{"hoch", "mittel", "niedrig"}, []int{4, 4, 2})
	}
	ms.beginn, ms.ende = zeitraum(r, ms.status)
	if r.IntN(100) < 90 {
		ms.finanzierung = Pick(r, finanzierungen, finanzierungGewicht)
	}
	if r.IntN(100) < 75 {
		ms.kosten = float64(500 * (1 + r.IntN(300)))
		if r.IntN(20) == 0 {
			ms.kosten += 0.5
		}
	}
	switch n := r.IntN(100); {
	case n < 8:
		a := r.IntN(len(querschnitt))
		ms.querschnitt = []int{a, (a + 1 + r.IntN(len(querschnitt)-1)) % len(querschnitt)}
	case n < 33:
		ms.querschnitt = []int{r.IntN(len(querschnitt))}
	}
	if r.IntN(100) < 60 {
		ms.indikator = indikatorenMassnahme[r.IntN(len(indikatorenMassnahme))]
	}
	return ms
}

// zeitraum returns a beginning in 2025–2030 and an end no earlier: a period
// of up to three years, fortlaufend (always for dauerhaft), or open.
func zeitraum(r *rand.Rand, status string) (beginn, ende zeit) {
	form := func() byte { return Pick(r, []byte{'J', 'Q', 'M', 'T'}, []int{2, 3, 4, 2}) }
	y, mo, d := 2025+r.IntN(6), 1+r.IntN(12), 1+r.IntN(28)
	span := 37
	if status == "umgesetzt" { // done by the time of the concept
		y, mo, span = 2025, 1+r.IntN(6), 3
	}
	beginn = at(form(), y, mo, d)
	switch n := r.IntN(100); {
	case status == "umgesetzt":
	case status == "dauerhaft" || n < 10:
		return beginn, zeit{form: 'F'}
	case n < 16:
		return beginn, zeit{}
	}
	// The end is a day at least as late as the first day of the beginning,
	// written in a form whose period ends no earlier.
	by, bm := beginn.month()
	months := by*12 + bm - 1 + r.IntN(span)
	ey, em := min(months/12, 2030), months%12+1
	if months/12 > 2030 {
		em = 12
	}
	ed := 28
	if ey == by && em == bm && beginn.form == 'T' {
		ed = max(ed, beginn.d)
	}
	return beginn, at(form(), ey, em, ed)
}

func at(form byte, y, m, d int) zeit {
	switch form {
	case 'J':
		return zeit{form: 'J', y: y}
	case 'Q':
		return zeit{form: 'Q', y: y, m: (m + 2) / 3}
	case 'M':
		return zeit{form: 'M', y: y, m: m}
	}
	return zeit{form: 'T', y: y, m: m, d: d}
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// slug makes an id of a town's name.
func slug(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r - 'A' + 'a')
		case r == 'ä' || r == 'Ä':
			b.WriteString("ae")
		case r == 'ö' || r == 'Ö':
			b.WriteString("oe")
		case r == 'ü' || r == 'Ü':
			b.WriteString("ue")
		case r == 'ß':
			b.WriteString("ss")
		case r == ' ' || r == '-':
			b.WriteByte('-')
		}
	}
	return b.String()
}
