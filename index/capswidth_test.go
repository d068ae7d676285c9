package index

import (
	"strings"
	"testing"
)

// A word in capitals finds its full-width spelling, as its lower case
// does (a helper's report: ABC found no ＡＢＣ, while abc and ＡＢＣ did),
// and is marked there in the snippet.
func TestCapsFindFullWidth(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: One\ndate: 2020-01-01\n---\nThe ＡＢＣ report.\n",
		"---\ntitle: Two\ndate: 2020-01-02\n---\nThe ABC report.\n",
		"---\ntitle: Three\ndate: 2020-01-03\n---\nThe abc report.\n")
	for q, want := range map[string]int{"ABC": 2, "ＡＢＣ": 2, "abc": 3, `"ABC report"`: 3} {
		res := run(t, ix, Query{Text: q, Snippets: 10})
		if res.Total != want {
			t.Errorf("%s: %d hits, want %d", q, res.Total, want)
		}
		for _, h := range res.Hits {
			if s := strings.Join(h.Snippets, " | "); h.ID == "p0" && !strings.HasPrefix(q, `"`) && !strings.Contains(s, MarkStart+"ＡＢＣ"+MarkEnd) {
				t.Errorf("%s: snippet %q has no mark on ＡＢＣ", q, s)
			}
		}
	}
	noCapsField = true
	defer func() { noCapsField = false }()
	if res := run(t, ix, Query{Text: "ABC"}); res.Total != 2 {
		t.Errorf("ABC, its candidates' texts read: %d hits, want 2", res.Total)
	}
}
