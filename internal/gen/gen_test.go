package gen_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/internal/gen"
	"github.com/landkreis/konzept/output"
)

func mapFS(t testing.TB, scale int) fstest.MapFS {
	t.Helper()
	files, err := gen.Files(scale)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

// TestValid checks that the generated concepts load without a single
// problem, and have the size they promise, spread over every kind of source.
func TestValid(t *testing.T) {
	for _, scale := range []int{1, 10} {
		t.Run(fmt.Sprintf("scale%d", scale), func(t *testing.T) {
			k, ps, err := assemble.Load(mapFS(t, scale))
			if err != nil {
				t.Fatal(err)
			}
			ps.Add(output.CheckGlyphs(k)...)
			for _, p := range ps {
				t.Errorf("%s", p)
			}
			ziele, massnahmen := 0, 0
			for _, f := range k.Handlungsfelder {
				ziele += len(f.Ziele)
				for _, z := range f.Ziele {
					massnahmen += len(z.Massnahmen)
				}
			}
			if len(k.Handlungsfelder) != gen.Felder || ziele != gen.ZieleJeMassstab*scale || massnahmen != gen.MassnahmenJeMassstab*scale {
				t.Errorf("%d fields, %d goals, %d measures; want %d, %d, %d", len(k.Handlungsfelder), ziele, massnahmen,
					gen.Felder, gen.ZieleJeMassstab*scale, gen.MassnahmenJeMassstab*scale)
			}
			if len(k.Umfragen) != 1 || k.Umfragen[0].Antworten != gen.AntwortenJeMassstab*scale {
				t.Errorf("surveys = %+v; want one with %d responses", k.Umfragen, gen.AntwortenJeMassstab*scale)
			}
			// Measures come from konzept.yaml, the fragments and every workbook.
			perKind := map[string]int{}
			for _, q := range k.Quellen {
				kind := q.Datei
				if len(kind) > 9 && kind[:9] == "workshops" {
					perKind[kind] += len(q.Massnahmen)
					kind = "workbooks"
				} else if kind != "konzept.yaml" {
					kind = "fragments"
				}
				perKind["all "+kind] += len(q.Massnahmen)
			}
			for _, kind := range []string{"all konzept.yaml", "all fragments", "all workbooks"} {
				if perKind[kind] < massnahmen/5 {
					t.Errorf("%s supply %d measures; want at least %d (%v)", kind, perKind[kind], massnahmen/5, perKind)
				}
			}
			if n := len(perKind) - 3; n != gen.Arbeitsmappen {
				t.Errorf("measures from %d workbooks; want %d (%v)", n, gen.Arbeitsmappen, perKind)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	a, err := gen.Files(1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := gen.Files(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Write(dir, 1); err != nil {
		t.Fatal(err)
	}
	files, err := gen.Files(1)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: written %d bytes (%v); want %d", name, len(got), err, len(data))
		}
	}
	if _, err := gen.Files(0); err == nil {
		t.Error("Files(0): no error")
	}
}
