package sources

import (
	"io/fs"

	"github.com/landkreis/konzept/schema"
)

// Workbook is a workshop workbook (SPEC section 3) as read: its goal and
// measure rows, each with the position (sheet and cell) of every value.
// References (field, goal, actors, themes) are kept as written; package
// assemble resolves them against the whole concept.
type Workbook struct {
	File       string
	Ziele      []ZielZeile
	Massnahmen []MassnahmeZeile
}

// ZielZeile is a row of the sheet "Ziele". Its Origin (in Ziel) has the
// position of the row's first cell and of the cell of each key, including
// "handlungsfeld".
type ZielZeile struct {
	Handlungsfeld string // field id or exact title, as written
	schema.Ziel
}

// MassnahmeZeile is a row of the sheet "Maßnahmen". Federfuehrung, Partner
// and Querschnitt hold what the cells say (id, name or short name); its Origin
// has the position of the cell of each key, including "handlungsfeld" and "ziel".
type MassnahmeZeile struct {
	Handlungsfeld string // field id or exact title, as written; may be empty
	ZielNr        string
	schema.Massnahme
}

// ReadWorkbook reads the workshop workbook file of fsys.
func ReadWorkbook(fsys fs.FS, file string) (*Workbook, schema.Problems) {
	return &Workbook{File: file}, schema.Problems{schema.Errorf(schema.Pos{File: file}, schema.CodeSourceType, file)}
}
