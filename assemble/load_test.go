package assemble_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

// basis is a small valid concept that uses every kind of reference; the
// rows below change it. Its line numbers, for reading the expected positions:
// 1 konzept, 2 titel, 3 traeger, 4 fassung, 5 stand, 7 grundsaetze,
// 11 querschnittsthema gleichstellung, 13–15 akteure kmt, vhs-nordkreis and
// jobcenter, 17 handlungsfeld sprache, 20 ziel SP-1, 22 massnahmen,
// 23 massnahme SP-1.1, 25 federfuehrung, 26 partner, 27 beginn, 28 ende.
//
// Lines added with plus start at 29; indented by 12 spaces they belong to
// measure SP-1.1, unindented they are new top-level keys.
const basis = `konzept:
  titel: Integrationskonzept des Landkreises Musterland
  traeger: Landkreis Musterland
  fassung: Fortschreibung 2025
  stand: 2025-09-01
leitbild:
  grundsaetze:
    - titel: Teilhabe
      text: Alle Menschen gestalten den Landkreis mit.
querschnittsthemen:
  - {id: gleichstellung, titel: Geschlechtergleichstellung}
akteure:
  - {id: kmt, name: Koordinierungsstelle Migration und Teilhabe, kurz: KMT, art: verwaltung}
  - {id: vhs-nordkreis, name: Volkshochschule Nordkreis, art: bildung}
  - {id: jobcenter, name: Jobcenter Musterland, art: verwaltung}
handlungsfelder:
  - id: sprache
    titel: Teilhabe durch Sprache
    ziele:
      - id: SP-1
        titel: Sprachkursangebote sind im ganzen Kreis erreichbar.
        massnahmen:
          - id: SP-1.1
            titel: Kinderbetreuung parallel zu Integrationskursen
            federfuehrung: kmt
            partner: [vhs-nordkreis]
            beginn: 2025-01
            ende: 2026-12
`

// plus returns basis with lines appended (from line 29 on).
func plus(lines string) string { return basis + lines }

// ersetze returns basis with old, which must occur exactly once, replaced by repl.
func ersetze(old, repl string) string { return ersetzeIn(basis, old, repl) }

func ersetzeIn(s, old, repl string) string {
	if n := strings.Count(s, old); n != 1 {
		panic(fmt.Sprintf("ersetze: %q occurs %d times", old, n))
	}
	return strings.Replace(s, old, repl, 1)
}

// nur is a concept folder holding only konzept.yaml.
func nur(konzept string) map[string]string {
	return map[string]string{sources.KonzeptDatei: konzept}
}

// mit is a concept folder with konzept.yaml and more files (name, content, name, content …).
func mit(konzept string, more ...string) map[string]string {
	files := nur(konzept)
	for i := 0; i+1 < len(more); i += 2 {
		files[more[i]] = more[i+1]
	}
	return files
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := make(fstest.MapFS, len(files))
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// load runs the whole input pipeline and returns every problem formatted in lang.
func load(t *testing.T, files map[string]string, lang string) (*assemble.Konzept, []string) {
	t.Helper()
	k, ps, err := assemble.Load(mapFS(files))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	lines := []string{}
	for _, p := range ps {
		lines = append(lines, p.Format(lang))
	}
	return k, lines
}

func compare(t *testing.T, got, want []string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if slices.Equal(got, want) {
		return
	}
	var b strings.Builder
	b.WriteString("problems differ\n got:\n")
	for _, l := range got {
		fmt.Fprintf(&b, "\t\t%q,\n", l)
	}
	b.WriteString(" want:\n")
	for _, l := range want {
		fmt.Fprintf(&b, "\t\t%q,\n", l)
	}
	t.Error(b.String())
}

func TestBasisIstGueltig(t *testing.T) {
	k, got := load(t, nur(basis), "de")
	compare(t, got, nil)
	m := k.Handlungsfelder[0].Ziele[0].Massnahmen[0]
	if m.Status != schema.Geplant {
		t.Errorf("status defaults to %q, want %q", m.Status, schema.Geplant)
	}
	if a := k.Akteure[m.Federfuehrung]; a == nil || a.Anzeigename() != "KMT" {
		t.Errorf("federfuehrung resolves to %v", a)
	}
	if len(k.Quellen) != 1 || k.Quellen[0].Datei != sources.KonzeptDatei {
		t.Errorf("Quellen = %+v", k.Quellen)
	}
}

func TestLoadOhneKonzeptdatei(t *testing.T) {
	_, _, err := assemble.Load(fstest.MapFS{"readme.txt": {Data: []byte("x")}})
	if !errors.Is(err, sources.ErrNoConcept) {
		t.Fatalf("err = %v, want ErrNoConcept", err)
	}
}

// fragment adds goal SP-2 with measure SP-2.1 to the field `sprache`.
const fragment = `handlungsfelder:
  - id: sprache
    ziele:
      - id: SP-2
        titel: Alle Kinder lernen früh Deutsch.
        massnahmen:
          - id: SP-2.1
            titel: Sprachförderung in Kitas
            federfuehrung: kmt
`

// mitQuelle is basis with `quellen: [handlungsfelder/*.yaml]` (lines 29–30).
func mitQuelle(files ...string) map[string]string {
	return mit(plus("quellen:\n  - handlungsfelder/*.yaml\n"), files...)
}

// pngBild and jpegBild are tiny images, as logos.
var pngBild, jpegBild = func() (string, string) {
	img := image.NewGray(image.Rect(0, 0, 2, 2))
	var p, j bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		panic(err)
	}
	if err := jpeg.Encode(&j, img, nil); err != nil {
		panic(err)
	}
	return p.String(), j.String()
}()

// mitBefragung is basis with a survey (lines 29–) whose questions are fragen.
func mitBefragung(fragen string, files ...string) map[string]string {
	return mit(plus(`befragungen:
  - id: online-2025
    titel: Onlinebefragung
    antworten: befragung/antworten.csv
    fragen:
`+fragen), append([]string{"befragung/antworten.csv", "f1;f2\n1;Sprachkurs\n"}, files...)...)
}

// andereAntwort is a survey whose responses answer f2 with no option of it.
const andereAntwort = "      - {id: f1, text: 'Wie alt sind Sie?', typ: zahl}\n      - {id: f2, text: 'Was nutzen Sie?', typ: einfach, optionen: [Beratung]}\n"

var validationTests = []struct {
	name  string
	files map[string]string
	want  []string
}{
	// Reading YAML.
	{
		name:  "Syntaxfehler: Doppelpunkt im Text",
		files: nur(ersetze("  fassung: Fortschreibung 2025", "  fassung: Fortschreibung: 2025")),
		want:  []string{"konzept.yaml:4: fehler: YAML-Syntaxfehler: Doppelpunkt an unerwarteter Stelle – enthält ein Text „: “, setzen Sie ihn in Anführungszeichen; sonst die Einrückung prüfen"},
	},
	{
		name:  "Syntaxfehler in Zeile 1",
		files: nur(ersetze("konzept:\n", "konzept: Titel: x\n")),
		want:  []string{"konzept.yaml:1: fehler: YAML-Syntaxfehler: Doppelpunkt an unerwarteter Stelle – enthält ein Text „: “, setzen Sie ihn in Anführungszeichen; sonst die Einrückung prüfen"},
	},
	{
		name:  "Syntaxfehler: Tabulator",
		files: nur(ersetze("  stand: 2025-09-01", "\tstand: 2025-09-01")),
		want:  []string{"konzept.yaml:5: fehler: YAML-Syntaxfehler: Tabulator in der Einrückung – bitte nur Leerzeichen verwenden"},
	},
	{
		name:  "Syntaxfehler: Tabulator am Anfang eines Abschnitts",
		files: nur(ersetze("  titel: Integrationskonzept des Landkreises Musterland", "\ttitel: Integrationskonzept des Landkreises Musterland")),
		want:  []string{"konzept.yaml:2: fehler: YAML-Syntaxfehler: ein Zeichen, mit dem kein Wert beginnen kann (etwa ein Tabulator, @ oder `) – zum Einrücken nur Leerzeichen verwenden, Texte, die mit @ oder ` beginnen, in Anführungszeichen setzen"},
	},
	{
		name:  "Syntaxfehler: Einrückung",
		files: nur(ersetze("  fassung: Fortschreibung 2025", " fassung: Fortschreibung 2025")),
		want:  []string{"konzept.yaml:4: fehler: YAML-Syntaxfehler: die Einrückung stimmt nicht, oder ein Text in Anführungszeichen ist falsch geschlossen"},
	},
	{
		name:  "Syntaxfehler: Liste nicht geschlossen",
		files: nur(ersetze("partner: [vhs-nordkreis]", "partner: [vhs-nordkreis")),
		want:  []string{"konzept.yaml:26: fehler: YAML-Syntaxfehler: eine Liste in `[` … `]` ist nicht geschlossen, oder ein Eintrag darin enthält `,`, `:` oder `?` – solche Texte in Anführungszeichen setzen"},
	},
	{
		name:  "leere Datei",
		files: nur(""),
		want:  []string{"konzept.yaml: fehler: die Datei ist leer"},
	},
	{
		name:  "nur Kommentare",
		files: nur("# Integrationskonzept\n# folgt\n"),
		want:  []string{"konzept.yaml: fehler: die Datei ist leer"},
	},
	{
		name:  "Liste statt Schlüssel auf oberster Ebene",
		files: nur("- konzept\n- leitbild\n"),
		want:  []string{"konzept.yaml:1:1: fehler: auf der obersten Ebene der Datei werden Schlüssel mit Werten erwartet (`schlüssel: wert`), nicht eine Liste"},
	},
	{
		name:  "nicht UTF-8 (Windows-1252)",
		files: nur(ersetze("traeger: Landkreis Musterland", "traeger: Landkreis M\xfcnsterland")),
		want:  []string{"konzept.yaml:3:23: fehler: die Datei ist nicht in UTF-8 gespeichert (hier steht ein Zeichen in einer anderen Kodierung, etwa ein Umlaut aus Windows-1252): bitte im Editor mit der Kodierung UTF-8 speichern"},
	},
	{
		name:  "Schlüssel doppelt",
		files: nur(plus("            titel: Kinderbetreuung\n")),
		want:  []string{"konzept.yaml:29:13: fehler: Schlüssel `titel` steht doppelt in diesem Abschnitt (zuerst in Zeile 24)"},
	},

	// Unknown keys.
	{
		name:  "unbekannter Schlüssel verschachtelt, mit Vorschlag",
		files: nur(ersetze("        massnahmen:\n", "        massnahme:\n")),
		want:  []string{"konzept.yaml:22:9: fehler: unbekannter Schlüssel `massnahme` – meinten Sie `massnahmen`?"},
	},
	{
		name:  "unbekannter Schlüssel oben, mit Vorschlag",
		files: nur(plus("quelle:\n  - handlungsfelder/bildung.yaml\n")),
		want:  []string{"konzept.yaml:29:1: fehler: unbekannter Schlüssel `quelle` – meinten Sie `quellen`?"},
	},
	{
		name:  "unbekannter Schlüssel ohne ähnlichen",
		files: nur(plus("bemerkung: nur intern\n")),
		want:  []string{"konzept.yaml:29:1: fehler: unbekannter Schlüssel `bemerkung`"},
	},
	{
		name:  "unbekannter Schlüssel im Akteur",
		files: nur(ersetze("{id: jobcenter, name: Jobcenter Musterland, art: verwaltung}", "{id: jobcenter, name: Jobcenter Musterland, art: verwaltung, telefon: 0123}")),
		want:  []string{"konzept.yaml:15:66: fehler: unbekannter Schlüssel `telefon`"},
	},

	{
		name:  "unbekannter erster Schlüssel und fehlende Pflichtangabe",
		files: nur(ersetze("- id: SP-1.1", "- nr: SP-1.1")),
		want: []string{
			"konzept.yaml:23:13: fehler: unbekannter Schlüssel `nr`",
			"konzept.yaml:23:13: fehler: Pflichtangabe `id` fehlt",
		},
	},
	{
		name:  "Abkürzung doppelt",
		files: nur(plus("abkuerzungen:\n  BAMF: Bundesamt für Migration und Flüchtlinge\n  KMT: Koordinierungsstelle\n  BAMF: Bundesamt\n")),
		want:  []string{"konzept.yaml:32:3: fehler: Schlüssel `BAMF` steht doppelt in diesem Abschnitt (zuerst in Zeile 30)"},
	},

	// Wrong types.
	{
		name:  "Liste statt Text",
		files: nur(ersetze("  titel: Integrationskonzept des Landkreises Musterland", "  titel: [Integrationskonzept, Musterland]")),
		want:  []string{"konzept.yaml:2:10: fehler: `titel` erwartet einen Text, nicht eine Liste"},
	},
	{
		name:  "Text statt Zahl",
		files: nur(plus("            kosten: zwölf\n")),
		want:  []string{"konzept.yaml:29:21: fehler: `kosten` erwartet eine Zahl, nicht „zwölf“"},
	},
	{
		name:  "NaN ist keine Zahl",
		files: nur(plus("            kosten: NaN\n")),
		want:  []string{"konzept.yaml:29:21: fehler: `kosten` erwartet eine Zahl, nicht „NaN“"},
	},
	{
		name:  "Zuordnung statt Liste",
		files: nur(ersetze("partner: [vhs-nordkreis]", "partner: {vhs-nordkreis: ja}")),
		want:  []string{"konzept.yaml:26:22: fehler: `partner` erwartet eine Liste, nicht eine Zuordnung (Schlüssel: Wert)"},
	},
	{
		name:  "Text statt Liste von Einträgen",
		files: nur(ersetze("  grundsaetze:\n    - titel: Teilhabe\n      text: Alle Menschen gestalten den Landkreis mit.\n", "  grundsaetze: Teilhabe\n")),
		want:  []string{"konzept.yaml:7:16: fehler: `grundsaetze` erwartet eine Liste, nicht „Teilhabe“"},
	},
	{
		name:  "Text statt Eintrag mit Schlüsseln",
		files: nur(ersetze("  grundsaetze:\n    - titel: Teilhabe\n      text: Alle Menschen gestalten den Landkreis mit.\n", "  grundsaetze: [Teilhabe, Wertschätzung]\n")),
		want: []string{
			"konzept.yaml:7:17: fehler: Eintrag in `grundsaetze`: erwartet eine Zuordnung (Schlüssel: Wert), nicht „Teilhabe“",
			"konzept.yaml:7:27: fehler: Eintrag in `grundsaetze`: erwartet eine Zuordnung (Schlüssel: Wert), nicht „Wertschätzung“",
		},
	},
	{
		name:  "Text statt Abschnitt",
		files: nur(ersetze("konzept:\n  titel: Integrationskonzept des Landkreises Musterland\n  traeger: Landkreis Musterland\n  fassung: Fortschreibung 2025\n  stand: 2025-09-01\n", "konzept: Integrationskonzept\n")),
		want:  []string{"konzept.yaml:1:10: fehler: `konzept` erwartet eine Zuordnung (Schlüssel: Wert), nicht „Integrationskonzept“"},
	},
	{
		name:  "leerer Listeneintrag",
		files: nur(ersetze("  grundsaetze:\n    - titel: Teilhabe\n", "  grundsaetze:\n    -\n    - titel: Teilhabe\n")),
		want:  []string{"konzept.yaml:8:6: fehler: Pflichtangabe `titel` fehlt"},
	},
	{
		name:  "ganze Zahl und Wahrheitswert",
		files: nur(plus("beteiligung:\n  veranstaltungen:\n    - {titel: Dialog, datum: 2018-11-30, teilnehmende: siebzig}\nbeschluss:\n  vorlage: \"2025/0123\"\n  betreff: Integrationskonzept\n  beschlussvorschlag: Der Kreistag beschließt.\n  beratungsfolge:\n    - {gremium: Kreistag, datum: 2025-09-30, zustaendigkeit: Entscheidung, oeffentlich: vielleicht}\n")),
		want: []string{
			"konzept.yaml:31:56: fehler: `teilnehmende` erwartet eine ganze Zahl, nicht „siebzig“",
			"konzept.yaml:37:89: fehler: `oeffentlich` erwartet true oder false, nicht „vielleicht“",
		},
	},

	// Required keys.
	{
		name:  "konzept.titel fehlt",
		files: nur(ersetze("  titel: Integrationskonzept des Landkreises Musterland\n", "")),
		want:  []string{"konzept.yaml:2:3: fehler: Pflichtangabe `titel` fehlt"},
	},
	{
		name:  "traeger, fassung und stand fehlen",
		files: nur(ersetze("  traeger: Landkreis Musterland\n  fassung: Fortschreibung 2025\n  stand: 2025-09-01\n", "")),
		want: []string{
			"konzept.yaml:2:3: fehler: Pflichtangabe `traeger` fehlt",
			"konzept.yaml:2:3: fehler: Pflichtangabe `fassung` fehlt",
			"konzept.yaml:2:3: fehler: Pflichtangabe `stand` fehlt",
		},
	},
	{
		name:  "Abschnitt konzept fehlt",
		files: nur(ersetze("konzept:\n  titel: Integrationskonzept des Landkreises Musterland\n  traeger: Landkreis Musterland\n  fassung: Fortschreibung 2025\n  stand: 2025-09-01\n", "")),
		want:  []string{"konzept.yaml:1:1: fehler: Pflichtangabe `konzept` fehlt"},
	},
	{
		name:  "stand ohne Wert",
		files: nur(ersetze("  stand: 2025-09-01", "  stand:")),
		want:  []string{"konzept.yaml:5:9: fehler: Pflichtangabe `stand` fehlt"},
	},
	{
		name:  "leitbild fehlt",
		files: nur(ersetze("leitbild:\n  grundsaetze:\n    - titel: Teilhabe\n      text: Alle Menschen gestalten den Landkreis mit.\n", "")),
		want:  []string{"konzept.yaml:1:1: fehler: Pflichtangabe `leitbild` fehlt"},
	},
	{
		name:  "grundsaetze leer",
		files: nur(ersetze("  grundsaetze:\n    - titel: Teilhabe\n      text: Alle Menschen gestalten den Landkreis mit.\n", "  grundsaetze: []\n")),
		want:  []string{"konzept.yaml:7:16: fehler: `grundsaetze` braucht mindestens einen Eintrag"},
	},
	{
		name:  "handlungsfelder fehlen",
		files: nur(basis[:strings.Index(basis, "handlungsfelder:")]),
		want:  []string{"konzept.yaml:1:1: fehler: Pflichtangabe `handlungsfelder` fehlt"},
	},
	{
		name:  "Maßnahme ohne federfuehrung",
		files: nur(ersetze("            federfuehrung: kmt\n", "")),
		want:  []string{"konzept.yaml:23:13: fehler: Pflichtangabe `federfuehrung` fehlt"},
	},
	{
		name:  "Akteur ohne art",
		files: nur(ersetze("{id: vhs-nordkreis, name: Volkshochschule Nordkreis, art: bildung}", "{id: vhs-nordkreis, name: Volkshochschule Nordkreis}")),
		want:  []string{"konzept.yaml:14:5: fehler: Pflichtangabe `art` fehlt"},
	},
	{
		name:  "herausgeber ohne stelle",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  herausgeber:\n    email: integration@example.org\n")),
		want:  []string{"konzept.yaml:7:5: fehler: Pflichtangabe `stelle` fehlt"},
	},

	// Formats of ids and numbers.
	{
		name:  "Handlungsfeld-ID mit Großbuchstaben und Leerzeichen",
		files: nur(ersetze("  - id: sprache\n", "  - id: Sprache Bildung\n")),
		want:  []string{"konzept.yaml:17:9: fehler: ungültige ID „Sprache Bildung“ in `id`: erlaubt sind Kleinbuchstaben a–z, Ziffern und `-`"},
	},
	{
		name:  "Akteur-ID mit Umlaut",
		files: nur(ersetze("{id: kmt,", "{id: kmt-büro,")),
		want: []string{
			"konzept.yaml:13:10: fehler: ungültige ID „kmt-büro“ in `id`: erlaubt sind Kleinbuchstaben a–z, Ziffern und `-`",
			"konzept.yaml:25:28: fehler: unbekannter Akteur `kmt` in `federfuehrung` – meinten Sie `kmt-büro`?",
		},
	},
	{
		name:  "Maßnahme-Nr mit Leerzeichen",
		files: nur(ersetze("- id: SP-1.1", "- id: SP 1.1")),
		want:  []string{"konzept.yaml:23:17: fehler: ungültige Nummer „SP 1.1“ in `id`: erlaubt sind Buchstaben, Ziffern, `.`, `-`, `_` und `/`, ohne Leerzeichen, am Anfang ein Buchstabe oder eine Ziffer"},
	},

	// Enumerations.
	{
		name:  "status mit Leerzeichen",
		files: nur(plus("            status: in umsetzung\n")),
		want:  []string{"konzept.yaml:29:21: fehler: ungültiger Wert „in umsetzung“ für `status` – erlaubt: geplant, in-umsetzung, umgesetzt, dauerhaft, zurueckgestellt, entfallen – meinten Sie „in-umsetzung“?"},
	},
	{
		name:  "status mit Umlaut",
		files: nur(plus("            status: zurückgestellt\n")),
		want:  []string{"konzept.yaml:29:21: fehler: ungültiger Wert „zurückgestellt“ für `status` – erlaubt: geplant, in-umsetzung, umgesetzt, dauerhaft, zurueckgestellt, entfallen – meinten Sie „zurueckgestellt“?"},
	},
	{
		name:  "prioritaet",
		files: nur(plus("            prioritaet: Hoch\n")),
		want:  []string{"konzept.yaml:29:25: fehler: ungültiger Wert „Hoch“ für `prioritaet` – erlaubt: hoch, mittel, niedrig – meinten Sie „hoch“?"},
	},
	{
		name:  "prioritaet ohne ähnlichen Wert",
		files: nur(plus("            prioritaet: 1\n")),
		want:  []string{"konzept.yaml:29:25: fehler: ungültiger Wert „1“ für `prioritaet` – erlaubt: hoch, mittel, niedrig"},
	},
	{
		name:  "Akteur art",
		files: nur(ersetze("art: bildung}", "art: freier träger}")),
		want:  []string{"konzept.yaml:14:63: fehler: ungültiger Wert „freier träger“ für `art` – erlaubt: verwaltung, gremium, arbeitskreis, bildung, wirtschaft, freier-traeger, ehrenamt, migrantenorganisation, extern – meinten Sie „freier-traeger“?"},
	},
	{
		name:  "sprache ohne Vorschlag",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  sprache: fr\n")),
		want:  []string{"konzept.yaml:6:12: fehler: ungültiger Wert „fr“ für `sprache` – erlaubt: de, en"},
	},
	{
		name:  "sprache groß geschrieben",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  sprache: EN\n")),
		want:  []string{"konzept.yaml:6:12: fehler: ungültiger Wert „EN“ für `sprache` – erlaubt: de, en – meinten Sie „en“?"},
	},

	// Dates and periods.
	{
		name:  "stand deutsch geschrieben",
		files: nur(ersetze("stand: 2025-09-01", "stand: 01.09.2025")),
		want:  []string{"konzept.yaml:5:10: fehler: ungültiges Datum „01.09.2025“ in `stand`: erwartet JJJJ-MM-TT – meinten Sie `2025-09-01`?"},
	},
	{
		name:  "stand ist kein Tag",
		files: nur(ersetze("stand: 2025-09-01", "stand: 2025-02-30")),
		want:  []string{"konzept.yaml:5:10: fehler: ungültiges Datum „2025-02-30“ in `stand`: erwartet JJJJ-MM-TT"},
	},
	{
		name:  "beginn Monat 13",
		files: nur(ersetze("beginn: 2025-01", "beginn: 2025-13")),
		want:  []string{"konzept.yaml:27:21: fehler: ungültige Zeitangabe „2025-13“ in `beginn`: erwartet JJJJ, JJJJ-MM, JJJJ-Qn, JJJJ-MM-TT oder fortlaufend"},
	},
	{
		name:  "beginn Quartal 5",
		files: nur(ersetze("beginn: 2025-01", "beginn: 2025-Q5")),
		want:  []string{"konzept.yaml:27:21: fehler: ungültige Zeitangabe „2025-Q5“ in `beginn`: erwartet JJJJ, JJJJ-MM, JJJJ-Qn, JJJJ-MM-TT oder fortlaufend"},
	},
	{
		name:  "beginn und ende deutsch geschrieben",
		files: nur(ersetze("beginn: 2025-01\n            ende: 2026-12", "beginn: Q3/2025\n            ende: 12/2026")),
		want: []string{
			"konzept.yaml:27:21: fehler: ungültige Zeitangabe „Q3/2025“ in `beginn`: erwartet JJJJ, JJJJ-MM, JJJJ-Qn, JJJJ-MM-TT oder fortlaufend – meinten Sie `2025-Q3`?",
			"konzept.yaml:28:19: fehler: ungültige Zeitangabe „12/2026“ in `ende`: erwartet JJJJ, JJJJ-MM, JJJJ-Qn, JJJJ-MM-TT oder fortlaufend – meinten Sie `2026-12`?",
		},
	},
	{
		name:  "beginn fortlaufend",
		files: nur(ersetze("beginn: 2025-01", "beginn: fortlaufend")),
		want:  []string{"konzept.yaml:27:21: fehler: `beginn` kann nicht „fortlaufend“ sein, nur `ende`"},
	},
	{
		name:  "ende fortlaufend",
		files: nur(ersetze("ende: 2026-12", "ende: fortlaufend")),
	},
	{
		name:  "ende Jahr nach beginn Monat im selben Jahr",
		files: nur(ersetze("beginn: 2025-01\n            ende: 2026-12", "beginn: 2025-06\n            ende: 2025")),
	},
	{
		name:  "ende Monat im Quartal von beginn",
		files: nur(ersetze("beginn: 2025-01\n            ende: 2026-12", "beginn: 2025-Q3\n            ende: 2025-07")),
	},
	{
		name:  "ende am Tag von beginn",
		files: nur(ersetze("beginn: 2025-01\n            ende: 2026-12", "beginn: 2025-03-15\n            ende: 2025-03-15")),
	},
	{
		name:  "ende Quartal vor beginn Monat",
		files: nur(ersetze("beginn: 2025-01\n            ende: 2026-12", "beginn: 2025-04\n            ende: 2025-Q1")),
		want:  []string{"konzept.yaml:28:19: fehler: `ende` (2025-Q1) liegt vor `beginn` (2025-04)"},
	},
	{
		name:  "ende Tag vor beginn Tag",
		files: nur(ersetze("beginn: 2025-01\n            ende: 2026-12", "beginn: 2025-03-15\n            ende: 2025-03-14")),
		want:  []string{"konzept.yaml:28:19: fehler: `ende` (2025-03-14) liegt vor `beginn` (2025-03-15)"},
	},
	{
		name:  "ende Monat vor beginn Jahr",
		files: nur(ersetze("beginn: 2025-01\n            ende: 2026-12", "beginn: 2026\n            ende: 2025-12")),
		want:  []string{"konzept.yaml:28:19: fehler: `ende` (2025-12) liegt vor `beginn` (2026)"},
	},
	{
		name:  "ende Tag vor beginn Quartal",
		files: nur(ersetze("beginn: 2025-01\n            ende: 2026-12", "beginn: 2025-Q3\n            ende: 2025-06-30")),
		want:  []string{"konzept.yaml:28:19: fehler: `ende` (2025-06-30) liegt vor `beginn` (2025-Q3)"},
	},

	// Numbers, colours, addresses.
	{
		name:  "kosten negativ",
		files: nur(plus("            kosten: -5\n")),
		want:  []string{"konzept.yaml:29:21: fehler: `kosten` muss mindestens 0 sein, nicht -5"},
	},
	{
		name:  "kosten jenseits jeder Rechnung",
		files: nur(plus("            kosten: 1e20\n")),
		want:  []string{"konzept.yaml:29:21: fehler: `kosten` darf höchstens 1000000000000 sein, nicht 1e+20"},
	},
	{
		name:  "kosten mit Tausenderpunkt",
		files: nur(plus("            kosten: 12.000\n")),
		want:  []string{"konzept.yaml:29:21: warnung: `kosten: 12.000` wird als Dezimalzahl gelesen; für Tausender schreiben Sie `12000`"},
	},
	{
		name:  "kosten mit Dezimalstellen",
		files: nur(plus("            kosten: 1250.50\n")),
	},
	{
		name:  "farbe ungültig",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  farbe: blau\n")),
		want:  []string{"konzept.yaml:6:10: fehler: ungültige Farbe „blau“: erwartet einen Hex-Wert wie „#005A9C“"},
	},
	{
		name:  "farbe ohne Anführungszeichen",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  farbe: #005A9C\n  kurztitel: # folgt\n")),
		want:  []string{"konzept.yaml:6:10: warnung: `farbe: #005A9C` bleibt leer: was auf `#` folgt, liest YAML als Kommentar – setzen Sie den Wert in Anführungszeichen: `farbe: \"#005A9C\"`"},
	},
	{
		name:  "farbe gültig",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  farbe: \"#005a9c\"\n")),
	},
	{
		name:  "farbe zu hell",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  farbe: \"#FFD700\"\n")),
		want:  []string{"konzept.yaml:6:10: warnung: Farbe „#FFD700“ ist auf Weiß schwer lesbar (Kontrast 1.4:1, nötig sind 4.5:1): Überschriften und Tabellenköpfe erscheinen in #857000"},
	},
	{
		name:  "herausgeber email ungültig",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  herausgeber:\n    stelle: Koordinierungsstelle\n    email: integration(at)example.org\n")),
		want:  []string{"konzept.yaml:8:12: fehler: ungültige E-Mail-Adresse „integration(at)example.org“"},
	},
	{
		name:  "teilnehmende negativ",
		files: nur(plus("beteiligung:\n  veranstaltungen:\n    - {titel: Dialog, datum: 2018-11-30, teilnehmende: -70}\n")),
		want:  []string{"konzept.yaml:31:56: fehler: `teilnehmende` muss mindestens 0 sein, nicht -70"},
	},

	// Beschluss.
	{
		name:  "beratungsfolge leer",
		files: nur(plus("beschluss:\n  vorlage: \"2025/0123\"\n  betreff: Integrationskonzept\n  beschlussvorschlag: Der Kreistag beschließt.\n  beratungsfolge: []\n")),
		want:  []string{"konzept.yaml:33:19: fehler: `beratungsfolge` braucht mindestens einen Eintrag"},
	},
	{
		name: "beratungsfolge absteigend",
		files: nur(plus(`beschluss:
  vorlage: "2025/0123"
  betreff: Integrationskonzept
  beschlussvorschlag: Der Kreistag beschließt.
  beratungsfolge:
    - {gremium: Ausschuss für Soziales, datum: 2025-09-10, zustaendigkeit: Vorberatung}
    - {gremium: Kreisausschuss, datum: 2025-09-05, zustaendigkeit: Vorberatung}
    - {gremium: Kreistag, datum: 2025-09-30, zustaendigkeit: Entscheidung}
    - {gremium: Kreistag, datum: 2025-09-29, zustaendigkeit: Entscheidung}
`)),
		want: []string{
			"konzept.yaml:35:40: fehler: Datum 2025-09-05 liegt vor dem vorigen Eintrag (2025-09-10): die Beratungsfolge muss aufsteigend sein",
			"konzept.yaml:37:34: fehler: Datum 2025-09-29 liegt vor dem vorigen Eintrag (2025-09-30): die Beratungsfolge muss aufsteigend sein",
		},
	},
	{
		name:  "beschluss ohne Pflichtangaben",
		files: nur(plus("beschluss:\n  sachverhalt: Folgt.\n")),
		want: []string{
			"konzept.yaml:30:3: fehler: Pflichtangabe `vorlage` fehlt",
			"konzept.yaml:30:3: fehler: Pflichtangabe `betreff` fehlt",
			"konzept.yaml:30:3: fehler: Pflichtangabe `beratungsfolge` fehlt",
			"konzept.yaml:30:3: fehler: Pflichtangabe `beschlussvorschlag` fehlt",
		},
	},

	// Ids defined twice.
	{
		name:  "Ziel-Nr doppelt in konzept.yaml",
		files: nur(ersetze("        massnahmen:\n", "        massnahmen: []\n      - id: SP-1\n        titel: Noch einmal.\n        massnahmen:\n")),
		want:  []string{"konzept.yaml:23:13: fehler: Ziel-Nr `SP-1` ist bereits in konzept.yaml:20:13 vergeben"},
	},
	{
		name:  "Maßnahme-Nr doppelt in konzept.yaml",
		files: nur(plus("          - {id: SP-1.1, titel: Noch einmal, federfuehrung: kmt}\n")),
		want:  []string{"konzept.yaml:29:18: fehler: Maßnahme-Nr `SP-1.1` ist bereits in konzept.yaml:23:17 vergeben"},
	},
	{
		name:  "Maßnahme-Nr doppelt in Quelle",
		files: mitQuelle("handlungsfelder/bildung.yaml", ersetzeIn(fragment, "SP-2.1", "SP-1.1")),
		want:  []string{"handlungsfelder/bildung.yaml:7:17: fehler: Maßnahme-Nr `SP-1.1` ist bereits in konzept.yaml:23:17 vergeben"},
	},
	{
		name:  "Ziel-Nr doppelt in zwei Quellen",
		files: mitQuelle("handlungsfelder/a.yaml", fragment, "handlungsfelder/b.yaml", ersetzeIn(fragment, "SP-2.1", "SP-2.2")),
		want:  []string{"handlungsfelder/b.yaml:4:13: fehler: Ziel-Nr `SP-2` ist bereits in handlungsfelder/a.yaml:4:13 vergeben"},
	},
	{
		// konzept.yaml is read first, although the fragment adds its goal to
		// the field that comes before `arbeit`.
		name: "doppelt nennt die zuerst gelesene Stelle",
		files: mit(plus("  - id: arbeit\n    titel: Ausbildung und Arbeit\n    ziele:\n      - {id: AR-1, titel: Arbeit finden.}\nquellen:\n  - handlungsfelder/*.yaml\n"),
			"handlungsfelder/bildung.yaml", ersetzeIn(fragment, "id: SP-2\n", "id: AR-1\n")),
		want: []string{"handlungsfelder/bildung.yaml:4:13: fehler: Ziel-Nr `AR-1` ist bereits in konzept.yaml:32:14 vergeben"},
	},
	{
		name:  "Handlungsfeld-ID doppelt in konzept.yaml",
		files: nur(plus("  - id: sprache\n    titel: Teilhabe durch Sprache\n")),
		want:  []string{"konzept.yaml:29:9: fehler: Handlungsfeld `sprache` ist bereits in konzept.yaml:17:9 vergeben"},
	},
	{
		name:  "Akteur-ID doppelt",
		files: nur(ersetze("{id: jobcenter,", "{id: vhs-nordkreis,")),
		want:  []string{"konzept.yaml:15:10: fehler: Akteur `vhs-nordkreis` ist bereits in konzept.yaml:14:10 vergeben"},
	},
	{
		name:  "Querschnittsthema doppelt",
		files: nur(ersetze("akteure:\n", "  - {id: gleichstellung, titel: Gleichstellung}\nakteure:\n")),
		want:  []string{"konzept.yaml:12:10: fehler: Querschnittsthema `gleichstellung` ist bereits in konzept.yaml:11:10 vergeben"},
	},

	// References.
	{
		name:  "unbekannter Akteur in federfuehrung",
		files: nur(ersetze("federfuehrung: kmt", "federfuehrung: vhs-nord")),
		want:  []string{"konzept.yaml:25:28: fehler: unbekannter Akteur `vhs-nord` in `federfuehrung` – meinten Sie `vhs-nordkreis`?"},
	},
	{
		name:  "federfuehrung mit Namen statt ID",
		files: nur(ersetze("federfuehrung: kmt", "federfuehrung: Volkshochschule Nordkreis")),
		want:  []string{"konzept.yaml:25:28: fehler: unbekannter Akteur `Volkshochschule Nordkreis` in `federfuehrung` – meinten Sie `vhs-nordkreis`?"},
	},
	{
		name:  "federfuehrung mit Kurzname",
		files: nur(ersetze("federfuehrung: kmt", "federfuehrung: KMT")),
		want:  []string{"konzept.yaml:25:28: fehler: unbekannter Akteur `KMT` in `federfuehrung` – meinten Sie `kmt`?"},
	},
	{
		name:  "unbekannter Partner an seiner Stelle in der Liste",
		files: nur(ersetze("partner: [vhs-nordkreis]", "partner: [vhs-nordkreis, jobcentre, caritas]")),
		want: []string{
			"konzept.yaml:26:38: fehler: unbekannter Akteur `jobcentre` in `partner` – meinten Sie `jobcenter`?",
			"konzept.yaml:26:49: fehler: unbekannter Akteur `caritas` in `partner`",
		},
	},
	{
		name:  "unbekannter Partner als einzelner Text",
		files: nur(ersetze("partner: [vhs-nordkreis]", "partner: caritas")),
		want:  []string{"konzept.yaml:26:22: fehler: unbekannter Akteur `caritas` in `partner`"},
	},
	{
		name:  "unbekanntes Querschnittsthema",
		files: nur(plus("            querschnitt: [gleichstelung]\n")),
		want:  []string{"konzept.yaml:29:27: fehler: unbekanntes Querschnittsthema `gleichstelung` in `querschnitt` – meinten Sie `gleichstellung`?"},
	},
	{
		name:  "unbekanntes Handlungsfeld in veranstaltungen",
		files: nur(plus("beteiligung:\n  veranstaltungen:\n    - titel: Dialogveranstaltung\n      datum: 2018-11-30\n      handlungsfelder: [sprach, arbeit]\n")),
		want: []string{
			"konzept.yaml:33:25: fehler: unbekanntes Handlungsfeld `sprach` in `handlungsfelder` – meinten Sie `sprache`?",
			"konzept.yaml:33:33: fehler: unbekanntes Handlungsfeld `arbeit` in `handlungsfelder`",
		},
	},
	{
		name:  "unbekanntes Handlungsfeld in fragen",
		files: mitBefragung("      - {id: f1, text: 'Wie alt sind Sie?', typ: zahl, handlungsfeld: Teilhabe durch Sprache}\n"),
		want:  []string{"konzept.yaml:34:71: fehler: unbekanntes Handlungsfeld `Teilhabe durch Sprache` in `handlungsfeld` – meinten Sie `sprache`?"},
	},

	// Fragments.
	{
		name:  "Quelle gültig",
		files: mitQuelle("handlungsfelder/bildung.yaml", fragment),
	},
	{
		name:  "Quelle mit abweichendem Titel",
		files: mitQuelle("handlungsfelder/bildung.yaml", ersetzeIn(fragment, "  - id: sprache\n", "  - id: sprache\n    titel: Sprache und Bildung\n")),
		want:  []string{"handlungsfelder/bildung.yaml:3:12: fehler: Titel „Sprache und Bildung“ weicht vom Titel des Handlungsfelds `sprache` ab („Teilhabe durch Sprache“ in konzept.yaml:18:12)"},
	},
	{
		name:  "Quelle mit neuem Handlungsfeld ohne Titel",
		files: mitQuelle("handlungsfelder/arbeit.yaml", ersetzeIn(fragment, "  - id: sprache\n", "  - id: arbeit\n")),
		want:  []string{"handlungsfelder/arbeit.yaml:2:5: fehler: Handlungsfeld `arbeit` braucht einen `titel`: es ist sonst nirgends definiert"},
	},
	{
		name:  "Quelle mit neuem Handlungsfeld mit Titel",
		files: mitQuelle("handlungsfelder/arbeit.yaml", ersetzeIn(fragment, "  - id: sprache\n", "  - id: arbeit\n    titel: Ausbildung und Arbeit\n")),
	},
	{
		name:  "Quelle mit unbekanntem Schlüssel oben",
		files: mitQuelle("handlungsfelder/bildung.yaml", "ziele:\n  - {id: SP-3, titel: Ohne Handlungsfeld}\n"),
		want:  []string{"handlungsfelder/bildung.yaml:1:1: fehler: unbekannter Schlüssel `ziele`"},
	},
	{
		name:  "Quelle mit Syntaxfehler",
		files: mitQuelle("handlungsfelder/bildung.yaml", ersetzeIn(fragment, "titel: Alle Kinder lernen früh Deutsch.", "titel: Ziel: alle Kinder lernen früh Deutsch.")),
		want:  []string{"handlungsfelder/bildung.yaml:5: fehler: YAML-Syntaxfehler: Doppelpunkt an unerwarteter Stelle – enthält ein Text „: “, setzen Sie ihn in Anführungszeichen; sonst die Einrückung prüfen"},
	},
	{
		name:  "Quelle leer",
		files: mitQuelle("handlungsfelder/bildung.yaml", ""),
		want:  []string{"handlungsfelder/bildung.yaml: fehler: die Datei ist leer"},
	},
	{
		name:  "Quelle mit unbekanntem Akteur",
		files: mitQuelle("handlungsfelder/bildung.yaml", ersetzeIn(fragment, "federfuehrung: kmt", "federfuehrung: kita-amt")),
		want:  []string{"handlungsfelder/bildung.yaml:9:28: fehler: unbekannter Akteur `kita-amt` in `federfuehrung`"},
	},

	// Paths.
	{
		name:  "quellen außerhalb des Ordners",
		files: nur(plus("quellen:\n  - ../anderer-kreis/konzept.yaml\n  - /etc/x.yaml\n  - C:\\Konzept\\x.yaml\n")),
		want: []string{
			"konzept.yaml:30:5: fehler: Pfad „../anderer-kreis/konzept.yaml“ liegt außerhalb des Konzeptordners: erlaubt sind nur relative Pfade ohne `..`",
			"konzept.yaml:31:5: fehler: Pfad „/etc/x.yaml“ liegt außerhalb des Konzeptordners: erlaubt sind nur relative Pfade ohne `..`",
			"konzept.yaml:32:5: fehler: Pfad „C:\\Konzept\\x.yaml“ liegt außerhalb des Konzeptordners: erlaubt sind nur relative Pfade ohne `..`",
		},
	},
	{
		name:  "quellen Datei fehlt",
		files: nur(plus("quellen:\n  - handlungsfelder/bildung.yaml\n")),
		want:  []string{"konzept.yaml:30:5: fehler: Datei „handlungsfelder/bildung.yaml“ nicht gefunden"},
	},
	{
		name:  "quellen als einzelner Text",
		files: nur(plus("quellen: handlungsfelder/bildung.yaml\n")),
		want:  []string{"konzept.yaml:29:10: fehler: Datei „handlungsfelder/bildung.yaml“ nicht gefunden"},
	},
	{
		name:  "quellen Muster passt auf nichts",
		files: mitQuelle(),
		want:  []string{"konzept.yaml:30:5: warnung: „handlungsfelder/*.yaml“ passt auf keine Datei"},
	},
	{
		name:  "quellen Textdatei",
		files: mit(plus("quellen:\n  - notizen.txt\n"), "notizen.txt", "Ideen"),
		want:  []string{"konzept.yaml:30:5: fehler: Quelle „notizen.txt“ hat einen unbekannten Dateityp: erwartet .yaml, .yml oder .xlsx"},
	},
	{
		name:  "quellen Muster findet konzept.yaml selbst",
		files: mit(plus("quellen:\n  - \"*.yaml\"\n"), "bildung.yaml", fragment),
	},
	{
		name:  "quellen zwei Muster finden dieselbe Datei",
		files: mit(plus("quellen:\n  - handlungsfelder/bildung.yaml\n  - handlungsfelder/*.yaml\n"), "handlungsfelder/bildung.yaml", fragment),
	},
	{
		name:  "logo fehlt",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  logo: bilder/wappen.png\n")),
		want:  []string{"konzept.yaml:6:9: fehler: Datei „bilder/wappen.png“ nicht gefunden"},
	},
	{
		name:  "logo ist kein Bild",
		files: mit(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  logo: bilder/wappen.png\n"), "bilder/wappen.png", "<svg/>"),
		want:  []string{"konzept.yaml:6:9: fehler: „bilder/wappen.png“ ist kein PNG- oder JPEG-Bild"},
	},
	{
		name:  "logo außerhalb des Ordners",
		files: nur(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  logo: ../wappen.png\n")),
		want:  []string{"konzept.yaml:6:9: fehler: Pfad „../wappen.png“ liegt außerhalb des Konzeptordners: erlaubt sind nur relative Pfade ohne `..`"},
	},
	{
		name:  "logo PNG",
		files: mit(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  logo: bilder/wappen.png\n"), "bilder/wappen.png", pngBild),
	},
	{
		name:  "logo JPEG",
		files: mit(ersetze("  stand: 2025-09-01\n", "  stand: 2025-09-01\n  logo: bilder/wappen.jpg\n"), "bilder/wappen.jpg", jpegBild),
	},

	// Surveys.
	{
		name:  "Befragung gültig",
		files: mitBefragung("      - {id: f1, text: 'Wie willkommen fühlen Sie sich?', typ: skala, skala: {min: 1, max: 5}}\n      - {id: f2, text: 'Welche Angebote nutzen Sie?', typ: mehrfach, optionen: [Sprachkurs, Beratung]}\n"),
	},
	{
		name:  "Befragung antworten-Datei fehlt",
		files: nur(plus("befragungen:\n  - id: online-2025\n    titel: Onlinebefragung\n    antworten: befragung/antworten.xlsx\n    fragen:\n      - {id: f1, text: 'Wie alt sind Sie?', typ: zahl}\n")),
		want:  []string{"konzept.yaml:32:16: fehler: Datei „befragung/antworten.xlsx“ nicht gefunden"},
	},
	{
		name:  "Befragung ohne antworten",
		files: nur(plus("befragungen:\n  - id: online-2025\n    titel: Onlinebefragung\n    fragen:\n      - {id: f1, text: 'Wie alt sind Sie?', typ: zahl}\n")),
		want:  []string{"konzept.yaml:30:5: fehler: Pflichtangabe `antworten` fehlt"},
	},
	{
		name:  "Frage mit Fragezeichen in { } ohne Anführungszeichen",
		files: mitBefragung("      - {id: f1, text: Wie alt sind Sie?, typ: zahl}\n"),
		want:  []string{"konzept.yaml:34: fehler: YAML-Syntaxfehler: eine Zuordnung in `{` … `}` ist nicht geschlossen, oder ein Wert darin enthält `,`, `:` oder `?` – solche Texte in Anführungszeichen setzen"},
	},
	{
		name:  "skala ohne skala",
		files: mitBefragung("      - {id: f1, text: 'Wie willkommen fühlen Sie sich?', typ: skala}\n"),
		want:  []string{"konzept.yaml:34:9: fehler: Frage `f1` vom Typ skala braucht `skala` mit `min` kleiner als `max`"},
	},
	{
		name:  "skala mit min gleich max",
		files: mitBefragung("      - {id: f1, text: 'Wie willkommen fühlen Sie sich?', typ: skala, skala: {min: 5, max: 5}}\n"),
		want:  []string{"konzept.yaml:34:78: fehler: Frage `f1` vom Typ skala braucht `skala` mit `min` kleiner als `max`"},
	},
	{
		name:  "einfach ohne optionen",
		files: mitBefragung("      - {id: f2, text: 'Wie haben Sie von uns erfahren?', typ: einfach}\n"),
		want:  []string{"konzept.yaml:34:9: fehler: Frage `f2` vom Typ einfach braucht `optionen`"},
	},
	{
		name:  "typ unbekannt",
		files: mitBefragung("      - {id: f1, text: 'Ihre Meinung?', typ: text}\n"),
		want:  []string{"konzept.yaml:34:46: fehler: ungültiger Wert „text“ für `typ` – erlaubt: einfach, mehrfach, skala, zahl, freitext"},
	},
	{
		name:  "Frage doppelt",
		files: mitBefragung("      - {id: f1, text: 'Wie alt sind Sie?', typ: zahl}\n      - {id: f1, text: 'Wie lange leben Sie hier?', typ: zahl}\n"),
		want:  []string{"konzept.yaml:35:14: fehler: Frage `f1` ist bereits in konzept.yaml:34:14 vergeben"},
	},
	{
		name: "zeitraum bis vor von und mindestgruppe 0",
		files: mit(plus(`befragungen:
  - id: online-2025
    titel: Onlinebefragung
    antworten: befragung/antworten.csv
    zeitraum: {von: 2025-01-31, bis: 2025-01-11}
    mindestgruppe: 0
    fragen:
      - {id: f1, text: 'Wie alt sind Sie?', typ: zahl}
`), "befragung/antworten.csv", "f1\n30\n"),
		want: []string{
			"konzept.yaml:33:38: fehler: `bis` (2025-01-11) liegt vor `von` (2025-01-31)",
			"konzept.yaml:34:20: fehler: `mindestgruppe` muss mindestens 1 sein, nicht 0",
		},
	},

	{
		name:  "Antwort keine der Optionen",
		files: mitBefragung(andereAntwort),
		want:  []string{"befragung/antworten.csv:2: warnung: Antwort „Sprachkurs“ in Spalte f2 ist keine der Optionen – gezählt als „sonstige“"},
	},
	{
		// The responses are read only for a valid concept: not the
		// warning above, though the survey itself is valid.
		name: "Antwort keine der Optionen, Fehler anderswo",
		files: func() map[string]string {
			files := mitBefragung(andereAntwort)
			files[sources.KonzeptDatei] = ersetzeIn(files[sources.KonzeptDatei], "federfuehrung: kmt", "federfuehrung: kita-amt")
			return files
		}(),
		want: []string{"konzept.yaml:25:28: fehler: unbekannter Akteur `kita-amt` in `federfuehrung`"},
	},

	// Several problems: all reported, sorted by file and position.
	{
		name: "mehrere Probleme sortiert",
		files: mit(ersetze("  stand: 2025-09-01", "  stand: 2025")+"            status: läuft\n            kosten: -1\nquellen:\n  - handlungsfelder/*.yaml\nbemerkung: x\n",
			"handlungsfelder/bildung.yaml", ersetzeIn(fragment, "federfuehrung: kmt", "federfuehrung: kita-amt")),
		want: []string{
			"handlungsfelder/bildung.yaml:9:28: fehler: unbekannter Akteur `kita-amt` in `federfuehrung`",
			"konzept.yaml:5:10: fehler: ungültiges Datum „2025“ in `stand`: erwartet JJJJ-MM-TT",
			"konzept.yaml:29:21: fehler: ungültiger Wert „läuft“ für `status` – erlaubt: geplant, in-umsetzung, umgesetzt, dauerhaft, zurueckgestellt, entfallen",
			"konzept.yaml:30:21: fehler: `kosten` muss mindestens 0 sein, nicht -1",
			"konzept.yaml:33:1: fehler: unbekannter Schlüssel `bemerkung`",
		},
	},
}

// goTypeNames matches what must never reach a user: Go types, fmt's
// complaints about arguments, pointers.
var goTypeNames = regexp.MustCompile(`\[\](string|int|float64|schema)|\*?schema\.|map\[|%!|<nil>|\bstruct ?\{|0xc[0-9a-f]{6,}|reflect\.`)

func TestValidation(t *testing.T) {
	for _, tt := range validationTests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, tt.files, "de")
			compare(t, got, tt.want)
			_, en := load(t, tt.files, "en")
			for _, l := range append(got, en...) {
				if goTypeNames.MatchString(l) {
					t.Errorf("message shows Go internals: %s", l)
				}
			}
		})
	}
}

func TestMeldungenEnglisch(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "unknown key",
			files: nur(ersetze("        massnahmen:\n", "        massnahme:\n")),
			want:  []string{"konzept.yaml:22:9: error: unknown key `massnahme` – did you mean `massnahmen`?"},
		},
		{
			name:  "wrong type",
			files: nur(plus("            kosten: zwölf\n")),
			want:  []string{"konzept.yaml:29:21: error: `kosten` expects a number, not “zwölf”"},
		},
		{
			name:  "required",
			files: nur(ersetze("            federfuehrung: kmt\n", "")),
			want:  []string{"konzept.yaml:23:13: error: required key `federfuehrung` is missing"},
		},
		{
			name:  "enum",
			files: nur(plus("            status: in umsetzung\n")),
			want:  []string{"konzept.yaml:29:21: error: invalid value “in umsetzung” for `status` – allowed: geplant, in-umsetzung, umgesetzt, dauerhaft, zurueckgestellt, entfallen – did you mean „in-umsetzung“?"},
		},
		{
			name:  "end before beginning",
			files: nur(ersetze("beginn: 2025-01\n            ende: 2026-12", "beginn: 2025-04\n            ende: 2025-Q1")),
			want:  []string{"konzept.yaml:28:19: error: `ende` (2025-Q1) is before `beginn` (2025-04)"},
		},
		{
			name:  "duplicate across files",
			files: mitQuelle("handlungsfelder/bildung.yaml", ersetzeIn(fragment, "SP-2.1", "SP-1.1")),
			want:  []string{"handlungsfelder/bildung.yaml:7:17: error: measure number `SP-1.1` is already defined at konzept.yaml:23:17"},
		},
		{
			name:  "unknown actor",
			files: nur(ersetze("federfuehrung: kmt", "federfuehrung: vhs-nord")),
			want:  []string{"konzept.yaml:25:28: error: unknown actor `vhs-nord` in `federfuehrung` – did you mean `vhs-nordkreis`?"},
		},
		{
			name:  "warning",
			files: nur(plus("            kosten: 12.000\n")),
			want:  []string{"konzept.yaml:29:21: warning: `kosten: 12.000` is read as a decimal number; for thousands write `12000`"},
		},
		{
			name:  "syntax error keeps the parser's words",
			files: nur(ersetze("  stand: 2025-09-01", "\tstand: 2025-09-01")),
			want:  []string{"konzept.yaml:5: error: YAML syntax error: found a tab character that violates indentation"},
		},
		{
			name:  "empty file",
			files: nur(""),
			want:  []string{"konzept.yaml: error: the file is empty"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, tt.files, "en")
			compare(t, got, tt.want)
		})
	}
}

func TestProblemeSindFehler(t *testing.T) {
	_, ps, err := assemble.Load(mapFS(nur(plus("            kosten: 12.000\n            status: offen\n"))))
	if err != nil {
		t.Fatal(err)
	}
	if got := ps.Count(schema.Warning); got != 1 {
		t.Errorf("warnings = %d, want 1", got)
	}
	err = ps.Err(false)
	if !errors.Is(err, schema.ErrInvalid) {
		t.Fatalf("Err(false) = %v, want an error wrapping ErrInvalid", err)
	}
	want := "konzept.yaml:29:21: warnung: `kosten: 12.000` wird als Dezimalzahl gelesen; für Tausender schreiben Sie `12000`\n" +
		"konzept.yaml:30:21: fehler: ungültiger Wert „offen“ für `status` – erlaubt: geplant, in-umsetzung, umgesetzt, dauerhaft, zurueckgestellt, entfallen"
	if err.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", err, want)
	}

	_, ps, _ = assemble.Load(mapFS(nur(plus("            kosten: 12.000\n"))))
	if ps.Err(false) != nil {
		t.Errorf("a warning alone fails the run without --strict")
	}
	if ps.Err(true) == nil {
		t.Errorf("a warning does not fail the run with --strict")
	}
}
