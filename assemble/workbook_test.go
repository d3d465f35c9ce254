package assemble

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/landkreis/konzept/schema"
	"github.com/landkreis/konzept/sources"
)

const wbKonzept = `konzept: {titel: T, traeger: Landkreis L, fassung: F, stand: 2025-09-01}
leitbild: {grundsaetze: [{titel: Teilhabe}]}
querschnittsthemen: [{id: gleich, titel: Geschlechtergleichstellung}]
akteure:
  - {id: kmt, name: Koordinierungsstelle Migration, kurz: KMT, art: verwaltung}
  - {id: jc, name: Jobcenter, art: verwaltung}
handlungsfelder:
  - id: arbeit
    titel: Ausbildung und Arbeit
    ziele:
      - id: AR-1
        titel: Ziel eins
        massnahmen:
          - {id: AR-1.1, titel: M, federfuehrung: kmt}
  - {id: sprache, titel: Sprache}
`

// cell returns the position of a cell of the sheet Maßnahmen.
func cell(c string) schema.Pos {
	return schema.Pos{File: "workshops/a.xlsx", Sheet: "Maßnahmen", Cell: c}
}

// row builds a measure row; cells maps keys to values, each in its own column.
func row(r int, feld, ziel string, m schema.Massnahme) sources.MassnahmeZeile {
	row := sources.MassnahmeZeile{Handlungsfeld: feld, ZielNr: ziel, Massnahme: m}
	n := strings.TrimSpace(string(rune('0' + r)))
	for i, key := range []string{"handlungsfeld", "ziel", "id", "titel", "federfuehrung", "partner", "partner[0]", "partner[1]", "querschnitt", "querschnitt[0]"} {
		row.SetField(key, cell(string(rune('A'+i))+n))
	}
	row.Pos = cell("A" + n)
	return row
}

func TestMergeWorkbooks(t *testing.T) {
	tests := []struct {
		name  string
		ziele []sources.ZielZeile
		rows  []sources.MassnahmeZeile
		want  []string // problems
		check func(t *testing.T, k *Konzept)
	}{
		{
			name: "names resolved to ids",
			rows: []sources.MassnahmeZeile{row(2, "Ausbildung und Arbeit", "AR-1", schema.Massnahme{
				ID: "AR-1.2", Titel: "Jobmesse", Federfuehrung: "koordinierungsstelle migration",
				Partner: []string{"KMT", "jobcenter"}, Querschnitt: []string{"Geschlechtergleichstellung"}})},
			check: func(t *testing.T, k *Konzept) {
				ms := k.Handlungsfelder[0].Ziele[0].Massnahmen
				if len(ms) != 2 {
					t.Fatalf("goal AR-1 has %d measures, want 2", len(ms))
				}
				m := ms[1]
				if m.Federfuehrung != "kmt" || strings.Join(m.Partner, ",") != "kmt,jc" || strings.Join(m.Querschnitt, ",") != "gleich" {
					t.Errorf("got federfuehrung %q, partner %q, querschnitt %q", m.Federfuehrung, m.Partner, m.Querschnitt)
				}
				if q := k.Quellen[len(k.Quellen)-1]; q.Datei != "workshops/a.xlsx" || strings.Join(q.Massnahmen, ",") != "AR-1.2" {
					t.Errorf("provenance %+v", q)
				}
			},
		},
		{
			name:  "goal from the sheet Ziele, field by id",
			ziele: []sources.ZielZeile{{Handlungsfeld: "sprache", Ziel: schema.Ziel{ID: "SP-9", Titel: "Neu"}}},
			rows:  []sources.MassnahmeZeile{row(2, "", "SP-9", schema.Massnahme{ID: "SP-9.1", Titel: "M", Federfuehrung: "jc"})},
			check: func(t *testing.T, k *Konzept) {
				z := k.Handlungsfelder[1].Ziele
				if len(z) != 1 || z[0].ID != "SP-9" || len(z[0].Massnahmen) != 1 {
					t.Errorf("field sprache has goals %+v", z)
				}
			},
		},
		{
			name: "unknown names at their cells, with hints",
			rows: []sources.MassnahmeZeile{row(3, "Ausbildung", "AR-1", schema.Massnahme{
				ID: "AR-1.3", Titel: "M", Federfuehrung: "Jobcentre", Partner: []string{"kmt", "Jobcenterr"}, Querschnitt: []string{"Gleichstellung"}})},
			want: []string{
				"workshops/a.xlsx!Maßnahmen!A3: fehler: unbekanntes Handlungsfeld „Ausbildung“: erwartet die ID oder den genauen Titel",
				"workshops/a.xlsx!Maßnahmen!E3: fehler: unbekannter Akteur „Jobcentre“ – meinten Sie „Jobcenter“?",
				"workshops/a.xlsx!Maßnahmen!H3: fehler: unbekannter Akteur „Jobcenterr“ – meinten Sie „Jobcenter“?",
				"workshops/a.xlsx!Maßnahmen!J3: fehler: unbekanntes Querschnittsthema „Gleichstellung“",
			},
		},
		{
			name: "goal missing, unknown or in another field",
			rows: []sources.MassnahmeZeile{
				row(2, "", "", schema.Massnahme{ID: "X-1", Titel: "M", Federfuehrung: "kmt"}),
				row(3, "", "AR-2", schema.Massnahme{ID: "X-2", Titel: "M", Federfuehrung: "kmt"}),
				row(4, "sprache", "AR-1", schema.Massnahme{ID: "X-3", Titel: "M", Federfuehrung: "kmt"}),
			},
			want: []string{
				"workshops/a.xlsx!Maßnahmen!B2: fehler: Ziel-Nr fehlt: jede Maßnahme gehört zu einem Ziel",
				"workshops/a.xlsx!Maßnahmen!B3: fehler: unbekannte Ziel-Nr „AR-2“: das Ziel muss in YAML oder im Blatt Ziele stehen – meinten Sie „AR-1“?",
				"workshops/a.xlsx!Maßnahmen!A4: fehler: Ziel `AR-1` gehört zum Handlungsfeld „Ausbildung und Arbeit“, nicht zu „sprache“",
			},
		},
		{
			name: "measure number already in YAML",
			rows: []sources.MassnahmeZeile{row(5, "", "AR-1", schema.Massnahme{ID: "AR-1.1", Titel: "M", Federfuehrung: "kmt"})},
			want: []string{"workshops/a.xlsx!Maßnahmen!C5: fehler: Maßnahme-Nr `AR-1.1` ist bereits in konzept.yaml:14:18 vergeben"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, ps, err := sources.Read(fstest.MapFS{"konzept.yaml": {Data: []byte(wbKonzept)}})
			if err != nil || len(ps) > 0 {
				t.Fatalf("base concept: %v %v", err, ps)
			}
			for i := range tt.ziele {
				tt.ziele[i].Ziel.Pos = schema.Pos{File: "workshops/a.xlsx", Sheet: "Ziele", Cell: "A2"}
			}
			src.Workbooks = []*sources.Workbook{{File: "workshops/a.xlsx", Ziele: tt.ziele, Massnahmen: tt.rows}}
			k, ps := Merge(src)
			ps.Add(Resolve(k)...)
			ps.Sort()
			var got []string
			for _, p := range ps {
				got = append(got, p.Format("de"))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.check != nil {
				tt.check(t, k)
			}
		})
	}
}
