package cli

import (
	"cmp"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// findPiece finds the piece arg names in arch: its id, or its file, by
// path inside the archive (interviews/x.md), by a path on disk that ends
// with one (a shell's completion of ~/sotu/1981_jimmy_carter.md), or by
// name (1981_jimmy_carter.md), or a prefix of its id that no other id has
// (folio list cuts a long id so). A path names the piece at it, and of the
// pieces whose paths are its tails the one of the longest (notes/x.md is
// notes/x.md's piece, not x.md's: a helper's report); ok is false when
// arg names none, or several files of one name.
func findPiece(arch *archive.Archive, arg string) (archive.Article, bool) {
	if a, ok := arch.Get(arg); ok {
		return a, true
	}
	p := strings.TrimPrefix(filepath.ToSlash(filepath.Clean(arg)), "./")
	var found []archive.Article
	best := -1 // the piece whose path is p's longest tail
	for _, a := range arch.Articles {
		if a.Path == p || strings.HasSuffix(p, "/"+a.Path) {
			if best < 0 || len(a.Path) > len(found[best].Path) {
				best = len(found)
			}
			found = append(found, a)
		} else if !strings.Contains(p, "/") && path.Base(a.Path) == p {
			found = append(found, a)
		}
	}
	if best >= 0 {
		return found[best], true
	}
	if len(found) == 1 {
		return found[0], true
	}
	return byIDPrefix(arch.Articles, arg)
}

// noPiece is the error for args that name no piece of arch, with the ids
// nearest to each (by edit distance, or holding it) as "did you mean".
func noPiece(arch *archive.Archive, args []string) error {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = strconv.Quote(a)
	}
	msg := fmt.Sprintf("no piece with id %s in %s", strings.Join(quoted, ", "), termsafe.Quote(arch.Name))
	if len(args) == 1 {
		// the start of several ids: say so, not "no piece" (a
		// researcher's report: `cite 2017` read as no such piece)
		if starting := idsStarting(arch, args[0]); len(starting) > 1 {
			shown := make([]string, min(len(starting), 3))
			for i := range shown {
				shown[i] = termsafe.Quote(starting[i])
			}
			more := ""
			if len(starting) > len(shown) {
				more = fmt.Sprintf(" and %d more", len(starting)-len(shown))
			}
			return fmt.Errorf("%d ids in %s begin with %s: %s%s; give more of the one you mean (folio list shows the ids)",
				len(starting), termsafe.Quote(arch.Name), quoted[0], strings.Join(shown, ", "), more)
		}
		if near := nearIDs(arch, args[0], 3); len(near) > 0 {
			for i, id := range near {
				near[i] = termsafe.Quote(id)
			}
			return fmt.Errorf("%s; did you mean %s?", msg, strings.Join(near, " or "))
		}
	}
	return fmt.Errorf("%s (folio list shows the ids)", msg)
}

// idsStarting are the ids of arch that begin with prefix (as byIDPrefix
// reads one: a trailing "…" left out), in order.
func idsStarting(arch *archive.Archive, prefix string) []string {
	prefix = strings.TrimSuffix(prefix, "…")
	if prefix == "" {
		return nil
	}
	var out []string
	for _, a := range arch.Articles {
		if strings.HasPrefix(a.ID, prefix) {
			out = append(out, a.ID)
		}
	}
	slices.Sort(out)
	return out
}

// nearIDs are at most n ids of arch close to arg: those that hold it or
// its file name's stem, then those within a third of its length in edits,
// nearest first.
func nearIDs(arch *archive.Archive, arg string, n int) []string {
	stem := strings.ToLower(strings.TrimSuffix(path.Base(filepath.ToSlash(arg)), path.Ext(arg)))
	if stem == "" {
		return nil
	}
	type cand struct {
		id   string
		dist int
	}
	var cands []cand
	most := max(len(stem)/3, 2)
	for _, a := range arch.Articles {
		id := strings.ToLower(a.ID)
		if strings.Contains(id, stem) {
			cands = append(cands, cand{a.ID, 0})
			continue
		}
		if abs(len(id)-len(stem)) > most {
			continue
		}
		if d := levenshtein.ComputeDistance(stem, id); d <= most {
			cands = append(cands, cand{a.ID, d})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int { return cmp.Or(a.dist-b.dist, strings.Compare(a.id, b.id)) })
	var out []string
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, c.id)
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// findInIndex is findPiece answered by an index that is current (refreshed,
// not behind the files): the same piece for the same arg, without reading
// the archive. A path is looked up by the path the index stores
// (index.PieceAt), from the whole of it to its shortest tail, so the piece
// at a path is found whatever ids start as its does (a helper's report:
// past 16 ids that started as c+/intro.md's, show c+/intro.md gave
// intro.md's piece); a bare file name, by the ids that end as its stem's
// (or its stem suffixed); a prefix, in the sorted ids. ok is false when arg names no piece the
// index can tell (the caller reads the archive, for its answer and its
// suggestions).
func findInIndex(ix *index.Index, arg string) (archive.Article, bool) {
	if a, err := ix.Article(arg); err == nil {
		return a, true
	}
	if ix.Behind() != "" {
		return archive.Article{}, false
	}
	p := strings.TrimPrefix(filepath.ToSlash(filepath.Clean(arg)), "./")
	var found []archive.Article
	if strings.Contains(p, "/") {
		// the piece at p, else at its longest tail that is a piece's
		// path: one look-up of them all, the first found (index.Resolve)
		if archive.IsPathCandidate(p) {
			tails := []string{p}
			for s := p; strings.Contains(s, "/"); {
				s = s[strings.IndexByte(s, '/')+1:]
				tails = append(tails, s)
			}
			if id, ok := ix.Resolve(tails); ok {
				a, err := ix.Article(id)
				return a, err == nil
			}
		}
	} else if stem := archive.IDFromPath(p); stem != "" && stem != "index" && stem != "_index" {
		// a piece's file name is the last part of its id (a page
		// bundle's, index.md, is not: the archive is read for those), or
		// that part suffixed (archive.AssignIDs): the stored paths tell
		// which are p's (a helper's report: show note_5.md, whose id is
		// note-5-xxxx, read the whole archive)
		ids, err := ix.IDs(func(id string) bool { return namesake(id, stem) }, maxNamesakes+1)
		if err != nil || len(ids) > maxNamesakes {
			return archive.Article{}, false
		}
		paths, err := ix.PathsOf(ids)
		if err != nil {
			return archive.Article{}, false
		}
		for _, id := range ids {
			if path.Base(paths[id]) != p {
				continue
			}
			if a, err := ix.Article(id); err == nil {
				if a.Path == p { // the file at the archive's root: its path
					return a, true
				}
				found = append(found, a)
			}
		}
	} else {
		return archive.Article{}, false
	}
	if len(found) == 1 {
		return found[0], true
	}
	// a prefix of one id
	prefix := strings.TrimSuffix(arg, "…")
	if prefix == "" {
		return archive.Article{}, false
	}
	ids, err := ix.IDs(func(id string) bool { return strings.HasPrefix(id, prefix) }, 2)
	if err != nil || len(ids) != 1 {
		return archive.Article{}, false
	}
	a, err := ix.Article(ids[0])
	return a, err == nil
}

// namesake reports whether id's last part is stem, or stem with a suffix
// of hex digits (archive.AssignIDs): the id of a file named as stem is.
func namesake(id, stem string) bool {
	last := id[strings.LastIndexByte(id, '/')+1:]
	if last == stem {
		return true
	}
	return archive.IsSuffixed(last, stem)
}

// maxNamesakes is how many pieces whose ids end alike findInIndex reads to
// find the one a bare file name names; past it the archive is read.
const maxNamesakes = 16
