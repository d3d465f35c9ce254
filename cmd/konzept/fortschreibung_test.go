package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFortschreibungSkript runs examples/ci/fortschreibung.sh, the CI
// script of the README, on a Git repository holding the two versions of the
// example: the Fortschreibung 2024 (beispiel/vorfassung), tagged, and the
// current one on top. `konzept` in $PATH is this test binary (TestMain).
func TestFortschreibungSkript(t *testing.T) {
	skript, err := filepath.Abs("../../examples/ci/fortschreibung.sh")
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.org",
			"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.org", "GITHUB_ACTIONS=")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out.String())
		}
		return out.String()
	}
	fassung := func(src string) {
		t.Helper()
		run("git", "rm", "-rq", "--ignore-unmatch", ".")
		if err := os.CopyFS(repo, os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
		run("git", "add", ".")
		run("git", "commit", "-qm", src)
	}
	run("git", "init", "-q")

	// Only one version: the PDF has no chapter of changes.
	fassung("../../beispiel/vorfassung")
	out := run("sh", skript, ".", "ausgabe")
	if !strings.Contains(out, "kein früherer Tag") {
		t.Errorf("ohne Tag:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(repo, "ausgabe", "aenderungen.md")); err == nil {
		t.Error("aenderungen.md ohne Vorfassung")
	}
	if text := run("pdftotext", "ausgabe/integrationskonzept.pdf", "-"); strings.Contains(text, "Änderungen gegenüber der Vorfassung") {
		t.Error("Änderungskapitel ohne Vorfassung")
	}
	os.RemoveAll(filepath.Join(repo, "ausgabe"))

	// The current version on top of the tagged one.
	run("git", "tag", "fassung-2024")
	// A tag of another kind in between is not a version of the concept.
	if err := os.WriteFile(filepath.Join(repo, "LIESMICH.txt"), []byte("Notiz\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("git", "add", ".")
	run("git", "commit", "-qm", "Notiz")
	run("git", "tag", "v1.0")
	fassung("../../beispiel/konzept")
	out = run("sh", skript, ".", "ausgabe")
	if !strings.Contains(out, "Vorfassung: fassung-2024") {
		t.Errorf("Vorfassung nicht vom Tag:\n%s", out)
	}
	md, err := os.ReadFile(filepath.Join(repo, "ausgabe", "aenderungen.md"))
	if err != nil || !bytes.Contains(md, []byte("| Sprache und Bildung | 1 | 3 | 1 | 0 | 2 |")) {
		t.Errorf("aenderungen.md: %v\n%s", err, md)
	}
	pdf, err := os.ReadFile(filepath.Join(repo, "ausgabe", "integrationskonzept.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("integrationskonzept.pdf: %v", err)
	}
	if text := run("pdftotext", "ausgabe/integrationskonzept.pdf", "-"); !strings.Contains(text, "Änderungen gegenüber der Vorfassung") {
		t.Error("kein Kapitel „Änderungen gegenüber der Vorfassung“ im PDF")
	}
	if st := run("git", "status", "--porcelain", "--untracked-files=no"); st != "" {
		t.Errorf("das Skript hat Dateien im Repository geändert:\n%s", st)
	}
}
