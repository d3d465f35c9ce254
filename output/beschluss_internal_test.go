package output

import (
	"math"
	"reflect"
	"testing"

	"github.com/landkreis/konzept/schema"
)

func TestFinanzen(t *testing.T) {
	eur := func(x float64) *float64 { return &x }
	feld := func(ms ...schema.Massnahme) []schema.Handlungsfeld {
		return []schema.Handlungsfeld{{ID: "f", Ziele: []schema.Ziel{{ID: "Z-1", Massnahmen: ms}}}}
	}
	tests := []struct {
		name  string
		input []schema.Handlungsfeld
		want  finanzUebersicht
	}{
		{"leer", nil, finanzUebersicht{}},
		{"nach Quelle, ohne Angabe zuletzt",
			feld(
				schema.Massnahme{Finanzierung: "Landesmittel", Kosten: eur(1000)},
				schema.Massnahme{Kosten: eur(500)},
				schema.Massnahme{Finanzierung: "Eigenmittel", Kosten: eur(200)},
				schema.Massnahme{Finanzierung: "Landesmittel", Kosten: eur(0.5), Status: schema.Umgesetzt},
			),
			finanzUebersicht{zeilen: []finanzZeile{{"Eigenmittel", 200, 1}, {"Landesmittel", 1000.5, 2}, {"", 500, 1}}}},
		{"entfallen nicht enthalten",
			feld(
				schema.Massnahme{Finanzierung: "Eigenmittel", Kosten: eur(100)},
				schema.Massnahme{Finanzierung: "Eigenmittel", Kosten: eur(9000), Status: schema.Entfallen},
				schema.Massnahme{Status: schema.Entfallen},
			),
			finanzUebersicht{zeilen: []finanzZeile{{"Eigenmittel", 100, 1}}}},
		{"zurückgestellt getrennt",
			feld(
				schema.Massnahme{Finanzierung: "ESF Plus", Kosten: eur(100)},
				schema.Massnahme{Finanzierung: "ESF Plus", Kosten: eur(700), Status: schema.Zurueckgestellt},
				schema.Massnahme{Status: schema.Zurueckgestellt},
			),
			finanzUebersicht{zeilen: []finanzZeile{{"ESF Plus", 100, 1}}, zurueck: []finanzZeile{{"ESF Plus", 700, 1}}}},
		{"ohne Kosten gezählt",
			feld(
				schema.Massnahme{Finanzierung: "Eigenmittel"},
				schema.Massnahme{},
				schema.Massnahme{Kosten: eur(0)},
				schema.Massnahme{Status: schema.Dauerhaft},
			),
			finanzUebersicht{zeilen: []finanzZeile{{"", 0, 1}}, ohneKosten: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := finanzen(tt.input); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("finanzen = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestInteger(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"de", 0, "0"},
		{"de", 999, "999"},
		{"de", 12000, "12.000"},
		{"en", 1234567, "1,234,567"},
		{"de", -4500, "-4.500"},
		{"de", math.MinInt64, "-9.223.372.036.854.775.808"}, // once a recursion without end
	} {
		d := &doc{lang: c.lang}
		if got := d.integer(c.n); got != c.want {
			t.Errorf("integer(%d) in %s = %q, want %q", c.n, c.lang, got, c.want)
		}
	}
}
