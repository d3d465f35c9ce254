// Command konzept checks a kommunales Integrationskonzept, written as YAML in
// a concept folder, and renders it as the PDF for the council.
//
//	konzept init mein-konzept
//	konzept validate mein-konzept
//	konzept build mein-konzept -o konzept.pdf
//
// Run `konzept help` for all commands.
package main

import (
	"os"
	"runtime/debug"

	"github.com/landkreis/konzept/cmd/konzept/internal/cli"
)

// version is set when building a release: go build -ldflags "-X main.version=1.2.0".
// If empty, the module version from the build info is used, or "dev".
var version string

// memoryLimit is the soft limit of the Go heap, unless GOMEMLIMIT sets one:
// the garbage collector then works harder as the heap nears it, instead of
// letting it grow to twice what is live. It keeps a build at ten times
// Emsland scale under 100 MiB of memory (87 MiB); a concept that needs
// more still gets it: the limit is soft.
const memoryLimit = 75 << 20

// gcPercent lets the heap grow to five times what is live before the
// garbage collector runs again, unless GOGC says otherwise: a build is
// short, and below memoryLimit memory is cheaper than collecting. It saves
// about a tenth of the time at Emsland scale (38 instead of 33 MiB of
// memory); at ten times, memoryLimit decides when to collect.
const gcPercent = 400

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(cli.Execute(version, os.Args[1:], cli.Streams{Out: os.Stdout, ErrOut: os.Stderr}))
}
