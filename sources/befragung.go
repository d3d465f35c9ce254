package sources

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/landkreis/konzept/schema"
)

// Antwort is one response as ReadAntworten hands it over: the values of the
// columns of the survey's questions, and nothing else of the record.
// Werte[i] is the answer to Fragen[i]; if the survey has a sprachspalte,
// Werte[len(Fragen)] is the questionnaire language. A value is "" where the
// record has no such field. The Antwort and its slice are reused for the
// next record: a caller keeps what it counts, never the Antwort.
type Antwort struct {
	Werte []string
	file  string
	sheet string
	line  int   // CSV: the line on which the record starts
	row   int   // XLSX: the row number
	cols  []int // XLSX: the column of each value, 1-based
}

// Pos returns the position of value i: in a CSV file the line on which the
// record starts (SPEC 5), in a workbook the cell.
func (a *Antwort) Pos(i int) schema.Pos {
	if a.sheet != "" {
		return cellPos(a.file, a.sheet, a.cols[i], a.row)
	}
	return schema.Pos{File: a.file, Line: a.line}
}

// ReadAntworten streams the responses file of b (`antworten`, .csv or .xlsx)
// and calls fn once per response, in order. The header is the first row;
// headers match the question ids and the sprachspalte trimmed and
// case-insensitively. A question or language column missing from the header
// is an error and fn is not called. Columns not named in `fragen` are
// dropped as each record is read: only the wanted values reach fn.
//
// A CSV file may be UTF-8, with or without BOM, or Windows-1252, and be
// separated by `;` or `,` (whichever the header line holds more of outside
// quotes; `;` when tied). The file is read twice, once to check its encoding,
// and never held whole in memory.
func ReadAntworten(fsys fs.FS, b *schema.Befragung, fn func(*Antwort)) schema.Problems {
	name, ok := cleanPath(b.Antworten)
	if !ok {
		return schema.Problems{schema.Errorf(b.At("antworten"), schema.CodePathOutside, b.Antworten)}
	}
	if strings.EqualFold(path.Ext(name), ".xlsx") {
		return readAntwortenXLSX(fsys, name, b, fn)
	}
	return readAntwortenCSV(fsys, name, b, fn)
}

// spalten returns the headers wanted from the responses of b, in the order
// of Antwort.Werte.
func spalten(b *schema.Befragung) []string {
	out := make([]string, 0, len(b.Fragen)+1)
	for _, f := range b.Fragen {
		out = append(out, f.ID)
	}
	if b.Sprachspalte != "" {
		out = append(out, b.Sprachspalte)
	}
	return out
}

// matchHeader returns for each wanted column the index of its header in
// header (the first one if it is given twice), or problems at pos for the
// missing ones.
func matchHeader(b *schema.Befragung, header []string, pos schema.Pos) ([]int, schema.Problems) {
	want := spalten(b)
	idx := make([]int, len(want))
	var ps schema.Problems
	for i, w := range want {
		idx[i] = -1
		for j, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(w)) {
				idx[i] = j
				break
			}
		}
		if idx[i] >= 0 {
			continue
		}
		if i < len(b.Fragen) {
			ps.Add(schema.Errorf(pos, schema.CodeAntwortSpalte, w, w))
		} else {
			ps.Add(schema.Errorf(pos, schema.CodeSprachspalte, w))
		}
	}
	return idx, ps
}

func readAntwortenCSV(fsys fs.FS, name string, b *schema.Befragung, fn func(*Antwort)) schema.Problems {
	at := schema.Pos{File: name}
	utf, err := isUTF8(fsys, name)
	if err != nil {
		return schema.Problems{schema.Errorf(at, schema.CodeUnreadable, err)}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return schema.Problems{schema.Errorf(at, schema.CodeUnreadable, err)}
	}
	defer f.Close()
	var r io.Reader = f
	if !utf {
		r = charmap.Windows1252.NewDecoder().Reader(f)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xEF\xBB\xBF")) {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(br.Size()) // as much of the start as there is
	if len(bytes.TrimSpace(head)) == 0 {
		return schema.Problems{schema.Errorf(at, schema.CodeEmpty)}
	}
	cr := csv.NewReader(br)
	cr.Comma = separator(head)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return schema.Problems{csvProblem(name, err)}
	}
	idx, ps := matchHeader(b, header, schema.Pos{File: name, Line: 1})
	if ps != nil {
		return ps
	}
	a := &Antwort{Werte: make([]string, len(idx)), file: name}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return schema.Problems{csvProblem(name, err)}
		}
		a.line, _ = cr.FieldPos(0)
		for i, j := range idx {
			a.Werte[i] = ""
			if j < len(rec) {
				a.Werte[i] = rec[j]
			}
		}
		fn(a)
	}
}

// csvProblem reports a CSV syntax error at its line.
func csvProblem(name string, err error) *schema.Problem {
	at := schema.Pos{File: name}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		at.Line, at.Column = pe.Line, pe.Column
		return schema.Errorf(at, schema.CodeCSV, csvGrund(pe.Err))
	}
	return schema.Errorf(at, schema.CodeUnreadable, err)
}

func csvGrund(err error) schema.T {
	switch {
	case errors.Is(err, csv.ErrQuote), errors.Is(err, csv.ErrBareQuote):
		return schema.T{De: "ein Anführungszeichen `\"` steht an falscher Stelle oder wird nicht geschlossen", En: "a quote `\"` is misplaced or never closed"}
	}
	return schema.T{De: err.Error(), En: err.Error()}
}

// separator returns the field separator of a CSV file that starts with
// head: `;` or `,`, whichever the first line holds more of outside quotes,
// and `;` (a German Excel's) when tied.
func separator(head []byte) rune {
	semi, comma := 0, 0
	quoted := false
scan:
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n' || c == '\r':
			break scan
		case c == ';':
			semi++
		case c == ',':
			comma++
		}
	}
	if comma > semi {
		return ','
	}
	return ';'
}

// isUTF8 reports whether the file is valid UTF-8, reading it in chunks.
func isUTF8(fsys fs.FS, name string) (bool, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	carry := 0 // bytes of an incomplete rune kept from the last chunk
	for {
		n, err := f.Read(buf[carry:])
		data := buf[:carry+n]
		if err == io.EOF {
			return utf8.Valid(data), nil
		}
		if err != nil {
			return false, err
		}
		// Keep up to three bytes at the end that may start a rune the next chunk completes.
		keep := 0
		for k := 1; k <= utf8.UTFMax-1 && k <= len(data); k++ {
			if c := data[len(data)-k]; utf8.RuneStart(c) {
				if !utf8.FullRune(data[len(data)-k:]) {
					keep = k
				}
				break
			}
		}
		if !utf8.Valid(data[:len(data)-keep]) {
			return false, nil
		}
		copy(buf, data[len(data)-keep:])
		carry = keep
	}
}
