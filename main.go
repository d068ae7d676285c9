// Command folio is a terminal reader for an archive of commentary.
package main

import (
	"os"
	"runtime/debug"

	"github.com/folio-tui/folio/cli"
)

// version is set at build time with -ldflags "-X main.version=..."; left
// unset, it is read from the build information.
var version = ""

func main() { os.Exit(cli.Execute(resolveVersion(version))) }

// resolveVersion prefers the version set at link time, then the module
// version `go install module@version` records, then the VCS revision a build
// from a checkout records, and says "dev" only when none is known.
func resolveVersion(linked string) string {
	if linked != "" {
		return linked
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	return versionFrom(info)
}

func versionFrom(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return "dev"
	}
	return "dev-" + rev[:min(12, len(rev))] + dirty
}
