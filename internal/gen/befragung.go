package gen

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"strconv"
	"strings"
)

// antworten returns the survey export: `;` separated UTF-8, one column per
// question id, the questionnaire language and an e-mail column that konzept
// must never print. Every answer is one of the options, so that the concept
// validates without warnings.
func (m *model) antworten() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = ';'
	if err := w.Write([]string{"zeitstempel", "f1", "f2", "f3", "f4", "f5", "f6", "sprache", "email"}); err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(2025, uint64(m.scale)))
	for i := range AntwortenJeMassstab * m.scale {
		if err := w.Write(antwort(r, i)); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// antwort is response number i (0-based).
func antwort(r *rand.Rand, i int) []string {
	lang := "de"
	switch n := r.IntN(100); {
	case n < 2:
		lang = "ls"
	case n < 11:
		lang = "en"
	}
	leer := func(pct int) bool { return r.IntN(100) < pct }
	f1 := Pick(r, umfrageDauer, umfrageDauerGewicht)
	if leer(5) {
		f1 = ""
	}
	var used []string
	for j, a := range umfrageAngebote {
		if r.IntN(100) < umfrageQuote[j] {
			used = append(used, a)
		}
	}
	f2 := strings.Join(used, ";")
	switch {
	case leer(5):
		f2 = ""
	case f2 == "":
		f2 = umfrageKeines
	}
	f3 := strconv.Itoa(Pick(r, []int{1, 2, 3, 4, 5}, []int{1, 3, 8, 12, 8}))
	if leer(4) {
		f3 = ""
	}
	f4 := ""
	switch n := r.IntN(100); {
	case n < 45:
		f4 = "0"
	case n < 80:
		f4 = strconv.Itoa(1 + r.IntN(6))
	case n < 94:
		f4 = strconv.Itoa(6+r.IntN(15)) + ",5"
	}
	f5 := strconv.Itoa(Pick(r, []int{1, 2, 3, 4}, []int{2, 5, 8, 4}))
	if leer(6) {
		f5 = ""
	}
	f6 := ""
	if leer(35) {
		if lang == "en" {
			f6 = umfrageFreitexteEN[r.IntN(len(umfrageFreitexteEN))]
		} else {
			f6 = umfrageFreitexte[r.IntN(len(umfrageFreitexte))]
		}
	}
	zeit := fmt.Sprintf("2025-01-%02d %02d:%02d", 13+i%19, 8+r.IntN(14), r.IntN(60))
	return []string{zeit, f1, f2, f3, f4, f5, f6, lang, fmt.Sprintf("person%05d@example.org", i+1)}
}

// wappen draws the county's coat of arms: a gold field under a blue wavy
// bar, in a shield. PNG encoding is deterministic.
func wappen() []byte {
	const w, h = 120, 144
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	blue := color.NRGBA{0x1b, 0x4f, 0x9c, 0xff}
	gold := color.NRGBA{0xe8, 0xb8, 0x2a, 0xff}
	green := color.NRGBA{0x1b, 0x6e, 0x3c, 0xff}
	for y := range h {
		for x := range w {
			// The shield: straight sides, a round base.
			dx, dy := float64(x-w/2), float64(y-h/2)
			if y > h/2 && dx*dx/float64(w*w/4)+dy*dy/float64(h*h/4) > 1 {
				continue
			}
			c := gold
			wave := 40 + 6*tri(x)
			switch {
			case y < wave:
				c = blue
			case y < wave+8:
				c = color.NRGBA{0xff, 0xff, 0xff, 0xff}
			case y > 90 && (x/6+y/6)%2 == 0:
				c = green
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic("gen: " + err.Error()) // cannot happen: encoding to memory
	}
	return b.Bytes()
}

// tri is a triangle wave of period 24 between -1 and 1.
func tri(x int) int {
	p := x % 24
	switch {
	case p < 6:
		return p / 3
	case p < 18:
		return (12 - p) / 3
	}
	return (p - 24) / 3
}
