package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/landkreis/konzept/schema"
)

// problemOptions are the flags of the commands that report problems.
type problemOptions struct {
	format string // text, json or github
	lang   string // de or en
	strict bool   // warnings fail the run, too
}

const problemHelp = `Ausgabe der Probleme (--format):
  text    eine Zeile je Problem und eine Zusammenfassung, auf die Fehlerausgabe
          (stderr), Pfade relativ zum Konzeptordner:
          konzept.yaml:42:7: fehler: unbekannter Akteur ` + "`vhs-nord`" + ` …
  json    eine JSON-Liste auf die Standardausgabe (stdout), [] ohne Probleme;
          je Problem severity ("error"/"warning"), code, message, file (relativ
          zum Konzeptordner), line, column, sheet, cell
  github  Annotationen für GitHub Actions auf stdout (::error file=…,line=…::…),
          Pfade relativ zum aktuellen Ordner`

func addProblemFlags(cmd *cobra.Command, o *problemOptions) {
	f := cmd.Flags()
	f.Var(newChoice(&o.format, "text", "text", "json", "github"), "format", "`FORMAT` der Probleme: text, json oder github")
	f.Var(newChoice(&o.lang, "de", "de", "en"), "lang", "`SPRACHE` der Meldungen: de oder en")
	f.BoolVar(&o.strict, "strict", false, "auch Warnungen lassen den Befehl scheitern (Exit-Status 1)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "github"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"de", "en"}, cobra.ShellCompDirectiveNoFileComp))
}

// report prints ps in the chosen format: text to ErrOut, like a compiler, so
// that stdout stays free; json and github to Out, for tools. dir is the
// concept folder as given on the command line ("" for the embedded example).
func report(s Streams, o problemOptions, dir string, ps schema.Problems) error {
	switch o.format {
	case "json":
		return reportJSON(s.Out, o.lang, ps)
	case "github":
		for _, p := range ps {
			fmt.Fprintln(s.Out, githubAnnotation(p, o.lang, annotationPath(dir, p.Pos.File)))
		}
	default:
		for _, p := range ps {
			fmt.Fprintln(s.ErrOut, p.Format(o.lang))
		}
	}
	return nil
}

// summary returns "2 Fehler, 1 Warnung" or "" if there are no problems.
func summary(lang string, ps schema.Problems) string {
	var parts []string
	if n := ps.Count(schema.Error); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", n, tr(lang, "Fehler", plural(n, "error", "errors"))))
	}
	if n := ps.Count(schema.Warning); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", n, tr(lang, plural(n, "Warnung", "Warnungen"), plural(n, "warning", "warnings"))))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}

type jsonProblem struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
}

func reportJSON(w io.Writer, lang string, ps schema.Problems) error {
	list := make([]jsonProblem, 0, len(ps))
	for _, p := range ps {
		sev := "error"
		if p.Severity == schema.Warning {
			sev = "warning"
		}
		list = append(list, jsonProblem{
			Severity: sev, Code: string(p.Code), Message: p.Message(lang),
			File: p.Pos.File, Line: p.Pos.Line, Column: p.Pos.Column, Sheet: p.Pos.Sheet, Cell: p.Pos.Cell,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(list)
}

// githubAnnotation formats p as a GitHub Actions workflow command with file as its path:
//
//	::error file=konzept/konzept.yaml,line=42,col=7::unbekannter Akteur …
//
// A workbook cell, which has no line, is named at the start of the message.
func githubAnnotation(p *schema.Problem, lang, file string) string {
	var props []string
	if file != "" {
		props = append(props, "file="+escapeProperty(file))
	}
	if p.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", p.Pos.Line))
	}
	if p.Pos.Column > 0 {
		props = append(props, fmt.Sprintf("col=%d", p.Pos.Column))
	}
	msg := p.Message(lang)
	if p.Pos.Sheet != "" {
		where := p.Pos.Sheet
		if p.Pos.Cell != "" {
			where += "!" + p.Pos.Cell
		}
		msg = where + ": " + msg
	}
	cmd := "error"
	if p.Severity == schema.Warning {
		cmd = "warning"
	}
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return "::" + cmd + "::" + escapeData(msg)
}

// escapeData and escapeProperty escape as GitHub's actions/toolkit does.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// annotationPath returns the path of file (relative to the concept folder dir)
// relative to the working directory, where GitHub looks for it.
func annotationPath(dir, file string) string {
	if file == "" {
		return ""
	}
	p := filepath.Join(dir, filepath.FromSlash(file))
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	return filepath.ToSlash(p)
}

// choice is a flag value that must be one of a few words; a wrong value is a
// usage error when the flags are parsed.
type choice struct {
	p       *string
	allowed []string
}

func newChoice(p *string, def string, allowed ...string) *choice {
	*p = def
	return &choice{p: p, allowed: allowed}
}

func (c *choice) String() string { return *c.p }
func (c *choice) Type() string   { return "string" }

func (c *choice) Set(s string) error {
	if !slices.Contains(c.allowed, s) {
		return fmt.Errorf("erlaubt: %s", strings.Join(c.allowed, ", "))
	}
	*c.p = s
	return nil
}

var _ pflag.Value = (*choice)(nil)
