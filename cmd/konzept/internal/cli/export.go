package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/beispiel"
	"github.com/landkreis/konzept/output"
)

// exportFormate are the formats of `konzept export`, with the file each
// writes when -o is not given.
var exportFormate = []struct{ name, datei string }{
	{"json", "massnahmen.json"},
	{"csv", "massnahmen.csv"},
	{"xlsx", "massnahmen.xlsx"},
	{"oparl", "beschlussvorlage.oparl.json"},
}

type exportOptions struct {
	streams   Streams
	dir       string
	beispiel  bool
	format    string // json, csv, xlsx or oparl
	output    string // the file, or "-" for stdout
	basis     string // --oparl-basis, checked
	lookupEnv func(string) (string, bool)
	lang      string
	strict    bool
}

func newExportCmd(s Streams) *cobra.Command {
	opts := &exportOptions{streams: s, lookupEnv: os.LookupEnv}
	var names []string
	for _, f := range exportFormate {
		names = append(names, f.name)
	}
	cmd := &cobra.Command{
		Use:   "export [ORDNER] --format FORMAT [-o DATEI] [Optionen]",
		Short: "Maßnahmen als Liste (JSON, CSV, Excel) oder die Beschlussvorlage für das Ratsinformationssystem ausgeben",
		Long: `Prüft das Konzept im ORDNER (Standard: der aktuelle Ordner) wie „konzept
validate“ und schreibt daraus eine Datei für andere Programme:

  json    die Maßnahmenliste als JSON: ein Objekt mit „konzept“ (Titel, Träger,
          Fassung, Stand) und „massnahmen“, je Maßnahme Handlungsfeld und Ziel
          (Kennung und Titel), alle Angaben mit den Werten aus konzept.yaml
          (Kennungen, Status wie „in-umsetzung“, Zeiträume wie „2025-Q3“, dazu
          erster und letzter Tag), Akteure mit Kennung, Name und Kürzel, und
          „quelle“: Datei und Stelle, an der die Maßnahme steht.
  csv     die Maßnahmenliste für Excel: UTF-8 mit BOM, Semikolon als
          Trennzeichen, Kosten mit Dezimalkomma, eine Zeile je Maßnahme.
  xlsx    die Maßnahmenliste als Excel-Arbeitsmappe, die sich wieder als
          Workshop-Arbeitsmappe einlesen lässt: Blätter „Maßnahmen“ und „Ziele“
          mit den Spalten der Workshop-Vorlage, Akteure und Handlungsfelder mit
          ihren Namen, dazu das Blatt „Quellen“ (wo jedes Ziel und jede Maßnahme
          steht; wird nicht eingelesen). Als Quelle eines Konzepts eingelesen
          ergibt sie dieselben Ziele und Maßnahmen – dann dürfen diese nicht
          zusätzlich in konzept.yaml oder anderen Quellen stehen.
  oparl   die Beschlussvorlage als OParl-1.1-Drucksache (Paper) mit der
          Beratungsfolge als Beratungen (Consultation) und dem PDF der Vorlage
          als Hauptdatei (mainFile), zur Übergabe an ein Ratsinformationssystem.
          Braucht den Abschnitt „beschluss“ in konzept.yaml und --oparl-basis.

Ohne --format gilt die Endung von -o (.json, .csv, .xlsx). Ohne -o heißt die
Datei massnahmen.json, massnahmen.csv, massnahmen.xlsx oder
beschlussvorlage.oparl.json und liegt im aktuellen Ordner; -o - schreibt auf
die Standardausgabe.

Schutz vor Formeln: In CSV und Excel bekommt jeder Text, der mit =, +, -, @,
Tabulator oder Wagenrücklauf beginnt, ein Hochkomma (') vorangestellt, damit
Excel ihn nicht als Formel ausführt – auch eine Beschreibung, die mit einer
Aufzählung „- …“ beginnt. JSON und OParl geben jeden Text unverändert aus:
Sie werden von Programmen gelesen, nicht von einer Tabellenkalkulation.

OParl-Kennungen sind Adressen (URLs). --oparl-basis ist die Adresse der
Körperschaft (oparl:Body) im Ratsinformationssystem; alle Kennungen werden
daraus gebildet, z. B. <basis>/paper/2025%2F0123 für die Vorlage 2025/0123,
<basis>/paper/2025%2F0123/consultation/1 für die erste Beratung,
<basis>/organization/kreistag und <basis>/meeting/kreistag-2025-09-30 für
Gremium und Sitzung. Als Dateiname des PDF nennt das Paper
beschlussvorlage-<Vorlagen-Nr.>.pdf (z. B. beschlussvorlage-2025-0123.pdf);
diesen Namen bei „konzept build --vorlage“ angeben. Als created und
modified dient „stand“, oder SOURCE_DATE_EPOCH, wenn gesetzt. Dieselben
Eingaben ergeben dieselbe Datei, Byte für Byte, in allen Formaten.

Bei Fehlern im Konzept (mit --strict auch bei Warnungen) werden sie gemeldet
und es entsteht keine Datei; eine vorhandene bleibt unverändert. Eine Datei,
aus der das Konzept gelesen wird (etwa -o konzept.yaml), wird nie ersetzt.

Exit-Status: 0 Datei geschrieben, 1 Fehler im Konzept oder (oparl) kein
Abschnitt „beschluss“, 2 falscher Aufruf, kein Konzeptordner oder die Datei
kann nicht geschrieben werden.`,
		Example: `  konzept export --format xlsx -o monitoring-2025.xlsx
  konzept export mein-konzept -o massnahmen.csv
  konzept export --format json -o - | jq '.massnahmen[] | select(.status == "geplant") | .id'
  konzept export --beispiel --format oparl --oparl-basis https://ris.example.org/oparl/v1.1/body/1`,
		Args:              dirArg,
		ValidArgsFunction: completeDir,
		RunE: func(_ *cobra.Command, args []string) error {
			if opts.beispiel && len(args) > 0 {
				return &usageError{err: errors.New("--beispiel und ORDNER schließen sich aus"), usage: true}
			}
			if err := opts.complete(); err != nil {
				return err
			}
			opts.dir = argDir(args)
			return runExport(opts)
		},
	}
	f := cmd.Flags()
	f.Var(newChoice(&opts.format, "", names...), "format", "`FORMAT` der Datei: "+strings.Join(names, ", "))
	f.StringVarP(&opts.output, "output", "o", "", "in `DATEI` schreiben, - für die Standardausgabe")
	f.BoolVar(&opts.beispiel, "beispiel", false, "das eingebaute Beispielkonzept (Landkreis Musterland) ausgeben")
	f.StringVar(&opts.basis, "oparl-basis", "", "Adresse (`URL`) der Körperschaft im Ratsinformationssystem, aus der die OParl-Kennungen gebildet werden (nur mit --format oparl, dort nötig)")
	f.Var(newChoice(&opts.lang, "de", "de", "en"), "lang", "`SPRACHE` der Meldungen: de oder en")
	f.BoolVar(&opts.strict, "strict", false, "auch Warnungen lassen den Befehl scheitern (Exit-Status 1)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"de", "en"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("output", "json", "csv", "xlsx")
	return cmd
}

// complete derives the format from the file name (or the file name from the
// format) and checks the flags that belong to one format.
func (o *exportOptions) complete() error {
	if o.format == "" {
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(o.output)), ".")
		for _, f := range exportFormate[:3] {
			if f.name == ext && o.output != "-" {
				o.format = f.name
			}
		}
		if o.format == "" {
			return &usageError{err: errors.New("--format fehlt: json, csv, xlsx oder oparl (oder -o DATEI mit der Endung .json, .csv oder .xlsx)"), usage: true}
		}
	}
	if o.output == "" {
		for _, f := range exportFormate {
			if f.name == o.format {
				o.output = f.datei
			}
		}
	}
	switch {
	case o.format == "oparl" && o.basis == "":
		return &usageError{err: errors.New("--format oparl braucht --oparl-basis URL: die Adresse der Körperschaft im Ratsinformationssystem, z. B. https://ris.example.org/oparl/v1.1/body/1"), usage: true}
	case o.format != "oparl" && o.basis != "":
		return &usageError{err: errors.New("--oparl-basis gilt nur mit --format oparl"), usage: true}
	case o.basis != "":
		b, err := output.ParseOParlBasis(o.basis)
		if err != nil {
			return &usageError{err: fmt.Errorf("--oparl-basis: %w", err)}
		}
		o.basis = b
	}
	return nil
}

func runExport(opts *exportOptions) error {
	oparl := output.OParlOptions{Basis: opts.basis}
	if opts.format == "oparl" {
		zeit, err := sourceDateEpoch(opts.lookupEnv)
		if err != nil {
			return err
		}
		oparl.Zeitstempel = zeit
	}
	fsys, dir := beispiel.FS(), ""
	if !opts.beispiel {
		dir = opts.dir
		var err error
		if fsys, err = conceptFS(dir, opts.lang); err != nil {
			return err
		}
	}
	k, ps, err := load(fsys)
	if err != nil {
		return noConcept(err, dir, opts.lang)
	}
	out := opts.output
	if out == "-" {
		out = "" // standard output: nothing to protect
	}
	if err := checkOutputs(dir, k, opts.lang, out); err != nil {
		return err
	}
	po := problemOptions{format: "text", lang: opts.lang, strict: opts.strict}
	if err := report(opts.streams, po, dir, ps); err != nil {
		return err
	}
	if err := ps.Err(opts.strict); err != nil {
		fmt.Fprintf(opts.streams.ErrOut, "%s – %s\n", summary(opts.lang, ps), tr(opts.lang, "keine Datei geschrieben", "no file written"))
		return err
	}
	if s := summary(opts.lang, ps); s != "" {
		fmt.Fprintln(opts.streams.ErrOut, s)
	}
	if opts.format == "oparl" && k.Beschluss == nil {
		return errors.New(tr(opts.lang,
			"--format oparl: das Konzept hat keinen Abschnitt „beschluss“, also keine Beschlussvorlage – keine Datei geschrieben",
			"--format oparl: the concept has no `beschluss` section, so there is no draft resolution – no file written"))
	}
	// The file is made first, so that a failure leaves the output untouched
	// and writeFileAtomic sees only errors of writing.
	write := map[string]func(io.Writer, *assemble.Konzept) error{
		"json": output.MassnahmenJSON,
		"csv":  output.MassnahmenCSV,
		"xlsx": output.MassnahmenXLSX,
		"oparl": func(w io.Writer, k *assemble.Konzept) error {
			return output.OParlVorlage(w, k, oparl)
		},
	}[opts.format]
	var buf bytes.Buffer
	if err := write(&buf, k); err != nil {
		return fmt.Errorf(tr(opts.lang, "die Datei kann nicht erzeugt werden: %w", "the file cannot be made: %w"), err)
	}
	if opts.output == "-" {
		if _, err := opts.streams.Out.Write(buf.Bytes()); err != nil {
			return &outputError{fmt.Errorf(tr(opts.lang, "Standardausgabe: %w", "standard output: %w"), err)}
		}
		return nil
	}
	if err := writeFileAtomic(opts.output, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(opts.streams.ErrOut, tr(opts.lang, "%s geschrieben\n", "wrote %s\n"), opts.output)
	return nil
}
