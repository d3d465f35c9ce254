package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
)

// update rewrites the golden files of the exports in testdata/export.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/export")

// goldenExport compares got with testdata/export/name, or rewrites it with -update.
func goldenExport(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", "export", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test ./output -run %s -update creates it)", err, t.Name())
	}
	norm := func(b []byte) string { return strings.ReplaceAll(string(b), "\r\n", "\n") }
	if !bytes.Equal(got, want) {
		if norm(got) == norm(want) {
			t.Errorf("%s: line endings differ", file)
			return
		}
		t.Errorf("%s differs (go test ./output -run %s -update rewrites it):\ngot:\n%s\nwant:\n%s", file, t.Name(), got, want)
	}
}

// exportKonzept is a small concept for the golden files: every attribute, a
// measure from a workbook-like place, names that need care.
const exportKonzept = `konzept: {titel: Integrationskonzept, traeger: Landkreis L, fassung: Fortschreibung 2025, stand: 2025-09-01}
leitbild: {grundsaetze: [{titel: Teilhabe}]}
querschnittsthemen:
  - {id: gleich, titel: Geschlechtergleichstellung}
  - {id: vielfalt, titel: "Vielfalt, Teilhabe"}
akteure:
  - {id: kmt, name: Koordinierungsstelle Migration, kurz: KMT, art: verwaltung}
  - {id: jc, name: "Jobcenter Nord, Süd", art: extern}
  - {id: vhs, name: Volkshochschule, kurz: KMT, art: bildung}
handlungsfelder:
  - id: sprache
    titel: Sprache
    ziele:
      - id: SP-1
        titel: Kurse sind erreichbar.
        indikatoren: [Kursplätze, Wartezeit]
        massnahmen:
          - id: SP-1.1
            titel: "=HYPERLINK(\"http://example.org\")"
            beschreibung: |
              - erstens
              - zweitens
            federfuehrung: kmt
            partner: [jc, vhs]
            beginn: 2025-Q3
            ende: fortlaufend
            status: in-umsetzung
            prioritaet: hoch
            finanzierung: "+Landesmittel"
            kosten: 12000.5
            querschnitt: [gleich, vielfalt]
            indikator: "@Anzahl"
          - {id: SP-1.2, titel: Kinderbetreuung, federfuehrung: vhs, beginn: 2026-03-01, ende: 2026}
`

func exportFS() fstest.MapFS {
	return fstest.MapFS{"konzept.yaml": {Data: []byte(exportKonzept)}}
}

func TestMassnahmenCSVGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := MassnahmenCSV(&buf, loadKonzept(t, exportFS())); err != nil {
		t.Fatal(err)
	}
	goldenExport(t, "massnahmen.csv", buf.Bytes())
}

func TestMassnahmenJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := MassnahmenJSON(&buf, loadKonzept(t, exportFS())); err != nil {
		t.Fatal(err)
	}
	goldenExport(t, "massnahmen.json", buf.Bytes())
}

// TestMassnahmenCSV checks the form of the CSV of the example: BOM, header,
// semicolons, CRLF, one record per measure, Excel-safe texts.
func TestMassnahmenCSV(t *testing.T) {
	k := loadKonzept(t, nil)
	var buf bytes.Buffer
	if err := MassnahmenCSV(&buf, k); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte("\ufeffHandlungsfeld-ID;Handlungsfeld;Ziel-Nr;")) {
		t.Fatalf("CSV starts with %q, want the BOM and the header", data[:min(len(data), 40)])
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Error("the last record does not end with CRLF")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v", err)
	}
	if !slices.Equal(recs[0], csvSpalten) {
		t.Errorf("header = %q", recs[0])
	}
	var ids []string
	for _, hf := range k.Handlungsfelder {
		for _, z := range hf.Ziele {
			for _, m := range z.Massnahmen {
				ids = append(ids, m.ID)
			}
		}
	}
	if len(recs)-1 != len(ids) {
		t.Fatalf("%d records, want one per measure (%d)", len(recs)-1, len(ids))
	}
	for i, rec := range recs[1:] {
		if rec[4] != ids[i] {
			t.Errorf("record %d is %s, want %s", i+1, rec[4], ids[i])
		}
		if rec[len(rec)-1] == "" {
			t.Errorf("%s has no Quelle", rec[4])
		}
		for _, v := range rec {
			if v != neutralisiere(v) && !strings.HasPrefix(v, "'") {
				t.Errorf("%s: %q is not neutralised", rec[4], v)
			}
		}
	}
}

func TestMassnahmenJSON(t *testing.T) {
	k := loadKonzept(t, nil)
	var a, b bytes.Buffer
	if err := MassnahmenJSON(&a, k); err != nil {
		t.Fatal(err)
	}
	if err := MassnahmenJSON(&b, k); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs give different JSON")
	}
	var got struct {
		Format     string           `json:"format"`
		Version    int              `json:"version"`
		Massnahmen []map[string]any `json:"massnahmen"`
	}
	if err := json.Unmarshal(a.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Format != "konzept-massnahmen" || got.Version != 1 {
		t.Errorf("format %q version %d", got.Format, got.Version)
	}
	keys := []string{"handlungsfeld", "ziel", "id", "titel", "beschreibung", "federfuehrung", "partner", "beginn", "beginn_datum",
		"ende", "ende_datum", "status", "prioritaet", "finanzierung", "kosten", "querschnitt", "indikator", "quelle"}
	for _, m := range got.Massnahmen {
		for _, key := range keys {
			if _, ok := m[key]; !ok {
				t.Errorf("%v has no %q", m["id"], key)
			}
		}
		if q := m["quelle"].(map[string]any); q["datei"] == "" {
			t.Errorf("%v has no source file", m["id"])
		}
	}
	// A measure from the workshop workbook names its cell.
	found := false
	for _, m := range got.Massnahmen {
		if q := m["quelle"].(map[string]any); q["blatt"] == "Maßnahmen" && q["zelle"] != "" {
			found = true
		}
	}
	if !found {
		t.Error("no measure names a workbook cell as its source")
	}
}

// skelett returns konzept.yaml for a concept with the metadata, actors,
// themes and fields of k but no goals or measures, and the exported workbook
// as its only other source.
func skelett(t *testing.T, k *assemble.Konzept, workbook string) []byte {
	t.Helper()
	m := k.Konzept.Konzept
	type feld struct {
		ID    string `yaml:"id"`
		Titel string `yaml:"titel"`
	}
	var felder []feld
	for _, f := range k.Handlungsfelder {
		felder = append(felder, feld{f.ID, f.Titel})
	}
	doc := map[string]any{
		"konzept":            map[string]string{"titel": m.Titel, "traeger": m.Traeger, "fassung": m.Fassung, "stand": m.Stand.String()},
		"leitbild":           map[string]any{"grundsaetze": []map[string]string{{"titel": "Teilhabe"}}},
		"akteure":            k.Konzept.Akteure,
		"querschnittsthemen": k.Querschnittsthemen,
		"handlungsfelder":    felder,
		"quellen":            []string{workbook},
	}
	out, err := yaml.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMassnahmenXLSXRoundTrip exports the example, reads the workbook back as
// the only source of goals and measures of a concept with the same fields and
// actors, and compares every goal and measure with the original.
func TestMassnahmenXLSXRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS // nil: the example
	}{
		{"beispiel", nil},
		{"names that need care", exportFS()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orig := loadKonzept(t, tc.fsys)
			var buf bytes.Buffer
			if err := MassnahmenXLSX(&buf, orig); err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{
				"konzept.yaml":           {Data: skelett(t, orig, "export/massnahmen.xlsx")},
				"export/massnahmen.xlsx": {Data: buf.Bytes()},
			}
			back, ps, err := assemble.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			if tc.fsys == nil && len(ps) > 0 {
				// The example has no text a spreadsheet would take for a formula.
				t.Fatalf("the exported workbook reads back with problems:\n%v", ps)
			}
			if ps.Count(schema.Error) > 0 {
				t.Fatalf("the exported workbook reads back with errors:\n%v", ps)
			}
			compareKonzepte(t, orig, back)
		})
	}
}

// compareKonzepte compares the goals and measures of want and got, field by
// field. Texts are compared trimmed (a cell holds no trailing line break); a
// text that starts with =, +, - or @ is written with a quote in front, which
// the workbook reader drops again.
func compareKonzepte(t *testing.T, want, got *assemble.Konzept) {
	t.Helper()
	text := strings.TrimSpace
	texts := func(ss []string) []string {
		var out []string
		for _, s := range ss {
			out = append(out, text(s))
		}
		return out
	}
	if len(got.Handlungsfelder) != len(want.Handlungsfelder) {
		t.Fatalf("%d fields, want %d", len(got.Handlungsfelder), len(want.Handlungsfelder))
	}
	n := 0
	for i, wf := range want.Handlungsfelder {
		gf := got.Handlungsfelder[i]
		if len(gf.Ziele) != len(wf.Ziele) {
			t.Errorf("%s: %d goals, want %d", wf.ID, len(gf.Ziele), len(wf.Ziele))
			continue
		}
		for j, wz := range wf.Ziele {
			gz := gf.Ziele[j]
			if gz.ID != wz.ID || gz.Titel != text(wz.Titel) || gz.Beschreibung != text(wz.Beschreibung) || !slices.Equal(gz.Indikatoren, texts(wz.Indikatoren)) {
				t.Errorf("goal %s:\n got %q %q %q %q\nwant %q %q %q %q", wz.ID, gz.ID, gz.Titel, gz.Beschreibung, gz.Indikatoren,
					wz.ID, text(wz.Titel), text(wz.Beschreibung), texts(wz.Indikatoren))
			}
			if len(gz.Massnahmen) != len(wz.Massnahmen) {
				t.Errorf("%s: %d measures, want %d", wz.ID, len(gz.Massnahmen), len(wz.Massnahmen))
				continue
			}
			for l, wm := range wz.Massnahmen {
				gm := gz.Massnahmen[l]
				n++
				w := wm
				w.Origin = gm.Origin
				w.Titel, w.Beschreibung, w.Finanzierung, w.Indikator = text(w.Titel), text(w.Beschreibung), text(w.Finanzierung), text(w.Indikator)
				if !reflect.DeepEqual(gm, w) {
					t.Errorf("measure %s:\n got %+v\nwant %+v", wm.ID, gm, w)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no measures compared")
	}
}

func TestMassnahmenXLSXSameBytes(t *testing.T) {
	k := loadKonzept(t, nil)
	var a, b bytes.Buffer
	if err := MassnahmenXLSX(&a, k); err != nil {
		t.Fatal(err)
	}
	if err := MassnahmenXLSX(&b, k); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs give different workbooks")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"Maßnahmen", "Ziele", "Quellen"}; !slices.Equal(got, want) {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2025-09-01T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("document dates %q, %q, want `stand`", props.Created, props.Modified)
	}
}

func TestNeutralisiere(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Sprachkurs", "Sprachkurs"},
		{"AR-1.2", "AR-1.2"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+49 1234", "'+49 1234"},
		{"-Sprachkurs", "'-Sprachkurs"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{" =1", " =1"}, // not at the start: the writers trim first
		{"'=1", "'=1"},
	} {
		if got := neutralisiere(tc.in); got != tc.want {
			t.Errorf("neutralisiere(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// injektionen are measure titles a spreadsheet would evaluate, and what
// the CSV and the workbook must hold instead.
var injektionen = []struct {
	name, titel, want string
}{
	{"equals", `=HYPERLINK("http://example.org/?x="&A1,"Klick")`, `'=HYPERLINK("http://example.org/?x="&A1,"Klick")`},
	{"plus", "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
	{"minus", "-Sprachkurs", "'-Sprachkurs"},
	{"at", "@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"},
	{"dde", "=cmd|' /C notepad'!'A1'", "'=cmd|' /C notepad'!'A1'"},
	{"harmless", "Sprachkurs für Eltern", "Sprachkurs für Eltern"},
	{"id-like", "AR-1.2 fortsetzen", "AR-1.2 fortsetzen"},
	{"inner equals", "Kosten = 0", "Kosten = 0"},
}

// injektionKonzept is a concept with one measure titled titel that also
// carries the title as Finanzierung and Indikator, and costs.
func injektionKonzept(t *testing.T, titel string) *assemble.Konzept {
	t.Helper()
	q, err := json.Marshal(titel) // a YAML double-quoted string
	if err != nil {
		t.Fatal(err)
	}
	y := `konzept: {titel: T, traeger: Landkreis L, fassung: F, stand: 2025-09-01}
leitbild: {grundsaetze: [{titel: Teilhabe}]}
akteure: [{id: kmt, name: KMT, art: verwaltung}]
handlungsfelder:
  - id: sprache
    titel: Sprache
    ziele:
      - id: SP-1
        titel: Ziel
        massnahmen:
          - {id: SP-1.1, titel: ` + string(q) + `, federfuehrung: kmt, finanzierung: ` + string(q) + `, indikator: ` + string(q) + `, kosten: 1500}
`
	return loadKonzept(t, fstest.MapFS{"konzept.yaml": {Data: []byte(y)}})
}

func TestInjektionCSV(t *testing.T) {
	for _, tc := range injektionen {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := MassnahmenCSV(&buf, injektionKonzept(t, tc.titel)); err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff"))))
			r.Comma = ';'
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			rec := recs[1]
			for _, col := range []string{"Maßnahme", "Finanzierung", "Indikator"} {
				if got := rec[slices.Index(csvSpalten, col)]; got != tc.want {
					t.Errorf("%s = %q, want %q", col, got, tc.want)
				}
			}
			if got := rec[slices.Index(csvSpalten, "Kosten")]; got != "1500" {
				t.Errorf("Kosten = %q, want 1500", got)
			}
		})
	}
}

func TestInjektionXLSX(t *testing.T) {
	col := func(key string) string {
		i := slices.IndexFunc(schema.MassnahmeSpalten, func(s schema.Spalte) bool { return s.Key == key })
		c, _ := excelize.ColumnNumberToName(i + 1)
		return c
	}
	for _, tc := range injektionen {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := MassnahmenXLSX(&buf, injektionKonzept(t, tc.titel)); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for _, key := range []string{"titel", "finanzierung", "indikator"} {
				cell := col(key) + "2"
				if got, _ := f.GetCellValue(blattMassnahmen, cell); got != tc.want {
					t.Errorf("%s = %q, want %q", cell, got, tc.want)
				}
				if typ, _ := f.GetCellType(blattMassnahmen, cell); typ != excelize.CellTypeSharedString {
					t.Errorf("%s is of type %v, want a text cell", cell, typ)
				}
				if formula, _ := f.GetCellFormula(blattMassnahmen, cell); formula != "" {
					t.Errorf("%s has the formula %q", cell, formula)
				}
			}
			cell := col("kosten") + "2"
			if typ, _ := f.GetCellType(blattMassnahmen, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("Kosten %s is of type %v, want a number cell", cell, typ)
			}
			if got, _ := f.GetCellValue(blattMassnahmen, cell, excelize.Options{RawCellValue: true}); got != "1500" {
				t.Errorf("Kosten %s = %q, want 1500", cell, got)
			}
			// The Quellen sheet and the Ziele sheet go through the same writer.
			if got, _ := f.GetCellValue(blattQuellen, "A1"); got != "Art" {
				t.Errorf("Quellen!A1 = %q", got)
			}
		})
	}
}

// TestExportNamen checks that every name written reads back as its element:
// a name with a separator, a short name shared by two actors, a title with a
// comma fall back to something unambiguous.
func TestExportNamen(t *testing.T) {
	k := loadKonzept(t, exportFS())
	n := newExportNamen(k)
	for _, tc := range []struct {
		name, got, want string
	}{
		{"lead by name", n.federfuehrung("kmt"), "Koordinierungsstelle Migration"},
		{"lead name with comma", n.federfuehrung("jc"), "Jobcenter Nord, Süd"},
		{"partner by short name", n.partner("kmt"), "KMT"},
		{"partner name with comma", n.partner("jc"), "jc"},
		{"short name taken by another actor", n.partner("vhs"), "Volkshochschule"},
		{"theme by title", n.thema("gleich"), "Geschlechtergleichstellung"},
		{"theme title with comma", n.thema("vielfalt"), "vielfalt"},
		{"field by title", n.feld(0), "Sprache"},
		{"unknown id", n.partner("nix"), "nix"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
