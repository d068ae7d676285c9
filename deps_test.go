package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStartupDependencies: folio itself does not link go-trafilatura or
// go-dateparser, whose package initialisation costs every start ~78 MB and
// 0.3-0.5 s (measured); the helper folio-extract does the extraction.
func TestStartupDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, heavy := range []string{"github.com/markusmobius/go-trafilatura", "github.com/markusmobius/go-dateparser"} {
		if strings.Contains(string(out), heavy) {
			t.Errorf("folio links %s", heavy)
		}
	}
}
