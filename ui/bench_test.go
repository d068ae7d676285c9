package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/corpus"
)

// The render and scroll figures of the performance targets (a 50 KB piece
// rendered in ≤ 20 ms, one scroll frame in ≤ 1 ms), in-process, on the real
// code paths: a real index on disk, renderCmd as the reader runs it, and the
// Model's Update and View for scrolling.
//
//	go test ./ui -run '^$' -bench 'Render|Scroll' -benchtime 20x
//
// bench/tui.go measures the same UI whole-process, in tmux.

const (
	benchWidth, benchHeight = 120, 40
	benchPieceBytes         = 50 << 10
	benchTitle              = "A long piece for the render benchmark"
)

// renderFixture is an archive of a few generated pieces (so that the
// reader's related pieces exist) and one ~50 KB Markdown piece with
// headings, lists, quotes, emphasis and links, indexed on disk.
type renderFixture struct {
	ix   *index.Index
	id   string // the long piece
	body string // its Markdown body
}

func newRenderFixture(b *testing.B) renderFixture {
	b.Helper()
	tmp := b.TempDir()
	arch := filepath.Join(tmp, "archive")
	if err := corpus.Generate(arch, 16, 7); err != nil {
		b.Fatal(err)
	}
	paras := corpusParagraphs(b, arch)
	body := longMarkdown(paras, benchPieceBytes)
	piece := fmt.Sprintf("---\ntitle: %q\ndate: \"2020-05-01\"\nauthors: [\"Ann Example\"]\noutlet: \"The Telegraph\"\nkind: article\ntags: [isis, mi5, prevent]\nurl: https://example.org/2020/long-piece\nstandfirst: %q\n---\n\n%s",
		benchTitle, firstSentence(paras[0]), body)
	if err := os.MkdirAll(filepath.Join(arch, "2020"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(arch, "2020", "long-piece.md"), []byte(piece), 0o644); err != nil {
		b.Fatal(err)
	}
	a, _, err := archive.Open(arch)
	if err != nil {
		b.Fatal(err)
	}
	id := ""
	for _, art := range a.Articles {
		if art.Title == benchTitle {
			id = art.ID
		}
	}
	if id == "" {
		b.Fatal("the long piece is not in the archive")
	}
	ix, err := index.OpenDir(context.Background(), arch, index.Options{Dir: filepath.Join(tmp, "index")})
	if err != nil {
		b.Fatal(err)
	}
	if ix.Fallback() != "" {
		b.Fatal(ix.Fallback())
	}
	b.Cleanup(func() { ix.Close() })
	return renderFixture{ix: ix, id: id, body: body}
}

// corpusParagraphs are the body paragraphs of the generated pieces.
func corpusParagraphs(b *testing.B, dir string) []string {
	b.Helper()
	var paras []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// Front matter: "---\n…\n---\n\n".
		parts := strings.SplitN(string(data), "\n---\n", 2)
		if len(parts) != 2 {
			return nil
		}
		for _, para := range strings.Split(parts[1], "\n\n") {
			if para = strings.TrimSpace(para); para != "" {
				paras = append(paras, para)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(paras) == 0 {
		b.Fatal("no paragraphs generated")
	}
	return paras
}

func firstSentence(p string) string {
	if i := strings.Index(p, ". "); i > 0 {
		return p[:i+1]
	}
	return p
}

// longMarkdown writes at least n bytes of Markdown from paras: a section
// heading every five paragraphs, then a bulleted list, a quote, a numbered
// list; emphasis, strong words and links in the running text.
func longMarkdown(paras []string, n int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		p := paras[i%len(paras)]
		words := strings.Fields(p)
		if i%5 == 0 {
			fmt.Fprintf(&sb, "## Section %d: %s\n\n", i/5+1, strings.Join(words[:min(4, len(words))], " "))
		}
		switch i % 5 {
		case 1:
			if len(words) > 6 {
				words[3] = "*" + words[3] + "*"
				words[6] = "**" + words[6] + "**"
			}
		case 2:
			if len(words) > 8 {
				words[8] = fmt.Sprintf("[%s](https://example.org/ref/%d)", words[8], i)
			}
		}
		sb.WriteString(strings.Join(words, " "))
		sb.WriteString("\n\n")
		switch i % 10 {
		case 3:
			for _, s := range strings.SplitAfter(p, ". ")[:min(3, len(strings.SplitAfter(p, ". ")))] {
				fmt.Fprintf(&sb, "- %s\n", strings.TrimSpace(s))
			}
			sb.WriteString("\n")
		case 6:
			fmt.Fprintf(&sb, "> %s\n\n", firstSentence(paras[(i+7)%len(paras)]))
		case 8:
			for k, s := range strings.SplitAfter(p, ". ")[:min(3, len(strings.SplitAfter(p, ". ")))] {
				fmt.Fprintf(&sb, "%d. %s\n", k+1, strings.TrimSpace(s))
			}
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// BenchmarkRenderPiece50KB renders the 50 KB piece as the reader does when
// it opens it: renderCmd loads the piece from the index, finds its related
// pieces, renders the Markdown with Glamour at the reader's column width
// (100 cells on a 120-column terminal) and lays out the header.
func BenchmarkRenderPiece50KB(b *testing.B) {
	fx := newRenderFixture(b)
	st := NewStyles(true, false)
	key := renderKey{id: fx.id, width: columnWidthFor(benchWidth), style: st.GlamourStyle}
	b.SetBytes(int64(len(fx.body)))
	b.ResetTimer()
	for range b.N {
		msg, ok := renderCmd(fx.ix, key, st)().(renderedMsg)
		if !ok || msg.err != nil || len(msg.lines) < 100 {
			b.Fatalf("render failed: %v (%d lines)", msg.err, len(msg.lines))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
}

// BenchmarkRenderMarkdown50KB is the Glamour part of the render alone.
func BenchmarkRenderMarkdown50KB(b *testing.B) {
	fx := newRenderFixture(b)
	b.SetBytes(int64(len(fx.body)))
	b.ResetTimer()
	for range b.N {
		if _, _, err := renderMarkdown(fx.body, columnWidthFor(benchWidth), "dark"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
}

// BenchmarkScrollFrame is one scroll step in the reader and the frame that
// follows: Update with j (or k on the way back) and View, the 50 KB piece
// already rendered and open at 120×40 after a search for it (so the query's
// words are highlighted, as they are when a piece is opened from results).
// Bubble Tea's own diffing and writing of the frame are not included; the
// tmux figures of bench/tui.go are.
func BenchmarkScrollFrame(b *testing.B) {
	fx := newRenderFixture(b)
	d := newBenchDriver(fx.ix)
	d.send(tea.WindowSizeMsg{Width: benchWidth, Height: benchHeight})
	d.until(b, "the results", func(m Model) bool { return m.haveResult })
	d.send(keyPress("/"))
	for _, r := range "render benchmark" {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	d.send(keyPress("enter")) // leaves the box and searches at once
	d.until(b, "the long piece's hit", func(m Model) bool {
		h, ok := m.list.hit(0)
		return m.focus == paneList && ok && h.ID == fx.id
	})
	d.send(keyPress("enter"))
	d.until(b, "the rendered piece", func(m Model) bool {
		return m.focus == paneReader && m.reader.ready && m.reader.err == nil
	})
	if max := d.m.reader.maxOffset(); max < 200 {
		b.Fatalf("the piece has only %d lines to scroll", max)
	}
	down, up := keyPress("j"), keyPress("k")
	dir := 1
	var frame string
	b.ResetTimer()
	for range b.N {
		r := d.m.reader
		switch {
		case dir > 0 && r.offset >= r.maxOffset():
			dir = -1
		case dir < 0 && r.offset == 0:
			dir = 1
		}
		k := down
		if dir < 0 {
			k = up
		}
		next, cmd := d.m.Update(k)
		d.m = next.(Model)
		if cmd != nil {
			b.Fatal("scrolling returned a Cmd")
		}
		frame = d.m.View().Content
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e6/float64(b.N), "ms/op")
	if !strings.Contains(frame, "%") {
		b.Fatalf("no reader bar in the last frame:\n%s", frame)
	}
}

// benchDriver runs a Model as Bubble Tea does, with Cmds in goroutines and
// their messages fed back through Update, but only while until waits; a
// timer nobody waits for (the status line's) is simply left behind.
type benchDriver struct {
	m    Model
	msgs chan tea.Msg
}

func newBenchDriver(ix *index.Index) *benchDriver {
	opts := Options{OpenIndex: func(context.Context, func(done, total int)) (Searcher, Info, error) {
		return ix, Info{Count: ix.Count()}, nil
	}}
	d := &benchDriver{m: New(opts), msgs: make(chan tea.Msg, 1024)}
	d.run(openIndexCmd(context.Background(), opts.OpenIndex, d.m.relay))
	return d
}

func (d *benchDriver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		if msg := cmd(); msg != nil {
			d.msgs <- msg
		}
	}()
}

func (d *benchDriver) send(msg tea.Msg) {
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			d.run(c)
		}
		return
	}
	if seq, ok := sequence(msg); ok {
		go func() {
			for _, c := range seq {
				if c == nil {
					continue
				}
				if msg := c(); msg != nil {
					d.msgs <- msg
				}
			}
		}()
		return
	}
	next, cmd := d.m.Update(msg)
	d.m = next.(Model)
	d.run(cmd)
}

func (d *benchDriver) until(b *testing.B, what string, cond func(Model) bool) {
	b.Helper()
	timeout := time.After(30 * time.Second)
	for !cond(d.m) {
		select {
		case msg := <-d.msgs:
			d.send(msg)
		case <-timeout:
			b.Fatalf("waited 30 s for %s", what)
		}
	}
}

// BenchmarkListFrameManyHits times one frame of the list over 2,500 hits
// with the last page loaded (G): only the visible rows are rendered, so a
// frame costs what a short list's does. (A test once asserted under 20 ms
// a frame by the wall clock; the figure belongs here.)
func BenchmarkListFrameManyHits(b *testing.B) {
	base := testArticles()
	var many []archiveArticle
	for i := range 2500 {
		a := base[i%len(base)]
		a.ID = a.ID + "-" + itoa(i)
		many = append(many, a)
	}
	b.Setenv("NO_COLOR", "")
	f := newFake(many...)
	opts := Options{OpenIndex: func(context.Context, func(done, total int)) (Searcher, Info, error) {
		return f, Info{Count: len(many)}, nil
	}, After: testClock}
	d := &benchDriver{m: New(opts), msgs: make(chan tea.Msg, 1024)}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.run(openIndexCmd(context.Background(), opts.OpenIndex, d.m.relay))
	d.until(b, "the results", func(m Model) bool { return m.haveResult && m.list.total == len(many) })
	d.send(keyPress("G"))
	d.until(b, "the last page", func(m Model) bool { _, ok := m.list.selected(); return ok })
	for b.Loop() {
		_ = d.m.View()
	}
}
