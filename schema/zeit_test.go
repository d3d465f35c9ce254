package schema_test

import (
	"errors"
	"testing"
	"time"

	"github.com/landkreis/konzept/schema"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseZeitpunkt(t *testing.T) {
	tests := []struct {
		in           string
		form         schema.Genauigkeit
		anfang, ende string // YYYY-MM-DD
		str, de, en  string // String, Display("de"), Display("en")
	}{
		{"2025", schema.Jahr, "2025-01-01", "2025-12-31", "2025", "2025", "2025"},
		{"2025-Q1", schema.Quartal, "2025-01-01", "2025-03-31", "2025-Q1", "Q1/2025", "Q1/2025"},
		{"2025-Q2", schema.Quartal, "2025-04-01", "2025-06-30", "2025-Q2", "Q2/2025", "Q2/2025"},
		{"2025-Q3", schema.Quartal, "2025-07-01", "2025-09-30", "2025-Q3", "Q3/2025", "Q3/2025"},
		{"2025-Q4", schema.Quartal, "2025-10-01", "2025-12-31", "2025-Q4", "Q4/2025", "Q4/2025"},
		{"2025-q2", schema.Quartal, "2025-04-01", "2025-06-30", "2025-Q2", "Q2/2025", "Q2/2025"},
		{"2025-01", schema.Monat, "2025-01-01", "2025-01-31", "2025-01", "01/2025", "01/2025"},
		{"2025-02", schema.Monat, "2025-02-01", "2025-02-28", "2025-02", "02/2025", "02/2025"},
		{"2024-02", schema.Monat, "2024-02-01", "2024-02-29", "2024-02", "02/2024", "02/2024"}, // leap year
		{"2000-02", schema.Monat, "2000-02-01", "2000-02-29", "2000-02", "02/2000", "02/2000"}, // divisible by 400
		{"2100-02", schema.Monat, "2100-02-01", "2100-02-28", "2100-02", "02/2100", "02/2100"}, // divisible by 100 only
		{"2025-04", schema.Monat, "2025-04-01", "2025-04-30", "2025-04", "04/2025", "04/2025"},
		{"2025-12", schema.Monat, "2025-12-01", "2025-12-31", "2025-12", "12/2025", "12/2025"},
		{"2025-03-01", schema.Tag, "2025-03-01", "2025-03-01", "2025-03-01", "01.03.2025", "2025-03-01"},
		{"2024-02-29", schema.Tag, "2024-02-29", "2024-02-29", "2024-02-29", "29.02.2024", "2024-02-29"},
		{" 2025-06 ", schema.Monat, "2025-06-01", "2025-06-30", "2025-06", "06/2025", "06/2025"},
		{"fortlaufend", schema.Fortlaufend, "", "", "fortlaufend", "fortlaufend", "ongoing"},
		{"Fortlaufend", schema.Fortlaufend, "", "", "fortlaufend", "fortlaufend", "ongoing"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			z, err := schema.ParseZeitpunkt(tt.in)
			if err != nil {
				t.Fatalf("ParseZeitpunkt(%q): %v", tt.in, err)
			}
			if z.Form != tt.form {
				t.Errorf("Form = %v, want %v", z.Form, tt.form)
			}
			wantAnfang, wantEnde := time.Time{}, time.Time{}
			if tt.anfang != "" {
				wantAnfang, wantEnde = day(tt.anfang), day(tt.ende)
			}
			if !z.Anfang().Equal(wantAnfang) {
				t.Errorf("Anfang = %v, want %v", z.Anfang(), wantAnfang)
			}
			if !z.Ende().Equal(wantEnde) {
				t.Errorf("Ende = %v, want %v", z.Ende(), wantEnde)
			}
			if got := z.String(); got != tt.str {
				t.Errorf("String = %q, want %q", got, tt.str)
			}
			if got := z.Display("de"); got != tt.de {
				t.Errorf("Display(de) = %q, want %q", got, tt.de)
			}
			if got := z.Display("en"); got != tt.en {
				t.Errorf("Display(en) = %q, want %q", got, tt.en)
			}
			// The canonical form reads back as the same Zeitpunkt.
			if back, err := schema.ParseZeitpunkt(z.String()); err != nil || back != z {
				t.Errorf("ParseZeitpunkt(String()) = %v, %v; want %v", back, err, z)
			}
		})
	}
}

func TestParseZeitpunktUngueltig(t *testing.T) {
	tests := []struct {
		in   string
		hint string // the suggestion carried by the error
	}{
		{"", ""},
		{"25", ""},
		{"20251", ""},
		{"2025-13", ""},
		{"2025-00", ""},
		{"2025-1", ""},
		{"2025-Q0", ""},
		{"2025-Q5", ""},
		{"2025-Q12", ""},
		{"2025-02-30", ""},
		{"2025-06-31", ""},
		{"2025-+1", ""},
		{"+202-01", ""},
		{"1899", ""},
		{"2025-03-01-02", ""},
		{"Sommer 2025", ""},
		{"laufend", "`fortlaufend`"},
		{"dauerhaft", "`fortlaufend`"},
		{"01.03.2025", "`2025-03-01`"},
		{"1.3.2025", "`2025-03-01`"},
		{"31.02.2025", ""},
		{"03/2025", "`2025-03`"},
		{"3.2025", "`2025-03`"},
		{"13/2025", ""},
		{"Q3/2025", "`2025-Q3`"},
		{"q3 2025", "`2025-Q3`"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			z, err := schema.ParseZeitpunkt(tt.in)
			var ve *schema.ValueError
			if !errors.As(err, &ve) {
				t.Fatalf("ParseZeitpunkt(%q) = %v, %v; want a ValueError", tt.in, z, err)
			}
			if ve.Code != schema.CodePeriod {
				t.Errorf("Code = %s, want %s", ve.Code, schema.CodePeriod)
			}
			if ve.Hint != tt.hint {
				t.Errorf("Hint = %q, want %q", ve.Hint, tt.hint)
			}
		})
	}
}

func TestParseDatum(t *testing.T) {
	d, err := schema.ParseDatum("2024-02-29")
	if err != nil || d.String() != "2024-02-29" {
		t.Errorf("ParseDatum(2024-02-29) = %v, %v", d, err)
	}
	if (schema.Datum{}).String() != "" {
		t.Errorf("zero Datum prints %q", schema.Datum{}.String())
	}
	for in, hint := range map[string]string{
		"2025-02-29": "",
		"2025-9-1":   "",
		"2025":       "",
		"01.09.2025": "`2025-09-01`",
		"09/2025":    "", // a month is no day
		"":           "",
	} {
		_, err := schema.ParseDatum(in)
		var ve *schema.ValueError
		if !errors.As(err, &ve) || ve.Code != schema.CodeDate || ve.Hint != hint {
			t.Errorf("ParseDatum(%q) = %v, want CodeDate with hint %q", in, err, hint)
		}
	}
}
