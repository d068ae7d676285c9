package archive

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// zolaGlobsConfig is a Zola site's config.toml of n ignored_content
// globs of */qN-zzz….md, the site past folio's bound from about the
// 1,700th on (TestZolaGlobRunsAreOne's real site), and its SiteRoots.
func zolaGlobsConfig(n int) *SiteRoots {
	zs := strings.Repeat("z", 40)
	var cfg strings.Builder
	cfg.WriteString("base_url = \"https://z.example.org\"\nignored_content = [\n  \"**/drafts/*\",\n")
	for i := range n {
		fmt.Fprintf(&cfg, "  \"*/q%d-%s.md\",\n", i, zs)
	}
	cfg.WriteString("]\n")
	return NewSiteRoots(fstest.MapFS{
		"config.toml":         {Data: []byte(cfg.String())},
		"content/drafts/d.md": {Data: []byte(zolaPage("D", ""))},
	})
}

// BenchmarkZolaIgnores: a Zola site's ignored_content compiled
// (hugoIgnores), of 2,000 and 10,000 globs, most of the second past the
// bound; its config decoded once, before.
func BenchmarkZolaIgnores(b *testing.B) {
	for _, n := range []int{2000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := zolaGlobsConfig(n)
			if s.hugoIgnores("") == nil {
				b.Fatal("no ignored_content")
			}
			b.ReportAllocs()
			for b.Loop() {
				s.ignores.Delete("")
				s.hugoIgnores("")
			}
		})
	}
}

// TestZolaGlobsAreParsedOnce: a Zola site's ignored_content globs are
// compiled at the cost of one parse of each and one compile of what is
// matched (zolaGlobsPast, zolaIgnoreFiles), counted in allocations: a
// glob past the bound costs less than compiling it would (each was
// compiled to be counted), and the globs taken cost their parse and the
// compile of their alternation alone (each was parsed twice more,
// zolaGlobsJoined's and compileIgnoreFiles'). The answers are the same:
// TestZolaGlobRunsAreOne.
func TestZolaGlobsAreParsedOnce(t *testing.T) {
	s := zolaGlobsConfig(3000)
	m, _ := s.readConfig("config.toml")
	list := listOf(m["ignored_content"])
	taken, past := zolaGlobsPast(m)
	if len(taken) < 1000 || len(past) < 1000 || len(taken)+len(past) != len(list) {
		t.Fatalf("%d globs taken, %d past, of %d", len(taken), len(past), len(list))
	}
	under := map[string]any{"ignored_content": toAny(list[:len(taken)])}
	if _, p := zolaGlobsPast(under); len(p) != 0 {
		t.Fatalf("the globs taken alone: %d past", len(p))
	}
	allocs := func(f func()) float64 { return testing.AllocsPerRun(2, f) }

	all := allocs(func() { zolaGlobsPast(m) })
	takenOnly := allocs(func() { zolaGlobsPast(under) })
	onePast, _ := zolaGlobRegexp(past[0])
	compileOne := allocs(func() { regexp.MustCompile(onePast) })
	if each := (all - takenOnly) / float64(len(past)); each >= compileOne {
		t.Errorf("a glob past the bound: %.1f allocations, compiling one %.1f", each, compileOne)
	}

	pats := zolaIgnorePatterns(under)
	alternation := "(?:" + strings.Join(pats, ")|(?:") + ")"
	compiled := allocs(func() { regexp.MustCompile(alternation) })
	ignores := allocs(func() {
		s.ignores.Delete("")
		if s.hugoIgnores("") == nil {
			t.Fatal("no ignored_content")
		}
	})
	// hugoIgnores of m itself, its globs past the bound too; what joins
	// them less than an allocation a glob (a parse of each is a dozen)
	if want := all + compiled + float64(len(taken)); ignores > want {
		t.Errorf("compiling the globs: %.0f allocations, want at most %.0f (parsing them %.0f, compiling what is matched %.0f)", ignores, want, all, compiled)
	}
}

func toAny(l []string) []any {
	out := make([]any, len(l))
	for i, v := range l {
		out[i] = v
	}
	return out
}

// TestZolaGlobsSummedAsWritten: a Zola site's config sum (hugoConfigSum)
// takes its ignored_content globs as written, none parsed: the matcher
// alone works them out once a build (zolaIgnoreFiles), where the sum
// parsed each again (zolaIgnorePatterns), counted in allocations. A glob
// edited still changes the sum.
func TestZolaGlobsSummedAsWritten(t *testing.T) {
	s := zolaGlobsConfig(3000)
	m, _ := s.readConfig("config.toml")
	allocs := func(f func()) float64 { return testing.AllocsPerRun(2, f) }
	parse := allocs(func() { zolaGlobsPast(m) })
	sum := allocs(func() { configSum(s.readConfig, "", true, false) })
	if sum*4 > parse {
		t.Errorf("summing the config: %.0f allocations, parsing its globs %.0f", sum, parse)
	}
	before := configSum(s.readConfig, "", true, false)
	edited := NewSiteRoots(fstest.MapFS{"config.toml": {Data: []byte("base_url = \"https://z.example.org\"\nignored_content = [\"**/drafts/*\", \"*/q0.md\"]\n")}})
	other := NewSiteRoots(fstest.MapFS{"config.toml": {Data: []byte("base_url = \"https://z.example.org\"\nignored_content = [\"**/drafts/*\", \"*/q1.md\"]\n")}})
	a, b := configSum(edited.readConfig, "", true, false), configSum(other.readConfig, "", true, false)
	if a == b || a == before || a == 0 {
		t.Errorf("sums %d, %d, %d: an edited glob changes none", before, a, b)
	}
}
