package cli

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
)

func TestCannotWrite(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		file string
		err  error
		want string
	}{
		{"folder missing", filepath.Join(dir, "fehlt", "x.pdf"), fs.ErrNotExist,
			"„" + filepath.Join(dir, "fehlt", "x.pdf") + "“ kann nicht geschrieben werden: Ordner „" + filepath.Join(dir, "fehlt") + "“ nicht gefunden"},
		// /proc answers "no such file" to a new file in a folder that is there.
		{"folder there, no new files", filepath.Join(dir, "x.pdf"), &fs.PathError{Op: "open", Path: filepath.Join(dir, ".konzept-1.pdf"), Err: syscall.ENOENT},
			"„" + filepath.Join(dir, "x.pdf") + "“ kann nicht geschrieben werden: Ordner „" + dir + "“ ist nicht beschreibbar"},
		{"folder read-only", filepath.Join(dir, "x.pdf"), fs.ErrPermission,
			"„" + filepath.Join(dir, "x.pdf") + "“ kann nicht geschrieben werden: Ordner „" + dir + "“ ist nicht beschreibbar"},
		{"read-only file system", filepath.Join(dir, "x.pdf"), syscall.EROFS,
			"„" + filepath.Join(dir, "x.pdf") + "“ kann nicht geschrieben werden: Ordner „" + dir + "“ ist nicht beschreibbar"},
		{"disk full", filepath.Join(dir, "x.pdf"), syscall.ENOSPC,
			"„" + filepath.Join(dir, "x.pdf") + "“ kann nicht geschrieben werden: no space left on device"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := cannotWrite(tt.file, tt.err)
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			var oe *outputError
			if !errors.As(err, &oe) {
				t.Errorf("%v is no outputError (exit status 2)", err)
			}
		})
	}
}
