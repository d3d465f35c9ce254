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
	kod, err := pruefeCSV(fsys, name)
	if err != nil {
		return schema.Problems{schema.Errorf(at, schema.CodeUnreadable, err)}
	}
	if kod.problem != nil {
		return schema.Problems{kod.problem}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return schema.Problems{schema.Errorf(at, schema.CodeUnreadable, err)}
	}
	defer f.Close()
	var r io.Reader = f
	if !kod.utf8 {
		r = charmap.Windows1252.NewDecoder().Reader(f)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, utf8BOM) {
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
	if len(header) > maxCSVSpalten {
		return schema.Problems{schema.Errorf(schema.Pos{File: name, Line: 1}, schema.CodeCSV, grundSpalten)}
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
		if len(rec) > maxCSVSpalten {
			return schema.Problems{schema.Errorf(schema.Pos{File: name, Line: a.line}, schema.CodeCSV, grundSpalten)}
		}
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

// csvKodierung is what the first pass over a responses file finds: its
// encoding, or the first thing that keeps it from being read.
type csvKodierung struct {
	utf8    bool            // the file is UTF-8 (else Windows-1252)
	problem *schema.Problem // not nil if the file cannot be read
}

// Why a responses file cannot be read, for CodeCSV.
var (
	grundNUL      = schema.T{De: "hier steht ein NUL-Byte (Zeichen 0): die Datei ist keine Textdatei, oder sie ist in UTF-16 („Unicode-Text“) gespeichert – bitte als „CSV UTF-8“ speichern", En: "here is a NUL byte (character 0): the file is not a text file, or it is saved as UTF-16 (“Unicode text”) – please save it as “CSV UTF-8”"}
	grundGemischt = schema.T{De: "die Datei ist in UTF-8 gespeichert, hier steht aber ein Zeichen in einer anderen Kodierung (etwa ein Umlaut aus Windows-1252) – bitte die ganze Datei als „CSV UTF-8“ speichern", En: "the file is saved as UTF-8, but here is a character in another encoding (such as an umlaut in Windows-1252) – please save the whole file as “CSV UTF-8”"}
	grundLang     = schema.T{De: "der Datensatz ab hier ist länger als 4 MiB – ist ein Anführungszeichen `\"` nicht geschlossen?", En: "the record from here on is longer than 4 MiB – is a quote `\"` never closed?"}
	grundSpalten  = schema.T{De: "mehr als 16.384 Spalten, so viele hat keine Tabelle – ist es die richtige Datei?", En: "more than 16,384 columns, more than any spreadsheet has – is it the right file?"}
	utf8BOM       = []byte("\xEF\xBB\xBF")
)

// csvBesonders marks the bytes pruefeCSV looks at: NUL, quote, line feed
// and the bytes of characters beyond ASCII.
var csvBesonders = func() (t [256]bool) {
	t[0], t['"'], t['\n'] = true, true, true
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// pruefeCSV reads the responses file once, in chunks, to find its encoding
// and what would keep it from being read: a NUL byte (a binary or UTF-16
// file), a record longer than maxCSVDatensatz (a quote never closed, or not
// a CSV file at all), or bytes that are not UTF-8 in a file that is
// otherwise UTF-8. A file with such bytes is read as Windows-1252 (as Excel
// writes CSV), unless it holds more UTF-8 sequences of several bytes than
// such bytes: then it is a UTF-8 file damaged by a paste from elsewhere, and
// reading it as Windows-1252 would garble every umlaut.
func pruefeCSV(fsys fs.FS, name string) (csvKodierung, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return csvKodierung{}, err
	}
	defer f.Close()
	var (
		line, recLine  = 1, 1
		recLen         int
		quoted         bool
		multi, invalid int
		firstBad       int
		at             = func(line int) schema.Pos { return schema.Pos{File: name, Line: line} }
		buf            = make([]byte, 64<<10)
		carry          int // bytes of an incomplete rune kept from the last chunk
	)
	for {
		n, err := f.Read(buf[carry:])
		eof := err == io.EOF
		if err != nil && !eof {
			return csvKodierung{}, err
		}
		data := buf[:carry+n]
		i := 0
		for i < len(data) {
			// Most bytes only count towards the record's length.
			j := i
			for j < len(data) && !csvBesonders[data[j]] {
				j++
			}
			if recLen += j - i; recLen > maxCSVDatensatz {
				return csvKodierung{problem: schema.Errorf(at(recLine), schema.CodeCSV, grundLang)}, nil
			}
			if i = j; i == len(data) {
				break
			}
			c := data[i]
			size := 1
			switch {
			case c == 0:
				return csvKodierung{problem: schema.Errorf(at(line), schema.CodeCSV, grundNUL)}, nil
			case c == '"':
				quoted = !quoted
			case c == '\n':
				line++
				if !quoted {
					recLine, recLen = line, -1
				}
			case c >= utf8.RuneSelf:
				var r rune
				r, size = utf8.DecodeRune(data[i:])
				switch {
				case r == utf8.RuneError && size <= 1 && !eof && !utf8.FullRune(data[i:]):
					goto next // the rest of the rune is in the next chunk
				case r == utf8.RuneError && size <= 1:
					if invalid++; firstBad == 0 {
						firstBad = line
					}
				default:
					multi++
				}
			}
			if recLen += size; recLen > maxCSVDatensatz {
				return csvKodierung{problem: schema.Errorf(at(recLine), schema.CodeCSV, grundLang)}, nil
			}
			i += size
		}
	next:
		carry = copy(buf, data[i:])
		if eof {
			break
		}
	}
	switch {
	case invalid == 0:
		return csvKodierung{utf8: true}, nil
	case multi > invalid:
		return csvKodierung{problem: schema.Errorf(at(firstBad), schema.CodeCSV, grundGemischt)}, nil
	}
	return csvKodierung{}, nil
}
