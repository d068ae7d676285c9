package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestMain makes the folder folio is built into once for the package
// (buildFolio) and removes it after the tests.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "folio-e2e-build")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	builtDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// readSourcesOnce reads every file the programs the tests build are made
// of: the module's Go and embedded files that folio and folio-extract
// depend on, go.mod and go.sum. The go command caches a test's result
// until a file the test opened (while its tests ran: not in TestMain,
// before testing starts logging) changes; the tests build the programs
// with a child `go build`, whose reads it does not see, so without this
// `go test ./...` reported e2e's last result after a change to ui/ or
// index/ ("(cached)"), not one of the code as it is.
func readSourcesOnce(t *testing.T) {
	t.Helper()
	sourcesOnce.Do(func() { sourcesErr = readSources() })
	if sourcesErr != nil {
		t.Fatal(sourcesErr)
	}
}

var (
	sourcesOnce sync.Once
	sourcesErr  error
)

func readSources() error {
	const module = "github.com/folio-tui/folio"
	cmd := exec.Command("go", "list", "-deps", "-f",
		`{{if .Module}}{{if eq .Module.Path "`+module+`"}}{{.Dir}}|{{join .GoFiles ","}},{{join .EmbedFiles ","}}{{end}}{{end}}`,
		".", "./cmd/folio-extract")
	cmd.Dir = ".." // the module root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list: %v\n%s", err, stderr.Bytes())
	}
	files := []string{filepath.Join("..", "go.mod"), filepath.Join("..", "go.sum")}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		dir, names, ok := strings.Cut(line, "|")
		if !ok {
			continue
		}
		for _, n := range strings.Split(names, ",") {
			if n != "" {
				files = append(files, filepath.Join(dir, n))
			}
		}
	}
	if len(files) < 50 {
		return fmt.Errorf("go list named %d source files: too few for folio", len(files))
	}
	for _, f := range files {
		if _, err := os.ReadFile(f); err != nil {
			return err
		}
	}
	return nil
}
