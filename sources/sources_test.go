package sources_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

const konzept = `konzept:
  titel: Integrationskonzept
  traeger: Landkreis Musterland
  fassung: Fortschreibung 2025
  stand: 2025-09-01
leitbild:
  grundsaetze: [{titel: Teilhabe}]
akteure:
  - {id: kmt, name: KMT, art: verwaltung}
handlungsfelder:
  - id: sprache
    titel: Sprache
    ziele:
      - id: SP-1
        titel: Ziel
        massnahmen:
          - id: SP-1.1
            titel: Maßnahme
            federfuehrung: kmt
            partner: [kmt, vhs]
`

func folder(files ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(files); i += 2 {
		fsys[files[i]] = &fstest.MapFile{Data: []byte(files[i+1])}
	}
	return fsys
}

func read(t *testing.T, fsys fstest.MapFS) (*sources.Sources, []string) {
	t.Helper()
	s, ps, err := sources.Read(fsys)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.Format("de"))
	}
	return s, lines
}

func fragment(ziel string) string {
	return "handlungsfelder:\n  - id: sprache\n    ziele:\n      - {id: " + ziel + ", titel: Ziel}\n"
}

func TestReadOhneKonzept(t *testing.T) {
	if _, _, err := sources.Read(folder("konzept.yml", konzept)); !errors.Is(err, sources.ErrNoConcept) {
		t.Errorf("err = %v, want ErrNoConcept", err)
	}
}

func TestReadQuellenReihenfolge(t *testing.T) {
	// Sources are read in the order listed; a glob expands sorted; a file
	// matched twice, and konzept.yaml itself, are read once.
	fsys := folder(
		"konzept.yaml", konzept+"quellen:\n  - handlungsfelder/zuwanderung.yaml\n  - handlungsfelder/*.yaml\n  - \"*.yaml\"\n",
		"handlungsfelder/zuwanderung.yaml", fragment("ZU-1"),
		"handlungsfelder/bildung.yaml", fragment("BI-1"),
		"handlungsfelder/arbeit.yml", fragment("AR-1"), // not matched by *.yaml
		"handlungsfelder/arbeit.yaml", fragment("AR-2"),
		"anhang.yaml", fragment("AN-1"),
	)
	s, problems := read(t, fsys)
	if len(problems) > 0 {
		t.Fatalf("problems: %q", problems)
	}
	var got []string
	for _, f := range s.Fragmente {
		got = append(got, f.Pos.File+" "+f.Handlungsfelder[0].Ziele[0].ID)
	}
	want := []string{
		"handlungsfelder/zuwanderung.yaml ZU-1",
		"handlungsfelder/arbeit.yaml AR-2",
		"handlungsfelder/bildung.yaml BI-1",
		"anhang.yaml AN-1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("fragments read:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadPositionen(t *testing.T) {
	s, problems := read(t, folder("konzept.yaml", konzept))
	if len(problems) > 0 {
		t.Fatalf("problems: %q", problems)
	}
	k := s.Konzept
	m := &k.Handlungsfelder[0].Ziele[0].Massnahmen[0]
	tests := []struct {
		what string
		pos  schema.Pos
		want string
	}{
		{"document", k.Pos, "konzept.yaml:1:1"},
		{"konzept block", k.Konzept.Pos, "konzept.yaml:2:3"},
		{"stand", k.Konzept.At("stand"), "konzept.yaml:5:10"},
		{"flow item", k.Leitbild.Grundsaetze[0].Pos, "konzept.yaml:7:17"},
		{"actor id", k.Akteure[0].At("id"), "konzept.yaml:9:10"},
		{"measure", m.Pos, "konzept.yaml:17:13"},
		{"measure id", m.At("id"), "konzept.yaml:17:17"},
		{"federfuehrung", m.At("federfuehrung"), "konzept.yaml:19:28"},
		{"partner list", m.At("partner"), "konzept.yaml:20:22"},
		{"second partner", m.At("partner[1]"), "konzept.yaml:20:28"},
		{"key not written", m.At("kosten"), "konzept.yaml:17:13"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%s at %s, want %s", tt.what, got, tt.want)
		}
	}
	if m.Has("kosten") || !m.Has("partner[1]") {
		t.Errorf("Has: kosten %v, partner[1] %v", m.Has("kosten"), m.Has("partner[1]"))
	}
}

func TestReadZeilenenden(t *testing.T) {
	// Files saved on Windows (CRLF, UTF-8 with BOM) read like any other.
	crlf := strings.ReplaceAll(konzept, "\n", "\r\n")
	for name, src := range map[string]string{"CRLF": crlf, "BOM": "\uFEFF" + konzept, "BOM+CRLF": "\uFEFF" + crlf} {
		t.Run(name, func(t *testing.T) {
			s, problems := read(t, folder("konzept.yaml", src))
			if len(problems) > 0 {
				t.Fatalf("problems: %q", problems)
			}
			m := s.Konzept.Handlungsfelder[0].Ziele[0].Massnahmen[0]
			if m.Titel != "Maßnahme" || m.At("federfuehrung").String() != "konzept.yaml:19:28" {
				t.Errorf("measure %q at %s", m.Titel, m.At("federfuehrung"))
			}
		})
	}
}

func TestReadSyntaxfehlerZeile(t *testing.T) {
	// The YAML parser leaves out the line of errors in the first line and
	// counts some from 0; the problem names the line where the error is.
	tests := []struct {
		name string
		src  string
		line int
	}{
		{"Doppelpunkt in Zeile 1", "konzept: Titel: x\n", 1},
		{"Doppelpunkt in Zeile 3", "konzept:\n  titel: a\n  fassung: Fortschreibung: 2025\n", 3},
		{"Einrückung zu tief", "konzept:\n  titel: a\n    fassung: b\n", 3},
		{"Einrückung zu flach", "konzept:\n  titel: a\n fassung: b\n", 3},
		{"Tabulator", "konzept:\n  titel: a\n\tfassung: b\n", 3},
		{"Tabulator nach mehrzeiligem Text", "konzept:\n  titel: a\n  fassung: b\n\tstand: c\n", 4},
		{"Liste nicht geschlossen", "konzept:\n  titel: a\nakteure: [kmt, vhs\nleitbild: x\n", 3},
		{"Liste nicht geschlossen am Ende", "konzept:\n  titel: a\nakteure: [kmt, vhs\n", 3},
		{"Zuordnung nicht geschlossen", "konzept:\n  titel: a\nakteure:\n  - {id: kmt, name: KMT\n", 4},
		{"Listeneintrag falsch eingerückt", "handlungsfelder:\n  - id: a\n  titel: b\n", 3},
		{"Listeneintrag falsch eingerückt weiter unten", "handlungsfelder:\n  - id: a\n    titel: b\n\n  # Kommentar\n  - id: c\n    ziele:\n      - id: Z-1\n      titel: z\n", 9},
		{"Escape in doppelten Anführungszeichen", "konzept:\n  logo: \"C:\\bilder\\wappen.png\"\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps, err := sources.Read(folder("konzept.yaml", tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 1 || ps[0].Code != schema.CodeSyntax {
				t.Fatalf("problems %v, want one syntax error", ps)
			}
			if ps[0].Pos.Line != tt.line {
				t.Errorf("line %d, want %d: %s", ps[0].Pos.Line, tt.line, ps[0])
			}
		})
	}
}

func TestReadLogo(t *testing.T) {
	var png16, jpg bytes.Buffer
	img := image.NewRGBA64(image.Rect(0, 0, 3, 2))
	img.Set(1, 1, color.RGBA64{R: 0xffff, A: 0xffff})
	if err := png.Encode(&png16, img); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&jpg, image.NewGray(image.Rect(0, 0, 2, 2)), nil); err != nil {
		t.Fatal(err)
	}
	logo := func(path string) string {
		return strings.Replace(konzept, "  stand: 2025-09-01\n", "  stand: 2025-09-01\n  logo: "+path+"\n", 1)
	}

	s, problems := read(t, folder("konzept.yaml", logo("./bilder/wappen.png"), "bilder/wappen.png", png16.String()))
	if len(problems) > 0 {
		t.Fatalf("problems: %q", problems)
	}
	if s.Logo == nil || s.Logo.Type != "PNG" || s.Logo.Path != "bilder/wappen.png" {
		t.Fatalf("Logo = %+v", s.Logo)
	}
	if !bytes.Equal(s.Logo.Data, png16.Bytes()) {
		t.Errorf("PNG logo changed, want the file as it is")
	}

	s, problems = read(t, folder("konzept.yaml", logo("bilder/wappen.jpg"), "bilder/wappen.jpg", jpg.String()))
	if len(problems) > 0 {
		t.Fatalf("problems: %q", problems)
	}
	if s.Logo == nil || s.Logo.Type != "JPG" || !bytes.Equal(s.Logo.Data, jpg.Bytes()) {
		t.Errorf("JPEG logo = %+v, want the file as it is", s.Logo)
	}

	// A GIF is an image, but not one the PDF takes.
	s, problems = read(t, folder("konzept.yaml", logo("bilder/wappen.gif"), "bilder/wappen.gif", "GIF89a\x01\x00\x01\x00\x00\x00\x00;"))
	want := "konzept.yaml:6:9: fehler: „bilder/wappen.gif“ ist kein PNG- oder JPEG-Bild"
	if s.Logo != nil || len(problems) != 1 || problems[0] != want {
		t.Errorf("GIF logo: %v, problems %q, want %q", s.Logo, problems, want)
	}

	// A small file may announce an image too large to decode.
	s, problems = read(t, folder("konzept.yaml", logo("bilder/riesig.png"), "bilder/riesig.png", string(pngHeader(20_000, 20_000))))
	want = "konzept.yaml:6:9: fehler: „bilder/riesig.png“ hat 20000 × 20000 Pixel, mehr als 20 Millionen: bitte das Bild verkleinern"
	if s.Logo != nil || len(problems) != 1 || problems[0] != want {
		t.Errorf("huge logo: %v, problems %q, want %q", s.Logo, problems, want)
	}

	// A folder is not a file.
	_, problems = read(t, folder("konzept.yaml", logo("bilder"), "bilder/wappen.png", png16.String()))
	want = "konzept.yaml:6:9: fehler: Datei „bilder“ nicht gefunden"
	if len(problems) != 1 || problems[0] != want {
		t.Errorf("folder as logo: problems %q, want %q", problems, want)
	}
}

// pngHeader returns the start of a PNG file of w × h pixels (8-bit RGB):
// its signature and header chunk, without image data.
func pngHeader(w, h uint32) []byte {
	chunk := binary.BigEndian.AppendUint32([]byte("IHDR"), w)
	chunk = binary.BigEndian.AppendUint32(chunk, h)
	chunk = append(chunk, 8, 2, 0, 0, 0)
	b := binary.BigEndian.AppendUint32([]byte("\x89PNG\r\n\x1a\n"), 13)
	b = append(b, chunk...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(chunk))
}

// TestAliasBomb checks that a file whose aliases expand to millions of
// values ("billion laughs") is rejected with a problem, without building them.
func TestAliasBomb(t *testing.T) {
	list := func(item string) string { return "[" + strings.Repeat(item+", ", 49) + item + "]" }
	src := "m: &m {id: M, titel: T, federfuehrung: x, partner: " + list("a") + "}\n" +
		"z: &z {id: Z, titel: T, massnahmen: " + list("*m") + "}\n" +
		"f: &f {id: f, titel: T, ziele: " + list("*z") + "}\n" +
		"handlungsfelder: " + list("*f") + "\n"
	_, ps, err := sources.Read(fstest.MapFS{"konzept.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range ps {
		if strings.Contains(p.Message("de"), "Alias-Verweise") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("want one problem about aliases, got %d among %d problems", n, len(ps))
	}
}
