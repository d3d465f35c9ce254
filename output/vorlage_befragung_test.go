package output_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/landkreis/konzept/output"
	"github.com/xuri/excelize/v2"
)

// TestBefragungVorlage checks the response sheet of the example's survey:
// one column per question id after the language column, and the checks
// that come from the questions.
func TestBefragungVorlage(t *testing.T) {
	k := mustLoad(t)
	var buf bytes.Buffer
	if err := output.BefragungVorlage(&buf, k); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := k.Befragungen[0]
	sheet := b.ID
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{b.Sprachspalte}
	for _, q := range b.Fragen {
		want = append(want, q.ID)
	}
	if got := strings.Join(rows[0], ","); got != strings.Join(want, ",") {
		t.Errorf("headers %q, want %q", got, strings.Join(want, ","))
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, dv := range dvs {
		types[strings.SplitN(dv.Sqref, ":", 2)[0]] = dv.Type + " " + dv.Formula1
	}
	for i, q := range b.Fragen {
		c, _ := excelize.ColumnNumberToName(i + 2)
		got := types[c+"2"]
		switch q.Typ {
		case "einfach":
			if !strings.HasPrefix(got, "list Listen!") {
				t.Errorf("question %s (einfach): check %q, want a list on the sheet Listen", q.ID, got)
			}
		case "skala":
			if !strings.HasPrefix(got, "whole ") {
				t.Errorf("question %s (skala): check %q, want whole numbers", q.ID, got)
			}
		}
	}
	if v, _ := f.GetSheetVisible("Listen"); v {
		t.Error("the sheet Listen is visible")
	}
}
