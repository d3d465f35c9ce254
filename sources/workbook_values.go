package sources

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/landkreis/konzept/schema"
	"github.com/xuri/excelize/v2"
)

// The values of workbook cells as SPEC section 3 has them: periods written
// the German way or as date cells, status and priority variants, amounts of
// money as German text, lists in one cell.

var (
	reJahr       = regexp.MustCompile(`^\d{4}$`)                                      // 2025
	reQuartalDE  = regexp.MustCompile(`^[Qq] ?([1-4]) ?[/.\- ] ?(\d{4})$`)            // Q3/2025, Q3 2025
	reQuartalISO = regexp.MustCompile(`^(\d{4}) ?[/\- ] ?[Qq] ?([1-4])$`)             // 2025-Q3, 2025/Q3
	reMonatDE    = regexp.MustCompile(`^(\d{1,2}) ?[/.] ?(\d{4})$`)                   // 03/2025, 3.2025
	reMonatISO   = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)                          // 2025-03, 2025-3
	reTagDE      = regexp.MustCompile(`^(\d{1,2})\. ?(\d{1,2})\. ?(\d{4})$`)          // 01.03.2025, 1. 3. 2025
	reTagISO     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]*Z?)?$`) // 2025-03-01, also with a time
)

// zeitpunktForms lists the text forms parseZeitpunktDE accepts, for messages.
var zeitpunktForms = []string{"2025", "Q3/2025", "2025-Q3", "03/2025", "2025-03", "01.03.2025", "2025-03-01"}

// parseZeitpunktDE parses a beginning or end as written in a workbook cell:
// the forms of zeitpunktForms and fortlaufend, laufend or dauerhaft (any case).
// Spaces inside are tolerated ("Q3 / 2025").
func parseZeitpunktDE(s string) (schema.Zeitpunkt, bool) {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(strings.ReplaceAll(s, " /", "/"), "/ ", "/")
	switch strings.ToLower(s) {
	case "fortlaufend", "laufend", "dauerhaft":
		return schema.Zeitpunkt{Form: schema.Fortlaufend}, true
	}
	atoi := func(t string) int { n, _ := strconv.Atoi(t); return n }
	var y, part, day int
	form := schema.Ohne
	switch {
	case reJahr.MatchString(s):
		y, form = atoi(s), schema.Jahr
	case reQuartalDE.MatchString(s):
		m := reQuartalDE.FindStringSubmatch(s)
		y, part, form = atoi(m[2]), atoi(m[1]), schema.Quartal
	case reQuartalISO.MatchString(s):
		m := reQuartalISO.FindStringSubmatch(s)
		y, part, form = atoi(m[1]), atoi(m[2]), schema.Quartal
	case reMonatDE.MatchString(s):
		m := reMonatDE.FindStringSubmatch(s)
		y, part, form = atoi(m[2]), atoi(m[1]), schema.Monat
	case reMonatISO.MatchString(s):
		m := reMonatISO.FindStringSubmatch(s)
		y, part, form = atoi(m[1]), atoi(m[2]), schema.Monat
	case reTagDE.MatchString(s):
		m := reTagDE.FindStringSubmatch(s)
		y, part, day, form = atoi(m[3]), atoi(m[2]), atoi(m[1]), schema.Tag
	case reTagISO.MatchString(s):
		m := reTagISO.FindStringSubmatch(s)
		y, part, day, form = atoi(m[1]), atoi(m[2]), atoi(m[3]), schema.Tag
	}
	return zeitpunkt(form, y, part, day)
}

// zeitpunkt checks the parts of a period: a year 1900–2999 as in YAML, a
// month 1–12 and a day that exists.
func zeitpunkt(form schema.Genauigkeit, y, part, day int) (schema.Zeitpunkt, bool) {
	z := schema.Zeitpunkt{Form: form, Year: y, Part: part, Day: day}
	switch {
	case form == schema.Ohne, y < 1900, y > 2999:
		return schema.Zeitpunkt{}, false
	case form == schema.Monat && (part < 1 || part > 12):
		return schema.Zeitpunkt{}, false
	case form == schema.Tag:
		t := time.Date(y, time.Month(part), day, 0, 0, 0, 0, time.UTC)
		if part < 1 || part > 12 || t.Day() != day {
			return schema.Zeitpunkt{}, false
		}
	}
	return z, true
}

// zeitpunktSerial converts the serial number of a date cell to a period of
// the precision its display format shows (a cell shown as "03/2025" is the
// month, not the first of March).
func zeitpunktSerial(serial float64, form schema.Genauigkeit, date1904 bool) (schema.Zeitpunkt, bool) {
	if serial < 1 || serial > 2958465 || math.IsNaN(serial) { // 1900-01-01 … 9999-12-31
		return schema.Zeitpunkt{}, false
	}
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return schema.Zeitpunkt{}, false
	}
	switch form {
	case schema.Jahr:
		return zeitpunkt(form, t.Year(), 0, 0)
	case schema.Monat:
		return zeitpunkt(form, t.Year(), int(t.Month()), 0)
	}
	return zeitpunkt(schema.Tag, t.Year(), int(t.Month()), t.Day())
}

// dateForm tells whether a number format shows dates, and with what
// precision: Tag if it shows the day, Monat if the month and year, Jahr if
// the year only; Ohne for every format that is not a date (including times).
func dateForm(id int, code string) schema.Genauigkeit {
	if code == "" {
		switch {
		case id == 14 || id == 15 || id == 16 || id == 22:
			return schema.Tag
		case id == 17: // mmm-yy
			return schema.Monat
		case (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58): // East Asian dates
			return schema.Tag
		}
		return schema.Ohne
	}
	code, _, _ = strings.Cut(code, ";") // the format for positive numbers
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch ch := code[i]; ch {
		case '"': // literal text
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				i = len(code)
			} else {
				i += j + 1
			}
		case '[': // colour, condition, locale, elapsed time
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				i = len(code)
			} else {
				i += j + 1
			}
		case '\\', '_', '*': // an escaped character, a space as wide as it, a fill
			i++
		default:
			b.WriteByte(ch | 0x20) // lower case for letters
		}
	}
	f := b.String()
	day := strings.ContainsRune(f, 'd')
	year := strings.ContainsRune(f, 'y')
	month := strings.ContainsRune(f, 'm') && !strings.ContainsAny(f, "hs:") // not minutes
	switch {
	case day:
		return schema.Tag
	case year && strings.ContainsRune(f, 'm'):
		return schema.Monat
	case year:
		return schema.Jahr
	case month: // "mmmm": a month without year, as date cells always have one
		return schema.Monat
	}
	return schema.Ohne
}

// parseBetrag reads an amount of money written as German text: "12000",
// "4.500", "12.000 €", "12.000,50 EUR", "1.234.567,89 €", "12.000,-". It
// reports false for anything else, negative amounts included.
func parseBetrag(s string) (float64, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, cur := range []string{"eur", "euro", "€"} {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, cur), cur))
	}
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
	for _, dash := range []string{",-", ",–", ",—"} {
		s = strings.TrimSuffix(s, dash)
	}
	if !reBetrag.MatchString(s) {
		return 0, false
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil { // more digits than a float64 holds
		return 0, false
	}
	return v, true
}

// reBetrag is a German amount: digits, grouped by "." in threes or not at
// all, with decimals after ",".
var reBetrag = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$`)

// statusWerte are the status values as a workbook writes them, normalised
// with schema.NormHeader.
var statusWerte = map[string]schema.Status{
	"geplant":         schema.Geplant,
	"inumsetzung":     schema.InUmsetzung,
	"laufend":         schema.InUmsetzung,
	"umgesetzt":       schema.Umgesetzt,
	"dauerhaft":       schema.Dauerhaft,
	"daueraufgabe":    schema.Dauerhaft,
	"zurueckgestellt": schema.Zurueckgestellt,
	"entfallen":       schema.Entfallen,
}

// statusNamen are the status values as the template offers them.
var statusNamen = []string{"geplant", "in Umsetzung", "umgesetzt", "dauerhaft", "zurückgestellt", "entfallen"}

func parseStatus(s string) (string, bool) {
	st, ok := statusWerte[schema.NormHeader(s)]
	return string(st), ok
}

var prioritaetWerte = map[string]string{
	"hoch": "hoch", "mittel": "mittel", "niedrig": "niedrig",
	"1": "hoch", "2": "mittel", "3": "niedrig",
}

var prioritaetNamen = []string{"hoch", "mittel", "niedrig", "1", "2", "3"}

func parsePrioritaet(s string) (string, bool) {
	p, ok := prioritaetWerte[schema.NormHeader(s)]
	return p, ok
}

// splitList splits a cell holding several values at any of the runes in
// seps and at line breaks, trims the parts and drops empty ones.
func splitList(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '\r' || strings.ContainsRune(seps, r)
	}) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// numberText returns a number as stored in a cell the way a person would
// write it: "2", "1.5", "12000" (not "1.4999999999999999" or "1.2E+4").
func numberText(raw string) string {
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return strings.TrimSpace(raw)
	}
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// cleanText returns text as written in a cell: trimmed, line breaks as "\n".
func cleanText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
}
