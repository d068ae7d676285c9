package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestTermsJSONAndSample(t *testing.T) {
	out, errOut, code := run(t, "terms", "barcelona", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r termsJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if want := trendSearchTotal(t, "search", "barcelona"); r.Results != want || r.Sample != want || r.Sampled || r.Archive != 24 {
		t.Fatalf("results %d (search: %d), sample %d, archive %d", r.Results, want, r.Sample, r.Archive)
	}
	if len(r.Terms) == 0 {
		t.Fatal("no terms")
	}
	for i, tm := range r.Terms {
		if tm.InResults > r.Sample || tm.InArchive < tm.InResults || tm.Score <= 0 || i > 0 && tm.Score > r.Terms[i-1].Score {
			t.Errorf("term %d: %+v", i, tm)
		}
		if strings.EqualFold(tm.Term, "barcelona") {
			t.Errorf("the query's own word: %+v", tm)
		}
	}
	out, _, _ = run(t, "terms", "terror", "--sample", "3")
	if !strings.Contains(out, "the best 3 of ") {
		t.Errorf("a sampled run does not say so:\n%s", out)
	}
}
