package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
)

// folio runs the command line in-process with its own state folder and
// returns stdout, stderr and the error.
func folio(t *testing.T, stateHome string, args ...string) (string, string, error) {
	t.Helper()
	t.Setenv("FOLIO_ARCHIVE", "")
	t.Setenv("XDG_STATE_HOME", stateHome)
	var out, errb bytes.Buffer
	root := NewRoot("test", &Env{Out: &out, Err: &errb, In: strings.NewReader("")})
	root.SetArgs(append([]string{"--index-dir", t.TempDir()}, args...))
	err := root.Execute()
	return out.String(), errb.String(), err
}

const raqqaID = "2017-10-19-raqqa-terror-is-here-to-stay"

func TestCiteCommand(t *testing.T) {
	home := t.TempDir()
	out, _, err := folio(t, home, "cite", raqqaID)
	if err != nil {
		t.Fatal(err)
	}
	if want := `Raffaello Pantucci, "It’s not Isil’s returning terrorists we should worry about. It’s those who are already here," The Telegraph, 19 October 2017.` + "\n"; out != want {
		t.Errorf("text:\n%s", out)
	}
	out, _, err = folio(t, home, "cite", "--all", "--format", "bibtex", "--accessed", "2025-01-02")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "\n@"); n+1 != 24 || !strings.Contains(out, "urldate      = {2025-01-02}") {
		t.Errorf("bibtex --all: %d entries\n%s", n+1, out)
	}
	out, _, err = folio(t, home, "cite", "-f", "csl-json", raqqaID, "2017-09-parsons-green-low-level-plots")
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != 2 || items[1]["id"] != "pantucci2017lowlevel" {
		t.Errorf("csl-json: %v\n%s", err, out)
	}
	for _, bad := range [][]string{
		{"cite"},
		{"cite", "no-such-piece", "nor-this"},
		{"cite", "--all", raqqaID},
		{"cite", "-f", "mla", raqqaID},
		{"cite", "--accessed", "yesterday", raqqaID},
	} {
		if _, _, err := folio(t, home, bad...); err == nil {
			t.Errorf("%v succeeded", bad)
		}
	}
	if _, _, err := folio(t, home, "cite", "no-such-piece", "nor-this"); !strings.Contains(err.Error(), `"no-such-piece", "nor-this"`) {
		t.Errorf("unknown ids not all named: %v", err)
	}
}

func TestImportCommandThenList(t *testing.T) {
	home := t.TempDir()
	for _, feed := range []string{"rss.xml", "atom.xml", "wordpress.xml"} {
		t.Run(feed, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "imported")
			src := filepath.Join("..", "testdata", "feeds", feed)
			out, errOut, err := folio(t, home, "import", src, "--into", dir)
			if err != nil || errOut != "" {
				t.Fatalf("import: %v %s", err, errOut)
			}
			if !strings.Contains(out, "  added     ") || !strings.Contains(out, " added, 0 updated, 0 unchanged, 0 skipped") {
				t.Errorf("import output:\n%s", out)
			}
			if feed == "wordpress.xml" && !strings.Contains(out, "  ignored   About (WordPress page, not a post)") {
				t.Errorf("ignored items not listed:\n%s", out)
			}
			list, errOut, err := folio(t, home, "--archive", dir, "list")
			if err != nil || errOut != "" || len(strings.Split(strings.TrimSpace(list), "\n")) < 2 {
				t.Errorf("list after import: %v %s\n%s", err, errOut, list)
			}
			check, _, err := folio(t, home, "check", dir)
			if err != nil || !strings.Contains(check, "no problems") {
				t.Errorf("check after import: %v\n%s", err, check)
			}
			again, _, err := folio(t, home, "import", src, "--into", dir)
			if err != nil || !strings.Contains(again, "0 added, 0 updated, ") || strings.Contains(again, "  unchanged") {
				t.Errorf("re-import:\n%s", again)
			}
		})
	}
	if _, _, err := folio(t, home, "import", "../testdata/feeds/rss.xml"); err == nil {
		t.Error("import without --into succeeded")
	}
}

func TestHistoryCommand(t *testing.T) {
	home := t.TempDir()
	st, warn := state.Open(archive.BundledName, filepath.Join(home, "folio"))
	if warn != nil {
		t.Fatal(warn)
	}
	first := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	st.RecordOpen(raqqaID, first)
	st.RecordOpen("gone-since", first.Add(time.Hour))
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	out, _, err := folio(t, home, "history", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var visits []struct {
		ID, Title string
		OpenedAt  time.Time `json:"opened_at"`
	}
	if err := json.Unmarshal([]byte(out), &visits); err != nil {
		t.Fatal(err)
	}
	if len(visits) != 2 || visits[0].ID != "gone-since" || visits[1].ID != raqqaID || !visits[1].OpenedAt.Equal(first) ||
		!strings.HasPrefix(visits[1].Title, "It’s not Isil’s") || visits[0].Title != "(no longer in the archive)" {
		t.Errorf("history --json:\n%s", out)
	}
	out, _, _ = folio(t, home, "history", "-n", "1")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "gone-since") {
		t.Errorf("history -n 1:\n%s", out)
	}
	out, errOut, err := folio(t, t.TempDir(), "history")
	if err != nil || out != "" || !strings.Contains(errOut, "nothing opened yet") {
		t.Errorf("empty history: %v %q %q", err, out, errOut)
	}
}

func TestListStarredAndUnread(t *testing.T) {
	home := t.TempDir()
	st, _ := state.Open(archive.BundledName, filepath.Join(home, "folio"))
	st.SetStarred(raqqaID, true)
	st.SetStarred("2017-09-parsons-green-low-level-plots", true)
	st.MarkRead(raqqaID, true)
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	out, _, err := folio(t, home, "list", "--starred")
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.Contains(out, raqqaID) {
		t.Errorf("--starred:\n%s", out)
	}
	out, _, _ = folio(t, home, "list", "--unread", "--json")
	var arts []articleJSON
	if err := json.Unmarshal([]byte(out), &arts); err != nil || len(arts) != 23 {
		t.Errorf("--unread: %d pieces, %v", len(arts), err)
	}
	out, _, _ = folio(t, home, "list", "--starred", "--unread")
	if strings.TrimSpace(out) == "" || strings.Contains(out, raqqaID) {
		t.Errorf("--starred --unread:\n%s", out)
	}
}

func TestListWarnsAboutCorruptState(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "folio")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, state.FileName(archive.BundledName)), []byte("{garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := folio(t, home, "list", "--starred")
	if err != nil || out != "" || !strings.Contains(errOut, "warning") || !strings.Contains(errOut, "corrupt") {
		t.Errorf("corrupt state: %v %q %q", err, out, errOut)
	}
}

func TestStatsCommand(t *testing.T) {
	home := t.TempDir()
	out, _, err := folio(t, home, "stats", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var st archiveStats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Pieces != 24 || len(st.Years) != 1 || st.Years[0] != (count{"2017", 24}) {
		t.Errorf("pieces/years: %+v", st)
	}
	if st.Kinds[0] != (count{"interview", 17}) || st.Kinds[1] != (count{"article", 7}) {
		t.Errorf("kinds: %+v", st.Kinds)
	}
	if st.Tags[0] != (count{"counter-terrorism", 24}) {
		t.Errorf("tags: %+v", st.Tags[:3])
	}
	if st.Months[0] != (count{"2017-05", 2}) || st.Months[len(st.Months)-1].Key != "2017-10" {
		t.Errorf("months: %+v", st.Months)
	}
	text, _, err := folio(t, home, "stats", "--top", "3")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"bundled: 24 pieces", "\nYear\n  2017  " + strings.Repeat("█", barWidth) + " 24", "\nOutlet\n", "… and "} {
		if !strings.Contains(text, want) {
			t.Errorf("stats text lacks %q:\n%s", want, text)
		}
	}
}
