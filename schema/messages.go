package schema

import (
	"fmt"
	"strings"
)

// Code identifies a kind of problem. Codes are stable: tools may match on them
// (they appear in `validate --format json`).
type Code string

// The problem codes. Each has a German and an English message in catalog.
const (
	CodeSyntax        Code = "yaml-syntax"
	CodeEmpty         Code = "empty-file"
	CodeEncoding      Code = "not-utf8"
	CodeTopLevel      Code = "not-a-mapping"
	CodeDuplicateKey  Code = "duplicate-key"
	CodeHashComment   Code = "value-is-comment"
	CodeUnknownKey    Code = "unknown-key"
	CodeType          Code = "wrong-type"
	CodeItemType      Code = "wrong-item-type"
	CodeRequired      Code = "required"
	CodeMinItems      Code = "min-items"
	CodeID            Code = "invalid-id"
	CodeNummer        Code = "invalid-number"
	CodeEnum          Code = "invalid-value"
	CodeDate          Code = "invalid-date"
	CodePeriod        Code = "invalid-period"
	CodeBeginnOpen    Code = "open-beginning"
	CodeEndeVorBeginn Code = "end-before-beginning"
	CodeColor         Code = "invalid-colour"
	CodeColorContrast Code = "low-contrast-colour"
	CodeEmail         Code = "invalid-email"
	CodeMin           Code = "too-small"
	CodeMax           Code = "too-large"
	CodeDateOrder     Code = "dates-not-ascending"
	CodeDuplicate     Code = "duplicate-id"
	CodeUnknownActor  Code = "unknown-actor"
	CodeUnknownTheme  Code = "unknown-theme"
	CodeUnknownField  Code = "unknown-field"
	CodeTitleMismatch Code = "title-mismatch"
	CodeFieldNoTitle  Code = "field-without-title"
	CodePathOutside   Code = "path-outside-folder"
	CodePathMissing   Code = "file-missing"
	CodeGlobEmpty     Code = "no-match"
	CodeSourceType    Code = "unknown-source-type"
	CodeUnreadable    Code = "unreadable"
	CodeImage         Code = "invalid-image"
	CodeImageSize     Code = "image-too-large"
	CodeSkala         Code = "invalid-scale"
	CodeOptionen      Code = "options-missing"
	CodeThousands     Code = "ambiguous-number"
	CodeGlyph         Code = "missing-glyph"
	// Workshop workbooks (SPEC section 3).
	CodeWorkbook      Code = "invalid-workbook"
	CodeSheetMissing  Code = "sheet-missing"
	CodeSheetTwice    Code = "duplicate-sheet"
	CodeHeaderMissing Code = "header-missing"
	CodeColumnUnknown Code = "unknown-column"
	CodeColumnTwice   Code = "duplicate-column"
	CodeColumnMissing Code = "column-missing"
	CodeZeitCell      Code = "invalid-time-cell"
	CodeBetrag        Code = "invalid-amount"
	CodeFormulaEmpty  Code = "formula-without-value"
	CodeFormulaError  Code = "formula-error"
	CodeTooManyRows   Code = "too-many-rows"
	// Survey responses (SPEC sections 2 `befragungen` and 5).
	CodeAntwortSpalte Code = "answer-column-missing"
	CodeSprachspalte  Code = "language-column-missing"
	CodeCSV           Code = "csv-syntax"
	CodeAntwortOption Code = "answer-not-an-option"
	CodeAntwortSkala  Code = "answer-not-on-scale"
	CodeAntwortZahl   Code = "answer-not-a-number"
	CodeAntwortMehr   Code = "more-answers-not-counted"
)

var catalog = map[Code][2]string{
	CodeSyntax:        {"YAML-Syntaxfehler: %s", "YAML syntax error: %s"},
	CodeEmpty:         {"die Datei ist leer", "the file is empty"},
	CodeEncoding:      {"die Datei ist nicht in UTF-8 gespeichert (hier steht ein Zeichen in einer anderen Kodierung, etwa ein Umlaut aus Windows-1252): bitte im Editor mit der Kodierung UTF-8 speichern", "the file is not saved as UTF-8 (here is a character in another encoding, such as Windows-1252): please save it with the encoding UTF-8"},
	CodeTopLevel:      {"auf der obersten Ebene der Datei werden Schlüssel mit Werten erwartet (`schlüssel: wert`), nicht %s", "the top level of the file must hold keys with values (`key: value`), not %s"},
	CodeHashComment:   {"`%s: %s` bleibt leer: was auf `#` folgt, liest YAML als Kommentar – setzen Sie den Wert in Anführungszeichen: `%s: \"%s\"`", "`%s: %s` is left empty: YAML reads what follows `#` as a comment – put the value in quotes: `%s: \"%s\"`"},
	CodeDuplicateKey:  {"Schlüssel `%s` steht doppelt in diesem Abschnitt (zuerst in Zeile %d)", "key `%s` is given twice in this section (first on line %d)"},
	CodeUnknownKey:    {"unbekannter Schlüssel `%s`", "unknown key `%s`"},
	CodeType:          {"`%s` erwartet %s, nicht %s", "`%s` expects %s, not %s"},
	CodeItemType:      {"Eintrag in `%s`: erwartet %s, nicht %s", "entry of `%s`: expected %s, not %s"},
	CodeRequired:      {"Pflichtangabe `%s` fehlt", "required key `%s` is missing"},
	CodeMinItems:      {"`%s` braucht mindestens einen Eintrag", "`%s` needs at least one entry"},
	CodeID:            {"ungültige ID „%s“ in `%s`: erlaubt sind Kleinbuchstaben a–z, Ziffern und `-`", "invalid id “%s” in `%s`: use lower-case letters a–z, digits and `-`"},
	CodeNummer:        {"ungültige Nummer „%s“ in `%s`: erlaubt sind Buchstaben, Ziffern, `.`, `-`, `_` und `/`, ohne Leerzeichen, am Anfang ein Buchstabe oder eine Ziffer", "invalid number “%s” in `%s`: use letters, digits, `.`, `-`, `_` and `/`, no spaces, beginning with a letter or digit"},
	CodeEnum:          {"ungültiger Wert „%s“ für `%s` – erlaubt: %s", "invalid value “%s” for `%s` – allowed: %s"},
	CodeDate:          {"ungültiges Datum „%s“ in `%s`: erwartet JJJJ-MM-TT", "invalid date “%s” in `%s`: expected YYYY-MM-DD"},
	CodePeriod:        {"ungültige Zeitangabe „%s“ in `%s`: erwartet JJJJ, JJJJ-MM, JJJJ-Qn, JJJJ-MM-TT oder fortlaufend", "invalid time “%s” in `%s`: expected YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD or fortlaufend"},
	CodeBeginnOpen:    {"`beginn` kann nicht „fortlaufend“ sein, nur `ende`", "`beginn` cannot be “fortlaufend”, only `ende` can"},
	CodeEndeVorBeginn: {"`%s` (%s) liegt vor `%s` (%s)", "`%s` (%s) is before `%s` (%s)"},
	CodeColor:         {"ungültige Farbe „%s“: erwartet einen Hex-Wert wie „#005A9C“", "invalid colour “%s”: expected a hex value such as “#005A9C”"},
	CodeColorContrast: {"Farbe „%s“ ist auf Weiß schwer lesbar (Kontrast %s:1, nötig sind 4.5:1): Überschriften und Tabellenköpfe erscheinen in %s", "colour “%s” is hard to read on white (contrast %s:1, 4.5:1 needed): headings and table headers use %s"},
	CodeEmail:         {"ungültige E-Mail-Adresse „%s“", "invalid e-mail address “%s”"},
	CodeMin:           {"`%s` muss mindestens %s sein, nicht %s", "`%s` must be at least %s, not %s"},
	CodeMax:           {"`%s` darf höchstens %s sein, nicht %s", "`%s` must be at most %s, not %s"},
	CodeDateOrder:     {"Datum %s liegt vor dem vorigen Eintrag (%s): die Beratungsfolge muss aufsteigend sein", "date %s is before the previous entry (%s): the order of deliberation must be ascending"},
	CodeDuplicate:     {"%s `%s` ist bereits in %s vergeben", "%s `%s` is already defined at %s"},
	CodeUnknownActor:  {"unbekannter Akteur `%s` in `%s`", "unknown actor `%s` in `%s`"},
	CodeUnknownTheme:  {"unbekanntes Querschnittsthema `%s` in `%s`", "unknown cross-cutting theme `%s` in `%s`"},
	CodeUnknownField:  {"unbekanntes Handlungsfeld `%s` in `%s`", "unknown field of action `%s` in `%s`"},
	CodeTitleMismatch: {"Titel „%s“ weicht vom Titel des Handlungsfelds `%s` ab („%s“ in %s)", "title “%s” differs from the title of field of action `%s` (“%s” at %s)"},
	CodeFieldNoTitle:  {"Handlungsfeld `%s` braucht einen `titel`: es ist sonst nirgends definiert", "field of action `%s` needs a `titel`: it is not defined anywhere else"},
	CodePathOutside:   {"Pfad „%s“ liegt außerhalb des Konzeptordners: erlaubt sind nur relative Pfade ohne `..`", "path “%s” is outside the concept folder: use relative paths without `..`"},
	CodePathMissing:   {"Datei „%s“ nicht gefunden", "file “%s” not found"},
	CodeGlobEmpty:     {"„%s“ passt auf keine Datei", "“%s” matches no file"},
	CodeSourceType:    {"Quelle „%s“ hat einen unbekannten Dateityp: erwartet .yaml, .yml oder .xlsx", "source “%s” has an unknown file type: expected .yaml, .yml or .xlsx"},
	CodeUnreadable:    {"Datei kann nicht gelesen werden: %s", "cannot read file: %s"},
	CodeImage:         {"„%s“ ist kein PNG- oder JPEG-Bild", "“%s” is not a PNG or JPEG image"},
	CodeImageSize:     {"„%s“ hat %d × %d Pixel, mehr als %d Millionen: bitte das Bild verkleinern", "“%s” has %d × %d pixels, more than %d million: please make the image smaller"},
	CodeSkala:         {"Frage `%s` vom Typ skala braucht `skala` mit `min` kleiner als `max`", "question `%s` of type skala needs `skala` with `min` less than `max`"},
	CodeThousands:     {"`%s: %s` wird als Dezimalzahl gelesen; für Tausender schreiben Sie `%s`", "`%s: %s` is read as a decimal number; for thousands write `%s`"},
	CodeGlyph:         {"Zeichen „%s“ (%s) ist in der Schrift nicht enthalten und kann nicht gedruckt werden", "character “%s” (%s) is not in the font and cannot be printed"},
	CodeOptionen:      {"Frage `%s` vom Typ %s braucht `optionen`", "question `%s` of type %s needs `optionen`"},
	CodeWorkbook:      {"keine lesbare Excel-Arbeitsmappe: %s", "not a readable Excel workbook: %s"},
	CodeSheetMissing:  {"Tabellenblatt „%s“ fehlt (vorhanden: %s)", "sheet “%s” is missing (found: %s)"},
	CodeSheetTwice:    {"Tabellenblatt „%s“ wird nicht gelesen: es gibt schon das Blatt „%s“", "sheet “%s” is not read: there is already the sheet “%s”"},
	CodeHeaderMissing: {"keine Kopfzeile gefunden: erwartet wird eine Zeile mit mindestens zwei Spaltennamen wie %s", "no header row found: expected a row with at least two column names such as %s"},
	CodeColumnUnknown: {"unbekannte Spalte „%s“ wird nicht gelesen", "unknown column “%s” is not read"},
	CodeColumnTwice:   {"Spalte `%s` steht doppelt in der Kopfzeile (zuerst in %s): diese wird nicht gelesen", "column `%s` appears twice in the header row (first in %s): this one is not read"},
	CodeColumnMissing: {"Spalte `%s` fehlt in der Kopfzeile: das Tabellenblatt wird nicht gelesen", "column `%s` is missing from the header row: the sheet is not read"},
	CodeZeitCell:      {"ungültige Zeitangabe „%s“ in `%s`: erwartet eine Datumszelle oder %s", "invalid time “%s” in `%s`: expected a date cell or %s"},
	CodeBetrag:        {"ungültiger Betrag „%s“ in `%s`: erwartet eine Zahl ab 0, als Zahlzelle oder als Text wie „12000“, „12.000 €“ oder „12.000,50 EUR“", "invalid amount “%s” in `%s`: expected a number of at least 0, as a number cell or as text such as “12000”, “12.000 €” or “12.000,50 EUR”"},
	CodeFormulaEmpty:  {"die Formel dieser Zelle hat keinen gespeicherten Wert und wird als leer gelesen – bitte die Arbeitsmappe in Excel öffnen und speichern, damit Formeln berechnet werden", "the formula of this cell has no stored value and is read as empty – please open and save the workbook in Excel so that formulas are calculated"},
	CodeFormulaError:  {"die Zelle enthält den Fehlerwert „%s“", "the cell holds the error value “%s”"},
	CodeTooManyRows:   {"mehr als %s ausgefüllte Zeilen: das Tabellenblatt wird nur bis hierher gelesen", "more than %s filled rows: the sheet is read only up to here"},
	CodeAntwortSpalte: {"Spalte `%s` für Frage `%s` fehlt", "column `%s` for question `%s` is missing"},
	CodeSprachspalte:  {"Sprachspalte `%s` fehlt", "language column `%s` is missing"},
	CodeCSV:           {"die CSV-Datei kann ab hier nicht gelesen werden: %s", "the CSV file cannot be read from here on: %s"},
	CodeAntwortOption: {"Antwort „%s“ in Spalte %s ist keine der Optionen – gezählt als „sonstige“", "answer “%s” in column %s is none of the options – counted as “other”"},
	CodeAntwortSkala:  {"Antwort „%s“ in Spalte %s ist kein Wert der Skala von %d bis %d – gezählt als „sonstige“", "answer “%s” in column %s is not a value of the scale from %d to %d – counted as “other”"},
	CodeAntwortZahl:   {"Antwort „%s“ in Spalte %s ist keine Zahl – gezählt als „sonstige“", "answer “%s” in column %s is not a number – counted as “other”"},
	CodeAntwortMehr:   {"%d weitere Antworten in Spalte %s sind nicht auswertbar und als „sonstige“ gezählt (nicht einzeln gemeldet)", "%d more answers in column %s cannot be evaluated and are counted as “other” (not reported one by one)"},
}

// format renders the message of c with args in lang; T arguments are translated.
func (c Code) format(lang string, args []any) string {
	msgs, ok := catalog[c]
	if !ok {
		return string(c)
	}
	f := msgs[0]
	if lang == "en" {
		f = msgs[1]
	}
	local := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case T:
			local[i] = a.in(lang)
		case []string:
			local[i] = strings.Join(a, ", ")
		default:
			local[i] = a
		}
	}
	return fmt.Sprintf(f, local...)
}

// Kinds of element, as message arguments.
var (
	KindHandlungsfeld = T{"Handlungsfeld", "field of action"}
	KindZiel          = T{"Ziel-Nr", "goal number"}
	KindMassnahme     = T{"Maßnahme-Nr", "measure number"}
	KindAkteur        = T{"Akteur", "actor"}
	KindThema         = T{"Querschnittsthema", "cross-cutting theme"}
	KindBefragung     = T{"Befragung", "survey"}
	KindFrage         = T{"Frage", "question"}
)
