package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The properties of the OParl 1.1 objects this export writes, with their JSON
// types and formats: those the OParl 1.1 schema requires (id, type; for File
// also accessUrl), `created` and `modified` (required of every object since
// OParl 1.1), and those a council information system needs to file the
// Vorlage: body, name, reference, date, paperType, mainFile, consultation;
// for a consultation paper, meeting, organization, authoritative, role.
var oparlEigenschaften = map[string]map[string]string{
	"Paper": {
		"id": "url", "type": "string", "body": "url", "name": "string", "reference": "string",
		"date": "date", "paperType": "string", "mainFile": "object", "consultation": "array",
		"created": "date-time", "modified": "date-time",
	},
	"Consultation": {
		"id": "url", "type": "string", "paper": "url", "meeting": "url", "organization": "url-array",
		"authoritative": "boolean", "role": "string", "created": "date-time", "modified": "date-time",
	},
	"File": {
		"id": "url", "type": "string", "name": "string", "fileName": "string", "mimeType": "string",
		"date": "date", "accessUrl": "url", "created": "date-time", "modified": "date-time",
	},
}

// checkOParl checks that obj has every property of its type in
// oparlEigenschaften, of the right JSON type and format.
func checkOParl(t *testing.T, typ string, obj map[string]any) {
	t.Helper()
	if got, want := obj["type"], "https://schema.oparl.org/1.1/"+typ; got != want {
		t.Errorf("%s: type = %v, want %s", typ, got, want)
	}
	isURL := func(v any) bool {
		s, ok := v.(string)
		u, err := url.Parse(s)
		return ok && err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
	}
	for key, kind := range oparlEigenschaften[typ] {
		v, ok := obj[key]
		if !ok {
			t.Errorf("%s has no %q", typ, key)
			continue
		}
		okType := false
		switch kind {
		case "string":
			s, isStr := v.(string)
			okType = isStr && s != ""
		case "url":
			okType = isURL(v)
		case "url-array":
			a, isArr := v.([]any)
			okType = isArr && len(a) > 0
			for _, e := range a {
				okType = okType && isURL(e)
			}
		case "date":
			s, _ := v.(string)
			_, err := time.Parse(time.DateOnly, s)
			okType = err == nil
		case "date-time":
			s, _ := v.(string)
			_, err := time.Parse(time.RFC3339, s)
			okType = err == nil
		case "boolean":
			_, okType = v.(bool)
		case "object":
			_, okType = v.(map[string]any)
		case "array":
			_, okType = v.([]any)
		}
		if !okType {
			t.Errorf("%s.%s = %#v, want %s", typ, key, v, kind)
		}
	}
}

func TestOParlVorlage(t *testing.T) {
	k := loadKonzept(t, nil)
	const basis = "https://ris.musterland.example/oparl/v1.1/body/1/"
	var buf bytes.Buffer
	if err := OParlVorlage(&buf, k, OParlOptions{Basis: basis}); err != nil {
		t.Fatal(err)
	}
	var paper map[string]any
	if err := json.Unmarshal(buf.Bytes(), &paper); err != nil {
		t.Fatal(err)
	}
	checkOParl(t, "Paper", paper)
	checkOParl(t, "File", paper["mainFile"].(map[string]any))
	b := k.Beschluss
	for key, want := range map[string]string{
		"id":        "https://ris.musterland.example/oparl/v1.1/body/1/paper/2025%2F0123",
		"body":      "https://ris.musterland.example/oparl/v1.1/body/1",
		"name":      b.Betreff,
		"reference": b.Vorlage,
		"date":      "2025-09-01",
		"paperType": "Beschlussvorlage",
		"created":   "2025-09-01T00:00:00Z",
	} {
		if paper[key] != want {
			t.Errorf("Paper.%s = %v, want %s", key, paper[key], want)
		}
	}
	if got := paper["mainFile"].(map[string]any)["fileName"]; got != "beschlussvorlage-2025-0123.pdf" {
		t.Errorf("mainFile.fileName = %v", got)
	}
	cs := paper["consultation"].([]any)
	if len(cs) != len(b.Beratungsfolge) {
		t.Fatalf("%d consultations, want %d", len(cs), len(b.Beratungsfolge))
	}
	ids := map[string]bool{}
	for i, c := range cs {
		c := c.(map[string]any)
		checkOParl(t, "Consultation", c)
		if c["paper"] != paper["id"] {
			t.Errorf("consultation %d: paper = %v, want the Paper", i, c["paper"])
		}
		r := b.Beratungsfolge[i]
		if c["role"] != r.Zustaendigkeit {
			t.Errorf("consultation %d: role = %v, want %s", i, c["role"], r.Zustaendigkeit)
		}
		if want := r.Zustaendigkeit == "Entscheidung"; c["authoritative"] != want {
			t.Errorf("consultation %d (%s): authoritative = %v", i, r.Zustaendigkeit, c["authoritative"])
		}
		if !strings.HasSuffix(c["meeting"].(string), "-"+r.Datum.String()) {
			t.Errorf("consultation %d: meeting %v does not name the day %s", i, c["meeting"], r.Datum)
		}
		ids[c["id"].(string)] = true
	}
	if len(ids) != len(cs) {
		t.Errorf("consultation ids are not unique: %v", ids)
	}
	// The same inputs give the same bytes.
	var again bytes.Buffer
	if err := OParlVorlage(&again, k, OParlOptions{Basis: basis}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two runs give different JSON")
	}
	// Zeitstempel (SOURCE_DATE_EPOCH) overrides `stand` for created and modified only.
	var stamped bytes.Buffer
	if err := OParlVorlage(&stamped, k, OParlOptions{Basis: basis, Zeitstempel: time.Date(2025, 9, 2, 10, 30, 0, 0, time.FixedZone("MESZ", 7200))}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stamped.String(), `"modified": "2025-09-02T08:30:00Z"`) || !strings.Contains(stamped.String(), `"date": "2025-09-01"`) {
		t.Errorf("Zeitstempel not applied as it should:\n%s", stamped.String())
	}
}

func TestOParlVorlageFehler(t *testing.T) {
	k := loadKonzept(t, fstest.MapFS{"konzept.yaml": {Data: []byte(exportKonzept)}})
	if err := OParlVorlage(&bytes.Buffer{}, k, OParlOptions{Basis: "https://ris.example.org"}); !errors.Is(err, ErrKeinBeschluss) {
		t.Errorf("without beschluss: %v, want ErrKeinBeschluss", err)
	}
	for _, tc := range []struct{ in, want string }{
		{"https://ris.example.org/oparl/body/1/", "https://ris.example.org/oparl/body/1"},
		{"http://localhost:8080/body", "http://localhost:8080/body"},
		{"ris.example.org", ""},
		{"ftp://ris.example.org", ""},
		{"https://ris.example.org/body?id=1", ""},
		{"https://ris.example.org/body#x", ""},
		{"", ""},
	} {
		got, err := ParseOParlBasis(tc.in)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("ParseOParlBasis(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kreistag", "kreistag"},
		{"Ausschuss für Soziales, Gesundheit und Integration", "ausschuss-fuer-soziales-gesundheit-und-integration"},
		{"2025/0123", "2025-0123"},
		{"  Straßen-Ausschuss  ", "strassen-ausschuss"},
		{"Рада", "%D1%80%D0%B0%D0%B4%D0%B0"},
		{"---", "x"},
	} {
		if got := slug(tc.in); got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
