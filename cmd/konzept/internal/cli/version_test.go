package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionText(t *testing.T) {
	setting := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"ohne Build-Info", nil, "konzept 1.2.0\n"},
		{"ohne Git", &debug.BuildInfo{GoVersion: "go1.26.8"}, "konzept 1.2.0\nGo: go1.26.8\n"},
		{"sauberer Commit", &debug.BuildInfo{GoVersion: "go1.26.8", Settings: setting(
			"vcs", "git", "vcs.revision", "b5ff709855652174745184f5c1a0716c4324a436", "vcs.time", "2026-11-22T06:45:45Z", "vcs.modified", "false")},
			"konzept 1.2.0\nRevision: b5ff709855652174745184f5c1a0716c4324a436 vom 2026-11-22T06:45:45Z\nGo: go1.26.8\n"},
		{"mit Änderungen", &debug.BuildInfo{GoVersion: "go1.26.8", Settings: setting(
			"vcs.revision", "b5ff709", "vcs.modified", "true")},
			"konzept 1.2.0\nRevision: b5ff709 (mit lokalen Änderungen)\nGo: go1.26.8\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionText("1.2.0", tt.bi); got != tt.want {
				t.Errorf("versionText =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
