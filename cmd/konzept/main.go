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

	"github.com/landkreis/konzept/cmd/konzept/internal/cli"
)

// version is set when building a release: go build -ldflags "-X main.version=1.2.0".
// If empty, the module version from the build info is used, or "dev".
var version string

func main() {
	os.Exit(cli.Execute(version, os.Args[1:], cli.Streams{Out: os.Stdout, ErrOut: os.Stderr}))
}
