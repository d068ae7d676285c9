package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionFrom(t *testing.T) {
	for _, tc := range []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"go install module@v1.2.3", debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{"a pseudo-version", debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201152300-a8e9806aabbc"}}, "v0.0.0-20261201152300-a8e9806aabbc"},
		{"a clean checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "a8e9806aabbccddeeff00112233445566778899a"}, {Key: "vcs.modified", Value: "false"}}}, "dev-a8e9806aabbc"},
		{"an edited checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "a8e9806aabbccddeeff00112233445566778899a"}, {Key: "vcs.modified", Value: "true"}}}, "dev-a8e9806aabbc-dirty"},
		{"go run, no VCS", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
	} {
		if got := versionFrom(&tc.info); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := resolveVersion("1.0.0"); got != "1.0.0" {
		t.Errorf("a version set at link time: got %q", got)
	}
}
