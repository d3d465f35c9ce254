package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/beispiel"
	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

type buildOptions struct {
	streams    Streams
	version    string
	dir        string
	beispiel   bool
	output     string
	vorlage    string // also write the Beschlussvorlage alone to this file
	vorfassung string // the folder of the previous version, for the change chapter
	lookupEnv  func(string) (string, bool)
	problemOptions
}

func newBuildCmd(s Streams, version string) *cobra.Command {
	opts := &buildOptions{streams: s, version: version, lookupEnv: os.LookupEnv}
	cmd := &cobra.Command{
		Use:   "build [ORDNER] [-o DATEI.pdf] [Optionen]",
		Short: "PDF aus dem Konzept erzeugen",
		Long: `Prüft das Konzept im ORDNER (Standard: der aktuelle Ordner) wie „konzept
validate“ und setzt daraus das PDF. Ohne -o heißt es konzept.pdf und liegt im
aktuellen Ordner.

Bei Fehlern (mit --strict auch bei Warnungen) entsteht kein PDF, und eine
vorhandene Datei bleibt unverändert: das PDF wird erst in eine temporäre Datei
neben dem Ziel geschrieben und dann umbenannt. Warnungen werden gemeldet.

Mit --vorlage DATEI.pdf entsteht zusätzlich die Beschlussvorlage allein (ohne
Deckblatt, das Konzept als Anlage 1), wie sie Ratsinformationssysteme als
eigene Datei erwarten; dafür braucht konzept.yaml einen Abschnitt „beschluss“.

Mit --vorfassung ORDNER wird das Konzept mit seiner Vorfassung (etwa dem Stand
des letzten Jahres) verglichen wie mit „konzept diff“: das PDF erhält das
Kapitel „Änderungen gegenüber der Vorfassung“, und in den Handlungsfeldern sind
neue und geänderte Ziele und Maßnahmen markiert. Die Vorfassung wird ebenfalls
geprüft; ihre Probleme tragen den Ordner im Pfad.

Dieselben Eingaben ergeben dasselbe PDF, Byte für Byte. Als Datum im PDF dient
„stand“ aus konzept.yaml, oder SOURCE_DATE_EPOCH (Sekunden seit 1970, UTC),
wenn diese Umgebungsvariable gesetzt ist.

` + problemHelp + `

Exit-Status: 0 PDF geschrieben, 1 Fehler im Konzept, 2 falscher Aufruf, kein
Konzeptordner oder das PDF kann nicht geschrieben werden.`,
		Example: `  konzept build -o konzept.pdf
  konzept build mein-konzept -o ausgabe/integrationskonzept-2025.pdf
  konzept build --beispiel -o beispiel.pdf
  konzept build -o konzept.pdf --vorlage beschlussvorlage.pdf
  konzept build -o konzept-2026.pdf --vorfassung ../konzept-2025
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) konzept build --format github`,
		Args:              dirArg,
		ValidArgsFunction: completeDir,
		RunE: func(_ *cobra.Command, args []string) error {
			if opts.beispiel && len(args) > 0 {
				return &usageError{err: errors.New("--beispiel und ORDNER schließen sich aus"), usage: true}
			}
			if opts.vorlage != "" && filepath.Clean(opts.vorlage) == filepath.Clean(opts.output) {
				return &usageError{err: errors.New("--vorlage und -o nennen dieselbe Datei"), usage: true}
			}
			opts.dir = argDir(args)
			return runBuild(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "konzept.pdf", "das PDF in `DATEI` schreiben")
	cmd.Flags().BoolVar(&opts.beispiel, "beispiel", false, "das eingebaute Beispielkonzept (Landkreis Musterland) setzen")
	cmd.Flags().StringVar(&opts.vorlage, "vorlage", "", "zusätzlich die Beschlussvorlage allein in `DATEI` schreiben")
	cmd.Flags().StringVar(&opts.vorfassung, "vorfassung", "", "mit der Vorfassung im `ORDNER` vergleichen: Kapitel „Änderungen gegenüber der Vorfassung“")
	_ = cmd.MarkFlagFilename("output", "pdf")
	_ = cmd.MarkFlagFilename("vorlage", "pdf")
	_ = cmd.MarkFlagDirname("vorfassung")
	addProblemFlags(cmd, &opts.problemOptions)
	return cmd
}

func runBuild(opts *buildOptions) error {
	zeit, err := sourceDateEpoch(opts.lookupEnv)
	if err != nil {
		return err
	}
	output.Prepare()
	fsys, dir := beispiel.FS(), ""
	if !opts.beispiel {
		dir = opts.dir
		if fsys, err = conceptFS(dir, opts.lang); err != nil {
			return err
		}
	}
	k, ps, err := load(fsys)
	if err != nil {
		return noConcept(err, dir, opts.lang)
	}
	if err := checkOutputs(dir, k, opts.lang, opts.output, opts.vorlage); err != nil {
		return err
	}
	// The previous version: its files are protected as well, and its
	// problems carry its folder. --strict concerns the concept being built:
	// an adopted version cannot be changed any more.
	var alt *assemble.Konzept
	var aps schema.Problems
	if opts.vorfassung != "" {
		if alt, aps, err = loadVorfassung(opts.vorfassung, opts.lang); err != nil {
			return err
		}
		if err := checkOutputs(opts.vorfassung, alt, opts.lang, opts.output, opts.vorlage); err != nil {
			return err
		}
	}
	if err := reportBuild(opts, dir, ps, aps); err != nil {
		return err
	}
	all := append(slices.Clone(ps), aps...)
	err = ps.Err(opts.strict)
	if err == nil {
		err = aps.Err(false)
	}
	if err != nil {
		if opts.format == "text" {
			fmt.Fprintf(opts.streams.ErrOut, "%s – %s\n", summary(opts.lang, all), tr(opts.lang, "kein PDF erzeugt", "no PDF written"))
		}
		return err
	}
	if s := summary(opts.lang, all); s != "" && opts.format == "text" {
		fmt.Fprintln(opts.streams.ErrOut, s)
	}
	if opts.vorlage != "" && k.Beschluss == nil {
		return errors.New(tr(opts.lang,
			"--vorlage: das Konzept hat keinen Abschnitt „beschluss“, also keine Beschlussvorlage – kein PDF erzeugt",
			"--vorlage: the concept has no `beschluss` section, so there is no draft resolution – no PDF written"))
	}
	// Both PDFs are rendered before either is written: a failure leaves
	// neither file changed.
	var pdf, vorlage []byte
	opt := output.Options{Zeitstempel: zeit, Version: opts.version}
	if alt != nil {
		opt.Vorfassung = assemble.Vergleiche(alt, k)
	}
	if pdf, err = output.PDF(k, opt); err != nil {
		return fmt.Errorf("PDF kann nicht erzeugt werden: %w", err)
	}
	if opts.vorlage != "" {
		opt.NurVorlage = true
		if vorlage, err = output.PDF(k, opt); err != nil {
			return fmt.Errorf("PDF kann nicht erzeugt werden: %w", err)
		}
	}
	files := []struct {
		name string
		data []byte
	}{{opts.output, pdf}, {opts.vorlage, vorlage}}
	for _, f := range files {
		if f.name == "" {
			continue
		}
		write := func(w io.Writer) error {
			_, err := w.Write(f.data)
			return err
		}
		if err := writeFileAtomic(f.name, write); err != nil {
			return err
		}
		fmt.Fprintf(opts.streams.ErrOut, tr(opts.lang, "%s geschrieben\n", "wrote %s\n"), f.name)
	}
	return nil
}

// loadVorfassung loads the previous version of the concept; its problems
// carry the folder in their paths.
func loadVorfassung(dir, lang string) (*assemble.Konzept, schema.Problems, error) {
	fsys, err := conceptFS(dir, lang)
	if err != nil {
		return nil, nil, err
	}
	k, ps, err := load(fsys)
	if errors.Is(err, sources.ErrNoConcept) {
		return nil, nil, &causeError{cause: err, msg: fmt.Sprintf(tr(lang,
			"--vorfassung: %s fehlt, der Ordner enthält keine Fassung des Konzepts",
			"--vorfassung: %s is missing, the folder holds no version of the concept"),
			filepath.Join(dir, sources.KonzeptDatei))}
	}
	if err != nil {
		return nil, nil, err
	}
	return k, inFolder(dir, ps), nil
}

// reportBuild reports the problems of the concept and of its previous
// version: in JSON as one array.
func reportBuild(opts *buildOptions, dir string, ps, aps schema.Problems) error {
	if opts.format == "json" {
		return report(opts.streams, opts.problemOptions, dir, append(slices.Clone(ps), aps...))
	}
	if err := report(opts.streams, opts.problemOptions, dir, ps); err != nil {
		return err
	}
	return report(opts.streams, opts.problemOptions, "", aps) // paths include the folder
}

// sourceDateEpoch returns the time in SOURCE_DATE_EPOCH (see
// reproducible-builds.org), or the zero time if it is not set.
func sourceDateEpoch(lookupEnv func(string) (string, bool)) (time.Time, error) {
	v, ok := lookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return time.Time{}, nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil || sec < 0 {
		return time.Time{}, &usageError{err: fmt.Errorf("SOURCE_DATE_EPOCH=%q ist keine Zahl von Sekunden seit 1970-01-01", v)}
	}
	return time.Unix(sec, 0).UTC(), nil
}

// writeFileAtomic writes name with write, through a temporary file in the
// same folder that is synced and then renamed into place: name is either
// replaced whole or not touched at all. An error writing the file is an
// outputError (exit status 2); any other error of write means the PDF could
// not be made (exit status 1).
func writeFileAtomic(name string, write func(io.Writer) error) (err error) {
	perm := fs.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		if st.IsDir() {
			return &outputError{fmt.Errorf("„%s“ ist ein Ordner, keine Datei", name)}
		}
		perm = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".konzept-*.pdf")
	if err != nil {
		return cannotWrite(name, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := &errWriter{w: f}
	if err := write(w); err != nil {
		if w.err != nil {
			return cannotWrite(name, w.err)
		}
		return fmt.Errorf("PDF kann nicht erzeugt werden: %w", err)
	}
	if err := f.Chmod(perm); err != nil {
		return cannotWrite(name, err)
	}
	if err := f.Sync(); err != nil {
		return cannotWrite(name, err)
	}
	if err := f.Close(); err != nil {
		return cannotWrite(name, err)
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return cannotWrite(name, err)
	}
	return nil
}

// cannotWrite is the outputError of failing to write name. A folder that
// exists but takes no new files (a read-only one, or /proc, which answers
// "no such file") is not reported as missing.
func cannotWrite(name string, err error) error {
	err = unwrapPath(err) // the path may be the temporary file's; name the target instead
	msg := err.Error()
	dir := filepath.Dir(name)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		if st, serr := os.Stat(dir); serr != nil {
			msg = fmt.Sprintf("Ordner „%s“ nicht gefunden", dir)
		} else if st.IsDir() {
			msg = fmt.Sprintf("Ordner „%s“ ist nicht beschreibbar", dir)
		}
	}
	return &outputError{&causeError{cause: err, msg: fmt.Sprintf("„%s“ kann nicht geschrieben werden: %s", name, msg)}}
}

// errWriter remembers the first error of writing to w.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
}
