package index

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/folio-tui/folio/archive"
)

// BenchmarkQueryRSS measures what querying keeps resident: it opens the
// cached index of the archive FOLIO_RSS_ARCHIVE in the cache folder
// FOLIO_RSS_INDEX (skipped when they are not set), types typedBench as
// BenchmarkTyping does, then runs the query mix in full (snippets of 50
// hits) and exact forms, and reports the process's peak RSS (VmHWM) and
// its resident memory of its own (RssAnon) and of mapped files (RssFile,
// the index's pages) after the typing and after the rest, with the CPU
// time of each part. Run it alone (-bench 'QueryRSS$'): the figures are
// the process's. FOLIO_RSS_BOUND (MB) sets KeepMappedUnder, as the reader
// does (cli/tui.go).
//
//	FOLIO_RSS_ARCHIVE=/data/archive-100000 FOLIO_RSS_INDEX=/tmp/idx \
//	  go test ./index -run '^$' -bench 'QueryRSS$' -benchtime 1x
func BenchmarkQueryRSS(b *testing.B) {
	src, dir := os.Getenv("FOLIO_RSS_ARCHIVE"), os.Getenv("FOLIO_RSS_INDEX")
	if src == "" || dir == "" {
		b.Skip("FOLIO_RSS_ARCHIVE and FOLIO_RSS_INDEX not set")
	}
	ctx := context.Background()
	c0, t0 := cpuTime(), time.Now()
	ix, err := Open(ctx, src, os.DirFS(src), Options{Dir: dir, ResultCache: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if ix.Fallback() != "" || !ix.Stats().Unchanged {
		b.Fatalf("not the cached index: %q %+v", ix.Fallback(), ix.Stats())
	}
	if mb, _ := strconv.Atoi(os.Getenv("FOLIO_RSS_BOUND")); mb > 0 {
		ix.KeepMappedUnder(int64(mb) << 20)
	}
	b.Logf("open: %.1f CPU ms, %v wall; %s", ms(cpuTime()-c0), time.Since(t0).Round(time.Millisecond), statusMB())
	for b.Loop() {
		c0 = cpuTime()
		for _, text := range typedBench {
			for i := 1; i <= len(text); i++ {
				v := text[:i]
				q := Query{Text: strings.TrimSpace(v), Limit: 100, Mode: ModeHits}
				q.Typing = q.Text != "" && !strings.HasSuffix(v, " ")
				if _, err := ix.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
				q.Mode, q.Limit = ModeFacets, 0
				if _, err := ix.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Logf("typing: %.1f CPU ms; %s", ms(cpuTime()-c0), statusMB())
		c0 = cpuTime()
		for _, bq := range BenchQueries {
			q := bq.Query
			q.Limit = 50
			if _, err := ix.Search(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("mix with snippets: %.1f CPU ms; %s", ms(cpuTime()-c0), statusMB())
		c0 = cpuTime()
		for _, q := range []Query{{Text: `"prohibitory"`}, {Text: "NATO"}, {Text: `"government"`}} {
			q.Limit = 50
			if _, err := ix.Search(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("exact forms: %.1f CPU ms; %s", ms(cpuTime()-c0), statusMB())
	}
	b.ReportMetric(statusValueMB("VmHWM"), "VmHWM-MB")
	b.ReportMetric(statusValueMB("RssAnon"), "RssAnon-MB")
	b.ReportMetric(statusValueMB("RssFile"), "RssFile-MB")
	b.ReportMetric(float64(ix.releases.Load()), "releases")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// statusMB are this process's peak and current resident memory, in MB.
func statusMB() string {
	return fmt.Sprintf("VmHWM %.0f MB, RssAnon %.0f MB, RssFile %.0f MB",
		statusValueMB("VmHWM"), statusValueMB("RssAnon"), statusValueMB("RssFile"))
}

// statusValueMB is a field of /proc/self/status in MB; 0 where there is none.
func statusValueMB(field string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			var kib int64
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kib)
			return float64(kib) / 1024
		}
	}
	return 0
}

// BenchmarkFormsCPU is the CPU time per query (the process's user+system
// time: steadier than wall time on a shared machine) of the queries that
// read the pieces' texts: the mix in full (snippets of 50 hits), exact and
// capitalised forms, a word being typed, a misspelling's suggestion, and
// Terms. It opens the index as the search benchmarks do (benchOpen).
func BenchmarkFormsCPU(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			ix := benchOpen(b, n)
			qs := []Query{{Text: "government"}, {Text: `"government"`}, {Text: `"prohibitory"`}, {Text: "NATO"},
				{Text: "radica", Typing: true}, {Text: "governm", Typing: true}, {Text: "goverment"}, {Text: `"united states"`}}
			for _, q := range qs {
				b.Run(strings.ReplaceAll(q.Text, `"`, "'")+map[bool]string{true: "-typing"}[q.Typing], func(b *testing.B) {
					var cpu time.Duration
					runs := 0
					for b.Loop() {
						ix.cache.clear()
						q.Limit = 50
						c0 := cpuTime()
						if _, err := ix.Search(context.Background(), q); err != nil {
							b.Fatal(err)
						}
						cpu += cpuTime() - c0
						runs++
					}
					b.ReportMetric(ms(cpu)/float64(runs), "cpu-ms")
				})
			}
			b.Run("terms", func(b *testing.B) {
				var cpu time.Duration
				runs := 0
				for b.Loop() {
					c0 := cpuTime()
					if _, err := ix.Terms(context.Background(), Query{Text: "economy"}, TermsOptions{N: 20}); err != nil {
						b.Fatal(err)
					}
					cpu += cpuTime() - c0
					runs++
				}
				b.ReportMetric(ms(cpu)/float64(runs), "cpu-ms")
			})
		})
	}
}

// BenchmarkReadTexts compares two ways to have the texts of a page of
// hits: from the bodies store (bodies.go: pread, CRC, snappy) and from the
// archive's files (archive.ParseFile: read and parse the Markdown), over
// the same 500 pieces, in CPU µs a piece.
func BenchmarkReadTexts(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			ix := benchOpen(b, n)
			src := benchArchive(b, n)
			req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 500, 0, false)
			req.Fields = []string{fBodyAt, fPath}
			ix.inUse.RLock()
			defer ix.inUse.RUnlock()
			sr, err := ix.bi.Search(req)
			if err != nil || len(sr.Hits) == 0 {
				b.Fatal(err)
			}
			b.Run("store", func(b *testing.B) {
				var cpu time.Duration
				pieces := 0
				for b.Loop() {
					c0 := cpuTime()
					for _, h := range sr.Hits {
						if sf, note, body := ix.longTexts(h.Fields); sf == "" && note == "" && body == "" {
							b.Fatalf("no texts for %s", h.ID)
						}
					}
					cpu += cpuTime() - c0
					pieces += len(sr.Hits)
				}
				b.ReportMetric(float64(cpu.Microseconds())/float64(pieces), "cpu-µs/piece")
			})
			b.Run("files", func(b *testing.B) {
				fsys := os.DirFS(src)
				var cpu time.Duration
				pieces := 0
				for b.Loop() {
					c0 := cpuTime()
					for _, h := range sr.Hits {
						if a, _ := archive.ParseFile(fsys, str(h.Fields[fPath])); a.Body == "" {
							b.Fatalf("no body in %s", str(h.Fields[fPath]))
						}
					}
					cpu += cpuTime() - c0
					pieces += len(sr.Hits)
				}
				b.ReportMetric(float64(cpu.Microseconds())/float64(pieces), "cpu-µs/piece")
			})
		})
	}
}
