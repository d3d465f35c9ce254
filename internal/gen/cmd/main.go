// Command gen writes a synthetic concept folder (see package gen) so that a
// person can look at it, validate it or build it:
//
//	go run ./internal/gen/cmd -scale 10 -o /tmp/emsmoor-10x
//	go run ./cmd/konzept build /tmp/emsmoor-10x -o /tmp/emsmoor-10x.pdf
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/landkreis/konzept/internal/gen"
)

func main() {
	scale := flag.Int("scale", 1, "`N` times the size of Landkreis Emsland (1: 160 measures, 2,000 survey responses)")
	out := flag.String("o", "", "write the concept folder to `DIR` (required)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := gen.Write(*out, *scale); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
