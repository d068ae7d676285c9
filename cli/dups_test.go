package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDups(t *testing.T) {
	dir := t.TempDir()
	var body string
	for i := 0; i < 40; i++ {
		body += "Sentence number " + strings.Repeat("x", i%7+1) + " of the piece about the alliance and its budget, word " + string(rune('a'+i%26)) + ". "
	}
	write := func(name, head, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\n"+head+"\n---\n\n"+text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "title: The alliance at seventy\ndate: 2019-11-06\noutlet: The Daily Example", body)
	write("b.md", "title: \"Alliance at 70\"\ndate: 2019-11-08\noutlet: \"The Other Paper\\e[2J\"", body+" Reprinted with permission.")
	write("c.md", "title: Something else\ndate: 2019-11-07\noutlet: The Daily Example",
		strings.Repeat("An unrelated piece on farming subsidies and the weather this spring. ", 20))

	out, errs, code := run(t, "--archive", dir, "dups")
	if code != 0 || !strings.Contains(out, "1 group(s) of republished copies in 3 pieces") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "2019-11-06") || !strings.HasPrefix(lines[1], "2019-11-08") || !strings.Contains(lines[1], "alike)") {
		t.Errorf("want the earliest first, the copy saying how it matches:\n%s", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape in the output: %q", out)
	}
	out, _, _ = run(t, "--archive", dir, "dups", "--json")
	var groups [][]dupJSON
	if err := json.Unmarshal([]byte(out), &groups); err != nil || len(groups) != 1 || len(groups[0]) != 2 || groups[0][0].ID != "a" || groups[0][1].ID != "b" {
		t.Errorf("json: %v %s", err, out)
	}
}
