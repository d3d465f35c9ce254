package schema

import (
	"strconv"
	"strings"
)

// Problem codes of the limits that protect the readers from broken and
// hostile files: files too large or too deeply nested, texts too long,
// characters that belong in no text, links that leave the concept folder.
const (
	CodeTooLarge      Code = "file-too-large"
	CodeTooComplex    Code = "file-too-complex"
	CodeTextTooLong   Code = "text-too-long"
	CodeControlChar   Code = "control-character"
	CodeControlInFile Code = "control-character-in-file"
	CodeLinkOutside   Code = "link-outside-folder"
	CodeSkalaZuGross  Code = "scale-too-large"
)

func init() {
	for c, m := range map[Code][2]string{
		CodeTooLarge:      {"die Datei ist mit %s zu groß: höchstens %s", "the file is too large (%s): at most %s"},
		CodeTooComplex:    {"die Datei ist zu umfangreich: mehr als %s Einträge (Schlüssel, Listeneinträge, Werte)", "the file is too complex: more than %s entries (keys, list items, values)"},
		CodeTextTooLong:   {"der Text in `%s` ist mit %s Zeichen zu lang: höchstens %s", "the text in `%s` is too long (%s characters): at most %s"},
		CodeControlChar:   {"der Text in `%s` enthält das Steuerzeichen %s, das nicht gedruckt werden kann – bitte entfernen", "the text in `%s` holds the control character %s, which cannot be printed – please remove it"},
		CodeControlInFile: {"hier steht das Steuerzeichen %s, das in einer YAML-Datei nicht stehen darf – ist die Datei eine Textdatei in UTF-8?", "here is the control character %s, which a YAML file must not hold – is the file a text file in UTF-8?"},
		CodeLinkOutside:   {"„%s“ ist ein symbolischer Link auf eine Datei außerhalb des Konzeptordners: bitte die Datei selbst in den Ordner legen", "“%s” is a symbolic link to a file outside the concept folder: please put the file itself into the folder"},
		CodeSkalaZuGross:  {"Frage `%s`: die Skala von %d bis %d hat zu viele Stufen: höchstens %d", "question `%s`: the scale from %d to %d has too many steps: at most %d"},
	} {
		catalog[c] = m
	}
}

// MaxSkalaStufen bounds the values of a scale question: the results show
// a bar for each.
const MaxSkalaStufen = 1001

// SkalaZuGross reports whether the scale s, with Min below Max, has more
// than MaxSkalaStufen values, without overflow for any two ints.
func SkalaZuGross(s *Skala) bool {
	// Max-Min wraps around as an int, but as a uint64 it is exact.
	return s.Max > s.Min && uint64(s.Max-s.Min) >= MaxSkalaStufen
}

// Anzahl returns n as a message argument, with the thousands grouped as
// each language writes them: "50.000", "50,000".
func Anzahl(n int64) T {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	group := func(sep string) string {
		var b strings.Builder
		if neg {
			b.WriteByte('-')
		}
		for i, d := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteString(sep)
			}
			b.WriteRune(d)
		}
		return b.String()
	}
	return T{De: group("."), En: group(",")}
}

// Groesse returns a number of bytes as a message argument: "100 MiB",
// "8 MiB", "1,5 MiB", "640 KiB".
func Groesse(n int64) T {
	switch {
	case n >= 1<<20:
		v := float64(n) / (1 << 20)
		de := strconv.FormatFloat(v, 'f', 1, 64)
		de = strings.TrimSuffix(de, ".0")
		return T{De: strings.ReplaceAll(de, ".", ",") + " MiB", En: de + " MiB"}
	case n >= 1<<10:
		s := strconv.FormatInt(n>>10, 10) + " KiB"
		return T{De: s, En: s}
	}
	s := strconv.FormatInt(n, 10) + " Bytes"
	return T{De: s, En: strings.ToLower(s)}
}

// Zeichen returns a character as a message argument: its code point
// ("U+0000"), and its name where people know it.
func Zeichen(r rune) T {
	u := "U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16))
	for len(u) < 6 {
		u = "U+0" + u[2:]
	}
	switch r {
	case 0:
		return T{De: u + " (NUL)", En: u + " (NUL)"}
	case 0x1b:
		return T{De: u + " (Escape)", En: u + " (escape)"}
	}
	return T{De: u, En: u}
}
