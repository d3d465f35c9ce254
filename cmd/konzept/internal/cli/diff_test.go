package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The flag -update rewrites the golden files of the diff
// (go test ./cmd/konzept/internal/cli -run TestDiffGolden -update). It is
// registered only if no other test file of the package has done so.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func diffUpdating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestDiffGolden compares the two revisions of the example, the committed
// previous one (beispiel/vorfassung) and the embedded current one
// (beispiel/konzept), in every format.
func TestDiffGolden(t *testing.T) {
	alt := filepath.Join("..", "..", "..", "..", "beispiel", "vorfassung")
	neu := filepath.Join("..", "..", "..", "..", "beispiel", "konzept")
	tests := []struct {
		golden string
		args   []string
	}{
		{"beispiel.txt", nil},
		{"beispiel-en.txt", []string{"--lang", "en"}},
		{"beispiel.md", []string{"--format", "markdown"}},
		{"beispiel-en.md", []string{"--format", "markdown", "--lang", "en"}},
		{"beispiel.json", []string{"--format", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := append([]string{"diff", alt, neu}, tt.args...)
			if code := Execute("test", args, Streams{Out: &out, ErrOut: &errOut}); code != 0 {
				t.Fatalf("exit status %d; stderr:\n%s", code, errOut.String())
			}
			if errOut.Len() > 0 {
				t.Errorf("stderr = %q, want nothing: both revisions are valid", errOut.String())
			}
			if strings.HasSuffix(tt.golden, ".json") {
				var v map[string]any
				if err := json.Unmarshal(out.Bytes(), &v); err != nil {
					t.Fatalf("output is not JSON: %v", err)
				}
				if v["unterschiede"] != true {
					t.Errorf("unterschiede = %v, want true", v["unterschiede"])
				}
			}
			diffGolden(t, filepath.Join("testdata", "diff", tt.golden), out.Bytes())
		})
	}
}

// diffGolden compares got with the file name, or rewrites the file with -update.
func diffGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	if diffUpdating() {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (go test -run %s -update writes it)", err, t.Name())
	}
	norm := func(b []byte) string { return strings.ReplaceAll(string(b), "\r\n", "\n") }
	if norm(got) != norm(want) {
		t.Errorf("output differs from %s (go test ./cmd/konzept/internal/cli -run TestDiffGolden -update rewrites it):\ngot:\n%s", name, got)
	}
}

func TestDiffUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"one folder", []string{"diff", dir}, 2, "konzept: zwei Ordner erwartet (ALT_ORDNER NEU_ORDNER), nicht 1\n"},
		{"three folders", []string{"diff", dir, dir, dir}, 2, "nicht 3"},
		{"bad format", []string{"diff", dir, dir, "--format", "html"}, 2, "erlaubt: text, markdown, json"},
		{"missing folder", []string{"diff", filepath.Join(dir, "fehlt"), dir}, 2, "nicht gefunden"},
		{"no concept", []string{"diff", dir, dir}, 2, "kein Konzeptordner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Execute("test", tt.args, Streams{Out: &out, ErrOut: &errOut})
			if code != tt.wantCode || !strings.Contains(errOut.String(), tt.wantErr) || out.Len() > 0 {
				t.Errorf("exit status %d, stdout %q, stderr:\n%s\nwant %d and stderr containing %q", code, out.String(), errOut.String(), tt.wantCode, tt.wantErr)
			}
		})
	}
}
