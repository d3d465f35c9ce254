// Package cli implements the konzept commands. Execute builds the command
// tree, runs it, prints an error once, and turns it into the exit status;
// each command has an options struct bound to its flags, a constructor
// newXxxCmd, and a function runXxx that does the work without cobra.
package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Streams are where commands write: Out for the result of a command (problem
// lists as json or github, the schema, the version), ErrOut for messages to
// people (problems as text, summaries, errors).
type Streams struct {
	Out    io.Writer
	ErrOut io.Writer
}

// Exit statuses, as in the SPEC.
const (
	exitOK      = 0
	exitInvalid = 1 // the concept has errors (or warnings, with --strict), or the PDF cannot be made
	exitUsage   = 2 // wrong usage, no concept folder, or an output that cannot be written
)

// Execute runs konzept with args (without the program name) and returns the exit status.
func Execute(version string, args []string, s Streams) int {
	if args == nil {
		args = []string{} // nil would make cobra read os.Args
	}
	root := newRootCmd(resolveVersion(version), s)
	root.SetArgs(args)

	// cobra reports usage mistakes (unknown command, bad flag or flag value,
	// wrong number of arguments) before the command's RunE starts.
	ran := false
	visit(root, func(c *cobra.Command) {
		if run := c.RunE; run != nil {
			c.RunE = func(c *cobra.Command, args []string) error {
				ran = true
				return run(c, args)
			}
		}
	})
	cmd, err := root.ExecuteC()
	if err != nil && !ran {
		err = &usageError{err: err, usage: true}
	}
	printError(s.ErrOut, cmd, err)
	return exitCode(err)
}

// exitCode is the one place that maps an error to the exit status.
func exitCode(err error) int {
	var usage *usageError
	var output *outputError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &usage), errors.Is(err, sources.ErrNoConcept), errors.As(err, &output):
		return exitUsage
	case errors.Is(err, schema.ErrInvalid):
		return exitInvalid
	}
	return exitInvalid // e.g. the renderer failed: no PDF
}

// printError prints err once, for all commands. Problems in the concept are
// not printed again: the command has reported them in the chosen format.
func printError(w io.Writer, cmd *cobra.Command, err error) {
	if err == nil || errors.Is(err, schema.ErrInvalid) {
		return
	}
	fmt.Fprintf(w, "konzept: %v\n", err)
	var usage *usageError
	if errors.As(err, &usage) && usage.usage && cmd != nil {
		fmt.Fprintf(w, "\n%s", cmd.UsageString())
	}
}

// usageError is a mistake in how konzept was called.
type usageError struct {
	err   error
	usage bool // print the usage of the command after the message
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// outputError means an output file cannot be written.
type outputError struct{ err error }

func (e *outputError) Error() string { return e.err.Error() }
func (e *outputError) Unwrap() error { return e.err }

// causeError has a message of its own and unwraps to a sentinel cause.
type causeError struct {
	msg   string
	cause error
}

func (e *causeError) Error() string { return e.msg }
func (e *causeError) Unwrap() error { return e.cause }

func newRootCmd(version string, s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "konzept",
		Short: "Kommunale Integrationskonzepte prüfen und als PDF setzen",
		Long: `konzept prüft ein kommunales Integrationskonzept – konzept.yaml und die
Dateien, auf die sie verweist – und setzt daraus das PDF für Kreistag oder Rat.`,
		Example: `  konzept init mein-konzept                       Beispielkonzept anlegen
  konzept validate mein-konzept                   prüfen
  konzept build mein-konzept -o konzept.pdf       PDF erzeugen`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &usageError{err: err, usage: true}
	})
	root.SetUsageTemplate(usageTemplate)
	root.SetVersionTemplate("konzept {{.Version}}\n")
	root.PersistentFlags().BoolP("help", "h", false, "Hilfe anzeigen")
	root.Flags().Bool("version", false, "Version anzeigen")

	root.AddCommand(
		newInitCmd(s),
		newValidateCmd(s),
		newBuildCmd(s, version),
		newVorlageCmd(s),
		newExportCmd(s),
		newDiffCmd(s),
		newSchemaCmd(s),
		newVersionCmd(s, version),
	)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = "Hilfe zu einem Befehl anzeigen"
		case "completion":
			c.Short = "Skript für die Vervollständigung in der Shell ausgeben (bash, zsh, fish, powershell)"
		}
	}
	visit(root, func(c *cobra.Command) {
		c.DisableFlagsInUseLine = true // the Use lines say [Optionen]
		c.Flags().VisitAll(germanDefault)
	})
	return root
}

// germanDefault puts the default of a text flag into its usage, in German,
// instead of pflag's "(default …)".
func germanDefault(f *pflag.Flag) {
	if f.Value.Type() == "string" && f.DefValue != "" {
		f.Usage += " (Standard: " + f.DefValue + ")"
		f.DefValue = ""
	}
}

// visit calls f for c and all its subcommands.
func visit(c *cobra.Command, f func(*cobra.Command)) {
	f(c)
	for _, sub := range c.Commands() {
		visit(sub, f)
	}
}

// resolveVersion returns v, or the module version konzept was built from, or "dev".
func resolveVersion(v string) string {
	if v != "" {
		return v
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// tr returns the German or English text.
func tr(lang, de, en string) string {
	if lang == "en" {
		return en
	}
	return de
}

// usageTemplate is cobra's usage template in German, without command groups.
const usageTemplate = `Aufruf:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} BEFEHL{{end}}{{if .HasExample}}

Beispiele:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Befehle:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Optionen:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Allgemeine Optionen:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Hilfe zu einem Befehl: {{.CommandPath}} BEFEHL --help{{end}}
`
