package cli

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
	"github.com/folio-tui/folio/ui"
	"github.com/spf13/cobra"
)

// maxQuoteBytes bounds a passage given to folio quotes add.
const maxQuoteBytes = 64 << 10

func newQuotesCmd(env *Env) *cobra.Command {
	var format, piece, accessed string
	var orphaned bool
	cmd := &cobra.Command{
		Use:   "quotes [QUERY]",
		Short: "Print the passages kept as quotes, with their citations",
		Long: `Print the passages kept as quotes (v in the reader, or folio quotes add),
oldest first, with the citation of each piece:

  markdown  each passage as a Markdown quote ("> " before each line), then the
            note citing it and its citation key as [@key], ready to paste
            into notes; the quote's own note after it
  bibtex    one biblatex entry per quoted piece, with its passages in annote;
            its access date (urldate, of an online piece) is the day its
            first quote was kept, in local time, unless --accessed gives
            another: the same quotes give the same entries on any day
  json      every field of every quote, with whether it is orphaned

A quote is found again in its piece by its text and the text around it, so
it survives edits elsewhere in the piece, re-imports and re-indexing. A quote
whose passage is no longer in its piece, or whose piece is no longer in the
archive, is orphaned: it is kept and printed, marked as such, with the
citation it was taken with.

QUERY keeps the quotes with all its words in the passage, the note, or the
cited title, authors or outlet (case and accents ignored); a query of the
word add or rm goes after -- (folio quotes -- add). Quotes are kept
per archive in $XDG_STATE_HOME/folio/ (default ~/.local/state/folio/), beside
the reading state. folio search --quoted finds the pieces that have quotes.`,
		Example: `  folio quotes
  folio quotes caliphate --format bibtex > quotes.bib
  folio quotes add 2017-10-19-raqqa-terror-is-here-to-stay --text "Isil’s loss of territory has not produced the surge" --note "ch. 3"
  folio quotes --json | jq '.[] | select(.orphaned)'`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format = strings.ToLower(format); format {
			case "markdown", "md":
				format = "markdown"
			case "json", "bibtex":
			case "biblatex", "bib":
				format = "bibtex"
			default:
				return fmt.Errorf("--format %q: want markdown, bibtex or json", format)
			}
			var when time.Time // zero: each piece's day its first quote was kept
			if accessed != "" {
				var err error
				if when, err = time.Parse("2006-01-02", accessed); err != nil {
					return fmt.Errorf("--accessed %q: want YYYY-MM-DD", accessed)
				}
			}
			if cmd.Flags().Changed("json") {
				format = "json"
			}
			name, _, err := env.source()
			if err != nil {
				return err
			}
			query := strings.Join(args, " ")
			all := slices.DeleteFunc(openQuotes(env, name).All(), func(q state.Quote) bool { return !q.Matches(query) })
			var found []resolvedQuote
			var keys *cite.Keyring
			if len(all) > 0 { // else no piece is read: no index is built for none
				src, err := openPieces(cmd.Context(), env)
				if err != nil {
					return err
				}
				defer src.close()
				if piece != "" {
					id := piece
					if a, ok, _ := src.find(piece); ok {
						id = a.ID
					}
					all = slices.DeleteFunc(all, func(q state.Quote) bool { return q.Piece != id })
				}
				found = resolveQuotes(src, all)
				if orphaned {
					found = slices.DeleteFunc(found, func(r resolvedQuote) bool { return r.orphan == "" })
				}
				keys, err = src.keyring(piecesOf(found))
				if err != nil {
					return err
				}
			}
			if len(found) == 0 {
				if format == "json" {
					return writeJSON(env.Out, []quoteJSON{})
				}
				fmt.Fprintln(env.Err, "folio: no quotes"+map[bool]string{true: " match", false: " yet (v in the reader keeps a passage; see folio quotes add)"}[query != "" || piece != "" || orphaned])
				return nil
			}
			var out string
			switch format {
			case "json":
				return writeJSON(env.Out, quotesJSON(found, keys))
			case "bibtex":
				out = quotesBibTeX(found, keys, when)
			default:
				out = quotesMarkdown(found, keys)
			}
			_, err = io.WriteString(env.Out, termsafe.EscapeLines(out))
			return err
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "markdown", "markdown, bibtex or json")
	cmd.Flags().Bool("json", false, "the same as --format json")
	cmd.Flags().StringVar(&piece, "piece", "", "only the quotes of this piece (its id or file)")
	cmd.Flags().BoolVar(&orphaned, "orphaned", false, "only the orphaned quotes: passage or piece gone")
	cmd.Flags().StringVar(&accessed, "accessed", "", "access date for online pieces in bibtex, YYYY-MM-DD (default the day a piece's first quote was kept)")
	_ = cmd.RegisterFlagCompletionFunc("piece", completeIDs(env))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"markdown", "bibtex", "json"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.AddCommand(newQuotesAddCmd(env), newQuotesRmCmd(env))
	return cmd
}

func newQuotesAddCmd(env *Env) *cobra.Command {
	var text, note string
	cmd := &cobra.Command{
		Use:   "add ID --text PASSAGE [--note NOTE]",
		Short: "Keep a passage of a piece as a quote",
		Long: `Keep a passage of the piece ID as a quote. The passage is looked for in the
piece as folio show prints it (without Markdown marks), ignoring case,
spaces, line breaks and punctuation, but for how numbers are written
(their signs, decimal and thousands marks: "5.5" is not "55"), with or
without the URLs show prints after a link's text ("as the report said" of
"as the report https://example.com/r said"), and with or without
footnotes' markers ("in 2019 and" of "in 2019[1] and": those of the
piece's footnotes and links to notes, some kept and others left out or
all; "[x]" of "f[x]" written as text is its text); where it occurs more
than once the first is kept. The quote kept is the passage as the piece writes
it, in folio show's lines (its case, accents, dashes and quotation marks; the
URLs and markers left out where the passage left them out), not as typed.
--text - reads the passage from stdin. Prints the new quote's id.`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeIDs(env),
		RunE: func(cmd *cobra.Command, args []string) error {
			if text == "-" {
				b, err := io.ReadAll(io.LimitReader(env.In, maxQuoteBytes+1))
				if err != nil {
					return err
				}
				text = string(b)
			}
			if len(text) > maxQuoteBytes {
				return fmt.Errorf("the passage is over %d KB", maxQuoteBytes>>10)
			}
			text = archive.Sanitize(text)
			if !state.Selectable(text) {
				return errors.New("give the passage to keep with --text: it needs a letter or a digit")
			}
			src, err := openPieces(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer src.close()
			named, err := src.named(args)
			if err != nil {
				return err
			}
			a := named[0]
			prepared, err := quoteText(src, a)
			if err != nil {
				return err
			}
			sel, n, ok := prepared.Find(text)
			if !ok {
				return fmt.Errorf("the passage is not in %s (folio show %s prints the text quotes are taken from)", termsafe.Quote(a.ID), termsafe.Quote(a.ID))
			}
			if n > 1 {
				fmt.Fprintf(env.Err, "folio: the passage occurs %d times in %s; kept the first\n", n, termsafe.Quote(a.ID))
			}
			keys, err := src.keyring([]archive.Article{a})
			if err != nil {
				return err
			}
			qs := openQuotes(env, src.name)
			q, err := qs.Add(state.Quote{Piece: a.ID, Selector: sel, Note: archive.SanitizeLine(note), Citation: state.CitationOf(a, keys.Key(a))})
			if err != nil {
				return err
			}
			if err := qs.Save(); err != nil {
				return fmt.Errorf("the quote was not saved: %w", err)
			}
			_, err = fmt.Fprintln(env.Out, q.ID)
			return err
		},
	}
	cmd.Flags().StringVar(&text, "text", "", "the passage to keep (- reads it from stdin)")
	cmd.Flags().StringVar(&note, "note", "", "a note of your own on the quote")
	return cmd
}

func newQuotesRmCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "rm QUOTE-ID...",
		Short: "Delete quotes by their ids (folio quotes --json shows them)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, _, err := env.source() // the name alone: no file is read
			if err != nil {
				return err
			}
			qs := openQuotes(env, name)
			var missing []string
			for _, id := range args {
				if !qs.Remove(id) {
					missing = append(missing, termsafe.Quote(id))
				}
			}
			if err := qs.Save(); err != nil {
				return err
			}
			if len(missing) > 0 {
				return fmt.Errorf("no quote with id %s", strings.Join(missing, ", "))
			}
			return nil
		},
	}
}

// openQuotes opens the quotes of the archive named name; a warning goes to
// stderr, as with openStateOf.
func openQuotes(env *Env, name string) *state.Quotes {
	qs, warn := state.OpenQuotes(name, "")
	if warn != nil {
		fmt.Fprintln(env.Err, "folio: warning:", termsafe.Escape(warn.Error()))
	}
	return qs
}

// pieceText is the text quotes are taken from and found in (ui.QuoteText:
// the piece as folio show prints it plain, links to other pieces read as
// their titles), the reader's too when it keeps a quote.
func pieceText(src *pieceSource, a archive.Article) (string, error) {
	return ui.QuoteText(a, src.title)
}

// quoteText is pieceText prepared for finding passages in, as shown or,
// when not so, as read, its links' URLs, its footnotes' markers or both
// left out (state.NewTextAsRead: a passage quoted from the original
// page, or from the Markdown, has none of the URLs folio shows after a
// link's text, and may have no markers). The URLs and markers are those
// of the piece's own Markdown (ui.ShownOf), as the reader's
// (locateQuotesCmd): a link MarkLinksIn shows as text with its target is
// one too; a label in brackets the piece writes as text ("f[x]") is no
// marker.
func quoteText(src *pieceSource, a archive.Article) (*state.Text, error) {
	text, err := pieceText(src, a)
	if err != nil {
		return nil, err
	}
	return state.NewTextAsRead(text, func() state.Shown { return ui.ShownOf(a.Body) }), nil
}

// resolvedQuote is a quote with its piece as the archive has it now.
type resolvedQuote struct {
	state.Quote
	piece  archive.Article
	orphan string // why it is orphaned; "" when its passage was found
}

const (
	orphanPieceGone   = "the piece is no longer in the archive"
	orphanPassageGone = "the passage is no longer in the piece"
)

// resolveQuotes finds each quote in its piece's text, rendering each quoted
// piece once, the pieces on all cores.
func resolveQuotes(src *pieceSource, qs []state.Quote) []resolvedQuote {
	out := make([]resolvedQuote, len(qs))
	byPiece := map[string][]int{}
	for i, q := range qs {
		out[i].Quote = q
		byPiece[q.Piece] = append(byPiece[q.Piece], i)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for id, idx := range byPiece {
		a, ok := src.get(id)
		if !ok {
			for _, i := range idx {
				out[i].orphan = orphanPieceGone
			}
			continue
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			prepared, err := quoteText(src, a)
			for _, i := range idx {
				out[i].piece = a
				if err != nil {
					out[i].orphan = orphanPassageGone
				} else if _, _, found := prepared.Locate(out[i].Selector); !found {
					out[i].orphan = orphanPassageGone
				}
			}
		})
	}
	wg.Wait()
	return out
}

// piecesOf are the pieces of the archive rs quote, each once.
func piecesOf(rs []resolvedQuote) []archive.Article {
	var arts []archive.Article
	seen := map[string]bool{}
	for _, r := range rs {
		if r.orphan != orphanPieceGone && !seen[r.piece.ID] {
			seen[r.piece.ID] = true
			arts = append(arts, r.piece)
		}
	}
	return arts
}

// asRecorded says whether a quote is cited as its citation recorded the
// piece when it was quoted: when it is orphaned, its piece gone or its
// passage (the piece changed since: README). Before, a quote whose
// passage was gone was cited as the piece is now, another version, under
// its key now (an attack: a passage of "Count b v1", 2020, cited as "Count
// b v2", 2021). A quote recorded without a title is cited as its piece is.
func (r resolvedQuote) asRecorded() bool {
	return r.orphan == orphanPieceGone || r.orphan == orphanPassageGone && r.Citation.Title != ""
}

// article is the piece a quote cites: the archive's, or, when orphaned
// (asRecorded), the one its citation recorded, with the key it recorded.
func (r resolvedQuote) article(keys *cite.Keyring) (archive.Article, string) {
	if !r.asRecorded() {
		return r.piece, keys.Key(r.piece)
	}
	// The recorded citation is read as the archive reads a piece's front
	// matter (the quotes file may have been edited by hand): one line a
	// field, no controls, an http(s) URL; a key that could end a biblatex
	// entry or a Markdown citation early is made anew.
	c := r.Citation
	a := archive.Article{ID: r.Piece, Title: archive.SanitizeLine(c.Title), Outlet: archive.SanitizeLine(c.Outlet), Kind: archive.SanitizeLine(c.Kind)}
	for _, name := range c.Authors {
		if name = archive.SanitizeLine(name); name != "" {
			a.Authors = append(a.Authors, name)
		}
	}
	if archive.ValidURL(c.URL) == nil {
		a.URL = c.URL
	}
	a.Date, _ = archive.ParseDate(c.Date)
	if !citeKey.MatchString(c.Key) {
		return a, cite.Key(a)
	}
	return a, c.Key
}

// citeKey is a citation key that is safe to print as it is: cite.Key's
// letters and digits, and the punctuation keys of other tools have.
var citeKey = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,99}$`)

// quotesMarkdown is each quote as a Markdown block quote, line by line,
// then its citation and key and its note.
func quotesMarkdown(rs []resolvedQuote, keys *cite.Keyring) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, line := range strings.Split(strings.TrimSpace(r.Exact), "\n") {
			if line = strings.TrimSpace(line); line == "" {
				b.WriteString(">\n")
			} else {
				b.WriteString("> " + markdownLine(line) + "\n")
			}
		}
		a, key := r.article(keys)
		fmt.Fprintf(&b, "\n— %s [@%s]\n", cite.MarkdownCitation(a), key)
		if note := archive.SanitizeLine(r.Note); note != "" {
			fmt.Fprintf(&b, "\nNote: %s\n", cite.EscapeMarkdown(note))
		}
		if r.orphan != "" {
			fmt.Fprintf(&b, "\n(Orphaned: %s.)\n", r.orphan)
		}
	}
	return b.String()
}

// markdownLine escapes a line of a passage for a Markdown quote: its marks
// (cite.EscapeMarkdown), and a start that would read as a heading (also
// the = or - line under a setext one), a list item, a nested quote, a
// rule, a code fence or a table's row.
func markdownLine(line string) string {
	line = cite.EscapeMarkdown(line)
	if line != "" && strings.IndexByte("#>+-=~|:", line[0]) >= 0 {
		return `\` + line
	}
	if i := strings.IndexFunc(line, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (line[i] == '.' || line[i] == ')') {
		return line[:i] + `\` + line[i:]
	}
	return line
}

// quotesBibTeX is one biblatex entry per quoted piece, in the order of each
// piece's first quote, its passages in annote, one a line: “passage” (note).
// A piece's orphaned quotes cited as recorded (asRecorded) are the entry of
// the version each recorded, not the piece's now. An entry's access date
// (urldate) is accessed, or, when that is zero, the local day its first
// quote was kept (as folio cite's access date is a local day), today for
// quotes of no time: the same quotes are the same entries on any day.
func quotesBibTeX(rs []resolvedQuote, keys *cite.Keyring, accessed time.Time) string {
	var order []string
	byPiece := map[string][]resolvedQuote{}
	for _, r := range rs {
		entry := r.Piece
		if r.asRecorded() {
			c := r.Citation
			entry = strings.Join(append([]string{r.Piece, c.Key, c.Title, c.Date, c.Outlet, c.URL, c.Kind}, c.Authors...), "\x00")
		}
		if _, ok := byPiece[entry]; !ok {
			order = append(order, entry)
		}
		byPiece[entry] = append(byPiece[entry], r)
	}
	used := map[string]bool{}
	var b strings.Builder
	for i, id := range order {
		group := byPiece[id]
		a, key := group[0].article(keys)
		for used[key] { // a gone piece's old key, since given to another
			key += "x"
		}
		used[key] = true
		var lines []string
		for _, r := range group {
			// Cleaned here, not only escaped at the end: "\x1b" in a
			// field is a LaTeX command.
			l := "“" + archive.SanitizeLine(r.Exact) + "”"
			if note := archive.SanitizeLine(r.Note); note != "" {
				l += " (" + note + ")"
			}
			if r.orphan != "" {
				l += " [orphaned: " + r.orphan + "]"
			}
			lines = append(lines, l)
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(cite.BibTeXAnnotated(a, key, keptDay(group, accessed), strings.Join(lines, "\n    ")))
	}
	return b.String()
}

// keptDay is accessed, or when it is zero the local time the first of
// group was kept (Created, stored in UTC: its day in UTC was tomorrow
// west of UTC in the evening), or now when none has a time.
func keptDay(group []resolvedQuote, accessed time.Time) time.Time {
	if !accessed.IsZero() {
		return accessed
	}
	var first time.Time
	for _, r := range group {
		if !r.Created.IsZero() && (first.IsZero() || r.Created.Before(first)) {
			first = r.Created
		}
	}
	if first.IsZero() {
		return time.Now()
	}
	return first.Local()
}

type quoteJSON struct {
	ID           string         `json:"id"`
	Piece        string         `json:"piece"`
	Exact        string         `json:"exact"`
	Prefix       string         `json:"prefix"`
	Suffix       string         `json:"suffix"`
	Position     int            `json:"position"`
	Note         string         `json:"note"`
	Created      time.Time      `json:"created"`
	Citation     state.Citation `json:"citation"`
	CitationText string         `json:"citation_text"`
	Orphaned     bool           `json:"orphaned"`
	Orphan       string         `json:"orphan_reason,omitempty"`
}

// quotesJSON is every field of each quote; the citation is the piece's as
// the archive has it now (the recorded one when the piece is gone).
func quotesJSON(rs []resolvedQuote, keys *cite.Keyring) []quoteJSON {
	out := make([]quoteJSON, 0, len(rs))
	for _, r := range rs {
		a, key := r.article(keys)
		c := r.Citation
		if !r.asRecorded() {
			c = state.CitationOf(a, key)
		}
		c.Key, c.Authors = key, nonNil(c.Authors)
		out = append(out, quoteJSON{
			ID: r.ID, Piece: r.Piece, Exact: r.Exact, Prefix: r.Prefix, Suffix: r.Suffix, Position: r.Position,
			Note: r.Note, Created: r.Created, Citation: c, CitationText: cite.TextCitation(a),
			Orphaned: r.orphan != "", Orphan: r.orphan,
		})
	}
	return out
}
