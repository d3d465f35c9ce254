package cli

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/landkreis/konzept/schema"
)

func newSchemaCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "JSON Schema von konzept.yaml ausgeben",
		Long: `Gibt das JSON Schema von konzept.yaml aus. Editoren wie VS Code (mit der
YAML-Erweiterung von Red Hat) schlagen damit Schlüssel und Werte vor und zeigen
Fehler schon beim Schreiben. Dazu steht in der ersten Zeile von konzept.yaml:

  # yaml-language-server: $schema=konzept.schema.json

„konzept init“ legt die Datei an; nach einem Update von konzept erneuern Sie sie
mit dem Beispiel unten.`,
		Example: `  konzept schema > konzept.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := s.Out.Write(schema.JSONSchema())
			return err
		},
	}
}

func newVersionCmd(s Streams, version string) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Version von konzept ausgeben",
		Long: `Gibt die Version von konzept aus und, wenn das Programm aus einem
Git-Arbeitsverzeichnis gebaut wurde, den Commit, seine Zeit und ob es
ungespeicherte Änderungen gab, dazu die Go-Version. So lässt sich zu jedem
PDF im CI-Protokoll nachvollziehen, mit welchem Stand es erzeugt wurde.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			bi, _ := debug.ReadBuildInfo()
			_, err := io.WriteString(s.Out, versionText(version, bi))
			return err
		},
	}
}

// versionText is the output of `konzept version`: the version, then the VCS
// revision and the Go version from the build info, where known.
func versionText(version string, bi *debug.BuildInfo) string {
	var b strings.Builder
	fmt.Fprintf(&b, "konzept %s\n", version)
	if bi == nil {
		return b.String()
	}
	vcs := map[string]string{}
	for _, s := range bi.Settings {
		vcs[s.Key] = s.Value
	}
	if rev := vcs["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, "Revision: %s", rev)
		if t := vcs["vcs.time"]; t != "" {
			fmt.Fprintf(&b, " vom %s", t)
		}
		if vcs["vcs.modified"] == "true" {
			b.WriteString(" (mit lokalen Änderungen)")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "Go: %s\n", bi.GoVersion)
	return b.String()
}
