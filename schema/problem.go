package schema

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrInvalid is the cause every Problem and every non-empty Problems unwraps to:
// the input does not conform to the schema.
var ErrInvalid = errors.New("ungültige Eingabe")

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error makes validate and build fail.
	Error Severity = iota
	// Warning is reported but does not fail the run (unless --strict).
	Warning
)

// Label returns the word printed before the message: "fehler"/"warnung" or "error"/"warning".
func (s Severity) Label(lang string) string {
	if s == Warning {
		return tr(lang, "warnung", "warning")
	}
	return tr(lang, "fehler", "error")
}

// Problem is one thing wrong with the input, with its position. Its message is
// made from a catalogued Code and its Args in either German or English.
type Problem struct {
	Pos      Pos
	Severity Severity
	Code     Code
	Args     []any
	Hint     string // a suggestion, already quoted: "`massnahmen`"
}

// Errorf returns an error-level problem at pos.
func Errorf(pos Pos, code Code, args ...any) *Problem {
	return &Problem{Pos: pos, Severity: Error, Code: code, Args: args}
}

// Warnf returns a warning at pos.
func Warnf(pos Pos, code Code, args ...any) *Problem {
	return &Problem{Pos: pos, Severity: Warning, Code: code, Args: args}
}

// WithHint adds a "did you mean" suggestion (quoted as the caller wants it shown) if hint is not empty.
func (p *Problem) WithHint(hint string) *Problem {
	p.Hint = hint
	return p
}

// Message returns the message without position in lang ("de" or "en").
func (p *Problem) Message(lang string) string {
	m := p.Code.format(lang, p.Args)
	if p.Hint != "" {
		m += tr(lang, " – meinten Sie ", " – did you mean ") + p.Hint + "?"
	}
	return m
}

// Format returns "pos: fehler: message" in lang.
func (p *Problem) Format(lang string) string {
	return fmt.Sprintf("%s: %s: %s", p.Pos, p.Severity.Label(lang), p.Message(lang))
}

func (p *Problem) Error() string { return p.Format("de") }

// Unwrap returns ErrInvalid.
func (p *Problem) Unwrap() error { return ErrInvalid }

// Problems is the list of all problems found in a run.
type Problems []*Problem

// Add appends the problems ps2 to ps.
func (ps *Problems) Add(p ...*Problem) { *ps = append(*ps, p...) }

// Sort orders ps by position (stable, so problems at one place keep their order).
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b *Problem) int {
		switch {
		case a.Pos.Before(b.Pos):
			return -1
		case b.Pos.Before(a.Pos):
			return 1
		}
		return 0
	})
}

// Count returns the number of problems of severity s.
func (ps Problems) Count(s Severity) int {
	n := 0
	for _, p := range ps {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Err returns ps as an error if it holds at least one error-level problem
// (or, if strict, any problem at all), and nil otherwise.
func (ps Problems) Err(strict bool) error {
	if ps.Count(Error) > 0 || (strict && len(ps) > 0) {
		return ps
	}
	return nil
}

func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns ErrInvalid.
func (ps Problems) Unwrap() error { return ErrInvalid }

func tr(lang, de, en string) string {
	if lang == "en" {
		return en
	}
	return de
}

// T is a message argument that itself depends on the language, such as the
// name of a kind of element ("Maßnahme"/"measure").
type T struct{ De, En string }

func (t T) in(lang string) string { return tr(lang, t.De, t.En) }
