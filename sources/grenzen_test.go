package sources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/landkreis/konzept/schema"
)

// TestInside checks which symbolic links a concept folder may hold: those
// that stay in it, not those that lead out, however indirectly.
func TestInside(t *testing.T) {
	root := t.TempDir()
	dir, outside := filepath.Join(root, "konzept"), filepath.Join(root, "anderswo")
	for _, d := range []string{filepath.Join(dir, "a", "b"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"a/b/innen.yaml":  "../../ziel.yaml",           // stays inside
		"a/b/ordner":      "..",                        // a folder inside
		"a/absolut.yaml":  filepath.Join(outside, "x"), // an absolute path
		"a/hinaus.yaml":   "../../anderswo/x",          // up and out
		"a/ueber.yaml":    "b/ordner/../../../anderswo/x",
		"a/kette.yaml":    "b/innen.yaml",          // a link to a link inside
		"a/kette-raus":    "hinaus.yaml",           // a link to a link that leads out
		"raus":            filepath.Join(outside),  // a folder outside
		"a/schleife.yaml": "schleife.yaml",         // a loop
		"a/fehlt.yaml":    "gibt-es-nicht.yaml",    // a dangling link, inside
		"a/b/tief":        "../../a/b/../b/ordner", // back and forth, inside
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	for name, want := range map[string]bool{
		"konzept.yaml":       true, // no link on the way, whether it exists or not
		"a/b/innen.yaml":     true,
		"a/b/ordner/x.yaml":  true,
		"a/kette.yaml":       true,
		"a/fehlt.yaml":       true,
		"a/b/tief/b/x":       true,
		"a/absolut.yaml":     false,
		"a/hinaus.yaml":      false,
		"a/ueber.yaml":       false,
		"a/kette-raus":       false,
		"raus/x.yaml":        false,
		"a/schleife.yaml":    false,
		"a/b/ordner/../../x": false, // as the system resolves it: ordner is a, a/.. the folder, and .. above it
	} {
		if got := inside(fsys, name) == nil; got != want {
			t.Errorf("inside(%q) = %v, want %v", name, got, want)
		}
	}
	// A file system without links has none to follow.
	if err := inside(fstest.MapFS{}, "a/hinaus.yaml"); err != nil {
		t.Errorf("MapFS: %v", err)
	}
}

func TestYAMLLimits(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"too many entries", "quellen: [" + strings.Repeat("a,", maxYAMLEintraege) + "a]\n",
			"k.yaml: fehler: die Datei ist zu umfangreich: mehr als 500.000 Einträge (Schlüssel, Listeneinträge, Werte)"},
		{"text too long", "vorwort:\n  text: " + strings.Repeat("ä", maxTextZeichen+1) + "\n",
			"k.yaml:2:9: fehler: der Text in `text` ist mit 32.768 Zeichen zu lang: höchstens 32.767"},
		{"control characters", "vorwort: {autor: \"\\x01\\x1b\\x01\", text: \"a\\u0085b\\0\"}\n",
			"k.yaml:1:18: fehler: der Text in `autor` enthält das Steuerzeichen U+0001, das nicht gedruckt werden kann – bitte entfernen\n" +
				"k.yaml:1:18: fehler: der Text in `autor` enthält das Steuerzeichen U+001B (Escape), das nicht gedruckt werden kann – bitte entfernen\n" +
				"k.yaml:1:40: fehler: der Text in `text` enthält das Steuerzeichen U+0085, das nicht gedruckt werden kann – bitte entfernen\n" +
				"k.yaml:1:40: fehler: der Text in `text` enthält das Steuerzeichen U+0000 (NUL), das nicht gedruckt werden kann – bitte entfernen"},
		{"control character in the file", "konzept:\n  titel: ab\x7fc\n",
			"k.yaml:2:12: fehler: hier steht das Steuerzeichen U+007F, das in einer YAML-Datei nicht stehen darf – ist die Datei eine Textdatei in UTF-8?"},
		{"a long value quoted short", "konzept: " + strings.Repeat("x", 200) + "\n",
			"k.yaml:1:10: fehler: `konzept` erwartet eine Zuordnung (Schlüssel: Wert), nicht „" + strings.Repeat("x", 79) + "…“"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := new(schema.Konzept)
			ps := decodeYAML("k.yaml", []byte(tt.src), k)
			var got []string
			for _, p := range ps {
				got = append(got, p.Format("de"))
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
	// Control characters are taken out of the text.
	k := new(schema.Konzept)
	decodeYAML("k.yaml", []byte("vorwort: {autor: \"A\\0B\"}\n"), k)
	if k.Vorwort == nil || k.Vorwort.Autor != "AB" {
		t.Errorf("Autor %+v", k.Vorwort)
	}
}

func TestReadYAMLTooLarge(t *testing.T) {
	fsys := fstest.MapFS{KonzeptDatei: {Data: make([]byte, maxYAMLBytes+1)}}
	_, ps, err := Read(fsys)
	if err != nil || len(ps) != 1 || ps[0].Format("de") != "konzept.yaml: fehler: die Datei ist mit 8 MiB zu groß: höchstens 8 MiB" {
		t.Errorf("Read: %v, %v", ps, err)
	}
}

func TestPruefeCSV(t *testing.T) {
	tests := []struct {
		name, data string
		utf8       bool
		want       string
	}{
		{"utf-8", "f1\nä\n", true, ""},
		{"windows-1252", "f1\n\xe4\xf6\xfc\n\xdf\x93\n", false, ""},
		{"utf-8 with a byte of windows-1252", "f1\nä\nö\n\xfc\n", false, "a.csv:4: fehler: die CSV-Datei kann ab hier nicht gelesen werden: die Datei ist in UTF-8 gespeichert, hier steht aber ein Zeichen in einer anderen Kodierung (etwa ein Umlaut aus Windows-1252) – bitte die ganze Datei als „CSV UTF-8“ speichern"},
		{"utf-16", "\xff\xfef\x001\x00\n\x00", false, "a.csv:1: fehler: die CSV-Datei kann ab hier nicht gelesen werden: hier steht ein NUL-Byte (Zeichen 0): die Datei ist keine Textdatei, oder sie ist in UTF-16 („Unicode-Text“) gespeichert – bitte als „CSV UTF-8“ speichern"},
		{"quote never closed", "f1\n\"" + strings.Repeat("a\n", maxCSVDatensatz/2+1), false, "a.csv:2: fehler: die CSV-Datei kann ab hier nicht gelesen werden: der Datensatz ab hier ist länger als 4 MiB – ist ein Anführungszeichen `\"` nicht geschlossen?"},
		{"long records that are each short enough", strings.Repeat(strings.Repeat("a", 1<<20)+"\n", 5), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := pruefeCSV(fstest.MapFS{"a.csv": {Data: []byte(tt.data)}}, "a.csv")
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if k.problem != nil {
				got = k.problem.Format("de")
			} else if k.utf8 != tt.utf8 {
				t.Errorf("utf8 = %v, want %v", k.utf8, tt.utf8)
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestControlErrorZeichen checks which characters controlError refuses,
// and where it finds them, against the rule written out rune by rune.
func TestControlErrorZeichen(t *testing.T) {
	refused := func(r rune) bool {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
			return false
		case r < 0x20, r >= 0x7f && r < 0xa0, r == 0xfffe, r == 0xffff:
			return true
		}
		return false
	}
	for r := rune(0); r < 0x11000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue // not UTF-8
		}
		p := controlError("k.yaml", []byte("äb\n"+string(r)+"c"))
		if got := p != nil; got != refused(r) {
			t.Fatalf("U+%04X: refused %v, want %v", r, got, refused(r))
		}
		if p != nil && (p.Pos.Line != 2 || p.Pos.Column != 1) {
			t.Fatalf("U+%04X: at %d:%d, want 2:1", r, p.Pos.Line, p.Pos.Column)
		}
	}
}
