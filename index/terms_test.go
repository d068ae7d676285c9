package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// plantedArchive: 300 pieces of common words; the 40 that name "harbour"
// also have "zanzibar spices" most of the time, and
// "quokka" in a few; "zanzibar" is in 3 pieces without harbour.
func plantedArchive() fstest.MapFS {
	rng := rand.New(rand.NewPCG(3, 4))
	common := strings.Fields("government policy people country world economy security market public report minister city law state power trade history week money plan water school health energy military union border")
	fsys := fstest.MapFS{}
	for i := range 300 {
		var b strings.Builder
		for j := range 120 {
			b.WriteString(common[rng.IntN(len(common))])
			if j%12 == 11 {
				b.WriteString(".\n")
			} else {
				b.WriteString(" ")
			}
		}
		switch {
		case i < 40:
			b.WriteString("Harbour. ")
			if i%5 != 0 {
				b.WriteString("Zanzibar spices. ")
			}
			if i%8 == 0 {
				b.WriteString("A quokka watched. ")
			}
		case i < 43:
			b.WriteString("Zanzibar. ")
		}
		fsys[fmt.Sprintf("p%03d.md", i)] = &fstest.MapFile{
			Data:    []byte(fmt.Sprintf("---\ntitle: \"Piece %d\"\ndate: 2020-01-%02d\n---\n%s\n", i, 1+i%28, b.String())),
			ModTime: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		}
	}
	return fsys
}

func TestTermsFindPlantedWords(t *testing.T) {
	ix, err := Open(context.Background(), "planted", plantedArchive(), Options{Dir: t.TempDir(), Synonyms: testSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r, err := ix.Terms(context.Background(), Query{Text: "harbour"}, TermsOptions{N: 10})
	if err != nil {
		t.Fatal(err)
	}
	if r.Results != 40 || r.Sample != 40 || r.Archive != 300 || r.Sampled() {
		t.Fatalf("results %d, sample %d, archive %d", r.Results, r.Sample, r.Archive)
	}
	var got []string
	for _, st := range r.Terms {
		got = append(got, st.Term)
	}
	if len(got) < 4 {
		t.Fatalf("terms %v", got)
	}
	top := strings.Join(got[:3], ",")
	for _, want := range []string{"zanzibar", "spices", "zanzibar spices"} {
		if !strings.Contains(","+top+",", ","+want+",") {
			t.Errorf("%q not among the first three: %v", want, got)
		}
	}
	if !strings.Contains(strings.Join(got, ","), "quokka") {
		t.Errorf("quokka (5 of 40 results, none elsewhere) not among %v", got)
	}
	for _, st := range r.Terms {
		if st.Term == "harbour" || st.Term == "harbor" {
			t.Errorf("the query's own word is listed: %+v", st)
		}
		if st.Term == "zanzibar" && (st.InResults != 32 || st.InArchive != 35) {
			t.Errorf("zanzibar in %d of the results and %d of the archive, want 32 and 35", st.InResults, st.InArchive)
		}
		if st.Term == "zanzibar spices" && (!st.Phrase || st.InResults != 32 || st.InArchive != 32) {
			t.Errorf("zanzibar spices: %+v", st)
		}
		if st.Term == "quokka" && (st.InResults != 5 || st.InArchive != 5) {
			t.Errorf("quokka: %+v", st)
		}
		if st.Term == "government" || st.Term == "policy" {
			t.Errorf("a common word is listed: %+v", st)
		}
	}
	// sampled: the best 10 results only, and said
	r, err = ix.Terms(context.Background(), Query{Text: "harbour"}, TermsOptions{Sample: 10})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Sampled() || r.Sample != 10 {
		t.Errorf("sample %d of %d", r.Sample, r.Results)
	}
}

// BenchmarkTerms: distinctive words of a common and a rarer query over the
// generated archives (go test ./index -run '^$' -bench Terms).
func BenchmarkTerms(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := benchArchive(b, n)
			ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: b.TempDir()})
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			for _, q := range []string{"terror", "security policy"} {
				b.Run(strconv.Quote(q), func(b *testing.B) {
					var r TermsResult
					for b.Loop() {
						ix.cache.clear()
						if r, err = ix.Terms(context.Background(), Query{Text: q}, TermsOptions{}); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(r.Results), "results")
					b.ReportMetric(float64(r.Sample), "read")
				})
			}
		})
	}
}
