package schema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ValueError is returned by the UnmarshalText methods of the schema's value
// types; the readers turn it into a located Problem with Code and Hint.
type ValueError struct {
	Code Code
	Hint string // the value in the form expected, quoted, if it could be guessed: "`2025-09-01`"
}

func (e *ValueError) Error() string { return string(e.Code) }

// Datum is a calendar day written as YYYY-MM-DD.
type Datum struct{ time.Time }

// ParseDatum parses YYYY-MM-DD, a day of the years 1900 to 2999 (as a
// Zeitpunkt; the year 1 would be the zero Datum, which means "not given").
func ParseDatum(s string) (Datum, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err == nil && (t.Year() < 1900 || t.Year() > 2999) {
		return Datum{}, &ValueError{Code: CodeDate}
	}
	if err != nil {
		hint := ""
		if z := suggest(s); len(z) == len(time.DateOnly) {
			hint = "`" + z + "`"
		}
		return Datum{}, &ValueError{Code: CodeDate, Hint: hint}
	}
	return Datum{t}, nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Datum) UnmarshalText(b []byte) error {
	v, err := ParseDatum(string(b))
	*d = v
	return err
}

// String returns YYYY-MM-DD, or "" for the zero Datum.
func (d Datum) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// Genauigkeit is how precisely a Zeitpunkt was given.
type Genauigkeit uint8

// The forms of a Zeitpunkt.
const (
	Ohne        Genauigkeit = iota // not given
	Jahr                           // 2025
	Quartal                        // 2025-Q3
	Monat                          // 2025-03
	Tag                            // 2025-03-01
	Fortlaufend                    // fortlaufend (only for `ende`)
)

// Zeitpunkt is the beginning or end of a measure: a year, quarter, month or
// day, or "fortlaufend". As a beginning it stands for the first day of its
// period, as an end for the last.
type Zeitpunkt struct {
	Form Genauigkeit
	Year int
	Part int // quarter (1–4) or month (1–12); 0 for a year
	Day  int
}

// ParseZeitpunkt parses the YAML forms YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD and fortlaufend.
func ParseZeitpunkt(s string) (Zeitpunkt, error) {
	s = strings.TrimSpace(s)
	z, ok := parseZeitpunkt(s)
	if !ok {
		bad := &ValueError{Code: CodePeriod}
		if z := suggest(s); z != "" {
			bad.Hint = "`" + z + "`"
		}
		return Zeitpunkt{}, bad
	}
	return z, nil
}

// parseZeitpunkt parses s, already trimmed, and reports whether it is valid.
func parseZeitpunkt(s string) (Zeitpunkt, bool) {
	bad := false
	if strings.EqualFold(s, "fortlaufend") {
		return Zeitpunkt{Form: Fortlaufend}, true
	}
	num := func(t string, lo, hi int) (int, bool) {
		n, err := strconv.Atoi(t)
		return n, err == nil && n >= lo && n <= hi && !strings.HasPrefix(t, "+")
	}
	parts := strings.Split(s, "-")
	if len(parts[0]) != 4 {
		return Zeitpunkt{}, bad
	}
	y, ok := num(parts[0], 1900, 2999)
	if !ok {
		return Zeitpunkt{}, bad
	}
	switch len(parts) {
	case 1:
		return Zeitpunkt{Form: Jahr, Year: y}, true
	case 2:
		p := parts[1]
		if len(p) == 2 && (p[0] == 'Q' || p[0] == 'q') {
			if q, ok := num(p[1:], 1, 4); ok {
				return Zeitpunkt{Form: Quartal, Year: y, Part: q}, true
			}
		} else if m, ok := num(p, 1, 12); ok && len(p) == 2 {
			return Zeitpunkt{Form: Monat, Year: y, Part: m}, true
		}
	case 3:
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return Zeitpunkt{Form: Tag, Year: t.Year(), Part: int(t.Month()), Day: t.Day()}, true
		}
	}
	return Zeitpunkt{}, bad
}

var (
	deTag     = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	deMonat   = regexp.MustCompile(`^(\d{1,2})[./](\d{4})$`)
	deQuartal = regexp.MustCompile(`^[Qq]([1-4])[/ ]?(\d{4})$`)
)

// suggest returns the YAML form of a date or period written the way German
// spreadsheets and letters write it ("01.09.2025" → "2025-09-01", "03/2025" →
// "2025-03", "Q3/2025" → "2025-Q3", "laufend" → "fortlaufend"), or "".
func suggest(s string) string {
	s = strings.TrimSpace(s)
	atoi := func(t string) int { n, _ := strconv.Atoi(t); return n }
	var z string
	switch {
	case deTag.MatchString(s):
		m := deTag.FindStringSubmatch(s)
		z = fmt.Sprintf("%s-%02d-%02d", m[3], atoi(m[2]), atoi(m[1]))
	case deMonat.MatchString(s):
		m := deMonat.FindStringSubmatch(s)
		z = fmt.Sprintf("%s-%02d", m[2], atoi(m[1]))
	case deQuartal.MatchString(s):
		m := deQuartal.FindStringSubmatch(s)
		z = m[2] + "-Q" + m[1]
	case strings.EqualFold(s, "laufend"), strings.EqualFold(s, "dauerhaft"):
		return "fortlaufend"
	default:
		return ""
	}
	if _, ok := parseZeitpunkt(z); !ok {
		return "" // such as 31.02.2025
	}
	return z
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (z *Zeitpunkt) UnmarshalText(b []byte) error {
	v, err := ParseZeitpunkt(string(b))
	*z = v
	return err
}

// IsZero reports whether no time was given.
func (z Zeitpunkt) IsZero() bool { return z.Form == Ohne }

// Anfang returns the first day of the period.
func (z Zeitpunkt) Anfang() time.Time {
	switch z.Form {
	case Jahr:
		return date(z.Year, 1, 1)
	case Quartal:
		return date(z.Year, 3*z.Part-2, 1)
	case Monat:
		return date(z.Year, z.Part, 1)
	case Tag:
		return date(z.Year, z.Part, z.Day)
	}
	return time.Time{}
}

// Ende returns the last day of the period.
func (z Zeitpunkt) Ende() time.Time {
	switch z.Form {
	case Jahr:
		return date(z.Year, 12, 31)
	case Quartal:
		return date(z.Year, 3*z.Part+1, 0)
	case Monat:
		return date(z.Year, z.Part+1, 0)
	case Tag:
		return date(z.Year, z.Part, z.Day)
	}
	return time.Time{}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// String returns the canonical YAML form ("2025", "2025-Q3", "2025-03",
// "2025-03-01", "fortlaufend"), or "" if not given.
func (z Zeitpunkt) String() string {
	switch z.Form {
	case Jahr:
		return strconv.Itoa(z.Year)
	case Quartal:
		return fmt.Sprintf("%d-Q%d", z.Year, z.Part)
	case Monat:
		return fmt.Sprintf("%d-%02d", z.Year, z.Part)
	case Tag:
		return fmt.Sprintf("%d-%02d-%02d", z.Year, z.Part, z.Day)
	case Fortlaufend:
		return "fortlaufend"
	}
	return ""
}

// Display returns the period as printed in the PDF: "2025", "Q3/2025",
// "03/2025", "01.03.2025" (German) or "2025-03-01" style (English), "fortlaufend"/"ongoing".
func (z Zeitpunkt) Display(lang string) string {
	switch z.Form {
	case Quartal:
		return fmt.Sprintf("Q%d/%d", z.Part, z.Year)
	case Monat:
		return fmt.Sprintf("%02d/%d", z.Part, z.Year)
	case Tag:
		if lang == "en" {
			return z.String()
		}
		return fmt.Sprintf("%02d.%02d.%d", z.Day, z.Part, z.Year)
	case Fortlaufend:
		return tr(lang, "fortlaufend", "ongoing")
	}
	return z.String()
}
