package cli

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
)

type diffOptions struct {
	streams  Streams
	alt, neu string // the concept folders of the previous and the current revision
	format   string // text, markdown or json
	lang     string // de or en
}

func newDiffCmd(s Streams) *cobra.Command {
	opts := &diffOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "diff ALT_ORDNER NEU_ORDNER [Optionen]",
		Short: "Zwei Fassungen eines Konzepts vergleichen",
		Long: `Vergleicht zwei Fassungen eines Konzepts – ALT_ORDNER mit der Vorfassung und
NEU_ORDNER mit der aktuellen Fassung – und zeigt, was sich geändert hat, je
Handlungsfeld: Ziele und Maßnahmen, die neu sind, die entfallen sind (nicht mehr
im Konzept stehen), die verschoben wurden (eine Maßnahme unter ein anderes Ziel,
ein Ziel in ein anderes Handlungsfeld) oder deren Angaben sich geändert haben,
und die Statuswechsel der Maßnahmen (geplant → in Umsetzung …), je Übergang
gezählt. Auch neue und entfallene Handlungsfelder werden gezeigt.

Zugeordnet wird über die Nummern (id): sie sollten von Fassung zu Fassung
gleich bleiben. Bei Maßnahmen werden Titel, Beschreibung, Federführung, Partner,
Beginn, Ende, Status, Priorität, Finanzierung, Kosten, Querschnittsthemen und
Indikator verglichen, bei Zielen Titel, Beschreibung und Indikatoren. Partner
und Querschnittsthemen zählen als Menge (die Reihenfolge ist gleich), Beginn
und Ende nach dem Tag, für den sie stehen (2025 als Ende ist 2025-12-31),
Kosten als Betrag (keine Angabe ist etwas anderes als 0). Ein anderer
Zeilenumbruch in einem Text ist keine Änderung.

Beide Ordner werden zuerst wie mit „konzept validate“ geprüft. Probleme stehen
auf der Fehlerausgabe (stderr), der Pfad mit dem Ordner davor. Hat einer der
beiden Ordner Fehler, wird nicht verglichen; Warnungen werden nur gemeldet.

Ausgabe (--format) auf die Standardausgabe (stdout):
  text      für das Terminal
  markdown  für einen Kommentar im Merge Request oder die Sitzungsniederschrift
  json      für Skripte: ein Objekt mit vorfassung, fassung, unterschiede
            (true/false), summe und handlungsfelder (je Feld die geänderten
            Ziele und Maßnahmen mit den alten und neuen Werten der geänderten
            Angaben, und die Statuswechsel); Werte wie in konzept.yaml
            geschrieben, unabhängig von --lang

Exit-Status: 0, wenn verglichen wurde – ob es Unterschiede gibt oder nicht
(wie „git diff“ ohne --exit-code; ob es welche gibt, sagt „unterschiede“ in der
JSON-Ausgabe), 1 bei Fehlern in einem der Konzepte, 2 bei falschem Aufruf oder
wenn ein Ordner fehlt oder keine konzept.yaml enthält.`,
		Example: `  konzept diff beispiel/vorfassung beispiel/konzept
  konzept diff vorjahr . --format markdown > aenderungen.md
  git worktree add ../vorjahr fassung-2024 && konzept diff ../vorjahr . --format json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return fmt.Errorf("zwei Ordner erwartet (ALT_ORDNER NEU_ORDNER), nicht %d", len(args))
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) >= 2 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.alt, opts.neu = args[0], args[1]
			return runDiff(opts)
		},
	}
	f := cmd.Flags()
	f.Var(newChoice(&opts.format, "text", "text", "markdown", "json"), "format", "`FORMAT` der Ausgabe: text, markdown oder json")
	f.Var(newChoice(&opts.lang, "de", "de", "en"), "lang", "`SPRACHE` der Ausgabe und der Meldungen: de oder en")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"de", "en"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runDiff(opts *diffOptions) error {
	dirs := []string{opts.alt, opts.neu}
	var folders []fs.FS
	for _, dir := range dirs {
		fsys, err := conceptFS(dir, opts.lang)
		if err != nil {
			return err
		}
		folders = append(folders, fsys)
	}
	// Both folders are loaded and all their problems reported before either stops the run.
	var konzepte []*assemble.Konzept
	var all schema.Problems
	for i, dir := range dirs {
		k, ps, err := load(folders[i])
		if err != nil {
			return noConcept(err, dir, opts.lang)
		}
		ps = inFolder(dir, ps)
		for _, p := range ps {
			fmt.Fprintln(opts.streams.ErrOut, p.Format(opts.lang))
		}
		if s := summary(opts.lang, ps); s != "" {
			if ps.Count(schema.Error) > 0 {
				s += tr(opts.lang, " – kein Vergleich", " – no comparison")
			}
			fmt.Fprintf(opts.streams.ErrOut, "%s: %s\n", dir, s)
		}
		konzepte = append(konzepte, k)
		all.Add(ps...)
	}
	if err := all.Err(false); err != nil {
		return err
	}

	d := assemble.Vergleiche(konzepte[0], konzepte[1])
	var err error
	switch opts.format {
	case "markdown":
		err = output.DiffMarkdown(opts.streams.Out, d, opts.lang)
	case "json":
		err = output.DiffJSON(opts.streams.Out, d)
	default:
		err = output.DiffText(opts.streams.Out, d, opts.lang)
	}
	if err != nil {
		return &outputError{fmt.Errorf(tr(opts.lang, "Ausgabe kann nicht geschrieben werden: %w", "cannot write the output: %w"), err)}
	}
	return nil
}

// inFolder returns copies of ps whose files are named with the folder dir in
// front, so that the paths point at the right file of the two.
func inFolder(dir string, ps schema.Problems) schema.Problems {
	out := make(schema.Problems, len(ps))
	for i, p := range ps {
		q := *p
		q.Pos.File = path.Join(filepath.ToSlash(dir), p.Pos.File)
		out[i] = &q
	}
	return out
}
