package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/landkreis/konzept/internal/testgen"
)

// Broken and hostile input, end to end (issue 8): each case writes a concept
// folder, runs the konzept command on it as a process of its own, and checks
// the exit status, the message on stderr (where the problem has a place, the
// message starts with it), that no PDF and no temporary file is left (unless
// the input is valid), that no input file changed, and that the process
// stayed under 500 MiB of memory (its maximum resident set size). A case
// that hangs is killed after a minute; time is logged, not checked.
//
//	go test ./cmd/konzept -run TestHostile -v
//
// The inputs are generated, not committed: a 100 MB text field, a zip bomb.

// hostileBase is a valid concept of one field with one goal and no
// measures; its lines 1–14, the cases append from line 15 on.
const hostileBase = `konzept:
  titel: Integrationskonzept
  traeger: Landkreis Musterland
  fassung: Fortschreibung 2025
  stand: 2025-09-01
leitbild:
  grundsaetze: [{titel: Teilhabe}]
akteure:
  - {id: kmt, name: Koordinierungsstelle, art: verwaltung}
handlungsfelder:
  - id: sprache
    titel: Sprache
    ziele:
      - {id: SP-1, titel: Kurse sind erreichbar.}
`

// hostileBefragung adds a survey over befragung/antworten.csv (lines 15–22).
const hostileBefragung = `befragungen:
  - id: online
    titel: Onlinebefragung
    antworten: befragung/antworten.csv
    fragen:
      - {id: f1, text: Wie lange leben Sie hier, typ: einfach, optionen: [kurz, länger]}
      - {id: f2, text: Was fehlt Ihnen, typ: freitext}
      - {id: f3, text: Wie willkommen fühlen Sie sich, typ: skala, skala: {min: 1, max: 5}}
`

// hostileWorkbook adds the workbook workshops/w.xlsx as a source (line 15).
const hostileWorkbook = "quellen: [workshops/w.xlsx]\n"

// maxRSS is the memory a run may take, in KiB (as Linux reports ru_maxrss).
const maxRSS = 500 << 10

type hostileCase struct {
	name string
	// files writes the concept folder dir; other is a folder outside it,
	// for files that links point to.
	files func(t *testing.T, dir, other string)
	// args are the arguments after the folder; nil means -o OUT, a PDF in
	// a folder of its own. DIR and OTHER in them are replaced.
	args   []string
	exit   int
	stderr string // a regular expression stderr must match; DIR is the concept folder, quoted
	pdf    bool   // the input is valid: a PDF is written
}

func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs it on inputs of up to 100 MB")
	}
	bin := buildKonzept(t)
	for _, tt := range hostileCases() {
		t.Run(tt.name, func(t *testing.T) {
			runHostile(t, bin, tt)
		})
	}
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{
			name: "alias bomb",
			// 100 fields of 100 goals of 100 measures of 100 partners.
			files: yaml(hostileBase[:strings.Index(hostileBase, "handlungsfelder:")] + "handlungsfelder:\n" +
				"  - &f {id: sprache, titel: Sprache, ziele: [&z {id: Z, titel: Z, massnahmen: [" +
				"&m {id: M, titel: M, federfuehrung: kmt, partner: [" + repeat("kmt", 100) + "]}, " + repeat("*m", 99) + "]}, " +
				repeat("*z", 99) + "]}\n" + strings.Repeat("  - *f\n", 99)),
			exit:   1,
			stderr: `(?m)^konzept\.yaml:\d+:\d+: fehler: YAML-Syntaxfehler: die Datei wird durch Alias-Verweise \(\*name\) zu groß\n`,
		},
		{
			name:   "100,000 nested lists",
			files:  yaml(hostileBase + "quellen: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n"),
			exit:   1,
			stderr: `^konzept\.yaml:15: fehler: YAML-Syntaxfehler: Listen und Zuordnungen sind hier mehr als 10\.000 Ebenen tief verschachtelt\n`,
		},
		{
			name:   "100,000 nested mappings",
			files:  yaml(hostileBase + "vorwort: " + strings.Repeat("{a: ", 100_000) + "x" + strings.Repeat("}", 100_000) + "\n"),
			exit:   1,
			stderr: `^konzept\.yaml:15: fehler: YAML-Syntaxfehler: Listen und Zuordnungen sind hier mehr als 10\.000 Ebenen tief verschachtelt\n`,
		},
		{
			name: "100 MB text field",
			files: func(t *testing.T, dir, _ string) {
				write(t, dir, "konzept.yaml", func(w io.Writer) {
					io.WriteString(w, hostileBase+"beteiligung:\n  text: \"")
					line := []byte(strings.Repeat("Integration gelingt gemeinsam. ", 32) + "\n")
					for n := 0; n < 100_000_000; n += len(line) {
						w.Write(line)
					}
					io.WriteString(w, "\"\n")
				})
			},
			exit:   1,
			stderr: `^konzept\.yaml: fehler: die Datei ist mit 95,4 MiB zu groß: höchstens 8 MiB\n`,
		},
		{
			name:   "1 MB text field",
			files:  yaml(hostileBase + "beteiligung:\n  text: " + strings.Repeat("Wort ", 200_000) + "\n"),
			exit:   1,
			stderr: "^konzept\\.yaml:16:9: fehler: der Text in `text` ist mit 999\\.999 Zeichen zu lang: höchstens 32\\.767\n",
		},
		{
			name: "costs beyond any sum",
			files: yaml(strings.Replace(hostileBase, "titel: Kurse sind erreichbar.}",
				"titel: Kurse sind erreichbar., massnahmen: [{id: SP-1.1, titel: A, federfuehrung: kmt, kosten: 1e308}, {id: SP-1.2, titel: B, federfuehrung: kmt, kosten: 1e308}]}", 1)),
			exit:   1,
			stderr: "^konzept\\.yaml:14:115: fehler: `kosten` darf höchstens 1000000000000 sein, nicht 1e\\+308\n",
		},
		{
			// A pasted link or code without a space: cut into lines of the
			// table cell, each cut once took time in the length of the word.
			name: "a word of 32,767 letters",
			files: yaml(strings.Replace(hostileBase, "titel: Kurse sind erreichbar.}",
				"titel: Kurse sind erreichbar., massnahmen: [{id: SP-1.1, titel: A, federfuehrung: kmt, beschreibung: "+strings.Repeat("x", 32_767)+"}]}", 1)),
			exit:   0,
			stderr: `^\S+konzept\.pdf geschrieben\n$`,
			pdf:    true,
		},
		{
			name:   "invalid UTF-8 in YAML",
			files:  yaml(hostileBase + "vorwort: {autor: A, text: \"Gr\xfc\xdfe\"}\n"),
			exit:   1,
			stderr: `^konzept\.yaml:15:30: fehler: die Datei ist nicht in UTF-8 gespeichert`,
		},
		{
			name:   "NUL byte in YAML",
			files:  yaml(hostileBase + "vorwort: {autor: A, text: \"Gr\x00\"}\n"),
			exit:   1,
			stderr: `^konzept\.yaml:15:30: fehler: hier steht das Steuerzeichen U\+0000 \(NUL\), das in einer YAML-Datei nicht stehen darf`,
		},
		{
			name:   "NUL escaped in YAML",
			files:  yaml(hostileBase + "vorwort: {autor: A, text: \"Gr\\0\"}\n"),
			exit:   1,
			stderr: "^konzept\\.yaml:15:27: fehler: der Text in `text` enthält das Steuerzeichen U\\+0000 \\(NUL\\)",
		},
		{
			name:   "invalid UTF-8 in CSV",
			files:  survey("f1;f2;f3\nlänger;Kinderbetreuung für Mütter;5\nkurz;Gr\xfc\xdfe;4\nlänger;Sprachkurse;3\n"),
			exit:   1,
			stderr: `^befragung/antworten\.csv:3: fehler: die CSV-Datei kann ab hier nicht gelesen werden: die Datei ist in UTF-8 gespeichert, hier steht aber ein Zeichen in einer anderen Kodierung`,
		},
		{
			name:   "NUL byte in CSV",
			files:  survey("f1;f2;f3\nkurz;gut;5\nlänger;sch\x00lecht;1\n"),
			exit:   1,
			stderr: `^befragung/antworten\.csv:3: fehler: die CSV-Datei kann ab hier nicht gelesen werden: hier steht ein NUL-Byte`,
		},
		{
			name:   "CSV with a million columns",
			files:  survey("f1;f2;f3" + strings.Repeat(";x", 1_000_000) + "\nkurz;gut;5\n"),
			exit:   1,
			stderr: `^befragung/antworten\.csv:1: fehler: die CSV-Datei kann ab hier nicht gelesen werden: mehr als 16\.384 Spalten`,
		},
		{
			name:   "zip bomb workbook",
			files:  workbook(testgen.Join(testgen.Text(workbookHeader), testgen.Bomb(200<<20))),
			exit:   1,
			stderr: `^workshops/w\.xlsx: fehler: keine lesbare Excel-Arbeitsmappe: entpackt wäre die Datei größer als 64 MiB\n`,
		},
		{
			// Empty rows are skipped (SPEC 3): the workbook is valid.
			name:   "workbook with a million empty rows",
			files:  workbook(testgen.Join(testgen.Text(workbookHeader+workbookRow(2, "SP-1.1", "Sprachpaten")), testgen.EmptyRows(3, 1_000_000), testgen.Text(workbookRow(1_000_001, "SP-1.2", "Lernwerkstatt")))),
			exit:   0,
			stderr: `^\S+konzept\.pdf geschrieben\n$`,
			pdf:    true,
		},
		{
			name: "costs beyond any sum in a cell",
			files: workbook(testgen.Text(strings.Replace(workbookHeader, "</row>", `<c r="F1" t="inlineStr"><is><t>Kosten</t></is></c></row>`, 1) +
				strings.Replace(workbookRow(2, "SP-1.1", "A"), "</row>", `<c r="F2"><v>1E+308</v></c></row>`, 1))),
			exit:   1,
			stderr: "^workshops/w\\.xlsx!Maßnahmen!F2: fehler: `kosten` darf höchstens 1000000000000 sein, nicht 1e\\+308\n",
		},
		{
			name:   "invalid UTF-8 in a cell",
			files:  workbook(testgen.Text(workbookHeader + workbookRow(2, "SP-1.1", "Gr\xfc\xdfe"))),
			exit:   1,
			stderr: `^workshops/w\.xlsx!Maßnahmen: fehler: keine lesbare Excel-Arbeitsmappe: das Tabellenblatt ist beschädigt\n`,
		},
		{
			name:   "NUL byte in a cell",
			files:  workbook(testgen.Text(workbookHeader + workbookRow(2, "SP-1.1", "Gr\x00"))),
			exit:   1,
			stderr: `^workshops/w\.xlsx!Maßnahmen: fehler: keine lesbare Excel-Arbeitsmappe: das Tabellenblatt ist beschädigt\n`,
		},
		{
			// As Excel writes control characters in text: _x0000_.
			name:   "NUL escaped in a cell",
			files:  workbook(testgen.Text(workbookHeader + workbookRow(2, "SP-1.1", "Gr_x0000_"))),
			exit:   1,
			stderr: "^workshops/w\\.xlsx!Maßnahmen!D2: fehler: der Text in `Maßnahme` enthält das Steuerzeichen U\\+0000 \\(NUL\\)",
		},
		{
			name: "symbolic link to /etc/passwd",
			files: func(t *testing.T, dir, _ string) {
				yaml(hostileBase+"quellen: [handlungsfelder/*.yaml]\n")(t, dir, "")
				symlink(t, "/etc/passwd", filepath.Join(dir, "handlungsfelder", "x.yaml"))
			},
			exit:   1,
			stderr: `^konzept\.yaml:15:11: fehler: „handlungsfelder/x\.yaml“ ist ein symbolischer Link auf eine Datei außerhalb des Konzeptordners`,
		},
		{
			name: "symbolic link to a folder outside",
			files: func(t *testing.T, dir, other string) {
				yaml(hostileBase+"quellen: [handlungsfelder/*.yaml]\n")(t, dir, "")
				write(t, other, "geheim.yaml", func(w io.Writer) { io.WriteString(w, "handlungsfelder: [{id: geheim, titel: Geheim}]\n") })
				symlink(t, other, filepath.Join(dir, "handlungsfelder"))
			},
			exit:   1,
			stderr: `^konzept\.yaml:15:11: fehler: „handlungsfelder/geheim\.yaml“ ist ein symbolischer Link auf eine Datei außerhalb des Konzeptordners`,
		},
		{
			name: "relative link out of the folder",
			files: func(t *testing.T, dir, other string) {
				yaml(strings.Replace(hostileBase, "  stand: 2025-09-01\n", "  stand: 2025-09-01\n  logo: bilder/wappen.png\n", 1))(t, dir, "")
				write(t, other, "wappen.png", func(w io.Writer) { io.WriteString(w, "\x89PNG\r\n\x1a\n") })
				symlink(t, "../../anderswo/wappen.png", filepath.Join(dir, "bilder", "wappen.png"))
			},
			exit:   1,
			stderr: `^konzept\.yaml:6:9: fehler: „bilder/wappen\.png“ ist ein symbolischer Link auf eine Datei außerhalb des Konzeptordners`,
		},
		{
			name: "logo that is not an image",
			files: func(t *testing.T, dir, _ string) {
				yaml(strings.Replace(hostileBase, "  stand: 2025-09-01\n", "  stand: 2025-09-01\n  logo: bilder/wappen.png\n", 1))(t, dir, "")
				must(t, os.MkdirAll(filepath.Join(dir, "bilder"), 0o755))
				must(t, os.WriteFile(filepath.Join(dir, "bilder", "wappen.png"), []byte("\x89PNG\r\n\x1a\nkein Bild"), 0o644))
			},
			exit:   1,
			stderr: `^konzept\.yaml:6:9: fehler: „bilder/wappen\.png“ ist kein PNG- oder JPEG-Bild\n`,
		},
		{
			name: "logo of 400 million pixels",
			files: func(t *testing.T, dir, _ string) {
				yaml(strings.Replace(hostileBase, "  stand: 2025-09-01\n", "  stand: 2025-09-01\n  logo: bilder/wappen.png\n", 1))(t, dir, "")
				must(t, os.MkdirAll(filepath.Join(dir, "bilder"), 0o755))
				// The PNG signature and a header chunk of 20,000 × 20,000 pixels.
				must(t, os.WriteFile(filepath.Join(dir, "bilder", "wappen.png"),
					[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x4e\x20\x00\x00\x4e\x20\x08\x02\x00\x00\x00\x6c\x12\xd1\x6e"), 0o644))
			},
			exit:   1,
			stderr: `^konzept\.yaml:6:9: fehler: „bilder/wappen\.png“ hat 20000 × 20000 Pixel, mehr als 20 Millionen`,
		},
		{
			name:   "output is konzept.yaml",
			files:  yaml(hostileBase),
			args:   []string{"-o", "DIR/./konzept.yaml"},
			exit:   2,
			stderr: `^konzept: „DIR/\./konzept\.yaml“ ist die Eingabedatei konzept\.yaml des Konzepts und wird nicht ersetzt`,
		},
		{
			name:   "output is the survey's responses",
			files:  survey("f1;f2;f3\nkurz;gut;5\n"),
			args:   []string{"-o", "OTHER/antworten.pdf", "--vorlage", "DIR/befragung/antworten.csv"},
			exit:   2,
			stderr: `^konzept: „DIR/befragung/antworten\.csv“ ist die Eingabedatei befragung/antworten\.csv des Konzepts`,
		},
		{
			// Tests run as root, whom file modes do not stop: the folder
			// of the output is a regular file instead.
			name: "output folder not writable",
			files: func(t *testing.T, dir, other string) {
				yaml(hostileBase)(t, dir, "")
				must(t, os.WriteFile(filepath.Join(other, "datei"), []byte("keine Ordner\n"), 0o644))
			},
			args:   []string{"-o", "OTHER/datei/konzept.pdf"},
			exit:   2,
			stderr: `^konzept: „OTHER/datei/konzept\.pdf“ kann nicht geschrieben werden: „OTHER/datei“ ist kein Ordner, sondern eine Datei\n$`,
		},
		{
			name:   "no measures",
			files:  yaml(hostileBase),
			exit:   0,
			stderr: `^\S+konzept\.pdf geschrieben\n$`,
			pdf:    true,
		},
	}
}

// runHostile runs one case: konzept build DIR ARGS in a fresh folder.
func runHostile(t *testing.T, bin string, tt hostileCase) {
	root := t.TempDir()
	dir, other, outDir := filepath.Join(root, "konzept"), filepath.Join(root, "anderswo"), filepath.Join(root, "ausgabe")
	for _, d := range []string{dir, other, outDir} {
		must(t, os.MkdirAll(d, 0o755))
	}
	tt.files(t, dir, other)
	out := filepath.Join(outDir, "konzept.pdf")
	args := []string{"build", dir}
	if tt.args == nil {
		args = append(args, "-o", out)
	}
	for _, a := range tt.args {
		args = append(args, strings.NewReplacer("DIR", dir, "OTHER", other).Replace(a))
	}
	before := snapshot(t, dir, other)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("konzept: %v", err)
	}
	if ctx.Err() != nil {
		t.Fatalf("killed after %v", elapsed)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
	msg := stderr.String()
	first, _, _ := strings.Cut(msg, "\n")
	t.Logf("exit %d, %d MiB, %v: %s", cmd.ProcessState.ExitCode(), rss>>10, elapsed.Round(time.Millisecond), first)

	if got := cmd.ProcessState.ExitCode(); got != tt.exit {
		t.Errorf("exit status %d, want %d; stderr:\n%s", got, tt.exit, msg)
	}
	want := strings.NewReplacer("DIR", regexp.QuoteMeta(dir), "OTHER", regexp.QuoteMeta(other)).Replace(tt.stderr)
	if !regexp.MustCompile(want).MatchString(msg) {
		t.Errorf("stderr does not match %s:\n%s", want, msg)
	}
	if m := regexp.MustCompile(`(?m)^(: )?(fehler|warnung): .*`).FindString(msg); m != "" {
		t.Errorf("a problem without its place: %s", m)
	}
	if strings.Contains(msg, "root:") {
		t.Errorf("stderr shows a file from outside the folder:\n%s", msg)
	}
	if rss > maxRSS {
		t.Errorf("took %d MiB of memory, want at most %d MiB", rss>>10, maxRSS>>10)
	}
	if _, err := os.Stat(out); tt.pdf != (err == nil) {
		t.Errorf("PDF written: %v, want %v", err == nil, tt.pdf)
	}
	for _, d := range []string{outDir, other} {
		tmp, _ := filepath.Glob(filepath.Join(d, ".konzept-*"))
		if len(tmp) > 0 {
			t.Errorf("temporary files left: %q", tmp)
		}
	}
	if after := snapshot(t, dir, other); !equal(before, after) {
		t.Errorf("input files changed:\nbefore %v\nafter  %v", before, after)
	}
}

// buildKonzept builds the command into a temporary folder.
func buildKonzept(t *testing.T) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build konzept with")
	}
	bin := filepath.Join(t.TempDir(), "konzept")
	if out, err := exec.Command(goCmd, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// snapshot returns every file, folder and link under the folders with its
// type and a hash of its content (links are not followed).
func snapshot(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch {
			case d.Type()&fs.ModeSymlink != 0:
				target, err := os.Readlink(p)
				files[p] = "link " + target
				return err
			case d.IsDir():
				files[p] = "folder"
				return nil
			}
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err != nil {
				return err
			}
			files[p] = string(h.Sum(nil))
			return nil
		})
		must(t, err)
	}
	return files
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// write writes the file name of folder dir with w, through a buffer.
func write(t *testing.T, dir, name string, w func(io.Writer)) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	must(t, os.MkdirAll(filepath.Dir(p), 0o755))
	f, err := os.Create(p)
	must(t, err)
	bw := bufio.NewWriterSize(f, 1<<20)
	w(bw)
	must(t, bw.Flush())
	must(t, f.Close())
}

// yaml returns a files function writing konzept.yaml as src.
func yaml(src string) func(*testing.T, string, string) {
	return func(t *testing.T, dir, _ string) {
		write(t, dir, "konzept.yaml", func(w io.Writer) { io.WriteString(w, src) })
	}
}

// survey returns a files function writing the concept with a survey whose
// responses are csv.
func survey(csv string) func(*testing.T, string, string) {
	return func(t *testing.T, dir, _ string) {
		yaml(hostileBase+hostileBefragung)(t, dir, "")
		write(t, dir, "befragung/antworten.csv", func(w io.Writer) { io.WriteString(w, csv) })
	}
}

// workbook returns a files function writing the concept with the workbook
// workshops/w.xlsx, whose sheet Maßnahmen has the sheetData sheet writes.
func workbook(sheet func(io.Writer)) func(*testing.T, string, string) {
	return func(t *testing.T, dir, _ string) {
		yaml(hostileBase+hostileWorkbook)(t, dir, "")
		data, err := testgen.XLSX([]string{"Maßnahmen"}, []func(io.Writer){sheet}, nil)
		must(t, err)
		write(t, dir, "workshops/w.xlsx", func(w io.Writer) { w.Write(data) })
	}
}

// workbookHeader is the header row of the sheet Maßnahmen of the cases:
// Handlungsfeld, Ziel-Nr, Maßnahme-Nr, Maßnahme, Federführung in A to E.
const workbookHeader = `<row r="1"><c r="A1" t="inlineStr"><is><t>Handlungsfeld</t></is></c><c r="B1" t="inlineStr"><is><t>Ziel-Nr</t></is></c><c r="C1" t="inlineStr"><is><t>Maßnahme-Nr</t></is></c><c r="D1" t="inlineStr"><is><t>Maßnahme</t></is></c><c r="E1" t="inlineStr"><is><t>Federführung</t></is></c></row>`

// workbookRow is a measure of goal SP-1 led by kmt in row r; titel is
// written into the XML as it is.
func workbookRow(r int, nr, titel string) string {
	n := strconv.Itoa(r)
	cell := func(col, v string) string {
		return `<c r="` + col + n + `" t="inlineStr"><is><t>` + v + `</t></is></c>`
	}
	return `<row r="` + n + `">` + cell("A", "sprache") + cell("B", "SP-1") + cell("C", nr) + cell("D", titel) + cell("E", "kmt") + `</row>`
}

// repeat returns n copies of s separated by ", ".
func repeat(s string, n int) string {
	return strings.TrimSuffix(strings.Repeat(s+", ", n), ", ")
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(link), 0o755))
	must(t, os.Symlink(target, link))
}
