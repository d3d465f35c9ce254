package output_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/beispiel"
	"github.com/landkreis/konzept/output"
)

// The PDF tests read the PDF back with poppler-utils and qpdf, as a reader
// would. They are required: `make test` installs them, so a missing tool is a
// failure, never a skip.

// beispielPDF is the example concept rendered once per test binary.
var beispielPDF = sync.OnceValues(func() ([]byte, error) {
	k, err := load()
	if err != nil {
		return nil, err
	}
	return render(k, output.Options{Version: "test"})
})

// load assembles the embedded example concept; it must have no errors.
func load() (*assemble.Konzept, error) {
	k, ps, err := assemble.Load(beispiel.FS())
	if err != nil {
		return nil, err
	}
	if err := ps.Err(false); err != nil {
		return nil, fmt.Errorf("Beispielkonzept hat Fehler:\n%w", err)
	}
	return k, nil
}

func mustLoad(t testing.TB) *assemble.Konzept {
	t.Helper()
	k, err := load()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func render(k *assemble.Konzept, opts output.Options) ([]byte, error) {
	var buf bytes.Buffer
	if err := output.Render(&buf, k, opts); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// beispielFile writes the example PDF into the test's temporary directory.
func beispielFile(t *testing.T) string {
	t.Helper()
	data, err := beispielPDF()
	if err != nil {
		t.Fatalf("Render(Beispiel): %v", err)
	}
	return writePDF(t, data)
}

func writePDF(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "konzept.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tool runs an external program and returns its standard output. It fails
// the test if the program is missing or fails, or if a poppler tool
// complains on stderr (poppler reports syntax errors there but exits 0).
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	pkg := "poppler-utils"
	if name == "qpdf" {
		pkg = "qpdf"
	}
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s not found: run `make test`, which installs %s", name, pkg)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stderr.String(), stdout.String())
	}
	if pkg == "poppler-utils" && stderr.Len() > 0 {
		t.Errorf("%s %s meldet:\n%s", name, strings.Join(args, " "), stderr.String())
	}
	return stdout.String()
}

// pages returns the text of each page in content-stream order (pdftotext
// -raw): the renderer draws a table cell by cell, so a cell's lines stay
// together, and a measure's number comes right before its title.
func pages(t *testing.T, path string) []string {
	t.Helper()
	out := tool(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	ps := strings.Split(out, "\f")
	if n := len(ps); n > 0 && strings.TrimSpace(ps[n-1]) == "" {
		ps = ps[:n-1]
	}
	return ps
}

// pdfinfo returns the fields of `pdfinfo` output ("Title", "Pages", …).
func pdfinfo(t *testing.T, args ...string) map[string]string {
	t.Helper()
	info := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(tool(t, "pdfinfo", args...)))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// norm collapses every run of white space (including line and page breaks
// and no-break spaces) into one space.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00ad", "")), " ")
}

// printed returns a pattern that finds s in normalised pdftotext output
// wherever the renderer broke it into lines: between words at any line break,
// inside a word at a break with an added hyphen ("Kursträ-␤ger"), after a
// hyphen of the word itself ("Kita-␤Fachberatung"), or at a forced break
// without hyphen. Every character of s must come back unchanged and in order.
func printed(s string) *regexp.Regexp {
	var b strings.Builder
	for i, w := range strings.Fields(norm(s)) {
		if i > 0 {
			b.WriteString(" ")
		}
		rs := []rune(w)
		for j, r := range rs {
			b.WriteString(regexp.QuoteMeta(string(r)))
			switch {
			case j == len(rs)-1:
			case r == '-':
				b.WriteString(" ?")
			default:
				b.WriteString("(?:-? )?")
			}
		}
	}
	return regexp.MustCompile(b.String())
}

// tocEntry is one line of the table of contents.
type tocEntry struct {
	number, title string
	page          int
}

// tocLine is "4.1 Veranstaltungen . . . . . 7" once normalised; a chapter
// without a number (the Beschlussvorlage) is "Beschlussvorlage . . . 2".
var tocLine = regexp.MustCompile(`^(?:(\d+(?:\.\d+)*) )?(.+?) ?(?:\. ?){3,}(\d+)$`)

// parseTOC reads the entries below the heading of a table-of-contents page;
// an entry whose title wraps is joined with its following lines.
func parseTOC(page, heading string) []tocEntry {
	_, body, ok := strings.Cut(page, heading)
	if !ok {
		return nil
	}
	var out []tocEntry
	pending := ""
	for l := range strings.Lines(body) {
		pending = norm(pending + " " + l)
		if m := tocLine.FindStringSubmatch(pending); m != nil {
			var p int
			fmt.Sscan(m[3], &p)
			out = append(out, tocEntry{number: m[1], title: m[2], page: p})
			pending = ""
		}
	}
	return out
}

// TestPrinted checks the matcher itself: it must accept the line breaks the
// renderer makes and nothing else.
func TestPrinted(t *testing.T) {
	tests := []struct {
		name, want, text string
		ok               bool
	}{
		{"gleich", "Kita-Fachberatung des Landkreises", "x Kita-Fachberatung des Landkreises y", true},
		{"Zeilenumbruch", "parallel zu Integrationskursen", "parallel zu\nIntegrationskursen", true},
		{"Trennstrich", "Kursträger, Jobcenter", "Kursträ-\nger, Jobcenter", true},
		{"Umbruch am Bindestrich", "Kita-Fachberatung", "Kita-\nFachberatung", true},
		{"anderes Zeichen", "Ayşe Yıldırım", "Ayse Yıldırım", false},
		{"fehlendes Wort", "Sprache und Bildung", "Sprache Bildung", false},
		{"falsche Reihenfolge", "Sprache und Bildung", "Bildung und Sprache", false},
		{"Wort zusammengezogen", "Sprache und Bildung", "Spracheund Bildung", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := printed(tt.want).MatchString(norm(tt.text)); got != tt.ok {
				t.Errorf("printed(%q) in %q = %v, want %v", tt.want, tt.text, got, tt.ok)
			}
		})
	}
}

func TestParseTOC(t *testing.T) {
	page := "Kopf\nSeite 2 von 9\nInhaltsverzeichnis\n1 Vorwort . . . . . 3\n" +
		"2 Ein sehr langer Titel, der in die\nnächste Zeile geht . . . . . 5\n2.1 Abschnitt ....... 6\n"
	page = strings.Replace(page, "Inhaltsverzeichnis\n", "Inhaltsverzeichnis\nBeschlussvorlage . . . . 2\n", 1)
	want := []tocEntry{{"", "Beschlussvorlage", 2}, {"1", "Vorwort", 3}, {"2", "Ein sehr langer Titel, der in die nächste Zeile geht", 5}, {"2.1", "Abschnitt", 6}}
	if got := parseTOC(page, "Inhaltsverzeichnis"); !slices.Equal(got, want) {
		t.Errorf("parseTOC = %+v, want %+v", got, want)
	}
}
