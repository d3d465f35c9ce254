package sources

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/landkreis/konzept/schema"
)

// Limits for the files of a concept folder, far above any real concept (ten
// times Emsland is some 1,600 measures in 1 MiB of YAML), far below what
// would let a broken or hostile file take minutes or gigabytes. The README
// lists them under "Grenzen und Schutz vor fehlerhaften Dateien". The limits
// of workbooks are in workbook_xlsx.go, the bound on alias expansion in yaml.go.
const (
	// maxYAMLBytes bounds the size of konzept.yaml and of each fragment.
	maxYAMLBytes = 8 << 20
	// maxYAMLEintraege bounds the characters that separate or open YAML
	// values (see yamlEintraege): the parser builds a tree of some 200 bytes
	// per value before any check of ours, so a file of a million short
	// values would take hundreds of MiB.
	maxYAMLEintraege = 500_000
	// maxTextZeichen bounds one text value, in YAML or in a cell, in UTF-16
	// code units: what one spreadsheet cell holds, so that every text can
	// be exported to XLSX (some 13 printed pages).
	maxTextZeichen = 32_767
	// maxCSVDatensatz bounds the bytes of one record of a responses file.
	maxCSVDatensatz = 4 << 20
	// maxCSVSpalten is the number of columns a spreadsheet can have (XFD).
	maxCSVSpalten = 16_384
	// maxLinks bounds the symbolic links followed for one path.
	maxLinks = 40
)

// readYAML reads a YAML file of the concept, refusing one larger than
// maxYAMLBytes before reading it.
func readYAML(fsys fs.FS, file string) ([]byte, *schema.Problem) {
	at := schema.Pos{File: file}
	if st, err := fs.Stat(fsys, file); err == nil && st.Size() > maxYAMLBytes {
		return nil, schema.Errorf(at, schema.CodeTooLarge, schema.Groesse(st.Size()), schema.Groesse(maxYAMLBytes))
	}
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, schema.Errorf(at, schema.CodeUnreadable, err)
	}
	if len(src) > maxYAMLBytes { // a file that grew, or a file system without sizes
		return nil, schema.Errorf(at, schema.CodeTooLarge, schema.Groesse(int64(len(src))), schema.Groesse(maxYAMLBytes))
	}
	return src, nil
}

// yamlEintraege returns an upper bound of half the values the YAML parser
// makes of src: every value but the first is opened or separated by one of
// these characters, or by a line break (a flow mapping `{a, b}` makes two
// values of each entry, hence the half).
func yamlEintraege(src []byte) int {
	n := 0
	for _, c := range src {
		switch c {
		case '\n', ':', '-', ',', '[', ']', '{', '}', '?', '*':
			n++
		}
	}
	return n
}

// utf16Len is the length of s in UTF-16 code units, as Excel counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// checkText reports a text value longer than maxTextZeichen or holding
// control characters, at pos, as the value of key. It returns the text to
// keep: empty if it is too long, without the control characters otherwise
// (each is reported once, and not again as a character the font lacks).
func checkText(s, key string, pos schema.Pos) (string, schema.Problems) {
	if len(s) > maxTextZeichen { // bytes: a quick test before counting
		if n := utf16Len(s); n > maxTextZeichen {
			return "", schema.Problems{schema.Errorf(pos, schema.CodeTextTooLong, key, schema.Anzahl(int64(n)), schema.Anzahl(maxTextZeichen))}
		}
	}
	if strings.IndexFunc(s, steuerzeichen) < 0 {
		return s, nil
	}
	var ps schema.Problems
	seen := map[rune]bool{}
	s = strings.Map(func(r rune) rune {
		if !steuerzeichen(r) {
			return r
		}
		if !seen[r] {
			seen[r] = true
			ps.Add(schema.Errorf(pos, schema.CodeControlChar, key, schema.Zeichen(r)))
		}
		return -1
	}, s)
	return s, ps
}

// steuerzeichen reports a control character other than tab and line breaks.
func steuerzeichen(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// errLinkOutside means a symbolic link leads out of the concept folder.
var errLinkOutside = errors.New("symbolic link leads outside the folder")

// inside checks that name, a clean path of fsys, does not lead out of the
// folder through a symbolic link, in the file itself or in a folder on its
// way: os.DirFS follows links wherever they point, and a link to
// /etc/passwd or to a key in the home folder must not end up in a message
// or a PDF. Links within the folder are fine. A file system that does not
// know links (fs.ReadLinkFS) has none.
func inside(fsys fs.FS, name string) error {
	if _, ok := fsys.(fs.ReadLinkFS); !ok {
		return nil
	}
	rest := strings.Split(name, "/")
	cur, links := "", 0
	for len(rest) > 0 {
		elem := rest[0]
		rest = rest[1:]
		if elem == "" || elem == "." {
			continue
		}
		next := path.Join(cur, elem)
		if next == ".." || strings.HasPrefix(next, "../") {
			return errLinkOutside
		}
		st, err := fs.Lstat(fsys, next)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			cur = next // a missing file is reported by whoever reads it
			continue
		}
		if links++; links > maxLinks {
			return errLinkOutside
		}
		target, err := fs.ReadLink(fsys, next)
		if err != nil {
			return errLinkOutside
		}
		if filepath.IsAbs(target) || path.IsAbs(filepath.ToSlash(target)) || filepath.VolumeName(target) != "" {
			return errLinkOutside
		}
		// The target is relative to the folder holding the link, cur.
		rest = append(strings.Split(filepath.ToSlash(target), "/"), rest...)
	}
	return nil
}

// kurz returns a value quoted in a message: whole if it is short, else its
// beginning and "…", so that a long text (or a file read by mistake) does not
// flood the terminal.
func kurz(s string) string {
	const n = 80
	if len(s) <= n {
		return s
	}
	i, runes := 0, 0
	for i < len(s) && runes < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		runes++
	}
	if i == len(s) {
		return s
	}
	return s[:i] + "…"
}
