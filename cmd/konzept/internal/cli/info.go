package cli

import (
	"fmt"

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
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(s.Out, "konzept %s\n", version)
			return err
		},
	}
}
