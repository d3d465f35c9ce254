package schema

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

var (
	idPattern     = regexp.MustCompile(`^[a-z0-9-]+$`)
	nummerPattern = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._/-]*$`)
	farbePattern  = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
)

// validate is the validator for the struct tags, built once.
var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string { return yamlName(f) })
	regexpRule := func(re *regexp.Regexp) validator.Func {
		return func(fl validator.FieldLevel) bool { return re.MatchString(fl.Field().String()) }
	}
	must(v.RegisterValidation("konzeptid", regexpRule(idPattern)))
	must(v.RegisterValidation("nummer", regexpRule(nummerPattern)))
	must(v.RegisterValidation("farbe", regexpRule(farbePattern)))
	v.RegisterCustomTypeFunc(func(f reflect.Value) any { return f.Interface().(Datum).String() }, Datum{})
	return v
})

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name
}

// ValidID reports whether s is a valid id of a field, actor, theme or survey.
func ValidID(s string) bool { return idPattern.MatchString(s) }

// ValidNummer reports whether s is a valid goal or measure number.
func ValidNummer(s string) bool { return nummerPattern.MatchString(s) }

// Validate checks a Konzept or Fragment against the rules that concern one
// file: required keys, id formats, enumerations, dates. References between
// elements and ids unique across files are checked when merging (package assemble).
func Validate(doc Located) Problems {
	var ps Problems
	err := validate().Struct(doc)
	var verrs validator.ValidationErrors
	if errors.As(err, &verrs) {
		for _, fe := range verrs {
			ps.Add(fieldProblem(doc, fe))
		}
	} else if err != nil {
		panic(err) // only for programming errors such as a nil document
	}
	switch d := doc.(type) {
	case *Konzept:
		ps.Add(checkFelder(d.Handlungsfelder)...)
		if d.Konzept != nil {
			ps.Add(checkFarbe(d.Konzept)...)
		}
		if d.Beschluss != nil {
			ps.Add(checkBeratungsfolge(d.Beschluss.Beratungsfolge)...)
		}
		for i := range d.Befragungen {
			ps.Add(checkBefragung(&d.Befragungen[i])...)
		}
	case *Fragment:
		ps.Add(checkFelder(d.Handlungsfelder)...)
	case *Massnahme:
		ps.Add(checkZeitraum(d)...)
	}
	return ps
}

// fieldProblem turns a validator error into a Problem at the position of the
// offending key, found by walking the struct namespace from the root.
func fieldProblem(root Located, fe validator.FieldError) *Problem {
	origin, key := locate(root, fe.StructNamespace())
	pos := origin.At(key)
	name := fe.Field()
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	value := fmt.Sprint(fe.Value())
	switch fe.Tag() {
	case "required":
		return Errorf(pos, CodeRequired, name)
	case "min":
		if fe.Kind() == reflect.Slice {
			if !origin.Has(key) {
				return Errorf(pos, CodeRequired, name) // not written at all
			}
			return Errorf(pos, CodeMinItems, name)
		}
		return Errorf(pos, CodeMin, name, fe.Param(), value)
	case "max":
		return Errorf(pos, CodeMax, name, fe.Param(), value)
	case "oneof":
		allowed := strings.Fields(fe.Param())
		hint := Nearest(value, allowed)
		if hint != "" {
			hint = "„" + hint + "“"
		}
		return Errorf(pos, CodeEnum, value, name, allowed).WithHint(hint)
	case "konzeptid":
		return Errorf(pos, CodeID, value, name)
	case "nummer":
		return Errorf(pos, CodeNummer, value, name)
	case "farbe":
		return Errorf(pos, CodeColor, value)
	case "email":
		return Errorf(pos, CodeEmail, value)
	}
	panic("schema: no message for validation tag " + fe.Tag())
}

// locate follows a struct namespace such as
// "Konzept.Handlungsfelder[0].Ziele[1].ID" from root and returns the Origin of
// the innermost element and the yaml key (with index, for list items) within it.
func locate(root Located, ns string) (*Origin, string) {
	origin := root.origin()
	v := reflect.ValueOf(root)
	segs := strings.Split(ns, ".")[1:]
	key := ""
	for _, seg := range segs {
		for v.Kind() == reflect.Pointer && !v.IsNil() {
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			break
		}
		if l, ok := v.Addr().Interface().(Located); ok {
			origin = l.origin()
		}
		name, index, indexed := strings.Cut(strings.TrimSuffix(seg, "]"), "[")
		f, ok := v.Type().FieldByName(name)
		if !ok {
			break
		}
		key = yamlName(f)
		v = v.FieldByIndex(f.Index)
		if indexed {
			i, err := strconv.Atoi(index)
			if err != nil || v.Kind() != reflect.Slice || i >= v.Len() {
				key += "[" + index + "]"
				break
			}
			v = v.Index(i)
			if v.Kind() != reflect.Struct {
				key += "[" + index + "]"
			}
		}
	}
	return origin, key
}

func checkFelder(felder []Handlungsfeld) Problems {
	var ps Problems
	for i := range felder {
		for j := range felder[i].Ziele {
			for k := range felder[i].Ziele[j].Massnahmen {
				ps.Add(checkZeitraum(&felder[i].Ziele[j].Massnahmen[k])...)
			}
		}
	}
	return ps
}

// checkZeitraum checks that a measure begins with a date and ends no earlier.
func checkZeitraum(m *Massnahme) Problems {
	if m.Beginn.Form == Fortlaufend {
		return Problems{Errorf(m.At("beginn"), CodeBeginnOpen)}
	}
	if m.Beginn.IsZero() || m.Ende.IsZero() || m.Ende.Form == Fortlaufend {
		return nil
	}
	if m.Ende.Ende().Before(m.Beginn.Anfang()) {
		return Problems{Errorf(m.At("ende"), CodeEndeVorBeginn, "ende", m.Ende, "beginn", m.Beginn)}
	}
	return nil
}

func checkBeratungsfolge(bs []Beratung) Problems {
	var ps Problems
	for i := 1; i < len(bs); i++ {
		prev, cur := bs[i-1].Datum, bs[i].Datum
		if !prev.IsZero() && !cur.IsZero() && cur.Before(prev.Time) {
			ps.Add(Errorf(bs[i].At("datum"), CodeDateOrder, cur, prev))
		}
	}
	return ps
}

// ValidBefragung reports whether survey b passes the checks Validate makes
// of it, so that its responses can be read.
func ValidBefragung(b *Befragung) bool {
	return validate().Struct(b) == nil && checkBefragung(b).Count(Error) == 0
}

func checkBefragung(b *Befragung) Problems {
	var ps Problems
	if z := b.Zeitraum; z != nil && !z.Von.IsZero() && !z.Bis.IsZero() && z.Bis.Before(z.Von.Time) {
		ps.Add(Errorf(z.At("bis"), CodeEndeVorBeginn, "bis", z.Bis, "von", z.Von))
	}
	for i := range b.Fragen {
		f := &b.Fragen[i]
		switch f.Typ {
		case "skala":
			switch s := f.Skala; {
			case s == nil || s.Min >= s.Max:
				ps.Add(Errorf(f.At("skala"), CodeSkala, f.ID))
			case SkalaZuGross(s):
				ps.Add(Errorf(f.At("skala"), CodeSkalaZuGross, f.ID, s.Min, s.Max, MaxSkalaStufen))
			}
		case "einfach", "mehrfach":
			if len(f.Optionen) == 0 {
				ps.Add(Errorf(f.At("optionen"), CodeOptionen, f.ID, f.Typ))
			}
		}
	}
	return ps
}
