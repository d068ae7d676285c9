package cli

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/folio-tui/folio/internal/termsafe"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
	"github.com/spf13/cobra"
)

// filterFlags are the filters list, search and stats share. They match as
// archive.Filter says, in every command and in the reader's sidebar, so the
// same filters count the same pieces everywhere.
type filterFlags struct {
	tags, outlets, authors, kinds []string
	languages                     []string // --language: ranges (archive.LanguageRange)
	from, to                      string
	within                        bool // --within
	starred, unread, quoted       bool
	collapse                      bool // --collapse-copies
}

func (f *filterFlags) add(cmd *cobra.Command, env *Env) {
	fl := cmd.Flags()
	defer func() {
		for flag, values := range map[string]func(archive.Article) []string{
			"tag":    func(a archive.Article) []string { return a.Tags },
			"outlet": func(a archive.Article) []string { return []string{cmp.Or(a.Outlet, archive.NoOutlet)} },
			"author": func(a archive.Article) []string {
				if ps := archive.People(a); len(ps) > 0 {
					return ps
				}
				return []string{archive.NoAuthor}
			},
			"kind":     func(a archive.Article) []string { return []string{cmp.Or(a.Kind, archive.KindArticle)} },
			"language": func(a archive.Article) []string { return archive.LanguageValues(a.Language) },
		} {
			_ = cmd.RegisterFlagCompletionFunc(flag, completeValues(env, values, archive.FieldKey(flag)))
		}
	}()
	fl.StringArrayVar(&f.tags, "tag", nil, "only pieces with this tag (repeatable: any of them; case-insensitive)")
	fl.StringArrayVar(&f.outlets, "outlet", nil, "only pieces from this outlet: its name, or words of it in a row (repeatable; case-insensitive)")
	fl.StringArrayVar(&f.authors, "author", nil, "only pieces by this author: a name, or words of it in a row (repeatable; case-insensitive)")
	fl.StringArrayVar(&f.kinds, "kind", nil, "only pieces of this kind: article, interview, ... (repeatable)")
	fl.StringArrayVar(&f.languages, "language", nil, `only pieces in this language: a BCP 47 tag or range (en keeps en, en-GB and en-US; en-GB en-GB alone) or an English name (German), "`+archive.NoLanguage+`" those without one (repeatable; case-insensitive)`)
	fl.StringVar(&f.from, "from", "", "only pieces from this date on (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&f.to, "to", "", "only pieces up to this date (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)")
	fl.BoolVar(&f.within, "within", false, "with --from/--to: only pieces whose date lies wholly in the range (a piece dated only to 2017 is not within --from 2017-09 --to 2017-09)")
	fl.BoolVar(&f.starred, "starred", false, "only starred pieces (reading state: see folio history)")
	fl.BoolVar(&f.unread, "unread", false, "only pieces not yet read")
	fl.BoolVar(&f.quoted, "quoted", false, "only pieces with quotes kept from them (see folio quotes)")
	fl.BoolVar(&f.collapse, "collapse-copies", false, "count a piece republished elsewhere once: of its copies (folio dups), only the earliest the filters keep, then kept when in --from/--to")
}

// filter is the archive.Filter of the flags.
func (f filterFlags) filter() (archive.Filter, error) {
	af := archive.Filter{Tags: f.tags, Outlets: f.outlets, Authors: f.authors, Kinds: f.kinds, Languages: f.languages, Within: f.within}
	if err := archive.CheckLanguages(f.languages); err != nil {
		return af, fmt.Errorf("--language: %v", err)
	}
	if f.within && f.from == "" && f.to == "" {
		return af, errors.New("--within needs --from or --to: it says how they hold a piece's date")
	}
	if f.from != "" {
		d, err := archive.ParseDate(f.from)
		if err != nil {
			return af, fmt.Errorf("--from: %v", err)
		}
		af.From = d.Time
	}
	if f.to != "" {
		d, err := archive.ParseDate(f.to)
		if err != nil {
			return af, fmt.Errorf("--to: %v", err)
		}
		af.To = d.End() // --to 2017-09 keeps the whole of September
	}
	if !af.From.IsZero() && !af.To.IsZero() && !af.From.Before(af.To) {
		// a range no piece can be in: refused, as the reader says it (a
		// helper's report: 0 pieces, saved and charted, unsaid)
		return af, fmt.Errorf("--from %s is after --to %s: no piece can be in between", f.from, f.to)
	}
	return af, nil
}

// reading reports whether a reading filter is asked for.
func (f filterFlags) reading() bool { return f.starred || f.unread || f.quoted }

// applyTo sets q's filters. The reading filters need the reading state st
// (nil when none is asked for): starred pieces as IDs, read ones excluded,
// as the reader does.
func (f filterFlags) applyTo(q *index.Query, st *state.Store) error {
	af, err := f.filter()
	if err != nil {
		return err
	}
	q.Tags, q.Outlets, q.Authors, q.Kinds, q.From, q.To = af.Tags, af.Outlets, af.Authors, af.Kinds, af.From, af.To
	q.Languages = af.Languages
	q.Within, q.CollapseCopies = af.Within, f.collapse
	if st != nil {
		switch {
		case f.starred && f.unread:
			q.IDs = append([]string{}, st.Unread(st.Starred())...)
		case f.starred:
			q.IDs = append([]string{}, st.Starred()...)
		case f.unread:
			q.ExcludeIDs = st.Read()
		}
		if f.quoted {
			quoted, err := quotedPieces(st)
			if err != nil {
				return err
			}
			if f.starred {
				quoted = slices.DeleteFunc(quoted, func(id string) bool { return !slices.Contains(q.IDs, id) })
			}
			q.IDs = append([]string{}, quoted...)
		}
	}
	return nil
}

// quotedPieces is the IDs of the pieces with quotes in the archive of st.
func quotedPieces(st *state.Store) ([]string, error) {
	qs, warn := st.Quotes()
	if warn != nil && qs.Path() != "" {
		return nil, warn
	}
	return qs.Pieces(), nil
}

// periodApart is the rule of a period with copies collapsed
// (archive.CollapseCopiesIn), for keep and folio stats alike: with
// --collapse-copies, rest is the flags but the period (--from, --to,
// --within), which keep the texts the other filters keep, and period the
// period asked of the piece standing for each, kept after them (zero when
// none is asked); without, rest is f and period zero. err is f.filter()'s:
// an invalid filter is refused here as by list and search.
func (f filterFlags) periodApart() (rest filterFlags, period archive.Filter, err error) {
	af, err := f.filter()
	if err != nil || !f.collapse {
		return f, archive.Filter{}, err
	}
	rest = f
	rest.from, rest.to, rest.within = "", "", false
	return rest, archive.Filter{From: af.From, To: af.To, Within: af.Within}, nil
}

// keep returns the pieces of arch the filters keep, in archive order; st is
// the reading state, needed only for the reading filters.
func (f filterFlags) keep(arch *archive.Archive, st *state.Store) ([]archive.Article, error) {
	rest, period, err := f.periodApart()
	if err != nil {
		return nil, err
	}
	af, err := rest.filter()
	if err != nil {
		return nil, err
	}
	keep := af.Keep(arch.Articles)
	if st != nil && f.reading() {
		var quoted []string
		if f.quoted {
			if quoted, err = quotedPieces(st); err != nil {
				return nil, err
			}
		}
		keep = slices.DeleteFunc(keep, func(a archive.Article) bool {
			_, isQuoted := slices.BinarySearch(quoted, a.ID)
			return f.starred && !st.IsStarred(a.ID) || f.unread && st.IsRead(a.ID) || f.quoted && !isQuoted
		})
	}
	if f.collapse {
		keep = archive.CollapseCopiesIn(arch.Articles, keep, period)
	}
	return keep, nil
}

// completeValues completes a filter flag with the archive's values of a
// field (tags, outlets, authors, kinds, languages: a piece's and its
// prefixes, archive.LanguageValues), the most frequent first, each
// with its count as the description; the values of one key are one.
func completeValues(env *Env, values func(archive.Article) []string, key func(string) string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
		arts, ok := completionPieces(env)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		counts := map[string]int{}
		for _, a := range arts {
			for _, v := range values(a) {
				if v != "" && strings.HasPrefix(strings.ToLower(v), strings.ToLower(prefix)) {
					counts[v]++
				}
			}
		}
		// values that differ only in case are one (people and outlets
		// spelt otherwise too: key), as the facet and the filters count
		// them, offered as most pieces spell them
		counts = mergeCases(counts, nil, key)
		vs := slices.Collect(maps.Keys(counts))
		slices.SortFunc(vs, func(a, b string) int { return cmp.Or(counts[b]-counts[a], strings.Compare(a, b)) })
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = fmt.Sprintf("%s\t%d", termsafe.Escape(v), counts[v])
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
	}
}

// openStateOf opens the reading state of the archive named name, with a
// warning on stderr when it comes with one (a corrupt state file set
// aside, a state folder that cannot be read): the command carries on with
// the state it could get.
func openStateOf(env *Env, name string) *state.Store {
	st, warn := state.Open(name, "")
	if warn != nil {
		fmt.Fprintln(env.Err, "folio: warning:", termsafe.Escape(warn.Error()))
	}
	return st
}
