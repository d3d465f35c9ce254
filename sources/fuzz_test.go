package sources

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/landkreis/konzept/schema"
)

// The fuzz targets of the readers. Each checks that a reader does not panic
// on any input and returns either a result or problems that say where they
// are. `go test` runs their seeds (f.Add and testdata/fuzz/FuzzXxx); `make
// fuzz` runs each target for FUZZTIME beyond them. An input that once broke a
// reader stays in testdata/fuzz/FuzzXxx as a seed.

// beispielDatei reads a file of the example concept.
func beispielDatei(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "beispiel", "konzept", filepath.FromSlash(name)))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// fmtFehler matches what fmt writes for a verb without its argument or an
// argument without its verb: "%!s(MISSING)", "%!(EXTRA int=1)".
var fmtFehler = regexp.MustCompile(`%!\S?\(`)

// checkProblems fails if a problem has no file, a position outside the
// input, or a message that does not format. A message may quote the input,
// so fmt's marks count only when the input src does not hold "%!" itself.
func checkProblems(t *testing.T, ps schema.Problems, src []byte, lines int) {
	t.Helper()
	for _, p := range ps {
		if p.Pos.File == "" {
			t.Errorf("problem without file: %q", p.Format("de"))
		}
		if p.Pos.Line < 0 || p.Pos.Column < 0 || (lines > 0 && p.Pos.Line > lines) {
			t.Errorf("problem at line %d:%d of a file of %d lines: %q", p.Pos.Line, p.Pos.Column, lines, p.Format("de"))
		}
		for _, lang := range []string{"de", "en"} {
			if m := p.Message(lang); m == "" || fmtFehler.MatchString(m) && !bytes.Contains(src, []byte("%!")) {
				t.Errorf("problem with a broken message (%s): %q", p.Code, m)
			}
		}
	}
}

// zeilen returns the number of lines a problem in src may be on: one more
// than the line breaks, as a parser may point at the end of the file. The
// YAML parser also breaks lines at NEL, LS and PS, as YAML 1.1 does.
func zeilen(src []byte) int {
	n := 1
	for _, b := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
		n += bytes.Count(src, []byte(b))
	}
	return n
}

// FuzzRead reads a whole konzept.yaml, in a folder that has a fragment, a
// workbook and a logo its `quellen` and `logo` may name.
func FuzzRead(f *testing.F) {
	f.Add(beispielDatei(f, "konzept.yaml"))
	f.Add([]byte("konzept: {titel: T, traeger: L, fassung: F, stand: 2025-09-01, logo: bilder/wappen.png}\n" +
		"leitbild: {grundsaetze: [{titel: Teilhabe}]}\nakteure: [{id: kmt, name: KMT, art: verwaltung}]\n" +
		"handlungsfelder:\n  - id: sprache\n    titel: Sprache\n    ziele: [{id: SP-1, titel: Z, massnahmen: [{id: SP-1.1, titel: M, federfuehrung: kmt, beginn: 2025-Q3, kosten: 12.000}]}]\n" +
		"quellen: [handlungsfelder/*.yaml, workshops/w.xlsx, ../x.yaml]\n"))
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\nhandlungsfelder: [*b, *b]\n"))
	f.Add([]byte("\xEF\xBB\xBFkonzept:\r\n  titel: \"\\x\"\r\n\tfarbe: #005A9C\n"))
	png := beispielDatei(f, "bilder/wappen.png")
	frag := beispielDatei(f, "handlungsfelder/familie.yaml")
	wb := beispielDatei(f, "workshops/arbeitskreis-gesundheit.xlsx")
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{
			KonzeptDatei:                 {Data: src},
			"handlungsfelder/a.yaml":     {Data: frag},
			"handlungsfelder/b.yaml":     {Data: src}, // the same text as a fragment
			"workshops/w.xlsx":           {Data: wb},
			"bilder/wappen.png":          {Data: png},
			"befragung/antworten.csv":    {Data: []byte("f1;f2\n1;2\n")},
			"befragung/ordner/datei.txt": {Data: nil},
		}
		s, ps, err := Read(fsys)
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		if s == nil || s.Konzept == nil {
			t.Fatal("Read returned no concept")
		}
		for _, p := range ps {
			n := 0
			switch p.Pos.File {
			case KonzeptDatei, "handlungsfelder/b.yaml":
				n = zeilen(src)
			}
			checkProblems(t, schema.Problems{p}, src, n)
		}
		if len(s.Fragmente) > 2 || len(s.Workbooks) > 1 {
			t.Errorf("%d fragments and %d workbooks read from 2 and 1 files", len(s.Fragmente), len(s.Workbooks))
		}
	})
}

// FuzzReadWorkbook reads any bytes as a workshop workbook.
func FuzzReadWorkbook(f *testing.F) {
	f.Add(beispielDatei(f, "workshops/arbeitskreis-gesundheit.xlsx"))
	f.Add([]byte("Maßnahme-Nr;Maßnahme\nM-1;Titel\n"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	f.Add([]byte("PK\x03\x04"))
	const name = "workshops/w.xlsx"
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, ps := ReadWorkbook(fstest.MapFS{name: {Data: data}}, name)
		if wb == nil || wb.File != name {
			t.Fatalf("ReadWorkbook returned %+v", wb)
		}
		checkProblems(t, ps, data, 0)
		for _, p := range ps {
			if p.Pos.File != name {
				t.Errorf("problem in another file: %q", p.Format("de"))
			}
		}
		for _, z := range wb.Ziele {
			if z.ID == "" || z.Pos.Sheet == "" || z.Pos.Cell == "" {
				t.Errorf("goal %q at %q: without number or cell", z.ID, z.Pos)
			}
		}
		for _, m := range wb.Massnahmen {
			if m.ID == "" || m.Pos.Sheet == "" || m.Pos.Cell == "" {
				t.Errorf("measure %q at %q: without number or cell", m.ID, m.Pos)
			}
			if m.Kosten != nil && !(*m.Kosten >= 0) {
				t.Errorf("measure %q: Kosten %v", m.ID, *m.Kosten)
			}
		}
	})
}

// FuzzReadAntworten reads any bytes as the CSV file of a survey's responses.
func FuzzReadAntworten(f *testing.F) {
	f.Add(beispielDatei(f, "befragung/antworten.csv"))
	f.Add([]byte("\xEF\xBB\xBFf1;f2;sprache\n\"a;b\";\"zeile\neins\";de\n"))
	f.Add([]byte("f2,F1 ,email,sprache\n\xE4\xF6\xFC,\x80,x@y.de,en\n"))
	f.Add([]byte("f1;f2;sprache\n\"offen;1;de\n"))
	const name = "befragung/antworten.csv"
	b := &schema.Befragung{Antworten: name, Sprachspalte: "sprache", Fragen: []schema.Frage{{ID: "f1"}, {ID: "f2"}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		records, last := 0, 0
		ps := ReadAntworten(fstest.MapFS{name: {Data: data}}, b, func(a *Antwort) {
			records++
			if len(a.Werte) != 3 {
				t.Fatalf("%d values, want 3", len(a.Werte))
			}
			for _, v := range a.Werte {
				if !utf8.ValidString(v) {
					t.Errorf("value %q is not UTF-8", v)
				}
			}
			p := a.Pos(0)
			if p.File != name || p.Line < 2 || p.Line <= last {
				t.Errorf("record %d at %q, after line %d", records, p, last)
			}
			last = p.Line
		})
		checkProblems(t, ps, data, zeilen(data))
		for _, p := range ps {
			if p.Severity == schema.Error && p.Pos.Line < 2 && records > 0 {
				t.Errorf("%d records read despite %q", records, p.Format("de"))
			}
		}
	})
}

// FuzzParseBetrag reads amounts of money as workbook cells write them.
func FuzzParseBetrag(f *testing.F) {
	for _, s := range []string{"12000", "4.500", "12.000 €", "12.000,50 EUR", "1.234.567,89 €", "12.000,-", "EUR 5", "-500", "ca. 5.000 €", "1e9", "0,", ",5", "\u00a01\u202f000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseBetrag(s)
		if !ok {
			if v != 0 {
				t.Errorf("parseBetrag(%q) = %v, false", s, v)
			}
			return
		}
		if !(v >= 0) || v > 1e308 {
			t.Errorf("parseBetrag(%q) = %v", s, v)
		}
	})
}

// FuzzParseZeitpunktDE reads periods as workbook cells write them. A period
// read is a valid one: its YAML form reads back as the same period, and it
// ends no earlier than it begins.
func FuzzParseZeitpunktDE(f *testing.F) {
	for _, s := range zeitpunktForms {
		f.Add(s)
	}
	for _, s := range []string{"Q3 / 2025", "1. 3. 2025", "31.02.2025", "2025-03-01T00:00:00Z", "laufend", "DAUERHAFT", "2025/q3", "2025-3", "0099-01", "2025-13"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		z, ok := parseZeitpunktDE(s)
		if !ok {
			if !z.IsZero() {
				t.Errorf("parseZeitpunktDE(%q) = %v, false", s, z)
			}
			return
		}
		back, err := schema.ParseZeitpunkt(z.String())
		if err != nil || back != z {
			t.Errorf("parseZeitpunktDE(%q) = %+v, whose form %q reads as %+v, %v", s, z, z.String(), back, err)
		}
		if z.Form != schema.Fortlaufend && z.Ende().Before(z.Anfang()) {
			t.Errorf("parseZeitpunktDE(%q) = %+v ends before it begins", s, z)
		}
	})
}

// FuzzParseYAML checks that parsing in parts gives the tree of the whole
// file, with the smallest parts there can be.
func FuzzParseYAML(f *testing.F) {
	f.Add(beispielDatei(f, "konzept.yaml"))
	f.Add([]byte("a: 1\nl:\n- x: 1\n  y: [2]\n- x: 3\n# c\n-\n- z\nb: 2\n"))
	f.Add([]byte("a: &x 1\nl:\n  - *x\n  - &y {a: 1}\n  - *y\nb: \"x\n  y\"\n"))
	f.Add([]byte("a: |+\n  x\n\n\nb: 1\nl:\n  - |+\n    y\n\n  - 2 # c\nfarbe: #005A9C\n"))
	f.Add([]byte("a: 1 # c\nb: # d\nl: # e\n  - 1 # f\n  # g\n  - 2\n\n# h\nc: 3\n"))
	f.Add([]byte("a: ! #c\nb:\n  - &x !t #d\n  - b: #e\n"))
	f.Add([]byte("l:\n  - ? a\n  - y\n  - a:\n      ? b\n  - z\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		wholeAndParts(t, src, 1)
	})
}

// FuzzXMLTokens checks that xmlTokens returns the tokens and errors of
// encoding/xml, however its input arrives.
func FuzzXMLTokens(f *testing.F) {
	for _, s := range xmlSeeds {
		f.Add([]byte(s), uint16(7))
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint16) {
		want := stdDump(data)
		if got := xmlDump(data, 1+int(chunk%1024)); got != want {
			t.Fatalf("xmlTokens:\n%s\nencoding/xml:\n%s", got, want)
		}
	})
}
