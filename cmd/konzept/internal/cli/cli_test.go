package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

func TestExitCode(t *testing.T) {
	problem := schema.Errorf(schema.Pos{File: "konzept.yaml", Line: 3, Column: 5}, schema.CodeRequired, "titel")
	warning := schema.Warnf(schema.Pos{File: "konzept.yaml"}, schema.CodeGlobEmpty, "x/*.yaml")
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"ok", nil, 0},
		{"problems", schema.Problems{problem}.Err(false), 1},
		{"one problem", problem, 1},
		{"warnings with --strict", schema.Problems{warning}.Err(true), 1},
		{"wrapped problems", fmt.Errorf("build: %w", schema.Problems{problem}), 1},
		{"renderer failed", errors.New("PDF kann nicht erzeugt werden: zu groß"), 1},
		{"bad flag", &usageError{err: errors.New("unknown flag: --x"), usage: true}, 2},
		{"bad SOURCE_DATE_EPOCH", &usageError{err: errors.New("SOURCE_DATE_EPOCH")}, 2},
		{"no concept folder", sources.ErrNoConcept, 2},
		{"no concept folder, explained", noConcept(sources.ErrNoConcept, "x", "de"), 2},
		{"output not writable", cannotWrite("out.pdf", os.ErrPermission), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

func TestExecuteStreams(t *testing.T) {
	tests := []struct {
		name              string
		args              []string
		wantCode          int
		wantOut, wantErr  string // substrings; "" means the stream must be empty
		wantUsageInErrOut bool
	}{
		{"version", []string{"version"}, 0, "konzept 1.2.3\n", "", false},
		{"schema", []string{"schema"}, 0, `"$schema"`, "", false},
		{"help", []string{"--help"}, 0, "Befehle:", "", false},
		{"bad flag", []string{"validate", "--gibtsnicht"}, 2, "", "konzept: unknown flag: --gibtsnicht\n", true},
		{"bad format", []string{"build", "--format", "xml"}, 2, "", `invalid argument "xml" for "--format"`, true},
		{"unknown command", []string{"bauen"}, 2, "", `unknown command "bauen"`, true},
		{"no concept", []string{"validate", t.TempDir()}, 2, "", "kein Konzeptordner", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Execute("1.2.3", tt.args, Streams{Out: &out, ErrOut: &errOut})
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.wantCode, errOut.String())
			}
			check := func(stream, got, want string) {
				if want == "" && got != "" || !strings.Contains(got, want) {
					t.Errorf("%s = %q, want it to contain %q", stream, got, want)
				}
			}
			check("stdout", out.String(), tt.wantOut)
			check("stderr", errOut.String(), tt.wantErr)
			if got := strings.Contains(errOut.String(), "Aufruf:"); got != tt.wantUsageInErrOut {
				t.Errorf("usage printed: %v, want %v", got, tt.wantUsageInErrOut)
			}
		})
	}
}

func TestGithubAnnotation(t *testing.T) {
	tests := []struct {
		name string
		p    *schema.Problem
		file string
		want string
	}{
		{"line and column",
			schema.Errorf(schema.Pos{File: "konzept.yaml", Line: 42, Column: 7}, schema.CodeRequired, "titel"),
			"k/konzept.yaml", "::error file=k/konzept.yaml,line=42,col=7::Pflichtangabe `titel` fehlt"},
		{"warning, line only",
			schema.Warnf(schema.Pos{File: "befragung/a.csv", Line: 118}, schema.CodeGlobEmpty, "x"),
			"befragung/a.csv", "::warning file=befragung/a.csv,line=118::„x“ passt auf keine Datei"},
		{"workbook cell",
			schema.Errorf(schema.Pos{File: "w.xlsx", Sheet: "Maßnahmen", Cell: "G14"}, schema.CodeRequired, "Maßnahme"),
			"w.xlsx", "::error file=w.xlsx::Maßnahmen!G14: Pflichtangabe `Maßnahme` fehlt"},
		{"escaping",
			schema.Errorf(schema.Pos{File: "a", Line: 1}, schema.CodeSyntax, "100% falsch\r\nzweite Zeile"),
			"a,b:c%d/konzept.yaml", "::error file=a%2Cb%3Ac%25d/konzept.yaml,line=1::YAML-Syntaxfehler: 100%25 falsch%0D%0Azweite Zeile"},
		{"no file", schema.Errorf(schema.Pos{}, schema.CodeEmpty), "", "::error::die Datei ist leer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := githubAnnotation(tt.p, "de", tt.file); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	e := schema.Errorf(schema.Pos{}, schema.CodeEmpty)
	w := schema.Warnf(schema.Pos{}, schema.CodeEmpty)
	tests := []struct {
		name, lang string
		ps         schema.Problems
		want       string
	}{
		{"none", "de", nil, ""},
		{"de", "de", schema.Problems{e, e, w}, "2 Fehler, 1 Warnung"},
		{"de plural", "de", schema.Problems{e, w, w}, "1 Fehler, 2 Warnungen"},
		{"en", "en", schema.Problems{e, w, w}, "1 error, 2 warnings"},
		{"en warnings only", "en", schema.Problems{w}, "1 warning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(tt.lang, tt.ps); got != tt.want {
				t.Errorf("summary = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSourceDateEpoch(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    time.Time
		wantErr bool
	}{
		{"unset", nil, time.Time{}, false},
		{"empty", map[string]string{"SOURCE_DATE_EPOCH": ""}, time.Time{}, false},
		{"seconds", map[string]string{"SOURCE_DATE_EPOCH": "1756684800"}, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), false},
		{"not a number", map[string]string{"SOURCE_DATE_EPOCH": "2025-09-01"}, time.Time{}, true},
		{"negative", map[string]string{"SOURCE_DATE_EPOCH": "-1"}, time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sourceDateEpoch(func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok })
			if (err != nil) != tt.wantErr || !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("sourceDateEpoch = %v, %v; want %v, error %v", got, err, tt.want, tt.wantErr)
			}
			if err != nil && exitCode(err) != exitUsage {
				t.Errorf("exit status %d, want %d", exitCode(err), exitUsage)
			}
		})
	}
}

func TestWriteFileAtomic(t *testing.T) {
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	failing := func(w io.Writer) error {
		io.WriteString(w, "halb")
		return errors.New("kaputt")
	}
	tests := []struct {
		name     string
		existing string // "" for none
		write    func(io.Writer) error
		want     string // the file afterwards
		wantCode int    // exit status of the error; 0 for none
	}{
		{"new", "", write("neu"), "neu", 0},
		{"replace", "alt", write("neu"), "neu", 0},
		{"render fails, no file", "", failing, "", 1},
		{"render fails, old file stays", "alt", failing, "alt", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "out.pdf")
			if tt.existing != "" {
				if err := os.WriteFile(name, []byte(tt.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			err := writeFileAtomic(name, tt.write)
			if got := exitCode(err); got != tt.wantCode {
				t.Errorf("error %v: exit status %d, want %d", err, got, tt.wantCode)
			}
			data, rerr := os.ReadFile(name)
			if got := string(data); got != tt.want || (tt.want == "") != os.IsNotExist(rerr) {
				t.Errorf("file = %q (%v), want %q", got, rerr, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) > 1 || (len(entries) == 1 && entries[0].Name() != "out.pdf") {
				t.Errorf("files left in the folder: %v", entries)
			}
			if tt.existing != "" && err == nil {
				if st, _ := os.Stat(name); st.Mode().Perm() != 0o600 {
					t.Errorf("mode %v, want the old file's 0600", st.Mode().Perm())
				}
			}
		})
	}
}
