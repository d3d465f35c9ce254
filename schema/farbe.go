package schema

import (
	"math"
	"strconv"
)

// MinKontrast is the contrast ratio against white that text in the accent
// colour needs (WCAG 2.1, success criterion 1.4.3, normal text).
const MinKontrast = 4.5

// ParseFarbe parses a colour written as #RGB or #RRGGBB.
func ParseFarbe(s string) (r, g, b uint8, ok bool) {
	if !farbePattern.MatchString(s) {
		return 0, 0, 0, false
	}
	if len(s) == 4 {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	v, _ := strconv.ParseUint(s[1:], 16, 32)
	return uint8(v >> 16), uint8(v >> 8), uint8(v), true
}

// Kontrast returns the contrast ratio of a colour against white, from 1 (white)
// to 21 (black), as WCAG 2.1 defines it.
func Kontrast(r, g, b uint8) float64 {
	lin := func(c uint8) float64 {
		v := float64(c) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	return 1.05 / (l + 0.05)
}

// Abdunkeln returns the colour darkened in steps, keeping its hue, until text
// in it has at least MinKontrast against white.
func Abdunkeln(r, g, b uint8) (uint8, uint8, uint8) {
	for Kontrast(r, g, b) < MinKontrast {
		r, g, b = uint8(float64(r)*0.95), uint8(float64(g)*0.95), uint8(float64(b)*0.95)
	}
	return r, g, b
}

// checkFarbe warns when headings and table headers in the accent colour would
// be hard to read; the PDF then uses a darker shade of it.
func checkFarbe(m *Meta) Problems {
	r, g, b, ok := ParseFarbe(m.Farbe)
	if !ok {
		return nil
	}
	k := Kontrast(r, g, b)
	if k >= MinKontrast {
		return nil
	}
	dr, dg, db := Abdunkeln(r, g, b)
	return Problems{Warnf(m.At("farbe"), CodeColorContrast, m.Farbe, strconv.FormatFloat(k, 'f', 1, 64),
		"#"+hex2(dr)+hex2(dg)+hex2(db))}
}

func hex2(v uint8) string {
	const digits = "0123456789ABCDEF"
	return string([]byte{digits[v>>4], digits[v&15]})
}
