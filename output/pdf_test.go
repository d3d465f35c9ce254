package output_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/landkreis/konzept/output"
	"github.com/landkreis/konzept/schema"
)

// TestZieleUndMassnahmen checks that every goal and measure of the assembled
// example, including those merged in from handlungsfelder/*.yaml, is printed
// with its id and title.
func TestZieleUndMassnahmen(t *testing.T) {
	text := norm(strings.Join(pages(t, beispielFile(t)), "\n"))
	checkZieleUndMassnahmen(t, mustLoad(t).Handlungsfelder, text)
}

// checkZieleUndMassnahmen looks for "SP-1: <title>" (goal heading) and
// "SP-1.1 <title>" (Nr. cell, then the bold title in the Maßnahme cell).
func checkZieleUndMassnahmen(t *testing.T, felder []schema.Handlungsfeld, text string) {
	t.Helper()
	var want []string
	for _, f := range felder {
		for _, z := range f.Ziele {
			want = append(want, z.ID+": "+z.Titel)
			for _, m := range z.Massnahmen {
				want = append(want, m.ID+" "+m.Titel)
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("keine Ziele und Maßnahmen gefunden")
	}
	for _, w := range want {
		id, _, _ := strings.Cut(w, " ")
		t.Run(strings.TrimSuffix(id, ":"), func(t *testing.T) {
			if !printed(w).MatchString(text) {
				t.Errorf("%q fehlt im Text des PDFs", w)
			}
		})
	}
}

// TestSchriftzeichen checks that characters beyond Latin-1 that occur in the
// example come back from pdftotext exactly as written.
func TestSchriftzeichen(t *testing.T) {
	text := norm(strings.Join(pages(t, beispielFile(t)), "\n"))
	tests := []struct{ name, want string }{
		{"Umlaute", "Ausländerbehörde"},
		{"Umlaute groß", "Überprüfung"},
		{"ß", "Musterstraße 1, 12345 Musterstadt"},
		{"Türkisch ş ı", "Ayşe Yıldırım"},
		{"Türkisch ç ı", "„Çocuklarımız için“"},
		{"Türkisch Ç ğ ı Ö", "Çağrı Öztürk"},
		{"Türkisch İ", "DİTİB"},
		{"Polnisch ł ń", "Małgorzata Kamińska"},
		{"Polnisch Ł ś", "Łukasz Wiśniewski"},
		{"Polnisch ó ż ę", "Różycki & Dębski"},
		{"Polnisch ź ń", "Przyjaźń"},
		{"Polnisch ą ł", "Na początku było trudno"},
		{"Kyrillisch Name", "Олена Коваленко"},
		{"Kyrillisch і", "„Мрія“"},
		{"Kyrillisch Satz", "Ми хочемо не лише отримувати допомогу, а й допомагати."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !printed(tt.want).MatchString(text) {
				t.Errorf("%q fehlt im Text des PDFs", tt.want)
			}
		})
	}
}

// TestInhaltsverzeichnis checks that each entry of the table of contents on
// page 2 points at the page that carries its numbered heading.
func TestInhaltsverzeichnis(t *testing.T) {
	ps := pages(t, beispielFile(t))
	if len(ps) < 3 {
		t.Fatalf("PDF hat %d Seiten", len(ps))
	}
	toc := parseTOC(ps[tocPage(t, ps)], "Inhaltsverzeichnis")
	titles := make([]string, len(toc))
	for i, e := range toc {
		titles[i] = e.title
	}
	for _, f := range mustLoad(t).Handlungsfelder {
		if !slices.Contains(titles, f.Titel) {
			t.Errorf("Handlungsfeld %q fehlt im Inhaltsverzeichnis %q", f.Titel, titles)
		}
	}
	checkTOC(t, ps, toc)
}

// checkTOC checks that each entry of toc points at the page that carries
// its numbered heading, in the order of the pages.
func checkTOC(t *testing.T, ps []string, toc []tocEntry) {
	t.Helper()
	for i, e := range toc {
		t.Run(e.number+" "+e.title, func(t *testing.T) {
			if i > 0 && e.page < toc[i-1].page {
				t.Errorf("Seite %d liegt vor der des vorigen Eintrags (%d)", e.page, toc[i-1].page)
			}
			if e.page < 2 || e.page > len(ps) {
				t.Fatalf("Seite %d gibt es nicht (2 bis %d)", e.page, len(ps))
			}
			// Headings are printed as "5  Sprache und Bildung".
			heading := e.number + " " + e.title
			if !printed(heading).MatchString(norm(ps[e.page-1])) {
				var on []int
				for p, text := range ps[2:] {
					if printed(heading).MatchString(norm(text)) {
						on = append(on, p+3)
					}
				}
				t.Errorf("Überschrift %q steht nicht auf Seite %d, sondern auf %v", heading, e.page, on)
			}
		})
	}
}

// TestLangesInhaltsverzeichnis renders the example with 120 more fields of
// action, so that the table of contents, which is set after the last
// chapter and moved into place, fills several pages and names pages past
// 100: each entry must name the page of its heading, and each page print
// its own number.
func TestLangesInhaltsverzeichnis(t *testing.T) {
	k := mustLoad(t)
	m := k.Konzept.Konzept
	for i := range 120 {
		k.Handlungsfelder = append(k.Handlungsfelder, schema.Handlungsfeld{
			ID: fmt.Sprintf("zusatz-%d", i), Titel: fmt.Sprintf("Zusätzliches Handlungsfeld Nummer %d", i+1)})
	}
	data, err := render(k, output.Options{Version: "test"})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	path := writePDF(t, data)
	ps := pages(t, path)
	first := tocPage(t, ps)
	toc := parseTOC(ps[first], "Inhaltsverzeichnis")
	// The chapters start on the page after the last one of the contents.
	end := len(ps)
	for _, e := range toc {
		if e.page > first+1 {
			end = min(end, e.page-1)
		}
	}
	header := m.Traeger + " · " + m.Kurztitel + " · " + m.Fassung
	for _, p := range ps[first+1 : end] {
		toc = append(toc, parseTOC(p, header)...)
	}
	if n := end - first; n < 3 {
		t.Fatalf("Inhaltsverzeichnis hat %d Seiten, der Test braucht mindestens 3", n)
	}
	var felder int
	for _, e := range toc {
		if strings.HasPrefix(e.title, "Zusätzliches Handlungsfeld") {
			felder++
		}
	}
	if felder != 120 || toc[len(toc)-1].page <= 100 {
		t.Fatalf("Inhaltsverzeichnis mit %d von 120 zusätzlichen Feldern, letzter Eintrag auf Seite %d", felder, toc[len(toc)-1].page)
	}
	checkTOC(t, ps, toc)
	checkLesezeichen(t, path, toc)
	for i, text := range ps[1:] {
		want := fmt.Sprintf("Seite %d von %d", i+2, len(ps))
		if got := seiteVon.FindAllString(norm(text), -1); len(got) != 1 || got[0] != want {
			t.Errorf("Seite %d: Fußzeilen %q, want genau %q", i+2, got, want)
		}
	}
}

var seiteVon = regexp.MustCompile(`Seite (\d+) von (\d+)`)

// TestKopfUndFusszeile checks the running header and "Seite X von Y" on every
// page after the cover, and that the cover has neither.
func TestKopfUndFusszeile(t *testing.T) {
	path := beispielFile(t)
	ps := pages(t, path)
	total, err := strconv.Atoi(pdfinfo(t, path)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo Pages: %v", err)
	}
	if len(ps) != total {
		t.Fatalf("pdftotext gibt %d Seiten, pdfinfo zählt %d", len(ps), total)
	}
	m := mustLoad(t).Konzept.Konzept
	header := m.Traeger + " · " + m.Kurztitel + " · " + m.Fassung
	for i, text := range ps {
		page := i + 1
		t.Run(fmt.Sprintf("Seite %d", page), func(t *testing.T) {
			text = norm(text)
			footers := seiteVon.FindAllStringSubmatch(text, -1)
			if page == 1 {
				if strings.Contains(text, header) || len(footers) > 0 {
					t.Errorf("Deckblatt hat Kopf- oder Fußzeile: %q", text)
				}
				return
			}
			if !strings.Contains(text, header) {
				t.Errorf("Kopfzeile %q fehlt", header)
			}
			want := fmt.Sprintf("Seite %d von %d", page, total)
			if len(footers) != 1 || footers[0][0] != want {
				t.Errorf("Fußzeilen %q, want genau %q", footers, want)
			}
		})
	}
}

// TestReproduzierbar checks that the same inputs give the same bytes, and that
// Options.Zeitstempel changes nothing but the dates.
func TestReproduzierbar(t *testing.T) {
	first, err := beispielPDF()
	if err != nil {
		t.Fatal(err)
	}
	second, err := render(mustLoad(t), output.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatalf("zwei Läufe geben verschiedene PDFs (%d und %d Bytes), erster Unterschied bei Byte %d",
			len(first), len(second), firstDiff(first, second))
	}

	stand := mustLoad(t).Konzept.Konzept.Stand.Time
	if got := creationDate(t, writePDF(t, first)); !got.Equal(stand) {
		t.Errorf("CreationDate ohne Zeitstempel = %v, want stand %v", got, stand)
	}

	stamp := time.Date(2026, 2, 3, 4, 5, 6, 0, time.FixedZone("MEZ", 3600))
	stamped, err := render(mustLoad(t), output.Options{Version: "test", Zeitstempel: stamp})
	if err != nil {
		t.Fatal(err)
	}
	if got := creationDate(t, writePDF(t, stamped)); !got.Equal(stamp) {
		t.Errorf("CreationDate = %v, want Zeitstempel %v", got, stamp)
	}
	if len(stamped) != len(first) {
		t.Fatalf("mit Zeitstempel %d Bytes, ohne %d: mehr als die Daten geändert", len(stamped), len(first))
	}
	changed := 0
	for i := range first {
		if first[i] == stamped[i] {
			continue
		}
		changed++
		if !inDate(first, i) {
			t.Fatalf("mit Zeitstempel anders bei Byte %d außerhalb eines Datums: %q", i, around(stamped, i))
		}
	}
	if changed == 0 {
		t.Error("Zeitstempel ändert das PDF nicht")
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// inDate reports whether byte i lies in a PDF date string "(D:YYYYMMDDHHmmSS…".
// inDate reports whether byte i of pdf is part of a date: an Info date
// "(D:…)", an XMP date "…Date>2025-09-01T…<", or the trailer /ID, which is a
// digest of the content and so changes with the dates.
func inDate(pdf []byte, i int) bool {
	for _, d := range []struct{ start, chars string }{
		{"(D:", "0123456789Z+-'"},
		{"Date>", "0123456789T+-:"},
	} {
		from := max(0, i-30)
		j := bytes.LastIndex(pdf[from:i+1], []byte(d.start))
		if j < 0 {
			continue
		}
		ok := true
		for _, c := range pdf[from+j+len(d.start) : i+1] {
			if !strings.ContainsRune(d.chars, rune(c)) {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	id := bytes.LastIndex(pdf, []byte("/ID [<"))
	return id >= 0 && i > id && i < id+80
}

func around(b []byte, i int) string { return string(b[max(0, i-30):min(len(b), i+30)]) }

func creationDate(t *testing.T, path string) time.Time {
	t.Helper()
	s := pdfinfo(t, "-isodates", path)["CreationDate"]
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d
		}
	}
	t.Fatalf("pdfinfo CreationDate %q ist kein Datum", s)
	return time.Time{}
}

// TestMetadaten checks the document information, page size and language.
func TestMetadaten(t *testing.T) {
	path := beispielFile(t)
	m := mustLoad(t).Konzept.Konzept
	info := pdfinfo(t, "-f", "1", "-l", "9999", path)
	tests := []struct{ key, want string }{
		{"Title", m.Titel},
		{"Author", m.Traeger},
		{"Subject", m.Titel + " – " + m.Fassung},
		{"Producer", "konzept test"},
	}
	for _, tt := range tests {
		if got := info[tt.key]; got != tt.want {
			t.Errorf("pdfinfo %s = %q, want %q", tt.key, got, tt.want)
		}
	}
	if !strings.Contains(info["Keywords"], m.Traeger) {
		t.Errorf("pdfinfo Keywords = %q, want mit %q", info["Keywords"], m.Traeger)
	}
	n, _ := strconv.Atoi(info["Pages"])
	for p := 1; p <= n; p++ {
		if size := info[fmt.Sprintf("Page %4d size", p)]; !strings.HasSuffix(size, "(A4)") {
			t.Errorf("Seite %d: Format %q, want A4", p, size)
		}
	}
	if got := catalogLang(t, path); got != "de-DE" {
		t.Errorf("/Lang = %q, want de-DE", got)
	}
}

var langEntry = regexp.MustCompile(`/Lang\s*\(([^)]*)\)`)

// catalogLang returns the /Lang of the document catalog, read from qpdf's
// uncompressed QDF form, so it does not matter how the PDF stores objects.
func catalogLang(t *testing.T, path string) string {
	t.Helper()
	m := langEntry.FindStringSubmatch(tool(t, "qpdf", "--qdf", "--object-streams=disable", path, "-"))
	if m == nil {
		t.Fatal("Katalog hat kein /Lang")
	}
	return m[1]
}

type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

// TestLesezeichen checks that every entry of the table of contents (every
// chapter, every field of action, the listed sections) has a bookmark at the
// level of its number that opens the page of its heading.
func TestLesezeichen(t *testing.T) {
	path := beispielFile(t)
	ps := pages(t, path)
	toc := parseTOC(ps[tocPage(t, ps)], "Inhaltsverzeichnis")
	if len(toc) == 0 {
		t.Fatal("Inhaltsverzeichnis nicht gefunden")
	}
	checkLesezeichen(t, path, toc)
}

// checkLesezeichen checks that the PDF at path has a bookmark for each
// entry of toc, at the level of its number, that opens the entry's page.
func checkLesezeichen(t *testing.T, path string, toc []tocEntry) {
	t.Helper()
	var doc struct{ Outlines []outline }
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	var chapter []outline
	for _, e := range toc {
		t.Run(e.number+" "+e.title, func(t *testing.T) {
			level := doc.Outlines
			if strings.Contains(e.number, ".") {
				level = chapter
			}
			for _, o := range level {
				if strings.HasSuffix(norm(o.Title), e.title) {
					if !strings.Contains(e.number, ".") {
						chapter = o.Kids
					}
					if o.Page != e.page {
						t.Errorf("Lesezeichen %q öffnet Seite %d, Inhaltsverzeichnis sagt %d", o.Title, o.Page, e.page)
					}
					return
				}
			}
			t.Errorf("kein Lesezeichen für %q unter %q", e.title, titlesOf(level))
		})
	}
}

func titlesOf(os []outline) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.Title)
	}
	return out
}

var coreFonts = regexp.MustCompile(`^(?:[A-Z]{6}\+)?(Helvetica|Times|Courier|Symbol|ZapfDingbats|Arial)`)

// TestSchriften checks with pdffonts that every font is embedded and subset,
// and that no unembedded core font is used.
func TestSchriften(t *testing.T) {
	out := tool(t, "pdffonts", beispielFile(t))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts findet keine Schrift:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 7 {
			t.Errorf("pdffonts-Zeile nicht lesbar: %q", l)
			continue
		}
		name, emb, sub := f[0], f[len(f)-5], f[len(f)-4]
		if emb != "yes" || sub != "yes" {
			t.Errorf("Schrift %s: emb %s, sub %s, want beide yes (Teilmenge mit Präfix ABCDEF+ im Namen)", name, emb, sub)
		}
		if coreFonts.MatchString(name) {
			t.Errorf("Standardschrift %s verwendet", name)
		}
	}
}

// TestQpdfCheck checks the PDF's syntax and streams with qpdf.
func TestQpdfCheck(t *testing.T) {
	out := tool(t, "qpdf", "--check", beispielFile(t))
	if !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

// TestEnglisch renders the example with `sprache: en`.
func TestEnglisch(t *testing.T) {
	k := mustLoad(t)
	k.Konzept.Konzept.Sprache = "en"
	data, err := render(k, output.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	checkPDFUA(t, data)
	path := writePDF(t, data)
	ps := pages(t, path)
	if len(ps) < 2 {
		t.Fatalf("PDF hat %d Seiten", len(ps))
	}
	all := norm(strings.Join(ps, "\n"))
	for _, tt := range []struct {
		name, text string
		re         string
		want       bool
	}{
		{"Überschrift", all, `\bContents\b`, true},
		{"Fußzeile", norm(ps[1]), fmt.Sprintf(`\bPage 2 of %d\b`, len(ps)), true},
		{"kein Inhaltsverzeichnis", all, `Inhaltsverzeichnis`, false},
		{"keine deutsche Fußzeile", all, `Seite \d+ von`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := regexp.MustCompile(tt.re).MatchString(tt.text); got != tt.want {
				t.Errorf("%s im Text: %v, want %v", tt.re, got, tt.want)
			}
		})
	}
	if got := catalogLang(t, path); !strings.HasPrefix(got, "en") {
		t.Errorf("/Lang = %q, want en…", got)
	}
}

// stressLast ends the description that is longer than a page.
const stressLast = "Dieser letzte Satz der überlangen Beschreibung kommt vollständig an."

// stressFeld is a field whose table opens with a measure whose description
// runs over more than a page, followed by 40 measures of several paragraphs
// each. Every sentence of the long description starts with a token Z0001,
// Z0002, …, so that a line lost or repeated where the row is split between
// pages shows as a gap in the sequence; tokens returns them in order.
func stressFeld() (f schema.Handlungsfeld, tokens []string) {
	f = schema.Handlungsfeld{ID: "belastung", Titel: "Belastungstest für Tabellen",
		Ausgangslage: "Dieses Handlungsfeld prüft, wie lange Tabellen über Seiten umbrechen."}
	saetze := []string{"Sie tagt monatlich.", "Ämter prüfen Anträge.", "Vereine helfen mit.", "Das Jobcenter berät.",
		"Integrationskursträgerkonferenz.", "Familien werden begleitet.", "Übersetzungen kosten Geld."}
	var paras []string
	for p := range 14 {
		var b strings.Builder
		for s := range 12 {
			tok := fmt.Sprintf("Z%04d", len(tokens)+1)
			tokens = append(tokens, tok)
			fmt.Fprintf(&b, "%s %s ", tok, saetze[(p+s)%len(saetze)])
		}
		paras = append(paras, strings.TrimSpace(b.String()))
	}
	paras = append(paras, stressLast)
	lang := schema.Ziel{ID: "ST-1", Titel: "Eine Maßnahme ist länger als eine Seite.", Massnahmen: []schema.Massnahme{
		stressMassnahme("ST-1.1", "Überlange Maßnahme, deren Zeile auf mehrere Seiten verteilt wird", strings.Join(paras, "\n\n")),
		stressMassnahme("ST-1.2", "Kurze Maßnahme nach der überlangen", "Sie folgt der geteilten Zeile."),
	}}
	viele := schema.Ziel{ID: "ST-2", Titel: "Vierzig Maßnahmen mit langen Beschreibungen füllen viele Seiten."}
	for i := 1; i <= 40; i++ {
		paras = nil
		for p := 1; p <= 3; p++ {
			paras = append(paras, fmt.Sprintf("Absatz %d der Maßnahme %d: Die Koordinierungsstelle stimmt die "+
				"Umsetzung mit den Kursträgern ab; Integrationskursträgerkonferenzen werden jährlich ausgewertet.", p, i))
		}
		viele.Massnahmen = append(viele.Massnahmen, stressMassnahme(fmt.Sprintf("ST-2.%d", i),
			fmt.Sprintf("Erprobungsmaßnahme Nummer %d für den Tabellenumbruch", i), strings.Join(paras, "\n\n")))
	}
	f.Ziele = []schema.Ziel{lang, viele}
	return f, tokens
}

func stressMassnahme(id, titel, text string) schema.Massnahme {
	return schema.Massnahme{ID: id, Titel: titel, Beschreibung: text, Federfuehrung: "kmt",
		Partner: []string{"vhs", "jobcenter"}, Status: schema.InUmsetzung, Prioritaet: "hoch"}
}

var (
	stressToken   = regexp.MustCompile(`Z\d{4}`)
	stressContent = regexp.MustCompile(`ST-\d|Z\d{4}`)
)

// TestBelastung renders the example with a field of 42 long measures built in
// Go, the first of them longer than a page.
func TestBelastung(t *testing.T) {
	k := mustLoad(t)
	f, tokens := stressFeld()
	k.Handlungsfelder = append(k.Handlungsfelder, f)
	data, err := render(k, output.Options{Version: "test"})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	checkPDFUA(t, data)
	path := writePDF(t, data)
	ps := pages(t, path)
	normed := make([]string, len(ps))
	for i, p := range ps {
		normed[i] = norm(p)
	}
	text := strings.Join(normed, " ")

	t.Run("Maßnahmen", func(t *testing.T) { checkZieleUndMassnahmen(t, []schema.Handlungsfeld{f}, text) })

	t.Run("lange Beschreibung vollständig", func(t *testing.T) {
		if got := stressToken.FindAllString(text, -1); !slices.Equal(got, tokens) {
			t.Errorf("Sätze der langen Beschreibung: %d von %d, erste Abweichung bei %s",
				len(got), len(tokens), tokens[min(firstMismatch(got, tokens), len(tokens)-1)])
		}
		if !printed(stressLast).MatchString(text) {
			t.Errorf("letzter Satz %q fehlt", stressLast)
		}
		von, bis := pageOf(normed, printed(tokens[0])), pageOf(normed, printed(stressLast))
		if bis <= von {
			t.Errorf("lange Beschreibung steht auf Seite %d bis %d, soll über eine Seite hinausgehen", von, bis)
		}
	})

	// The table runs from the first row of the first goal to the last row
	// of the last one; the chapter starts with the field's heading.
	first, last := f.Ziele[0].Massnahmen[0], f.Ziele[1].Massnahmen[39]
	from := pageOf(normed, printed(first.ID+" "+first.Titel))
	to := pageOf(normed, printed(last.ID+" "+last.Titel))
	afterTOC := tocPage(t, ps) + 1
	chapter := afterTOC + pageOf(normed[afterTOC:], printed(f.Titel))
	t.Logf("Kapitel ab Seite %d, Tabelle Seite %d bis %d von %d", chapter, from, to, len(ps))
	if chapter < 3 || from < chapter || to <= from {
		t.Fatalf("Kapitel ab Seite %d, Tabelle von Seite %d bis %d", chapter, from, to)
	}

	t.Run("Tabellenkopf auf jeder Folgeseite", func(t *testing.T) {
		for p := from + 1; p <= to; p++ {
			head := strings.Index(normed[p-1], "Nr. Maßnahme")
			body := stressContent.FindStringIndex(normed[p-1])
			if head < 0 || body != nil && body[0] < head {
				t.Errorf("Seite %d setzt die Tabelle fort, aber der Kopf „Nr. Maßnahme …“ steht nicht über ihr: %.200q", p, normed[p-1])
			}
		}
	})

	// A heading or a table header alone on a page means a page was broken
	// too early: every page of the chapter shows some of its goals and rows.
	t.Run("keine fast leeren Seiten", func(t *testing.T) {
		for p := chapter; p <= to; p++ {
			if !stressContent.MatchString(normed[p-1]) {
				t.Errorf("Seite %d zeigt kein Ziel und keine Zeile der Tabelle: %q", p, normed[p-1])
			}
		}
	})

	t.Run("qpdf --check", func(t *testing.T) {
		if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
			t.Errorf("qpdf --check:\n%s", out)
		}
	})
}

// pageOf returns the number of the first page whose text matches re, or -1.
func pageOf(pages []string, re *regexp.Regexp) int {
	for i, p := range pages {
		if re.MatchString(p) {
			return i + 1
		}
	}
	return -1
}

func firstMismatch(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func BenchmarkRenderBeispiel(b *testing.B) {
	k := mustLoad(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := output.Render(io.Discard, k, output.Options{Version: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}
