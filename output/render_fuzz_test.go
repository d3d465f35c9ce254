package output_test

import (
	"bytes"
	"io/fs"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/beispiel"
	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
)

// FuzzRender runs a konzept.yaml, in the example's folder, through Load
// and renders it if build would: rendering must not panic and must give a
// PDF or an error, whatever the values of a valid concept (amounts, dates,
// scales, texts). A render takes tens of milliseconds, so `make fuzz` tries
// a few hundred inputs; most mutations are invalid and end in Load.
func FuzzRender(f *testing.F) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(beispiel.FS(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(beispiel.FS(), p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	src := string(fsys["konzept.yaml"].Data)
	f.Add([]byte(src))
	// The extremes a valid concept may hold: the largest amounts, dates a
	// thousand years apart.
	f.Add([]byte(strings.Replace(strings.Replace(src, "kosten: ", "kosten: 1000000000000 #", 2), "beginn: ", "beginn: 1900 #", 1)))
	f.Add([]byte(strings.Replace(strings.Replace(src, " ende: ", " ende: 2999 #", 1), "beginn: ", "beginn: 1900 #", 1)))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS(maps.Clone(fsys))
		fsys["konzept.yaml"] = &fstest.MapFile{Data: src}
		k, ps, err := assemble.Load(fsys)
		if err != nil || ps.Count(schema.Error) > 0 {
			return
		}
		if output.CheckGlyphs(k).Count(schema.Error) > 0 {
			return // build refuses such a concept
		}
		pdf, err := output.PDF(k, output.Options{Version: "fuzz"})
		if err == nil && !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Errorf("PDF starts with %q", pdf[:min(len(pdf), 16)])
		}
	})
}
