package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/landkreis/konzept/beispiel"
	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

// schemaDatei is the name of the JSON Schema that init writes next to konzept.yaml.
const schemaDatei = "konzept.schema.json"

// schemaLine is the first line of konzept.yaml, which tells editors where the schema is.
const schemaLine = "# yaml-language-server: $schema=" + schemaDatei + "\n"

type initOptions struct {
	streams Streams
	dir     string
	files   fs.FS // the concept to write; the example by default
}

func newInitCmd(s Streams) *cobra.Command {
	opts := &initOptions{streams: s, files: beispiel.FS()}
	return &cobra.Command{
		Use:   "init [ORDNER]",
		Short: "Beispielkonzept (Landkreis Musterland) als Vorlage anlegen",
		Long: `Schreibt das Beispielkonzept des fiktiven Landkreises Musterland in den ORDNER
(Standard: der aktuelle Ordner; er wird angelegt, wenn es ihn nicht gibt):
konzept.yaml, weitere Handlungsfelder unter handlungsfelder/, Antworten einer
Befragung unter befragung/, ein Wappen unter bilder/ und konzept.schema.json.

konzept.schema.json beschreibt den Aufbau von konzept.yaml. Editoren wie VS Code
(mit der YAML-Erweiterung von Red Hat) schlagen damit Schlüssel und Werte vor und
zeigen Fehler schon beim Schreiben.

init überschreibt keine Dateien: gibt es eine davon schon, bricht es ab, ohne
etwas zu schreiben.`,
		Example: `  konzept init mein-konzept
  konzept init`,
		Args:              dirArg,
		ValidArgsFunction: completeDir,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.dir = argDir(args)
			return runInit(opts)
		},
	}
}

func runInit(opts *initOptions) error {
	files, err := conceptFiles(opts.files)
	if err != nil {
		return err
	}
	var existing []string
	for _, f := range files {
		target := filepath.Join(opts.dir, filepath.FromSlash(f.name))
		if _, err := os.Lstat(target); err == nil {
			if f.name == sources.KonzeptDatei {
				existing = slices.Insert(existing, 0, target) // the one that matters most
			} else {
				existing = append(existing, target)
			}
		}
	}
	if len(existing) > 0 {
		more := ""
		if len(existing) > 1 {
			more = fmt.Sprintf(" (und %d weitere Dateien)", len(existing)-1)
		}
		return &outputError{fmt.Errorf("%s%s gibt es schon; init überschreibt keine Dateien – "+
			"wählen Sie einen neuen Ordner, etwa „konzept init mein-konzept“", existing[0], more)}
	}
	out := opts.streams.Out
	fmt.Fprintf(out, "Beispielkonzept angelegt in %s:\n", opts.dir)
	for _, f := range files {
		target := filepath.Join(opts.dir, filepath.FromSlash(f.name))
		if err := writeNew(target, f.data); err != nil {
			return &outputError{fmt.Errorf("%s kann nicht geschrieben werden: %w", target, unwrapPath(err))}
		}
		fmt.Fprintf(out, "  %s\n", target)
	}
	dir := opts.dir
	if dir == "." {
		dir = ""
	} else {
		dir = " " + dir
	}
	fmt.Fprintf(out, "\nNächste Schritte:\n  konzept validate%s\n  konzept build%s -o konzept.pdf\n", dir, dir)
	return nil
}

type conceptFile struct {
	name string // slash-separated, relative to the concept folder
	data []byte
}

// conceptFiles returns the files of the concept fsys in lexical order, plus
// the JSON Schema, with the schema line at the top of konzept.yaml.
func conceptFiles(fsys fs.FS) ([]conceptFile, error) {
	files := []conceptFile{{name: schemaDatei, data: schema.JSONSchema()}}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || name == schemaDatei {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if name == sources.KonzeptDatei && !bytes.HasPrefix(data, []byte(schemaLine)) {
			data = append([]byte(schemaLine), data...)
		}
		files = append(files, conceptFile{name: path.Clean(name), data: data})
		return nil
	})
	slices.SortFunc(files, func(a, b conceptFile) int { return strings.Compare(a.name, b.name) })
	return files, err
}

// writeNew creates file name, and its folder if needed; it fails if the file exists.
func writeNew(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// unwrapPath drops the path from an *fs.PathError, when the message names the file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
