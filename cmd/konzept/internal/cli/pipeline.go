package cli

import (
	"io/fs"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
)

// load runs the input pipeline on a concept folder (read, validate, merge,
// resolve: assemble.Load) and checks that the PDF font prints every character
// of the texts, so that validate finds everything build would reject.
func load(fsys fs.FS) (*assemble.Konzept, schema.Problems, error) {
	k, ps, err := assemble.Load(fsys)
	if err != nil {
		return nil, nil, err
	}
	ps.Add(output.CheckGlyphs(k)...)
	ps.Sort()
	return k, ps, nil
}
