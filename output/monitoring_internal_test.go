package output

import (
	"reflect"
	"testing"

	"github.com/landkreis/konzept/schema"
)

func feldMit(id string, ms ...schema.Massnahme) schema.Handlungsfeld {
	return schema.Handlungsfeld{ID: id, Ziele: []schema.Ziel{{ID: "Z-1", Massnahmen: ms}}}
}

func TestStatusZaehlung(t *testing.T) {
	tests := []struct {
		name   string
		felder []schema.Handlungsfeld
		want   [][]int
	}{
		{"keine Felder", nil, [][]int{}},
		{"leeres Feld", []schema.Handlungsfeld{feldMit("a")}, [][]int{{0, 0, 0, 0, 0, 0}}},
		{"leerer Status ist geplant", []schema.Handlungsfeld{feldMit("a",
			schema.Massnahme{Status: ""}, schema.Massnahme{Status: schema.Geplant}, schema.Massnahme{Status: schema.Entfallen})},
			[][]int{{2, 0, 0, 0, 0, 1}}},
		{"je Feld", []schema.Handlungsfeld{
			feldMit("a", schema.Massnahme{Status: schema.InUmsetzung}, schema.Massnahme{Status: schema.Umgesetzt}),
			feldMit("b", schema.Massnahme{Status: schema.Dauerhaft}, schema.Massnahme{Status: schema.Zurueckgestellt}),
		}, [][]int{{0, 1, 1, 0, 0, 0}, {0, 0, 0, 1, 1, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := statusZaehlung(tt.felder); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("statusZaehlung = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestVerantwortung(t *testing.T) {
	tests := []struct {
		name   string
		felder []schema.Handlungsfeld
		want   map[string][]beteiligung
	}{
		{"keine Maßnahmen", []schema.Handlungsfeld{feldMit("a")}, map[string][]beteiligung{}},
		{"führt und ist Partner", []schema.Handlungsfeld{
			feldMit("a",
				schema.Massnahme{Federfuehrung: "kmt", Partner: []string{"vhs"}},
				schema.Massnahme{Federfuehrung: "vhs", Partner: []string{"kmt", "jc"}}),
			feldMit("b", schema.Massnahme{Federfuehrung: "kmt"}),
		}, map[string][]beteiligung{
			"kmt": {{1, 1}, {1, 0}},
			"vhs": {{1, 1}, {0, 0}},
			"jc":  {{0, 1}, {0, 0}},
		}},
		{"Federführung nicht zugleich Partner", []schema.Handlungsfeld{
			feldMit("a", schema.Massnahme{Federfuehrung: "kmt", Partner: []string{"kmt"}}),
		}, map[string][]beteiligung{"kmt": {{1, 0}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := verantwortung(tt.felder); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("verantwortung = %v, want %v", got, tt.want)
			}
		})
	}
}

func zp(s string) schema.Zeitpunkt {
	z, err := schema.ParseZeitpunkt(s)
	if err != nil {
		panic(err)
	}
	return z
}

func TestZeitBereich(t *testing.T) {
	tests := []struct {
		name        string
		ms          []*schema.Massnahme
		first, last int
		ok          bool
	}{
		{"ohne Daten", []*schema.Massnahme{{}}, 0, 0, false},
		{"ein Halbjahr", []*schema.Massnahme{{Beginn: zp("2025-03")}}, 4050, 4050, true},
		{"Quartal bis Jahr", []*schema.Massnahme{{Beginn: zp("2024-Q3"), Ende: zp("2026")}}, 4049, 4053, true},
		{"fortlaufend zählt den Beginn", []*schema.Massnahme{
			{Beginn: zp("2024"), Ende: zp("fortlaufend")}, {Beginn: zp("2026-07"), Ende: zp("fortlaufend")},
		}, 4048, 4053, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, l, ok := zeitBereich(tt.ms)
			if f != tt.first || l != tt.last || ok != tt.ok {
				t.Errorf("zeitBereich = %d, %d, %v, want %d, %d, %v", f, l, ok, tt.first, tt.last, tt.ok)
			}
		})
	}
}

func TestBalkenZeit(t *testing.T) {
	tests := []struct {
		name     string
		m        schema.Massnahme
		from, to int
		open, ok bool
	}{
		{"ohne Beginn", schema.Massnahme{Ende: zp("2026")}, 0, 0, false, false},
		{"fortlaufend begonnen", schema.Massnahme{Beginn: zp("fortlaufend")}, 0, 0, false, false},
		{"von bis", schema.Massnahme{Beginn: zp("2025-03"), Ende: zp("2026-Q3")}, 4050, 4053, false, true},
		{"Ende vor Beginn", schema.Massnahme{Beginn: zp("2026"), Ende: zp("2025")}, 4052, 4052, false, true},
		{"fortlaufend", schema.Massnahme{Beginn: zp("2025-09"), Ende: zp("fortlaufend")}, 4051, 4051, true, true},
		{"ohne Ende ist offen", schema.Massnahme{Beginn: zp("2025-09")}, 4051, 4051, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to, open, ok := balkenZeit(&tt.m)
			if from != tt.from || to != tt.to || open != tt.open || ok != tt.ok {
				t.Errorf("balkenZeit = %d, %d, %v, %v, want %d, %d, %v, %v", from, to, open, ok, tt.from, tt.to, tt.open, tt.ok)
			}
		})
	}
}
