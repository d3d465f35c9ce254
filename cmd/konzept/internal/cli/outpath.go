package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/landkreis/konzept/assemble"
)

// checkOutputs refuses output files that cannot or must not be written
// before anything is rendered: one that is a file the concept in folder dir
// was read from (`-o konzept.yaml` would replace the concept by its PDF),
// and one whose folder is a file (build, export). Files are compared as the system sees
// them (os.SameFile), so another spelling of the path, a symbolic or a hard
// link is the same file. Empty names (no --vorlage) are skipped; dir is ""
// for the embedded example, which has no files to protect.
func checkOutputs(dir string, k *assemble.Konzept, lang string, outputs ...string) error {
	inputs := inputFiles(dir, k)
	for _, out := range outputs {
		if out == "" {
			continue
		}
		if st, err := os.Stat(filepath.Dir(out)); err == nil && !st.IsDir() {
			return &outputError{fmt.Errorf(tr(lang,
				"„%s“ kann nicht geschrieben werden: „%s“ ist kein Ordner, sondern eine Datei",
				"“%s” cannot be written: “%s” is not a folder but a file"), out, filepath.Dir(out))}
		}
		st, err := os.Stat(out)
		if err != nil {
			continue // a file that does not exist yet is no input
		}
		for _, in := range inputs {
			if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
				rel, err := filepath.Rel(dir, in)
				if err != nil {
					rel = in
				}
				return &usageError{err: fmt.Errorf(tr(lang,
					"„%s“ ist die Eingabedatei %s des Konzepts und wird nicht ersetzt – bitte mit -o eine andere Datei nennen",
					"“%s” is the input file %s of the concept and is not replaced – please name another file with -o"),
					out, filepath.ToSlash(rel))}
			}
		}
	}
	return nil
}

// inputFiles returns the paths of the files the concept in folder dir was
// read from: konzept.yaml, the fragments and workbooks under `quellen`, the
// logo and the survey responses.
func inputFiles(dir string, k *assemble.Konzept) []string {
	if dir == "" || k == nil || k.Konzept == nil {
		return nil
	}
	var names []string
	for _, q := range k.Quellen {
		names = append(names, q.Datei)
	}
	if k.Logo != nil {
		names = append(names, k.Logo.Path)
	}
	for _, b := range k.Befragungen {
		names = append(names, b.Antworten)
	}
	names = append(names, "konzept.yaml") // also if it could not be read at all
	var out []string
	for _, n := range names {
		if n == "" || filepath.IsAbs(n) {
			continue
		}
		out = append(out, filepath.Join(dir, filepath.FromSlash(n)))
	}
	return out
}
