// Command folio is a terminal reader for an archive of commentary.
package main

import (
	"os"

	"github.com/folio-tui/folio/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() { os.Exit(cli.Execute(version)) }
