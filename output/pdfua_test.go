package output_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// checkPDFUA reports, with t.Errorf, every failure of the machine-checkable
// points of the Matterhorn Protocol (PDF/UA-1) and of the PDF/A-2b
// identification that pdfuaProblems finds in pdf.
func checkPDFUA(t *testing.T, pdf []byte) {
	t.Helper()
	for _, p := range pdfuaProblems(pdf) {
		t.Errorf("PDF/UA: %s", p)
	}
}

// pdfuaProblems checks pdf and returns one message per failure, naming the
// object, page and what is wrong; nil means it passes. It checks:
//
//  1. the catalog: /StructTreeRoot, /MarkInfo <</Marked true>>, /Lang,
//     /ViewerPreferences <</DisplayDocTitle true>>, /Metadata; trailer /ID;
//  2. the XMP: dc:title, pdfuaid:part 1, pdfaid:part 2 and conformance B,
//     the extension schema declaring pdfuaid, and agreement with /Info;
//  3. an /OutputIntents entry /GTS_PDFA1 with an RGB ICC profile;
//  4. every painting operator of every page inside an MCID sequence or an
//     /Artifact, marked content balanced and not nested wrongly;
//  5. every MCID referenced exactly once from the structure tree, and the
//     ParentTree agreeing with the tree;
//  6. the structure tree: one top element, /S and /P right, headings from
//     H1 without skipped levels, tables with TH and /Scope, rows in place,
//     figures with /Alt, lists of LI with Lbl/LBody, TOCI in TOC, links
//     with an OBJR;
//  7. every font embedded, Type0 fonts with /ToUnicode;
//  8. every annotation with /Contents, the print flag, a /StructParent that
//     leads to a Link element with an OBJR to it, and /Tabs /S on its page.
//
// Many alike failures (say every painting operator of an untagged page) are
// reported as one message with a count and the first few places.
func pdfuaProblems(pdf []byte) []string {
	c := &pdfuaChecker{
		f:         pdfuaOpen(pdf),
		pageByObj: map[int]pdfuaPage{},
		elems:     map[int]*pdfuaElem{},
		mcidRefs:  map[int]map[int][]*pdfuaElem{},
		objrRefs:  map[int][]*pdfuaElem{},
		keyUser:   map[int]string{},
	}
	c.run()
	return append(c.f.problems, c.problems...)
}

type pdfuaChecker struct {
	f        *pdfuaFile
	problems []string

	catalog   pdfuaDict
	pages     []pdfuaPage
	pageByObj map[int]pdfuaPage

	tagged     bool // a StructTreeRoot was found and walked
	rootNum    int
	roleMap    pdfuaDict
	classMap   pdfuaDict
	parentTree map[int]any                  // nil without a ParentTree
	order      []*pdfuaElem                 // all elements in tree (reading) order
	elems      map[int]*pdfuaElem           // by object number
	mcidRefs   map[int]map[int][]*pdfuaElem // page object → MCID → elements referencing it
	objrRefs   map[int][]*pdfuaElem         // object → elements with an OBJR to it
	keyUser    map[int]string               // ParentTree key → who uses it
}

func (c *pdfuaChecker) problem(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// pdfuaAgg collects alike failures to report them as one message each.
type pdfuaAgg struct {
	order []string
	items map[string][]string
}

func (a *pdfuaAgg) add(what, where string) {
	if a.items == nil {
		a.items = map[string][]string{}
	}
	if _, ok := a.items[what]; !ok {
		a.order = append(a.order, what)
	}
	a.items[what] = append(a.items[what], where)
}

// report adds "<prefix>: <what> (<n>): <first places>" per kind of failure.
func (a *pdfuaAgg) report(c *pdfuaChecker, prefix string) {
	for _, what := range a.order {
		items := a.items[what]
		msg := fmt.Sprintf("%s (%d): %s", what, len(items), pdfuaSome(items, 8))
		if prefix != "" {
			msg = prefix + ": " + msg
		}
		c.problems = append(c.problems, msg)
	}
}

func pdfuaSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(", … and %d more", len(items)-n)
}

func (c *pdfuaChecker) run() {
	root := c.f.trailer["Root"]
	c.catalog = c.f.dict(root)
	if c.catalog == nil {
		c.problem("trailer: /Root %v is not a catalog dictionary", root)
		return
	}
	c.pages = c.f.pages(c.catalog)
	for _, p := range c.pages {
		c.pageByObj[p.ref.num] = p
	}
	c.checkCatalog()
	c.checkMetadata()
	c.checkOutputIntents()
	c.checkStructure()
	for _, p := range c.pages {
		mcids, untagged := c.checkContent(p)
		c.checkMCIDs(p, mcids, len(mcids) > 0 || untagged > 0)
		c.checkAnnotations(p)
	}
	c.checkOBJRs()
	c.checkFonts()
}

// Point 1: the catalog.
func (c *pdfuaChecker) checkCatalog() {
	cat := c.catalog
	if c.f.name(cat["Type"]) != "Catalog" {
		c.problem("catalog: /Type is %v, want /Catalog", cat["Type"])
	}
	if cat["StructTreeRoot"] == nil {
		c.problem("catalog: no /StructTreeRoot (the document is not tagged)")
	}
	if mi := c.f.dict(cat["MarkInfo"]); mi == nil {
		c.problem("catalog: no /MarkInfo <</Marked true>>")
	} else {
		if c.f.resolve(mi["Marked"]) != true {
			c.problem("catalog: /MarkInfo /Marked is %v, want true", mi["Marked"])
		}
		if c.f.resolve(mi["Suspects"]) == true {
			c.problem("catalog: /MarkInfo /Suspects is true")
		}
	}
	if lang, ok := c.f.text(cat["Lang"]); !ok {
		c.problem("catalog: no /Lang")
	} else if strings.TrimSpace(lang) == "" {
		c.problem("catalog: /Lang is empty")
	}
	if vp := c.f.dict(cat["ViewerPreferences"]); vp == nil {
		c.problem("catalog: no /ViewerPreferences <</DisplayDocTitle true>>")
	} else if c.f.resolve(vp["DisplayDocTitle"]) != true {
		c.problem("catalog: /ViewerPreferences /DisplayDocTitle is %v, want true", vp["DisplayDocTitle"])
	}
	if c.f.trailer["ID"] == nil {
		c.problem("trailer: no /ID (PDF/A requires one)")
	}
}

// XMP namespaces.
const (
	pdfuaNSrdf       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	pdfuaNSdc        = "http://purl.org/dc/elements/1.1/"
	pdfuaNSxmp       = "http://ns.adobe.com/xap/1.0/"
	pdfuaNSpdf       = "http://ns.adobe.com/pdf/1.3/"
	pdfuaNSpdfuaid   = "http://www.aiim.org/pdfua/ns/id/"
	pdfuaNSpdfaid    = "http://www.aiim.org/pdfa/ns/id/"
	pdfuaNSextension = "http://www.aiim.org/pdfa/ns/extension/"
	pdfuaNSschema    = "http://www.aiim.org/pdfa/ns/schema#"
	pdfuaNSproperty  = "http://www.aiim.org/pdfa/ns/property#"
	pdfuaNSxml       = "http://www.w3.org/XML/1998/namespace"
)

// pdfuaXML is an element of the XMP packet.
type pdfuaXML struct {
	name  xml.Name
	attrs []xml.Attr
	kids  []*pdfuaXML
	text  string
}

func pdfuaParseXML(data []byte) (*pdfuaXML, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &pdfuaXML{}
	stack := []*pdfuaXML{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &pdfuaXML{name: t.Name, attrs: t.Attr}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(t)
		}
	}
}

// all calls fn for n and every element below it.
func (n *pdfuaXML) all(fn func(*pdfuaXML)) {
	fn(n)
	for _, k := range n.kids {
		k.all(fn)
	}
}

// field returns the value of property ns:local of n, given as an attribute
// or as a child element with simple content.
func (n *pdfuaXML) field(ns, local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == ns && a.Name.Local == local {
			return a.Value, true
		}
	}
	for _, k := range n.kids {
		if k.name.Space == ns && k.name.Local == local {
			return strings.TrimSpace(k.text), true
		}
	}
	return "", false
}

// pdfuaXMPItem is one value of an XMP property (one rdf:li of an array).
type pdfuaXMPItem struct{ lang, text string }

// pdfuaXMP is the top-level rdf:Description elements of a packet.
type pdfuaXMP []*pdfuaXML

// prop returns the values of property ns:local: one for a simple value, the
// rdf:li items for an rdf:Alt, rdf:Seq or rdf:Bag.
func (x pdfuaXMP) prop(ns, local string) ([]pdfuaXMPItem, bool) {
	for _, d := range x {
		for _, a := range d.attrs {
			if a.Name.Space == ns && a.Name.Local == local {
				return []pdfuaXMPItem{{text: a.Value}}, true
			}
		}
		for _, k := range d.kids {
			if k.name.Space != ns || k.name.Local != local {
				continue
			}
			for _, arr := range k.kids {
				if arr.name.Space == pdfuaNSrdf && (arr.name.Local == "Alt" || arr.name.Local == "Seq" || arr.name.Local == "Bag") {
					var items []pdfuaXMPItem
					for _, li := range arr.kids {
						it := pdfuaXMPItem{text: strings.TrimSpace(li.text)}
						for _, a := range li.attrs {
							if a.Name.Local == "lang" && (a.Name.Space == pdfuaNSxml || a.Name.Space == "xml") {
								it.lang = a.Value
							}
						}
						items = append(items, it)
					}
					return items, true
				}
			}
			return []pdfuaXMPItem{{text: strings.TrimSpace(k.text)}}, true
		}
	}
	return nil, false
}

// one returns the x-default (or else the first) value of a property.
func (x pdfuaXMP) one(ns, local string) (string, bool) {
	items, ok := x.prop(ns, local)
	if !ok || len(items) == 0 {
		return "", false
	}
	for _, it := range items {
		if it.lang == "x-default" {
			return it.text, true
		}
	}
	return items[0].text, true
}

// Point 2: XMP metadata and its agreement with the document information.
func (c *pdfuaChecker) checkMetadata() {
	s := c.f.stream(c.catalog["Metadata"])
	if s == nil {
		c.problem("catalog: no /Metadata stream (XMP)")
		return
	}
	where := fmt.Sprintf("XMP metadata (%v)", c.catalog["Metadata"])
	if c.f.name(s.dict["Type"]) != "Metadata" || c.f.name(s.dict["Subtype"]) != "XML" {
		c.problem("%s: stream is /Type %v /Subtype %v, want /Metadata /XML", where, s.dict["Type"], s.dict["Subtype"])
	}
	data, err := c.f.decode(s)
	if err != nil {
		c.problem("%s: %v", where, err)
		return
	}
	doc, err := pdfuaParseXML(data)
	if err != nil {
		c.problem("%s: not well-formed XML: %v", where, err)
		return
	}
	var x pdfuaXMP
	doc.all(func(n *pdfuaXML) {
		if n.name.Space == pdfuaNSrdf && n.name.Local == "RDF" {
			for _, k := range n.kids {
				if k.name.Space == pdfuaNSrdf && k.name.Local == "Description" {
					x = append(x, k)
				}
			}
		}
	})
	if len(x) == 0 {
		c.problem("%s: no rdf:RDF/rdf:Description", where)
		return
	}
	want := []struct{ ns, local, prefix, value string }{
		{pdfuaNSpdfuaid, "part", "pdfuaid", "1"},
		{pdfuaNSpdfaid, "part", "pdfaid", "2"},
		{pdfuaNSpdfaid, "conformance", "pdfaid", "B"},
	}
	for _, w := range want {
		if v, ok := x.one(w.ns, w.local); !ok {
			c.problem("%s: no %s:%s (namespace %s)", where, w.prefix, w.local, w.ns)
		} else if v != w.value {
			c.problem("%s: %s:%s is %q, want %q", where, w.prefix, w.local, v, w.value)
		}
	}
	c.checkExtensionSchema(where, x)

	info := c.f.dict(c.f.trailer["Info"])
	if info == nil {
		c.problem("trailer: no /Info dictionary")
		info = pdfuaDict{}
	}
	if _, ok := info["Title"]; !ok {
		c.problem("Info: no /Title (the window title that /DisplayDocTitle shows)")
	}
	if _, ok := x.prop(pdfuaNSdc, "title"); !ok {
		c.problem("%s: no dc:title", where)
	}
	texts := []struct{ key, ns, local, prefix string }{
		{"Title", pdfuaNSdc, "title", "dc"},
		{"Author", pdfuaNSdc, "creator", "dc"},
		{"Subject", pdfuaNSdc, "description", "dc"},
		{"Keywords", pdfuaNSpdf, "Keywords", "pdf"},
		{"Creator", pdfuaNSxmp, "CreatorTool", "xmp"},
		{"Producer", pdfuaNSpdf, "Producer", "pdf"},
	}
	for _, e := range texts {
		iv, ok := c.f.text(info[pdfuaName(e.key)])
		if !ok {
			continue
		}
		xv, found := x.one(e.ns, e.local)
		switch {
		case !found:
			c.problem("Info /%s is %q, but the XMP has no %s:%s", e.key, iv, e.prefix, e.local)
		case xv != iv:
			c.problem("Info /%s is %q, but XMP %s:%s is %q", e.key, iv, e.prefix, e.local, xv)
		}
		if e.key == "Author" {
			if items, _ := x.prop(e.ns, e.local); len(items) > 1 {
				c.problem("XMP dc:creator has %d entries, want one, equal to Info /Author", len(items))
			}
		}
	}
	dates := []struct{ key, local string }{{"CreationDate", "CreateDate"}, {"ModDate", "ModifyDate"}}
	for _, e := range dates {
		iv, ok := c.f.text(info[pdfuaName(e.key)])
		if !ok {
			continue
		}
		it, err := pdfuaDate(iv)
		if err != nil {
			c.problem("Info /%s: %v", e.key, err)
			continue
		}
		xv, found := x.one(pdfuaNSxmp, e.local)
		if !found {
			c.problem("Info /%s is %q, but the XMP has no xmp:%s", e.key, iv, e.local)
			continue
		}
		xt, err := pdfuaXMPDate(xv)
		if err != nil {
			c.problem("XMP xmp:%s: %v", e.local, err)
		} else if !xt.Equal(it) {
			c.problem("Info /%s is %q (%s), but XMP xmp:%s is %q (%s): not the same instant",
				e.key, iv, it.UTC().Format("2006-01-02T15:04:05Z"), e.local, xv, xt.UTC().Format("2006-01-02T15:04:05Z"))
		}
	}
}

// checkExtensionSchema looks for the PDF/A extension schema that declares
// the pdfuaid namespace and its property "part" (required by PDF/A, since
// pdfuaid is not one of its predefined schemas).
func (c *pdfuaChecker) checkExtensionSchema(where string, x pdfuaXMP) {
	var schemas []*pdfuaXML
	for _, d := range x {
		for _, k := range d.kids {
			if k.name.Space == pdfuaNSextension && k.name.Local == "schemas" {
				schemas = append(schemas, k)
			}
		}
	}
	if len(schemas) == 0 {
		c.problem("%s: no PDF/A extension schema (pdfaExtension:schemas) declaring pdfuaid", where)
		return
	}
	var schema *pdfuaXML
	for _, s := range schemas {
		s.all(func(n *pdfuaXML) {
			if v, ok := n.field(pdfuaNSschema, "namespaceURI"); ok && v == pdfuaNSpdfuaid && schema == nil {
				schema = n
			}
		})
	}
	if schema == nil {
		c.problem("%s: pdfaExtension:schemas has no schema with pdfaSchema:namespaceURI %s", where, pdfuaNSpdfuaid)
		return
	}
	if p, _ := schema.field(pdfuaNSschema, "prefix"); p != "pdfuaid" {
		c.problem("%s: the extension schema for %s has pdfaSchema:prefix %q, want \"pdfuaid\"", where, pdfuaNSpdfuaid, p)
	}
	part := false
	schema.all(func(n *pdfuaXML) {
		if v, ok := n.field(pdfuaNSproperty, "name"); ok && v == "part" {
			part = true
		}
	})
	if !part {
		c.problem("%s: the extension schema for pdfuaid declares no property with pdfaProperty:name \"part\"", where)
	}
}

// Point 3: the output intent.
func (c *pdfuaChecker) checkOutputIntents() {
	ois := c.f.array(c.catalog["OutputIntents"])
	if len(ois) == 0 {
		c.problem("catalog: no /OutputIntents")
		return
	}
	found := false
	for i, oi := range ois {
		d := c.f.dict(oi)
		if c.f.name(d["S"]) != "GTS_PDFA1" {
			continue
		}
		found = true
		where := fmt.Sprintf("OutputIntent %d (%v)", i+1, oi)
		if _, ok := c.f.text(d["OutputConditionIdentifier"]); !ok {
			c.problem("%s: no /OutputConditionIdentifier", where)
		}
		prof := c.f.stream(d["DestOutputProfile"])
		if prof == nil {
			c.problem("%s: no /DestOutputProfile ICC stream", where)
			continue
		}
		if n, _ := c.f.int(prof.dict["N"]); n != 3 {
			c.problem("%s: ICC profile %v has /N %v, want 3 (RGB)", where, d["DestOutputProfile"], prof.dict["N"])
		}
		data, err := c.f.decode(prof)
		switch {
		case err != nil:
			c.problem("%s: ICC profile %v: %v", where, d["DestOutputProfile"], err)
		case len(data) < 128 || string(data[36:40]) != "acsp":
			c.problem("%s: %v is not an ICC profile (no \"acsp\" signature)", where, d["DestOutputProfile"])
		case string(data[16:20]) != "RGB ":
			c.problem("%s: ICC profile %v has colour space %q, want \"RGB \"", where, d["DestOutputProfile"], data[16:20])
		}
	}
	if !found {
		c.problem("catalog: no /OutputIntents entry with /S /GTS_PDFA1")
	}
}

// pdfuaStandardTypes are the standard structure types of PDF 1.7 (14.8.4).
var pdfuaStandardTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
		NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot
		Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`) {
		m[s] = true
	}
	return m
}()

// pdfuaElem is a structure element.
type pdfuaElem struct {
	num    int // object number; 0 for a direct dictionary
	dict   pdfuaDict
	s, typ string // /S and the standard type it maps to
	page   int    // number of the page in /Pg, 0 if none
	parent *pdfuaElem
	kids   []*pdfuaElem
	objrs  []int // objects its OBJR kids point at
}

func (e *pdfuaElem) String() string {
	if e == nil {
		return "StructTreeRoot"
	}
	s := "StructElem " + fmt.Sprint(e.num)
	if e.num == 0 {
		s = "direct StructElem"
	}
	s += " /" + e.s
	if e.typ != e.s {
		s += "→" + e.typ
	}
	if e.page > 0 {
		s += fmt.Sprintf(" (page %d)", e.page)
	}
	return s
}

// parentType returns the standard type of e's parent, "StructTreeRoot" at the top.
func (e *pdfuaElem) parentType() string {
	if e.parent == nil {
		return "StructTreeRoot"
	}
	return e.parent.typ
}

func (e *pdfuaElem) has(typ string) bool {
	for _, k := range e.kids {
		if k.typ == typ || k.has(typ) {
			return true
		}
	}
	return false
}

// kids returns the entries of a /K value: an array or a single kid.
func (c *pdfuaChecker) kids(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case pdfuaArray:
		return x
	case pdfuaRef:
		if a, ok := c.f.resolve(x).(pdfuaArray); ok {
			return a
		}
	}
	return []any{v}
}

// Point 6, and the tree side of points 5 and 8.
func (c *pdfuaChecker) checkStructure() {
	rv := c.catalog["StructTreeRoot"]
	root := c.f.dict(rv)
	if root == nil {
		if rv != nil {
			c.problem("catalog: /StructTreeRoot %v is not a dictionary", rv)
		}
		return
	}
	c.tagged = true
	if r, ok := rv.(pdfuaRef); ok {
		c.rootNum = r.num
	} else {
		c.problem("catalog: /StructTreeRoot is a direct dictionary; elements cannot point at it with /P")
	}
	if c.f.name(root["Type"]) != "StructTreeRoot" {
		c.problem("StructTreeRoot: /Type is %v, want /StructTreeRoot", root["Type"])
	}
	c.roleMap = c.f.dict(root["RoleMap"])
	c.classMap = c.f.dict(root["ClassMap"])
	if root["ParentTree"] == nil {
		c.problem("StructTreeRoot: no /ParentTree")
	} else {
		c.parentTree = c.f.numberTree(root["ParentTree"], "ParentTree")
		if next, ok := c.f.int(root["ParentTreeNextKey"]); ok {
			for _, k := range pdfuaSortedKeys(c.parentTree) {
				if k >= next {
					c.problem("ParentTree: key %d is not below /ParentTreeNextKey %d", k, next)
				}
			}
		}
	}
	kids := c.kids(root["K"])
	switch {
	case len(kids) == 0:
		c.problem("StructTreeRoot: no /K (the structure tree is empty)")
	case len(kids) > 1:
		c.problem("StructTreeRoot: /K has %d kids, want one Document element", len(kids))
	}
	for _, k := range kids {
		c.walk(k, nil, 0)
	}

	var agg pdfuaAgg
	last := 0
	for _, e := range c.order {
		c.checkElem(e, &agg)
		level := 0
		if len(e.typ) == 2 && e.typ[0] == 'H' && e.typ[1] >= '1' && e.typ[1] <= '6' {
			level = int(e.typ[1] - '0')
		}
		switch {
		case level == 0:
			continue
		case last == 0 && level != 1:
			c.problem("headings: the first heading is %v, want H1", e)
		case last > 0 && level > last+1:
			c.problem("headings: %v follows an H%d: level H%d skipped", e, last, last+1)
		}
		last = level
	}
	agg.report(c, "")
}

// walk visits one kid of a /K; parent is nil at the top.
func (c *pdfuaChecker) walk(v any, parent *pdfuaElem, depth int) {
	if depth > 100 {
		c.problem("structure tree: deeper than 100 levels below %v (a cycle?)", parent)
		return
	}
	if n, ok := c.f.resolve(v).(int); ok {
		if parent == nil {
			c.problem("StructTreeRoot: /K contains MCID %d; content belongs in structure elements", n)
			return
		}
		c.addMCID(parent, n, parent.dict["Pg"], "its /Pg")
		return
	}
	d := c.f.dict(v)
	if d == nil {
		c.problem("%v: kid %v is neither an MCID nor a dictionary", parent, v)
		return
	}
	switch c.f.name(d["Type"]) {
	case "MCR":
		if parent == nil {
			c.problem("StructTreeRoot: /K contains a marked-content reference")
			return
		}
		if d["Stm"] != nil {
			c.problem("%v: MCR with /Stm (content in a form XObject) is not supported by this checker", parent)
			return
		}
		mcid, ok := c.f.int(d["MCID"])
		if !ok {
			c.problem("%v: MCR without an integer /MCID", parent)
			return
		}
		pg, how := d["Pg"], "the MCR's /Pg"
		if pg == nil {
			pg, how = parent.dict["Pg"], "the element's /Pg"
		}
		c.addMCID(parent, mcid, pg, how)
		return
	case "OBJR":
		if parent == nil {
			c.problem("StructTreeRoot: /K contains an object reference")
			return
		}
		obj, ok := d["Obj"].(pdfuaRef)
		if !ok {
			c.problem("%v: OBJR /Obj %v is not an indirect reference", parent, d["Obj"])
			return
		}
		parent.objrs = append(parent.objrs, obj.num)
		c.objrRefs[obj.num] = append(c.objrRefs[obj.num], parent)
		return
	}
	e := &pdfuaElem{dict: d, parent: parent}
	if r, ok := v.(pdfuaRef); ok {
		if seen := c.elems[r.num]; seen != nil {
			c.problem("structure tree: %v is reached twice (under %v and under %v)", seen, seen.parent, parent)
			return
		}
		e.num = r.num
		c.elems[r.num] = e
	}
	e.s = c.f.name(d["S"])
	e.typ = e.s
	if pg, ok := d["Pg"].(pdfuaRef); ok {
		e.page = c.pageByObj[pg.num].n
	}
	if e.num == 0 {
		c.problem("%v under %v is a direct dictionary; structure elements must be indirect objects", e, parent)
	}
	if e.s == "" {
		c.problem("%v under %v: no /S", e, parent)
	} else if typ, ok := c.standard(e.s); ok {
		e.typ = typ
	} else {
		c.problem("%v: structure type /%s is not standard and not role-mapped to a standard type", e, e.s)
	}
	wantP := c.rootNum
	if parent != nil {
		wantP = parent.num
	}
	switch p, ok := d["P"].(pdfuaRef); {
	case !ok:
		c.problem("%v: /P %v is not an indirect reference to its parent %v", e, d["P"], parent)
	case wantP != 0 && p.num != wantP:
		c.problem("%v: /P is %v, but its parent is %v", e, p, parent)
	}
	if parent != nil {
		parent.kids = append(parent.kids, e)
	}
	c.order = append(c.order, e)
	for _, k := range c.kids(d["K"]) {
		c.walk(k, e, depth+1)
	}
}

// standard maps a structure type through the RoleMap to a standard type.
func (c *pdfuaChecker) standard(s string) (string, bool) {
	for range 16 {
		if pdfuaStandardTypes[s] {
			return s, true
		}
		next := c.f.name(c.roleMap[pdfuaName(s)])
		if next == "" {
			return s, false
		}
		s = next
	}
	return s, false
}

func (c *pdfuaChecker) addMCID(e *pdfuaElem, mcid int, pg any, how string) {
	r, ok := pg.(pdfuaRef)
	if !ok {
		c.problem("%v: MCID %d has no page: %s is %v", e, mcid, how, pg)
		return
	}
	if _, ok := c.pageByObj[r.num]; !ok {
		c.problem("%v: MCID %d: %s %v is not a page", e, mcid, how, r)
		return
	}
	m := c.mcidRefs[r.num]
	if m == nil {
		m = map[int][]*pdfuaElem{}
		c.mcidRefs[r.num] = m
	}
	m[mcid] = append(m[mcid], e)
}

// scope returns the /Scope of a TH's table attributes (/A, or /C via the ClassMap).
func (c *pdfuaChecker) scope(e *pdfuaElem) string {
	var attrs []any
	add := func(v any) {
		switch a := c.f.resolve(v).(type) {
		case pdfuaDict:
			attrs = append(attrs, a)
		case *pdfuaStream:
			attrs = append(attrs, a.dict)
		case pdfuaArray:
			attrs = append(attrs, a...)
		}
	}
	add(e.dict["A"])
	switch cl := c.f.resolve(e.dict["C"]).(type) {
	case pdfuaName:
		add(c.classMap[cl])
	case pdfuaArray:
		for _, n := range cl {
			if n, ok := c.f.resolve(n).(pdfuaName); ok {
				add(c.classMap[n])
			}
		}
	}
	for _, a := range attrs {
		d := c.f.dict(a)
		if d != nil && c.f.name(d["O"]) == "Table" {
			if s := c.f.name(d["Scope"]); s != "" {
				return s
			}
		}
	}
	return ""
}

// checkElem checks the rules for one element's type and place.
func (c *pdfuaChecker) checkElem(e *pdfuaElem, agg *pdfuaAgg) {
	in := func(types ...string) bool { return slices.Contains(types, e.parentType()) }
	kidsOnly := func(what string, types ...string) {
		for _, k := range e.kids {
			if !slices.Contains(types, k.typ) {
				agg.add(fmt.Sprintf("%s contains /%s", what, k.typ), k.String())
			}
		}
	}
	switch e.typ {
	case "Table":
		if !e.has("TH") {
			agg.add("Table without any TH cell", e.String())
		}
		kidsOnly("Table", "TR", "THead", "TBody", "TFoot", "Caption")
	case "THead", "TBody", "TFoot":
		if !in("Table") {
			agg.add(fmt.Sprintf("%s not directly in a Table", e.typ), fmt.Sprintf("%v in /%s", e, e.parentType()))
		}
	case "TR":
		if !in("Table", "THead", "TBody", "TFoot") {
			agg.add("TR not in Table, THead, TBody or TFoot", fmt.Sprintf("%v in /%s", e, e.parentType()))
		}
	case "TH", "TD":
		if !in("TR") {
			agg.add(fmt.Sprintf("%s not in a TR", e.typ), fmt.Sprintf("%v in /%s", e, e.parentType()))
		}
		if e.typ == "TH" {
			switch s := c.scope(e); s {
			case "Row", "Column", "Both":
			case "":
				agg.add("TH without /A <</O /Table /Scope /Column or /Row>>", e.String())
			default:
				agg.add(fmt.Sprintf("TH with /Scope /%s, want /Column or /Row", s), e.String())
			}
		}
	case "Figure":
		if alt, _ := c.f.text(e.dict["Alt"]); strings.TrimSpace(alt) == "" {
			agg.add("Figure without a non-empty /Alt", e.String())
		}
	case "L":
		if !e.has("LI") {
			agg.add("L without LI", e.String())
		}
		kidsOnly("L", "LI", "L", "Caption")
	case "LI":
		if !in("L") {
			agg.add("LI not in an L", fmt.Sprintf("%v in /%s", e, e.parentType()))
		}
		if !slices.ContainsFunc(e.kids, func(k *pdfuaElem) bool { return k.typ == "Lbl" || k.typ == "LBody" }) {
			agg.add("LI without Lbl or LBody", e.String())
		}
		kidsOnly("LI", "Lbl", "LBody")
	case "Lbl", "LBody":
		if !in("LI") {
			agg.add(fmt.Sprintf("%s not in an LI", e.typ), fmt.Sprintf("%v in /%s", e, e.parentType()))
		}
	case "TOCI":
		if !in("TOC") {
			agg.add("TOCI not in a TOC", fmt.Sprintf("%v in /%s", e, e.parentType()))
		}
	case "TOC":
		kidsOnly("TOC", "TOCI", "TOC", "Caption")
	case "Link":
		if len(e.objrs) == 0 {
			agg.add("Link without an OBJR kid (no annotation)", e.String())
		}
	}
}

// pdfuaMark is an open marked-content sequence.
type pdfuaMark struct {
	tag      string
	mcid     int // -1 if none
	artifact bool
	pos      int
}

func (m pdfuaMark) String() string {
	if m.mcid >= 0 {
		return fmt.Sprintf("/%s <</MCID %d>> at byte %d", m.tag, m.mcid, m.pos)
	}
	return fmt.Sprintf("/%s at byte %d", m.tag, m.pos)
}

var (
	pdfuaPathOps  = map[string]bool{"m": true, "l": true, "c": true, "v": true, "y": true, "h": true, "re": true}
	pdfuaPaintOps = map[string]bool{"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true,
		"Tj": true, "TJ": true, "'": true, `"`: true, "Do": true, "sh": true, "BI": true}
	pdfuaPathEnd = map[string]bool{"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true, "n": true}
)

// Point 4: checkContent reads the page's content and returns its MCIDs and
// the number of painting operators outside tagged content and artifacts.
func (c *pdfuaChecker) checkContent(p pdfuaPage) (map[int]bool, int) {
	data, err := c.f.contents(p)
	if err != nil {
		c.problem("%v: %v", p, err)
		return nil, 0
	}
	ops, err := pdfuaOps(data)
	if err != nil {
		c.problem("%v: content stream: %v", p, err)
	}
	mcids := map[int]bool{}
	firstUse := map[int]int{}
	var stack []pdfuaMark
	var agg pdfuaAgg
	untagged := 0
	var pathStart *pdfuaOp // first path operator of the current path drawn outside
	tagged := func() bool {
		return slices.ContainsFunc(stack, func(m pdfuaMark) bool { return m.artifact || m.mcid >= 0 })
	}
	props := c.f.dict(p.resources["Properties"])
	for i, op := range ops {
		switch {
		case op.name == "BMC" || op.name == "BDC":
			m := pdfuaMark{mcid: -1, pos: op.pos}
			if len(op.operands) > 0 {
				if n, ok := op.operands[0].(pdfuaName); ok {
					m.tag = string(n)
				}
			}
			m.artifact = m.tag == "Artifact"
			if op.name == "BDC" && len(op.operands) > 1 {
				var d pdfuaDict
				switch x := op.operands[1].(type) {
				case pdfuaDict:
					d = x
				case pdfuaName:
					if d = c.f.dict(props[x]); d == nil {
						c.problem("%v: BDC at byte %d names property list /%s, which the page's /Resources /Properties lack", p, op.pos, x)
					}
				}
				if n, ok := d["MCID"].(int); ok && !m.artifact {
					m.mcid = n
				}
			}
			for _, o := range stack {
				switch {
				case o.mcid >= 0 && m.mcid >= 0:
					c.problem("%v: %v inside %v: tagged sequences must not nest", p, m, o)
				case o.artifact && m.mcid >= 0:
					c.problem("%v: tagged %v inside artifact %v", p, m, o)
				case o.mcid >= 0 && m.artifact:
					c.problem("%v: artifact %v inside tagged %v", p, m, o)
				}
			}
			if m.mcid >= 0 {
				if prev, dup := firstUse[m.mcid]; dup {
					c.problem("%v: MCID %d is used twice in the content (bytes %d and %d)", p, m.mcid, prev, op.pos)
				} else {
					firstUse[m.mcid] = op.pos
					mcids[m.mcid] = true
				}
			}
			stack = append(stack, m)
		case op.name == "EMC":
			if len(stack) == 0 {
				c.problem("%v: EMC at byte %d without an open BMC/BDC", p, op.pos)
				continue
			}
			stack = stack[:len(stack)-1]
		case pdfuaPathOps[op.name]:
			if pathStart == nil && !tagged() {
				pathStart = &ops[i]
			}
		case pdfuaPaintOps[op.name]:
			switch {
			case !tagged():
				untagged++
				agg.add("painting operators outside tagged content or an artifact", fmt.Sprintf("%s at byte %d", op.name, op.pos))
			case pathStart != nil && pdfuaPathEnd[op.name]:
				untagged++
				agg.add("paths built outside tagged content and painted inside", fmt.Sprintf("%s at byte %d painted at byte %d", pathStart.name, pathStart.pos, op.pos))
			}
		}
		if pdfuaPathEnd[op.name] {
			pathStart = nil
		}
	}
	if len(stack) > 0 {
		c.problem("%v: %d marked-content sequence(s) not closed by EMC, the outermost %v", p, len(stack), stack[0])
	}
	agg.report(c, p.String())
	return mcids, untagged
}

// Point 5: MCIDs against the structure tree and the ParentTree. hasContent
// says whether the page has content that is not an artifact.
func (c *pdfuaChecker) checkMCIDs(p pdfuaPage, mcids map[int]bool, hasContent bool) {
	k, hasKey := c.f.int(p.dict["StructParents"])
	if !hasKey {
		if hasContent {
			c.problem("%v: no /StructParents, but the page has content that is not an artifact", p)
		}
	} else if user, dup := c.keyUser[k]; dup {
		c.problem("%v: /StructParents %d is also the key of %s", p, k, user)
	} else {
		c.keyUser[k] = p.String()
	}
	if !c.tagged {
		return
	}
	var agg pdfuaAgg
	refs := c.mcidRefs[p.ref.num]
	for _, mcid := range pdfuaSortedKeys(mcids) {
		switch n := len(refs[mcid]); {
		case n == 0:
			agg.add("MCIDs in the content that no structure element references", fmt.Sprint(mcid))
		case n > 1:
			var by []string
			for _, e := range refs[mcid] {
				by = append(by, e.String())
			}
			agg.add("MCIDs referenced more than once", fmt.Sprintf("%d by %s", mcid, strings.Join(by, " and ")))
		}
	}
	for _, mcid := range pdfuaSortedKeys(refs) {
		if !mcids[mcid] {
			agg.add("MCIDs referenced from the structure tree but not in the page's content", fmt.Sprintf("%d by %v", mcid, refs[mcid][0]))
		}
	}
	if hasKey && c.parentTree != nil {
		entry, ok := c.parentTree[k]
		arr := c.f.array(entry)
		switch {
		case !ok:
			c.problem("%v: /StructParents %d has no entry in the ParentTree", p, k)
		case arr == nil && len(mcids) > 0:
			c.problem("%v: ParentTree entry %d is %v, not an array of structure elements", p, k, entry)
		default:
			for _, mcid := range pdfuaSortedKeys(mcids) {
				var got any
				if mcid < len(arr) {
					got = arr[mcid]
				}
				r, isRef := got.(pdfuaRef)
				switch {
				case got == nil:
					agg.add(fmt.Sprintf("MCIDs without an element in ParentTree[%d]", k), fmt.Sprint(mcid))
				case !isRef:
					agg.add(fmt.Sprintf("ParentTree[%d] entries that are not references", k), fmt.Sprintf("[%d] = %v", mcid, got))
				case len(refs[mcid]) == 1 && refs[mcid][0].num != r.num:
					agg.add(fmt.Sprintf("ParentTree[%d] entries that name the wrong element", k), fmt.Sprintf("[%d] = %v, but %v references MCID %d", mcid, r, refs[mcid][0], mcid))
				case c.elems[r.num] == nil:
					agg.add(fmt.Sprintf("ParentTree[%d] entries that are not elements of the tree", k), fmt.Sprintf("[%d] = %v", mcid, r))
				}
			}
			for i, v := range arr {
				if v != nil && !mcids[i] {
					agg.add(fmt.Sprintf("ParentTree[%d] entries for MCIDs the page does not have", k), fmt.Sprintf("[%d] = %v", i, v))
				}
			}
		}
	}
	agg.report(c, p.String())
}

// Point 8: annotations.
func (c *pdfuaChecker) checkAnnotations(p pdfuaPage) {
	annots := c.f.array(p.dict["Annots"])
	if len(annots) == 0 {
		return
	}
	if tabs := c.f.name(p.dict["Tabs"]); tabs != "S" {
		c.problem("%v: has %d annotations, but /Tabs is %v, want /S", p, len(annots), p.dict["Tabs"])
	}
	var agg pdfuaAgg
	for i, a := range annots {
		d := c.f.dict(a)
		sub := c.f.name(d["Subtype"])
		ref, isRef := a.(pdfuaRef)
		where := fmt.Sprintf("#%d", i+1)
		if isRef {
			where += fmt.Sprintf(" (obj %d)", ref.num)
		}
		if d == nil {
			agg.add("annotations that are not dictionaries", where)
			continue
		}
		if sub == "Popup" {
			continue
		}
		where += " /" + sub
		if s, _ := c.f.text(d["Contents"]); strings.TrimSpace(s) == "" {
			agg.add("annotations without a non-empty /Contents", where)
		}
		flags, _ := c.f.int(d["F"])
		if flags&4 == 0 {
			agg.add("annotations without the print flag (/F 4)", fmt.Sprintf("%s /F %d", where, flags))
		}
		if flags&(1|2|32|256) != 0 {
			agg.add("annotations flagged invisible, hidden or no-view", fmt.Sprintf("%s /F %d", where, flags))
		}
		if !isRef {
			agg.add("annotations that are direct dictionaries in /Annots (an OBJR cannot point at them)", where)
		}
		k, ok := c.f.int(d["StructParent"])
		if !ok {
			agg.add("annotations without /StructParent", where)
			continue
		}
		if user, dup := c.keyUser[k]; dup {
			c.problem("%v: annotation %s has /StructParent %d, which is also the key of %s", p, where, k, user)
		} else {
			c.keyUser[k] = fmt.Sprintf("%v annotation %s", p, where)
		}
		if c.parentTree == nil {
			continue
		}
		v, ok := c.parentTree[k]
		if !ok {
			agg.add("annotations whose /StructParent has no ParentTree entry", fmt.Sprintf("%s /StructParent %d", where, k))
			continue
		}
		r, _ := v.(pdfuaRef)
		e := c.elems[r.num]
		if e == nil {
			agg.add("annotations whose ParentTree entry is not an element of the tree", fmt.Sprintf("%s: ParentTree[%d] = %v", where, k, v))
			continue
		}
		want := "Annot"
		switch sub {
		case "Link":
			want = "Link"
		case "Widget":
			want = "Form"
		}
		if e.typ != want {
			agg.add(fmt.Sprintf("annotations whose element is not a %s", want), fmt.Sprintf("%s: ParentTree[%d] = %v", where, k, e))
		}
		if isRef && !slices.Contains(e.objrs, ref.num) {
			agg.add("annotations whose element has no OBJR pointing at them", fmt.Sprintf("%s: %v", where, e))
		}
	}
	agg.report(c, p.String())
}

// checkOBJRs: every OBJR points at an existing object, each at most once.
func (c *pdfuaChecker) checkOBJRs() {
	for _, num := range pdfuaSortedKeys(c.objrRefs) {
		es := c.objrRefs[num]
		if c.f.object(num) == nil {
			c.problem("%v: OBJR points at object %d, which does not exist", es[0], num)
		}
		if len(es) > 1 {
			c.problem("object %d is referenced by %d OBJRs (%v and %v)", num, len(es), es[0], es[1])
		}
	}
}

// Point 7: fonts, from the pages' resources and the forms they draw.
func (c *pdfuaChecker) checkFonts() {
	seen := map[int]bool{}
	var visit func(res pdfuaDict, where string, depth int)
	visit = func(res pdfuaDict, where string, depth int) {
		if res == nil || depth > 16 {
			return
		}
		fonts := c.f.dict(res["Font"])
		for _, name := range pdfuaSortedNames(fonts) {
			v := fonts[name]
			if r, ok := v.(pdfuaRef); ok {
				if seen[r.num] {
					continue
				}
				seen[r.num] = true
			}
			c.checkFont(v, fmt.Sprintf("/%s on %s", name, where))
		}
		xobjs := c.f.dict(res["XObject"])
		for _, name := range pdfuaSortedNames(xobjs) {
			r, ok := xobjs[name].(pdfuaRef)
			if !ok || seen[-r.num] {
				continue
			}
			seen[-r.num] = true
			if x := c.f.stream(r); x != nil && c.f.name(x.dict["Subtype"]) == "Form" {
				visit(c.f.dict(x.dict["Resources"]), fmt.Sprintf("%s in form /%s", where, name), depth+1)
			}
		}
	}
	for _, p := range c.pages {
		visit(p.resources, p.String(), 0)
	}
}

func pdfuaSortedNames(d pdfuaDict) []pdfuaName {
	names := make([]pdfuaName, 0, len(d))
	for k := range d {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

func (c *pdfuaChecker) checkFont(v any, where string) {
	d := c.f.dict(v)
	id := fmt.Sprintf("font %v", v)
	if r, ok := v.(pdfuaRef); ok {
		id = fmt.Sprintf("font %d", r.num)
	}
	if d == nil {
		c.problem("%s (%s): not a dictionary", id, where)
		return
	}
	id += fmt.Sprintf(" /%s /%s (%s)", c.f.name(d["Subtype"]), c.f.name(d["BaseFont"]), where)
	switch c.f.name(d["Subtype"]) {
	case "Type0":
		if c.f.stream(d["ToUnicode"]) == nil {
			c.problem("%s: no /ToUnicode stream", id)
		}
		desc := c.f.array(d["DescendantFonts"])
		if len(desc) != 1 {
			c.problem("%s: /DescendantFonts has %d entries, want 1", id, len(desc))
			return
		}
		c.embedded(c.f.dict(desc[0]), fmt.Sprintf("%s: descendant font %v", id, desc[0]))
	case "Type3":
		// Glyphs are content streams in the file; nothing to embed.
	default:
		c.embedded(d, id)
	}
}

func (c *pdfuaChecker) embedded(d pdfuaDict, id string) {
	fd := c.f.dict(d["FontDescriptor"])
	if fd == nil {
		c.problem("%s: not embedded (no /FontDescriptor)", id)
		return
	}
	if fd["FontFile"] == nil && fd["FontFile2"] == nil && fd["FontFile3"] == nil {
		c.problem("%s: not embedded (its /FontDescriptor %v has no /FontFile, /FontFile2 or /FontFile3)", id, d["FontDescriptor"])
	}
}

// TestPDFUAChecker shows that the checker passes a correct tagged PDF and
// finds each kind of failure: every case changes one thing in the good
// document and lists the messages that change must cause, no fewer and no
// more (each problem must contain one of want, each want must be found).
func TestPDFUAChecker(t *testing.T) {
	obj := func(n int, old, new string) func(*testing.T, *pdfuaDoc) {
		return func(t *testing.T, d *pdfuaDoc) {
			s := d.objs[n]
			pdfuaEdit(t, &s, old, new)
			d.objs[n] = s
		}
	}
	content := func(old, new string) func(*testing.T, *pdfuaDoc) {
		return func(t *testing.T, d *pdfuaDoc) { pdfuaEdit(t, &d.content, old, new) }
	}
	appendContent := func(s string) func(*testing.T, *pdfuaDoc) {
		return func(t *testing.T, d *pdfuaDoc) { d.content += s }
	}
	xmp := func(old, new string) func(*testing.T, *pdfuaDoc) {
		return func(t *testing.T, d *pdfuaDoc) { pdfuaEdit(t, &d.xmp, old, new) }
	}
	both := func(fs ...func(*testing.T, *pdfuaDoc)) func(*testing.T, *pdfuaDoc) {
		return func(t *testing.T, d *pdfuaDoc) {
			for _, f := range fs {
				f(t, d)
			}
		}
	}
	tests := []struct {
		name  string
		edit  func(*testing.T, *pdfuaDoc)
		build func(*testing.T) []byte // instead of the good document
		want  []string
	}{
		{name: "gut"},
		{
			name: "Tags als inkrementelles Update",
			build: func(t *testing.T) []byte {
				d := pdfuaGoodDoc()
				tagged := map[int]string{1: d.objs[1], 4: d.objs[4]}
				d.objs[1] = `<< /Type /Catalog /Pages 3 0 R >>`
				d.objs[4] = `<< /Type /Page /Parent 3 0 R /Contents 9 0 R >>`
				return d.bytes(tagged)
			},
		},
		{
			name: "Property-Liste über Namen",
			edit: both(content("/P <</MCID 1>> BDC", "/P /MC1 BDC"),
				obj(3, "/Resources <<", "/Resources << /Properties << /MC1 << /MCID 1 >> >>")),
		},
		{
			name: "TH-Scope in einem Attribut-Array",
			edit: obj(31, "/A << /O /Table /Scope /Column >>", "/A [<< /O /Layout /Placement /Block >> 0 << /O /Table /Scope /Row >>]"),
		},
		{
			name: "Querverweise verschoben",
			build: func(t *testing.T) []byte {
				b := pdfuaGoodDoc().bytes()
				return append([]byte("%PDF-1.7\n"), b...)
			},
			want: []string{"file structure: offset", "objects located by scanning the file instead"},
		},
		{
			name: "fpdf ohne Tags",
			build: func(t *testing.T) []byte {
				pdf := fpdf.New("P", "mm", "A4", "")
				pdf.SetTitle("Ohne Tags", true)
				pdf.AddPage()
				pdf.SetFont("Helvetica", "", 12)
				pdf.Cell(40, 10, "Hallo")
				pdf.Rect(10, 30, 50, 20, "F")
				var buf bytes.Buffer
				if err := pdf.Output(&buf); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			},
			want: []string{
				"catalog: no /StructTreeRoot",
				"catalog: no /MarkInfo",
				"catalog: no /Lang",
				"catalog: no /ViewerPreferences",
				"trailer: no /ID",
				"catalog: no /Metadata",
				"catalog: no /OutputIntents",
				"page 1 (obj 3): painting operators outside tagged content or an artifact (2): Tj at byte",
				"page 1 (obj 3): no /StructParents",
				"/Helvetica (/F", "not embedded (no /FontDescriptor)",
			},
		},
		// 1. Catalog
		{name: "ohne MarkInfo Marked", edit: obj(1, "/Marked true", "/Marked false"), want: []string{"catalog: /MarkInfo /Marked is false, want true"}},
		{name: "leeres Lang", edit: obj(1, "/Lang (de-DE)", "/Lang ()"), want: []string{"catalog: /Lang is empty"}},
		{name: "DisplayDocTitle false", edit: obj(1, "/DisplayDocTitle true", "/DisplayDocTitle false"), want: []string{"/DisplayDocTitle is false, want true"}},
		{name: "ohne ID", edit: func(t *testing.T, d *pdfuaDoc) { d.trailer = "/Root 1 0 R /Info 2 0 R" }, want: []string{"trailer: no /ID"}},
		// 2. XMP
		{name: "ohne pdfuaid", edit: xmp(`pdfuaid:part="1"`, ""), want: []string{"no pdfuaid:part"}},
		{name: "pdfaid:part 1", edit: xmp("<pdfaid:part>2<", "<pdfaid:part>1<"), want: []string{`pdfaid:part is "1", want "2"`}},
		{name: "pdfaid:conformance A", edit: xmp(">B<", ">A<"), want: []string{`pdfaid:conformance is "A", want "B"`}},
		{
			name: "ohne Erweiterungsschema",
			edit: func(t *testing.T, d *pdfuaDoc) {
				i, j := strings.Index(d.xmp, "<pdfaExtension:schemas>"), strings.Index(d.xmp, "</pdfaExtension:schemas>")
				d.xmp = d.xmp[:i] + d.xmp[j+len("</pdfaExtension:schemas>"):]
			},
			want: []string{"no PDF/A extension schema"},
		},
		{name: "Erweiterungsschema für anderen Namensraum", edit: xmp(">http://www.aiim.org/pdfua/ns/id/<", ">http://example.org/<"), want: []string{"no schema with pdfaSchema:namespaceURI http://www.aiim.org/pdfua/ns/id/"}},
		{name: "Erweiterungsschema ohne part", edit: xmp("<pdfaProperty:name>part<", "<pdfaProperty:name>teil<"), want: []string{`declares no property with pdfaProperty:name "part"`}},
		{name: "Titel verschieden", edit: xmp("für Ünterstadt</rdf:li>", "für Unterstadt</rdf:li>"), want: []string{`Info /Title is "Integrationskonzept für Ünterstadt", but XMP dc:title is "Integrationskonzept für Unterstadt"`}},
		{name: "ohne dc:title", edit: both(xmp("<dc:title>", "<dc:subject>"), xmp("</dc:title>", "</dc:subject>")), want: []string{"no dc:title", "Info /Title is \"Integrationskonzept für Ünterstadt\", but the XMP has no dc:title"}},
		{name: "Autor verschieden", edit: xmp("<rdf:li>Landkreis Musterland</rdf:li>", "<rdf:li>Musterland</rdf:li>"), want: []string{`Info /Author is "Landkreis Musterland", but XMP dc:creator is "Musterland"`}},
		{name: "Änderungsdatum verschieden", edit: xmp("2025-09-01T02:00:00+02:00", "2025-09-01T02:00:00Z"), want: []string{"Info /ModDate is \"D:20250901000000Z\" (2025-09-01T00:00:00Z), but XMP xmp:ModifyDate is \"2025-09-01T02:00:00Z\" (2025-09-01T02:00:00Z): not the same instant"}},
		{name: "ohne CreateDate", edit: xmp(` xmp:CreateDate="2025-09-01T00:00:00Z"`, ""), want: []string{"Info /CreationDate is \"D:20250901020000+02'00'\", but the XMP has no xmp:CreateDate"}},
		{name: "Producer nur in Info", edit: xmp(` pdf:Producer="konzept test"`, ""), want: []string{"Info /Producer is \"konzept test\", but the XMP has no pdf:Producer"}},
		// 3. OutputIntent
		{name: "ohne OutputIntent", edit: obj(1, "/S /GTS_PDFA1", "/S /GTS_PDFX"), want: []string{"no /OutputIntents entry with /S /GTS_PDFA1"}},
		{name: "ICC-Profil CMYK", edit: obj(11, "/N 3", "/N 4"), want: []string{"ICC profile 11 0 R has /N 4, want 3"}},
		// 4. Content
		{name: "Tj außerhalb", edit: appendContent("BT (frei) Tj ET\n"), want: []string{"page 1 (obj 4): painting operators outside tagged content or an artifact (1): Tj at byte"}},
		{name: "Bild außerhalb", edit: appendContent("q 10 0 0 10 0 0 cm /Im1 Do Q\n"), want: []string{"painting operators outside tagged content or an artifact (1): Do at byte"}},
		{name: "Pfad außerhalb gebaut", edit: appendContent("10 10 m 20 20 l /Artifact BMC S EMC\n"), want: []string{"paths built outside tagged content and painted inside (1): m at byte"}},
		{name: "BDC nicht geschlossen", edit: content("(Zelle) Tj ET EMC", "(Zelle) Tj ET"), want: []string{"page 1 (obj 4): 1 marked-content sequence(s) not closed by EMC, the outermost /TD <</MCID 6>> at byte", "inside /TD <</MCID 6>>", "artifact /Artifact at byte"}},
		{name: "EMC zu viel", edit: appendContent("EMC\n"), want: []string{"page 1 (obj 4): EMC at byte"}},
		{name: "Artefakt im Tag", edit: content("72 500 m 172 580 l S Q EMC", "/Artifact BMC 72 500 m 172 580 l S EMC Q EMC"), want: []string{"artifact /Artifact at byte"}},
		{name: "Tag im Artefakt", edit: content("/Artifact BMC 0.5 w", "/Artifact BMC /P <</MCID 10>> BDC EMC 0.5 w"), want: []string{"tagged /P <</MCID 10>> at byte", "MCIDs in the content that no structure element references (1): 10", "MCIDs without an element in ParentTree[0] (1): 10"}},
		{name: "MCIDs verschachtelt", edit: content("(Kopf) Tj ET EMC", "(Kopf) Tj ET /Span <</MCID 10>> BDC EMC EMC"), want: []string{"/Span <</MCID 10>> at byte", "tagged sequences must not nest", "(1): 10"}},
		{name: "MCID doppelt im Inhalt", edit: appendContent("/P <</MCID 1>> BDC EMC\n"), want: []string{"MCID 1 is used twice in the content"}},
		{name: "Properties-Name fehlt", edit: content("/P <</MCID 1>> BDC", "/P /MC1 BDC"), want: []string{"names property list /MC1", "(1): 1 by StructElem 23 /P", "painting operators outside tagged content or an artifact (2): Tj at byte 253, TJ at byte 274", "ParentTree[0] entries for MCIDs the page does not have (1): [1] = 23 0 R"}},
		// 5. MCIDs and ParentTree
		{name: "MCID nicht referenziert", edit: appendContent("/P <</MCID 10>> BDC BT (x) Tj ET EMC\n"), want: []string{"page 1 (obj 4): MCIDs in the content that no structure element references (1): 10", "page 1 (obj 4): MCIDs without an element in ParentTree[0] (1): 10"}},
		{name: "MCID zweimal referenziert", edit: obj(39, "/K 9", "/K [9 3]"), want: []string{"page 1 (obj 4): MCIDs referenced more than once (1): 3 by StructElem 26 /H2 (page 1) and StructElem 39 /H3 (page 1)"}},
		{name: "MCID fehlt im Inhalt", edit: obj(39, "/K 9", "/K [9 11]"), want: []string{"page 1 (obj 4): MCIDs referenced from the structure tree but not in the page's content (1): 11 by StructElem 39 /H3 (page 1)"}},
		{name: "MCID ohne Pg", edit: obj(22, "/Pg 4 0 R ", ""), want: []string{"StructElem 22 /H1: MCID 0 has no page: its /Pg is <nil>", "MCIDs in the content that no structure element references (1): 0"}},
		{name: "ParentTree vertauscht", edit: obj(40, "[22 0 R 23 0 R", "[23 0 R 22 0 R"), want: []string{"page 1 (obj 4): ParentTree[0] entries that name the wrong element (2): [0] = 23 0 R, but StructElem 22 /H1 (page 1) references MCID 0, [1] = 22 0 R, but StructElem 23 /P references MCID 1"}},
		{name: "ParentTree zu lang", edit: obj(40, "39 0 R]", "39 0 R 21 0 R]"), want: []string{"ParentTree[0] entries for MCIDs the page does not have (1): [10] = 21 0 R"}},
		{name: "ohne StructParents", edit: obj(4, "/StructParents 0 ", ""), want: []string{"page 1 (obj 4): no /StructParents"}},
		{name: "StructParents ohne Eintrag", edit: obj(4, "/StructParents 0", "/StructParents 7"), want: []string{"page 1 (obj 4): /StructParents 7 has no entry in the ParentTree"}},
		{name: "ohne ParentTree", edit: obj(20, "/ParentTree 40 0 R ", ""), want: []string{"StructTreeRoot: no /ParentTree"}},
		{name: "Schlüssel doppelt", edit: obj(12, "/StructParent 1", "/StructParent 0"), want: []string{"annotation #1 (obj 12) /Link has /StructParent 0, which is also the key of page 1 (obj 4)", "annotations whose ParentTree entry is not an element of the tree (1): #1 (obj 12) /Link: ParentTree[0] = [22 0 R"}},
		// 6. Structure tree
		{name: "H1 dann H3", edit: obj(26, "/S /H2", "/S /H3"), want: []string{"headings: StructElem 26 /H3 (page 1) follows an H1: level H2 skipped"}},
		{name: "erste Überschrift H2", edit: obj(22, "/S /H1", "/S /H2"), want: []string{"headings: the first heading is StructElem 22 /H2 (page 1), want H1"}},
		{name: "zwei Wurzelelemente", edit: obj(20, "/K 21 0 R", "/K [21 0 R 22 0 R]"), want: []string{"StructTreeRoot: /K has 2 kids", "is reached twice"}},
		{name: "falsches P", edit: obj(26, "/P 25 0 R", "/P 21 0 R"), want: []string{"StructElem 26 /H2 (page 1): /P is 21 0 R, but its parent is StructElem 25 /Chapter→Sect"}},
		{name: "ohne S", edit: obj(23, "/S /P ", ""), want: []string{"StructElem 23 / under StructElem 21 /Document: no /S"}},
		{name: "unbekannter Typ", edit: obj(20, "/RoleMap << /Chapter /Sect >>", ""), want: []string{"StructElem 25 /Chapter: structure type /Chapter is not standard and not role-mapped"}},
		{name: "Tabelle ohne TH", edit: obj(31, "/S /TH", "/S /TD"), want: []string{"Table without any TH cell (1): StructElem 28 /Table"}},
		{name: "TH ohne Scope", edit: obj(31, "/A << /O /Table /Scope /Column >> ", ""), want: []string{"TH without /A <</O /Table /Scope /Column or /Row>> (1): StructElem 31 /TH (page 1)"}},
		{name: "TH-Scope für Layout", edit: obj(31, "/O /Table", "/O /Layout"), want: []string{"TH without /A"}},
		{name: "TR in Div", edit: obj(29, "/S /THead", "/S /Div"), want: []string{"TR not in Table, THead, TBody or TFoot (1): StructElem 30 /TR in /Div", "Table contains /Div (1): StructElem 29 /Div"}},
		{name: "TD ohne TR", edit: obj(33, "/S /TR", "/S /P"), want: []string{"TD not in a TR (1): StructElem 34 /TD (page 1) in /P"}},
		{name: "Figure ohne Alt", edit: obj(27, "/Alt (Balkendiagramm: 3 Maßnahmen geplant, 2 umgesetzt) ", ""), want: []string{"Figure without a non-empty /Alt (1): StructElem 27 /Figure (page 1)"}},
		{name: "Figure mit leerem Alt", edit: obj(27, "/Alt (Balkendiagramm: 3 Maßnahmen geplant, 2 umgesetzt)", "/Alt ( )"), want: []string{"Figure without a non-empty /Alt (1): StructElem 27"}},
		{name: "L ohne LI", edit: obj(36, "/S /LI", "/S /P"), want: []string{"L without LI (1): StructElem 35 /L", "L contains /P (1): StructElem 36 /P", "Lbl not in an LI (1): StructElem 37 /Lbl (page 1) in /P", "LBody not in an LI (1): StructElem 38 /LBody (page 1) in /P"}},
		{name: "LI ohne Lbl und LBody", edit: both(obj(37, "/S /Lbl", "/S /P"), obj(38, "/S /LBody", "/S /P")), want: []string{"LI without Lbl or LBody (1): StructElem 36 /LI", "LI contains /P (2)"}},
		{name: "Link ohne OBJR", edit: obj(24, "/K [2 << /Type /OBJR /Obj 12 0 R >>]", "/K 2"), want: []string{"Link without an OBJR kid (no annotation) (1): StructElem 24 /Link (page 1)", "annotations whose element has no OBJR pointing at them (1): #1 (obj 12) /Link: StructElem 24 /Link (page 1)"}},
		// 7. Fonts
		{name: "Type0 ohne ToUnicode", edit: obj(5, " /ToUnicode 8 0 R", ""), want: []string{"font 5 /Type0 /AAAAAA+Sans (/F1 on page 1 (obj 4)): no /ToUnicode stream"}},
		{name: "Schrift nicht eingebettet", edit: obj(7, " /FontFile2 13 0 R", ""), want: []string{"font 5 /Type0 /AAAAAA+Sans (/F1 on page 1 (obj 4)): descendant font 6 0 R: not embedded (its /FontDescriptor 7 0 R has no /FontFile, /FontFile2 or /FontFile3)"}},
		// 8. Annotations
		{name: "Link ohne Contents", edit: obj(12, "/Contents (Zum Vorwort) ", ""), want: []string{"page 1 (obj 4): annotations without a non-empty /Contents (1): #1 (obj 12) /Link"}},
		{name: "Link ohne Druck-Flag", edit: obj(12, "/F 4", "/F 0"), want: []string{"annotations without the print flag (/F 4) (1): #1 (obj 12) /Link /F 0"}},
		{name: "Link versteckt", edit: obj(12, "/F 4", "/F 6"), want: []string{"annotations flagged invisible, hidden or no-view (1): #1 (obj 12) /Link /F 6"}},
		{name: "Link ohne StructParent", edit: obj(12, " /StructParent 1", ""), want: []string{"annotations without /StructParent (1): #1 (obj 12) /Link"}},
		{name: "StructParent zeigt auf P", edit: obj(40, "1 24 0 R", "1 23 0 R"), want: []string{"annotations whose element is not a Link (1): #1 (obj 12) /Link: ParentTree[1] = StructElem 23 /P", "annotations whose element has no OBJR pointing at them"}},
		{name: "Seite ohne Tabs", edit: obj(4, " /Tabs /S", ""), want: []string{"page 1 (obj 4): has 1 annotations, but /Tabs is <nil>, want /S"}},
		{
			name: "fpdf-Link direkt in Annots",
			edit: obj(4, "/Annots [12 0 R]", "/Annots [12 0 R << /Type /Annot /Subtype /Link /Rect [0 0 10 10] /Dest [4 0 R /XYZ 0 0 null] >>]"),
			want: []string{
				"page 1 (obj 4): annotations without a non-empty /Contents (1): #2 /Link",
				"page 1 (obj 4): annotations without the print flag (/F 4) (1): #2 /Link /F 0",
				"page 1 (obj 4): annotations that are direct dictionaries in /Annots (an OBJR cannot point at them) (1): #2 /Link",
				"page 1 (obj 4): annotations without /StructParent (1): #2 /Link",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pdf []byte
			if tt.build != nil {
				pdf = tt.build(t)
			} else {
				d := pdfuaGoodDoc()
				if tt.edit != nil {
					tt.edit(t, d)
				}
				pdf = d.bytes()
			}
			got := pdfuaProblems(pdf)
			for _, w := range tt.want {
				if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, w) }) {
					t.Errorf("missing problem %q", w)
				}
			}
			for _, p := range got {
				if !slices.ContainsFunc(tt.want, func(w string) bool { return strings.Contains(p, w) }) {
					t.Errorf("unexpected problem %q", p)
				}
			}
		})
	}
}

// TestBeispielPDFUA checks the example concept's PDF with the checker, qpdf
// and poppler's reading of its structure tree.
func TestBeispielPDFUA(t *testing.T) {
	data, err := beispielPDF()
	if err != nil {
		t.Fatalf("Render(Beispiel): %v", err)
	}
	t.Run("Matterhorn", func(t *testing.T) { checkPDFUA(t, data) })
	path := writePDF(t, data)
	t.Run("qpdf --check", func(t *testing.T) { tool(t, "qpdf", "--check", path) })
	// poppler reads the structure tree as a reader would. (-struct-text also
	// prints the text, but poppler 22 takes half a minute for it here.)
	t.Run("pdfinfo -struct", func(t *testing.T) {
		out := tool(t, "pdfinfo", "-struct", path)
		for _, typ := range []string{"Document", "Figure", "H1", "H2", "H3", "TOC", "TOCI", "Link", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TH", "TD", "Quote", "P"} {
			if !regexp.MustCompile(`(?m)^\s*` + typ + `\b`).MatchString(out) {
				t.Errorf("pdfinfo -struct shows no %s element", typ)
			}
		}
	})
}
