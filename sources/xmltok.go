package sources

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"
)

// xmlTokens reads the tokens of a worksheet or shared-strings part as
// encoding/xml's RawToken does, but without allocating for each: names,
// attributes and text are slices of its buffer, valid until the next call.
// It reads what workbooks are made of itself (tags with ASCII names, text
// with the five named entities and character references, the XML
// declaration) and hands everything else (comments, CDATA, other entities,
// line breaks written as CR, any error) to encoding/xml, from that token to
// the end, so that tokens and errors are always those of encoding/xml. It checks at the end that every
// element was closed: RawToken does not, and a truncated part must not pass
// for a short one. Comments, processing instructions and directives are
// skipped.
type xmlTokens struct {
	r     io.Reader
	buf   []byte // read, from pos on not yet tokenized
	pos   int
	eof   bool  // r is read to its end
	err   error // r failed
	depth int
	std   *xml.Decoder // from the first token xmlTokens does not read itself
	close []byte       // the name of a self-closing element, to end next
	text  []byte       // text with entities decoded
	attrs []xmlAttr
	tok   xmlToken
}

type xmlKind uint8

const (
	xmlStart xmlKind = iota + 1
	xmlEnd
	xmlText
)

// xmlToken is a start or end tag (local name, and attributes of a start
// tag) or text.
type xmlToken struct {
	kind  xmlKind
	local []byte
	attrs []xmlAttr
	text  []byte
}

type xmlAttr struct{ local, value []byte }

// attr returns the value of the first attribute with the local name name.
func (t *xmlToken) attr(name string) []byte {
	for _, a := range t.attrs {
		if string(a.local) == name {
			return a.value
		}
	}
	return nil
}

// xmlChunk is how much xmlTokens reads at a time.
var xmlChunk = 64 << 10

func newXMLTokens(r io.Reader) *xmlTokens { return &xmlTokens{r: r} }

// next returns the next token, or io.EOF at the end.
func (x *xmlTokens) next() (*xmlToken, error) {
	for {
		t, err := x.token()
		if err == io.EOF && x.depth != 0 {
			return nil, errCorrupt
		}
		if err != nil || t != nil {
			switch {
			case err != nil:
			case t.kind == xmlStart:
				x.depth++
			case t.kind == xmlEnd:
				x.depth--
			}
			return t, err
		}
	}
}

// token returns the next token; nil, nil for one that is skipped.
func (x *xmlTokens) token() (*xmlToken, error) {
	t := &x.tok
	if x.close != nil {
		*t = xmlToken{kind: xmlEnd, local: x.close}
		x.close = nil
		return t, nil
	}
	if x.std != nil {
		return x.stdToken()
	}
	for {
		n, ok := x.scan()
		switch {
		case ok:
			x.pos += n
			return x.result()
		case x.pos == len(x.buf) && x.eof:
			return nil, io.EOF
		case x.pos == len(x.buf) && x.err != nil:
			return nil, x.err
		case n < 0 || x.eof || x.err != nil || len(x.buf)-x.pos > maxXMLToken:
			// Not one scan reads, cut off by the end or an error, or
			// longer than it keeps: encoding/xml reads it and the rest.
			rest := io.MultiReader(bytes.NewReader(x.buf[x.pos:]), x.r)
			if x.err != nil {
				rest = io.MultiReader(bytes.NewReader(x.buf[x.pos:]), errReader{x.err})
			}
			x.std = xml.NewDecoder(rest)
			return x.stdToken()
		}
		x.fill()
	}
}

// errReader fails every read with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// maxXMLToken is the longest token xmlTokens reads itself; encoding/xml
// reads a longer one (and the rest of the part) without keeping all of it.
const maxXMLToken = 1 << 20

// result returns the token scan found, nil for one that is skipped.
func (x *xmlTokens) result() (*xmlToken, error) {
	if x.tok.kind == 0 {
		return nil, nil
	}
	return &x.tok, nil
}

// fill reads more, keeping what is not yet tokenized: until the buffer,
// grown to hold as much again, is full, so that a long token is scanned
// again only after it doubled, or until r ends (x.eof) or fails (x.err).
func (x *xmlTokens) fill() {
	if x.pos > 0 {
		x.buf = x.buf[:copy(x.buf, x.buf[x.pos:])]
		x.pos = 0
	}
	x.buf = slices.Grow(x.buf, max(xmlChunk, len(x.buf)))
	for empty := 0; len(x.buf) < cap(x.buf); {
		n, err := x.r.Read(x.buf[len(x.buf):cap(x.buf)])
		x.buf = x.buf[:len(x.buf)+n]
		switch {
		case err == io.EOF:
			x.eof = true
			return
		case err != nil: // such as io.ErrUnexpectedEOF, a part shorter than its zip entry says
			x.err = err
			return
		case n == 0:
			if empty++; empty == 100 { // as bufio gives up
				x.err = io.ErrNoProgress
				return
			}
		}
	}
}

// scan reads the token at the start of x.buf[x.pos:] into x.tok and
// returns its length and true. It returns false if the token does not end
// in the buffer (n >= 0: more may complete it) or if it is not one scan
// reads (n < 0).
func (x *xmlTokens) scan() (n int, ok bool) {
	b := x.buf[x.pos:]
	x.tok = xmlToken{}
	x.text = x.text[:0]
	if len(b) == 0 {
		return 0, false
	}
	if b[0] != '<' {
		end := bytes.IndexByte(b, '<')
		if end < 0 {
			if !x.eof {
				return 0, false
			}
			end = len(b)
		}
		text, ok := x.decode(b[:end], false)
		if !ok {
			return -1, false
		}
		x.tok = xmlToken{kind: xmlText, text: text}
		return end, true
	}
	switch {
	case len(b) < 2:
		return 0, false
	case b[1] == '/':
		return x.scanEnd(b)
	case b[1] == '?':
		return x.scanDecl(b)
	case b[1] == '!':
		return -1, false
	}
	return x.scanStart(b)
}

// scanEnd reads an end tag.
func (x *xmlTokens) scanEnd(b []byte) (int, bool) {
	local, i := xmlName(b, 2)
	if i < 0 {
		return i, false
	}
	i = skipSpace(b, i)
	if i >= len(b) {
		return 0, false
	}
	if b[i] != '>' {
		return -1, false
	}
	x.tok = xmlToken{kind: xmlEnd, local: local}
	return i + 1, true
}

// scanStart reads a start tag, and its end if it closes itself.
func (x *xmlTokens) scanStart(b []byte) (int, bool) {
	local, i := xmlName(b, 1)
	if i < 0 {
		return i, false
	}
	x.attrs = x.attrs[:0]
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return 0, false
		}
		switch b[i] {
		case '/':
			if i+1 >= len(b) {
				return 0, false
			}
			if b[i+1] != '>' {
				return -1, false
			}
			x.close = local // still in the buffer when it is returned
			i += 2
		case '>':
			i++
		default:
			name, j := xmlName(b, i)
			if j < 0 {
				return j, false
			}
			j = skipSpace(b, j)
			if j >= len(b) {
				return 0, false
			}
			if b[j] != '=' {
				return -1, false
			}
			j = skipSpace(b, j+1)
			if j >= len(b) {
				return 0, false
			}
			q := b[j]
			if q != '"' && q != '\'' {
				return -1, false
			}
			end := bytes.IndexByte(b[j+1:], q)
			if end < 0 {
				return 0, false
			}
			value, ok := x.decode(b[j+1:j+1+end], true)
			if !ok {
				return -1, false
			}
			x.attrs = append(x.attrs, xmlAttr{name, value})
			i = j + 1 + end + 1
			continue
		}
		x.tok = xmlToken{kind: xmlStart, local: local, attrs: x.attrs}
		return i, true
	}
}

// scanDecl reads a processing instruction such as the XML declaration: it
// is checked by encoding/xml (version, encoding) and then skipped.
func (x *xmlTokens) scanDecl(b []byte) (int, bool) {
	end := bytes.Index(b[2:], []byte("?>"))
	if end < 0 {
		return 0, false
	}
	n := 2 + end + 2
	d := xml.NewDecoder(bytes.NewReader(b[:n]))
	if _, err := d.RawToken(); err != nil {
		return -1, false
	}
	if _, err := d.RawToken(); err != io.EOF {
		return -1, false
	}
	return n, true
}

// xmlName reads the name that starts at b[i] and returns its local part and
// the index after it: -1 if it is not an ASCII name encoding/xml accepts
// (then encoding/xml reads it), len(b) if b may end within it.
func xmlName(b []byte, i int) ([]byte, int) {
	start, colon, colons := i, -1, 0
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, -1
		case c == ':':
			colon, colons = i, colons+1
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_':
		case '0' <= c && c <= '9' || c == '.' || c == '-':
			if i == start {
				return nil, -1
			}
		default:
			if i == start || colons > 1 {
				return nil, -1
			}
			if colon > start && colon < i-1 { // prefix:local
				return b[colon+1 : i], i
			}
			return b[start:i], i
		}
	}
	return nil, len(b)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// entities are the entities decode replaces.
var entities = [...]struct{ name, char string }{
	{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&apos;", "'"}, {"&quot;", `"`},
}

// decode returns text (an attribute value if attr) with the five named
// entities replaced, and false if it holds anything else encoding/xml
// would replace or refuse: other entities, CR, characters outside XML's,
// "<" in an attribute, "]]>" in text.
func (x *xmlTokens) decode(text []byte, attr bool) ([]byte, bool) {
	plain, ascii := true, true
	for i, c := range text {
		switch {
		case c == '&':
			plain = false
		case c < 0x20 && c != '\t' && c != '\n', c == '<' && attr:
			return nil, false
		case c == '>' && !attr && i >= 2 && text[i-1] == ']' && text[i-2] == ']':
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if !ascii && !validXMLText(text) {
		return nil, false
	}
	if plain {
		return text, true
	}
	start := len(x.text)
	for len(text) > 0 {
		i := bytes.IndexByte(text, '&')
		if i < 0 {
			x.text = append(x.text, text...)
			break
		}
		x.text = append(x.text, text[:i]...)
		text = text[i:]
		n := charRef(text)
		if n > 0 {
			r, _ := strconv.ParseUint(string(text[2:n-1]), 10, 32)
			if text[2] == 'x' {
				r, _ = strconv.ParseUint(string(text[3:n-1]), 16, 32)
			}
			if !inXMLRange(rune(r)) {
				return nil, false
			}
			x.text = utf8.AppendRune(x.text, rune(r))
			text = text[n:]
			continue
		}
		for _, e := range entities {
			if bytes.HasPrefix(text, []byte(e.name)) {
				x.text = append(x.text, e.char...)
				text = text[len(e.name):]
				n = len(e.name)
				break
			}
		}
		if n == 0 {
			return nil, false
		}
	}
	return x.text[start:len(x.text):len(x.text)], true
}

// charRef returns the length of the character reference (&#10; or &#xA;)
// text starts with, or 0 if it does not start with one of at most six
// digits.
func charRef(text []byte) int {
	if len(text) < 4 || text[1] != '#' {
		return 0
	}
	i, hex := 2, text[2] == 'x'
	if hex {
		i++
	}
	start := i
	for i < len(text) && i-start <= 6 && ('0' <= text[i] && text[i] <= '9' ||
		hex && ('a' <= text[i] && text[i] <= 'f' || 'A' <= text[i] && text[i] <= 'F')) {
		i++
	}
	if i == start || i-start > 6 || i >= len(text) || text[i] != ';' {
		return 0
	}
	return i + 1
}

// inXMLRange reports whether XML allows the character r.
func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// validXMLText reports whether b is UTF-8 of characters XML allows, but for
// ASCII control characters, which the caller checks.
func validXMLText(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		b = b[size:]
	}
	return true
}

// stdToken reads the next token with encoding/xml.
func (x *xmlTokens) stdToken() (*xmlToken, error) {
	tok, err := x.std.RawToken()
	if err != nil {
		return nil, err
	}
	t := &x.tok
	switch tok := tok.(type) {
	case xml.StartElement:
		x.attrs = x.attrs[:0]
		for _, a := range tok.Attr {
			x.attrs = append(x.attrs, xmlAttr{[]byte(a.Name.Local), []byte(a.Value)})
		}
		*t = xmlToken{kind: xmlStart, local: []byte(tok.Name.Local), attrs: x.attrs}
	case xml.EndElement:
		*t = xmlToken{kind: xmlEnd, local: []byte(tok.Name.Local)}
	case xml.CharData:
		*t = xmlToken{kind: xmlText, text: tok}
	default:
		return nil, nil
	}
	return t, nil
}
