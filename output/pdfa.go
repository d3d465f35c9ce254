package output

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/klauspost/compress/zlib"
	"github.com/landkreis/konzept/internal/par"
)

//go:embed icc/sRGB2014.icc
var srgbProfile []byte

// docInfo is the document information written both into the Info
// dictionary and into the XMP metadata, which PDF/A requires to agree.
type docInfo struct {
	title, author, subject, keywords, creator, lang string
	date                                            time.Time
}

// finish turns fpdf's output into a tagged PDF/UA-1 and PDF/A-2b file. It
// rewrites the file whole (fpdf writes one classic xref table and no object
// streams, so its objects can be taken over by their offsets): a binary
// header comment, the catalog with structure tree, mark info, viewer
// preferences, XMP metadata and sRGB output intent, the fonts and images
// drawn with (see embedFonts), every page with the content c drew on it,
// /StructParents, /Tabs /S and its link annotations, a fresh Info
// dictionary, and a trailer /ID derived from the content, so that the same
// input still gives the same bytes. order gives the pages in the order of
// the document, by their index in fpdf's (see doc.pageOrder).
func finish(raw []byte, c *canvas, info docInfo, order []int) ([]byte, error) {
	content, late := c.close()
	f, err := parsePDF(raw)
	if err != nil {
		return nil, fmt.Errorf("output: PDF nachbearbeiten: %w", err)
	}
	w := &pdfWriter{objs: f.objs}
	pages, t := f.pages, c.tags
	if len(pages) != len(t.pages) || len(pages) != len(order) || len(pages) != len(content) {
		return nil, fmt.Errorf("output: %d Seiten, aber %d im Strukturbaum, %d in der Reihenfolge und %d mit Inhalt",
			len(pages), len(t.pages), len(order), len(content))
	}
	ordered := []byte("/Kids [")
	for _, i := range order {
		ordered = appendRef(ordered, pages[i])
		ordered = append(ordered, ' ')
	}
	ordered = append(bytes.TrimRight(ordered, " "), ']')
	pageTree := atoi(strings.Fields(f.pagesRef)[0])
	w.objs[pageTree] = reKids.ReplaceAllLiteral(w.objs[pageTree], ordered)

	// Number the structure elements and annotations.
	w.objs = slices.Grow(w.objs, t.opened+len(t.annots)+8)
	elems := make([]*elem, 0, t.opened+1)
	var walk func(e *elem)
	walk = func(e *elem) {
		e.obj = w.alloc()
		elems = append(elems, e)
		for _, k := range e.kids {
			if k.elem != nil {
				walk(k.elem)
			}
		}
	}
	walk(t.root)
	for i, a := range t.annots {
		a.obj = w.alloc()
		a.key = len(pages) + i
	}
	treeRoot, parentTree := w.alloc(), w.alloc()
	meta, icc, intent := w.alloc(), w.alloc(), w.alloc()

	// The elements are written a few thousand at a time on all cores, each
	// lot into one buffer, each object a slice of it, made about as big as
	// they need ("<</S /TD /P 1234 0 R /Pg 56 0 R /K [1234 0 R 7]>>": some
	// 36 bytes, and 8 per kid), so that it is not copied over and over as
	// it grows.
	const lot = 4096
	par.Do((len(elems)+lot-1)/lot, func(i int) {
		elems := elems[i*lot : min((i+1)*lot, len(elems))]
		size := 0
		for _, e := range elems {
			size += 36 + 8*len(e.kids)
		}
		arena := make([]byte, 0, size)
		for _, e := range elems {
			parent := treeRoot
			if e.parent != nil {
				parent = e.parent.obj
			}
			start := len(arena)
			arena = appendStructElem(arena, e, parent, pages)
			w.objs[e.obj] = arena[start:len(arena):len(arena)]
		}
	})
	const k = 72 / 25.4
	annotsOf := make([][]string, len(pages))
	for _, a := range t.annots {
		var b strings.Builder
		fmt.Fprintf(&b, "<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /P %d 0 R /StructParent %d /Contents %s",
			a.x*k, (pageH-a.y-a.h)*k, (a.x+a.w)*k, (pageH-a.y)*k, pages[a.page-1], a.key, pdfText(a.contents))
		if a.uri != "" {
			fmt.Fprintf(&b, " /A <</S /URI /URI %s>>", pdfASCII(a.uri))
		} else {
			fmt.Fprintf(&b, " /Dest [%d 0 R /XYZ 0 %.2f null]", pages[a.destPage-1], (pageH-a.destY)*k)
		}
		b.WriteString(">>")
		w.set(a.obj, b.String())
		annotsOf[a.page-1] = append(annotsOf[a.page-1], fmt.Sprintf("%d 0 R", a.obj))
	}
	nums := []byte("<</Nums [")
	for p, mcids := range t.pages {
		nums = strconv.AppendInt(nums, int64(p), 10)
		nums = append(nums, " ["...)
		for _, e := range mcids {
			nums = appendRef(nums, e.obj)
			nums = append(nums, ' ')
		}
		nums = append(nums, "] "...)
	}
	for _, a := range t.annots {
		nums = strconv.AppendInt(nums, int64(a.key), 10)
		nums = append(nums, ' ')
		nums = appendRef(nums, a.link.obj)
		nums = append(nums, ' ')
	}
	nums = bytes.TrimRight(nums, " ")
	w.objs[parentTree] = append(nums, "]>>"...)
	w.set(treeRoot, fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		t.root.obj, parentTree, len(pages)+len(t.annots)))

	fontDict, streams, err := embedFonts(w, &c.drawn)
	if err != nil {
		return nil, err
	}
	// fpdf, which has neither fonts nor images, writes one resource
	// dictionary for all pages, with empty /Font and /XObject dictionaries.
	xobjects := "/XObject <<"
	for _, im := range c.images {
		n := w.alloc()
		w.objs[n] = im.obj
		if im.smask != nil {
			m := w.alloc()
			w.objs[m] = im.smask
			w.objs[n] = fmt.Appendf(nil, "<</SMask %d 0 R %s", m, im.obj[2:])
		}
		xobjects += fmt.Sprintf("/%s %d 0 R ", im.name, n)
	}
	res := reResources.FindSubmatch(w.objs[pages[0]])
	if res == nil {
		return nil, errors.New("output: keine Ressourcen für Schriften und Bilder")
	}
	n := atoi(string(res[1]))
	for _, r := range [][2]string{{"/Font <<\n>>", fontDict}, {"/XObject <<\n>>", strings.TrimSpace(xobjects) + ">>"}} {
		if !bytes.Contains(w.objs[n], []byte(r[0])) {
			return nil, errors.New("output: keine Ressourcen für Schriften und Bilder")
		}
		w.objs[n] = bytes.Replace(w.objs[n], []byte(r[0]), []byte(r[1]), 1)
	}
	for i, p := range pages {
		m := reContents.FindSubmatchIndex(w.objs[p])
		if m == nil {
			return nil, fmt.Errorf("output: Seite %d hat keinen Inhalt", i+1)
		}
		n := atoi(string(w.objs[p][m[2]:m[3]]))
		w.objs[n] = content[i]
		if len(late[i]) > 0 { // a second stream
			l := w.alloc()
			w.objs[l] = rawStream("", late[i])
			streams = append(streams, l)
			w.objs[p] = slices.Concat(w.objs[p][:m[0]], fmt.Appendf(nil, "/Contents [%d 0 R %d 0 R]", n, l), w.objs[p][m[1]:])
		}
	}
	compressStreams(w.objs, streams)
	for i, p := range pages {
		extra := fmt.Sprintf("/StructParents %d /Tabs /S", i)
		if len(annotsOf[i]) > 0 {
			extra += " /Annots [" + strings.Join(annotsOf[i], " ") + "]"
		}
		w.set(p, addToDict(w.objs[p], extra))
	}
	xmp := xmpMetadata(info)
	w.set(meta, fmt.Sprintf("<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream", len(xmp), xmp))
	w.set(icc, fmt.Sprintf("<</N 3 /Length %d>>\nstream\n%s\nendstream", len(srgbProfile), srgbProfile))
	w.set(intent, fmt.Sprintf("<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>", icc))
	w.set(f.catalog, fmt.Sprintf("<</Type /Catalog /Pages %s /Outlines %s /PageMode /UseOutlines /OpenAction [%d 0 R /Fit] "+
		"/Lang %s /MarkInfo <</Marked true>> /ViewerPreferences <</DisplayDocTitle true>> /StructTreeRoot %d 0 R /Metadata %d 0 R /OutputIntents [%d 0 R]>>",
		f.pagesRef, f.outlinesRef, pages[order[0]], pdfASCII(info.lang), treeRoot, meta, intent))
	w.set(f.info, infoDict(info))
	return w.bytes(f.catalog, f.info), nil
}

// appendStructElem appends the dictionary of a structure element to b.
func appendStructElem(b []byte, e *elem, parent int, pages []int) []byte {
	// /Type /StructElem is optional (ISO 32000-1, table 323) and left out:
	// a long document has tens of thousands of elements.
	b = append(b, "<</S /"...)
	b = append(b, e.typ...)
	b = append(b, " /P "...)
	b = appendRef(b, parent)
	pg := 0
	for _, k := range e.kids {
		if k.elem == nil && k.annot == nil {
			pg = k.page
			break
		}
	}
	if pg > 0 {
		b = append(b, " /Pg "...)
		b = appendRef(b, pages[pg-1])
	}
	b = append(b, " /K "...)
	if len(e.kids) != 1 {
		b = append(b, '[')
	}
	for i, k := range e.kids {
		if i > 0 {
			b = append(b, ' ')
		}
		switch {
		case k.elem != nil:
			b = appendRef(b, k.elem.obj)
		case k.annot != nil:
			b = append(b, "<</Type /OBJR /Obj "...)
			b = appendRef(b, k.annot.obj)
			b = append(b, " /Pg "...)
			b = appendRef(b, pages[k.annot.page-1])
			b = append(b, ">>"...)
		case k.page == pg:
			b = strconv.AppendInt(b, int64(k.mcid), 10)
		default:
			b = append(b, "<</Type /MCR /Pg "...)
			b = appendRef(b, pages[k.page-1])
			b = append(b, " /MCID "...)
			b = strconv.AppendInt(b, int64(k.mcid), 10)
			b = append(b, ">>"...)
		}
	}
	if len(e.kids) != 1 {
		b = append(b, ']')
	}
	if e.alt != "" {
		b = append(b, " /Alt "...)
		b = append(b, pdfText(e.alt)...)
	}
	switch {
	case e.scope != "":
		b = append(b, " /A <</O /Table /Scope /"...)
		b = append(b, e.scope...)
		b = append(b, ">>"...)
	case e.colSpan > 1:
		b = append(b, " /A <</O /Table /ColSpan "...)
		b = strconv.AppendInt(b, int64(e.colSpan), 10)
		b = append(b, ">>"...)
	}
	return append(b, ">>"...)
}

// appendRef appends the reference "n 0 R" to b.
func appendRef(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, " 0 R"...)
}

// compressStreams compresses the stream objects objs[n] for each n in nums
// (see deflater.stream), on as many cores as there are, each object by
// itself, so that the result does not depend on how the work is shared.
func compressStreams(objs [][]byte, nums []int) {
	par.Do(len(nums), func(i int) {
		z := deflaters.Get().(*deflater)
		objs[nums[i]] = z.stream(objs[nums[i]])
		deflaters.Put(z)
	})
}

// deflaters holds the deflaters not in use.
var deflaters = sync.Pool{New: func() any { return new(deflater) }}

// deflater compresses streams with one zlib writer: a new writer allocates
// about a megabyte, and a long document has hundreds of pages.
type deflater struct {
	zw  *zlib.Writer
	buf bytes.Buffer
}

// stream returns the stream object obj, written by fpdf or rawStream
// without a filter, compressed with FlateDecode. Anything else is returned
// as it is.
func (z *deflater) stream(obj []byte) []byte {
	m := reRawStream.FindSubmatchIndex(obj)
	if m == nil {
		return obj
	}
	entries, n, data := obj[m[2]:m[3]], atoi(string(obj[m[4]:m[5]])), obj[m[1]:]
	if len(data) < n || !bytes.Equal(bytes.TrimSpace(data[n:]), []byte("endstream")) {
		return obj
	}
	return z.compress(string(entries), data[:n])
}

// compress returns the stream object of data compressed with FlateDecode,
// with the dictionary entries before the filter and length.
func (z *deflater) compress(entries string, data []byte) []byte {
	z.buf.Reset()
	if z.zw == nil {
		z.zw, _ = zlib.NewWriterLevel(&z.buf, zlib.BestSpeed) // the level is valid
	} else {
		z.zw.Reset(&z.buf)
	}
	z.zw.Write(data) // writes to a bytes.Buffer cannot fail
	z.zw.Close()
	out := make([]byte, 0, len(entries)+z.buf.Len()+64)
	out = fmt.Appendf(out, "<<%s/Filter /FlateDecode /Length %d>>\nstream\n", entries, z.buf.Len())
	out = append(out, z.buf.Bytes()...)
	return append(out, "\nendstream"...)
}

// pdfFile is what finish needs to know of fpdf's output.
type pdfFile struct {
	objs                  [][]byte // by object number; the dictionary (and stream) between "obj" and "endobj"
	catalog, info         int
	pages                 []int // page objects in order
	pagesRef, outlinesRef string
}

var (
	reRef       = func(key string) *regexp.Regexp { return regexp.MustCompile(`/` + key + ` (\d+ 0 R)`) }
	reKids      = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	reTrailer   = regexp.MustCompile(`/Root (\d+) 0 R[\s\S]*?/Info (\d+) 0 R|/Info (\d+) 0 R[\s\S]*?/Root (\d+) 0 R`)
	reStartXRF  = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reContents  = regexp.MustCompile(`/Contents (\d+) 0 R`)
	reResources = regexp.MustCompile(`/Resources (\d+) 0 R`)
	// reRawStream is the start of a stream object without a filter, as fpdf
	// writes the page contents when its compression is off, and rawStream
	// the fonts: other entries, then the length.
	reRawStream = regexp.MustCompile(`^<<((?:/\w+ \d+ )*)/Length (\d+)>>\nstream\n`)
)

// parsePDF splits fpdf's output into its objects using the xref table.
func parsePDF(raw []byte) (*pdfFile, error) {
	m := reStartXRF.FindSubmatch(raw)
	if m == nil {
		return nil, errors.New("kein startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	lines := strings.Split(string(raw[xref:]), "\n")
	if len(lines) < 3 || lines[0] != "xref" {
		return nil, errors.New("keine xref-Tabelle")
	}
	n, _ := strconv.Atoi(strings.Fields(lines[1])[1])
	offsets := make([]int, n)
	for i := 1; i < n; i++ {
		offsets[i], _ = strconv.Atoi(strings.Fields(lines[2+i])[0])
	}
	order := make([]int, 0, n-1)
	for i := 1; i < n; i++ {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	f := &pdfFile{objs: make([][]byte, n)}
	for j, i := range order {
		end := xref
		if j+1 < len(order) {
			end = offsets[order[j+1]]
		}
		obj, ok := objectBody(raw[offsets[i]:end], i)
		if !ok {
			return nil, fmt.Errorf("unlesbares Objekt %d", i)
		}
		f.objs[i] = obj
	}
	tm := reTrailer.FindStringSubmatch(string(raw[xref:]))
	if tm == nil {
		return nil, errors.New("kein /Root oder /Info im Trailer")
	}
	f.catalog, f.info = atoi(tm[1]+tm[4]), atoi(tm[2]+tm[3])
	cat := f.objs[f.catalog]
	pr, or := reRef("Pages").FindSubmatch(cat), reRef("Outlines").FindSubmatch(cat)
	if pr == nil || or == nil {
		return nil, errors.New("kein /Pages oder /Outlines im Katalog")
	}
	f.pagesRef, f.outlinesRef = string(pr[1]), string(or[1])
	km := reKids.FindSubmatch(f.objs[atoi(strings.Fields(f.pagesRef)[0])])
	if km == nil {
		return nil, errors.New("keine /Kids im Seitenbaum")
	}
	fs := strings.Fields(string(km[1]))
	for i := 0; i+2 < len(fs); i += 3 {
		f.pages = append(f.pages, atoi(fs[i]))
	}
	return f, nil
}

// objectBody returns what stands between "n 0 obj" and "endobj" in chunk.
func objectBody(chunk []byte, n int) ([]byte, bool) {
	head := []byte(strconv.Itoa(n) + " 0 obj")
	end := bytes.LastIndex(chunk, []byte("endobj"))
	if !bytes.HasPrefix(chunk, head) || end < len(head) {
		return nil, false
	}
	return bytes.TrimSpace(chunk[len(head):end]), true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// addToDict adds entries before the closing ">>" of the dictionary obj starts with.
func addToDict(obj []byte, entries string) string {
	s := string(obj)
	i := strings.LastIndex(s, ">>")
	return s[:i] + "\n" + entries + s[i:]
}

// pdfWriter collects the objects of the new file.
type pdfWriter struct{ objs [][]byte }

func (w *pdfWriter) alloc() int {
	w.objs = append(w.objs, nil)
	return len(w.objs) - 1
}

func (w *pdfWriter) set(n int, body string) { w.objs[n] = []byte(body) }

// bytes writes the file: header, objects, xref, trailer with a content /ID.
func (w *pdfWriter) bytes(root, info int) []byte {
	const head = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
	size := len(head) + 200
	for _, o := range w.objs {
		size += len(o) + 40 // "n 0 obj\n", "\nendobj\n" and the xref entry
	}
	b := make([]byte, 0, size)
	b = append(b, head...)
	offsets := make([]int, len(w.objs))
	for i := 1; i < len(w.objs); i++ {
		offsets[i] = len(b)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, " 0 obj\n"...)
		b = append(b, w.objs[i]...)
		b = append(b, "\nendobj\n"...)
	}
	id := contentID(b)
	xref := len(b)
	b = fmt.Appendf(b, "xref\n0 %d\n0000000000 65535 f \n", len(w.objs))
	for i := 1; i < len(w.objs); i++ {
		var entry [20]byte // "%010d 00000 n \n"
		copy(entry[10:], " 00000 n \n")
		for j, o := 9, offsets[i]; j >= 0; j, o = j-1, o/10 {
			entry[j] = byte('0' + o%10)
		}
		b = append(b, entry[:]...)
	}
	return fmt.Appendf(b, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(w.objs), root, info, id, id, xref)
}

// contentID returns the /ID of a file whose header and objects are b: the
// first 16 bytes (in hex) of the SHA-256 of the SHA-256s of its megabytes,
// which are hashed on all cores.
func contentID(b []byte) string {
	const mb = 1 << 20
	sums := make([][sha256.Size]byte, (len(b)+mb-1)/mb)
	par.Do(len(sums), func(i int) { sums[i] = sha256.Sum256(b[i*mb : min((i+1)*mb, len(b))]) })
	h := sha256.New()
	for _, s := range sums {
		h.Write(s[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// pdfText encodes s as a PDF text string (UTF-16BE with byte order mark).
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfASCII encodes an ASCII string such as a URI as a PDF literal string.
func pdfASCII(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, c := range []byte(s) {
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c > 0x7e:
			fmt.Fprintf(&b, "%%%02X", c) // percent-encode, as in a URI
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

func pdfDate(t time.Time) string {
	return "(D:" + t.UTC().Format("20060102150405") + "+00'00')"
}

func infoDict(i docInfo) string {
	return fmt.Sprintf("<</Title %s /Author %s /Subject %s /Keywords %s /Creator %s /Producer %s /CreationDate %s /ModDate %s>>",
		pdfText(i.title), pdfText(i.author), pdfText(i.subject), pdfText(i.keywords), pdfText(i.creator), pdfText(i.creator),
		pdfDate(i.date), pdfDate(i.date))
}

// xmpMetadata returns the XMP packet: Dublin Core title, creator and
// description, dates, and the PDF/A-2b and PDF/UA-1 identification with the
// extension schema PDF/A requires for the pdfuaid namespace.
func xmpMetadata(i docInfo) string {
	x := html.EscapeString
	date := i.date.UTC().Format("2006-01-02T15:04:05") + "+00:00"
	return `<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + x(i.title) + `</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>` + x(i.author) + `</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + x(i.subject) + `</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>` + x(i.lang) + `</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>` + x(i.keywords) + `</pdf:Keywords>
<pdf:Producer>` + x(i.creator) + `</pdf:Producer>
<xmp:CreatorTool>` + x(i.creator) + `</xmp:CreatorTool>
<xmp:CreateDate>` + date + `</xmp:CreateDate>
<xmp:ModifyDate>` + date + `</xmp:ModifyDate>
<xmp:MetadataDate>` + date + `</xmp:MetadataDate>
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<pdfuaid:part>1</pdfuaid:part>
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
}
