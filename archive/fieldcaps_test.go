package archive

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// One-line fields past what a real archive holds are cut, each with a
// problem naming its line (a helper's report: a 3 MB title, a 2 MB author,
// a 1 MB tag and a 1 MB URL were kept whole, "no problems", and list
// printed 8 MB for the row).
func TestOneLineFieldsAreCut(t *testing.T) {
	title := strings.Repeat("wordé ", 500_000)
	src := "---\ntitle: " + title + "\ndate: 2020-01-01\nauthor: " + strings.Repeat("Ann", 700_000) +
		"\ntags: [\"" + strings.Repeat("t", 1_000_000) + "\", small]\nurl: https://x.example/" + strings.Repeat("a", 1_000_000) +
		"\noutlet: " + strings.Repeat("Ö", 600) + " Times\n---\n\nBody.\n"
	a, probs := Parse("big.md", []byte(src))
	if IsFatal(probs) {
		t.Fatalf("refused: %v", probs)
	}
	if len(a.Title) > MaxTitleBytes || !strings.HasSuffix(a.Title, "wordé…") || !utf8.ValidString(a.Title) {
		t.Errorf("title of %d bytes ends %q", len(a.Title), a.Title[max(0, len(a.Title)-20):])
	}
	if len(a.Authors) != 1 || len(a.Authors[0]) > MaxNameBytes {
		t.Errorf("authors %d, the first of %d bytes", len(a.Authors), len(a.Authors[0]))
	}
	if len(a.Tags) != 2 || len(a.Tags[0]) > MaxNameBytes || a.Tags[1] != "small" {
		t.Errorf("tags %d: %.20q", len(a.Tags), a.Tags)
	}
	if a.URL != "" || len(a.Outlet) > MaxNameBytes || !utf8.ValidString(a.Outlet) {
		t.Errorf("url of %d bytes, outlet of %d", len(a.URL), len(a.Outlet))
	}
	want := map[int]string{2: "title: 3499999 bytes, over 2048; cut", 4: "an author over 1024 bytes; cut",
		5: "a tag over 1024 bytes; cut", 6: "url: 1000018 bytes, over 8192; ignored", 7: "outlet: 1206 bytes, over 1024; cut"}
	for _, p := range probs {
		if want[p.Line] == p.Msg && p.Path == "big.md" {
			delete(want, p.Line)
		}
	}
	if len(want) > 0 {
		t.Errorf("problems %v, missing %v", probs, want)
	}
	if a, probs := Parse("ok.md", []byte("---\ntitle: "+strings.Repeat("x", MaxTitleBytes)+"\nauthor: Ann\ndate: 2020-01-01\n---\nBody.\n")); len(probs) > 0 || len(a.Title) != MaxTitleBytes {
		t.Errorf("a title at the cap: %v, %d bytes", probs, len(a.Title))
	}
}
