package sources

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/landkreis/konzept/internal/gen"
)

// xmlDump writes the tokens of a part as xmlTokens returns them, read in
// pieces of chunk bytes, and whether reading ended in an error.
func xmlDump(data []byte, chunk int) string {
	defer func(c int) { xmlChunk = c }(xmlChunk)
	xmlChunk = chunk
	var b strings.Builder
	x := newXMLTokens(iotest.HalfReader(bytes.NewReader(data)))
	for {
		t, err := x.next()
		if err != nil {
			fmt.Fprintf(&b, "error: %v\n", err != io.EOF)
			return b.String()
		}
		switch t.kind {
		case xmlStart:
			fmt.Fprintf(&b, "<%q", t.local)
			for _, a := range t.attrs {
				fmt.Fprintf(&b, " %q=%q", a.local, a.value)
			}
			b.WriteString(">\n")
		case xmlEnd:
			fmt.Fprintf(&b, "</%q>\n", t.local)
		case xmlText:
			fmt.Fprintf(&b, "%q\n", t.text)
		}
	}
}

// stdDump writes the tokens encoding/xml's RawToken returns as xmlDump
// does, checking at the end that every element was closed.
func stdDump(data []byte) string {
	var b strings.Builder
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF && depth != 0 {
			err = errCorrupt
		}
		if err != nil {
			fmt.Fprintf(&b, "error: %v\n", err != io.EOF)
			return b.String()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			fmt.Fprintf(&b, "<%q", t.Name.Local)
			for _, a := range t.Attr {
				fmt.Fprintf(&b, " %q=%q", a.Name.Local, a.Value)
			}
			b.WriteString(">\n")
		case xml.EndElement:
			depth--
			fmt.Fprintf(&b, "</%q>\n", t.Name.Local)
		case xml.CharData:
			fmt.Fprintf(&b, "%q\n", []byte(t))
		}
	}
}

var xmlSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> Kinder &amp; Jugend </t></is></c><c r="C1"/></row>` +
		`</sheetData><mergeCells count="1"><mergeCell ref="A3:A7"/></mergeCells></worksheet>`,
	`<x:sst xmlns:x="urn:x"><x:si><x:t>a&lt;b&gt;c&apos;d&quot;</x:t><x:rPh sb="0"><x:t>ふ</x:t></x:rPh></x:si></x:sst>`,
	"<a b='1'c=\"2\" >\r\nx&#10;y<!-- c --><![CDATA[<z>]]></a >",
	`<?xml version="1.0" encoding="windows-1252"?><a/>`,
	`<a:b:c/>`, `<:a b:="1"/>`, `<1a/>`, `<a>]]></a>`, `<a b="<"/>`, `<a>&nbsp;</a>`, "<a>\x01</a>", "<a>\xff</a>", "<a>\uFFFE</a>",
	"<a b=\"&#xA;&#13;\">x&#xA;y&#10;z&#65;&#x1F600;</a>", "<a>&#0;</a>", "<a>&#x110000;</a>", "<a>&#xD800;</a>", "<a>&#65</a>", "<a>&#X41;</a>", "<a>&#0000065;</a>",
	`<a><b></a>`, `<a>`, `<a b="1`, `<a`, "\ufeff<a>ü</a>", `<!DOCTYPE a><a/>`, `<a/ >`, `</a>`, `<a></b>`,
}

func TestXMLTokens(t *testing.T) {
	for _, s := range xmlSeeds {
		want := stdDump([]byte(s))
		for _, chunk := range []int{1, 3, 64 << 10} {
			if got := xmlDump([]byte(s), chunk); got != want {
				t.Errorf("%q read %d bytes at a time:\n%s\nencoding/xml:\n%s", s, chunk, got, want)
			}
		}
	}
}

// TestXMLTokensWorkbooks checks that xmlTokens reads the worksheets and
// shared strings of the example's workbooks and of generated ones itself,
// without handing them to encoding/xml, and as encoding/xml would.
func TestXMLTokensWorkbooks(t *testing.T) {
	files, err := gen.Files(1)
	if err != nil {
		t.Fatal(err)
	}
	books := map[string][]byte{}
	for name, data := range files {
		if strings.HasSuffix(name, ".xlsx") {
			books[name] = data
		}
	}
	books["workshops/arbeitskreis-gesundheit.xlsx"] = beispielDatei(t, "workshops/arbeitskreis-gesundheit.xlsx")
	for name, data := range books {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if !strings.HasPrefix(f.Name, "xl/worksheets/") && f.Name != "xl/sharedStrings.xml" {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			part, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			x := newXMLTokens(bytes.NewReader(part))
			for err == nil {
				_, err = x.next()
			}
			if err != io.EOF || x.std != nil {
				t.Errorf("%s, %s: read to %v, by encoding/xml: %v", name, f.Name, err, x.std != nil)
			}
			if got, want := xmlDump(part, 4096), stdDump(part); got != want {
				t.Errorf("%s, %s: tokens differ from encoding/xml's", name, f.Name)
			}
		}
	}
}

// cutReader gives data, then fails with io.ErrUnexpectedEOF, as a zip
// entry shorter than its header says does.
type cutReader struct{ data []byte }

func (r *cutReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.ErrUnexpectedEOF
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestXMLTokensCut checks that a part cut off at the level of its root is
// an error, not a short part.
func TestXMLTokensCut(t *testing.T) {
	for _, s := range []string{"<worksheet><sheetData/></worksheet>", "<a/>", `<?xml version="1.0"?>`, "", "<a>text"} {
		x := newXMLTokens(&cutReader{[]byte(s)})
		var err error
		for err == nil {
			_, err = x.next()
		}
		if err == io.EOF {
			t.Errorf("%q cut off: read to its end", s)
		}
		if _, again := x.next(); again != err {
			t.Errorf("%q cut off: %v, then %v", s, err, again)
		}
	}
}

// TestXMLTokensLong checks that a token longer than xmlTokens keeps is read
// by encoding/xml, as it would read it.
func TestXMLTokensLong(t *testing.T) {
	for _, s := range []string{"<a" + strings.Repeat(" ", 3<<20) + "/>", "<a>" + strings.Repeat("x", 3<<20) + "</a>"} {
		x := newXMLTokens(iotest.HalfReader(strings.NewReader(s)))
		var err error
		for err == nil {
			_, err = x.next()
		}
		if err != io.EOF || x.std == nil {
			t.Errorf("token of %d bytes: ended with %v, read by encoding/xml: %v", len(s), err, x.std != nil)
		}
		if got, want := xmlDump([]byte(s), 32<<10), stdDump([]byte(s)); got != want {
			t.Errorf("token of %d bytes: tokens differ from encoding/xml's", len(s))
		}
	}
}
