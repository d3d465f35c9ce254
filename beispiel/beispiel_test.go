package beispiel

import (
	"bytes"
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestFS(t *testing.T) {
	fsys := FS()
	data, err := fs.ReadFile(fsys, "konzept.yaml")
	if err != nil {
		t.Fatalf("konzept.yaml: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("# yaml-language-server: $schema=konzept.schema.json\n")) {
		t.Errorf("konzept.yaml does not start with the yaml-language-server schema line")
	}
	if err := fstest.TestFS(fsys,
		"konzept.yaml",
		"befragung/antworten.csv",
		"bilder/wappen.png",
	); err != nil {
		t.Fatal(err)
	}
	fragments, err := fs.Glob(fsys, "handlungsfelder/*.yaml")
	if err != nil || len(fragments) != 2 {
		t.Errorf("handlungsfelder/*.yaml = %v, %v; want 2 fragments", fragments, err)
	}
}
