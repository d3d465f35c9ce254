package gen

import (
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// Cell is a value for a workbook cell and, if not 0, its style. A nil value
// leaves the cell empty.
type Cell struct {
	V     any
	Style int
}

// Styles are the cell styles a consultant's workbook uses.
type Styles struct {
	Title  int // bold, larger: the title line above the header
	Header int // bold on a blue fill, wrapped
	Date   int // a date cell shown as DD.MM.YYYY
	Money  int // a number shown as #,##0.00 "€"
	Wrap   int // wrapped text, aligned at the top
}

// NewStyles adds the Styles to f, always in the same order, so that the
// same workbook gives the same bytes.
func NewStyles(f *excelize.File) (Styles, error) {
	var s Styles
	var err error
	if s.Title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}); err != nil {
		return s, err
	}
	if s.Header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	}); err != nil {
		return s, err
	}
	datum := "DD.MM.YYYY"
	if s.Date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &datum}); err != nil {
		return s, err
	}
	euro := `#,##0.00 "€"`
	if s.Money, err = f.NewStyle(&excelize.Style{CustomNumFmt: &euro}); err != nil {
		return s, err
	}
	s.Wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return s, err
}

// SetRows writes rows of cells to sheet from row first on.
func SetRows(f *excelize.File, sheet string, first int, rows [][]Cell) error {
	for i, row := range rows {
		for j, c := range row {
			if c.V == nil {
				continue
			}
			ref, err := excelize.CoordinatesToCellName(j+1, first+i)
			if err != nil {
				return err
			}
			if err := f.SetCellValue(sheet, ref, c.V); err != nil {
				return err
			}
			if c.Style != 0 {
				if err := f.SetCellStyle(sheet, ref, ref, c.Style); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// SaveWorkbook writes f to the file name, creating its folder.
func SaveWorkbook(f *excelize.File, name string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := f.Write(out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Pick chooses one of vs with the given weights.
func Pick[T any](r *rand.Rand, vs []T, weights []int) T {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return vs[i]
		}
		n -= w
	}
	return vs[len(vs)-1]
}
