package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/landkreis/konzept/assemble"
	"github.com/landkreis/konzept/schema"
)

// The Beschlussvorlage as an OParl 1.1 object (SPEC 6, `konzept export
// --format oparl`), for a council information system (Ratsinformationssystem,
// RIS): one oparl:Paper with its Beratungsfolge embedded as
// oparl:Consultation objects and the PDF of the Vorlage as its mainFile
// (oparl:File). See https://oparl.org/spezifikation/ and the JSON schemas
// of OParl 1.1 (https://schema.oparl.org/1.1/).
//
// OParl ids are the URLs under which a server publishes the objects. konzept
// has no server: every id is built from one base URL, the URL of the county
// (oparl:Body) in the RIS, so that the same concept and base give the same ids:
//
//	Paper         <basis>/paper/<vorlage>
//	Consultation  <basis>/paper/<vorlage>/consultation/<n>   (n: 1, 2, … in the Beratungsfolge)
//	File          <basis>/paper/<vorlage>/file/1
//	accessUrl     <basis>/paper/<vorlage>/file/1/<fileName>
//	Meeting       <basis>/meeting/<gremium>-<datum>
//	Organization  <basis>/organization/<gremium>
//
// with <vorlage> the Vorlagen-Nr. path-escaped ("2025%2F0123") and <gremium>
// the name of the committee in lower case, umlauts spelled out, other
// characters as hyphens ("ausschuss-fuer-soziales-und-integration").

// The OParl 1.1 type URLs of the objects written.
const (
	OParlPaper        = "https://schema.oparl.org/1.1/Paper"
	OParlConsultation = "https://schema.oparl.org/1.1/Consultation"
	OParlFile         = "https://schema.oparl.org/1.1/File"
)

// ErrKeinBeschluss means the concept has no `beschluss`, so no Beschlussvorlage.
var ErrKeinBeschluss = errors.New("das Konzept hat keinen Abschnitt „beschluss“, also keine Beschlussvorlage")

// OParlOptions control the OParl export.
type OParlOptions struct {
	// Basis is the URL of the county (oparl:Body) in the council information
	// system; the ids of all objects are built from it (see ParseOParlBasis).
	Basis string
	// Zeitstempel is written as `created` and `modified` of every object. If
	// zero, the concept's `stand` (midnight UTC) is used.
	Zeitstempel time.Time
}

// ParseOParlBasis checks that s is an absolute http or https URL without
// query or fragment and returns it without trailing slash.
func ParseOParlBasis(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	switch {
	case err != nil, u.Scheme != "http" && u.Scheme != "https", u.Host == "":
		return "", fmt.Errorf("„%s“ ist keine http- oder https-Adresse wie https://ris.example.org/oparl/v1.1/body/1", s)
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return "", fmt.Errorf("„%s“: die Adresse darf kein ? und kein # enthalten", s)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// The OParl objects, with the properties konzept can fill. Property names,
// types and formats are those of the OParl 1.1 schema: ids and references
// are URLs, `date` is a day (YYYY-MM-DD), `created` and `modified` are
// date-times (RFC 3339).
type (
	oparlPaper struct {
		ID           string              `json:"id"`
		Type         string              `json:"type"`
		Body         string              `json:"body"`
		Name         string              `json:"name"`
		Reference    string              `json:"reference"`
		Date         string              `json:"date"`
		PaperType    string              `json:"paperType"`
		MainFile     oparlFile           `json:"mainFile"`
		Consultation []oparlConsultation `json:"consultation"`
		Created      string              `json:"created"`
		Modified     string              `json:"modified"`
	}
	oparlConsultation struct {
		ID            string   `json:"id"`
		Type          string   `json:"type"`
		Paper         string   `json:"paper"`
		Meeting       string   `json:"meeting"`
		Organization  []string `json:"organization"`
		Authoritative bool     `json:"authoritative"`
		Role          string   `json:"role"`
		Created       string   `json:"created"`
		Modified      string   `json:"modified"`
	}
	oparlFile struct {
		ID        string `json:"id"`
		Type      string `json:"type"`
		Name      string `json:"name"`
		FileName  string `json:"fileName"`
		MimeType  string `json:"mimeType"`
		Date      string `json:"date"`
		AccessURL string `json:"accessUrl"`
		Created   string `json:"created"`
		Modified  string `json:"modified"`
	}
)

// OParlDateiname is the file name the Paper gives the PDF of the Vorlage of
// k: "beschlussvorlage-2025-0123.pdf". `konzept build --vorlage` can write it
// under this name for the upload.
func OParlDateiname(k *assemble.Konzept) string {
	if k.Beschluss == nil {
		return ""
	}
	return "beschlussvorlage-" + slug(k.Beschluss.Vorlage) + ".pdf"
}

// OParlVorlage writes the Beschlussvorlage of k as one OParl 1.1 Paper,
// indented by two spaces. Every consultation of the Beratungsfolge becomes a
// Consultation: the committee its organization, the meeting of that
// committee on that day its meeting, the Zuständigkeit its role; it is
// authoritative when the Zuständigkeit is a decision (Entscheidung,
// Beschluss…). It returns ErrKeinBeschluss if k has no `beschluss`. k must
// have been loaded without errors.
func OParlVorlage(w io.Writer, k *assemble.Konzept, opts OParlOptions) error {
	b := k.Beschluss
	if b == nil {
		return ErrKeinBeschluss
	}
	basis, err := ParseOParlBasis(opts.Basis)
	if err != nil {
		return err
	}
	m := k.Konzept.Konzept
	zeit := opts.Zeitstempel
	if zeit.IsZero() {
		zeit = m.Stand.Time
	}
	stamp := zeit.UTC().Format(time.RFC3339)
	paper := basis + "/paper/" + url.PathEscape(b.Vorlage)
	file := paper + "/file/1"
	name := OParlDateiname(k)
	p := oparlPaper{
		ID: paper, Type: OParlPaper, Body: basis,
		Name: b.Betreff, Reference: b.Vorlage, Date: m.Stand.String(), PaperType: "Beschlussvorlage",
		MainFile: oparlFile{
			ID: file, Type: OParlFile,
			Name: "Beschlussvorlage " + b.Vorlage, FileName: name, MimeType: "application/pdf",
			Date: m.Stand.String(), AccessURL: file + "/" + url.PathEscape(name),
			Created: stamp, Modified: stamp,
		},
		Consultation: []oparlConsultation{},
		Created:      stamp, Modified: stamp,
	}
	for i, r := range b.Beratungsfolge {
		org := basis + "/organization/" + slug(r.Gremium)
		p.Consultation = append(p.Consultation, oparlConsultation{
			ID: paper + "/consultation/" + strconv.Itoa(i+1), Type: OParlConsultation,
			Paper:         paper,
			Meeting:       basis + "/meeting/" + slug(r.Gremium) + "-" + r.Datum.String(),
			Organization:  []string{org},
			Authoritative: entscheidet(r),
			Role:          strings.TrimSpace(r.Zustaendigkeit),
			Created:       stamp, Modified: stamp,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(p)
}

// entscheidet reports whether the committee decides in this consultation
// (OParl: authoritative): its Zuständigkeit is Entscheidung, Beschluss or
// Beschlussfassung, not Vorberatung, Anhörung or Kenntnisnahme.
func entscheidet(r schema.Beratung) bool {
	z := strings.ToLower(strings.TrimSpace(r.Zustaendigkeit))
	return strings.HasPrefix(z, "entscheid") || strings.HasPrefix(z, "beschluss")
}

var slugFold = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// slug turns a name into a path segment: lower case, umlauts spelled out,
// every run of characters other than letters and digits one hyphen, and
// letters beyond ASCII escaped ("kreistag", "2025-0123").
func slug(s string) string {
	s = slugFold.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "x"
	}
	return url.PathEscape(b.String())
}
