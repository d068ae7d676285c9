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

// Negative --limit and --sample are refused, as folio search refuses a
// negative --limit, and folio history's --limit too (a helper's report:
// taken as the default, or as all); no header is printed over no terms.
func TestNegativeLimitsAreRefused(t *testing.T) {
	for _, args := range [][]string{{"terms", "war", "--limit", "-1"}, {"terms", "war", "--sample", "-3"}, {"history", "--limit", "-5"}} {
		if _, errOut, code := run(t, args...); code != 2 || !strings.Contains(errOut, "must not be negative") {
			t.Errorf("%v (%d): %q", args, code, errOut)
		}
	}
	out, _, code := run(t, "terms", "war", "--sample", "1")
	if code != 0 || strings.Contains(out, "in archive") {
		t.Errorf("one result sampled (%d):\n%s", code, out)
	}
}
