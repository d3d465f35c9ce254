// Package sources reads the files of a concept folder: konzept.yaml, the YAML
// fragments and workshop workbooks listed under `quellen`, and the images it
// refers to. Every element read carries its position (file:line:column, or
// file.xlsx!Sheet!C7), so later steps can point at it.
package sources

import (
	"bytes"
	"errors"
	"image"
	_ "image/jpeg" // a logo is a JPEG
	_ "image/png"  // or a PNG
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/landkreis/konzept/internal/par"
	"github.com/landkreis/konzept/schema"
)

// KonzeptDatei is the name of the main file of a concept folder.
const KonzeptDatei = "konzept.yaml"

// ErrNoConcept means the folder has no konzept.yaml.
var ErrNoConcept = errors.New("kein Konzeptordner: " + KonzeptDatei + " fehlt")

// Sources is everything read from a concept folder, not yet merged.
type Sources struct {
	Konzept   *schema.Konzept
	Fragmente []*schema.Fragment
	Workbooks []*Workbook
	Logo      *Image // nil if the concept has no logo (or it could not be read)
}

// Image is an image file referenced from the concept.
type Image struct {
	Path string
	Type string // "PNG" or "JPG"
	Data []byte
}

// Read reads konzept.yaml from fsys and every file it references. It returns
// ErrNoConcept if there is no konzept.yaml; all other problems, syntax errors,
// unknown keys, wrong types, bad or missing paths, are in the Problems.
func Read(fsys fs.FS) (*Sources, schema.Problems, error) {
	if _, err := fs.Stat(fsys, KonzeptDatei); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, ErrNoConcept
	}
	s := &Sources{Konzept: new(schema.Konzept)}
	src, p := readYAML(fsys, KonzeptDatei)
	if p == nil && inside(fsys, KonzeptDatei) != nil {
		p = schema.Errorf(schema.Pos{File: KonzeptDatei}, schema.CodeLinkOutside, KonzeptDatei)
	}
	if p != nil {
		// The concept's keys are not reported missing on top of this.
		schema.OriginOf(s.Konzept).Pos = p.Pos
		return s, schema.Problems{p}, nil
	}
	ps := decodeYAML(KonzeptDatei, src, s.Konzept)
	k := s.Konzept
	read := map[string]bool{KonzeptDatei: true} // each file is read once
	var files []string
	for i, q := range k.Quellen {
		ref := k.At("quellen")
		if item := "quellen[" + strconv.Itoa(i) + "]"; k.Has(item) {
			ref = k.At(item)
		}
		matched, qps := expand(fsys, q, ref)
		ps.Add(qps...)
		for _, f := range matched {
			if read[f] {
				continue // konzept.yaml itself, or a file a pattern above matched already
			}
			read[f] = true
			switch strings.ToLower(path.Ext(f)) {
			case ".yaml", ".yml", ".xlsx":
				files = append(files, f)
			default:
				ps.Add(schema.Errorf(ref, schema.CodeSourceType, f))
			}
		}
	}
	// The files are read in parallel, each into its own slot, and taken
	// over in the order of `quellen`, so the result does not depend on
	// which reader finishes first.
	frags := make([]*schema.Fragment, len(files))
	wbs := make([]*Workbook, len(files))
	fps := make([]schema.Problems, len(files))
	par.Do(len(files), func(i int) {
		if path.Ext(strings.ToLower(files[i])) == ".xlsx" {
			wbs[i], fps[i] = ReadWorkbook(fsys, files[i])
		} else {
			frags[i], fps[i] = readFragment(fsys, files[i])
		}
	})
	for i := range files {
		ps.Add(fps[i]...)
		if frags[i] != nil {
			s.Fragmente = append(s.Fragmente, frags[i])
		}
		if wbs[i] != nil {
			s.Workbooks = append(s.Workbooks, wbs[i])
		}
	}
	if m := k.Konzept; m != nil && m.Logo != "" {
		var lps schema.Problems
		s.Logo, lps = readImage(fsys, m.Logo, m.At("logo"))
		ps.Add(lps...)
	}
	for i := range k.Befragungen {
		b := &k.Befragungen[i]
		if b.Antworten != "" {
			ps.Add(checkFile(fsys, b.Antworten, b.At("antworten"))...)
		}
	}
	return s, ps, nil
}

func readFragment(fsys fs.FS, file string) (*schema.Fragment, schema.Problems) {
	f := new(schema.Fragment)
	src, p := readYAML(fsys, file)
	if p != nil {
		schema.OriginOf(f).Pos = p.Pos
		return f, schema.Problems{p}
	}
	return f, decodeYAML(file, src, f)
}

// cleanPath checks that p, as written in the concept, stays inside the folder,
// and returns it in the form io/fs expects.
func cleanPath(p string) (string, bool) {
	p = strings.ReplaceAll(strings.TrimSpace(p), `\`, "/")
	if p == "" || strings.HasPrefix(p, "/") || (len(p) > 1 && p[1] == ':') {
		return "", false
	}
	p = path.Clean(p)
	return p, fs.ValidPath(p) && p != "."
}

// expand resolves a path or glob of the concept to the files it names, in sorted order.
func expand(fsys fs.FS, pattern string, ref schema.Pos) ([]string, schema.Problems) {
	p, ok := cleanPath(pattern)
	if !ok {
		return nil, schema.Problems{schema.Errorf(ref, schema.CodePathOutside, pattern)}
	}
	if !strings.ContainsAny(p, "*?[") {
		if ps := checkFile(fsys, p, ref); ps != nil {
			return nil, ps
		}
		return []string{p}, nil
	}
	files, err := fs.Glob(fsys, p)
	if err != nil {
		return nil, schema.Problems{schema.Errorf(ref, schema.CodeUnreadable, err)}
	}
	slices.Sort(files)
	if len(files) == 0 {
		return nil, schema.Problems{schema.Warnf(ref, schema.CodeGlobEmpty, pattern)}
	}
	var ps schema.Problems
	files = slices.DeleteFunc(files, func(f string) bool {
		if inside(fsys, f) != nil {
			ps.Add(schema.Errorf(ref, schema.CodeLinkOutside, f))
			return true
		}
		return false
	})
	return files, ps
}

// checkFile reports a path that leaves the folder or names no regular file.
func checkFile(fsys fs.FS, name string, ref schema.Pos) schema.Problems {
	p, ok := cleanPath(name)
	if !ok {
		return schema.Problems{schema.Errorf(ref, schema.CodePathOutside, name)}
	}
	if inside(fsys, p) != nil {
		return schema.Problems{schema.Errorf(ref, schema.CodeLinkOutside, name)}
	}
	if st, err := fs.Stat(fsys, p); err != nil || st.IsDir() {
		return schema.Problems{schema.Errorf(ref, schema.CodePathMissing, name)}
	}
	return nil
}

// maxBildPixel bounds the size of the logo: 20 million pixels are more
// than 4,000 × 4,000, far beyond what 3 cm on paper can show.
const maxBildPixel = 20_000_000

func readImage(fsys fs.FS, name string, ref schema.Pos) (*Image, schema.Problems) {
	if ps := checkFile(fsys, name, ref); ps != nil {
		return nil, ps
	}
	p, _ := cleanPath(name)
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, schema.Problems{schema.Errorf(ref, schema.CodeUnreadable, err)}
	}
	// The size first: a small file can hold an image too large to decode.
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err == nil && cfg.Width*cfg.Height > maxBildPixel {
		return nil, schema.Problems{schema.Errorf(ref, schema.CodeImageSize, name, cfg.Width, cfg.Height, maxBildPixel/1_000_000)}
	}
	_, format, err := image.Decode(bytes.NewReader(data))
	switch {
	case err != nil:
		return nil, schema.Problems{schema.Errorf(ref, schema.CodeImage, name)}
	case format == "jpeg":
		return &Image{Path: p, Type: "JPG", Data: data}, nil
	}
	return &Image{Path: p, Type: "PNG", Data: data}, nil
}
