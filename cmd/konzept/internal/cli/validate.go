package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/landkreis/konzept/sources"
)

type validateOptions struct {
	streams Streams
	dir     string
	problemOptions
}

func newValidateCmd(s Streams) *cobra.Command {
	opts := &validateOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "validate [ORDNER] [Optionen]",
		Short: "Konzept prüfen und alle Probleme melden",
		Long: `Prüft konzept.yaml im ORDNER (Standard: der aktuelle Ordner) und alle Dateien,
auf die sie verweist, und meldet alle Probleme auf einmal, mit Datei, Zeile und
Spalte.

` + problemHelp + `

Exit-Status: 0 ohne Fehler, 1 bei Fehlern (mit --strict auch bei Warnungen),
2 bei falschem Aufruf oder wenn der Ordner keine konzept.yaml enthält.`,
		Example: `  konzept validate
  konzept validate mein-konzept --lang en
  konzept validate --format github --strict`,
		Args:              dirArg,
		ValidArgsFunction: completeDir,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.dir = argDir(args)
			return runValidate(opts)
		},
	}
	addProblemFlags(cmd, &opts.problemOptions)
	return cmd
}

func runValidate(opts *validateOptions) error {
	fsys, err := conceptFS(opts.dir, opts.lang)
	if err != nil {
		return err
	}
	_, ps, err := load(fsys)
	if err != nil {
		return noConcept(err, opts.dir, opts.lang)
	}
	if err := report(opts.streams, opts.problemOptions, opts.dir, ps); err != nil {
		return err
	}
	if opts.format == "text" {
		s := summary(opts.lang, ps)
		if s == "" {
			s = filepath.Join(opts.dir, sources.KonzeptDatei) + ": " + tr(opts.lang, "keine Probleme gefunden", "no problems found")
		}
		fmt.Fprintln(opts.streams.ErrOut, s)
	}
	return ps.Err(opts.strict)
}

// conceptFS returns the concept folder dir; a path that is not a folder is a usage error.
func conceptFS(dir, lang string) (fs.FS, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, &usageError{err: fmt.Errorf(tr(lang, "Ordner „%s“ nicht gefunden", "folder “%s” not found"), dir)}
	case err == nil && !st.IsDir():
		return nil, &usageError{err: fmt.Errorf(tr(lang, "„%s“ ist kein Ordner", "“%s” is not a folder"), dir)}
	}
	return os.DirFS(dir), nil
}

// noConcept explains sources.ErrNoConcept for folder dir.
func noConcept(err error, dir, lang string) error {
	if !errors.Is(err, sources.ErrNoConcept) {
		return err
	}
	initCmd := "konzept init"
	if dir != "." {
		initCmd += " " + dir
	}
	return &causeError{cause: err, msg: fmt.Sprintf(tr(lang,
		"kein Konzeptordner: %s fehlt (ein neues Konzept legt „%s“ an)",
		"not a concept folder: %s is missing (“%s” creates a new concept)"),
		filepath.Join(dir, sources.KonzeptDatei), initCmd)}
}

func argDir(args []string) string {
	if len(args) == 0 {
		return "."
	}
	return args[0]
}

// dirArg accepts at most one argument, the folder.
func dirArg(_ *cobra.Command, args []string) error {
	if len(args) > 1 {
		return fmt.Errorf("nur ein ORDNER möglich, nicht %d: %s", len(args), strings.Join(args, " "))
	}
	return nil
}

func completeDir(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveFilterDirs
}
