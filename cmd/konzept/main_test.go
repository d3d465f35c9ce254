package main

import (
	"flag"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// update rewrites the expected output in the scripts (make golden).
var update = flag.Bool("update", false, "rewrite the expected output of the scripts in testdata/script")

// TestMain lets the test binary run as the konzept command in the scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"konzept": main})
}

// TestScripts runs the end-to-end scripts in testdata/script; each is a
// txtar archive with the commands to run and the files of a concept folder.
// Run one with: go test ./cmd/konzept -run TestScripts/validate_ok
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", UpdateScripts: *update})
}
