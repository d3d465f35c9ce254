package output

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/landkreis/konzept/assemble"
	"github.com/xuri/excelize/v2"
)

// BefragungVorlage writes the response sheet a survey tool's export should
// match: for every survey of k a sheet with one column per question id (and
// the language column, if the survey has one), the question texts as input
// messages, and checks from the questions: drop-downs of the options of
// single-choice questions, whole numbers within the scale, numbers.
func BefragungVorlage(w io.Writer, k *assemble.Konzept) error {
	f := excelize.NewFile()
	defer f.Close()
	if len(k.Befragungen) == 0 {
		return fmt.Errorf("das Konzept hat keine Befragung (`befragungen`)")
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	const rows = 5000
	listen, listCol := "Listen", 0
	for i, b := range k.Befragungen {
		sheet := b.Tabellenblatt
		if sheet == "" {
			sheet = b.ID
		}
		sheet = truncate(sheet, 31)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		col := 0
		add := func(header, title, msg string, check func(*excelize.DataValidation)) error {
			col++
			name, _ := excelize.ColumnNumberToName(col)
			if err := f.SetCellStr(sheet, name+"1", header); err != nil {
				return err
			}
			if err := f.SetColWidth(sheet, name, name, 18); err != nil {
				return err
			}
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(fmt.Sprintf("%s2:%s%d", name, name, rows))
			dv.SetInput(truncate(title, 32), truncate(msg, 255))
			if check != nil {
				check(dv)
			}
			return f.AddDataValidation(sheet, dv)
		}
		// dropList puts vals on the hidden list sheet: option texts may hold commas.
		dropList := func(vals []string) func(*excelize.DataValidation) {
			return func(dv *excelize.DataValidation) {
				listCol++
				c, _ := excelize.ColumnNumberToName(listCol)
				for r, v := range vals {
					_ = f.SetCellStr(listen, c+strconv.Itoa(r+1), v)
				}
				dv.SetSqrefDropList(fmt.Sprintf("%s!$%s$1:$%s$%d", listen, c, c, len(vals)))
				dv.SetError(excelize.DataValidationErrorStyleWarning, "Keine der Optionen", "Die Antwort wird als „sonstige“ gezählt.")
			}
		}
		if i == 0 {
			if _, err := f.NewSheet(listen); err != nil {
				return err
			}
		}
		if b.Sprachspalte != "" {
			if err := add(b.Sprachspalte, "Sprache", "Sprache des Fragebogens: de, en oder ls (Leichte Sprache)", dropList([]string{"de", "en", "ls"})); err != nil {
				return err
			}
		}
		for _, q := range b.Fragen {
			var check func(*excelize.DataValidation)
			msg := q.Text
			switch q.Typ {
			case "einfach":
				check = dropList(q.Optionen)
			case "mehrfach":
				msg += " – mehrere Antworten mit ; trennen: " + strings.Join(q.Optionen, "; ")
			case "skala":
				if s := q.Skala; s != nil {
					msg += fmt.Sprintf(" – ganze Zahl von %d bis %d", s.Min, s.Max)
					check = func(dv *excelize.DataValidation) {
						dv.Type, dv.Operator = "whole", "between"
						dv.Formula1, dv.Formula2 = strconv.Itoa(s.Min), strconv.Itoa(s.Max)
						dv.SetError(excelize.DataValidationErrorStyleStop, "Außerhalb der Skala", fmt.Sprintf("Erlaubt sind ganze Zahlen von %d bis %d.", s.Min, s.Max))
					}
				}
			case "zahl":
				msg += " – eine Zahl"
				check = func(dv *excelize.DataValidation) {
					dv.Type, dv.Operator, dv.Formula1, dv.Formula2 = "decimal", "between", "-1E+307", "1E+307"
				}
			case "freitext":
				msg += " – freier Text (wird nur gezählt, nie abgedruckt)"
			}
			if err := add(q.ID, q.ID, msg, check); err != nil {
				return err
			}
		}
		if err := f.SetRowStyle(sheet, 1, 1, head); err != nil {
			return err
		}
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(listen, false); err != nil {
		return err
	}
	m := k.Konzept.Konzept
	date := m.Stand.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: "Befragung: " + m.Titel, Creator: m.Traeger, LastModifiedBy: m.Traeger, Created: date, Modified: date}); err != nil {
		return err
	}
	return f.Write(w)
}

// truncate shortens s to at most n runes (Excel's limits on sheet names and messages).
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
