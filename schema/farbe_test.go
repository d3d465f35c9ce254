package schema

import (
	"math"
	"testing"
)

func TestKontrast(t *testing.T) {
	tests := []struct {
		farbe string
		want  float64
	}{
		{"#FFFFFF", 1},
		{"#000", 21},
		{"#005A9C", 7.14}, // the default accent
		{"#767676", 4.54}, // the lightest grey that passes
		{"#FFD700", 1.40},
	}
	for _, tt := range tests {
		r, g, b, ok := ParseFarbe(tt.farbe)
		if !ok {
			t.Fatalf("ParseFarbe(%q) failed", tt.farbe)
		}
		if got := Kontrast(r, g, b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Kontrast(%s) = %.2f, want %.1f", tt.farbe, got, tt.want)
		}
		dr, dg, db := Abdunkeln(r, g, b)
		if k := Kontrast(dr, dg, db); k < MinKontrast {
			t.Errorf("Abdunkeln(%s) has contrast %.2f", tt.farbe, k)
		}
		if tt.want >= MinKontrast && (dr != r || dg != g || db != b) {
			t.Errorf("Abdunkeln(%s) changed a readable colour", tt.farbe)
		}
	}
}
