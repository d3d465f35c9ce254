package schema_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/landkreis/konzept/schema"
)

// The fuzz targets of the value parsers: no panic, and either a value or a
// ValueError with a code; a value read is written back in the form it was
// read from. `make fuzz` runs each for FUZZTIME beyond its seeds.

// valueError fails unless err is a *schema.ValueError with a code and, if
// any, a hint in backquotes.
func valueError(t *testing.T, in string, err error) {
	t.Helper()
	var ve *schema.ValueError
	if !errors.As(err, &ve) || ve.Code == "" {
		t.Fatalf("%q: error %v is not a ValueError with a code", in, err)
	}
	if ve.Hint != "" && (!strings.HasPrefix(ve.Hint, "`") || !strings.HasSuffix(ve.Hint, "`")) {
		t.Errorf("%q: hint %q not quoted", in, ve.Hint)
	}
}

func FuzzParseDatum(f *testing.F) {
	for _, s := range []string{"2025-09-01", " 2025-09-01\n", "01.09.2025", "2025-02-29", "2024-02-29", "9999-12-31", "0000-01-01", "2025-9-1", "+2025-09-01", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := schema.ParseDatum(s)
		if err != nil {
			valueError(t, s, err)
			if !d.IsZero() {
				t.Errorf("ParseDatum(%q) = %v with an error", s, d)
			}
			if ve := err.(*schema.ValueError); ve.Hint != "" {
				// A hint is a date that reads.
				if _, err := schema.ParseDatum(strings.Trim(ve.Hint, "`")); err != nil {
					t.Errorf("ParseDatum(%q): hint %s does not read: %v", s, ve.Hint, err)
				}
			}
			return
		}
		back, err := schema.ParseDatum(d.String())
		if err != nil || !back.Equal(d.Time) {
			t.Errorf("ParseDatum(%q) = %v, which reads back as %v, %v", s, d, back, err)
		}
		var u schema.Datum
		if err := u.UnmarshalText([]byte(s)); err != nil || !u.Equal(d.Time) {
			t.Errorf("UnmarshalText(%q) = %v, %v; ParseDatum gave %v", s, u, err, d)
		}
	})
}

func FuzzParseZeitpunkt(f *testing.F) {
	for _, s := range []string{"2025", "2025-Q3", "2025-q1", "2025-03", "2025-03-01", "fortlaufend", "Fortlaufend", "Q3/2025", "03/2025", "01.03.2025", "laufend", "31.02.2025", "2025-Q5", "2025-+3", "1899", "3000", "2025-02-29"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		z, err := schema.ParseZeitpunkt(s)
		if err != nil {
			valueError(t, s, err)
			if !z.IsZero() {
				t.Errorf("ParseZeitpunkt(%q) = %+v with an error", s, z)
			}
			if ve := err.(*schema.ValueError); ve.Hint != "" {
				if _, err := schema.ParseZeitpunkt(strings.Trim(ve.Hint, "`")); err != nil {
					t.Errorf("ParseZeitpunkt(%q): hint %s does not read: %v", s, ve.Hint, err)
				}
			}
			return
		}
		if z.IsZero() {
			t.Fatalf("ParseZeitpunkt(%q) gave no time and no error", s)
		}
		back, err := schema.ParseZeitpunkt(z.String())
		if err != nil || back != z {
			t.Errorf("ParseZeitpunkt(%q) = %+v, whose form %q reads as %+v, %v", s, z, z.String(), back, err)
		}
		if z.Form == schema.Fortlaufend {
			return
		}
		if z.Ende().Before(z.Anfang()) || z.Anfang().Year() != z.Year || z.Ende().Year() != z.Year {
			t.Errorf("ParseZeitpunkt(%q): %v … %v is not within the year %d", s, z.Anfang(), z.Ende(), z.Year)
		}
		for _, lang := range []string{"de", "en"} {
			if z.Display(lang) == "" {
				t.Errorf("ParseZeitpunkt(%q): nothing to display", s)
			}
		}
	})
}

func FuzzNormHeader(f *testing.F) {
	for _, sp := range append(schema.MassnahmeSpalten[:len(schema.MassnahmeSpalten):len(schema.MassnahmeSpalten)], schema.ZielSpalten...) {
		f.Add(sp.Name)
		for _, a := range sp.Aliases {
			f.Add(a)
		}
	}
	for _, s := range []string{" MASSNAHME-NR. ", "Maßnahme\u00a0Nr", "Zuständig\n", "Kosten (EUR)", "ẞ", "İ", "Ǆ", "ﬀ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := schema.NormHeader(s)
		if again := schema.NormHeader(n); again != n {
			t.Errorf("NormHeader(%q) = %q, but NormHeader(%q) = %q", s, n, n, again)
		}
		if strings.ContainsAny(n, " -.\u00a0\n\tÄÖÜäöüß") {
			t.Errorf("NormHeader(%q) = %q keeps a character it ignores", s, n)
		}
		// What matches a column matches it with spaces around, and an
		// ASCII header also in upper case.
		upper := s
		if isASCII(s) {
			upper = strings.ToUpper(s)
		}
		for _, sp := range schema.MassnahmeSpalten {
			if sp.Matches(s) != sp.Matches(" "+upper+" ") {
				t.Errorf("Spalte %q: Matches(%q) = %v, but not so for %q", sp.Name, s, sp.Matches(s), " "+upper+" ")
			}
		}
	})
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
