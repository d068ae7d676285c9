package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
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

// TestTermsReadsSearchsBest: the pieces Terms reads are those Search ranks
// first, in its order, and its totals are Search's, for queries of every
// kind (Terms finds them without loading their fields).
func TestTermsReadsSearchsBest(t *testing.T) {
	ix := openBundled(t)
	for _, q := range []Query{
		{Text: "terror"}, {Text: "isis syria"}, {Text: `"islamic state"`}, {Text: "london -attack"},
		{Text: "radica", Typing: true}, {Text: "prevent", Tags: []string{"prevent"}},
		{Text: "intelligence", From: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)},
		{}, {Tags: []string{"isis"}}, {Text: "zzzqqq"},
	} {
		sq := q
		if strings.TrimSpace(q.Text) != "" {
			sq.Sort = SortRelevance
		}
		sq.Limit, sq.Mode = 30, ModeHits
		want := run(t, ix, sq)
		ix.inUse.RLock()
		ids, total, terms, err := ix.topIDs(context.Background(), sq, 30)
		ix.inUse.RUnlock()
		if err != nil {
			t.Fatal(err)
		}
		var wantIDs []string
		for _, h := range want.Hits {
			wantIDs = append(wantIDs, h.ID)
		}
		if total != want.Total || strings.Join(ids, " ") != strings.Join(wantIDs, " ") || strings.Join(terms, " ") != strings.Join(want.Terms, " ") {
			t.Errorf("%+v:\n terms read %d %v %v\n search     %d %v %v", q, total, ids, terms, want.Total, wantIDs, want.Terms)
		}
	}
}

// TestTermsEstimatesCommonPhrases: a phrase whose two words share more
// pieces than are checked is counted from some of them, and said to be.
func TestTermsEstimatesCommonPhrases(t *testing.T) {
	ix, err := Open(context.Background(), "planted", plantedArchive(), Options{Dir: t.TempDir(), Synonyms: testSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, c := range []struct {
		exact, checks int
		estimated     bool
	}{{0, 0, false}, {10, 8, true}} {
		r, err := ix.Terms(context.Background(), Query{Text: "harbour"}, TermsOptions{N: 10, phraseExact: c.exact, phraseChecks: c.checks})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, st := range r.Terms {
			if st.Term == "zanzibar spices" {
				found = true
				// the 32 pieces with both words have them side by side: every one checked has
				if st.InArchive != 32 || st.Estimated != c.estimated {
					t.Errorf("exact %d, checks %d: %+v", c.exact, c.checks, st)
				}
				if want := map[bool]string{false: "32", true: "≈32"}[c.estimated]; st.ArchiveCount() != want {
					t.Errorf("ArchiveCount %q, want %q", st.ArchiveCount(), want)
				}
			} else if st.Estimated && !c.estimated {
				t.Errorf("%q is estimated", st.Term)
			}
		}
		if !found {
			t.Errorf("exact %d: zanzibar spices not among %+v", c.exact, r.Terms)
		}
	}
}

// TestPhraseCounter: the pieces with two words side by side, in that order,
// counted exactly, stopped past a limit, or estimated from every k-th piece
// with both words.
func TestPhraseCounter(t *testing.T) {
	fsys := fstest.MapFS{}
	rng := rand.New(rand.NewPCG(5, 6))
	want, betaAlpha := 0, 0
	for i := range 400 {
		// a quarter with both words, never alpha then beta, drawn at
		// random: a quarter every 4th piece made the estimate read every
		// 4th piece of one kind when the build numbered them in order,
		// and not when it did not (a failure under load)
		body := "Only alpha here, and beta alpha."
		if rng.IntN(4) == 0 {
			betaAlpha++
		} else {
			body = "Alpha gamma delta beta epsilon."
			if rng.IntN(3) == 0 {
				body += " Then alpha beta again."
				want++
			}
		}
		fsys[fmt.Sprintf("p%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: \"Piece %d\"\ndate: 2020-01-01\n---\n%s\n", i, body))}
	}
	ix, err := Open(context.Background(), "phrases", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	r, done, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	a, b := normalizeTerm("alpha"), normalizeTerm("beta")
	ctx := context.Background()
	count := func(pc *phraseCounter, a, b string, limit int) (int, bool) {
		t.Helper()
		n, est, err := pc.count(ctx, a, b, limit)
		if err != nil {
			t.Fatal(err)
		}
		return n, est
	}
	pc := &phraseCounter{r: r, field: fText}
	if n, est := count(pc, a, b, 1000); n != want || est {
		t.Errorf("alpha beta: %d (estimated %v), want %d exactly", n, est, want)
	}
	if n, est := count(pc, b, a, 1000); n != betaAlpha || est {
		t.Errorf("beta alpha: %d (estimated %v), want %d", n, est, betaAlpha)
	}
	if n, _ := count(pc, a, b, 20); n != 21 {
		t.Errorf("limit 20: %d, want 21 (stopped past the limit)", n)
	}
	if n, _ := count(pc, a, normalizeTerm("omega"), 1000); n != 0 {
		t.Errorf("alpha omega: %d", n)
	}
	// 400 pieces have both words; 100 of them checked. The estimate is
	// 4 × the phrases found in the 100 read, whose spread depends on which
	// 100 the build's numbering puts in the sample: within 3.5 standard
	// deviations of a sample of 100 (±40 failed once in a loaded CI run,
	// 148 for 105: 2.4 of them), and far from an unscaled count (~26) or
	// a doubled one
	pc = &phraseCounter{r: r, field: fText, exact: 50, checks: 100}
	n, est := count(pc, a, b, 1000)
	p := float64(want) / 400
	tol := int(3.5 * 400 * math.Sqrt(p*(1-p)/100))
	if !est || n < want-tol || n > want+tol {
		t.Errorf("estimated from 100 of 400: %d (estimated %v), want %d ± %d", n, est, want, tol)
	}
}

// TestTermsBesideRefresh: Terms (and Trend and Related, the other searches
// of their own) while Refresh replaces the index, again and again, never
// read an index closed under them (run with -race: Terms' phrase counts
// once read the index without holding it).
func TestTermsBesideRefresh(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	for name, f := range plantedArchive() {
		if err := os.WriteFile(filepath.Join(src, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{Dir: dir}
	ix := openFolder(t, src, dir)
	defer ix.Close()
	var calls atomic.Int64
	done := make(chan struct{})
	errs := make(chan error, 1)
	go func() {
		defer close(errs)
		for {
			select {
			case <-done:
				return
			default:
			}
			r, err := ix.Terms(context.Background(), Query{Text: "harbour"}, TermsOptions{N: 10})
			if err == nil && (len(r.Terms) == 0 || r.Results < 40) {
				err = fmt.Errorf("terms %+v of %d results", r.Terms, r.Results)
			}
			if err == nil {
				var tr Trend
				tr, err = ix.Trend(context.Background(), Query{Text: "harbour"}, ByMonth)
				if err == nil && tr.Matched() < 40 {
					err = fmt.Errorf("trend: %d counted", tr.Matched())
				}
			}
			if err == nil {
				var rel []Hit
				rel, err = ix.Related("p001", 5)
				if err == nil && len(rel) == 0 {
					err = errors.New("no related piece")
				}
			}
			if err != nil {
				errs <- err
				return
			}
			calls.Add(1)
		}
	}()
	for i := range 6 {
		// a Terms has run since the last Refresh
		for n := calls.Load(); calls.Load() == n; {
			runtime.Gosched()
			if len(errs) > 0 {
				break
			}
		}
		body := fmt.Sprintf("---\ntitle: Harbour %d\ndate: 2021-01-01\n---\nHarbour. Zanzibar spices.\n", i)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("extra%d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if changed, err := ix.Refresh(context.Background(), opts); !changed || err != nil {
			t.Fatalf("refresh %d: changed %v, %v", i, changed, err)
		}
	}
	close(done)
	if err := <-errs; err != nil {
		t.Fatalf("Terms beside Refresh: %v", err)
	}
}

// BenchmarkTerms: distinctive words of a common and a rarer query over the
// generated archives (go test ./index -run '^$' -bench Terms).
func BenchmarkTerms(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			ix := benchOpen(b, n)
			for _, q := range []string{"terror", "security policy"} {
				b.Run(strconv.Quote(q), func(b *testing.B) {
					var r TermsResult
					var err error
					cpu0 := cpuTime()
					for b.Loop() {
						ix.cache.clear()
						if r, err = ix.Terms(context.Background(), Query{Text: q}, TermsOptions{}); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
					b.ReportMetric(float64(r.Results), "results")
					b.ReportMetric(float64(r.Sample), "read")
				})
			}
		})
	}
}

// termsOf is ix.Terms of q; an error fails the test.
func termsOf(t *testing.T, ix *Index, q Query, opt TermsOptions) TermsResult {
	t.Helper()
	r, err := ix.Terms(context.Background(), q, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// piecesOf are pieces with the bodies given, titled "Piece i".
func piecesOf(bodies ...string) []string {
	var texts []string
	for i, b := range bodies {
		texts = append(texts, fmt.Sprintf("---\ntitle: Piece %d\ndate: 2020-01-%02d\n---\n%s\n", i, i%28+1, b))
	}
	return texts
}

func termOf(r TermsResult, term string, phrase bool) (SignificantTerm, bool) {
	for _, st := range r.Terms {
		if st.Term == term && st.Phrase == phrase {
			return st, true
		}
	}
	return SignificantTerm{}, false
}

const otherBody = "Cats sat quietly on warm mats."

// TestTermsPairSplitByAStopWord: two words with a stop word between them
// are not a phrase, though each word is a term.
func TestTermsPairSplitByAStopWord(t *testing.T) {
	ix := openPieces(t, t.TempDir(), piecesOf("Zebra golden the harbour.", "Zebra golden the harbour.", otherBody, otherBody, otherBody, otherBody)...)
	r := termsOf(t, ix, Query{Text: "zebra"}, TermsOptions{})
	if _, ok := termOf(r, "golden", false); !ok {
		t.Fatalf("no word golden: %+v", r.Terms)
	}
	for _, st := range r.Terms {
		if st.Phrase {
			t.Errorf("phrase %q (%s) of words parted by a stop word", st.Term, st.Key)
		}
	}
}

// TestTermsDefaultMinDocsOfTen: by default a sample of ten pieces keeps
// the terms in three of them, not those in two (under ten, two).
func TestTermsDefaultMinDocsOfTen(t *testing.T) {
	var bodies []string
	for i := range 10 {
		b := "Zebra walks."
		switch {
		case i < 2:
			b = "Zebra golden walks."
		case i < 5:
			b = "Zebra silver walks."
		}
		bodies = append(bodies, b)
	}
	ix := openPieces(t, t.TempDir(), piecesOf(append(bodies, otherBody, otherBody)...)...)
	r := termsOf(t, ix, Query{Text: "zebra"}, TermsOptions{})
	_, silver := termOf(r, "silver", false)
	_, golden := termOf(r, "golden", false)
	if r.Sample != 10 || !silver || golden {
		t.Errorf("sample %d: silver (3 pieces) %v, golden (2) %v; want 10, true, false: %+v", r.Sample, silver, golden, r.Terms)
	}
}

// TestTermsArchiveCountAfterAnEdit: a word's count in the archive leaves
// out the old version of a piece edited since the index was built, still
// in its segment as a deleted piece until the segments merge: a piece
// that no longer has the word does not count.
func TestTermsArchiveCountAfterAnEdit(t *testing.T) {
	// no read racy: a piece read within the file system's tick of its
	// write is read again by the next update
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) }
	arch, dir := t.TempDir(), t.TempDir()
	texts := piecesOf("Zebra golden.", "Zebra golden.", "Golden cats.", otherBody, otherBody, otherBody, otherBody, otherBody)
	for i, text := range texts {
		if err := os.WriteFile(filepath.Join(arch, fmt.Sprintf("p%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{Dir: dir, compact: compactTest{noMerges: true}} // the deleted piece stays
	ix, err := Open(context.Background(), arch, os.DirFS(arch), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if st, ok := termOf(termsOf(t, ix, Query{Text: "zebra"}, TermsOptions{}), "golden", false); !ok || st.InArchive != 3 {
		t.Fatalf("golden before the edit: %+v, want in 3 of the archive", st)
	}
	if err := os.WriteFile(filepath.Join(arch, "p2.md"), []byte(piecesOf("", "", "Silver cats.")[2]), 0o644); err != nil {
		t.Fatal(err)
	}
	// three more pieces edited: a build may put a piece in a segment of
	// its own (its first batch), which its edit empties and scorch
	// drops; one of four edits leaves its old version in a segment
	for _, i := range []int{5, 6, 7} {
		if err := os.WriteFile(filepath.Join(arch, fmt.Sprintf("p%d.md", i)), []byte(piecesOf(append(make([]string, i), otherBody+" More.")...)[i]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if changed, err := ix.Refresh(context.Background(), opts); !changed || err != nil {
		t.Fatalf("refresh: %v %v", changed, err)
	}
	wantDeletedInSegments(t, ix)
	if n := run(t, ix, Query{Text: "golden"}).Total; n != 2 {
		t.Fatalf("golden found in %d pieces after the edit, want 2", n)
	}
	if st, ok := termOf(termsOf(t, ix, Query{Text: "zebra"}, TermsOptions{}), "golden", false); !ok || st.InArchive != 2 {
		t.Errorf("golden after the edit: %+v, want in 2 of the archive", st)
	}
}

// TestTermsHidesCopies: with copies hidden, Terms reads the results
// search finds, a group of copies once.
func TestTermsHidesCopies(t *testing.T) {
	src, _, _ := copyBundled(t)
	ix := openFolder(t, src, t.TempDir())
	q := Query{Text: "raqqa", CollapseCopies: true}
	want, all := run(t, ix, q).Total, run(t, ix, Query{Text: "raqqa"}).Total
	r := termsOf(t, ix, q, TermsOptions{})
	if r.Results != want || want != all-1 {
		t.Errorf("terms of raqqa with copies hidden read %d results; search finds %d (%d with the copy)", r.Results, want, all)
	}
}

// TestTermsFormOnATie: a word written two ways as often is shown in the
// first form in order, whichever the sample met first.
func TestTermsFormOnATie(t *testing.T) {
	ix := openPieces(t, t.TempDir(), piecesOf("Zebra colours harbour.", "Zebra colour harbours.", otherBody, otherBody, otherBody, otherBody)...)
	r := termsOf(t, ix, Query{Text: "zebra"}, TermsOptions{})
	for _, key := range []string{"color", "harbor"} {
		found := false
		for _, st := range r.Terms {
			if st.Key == key && !st.Phrase {
				found = true
				if want := map[string]string{"color": "colour", "harbor": "harbour"}[key]; st.Term != want {
					t.Errorf("%s shown as %q, want %q", key, st.Term, want)
				}
			}
		}
		if !found {
			t.Errorf("no word %s: %+v", key, r.Terms)
		}
	}
}

// wantDeletedInSegments fails t unless a segment of ix still holds a
// deleted piece (a test of what the dictionaries' counts would hold).
func wantDeletedInSegments(t *testing.T, ix *Index) {
	t.Helper()
	r, done, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	segs, _ := snapshotPrint(r) // id, pieces, deleted of each segment
	done()
	deleted := 0
	for i := 2; i < len(segs); i += 3 {
		deleted += int(segs[i])
	}
	if deleted == 0 {
		t.Fatalf("no deleted piece in the segments %v", segs)
	}
}
