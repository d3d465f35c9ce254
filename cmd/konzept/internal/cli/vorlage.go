package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
)

// vorlagen are the templates "konzept vorlage" writes (SPEC section 6).
var vorlagen = []string{"workshop", "befragung"}

// newVorlageCmd is the parent of the template commands. It runs only to turn
// an unknown template into a usage error (cobra would print the help).
func newVorlageCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "vorlage",
		Short: "Excel-Vorlagen für die Zuarbeit schreiben",
		Long: `Schreibt Excel-Arbeitsmappen, die andere für das Konzept ausfüllen: Vorlagen mit
den Handlungsfeldern, Zielen und Akteuren des Konzepts als Auswahllisten.`,
		Example: `  konzept vorlage workshop mein-konzept -o workshop-vorlage.xlsx`,
		Args:    cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return c.Help()
			}
			return &usageError{usage: true, err: fmt.Errorf("unbekannte Vorlage „%s“ – möglich: %s", args[0], strings.Join(vorlagen, ", "))}
		},
	}
	cmd.AddCommand(newVorlageWorkshopCmd(s), newVorlageBefragungCmd(s))
	return cmd
}

type vorlageOptions struct {
	streams Streams
	dir     string
	output  string
	write   func(io.Writer, *assemble.Konzept) error
}

func newVorlageWorkshopCmd(s Streams) *cobra.Command {
	opts := &vorlageOptions{streams: s, write: output.WorkshopVorlage}
	cmd := &cobra.Command{
		Use:   "workshop [ORDNER] [-o DATEI.xlsx]",
		Short: "Excel-Vorlage für Workshop-Ergebnisse (Ziele und Maßnahmen) schreiben",
		Long: `Schreibt eine Excel-Arbeitsmappe, in die externe Moderatorinnen und Moderatoren
die Ziele und Maßnahmen ihres Workshops eintragen, für das Konzept im ORDNER
(Standard: der aktuelle Ordner). Ohne -o heißt sie workshop-vorlage.xlsx und
liegt im aktuellen Ordner.

Die Mappe hat ein Blatt „Anleitung“ in einfachem Deutsch, die Blätter „Ziele“
und „Maßnahmen“ mit den Spaltenüberschriften, die konzept einliest, und
Auswahllisten für Handlungsfeld, Ziel-Nr, Federführung, Status und Priorität
mit den Handlungsfeldern, Zielen und Akteuren dieses Konzepts. Ausgefüllt
zurück, kommt sie nach workshops/ und wird in konzept.yaml unter „quellen“
eingetragen (etwa „- workshops/*.xlsx“).

Hat das Konzept Fehler (wie bei „konzept validate“), werden sie gemeldet und es
entsteht keine Vorlage. Dieselben Eingaben ergeben dieselbe Datei.

Exit-Status: 0 Vorlage geschrieben, 1 Fehler im Konzept, 2 falscher Aufruf,
kein Konzeptordner oder die Datei kann nicht geschrieben werden.`,
		Example: `  konzept vorlage workshop
  konzept vorlage workshop mein-konzept -o arbeitskreis-gesundheit.xlsx`,
		Args:              dirArg,
		ValidArgsFunction: completeDir,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.dir = argDir(args)
			return runVorlage(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "workshop-vorlage.xlsx", "die Vorlage in `DATEI` schreiben")
	_ = cmd.MarkFlagFilename("output", "xlsx")
	return cmd
}

func newVorlageBefragungCmd(s Streams) *cobra.Command {
	opts := &vorlageOptions{streams: s, write: output.BefragungVorlage}
	cmd := &cobra.Command{
		Use:   "befragung [ORDNER] [-o DATEI.xlsx]",
		Short: "Excel-Vorlage für die Antworten einer Befragung schreiben",
		Long: `Schreibt die Tabelle, der der Export eines Umfragewerkzeugs entsprechen soll,
für die Befragungen des Konzepts im ORDNER (Standard: der aktuelle Ordner): je
Befragung ein Blatt mit einer Spalte je Frage (die Frage-ID als Überschrift),
der Sprachspalte, Auswahllisten der Optionen und Prüfungen für Skalen und Zahlen.
Ohne -o heißt sie befragung-vorlage.xlsx.

Exit-Status: 0 Vorlage geschrieben, 1 Fehler im Konzept oder keine Befragung,
2 falscher Aufruf, kein Konzeptordner oder die Datei kann nicht geschrieben werden.`,
		Example:           `  konzept vorlage befragung mein-konzept -o befragung-vorlage.xlsx`,
		Args:              dirArg,
		ValidArgsFunction: completeDir,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.dir = argDir(args)
			return runVorlage(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "befragung-vorlage.xlsx", "die Vorlage in `DATEI` schreiben")
	_ = cmd.MarkFlagFilename("output", "xlsx")
	return cmd
}

func runVorlage(opts *vorlageOptions) error {
	const lang = "de"
	fsys, err := conceptFS(opts.dir, lang)
	if err != nil {
		return err
	}
	k, ps, err := load(fsys)
	if err != nil {
		return noConcept(err, opts.dir, lang)
	}
	// Warnings do not matter for a template; errors do, as for build.
	var errs schema.Problems
	for _, p := range ps {
		if p.Severity == schema.Error {
			errs = append(errs, p)
		}
	}
	if err := errs.Err(false); err != nil {
		if err := report(opts.streams, problemOptions{format: "text", lang: lang}, opts.dir, errs); err != nil {
			return err
		}
		fmt.Fprintf(opts.streams.ErrOut, "%s – keine Vorlage erzeugt\n", summary(lang, errs))
		return err
	}
	// The workbook is made first, so that writeFileAtomic sees only errors of writing.
	var buf bytes.Buffer
	if err := opts.write(&buf, k); err != nil {
		return fmt.Errorf("die Vorlage kann nicht erzeugt werden: %w", err)
	}
	if err := writeFileAtomic(opts.output, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(opts.streams.ErrOut, "%s geschrieben\n", opts.output)
	return nil
}
