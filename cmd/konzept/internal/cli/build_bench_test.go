package cli

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/landkreis/konzept/internal/gen"
)

// BenchmarkBuild runs `konzept build DIR -o FILE` end to end, as the command
// line does – read, validate, assemble, render, write the PDF – on the
// generated concepts of package gen at the scale of Landkreis Emsland and
// ten times it. The folders are written once, outside the timing; the size
// of the PDF is reported as pdf-bytes.
//
//	go test ./cmd/konzept/internal/cli -run '^$' -bench Build -benchmem
func BenchmarkBuild(b *testing.B) {
	for _, bm := range []struct {
		name  string
		scale int
	}{{"Emsland", 1}, {"Emsland10x", 10}} {
		b.Run(bm.name, func(b *testing.B) {
			dir := b.TempDir()
			if err := gen.Write(dir, bm.scale); err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(b.TempDir(), "konzept.pdf")
			args := []string{"build", dir, "-o", out}
			b.ReportAllocs()
			for b.Loop() {
				if code := Execute("bench", args, Streams{Out: io.Discard, ErrOut: io.Discard}); code != exitOK {
					b.Fatalf("konzept build: exit status %d", code)
				}
			}
			st, err := os.Stat(out)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(st.Size()), "pdf-bytes")
		})
	}
}
