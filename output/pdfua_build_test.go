package output_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"maps"
	"strings"
	"testing"
	"unicode/utf16"
)

// Small hand-made PDFs for TestPDFUAChecker: pdfuaGoodDoc passes every
// check, and each test case changes one thing in it.

// pdfuaDoc is a one-page PDF as object bodies (without "n 0 obj" and
// "endobj"); the page content (object 9, FlateDecode) and the XMP packet
// (object 10) are kept apart so that cases can edit them as text.
type pdfuaDoc struct {
	objs    map[int]string
	content string
	xmp     string
	trailer string // entries besides /Size and /Prev
}

// bytes writes the document; each update is appended as an incremental
// update with its own cross-reference section and /Prev.
func (d *pdfuaDoc) bytes(updates ...map[int]string) []byte {
	objs := maps.Clone(d.objs)
	objs[9] = pdfuaFlateStream("", d.content)
	objs[10] = pdfuaRawStream("/Type /Metadata /Subtype /XML", d.xmp)
	return pdfuaBuild(d.trailer, append([]map[int]string{objs}, updates...)...)
}

// edit replaces old by new in *s and fails the test if old is not there,
// so that a case cannot silently test the unchanged document.
func pdfuaEdit(t *testing.T, s *string, old, new string) {
	t.Helper()
	if !strings.Contains(*s, old) {
		t.Fatalf("%q not found in %q", old, *s)
	}
	*s = strings.Replace(*s, old, new, 1)
}

// pdfuaBuild writes a PDF with a classic cross-reference table per section.
func pdfuaBuild(trailer string, sections ...map[int]string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	size := 0
	for _, objs := range sections {
		for n := range objs {
			size = max(size, n+1)
		}
	}
	prev := -1
	for _, objs := range sections {
		nums := pdfuaSortedKeys(objs)
		offs := map[int]int{}
		for _, n := range nums {
			offs[n] = b.Len()
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, objs[n])
		}
		xref := b.Len()
		b.WriteString("xref\n")
		if prev < 0 {
			fmt.Fprintf(&b, "0 %d\n0000000000 65535 f \n", size)
			for n := 1; n < size; n++ {
				if o, ok := offs[n]; ok {
					fmt.Fprintf(&b, "%010d 00000 n \n", o)
				} else {
					b.WriteString("0000000000 00000 f \n")
				}
			}
		} else {
			for _, n := range nums {
				fmt.Fprintf(&b, "%d 1\n%010d 00000 n \n", n, offs[n])
			}
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d %s", size, trailer)
		if prev >= 0 {
			fmt.Fprintf(&b, " /Prev %d", prev)
		}
		fmt.Fprintf(&b, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
		prev = xref
	}
	return b.Bytes()
}

func pdfuaRawStream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func pdfuaFlateStream(dict, data string) string {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write([]byte(data))
	w.Close()
	return pdfuaRawStream(dict+" /Filter /FlateDecode", z.String())
}

// pdfuaUTF16 is s as a PDF text string in UTF-16BE with byte order mark.
func pdfuaUTF16(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfuaICC is the header of an RGB display profile; the checker reads no more.
func pdfuaICC() string {
	h := make([]byte, 128)
	copy(h[12:], "mntrRGB XYZ ")
	copy(h[36:], "acsp")
	return string(h)
}

// pdfuaGoodDoc returns a fresh tagged one-page document that passes every check:
//
//	Document 21
//	  H1 22 (MCID 0)
//	  P 23 (MCR MCID 1)
//	    Link 24 (MCID 2, OBJR → annotation 12)
//	  Chapter 25 (role-mapped to Sect)
//	    H2 26 (MCID 3)
//	    H3 39 (MCID 9)
//	    Figure 27 (MCID 4)
//	    Table 28 / THead 29 / TR 30 / TH 31 (MCID 5)
//	             / TBody 32 / TR 33 / TD 34 (MCID 6)
//	    L 35 / LI 36 / Lbl 37 (MCID 7), LBody 38 (MCID 8)
func pdfuaGoodDoc() *pdfuaDoc {
	const title = "Integrationskonzept für Ünterstadt"
	objs := map[int]string{
		1: `<< /Type /Catalog /Pages 3 0 R /StructTreeRoot 20 0 R /MarkInfo << /Marked true >> /Lang (de-DE)
/ViewerPreferences << /DisplayDocTitle true >> /Metadata 10 0 R
/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /DestOutputProfile 11 0 R >>] >>`,
		2: `<< /Title ` + pdfuaUTF16(title) + ` /Author (Landkreis Musterland) /Producer (konzept test)
/CreationDate (D:20250901020000+02'00') /ModDate (D:20250901000000Z) >>`,
		3:  `<< /Type /Pages /Kids [4 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>`,
		4:  `<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 9 0 R /StructParents 0 /Tabs /S /Annots [12 0 R] >>`,
		5:  `<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Sans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>`,
		6:  `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Sans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>`,
		7:  `<< /Type /FontDescriptor /FontName /AAAAAA+Sans /Flags 32 /FontBBox [0 0 1000 1000] /FontFile2 13 0 R >>`,
		8:  pdfuaRawStream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap endcmap end end"),
		11: pdfuaFlateStream("/N 3", pdfuaICC()),
		12: `<< /Type /Annot /Subtype /Link /Rect [72 676 140 690] /Border [0 0 0] /Contents (Zum Vorwort) /F 4 /StructParent 1
/A << /S /URI /URI (https://example.org/) >> >>`,
		13: pdfuaRawStream("/Length1 4", "\x00\x01\x00\x00"),
		20: `<< /Type /StructTreeRoot /K 21 0 R /ParentTree 40 0 R /ParentTreeNextKey 2 /RoleMap << /Chapter /Sect >> >>`,
		21: `<< /Type /StructElem /S /Document /P 20 0 R /K [22 0 R 23 0 R 25 0 R] >>`,
		22: `<< /Type /StructElem /S /H1 /P 21 0 R /Pg 4 0 R /K 0 >>`,
		23: `<< /Type /StructElem /S /P /P 21 0 R /K [<< /Type /MCR /Pg 4 0 R /MCID 1 >> 24 0 R] >>`,
		24: `<< /Type /StructElem /S /Link /P 23 0 R /Pg 4 0 R /K [2 << /Type /OBJR /Obj 12 0 R >>] >>`,
		25: `<< /Type /StructElem /S /Chapter /P 21 0 R /K [26 0 R 39 0 R 27 0 R 28 0 R 35 0 R] >>`,
		26: `<< /Type /StructElem /S /H2 /P 25 0 R /Pg 4 0 R /K 3 >>`,
		27: `<< /Type /StructElem /S /Figure /P 25 0 R /Pg 4 0 R /Alt (Balkendiagramm: 3 Maßnahmen geplant, 2 umgesetzt) /K 4 >>`,
		28: `<< /Type /StructElem /S /Table /P 25 0 R /K [29 0 R 32 0 R] >>`,
		29: `<< /Type /StructElem /S /THead /P 28 0 R /K 30 0 R >>`,
		30: `<< /Type /StructElem /S /TR /P 29 0 R /K [31 0 R] >>`,
		31: `<< /Type /StructElem /S /TH /P 30 0 R /Pg 4 0 R /A << /O /Table /Scope /Column >> /K 5 >>`,
		32: `<< /Type /StructElem /S /TBody /P 28 0 R /K 33 0 R >>`,
		33: `<< /Type /StructElem /S /TR /P 32 0 R /K 34 0 R >>`,
		34: `<< /Type /StructElem /S /TD /P 33 0 R /Pg 4 0 R /K 6 >>`,
		35: `<< /Type /StructElem /S /L /P 25 0 R /K 36 0 R >>`,
		36: `<< /Type /StructElem /S /LI /P 35 0 R /K [37 0 R 38 0 R] >>`,
		37: `<< /Type /StructElem /S /Lbl /P 36 0 R /Pg 4 0 R /K 7 >>`,
		38: `<< /Type /StructElem /S /LBody /P 36 0 R /Pg 4 0 R /K [8] >>`,
		39: `<< /Type /StructElem /S /H3 /P 25 0 R /Pg 4 0 R /K 9 >>`,
		40: `<< /Nums [0 [22 0 R 23 0 R 24 0 R 26 0 R 27 0 R 31 0 R 34 0 R 37 0 R 38 0 R 39 0 R] 1 24 0 R] >>`,
	}
	content := `/Artifact <</Type /Pagination /Subtype /Header>> BDC
0 0.35 0.61 rg 0 800 595 42 re f
BT /F1 9 Tf 72 820 Td <00410042> Tj ET
EMC
/H1 <</MCID 0>> BDC BT /F1 20 Tf 72 740 Td <0001> Tj ET EMC
/P <</MCID 1>> BDC BT /F1 10 Tf 72 700 Td (Text \(mit EMC\) Tj und \\) Tj [(Tei) 20 (lung)] TJ ET EMC
/Link <</MCID 2>> BDC BT 72 680 Td (Vorwort) Tj ET EMC
/H2 <</MCID 3>> BDC BT 72 650 Td (Abschnitt) Tj ET EMC
/H3 <</MCID 9>> BDC BT 72 630 Td (Unterabschnitt) Tj ET EMC
/Figure <</MCID 4>> BDC q 0 0 1 rg 72 500 100 80 re f 72 500 m 172 580 l S Q EMC
/TH <</MCID 5>> BDC BT 72 450 Td (Kopf) Tj ET EMC
/TD <</MCID 6>> BDC BT 72 430 Td (Zelle) Tj ET EMC
/Artifact BMC 0.5 w 72 425 m 300 425 l S EMC
/Lbl <</MCID 7>> BDC BT 72 400 Td (\225) Tj ET EMC
/LBody <</MCID 8>> BDC /Span <</Lang (en)>> BDC BT 84 400 Td 1 0 (Item) " (more) ' ET EMC EMC
/Artifact BMC BT 280 30 Td (Seite 1 von 1) Tj ET EMC
% a comment: Tj EMC
72 300 200 100 re W n
`
	xmp := `<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + title + `</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Landkreis Musterland</rdf:li></rdf:Seq></dc:creator>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="2025-09-01T00:00:00Z">
<xmp:ModifyDate>2025-09-01T02:00:00+02:00</xmp:ModifyDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="konzept test"/>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
	return &pdfuaDoc{
		objs:    objs,
		content: content,
		xmp:     xmp,
		trailer: "/Root 1 0 R /Info 2 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
	}
}
