package output_test

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// A small PDF reader for the PDF/UA checker (pdfua_test.go). It reads what
// fpdf writes plus incremental updates: uncompressed object syntax, classic
// cross-reference tables chained with /Prev, FlateDecode streams. It has no
// object streams, cross-reference streams or encryption; a file that needs
// them is reported as a problem, never silently accepted.

// PDF values: nil (null), bool, int, float64, pdfuaName, pdfuaString,
// pdfuaArray, pdfuaDict, pdfuaRef and *pdfuaStream.
type (
	pdfuaName   string
	pdfuaString string // the raw bytes of a string; see pdfuaFile.text
	pdfuaArray  []any
	pdfuaDict   map[pdfuaName]any
	pdfuaRef    struct{ num, gen int }
)

// pdfuaStream is a stream object; raw holds its bytes as stored (still encoded).
type pdfuaStream struct {
	dict pdfuaDict
	raw  []byte
}

func (r pdfuaRef) String() string { return fmt.Sprintf("%d %d R", r.num, r.gen) }

// pdfuaFile is an opened PDF. Objects are parsed on first use.
type pdfuaFile struct {
	data     []byte
	offsets  map[int]int // object number → byte offset; newest section wins
	cache    map[int]any
	loading  map[int]bool
	trailer  pdfuaDict
	problems []string // what the reader itself found wrong
}

// pdfuaOpen reads the cross-reference sections, newest first. If they
// cannot be read, it says so and finds the objects by scanning the file.
func pdfuaOpen(data []byte) *pdfuaFile {
	f := &pdfuaFile{data: data, offsets: map[int]int{}, cache: map[int]any{}, loading: map[int]bool{}, trailer: pdfuaDict{}}
	if err := f.readXref(); err != nil {
		f.problem("file structure: %v; objects located by scanning the file instead", err)
		f.offsets = map[int]int{}
		f.scan()
		if f.trailer["Root"] == nil {
			f.scanTrailer()
		}
		return f
	}
	// Check that each offset holds its object; find misplaced ones by scanning.
	var wrong []string
	for _, n := range pdfuaSortedKeys(f.offsets) {
		if !f.objectAt(n, f.offsets[n]) {
			wrong = append(wrong, fmt.Sprintf("%d at %d", n, f.offsets[n]))
			delete(f.offsets, n)
		}
	}
	if len(wrong) > 0 {
		f.problem("cross-reference table: %d objects are not at their offsets (%s); located by scanning the file instead", len(wrong), pdfuaSome(wrong, 5))
		known := f.offsets
		f.offsets = map[int]int{}
		f.scan()
		maps.Copy(f.offsets, known)
	}
	return f
}

// objectAt reports whether "num gen obj" starts at off.
func (f *pdfuaFile) objectAt(num, off int) bool {
	if off < 0 || off >= len(f.data) {
		return false
	}
	l := &pdfuaLexer{b: f.data, pos: off}
	a, err1 := l.next()
	b, err2 := l.next()
	c, err3 := l.next()
	return errors.Join(err1, err2, err3) == nil && a.v == num && b.kind == 'v' && c.kind == 'k' && c.kw == "obj"
}

func (f *pdfuaFile) problem(format string, args ...any) {
	f.problems = append(f.problems, fmt.Sprintf(format, args...))
}

var pdfuaStartxref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

func (f *pdfuaFile) readXref() error {
	tail := f.data[max(0, len(f.data)-1024):]
	m := pdfuaStartxref.FindSubmatch(tail)
	if m == nil {
		return errors.New(`no "startxref <offset> %%EOF" at the end`)
	}
	off, _ := strconv.Atoi(string(m[1]))
	seen := map[int]bool{}
	first := true
	for {
		if seen[off] {
			return fmt.Errorf("/Prev chain loops at offset %d", off)
		}
		seen[off] = true
		if off <= 0 || off >= len(f.data) {
			return fmt.Errorf("cross-reference offset %d outside the file", off)
		}
		l := &pdfuaLexer{b: f.data, pos: off}
		t, err := l.next()
		if err != nil || t.kind != 'k' || t.kw != "xref" {
			return fmt.Errorf(`offset %d holds no "xref" table (cross-reference streams are not supported)`, off)
		}
		section := map[int]int{}
		for {
			t, err := l.next()
			if err != nil {
				return err
			}
			if t.kind == 'k' && t.kw == "trailer" {
				break
			}
			start, ok1 := t.v.(int)
			t2, err := l.next()
			count, ok2 := t2.v.(int)
			if err != nil || !ok1 || !ok2 {
				return fmt.Errorf("xref at %d: bad subsection header at byte %d", off, t.pos)
			}
			for i := range count {
				a, err1 := l.next()
				g, err2 := l.next()
				c, err3 := l.next()
				o, ok := a.v.(int)
				_, okg := g.v.(int)
				if err := errors.Join(err1, err2, err3); err != nil || !ok || !okg || c.kind != 'k' || (c.kw != "n" && c.kw != "f") {
					return fmt.Errorf("xref at %d: bad entry for object %d at byte %d", off, start+i, a.pos)
				}
				if c.kw == "f" {
					o = -1
				}
				section[start+i] = o
			}
		}
		v, err := l.value(false)
		trailer, ok := v.(pdfuaDict)
		if err != nil || !ok {
			return fmt.Errorf("xref at %d: trailer is not a dictionary", off)
		}
		for n, o := range section {
			if _, known := f.offsets[n]; !known {
				f.offsets[n] = o
			}
		}
		for k, v := range trailer {
			if _, known := f.trailer[k]; !known && (first || k != "Prev") {
				f.trailer[k] = v
			}
		}
		first = false
		prev, ok := trailer["Prev"].(int)
		if !ok {
			break
		}
		off = prev
	}
	for n, o := range f.offsets {
		if o < 0 {
			delete(f.offsets, n)
		}
	}
	return nil
}

var pdfuaObjHeader = regexp.MustCompile(`(?:^|[\r\n])[ \t]*(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+obj\b`)

// scan finds "n g obj" at line starts; a later definition wins, as it would
// in an incremental update.
func (f *pdfuaFile) scan() {
	for _, m := range pdfuaObjHeader.FindAllSubmatchIndex(f.data, -1) {
		n, _ := strconv.Atoi(string(f.data[m[2]:m[3]]))
		f.offsets[n] = m[2]
	}
}

func (f *pdfuaFile) scanTrailer() {
	i := bytes.LastIndex(f.data, []byte("trailer"))
	if i < 0 {
		f.problem("file structure: no trailer")
		return
	}
	l := &pdfuaLexer{b: f.data, pos: i + len("trailer")}
	if d, err := l.value(false); err == nil {
		if d, ok := d.(pdfuaDict); ok {
			f.trailer = d
		}
	}
}

// object returns object num, parsed; nil if it does not exist.
func (f *pdfuaFile) object(num int) any {
	if v, ok := f.cache[num]; ok {
		return v
	}
	off, ok := f.offsets[num]
	if !ok || f.loading[num] {
		return nil
	}
	f.loading[num] = true
	defer delete(f.loading, num)
	v, err := f.parseObject(num, off)
	if err != nil {
		f.problem("object %d at byte %d: %v", num, off, err)
		v = nil
	}
	f.cache[num] = v
	return v
}

func (f *pdfuaFile) parseObject(num, off int) (any, error) {
	l := &pdfuaLexer{b: f.data, pos: off}
	a, err1 := l.next()
	b, err2 := l.next()
	c, err3 := l.next()
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, err
	}
	if a.v != num || b.kind != 'v' || c.kind != 'k' || c.kw != "obj" {
		return nil, fmt.Errorf(`the cross-reference table points at %q, not "%d 0 obj"`, pdfuaSnippet(f.data, off), num)
	}
	v, err := l.value(false)
	if err != nil {
		return nil, err
	}
	t, err := l.next()
	if err != nil {
		return nil, err
	}
	if t.kind == 'k' && t.kw == "endobj" {
		return v, nil
	}
	d, ok := v.(pdfuaDict)
	if t.kind != 'k' || t.kw != "stream" || !ok {
		return nil, fmt.Errorf(`expected "endobj" at byte %d, found %q`, t.pos, pdfuaSnippet(f.data, t.pos))
	}
	start := l.pos
	if start < len(f.data) && f.data[start] == '\r' {
		start++
	}
	if start < len(f.data) && f.data[start] == '\n' {
		start++
	}
	end := -1
	if n, ok := f.resolve(d["Length"]).(int); ok && n >= 0 && start+n <= len(f.data) {
		rest := bytes.TrimLeft(f.data[start+n:], "\r\n \t")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			end = start + n
		}
	}
	if end < 0 {
		f.problem("object %d: stream /Length %v does not end at \"endstream\"", num, d["Length"])
		i := bytes.Index(f.data[start:], []byte("endstream"))
		if i < 0 {
			return nil, errors.New("stream without endstream")
		}
		end = start + i
		for end > start && (f.data[end-1] == '\n' || f.data[end-1] == '\r') {
			end--
		}
	}
	return &pdfuaStream{dict: d, raw: f.data[start:end]}, nil
}

func pdfuaSnippet(b []byte, i int) string {
	i = min(max(i, 0), len(b))
	return string(b[i:min(len(b), i+24)])
}

// resolve follows references; a reference to a missing object is null.
func (f *pdfuaFile) resolve(v any) any {
	for range 32 {
		r, ok := v.(pdfuaRef)
		if !ok {
			return v
		}
		v = f.object(r.num)
	}
	return nil
}

func (f *pdfuaFile) dict(v any) pdfuaDict {
	switch v := f.resolve(v).(type) {
	case pdfuaDict:
		return v
	case *pdfuaStream:
		return v.dict
	}
	return nil
}

func (f *pdfuaFile) array(v any) pdfuaArray {
	a, _ := f.resolve(v).(pdfuaArray)
	return a
}

func (f *pdfuaFile) stream(v any) *pdfuaStream {
	s, _ := f.resolve(v).(*pdfuaStream)
	return s
}

func (f *pdfuaFile) name(v any) string {
	n, _ := f.resolve(v).(pdfuaName)
	return string(n)
}

func (f *pdfuaFile) int(v any) (int, bool) {
	n, ok := f.resolve(v).(int)
	return n, ok
}

// text decodes a text string: UTF-16BE or UTF-8 with byte order mark,
// otherwise PDFDocEncoding (read as Latin-1, which agrees for text).
func (f *pdfuaFile) text(v any) (string, bool) {
	s, ok := f.resolve(v).(pdfuaString)
	if !ok {
		return "", false
	}
	return pdfuaDecodeText(string(s)), true
}

func pdfuaDecodeText(s string) string {
	switch {
	case len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff:
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	case len(s) >= 3 && s[:3] == "\xef\xbb\xbf":
		return s[3:]
	}
	r := make([]rune, len(s))
	for i := range len(s) {
		r[i] = rune(s[i])
	}
	return string(r)
}

// decode returns the stream's data with its filters undone (FlateDecode only).
func (f *pdfuaFile) decode(s *pdfuaStream) ([]byte, error) {
	var filters []string
	switch v := f.resolve(s.dict["Filter"]).(type) {
	case nil:
	case pdfuaName:
		filters = []string{string(v)}
	case pdfuaArray:
		for _, x := range v {
			filters = append(filters, f.name(x))
		}
	default:
		return nil, fmt.Errorf("bad /Filter %v", v)
	}
	if s.dict["DecodeParms"] != nil {
		return nil, errors.New("/DecodeParms not supported by this reader")
	}
	data := s.raw
	for _, name := range filters {
		if name != "FlateDecode" {
			return nil, fmt.Errorf("filter /%s not supported by this reader", name)
		}
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("FlateDecode: %w", err)
		}
		if data, err = io.ReadAll(r); err != nil {
			return nil, fmt.Errorf("FlateDecode: %w", err)
		}
	}
	return data, nil
}

// pdfuaPage is a leaf of the page tree with its inherited resources.
type pdfuaPage struct {
	n         int // 1-based
	ref       pdfuaRef
	dict      pdfuaDict
	resources pdfuaDict
}

func (p pdfuaPage) String() string { return fmt.Sprintf("page %d (obj %d)", p.n, p.ref.num) }

// pages walks the page tree from the catalog's /Pages.
func (f *pdfuaFile) pages(catalog pdfuaDict) []pdfuaPage {
	var out []pdfuaPage
	seen := map[int]bool{}
	var walk func(v any, res pdfuaDict, depth int)
	walk = func(v any, res pdfuaDict, depth int) {
		r, ok := v.(pdfuaRef)
		if !ok {
			f.problem("page tree: kid %v is not an indirect reference", v)
			return
		}
		if seen[r.num] || depth > 64 {
			f.problem("page tree: object %d reached twice", r.num)
			return
		}
		seen[r.num] = true
		d := f.dict(r)
		if d == nil {
			f.problem("page tree: object %d is missing or not a dictionary", r.num)
			return
		}
		if rd := f.dict(d["Resources"]); rd != nil {
			res = rd
		}
		switch f.name(d["Type"]) {
		case "Pages":
			for _, k := range f.array(d["Kids"]) {
				walk(k, res, depth+1)
			}
		case "Page":
			out = append(out, pdfuaPage{n: len(out) + 1, ref: r, dict: d, resources: res})
		default:
			f.problem("page tree: object %d has /Type %v", r.num, d["Type"])
		}
	}
	if catalog["Pages"] == nil {
		f.problem("catalog: no /Pages")
		return nil
	}
	walk(catalog["Pages"], nil, 0)
	return out
}

// contents returns the page's content streams decoded and joined.
func (f *pdfuaFile) contents(p pdfuaPage) ([]byte, error) {
	var parts []any
	switch v := p.dict["Contents"].(type) {
	case nil:
		return nil, nil
	case pdfuaArray:
		parts = v
	default:
		if a := f.array(v); a != nil {
			parts = a
		} else {
			parts = []any{v}
		}
	}
	var out []byte
	for _, part := range parts {
		s := f.stream(part)
		if s == nil {
			return nil, fmt.Errorf("/Contents %v is not a stream", part)
		}
		data, err := f.decode(s)
		if err != nil {
			return nil, fmt.Errorf("/Contents %v: %w", part, err)
		}
		out = append(append(out, data...), '\n')
	}
	return out, nil
}

// pdfuaNumberTree flattens a number tree (/Nums and /Kids) into key → value
// (values unresolved, so references can be compared).
func (f *pdfuaFile) numberTree(root any, what string) map[int]any {
	out := map[int]any{}
	seen := map[int]bool{}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if r, ok := v.(pdfuaRef); ok {
			if seen[r.num] {
				f.problem("%s: node %d reached twice", what, r.num)
				return
			}
			seen[r.num] = true
		}
		d := f.dict(v)
		if d == nil || depth > 32 {
			f.problem("%s: node %v is not a dictionary", what, v)
			return
		}
		nums := f.array(d["Nums"])
		if len(nums)%2 != 0 {
			f.problem("%s: /Nums has an odd number of entries (%d)", what, len(nums))
		}
		for i := 0; i+1 < len(nums); i += 2 {
			k, ok := f.int(nums[i])
			if !ok {
				f.problem("%s: key %v is not an integer", what, nums[i])
				continue
			}
			if _, dup := out[k]; dup {
				f.problem("%s: key %d appears twice", what, k)
			}
			out[k] = nums[i+1]
		}
		for _, k := range f.array(d["Kids"]) {
			walk(k, depth+1)
		}
	}
	walk(root, 0)
	return out
}

// pdfuaDate parses a PDF date "D:YYYYMMDDHHmmSSOHH'mm'". A date without a
// time zone is read as UTC, the same as an XMP date without one.
func pdfuaDate(s string) (time.Time, error) {
	orig := s
	s, _ = strings.CutPrefix(s, "D:")
	digits := 0
	for digits < len(s) && digits < 14 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits < 4 || digits%2 != 0 {
		return time.Time{}, fmt.Errorf("%q is not a PDF date", orig)
	}
	num := func(i, def int) int {
		if i+2 > digits {
			return def
		}
		n, _ := strconv.Atoi(s[i : i+2])
		return n
	}
	year, _ := strconv.Atoi(s[:4])
	t := time.Date(year, time.Month(num(4, 1)), num(6, 1), num(8, 0), num(10, 0), num(12, 0), 0, time.UTC)
	zone := s[digits:]
	switch {
	case zone == "" || zone == "Z" || zone == "Z00'00'" || zone == "Z00'00":
		return t, nil
	case zone[0] == '+' || zone[0] == '-':
		var h, m int
		rest := zone[1:]
		if len(rest) < 2 {
			return time.Time{}, fmt.Errorf("%q: bad time zone", orig)
		}
		h, _ = strconv.Atoi(rest[:2])
		rest = rest[2:]
		if len(rest) > 0 && rest[0] == '\'' {
			rest = rest[1:]
		}
		if len(rest) >= 2 {
			m, _ = strconv.Atoi(rest[:2])
		}
		off := (h*60 + m) * 60
		if zone[0] == '-' {
			off = -off
		}
		return t.Add(-time.Duration(off) * time.Second), nil
	}
	return time.Time{}, fmt.Errorf("%q: bad time zone %q", orig, zone)
}

// pdfuaXMPDate parses an XMP (ISO 8601) date; without a zone it is UTC.
func pdfuaXMPDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an XMP date", s)
}

// pdfuaLexer splits PDF object syntax and content streams into tokens.
type pdfuaLexer struct {
	b   []byte
	pos int
}

// pdfuaTok kinds: 'v' value (number, string, name, bool, null), 'k' keyword
// or operator, '<' and '>' for << and >>, '[' and ']', '{' and '}', 0 at the end.
type pdfuaTok struct {
	kind byte
	pos  int
	v    any
	kw   string
}

func pdfuaSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func pdfuaDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

func (l *pdfuaLexer) next() (pdfuaTok, error) {
	b := l.b
	for l.pos < len(b) {
		if pdfuaSpace(b[l.pos]) {
			l.pos++
		} else if b[l.pos] == '%' {
			for l.pos < len(b) && b[l.pos] != '\n' && b[l.pos] != '\r' {
				l.pos++
			}
		} else {
			break
		}
	}
	start := l.pos
	if l.pos >= len(b) {
		return pdfuaTok{pos: start}, nil
	}
	c := b[l.pos]
	switch {
	case c == '(':
		s, err := l.literal()
		return pdfuaTok{kind: 'v', pos: start, v: pdfuaString(s)}, err
	case c == '<' && l.pos+1 < len(b) && b[l.pos+1] == '<':
		l.pos += 2
		return pdfuaTok{kind: '<', pos: start}, nil
	case c == '>' && l.pos+1 < len(b) && b[l.pos+1] == '>':
		l.pos += 2
		return pdfuaTok{kind: '>', pos: start}, nil
	case c == '<':
		end := bytes.IndexByte(b[l.pos:], '>')
		if end < 0 {
			return pdfuaTok{}, fmt.Errorf("unterminated hex string at byte %d", start)
		}
		var hex []byte
		for _, h := range b[l.pos+1 : l.pos+end] {
			if !pdfuaSpace(h) {
				hex = append(hex, h)
			}
		}
		if len(hex)%2 == 1 {
			hex = append(hex, '0')
		}
		out := make([]byte, len(hex)/2)
		for i := range out {
			n, err := strconv.ParseUint(string(hex[2*i:2*i+2]), 16, 8)
			if err != nil {
				return pdfuaTok{}, fmt.Errorf("bad hex string at byte %d", start)
			}
			out[i] = byte(n)
		}
		l.pos += end + 1
		return pdfuaTok{kind: 'v', pos: start, v: pdfuaString(out)}, nil
	case c == '[' || c == ']' || c == '{' || c == '}':
		l.pos++
		return pdfuaTok{kind: c, pos: start}, nil
	case c == ')' || c == '>':
		return pdfuaTok{}, fmt.Errorf("unexpected %q at byte %d", c, start)
	case c == '/':
		l.pos++
		var name []byte
		for l.pos < len(b) && !pdfuaSpace(b[l.pos]) && !pdfuaDelim(b[l.pos]) {
			if b[l.pos] == '#' && l.pos+2 < len(b) {
				if n, err := strconv.ParseUint(string(b[l.pos+1:l.pos+3]), 16, 8); err == nil {
					name = append(name, byte(n))
					l.pos += 3
					continue
				}
			}
			name = append(name, b[l.pos])
			l.pos++
		}
		return pdfuaTok{kind: 'v', pos: start, v: pdfuaName(name)}, nil
	}
	for l.pos < len(b) && !pdfuaSpace(b[l.pos]) && !pdfuaDelim(b[l.pos]) {
		l.pos++
	}
	word := string(b[start:l.pos])
	switch word {
	case "true":
		return pdfuaTok{kind: 'v', pos: start, v: true}, nil
	case "false":
		return pdfuaTok{kind: 'v', pos: start, v: false}, nil
	case "null":
		return pdfuaTok{kind: 'v', pos: start, v: nil}, nil
	}
	if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		if n, err := strconv.Atoi(word); err == nil {
			return pdfuaTok{kind: 'v', pos: start, v: n}, nil
		}
		if x, err := strconv.ParseFloat(word, 64); err == nil {
			return pdfuaTok{kind: 'v', pos: start, v: x}, nil
		}
	}
	return pdfuaTok{kind: 'k', pos: start, kw: word}, nil
}

// literal reads a (string) with nested parentheses and escapes.
func (l *pdfuaLexer) literal() ([]byte, error) {
	b := l.b
	start := l.pos
	l.pos++
	depth := 1
	var out []byte
	for l.pos < len(b) {
		c := b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out, nil
			}
		case '\\':
			if l.pos >= len(b) {
				continue
			}
			e := b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(b) && b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					n := int(e - '0')
					for k := 0; k < 2 && l.pos < len(b) && b[l.pos] >= '0' && b[l.pos] <= '7'; k++ {
						n = n*8 + int(b[l.pos]-'0')
						l.pos++
					}
					c = byte(n)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, fmt.Errorf("unterminated string at byte %d", start)
}

// value reads one complete value. With refs, "n g R" is a reference (object
// syntax); content streams have no references.
func (l *pdfuaLexer) value(content bool) (any, error) {
	t, err := l.next()
	if err != nil {
		return nil, err
	}
	return l.valueFrom(t, content)
}

func (l *pdfuaLexer) valueFrom(t pdfuaTok, content bool) (any, error) {
	switch t.kind {
	case 'v':
		if n, ok := t.v.(int); ok && !content && n >= 0 {
			save := l.pos
			g, err1 := l.next()
			r, err2 := l.next()
			if gen, ok := g.v.(int); ok && err1 == nil && err2 == nil && r.kind == 'k' && r.kw == "R" {
				return pdfuaRef{n, gen}, nil
			}
			l.pos = save
		}
		return t.v, nil
	case '[':
		a := pdfuaArray{}
		for {
			t, err := l.next()
			if err != nil {
				return nil, err
			}
			if t.kind == ']' {
				return a, nil
			}
			if t.kind == 0 {
				return nil, fmt.Errorf("unterminated array")
			}
			v, err := l.valueFrom(t, content)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case '<':
		d := pdfuaDict{}
		for {
			t, err := l.next()
			if err != nil {
				return nil, err
			}
			if t.kind == '>' {
				return d, nil
			}
			key, ok := t.v.(pdfuaName)
			if t.kind != 'v' || !ok {
				return nil, fmt.Errorf("dictionary key at byte %d is not a name", t.pos)
			}
			v, err := l.value(content)
			if err != nil {
				return nil, err
			}
			d[key] = v
		}
	case 0:
		return nil, errors.New("unexpected end of data")
	}
	return nil, fmt.Errorf("unexpected %q at byte %d", pdfuaSnippet(l.b, t.pos), t.pos)
}

// pdfuaOp is one content-stream operator with its operands.
type pdfuaOp struct {
	name     string
	operands []any
	pos      int // byte offset of the operator in the decoded content
}

// pdfuaOps tokenizes a content stream into operators.
func pdfuaOps(content []byte) ([]pdfuaOp, error) {
	l := &pdfuaLexer{b: content}
	var ops []pdfuaOp
	var operands []any
	for {
		t, err := l.next()
		if err != nil {
			return ops, err
		}
		switch t.kind {
		case 0:
			if len(operands) > 0 {
				return ops, fmt.Errorf("operands without operator at the end")
			}
			return ops, nil
		case 'k':
			ops = append(ops, pdfuaOp{name: t.kw, operands: operands, pos: t.pos})
			operands = nil
			if t.kw == "BI" { // inline image: skip to EI
				i := bytes.Index(content[l.pos:], []byte("EI"))
				for i >= 0 && l.pos+i+2 < len(content) && !pdfuaSpace(content[l.pos+i+2]) {
					j := bytes.Index(content[l.pos+i+2:], []byte("EI"))
					if j < 0 {
						i = -1
						break
					}
					i += 2 + j
				}
				if i < 0 {
					return ops, fmt.Errorf("inline image at byte %d without EI", t.pos)
				}
				l.pos += i + 2
			}
		default:
			v, err := l.valueFrom(t, true)
			if err != nil {
				return ops, err
			}
			operands = append(operands, v)
		}
	}
}

// pdfuaSortedKeys returns the keys of m in order.
func pdfuaSortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
