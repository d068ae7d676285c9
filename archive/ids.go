package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"iter"
	"path"
	"slices"
	"strings"
)

// Ids of pieces whose names slug alike. A piece's id is its path's slug
// (IDFromPath), and two names may slug alike: my-note.md and my_note.md,
// c/intro.md and c++/intro.md, x.md and 🎉/x.md. Every such file is a
// piece all the same, with an id of its own (a helper's report: the one
// after the first by path was skipped as a duplicate, and a newly added
// my-note.md took the id of my_note.md, with its star, read mark and
// history). AssignIDs decides who has the bare id:
//
//   - a file that had its id before (had: the index records the id each
//     file was indexed under) keeps it, when it is still one the file's
//     path gives (its slug, or its slug with its suffix): a file added
//     later never takes an id, and so a piece's marks, quotes and
//     citation key, from a file that has it;
//   - else, of the files that claim an id none keeps, the one whose path
//     is its id (my-note.md is my-note), else the first by path;
//   - every other file has its slug and a suffix from its path's hash,
//     my-note-2f3a: the same at every load, whatever other files there
//     are, and never another file's slug.
//
// With the same had, every process gives the same ids (the reader's index
// and folio list, check and show from the files: the CLI reads had from
// the index's manifest, index.KnownIDs). Without it (no index yet), the
// rule after had decides.

// suffixLen is the length, in hex digits, of the suffix a file that
// does not have its slug's bare id starts from (suffixed).
const suffixLen = 4

// AssignIDs returns the id of each of paths (archive-relative, slash
// separated, each once; any order), as described above. had, when not
// nil, gives the id a path had before ("" for none), and whether it is
// sure to be one the path gives (an index's own record of it, made by this
// rule): one not sure is checked, which costs its slug. A suffix is never
// the slug of a file that takes its id from its slug.
func AssignIDs(paths []string, had func(path string) (id string, sure bool)) []string {
	ids := make([]string, len(paths))
	claims := make([]string, len(paths)) // "" until needed
	claim := func(i int) string {
		if claims[i] == "" {
			claims[i] = IDFromPath(paths[i])
		}
		return claims[i]
	}
	taken := make(map[string]bool, len(paths))
	order := make([]int, len(paths)) // by path
	for i := range order {
		order[i] = i
	}
	if !slices.IsSorted(paths) { // a scan's are
		slices.SortFunc(order, func(a, b int) int { return strings.Compare(paths[a], paths[b]) })
	}
	// the ids kept from before
	if had != nil {
		for _, i := range order {
			h, sure := had(paths[i])
			if h != "" && !taken[h] && (sure || h == claim(i) || isSuffixOf(h, claim(i), paths[i])) {
				ids[i], taken[h] = h, true
			}
		}
	}
	// the bare ids none kept: a file whose path is its id, else the first
	// by path
	owner := map[string]int{}
	claimed := map[string]bool{}
	for _, i := range order {
		if ids[i] != "" {
			continue
		}
		c := claim(i)
		claimed[c] = true
		if taken[c] {
			continue
		}
		if j, ok := owner[c]; !ok || isExact(paths[i], c) && !isExact(paths[j], c) {
			owner[c] = i
		}
	}
	for c, i := range owner {
		ids[i], taken[c] = c, true
	}
	// the others: suffixed
	for _, i := range order {
		if ids[i] == "" {
			ids[i] = suffixed(claims[i], paths[i], func(id string) bool { return taken[id] || claimed[id] })
			taken[ids[i]] = true
		}
	}
	return ids
}

// isExact reports whether p is id's own file: its path without its
// extension (a page bundle's, its folder) is id.
func isExact(p, id string) bool {
	q := strings.TrimSuffix(p, path.Ext(p))
	if b := path.Base(q); (b == "index" || b == "_index") && strings.Contains(q, "/") {
		q = path.Dir(q)
	}
	return q == id
}

// pathHash is the hex of p's SHA-256, from which its suffix is taken.
func pathHash(p string) string {
	h := sha256.Sum256([]byte(p))
	return hex.EncodeToString(h[:])
}

// suffixed is claim with the shortest suffix of p's hash, at least
// suffixLen digits, that is not used (by a file's id or slug).
func suffixed(claim, p string, used func(string) bool) string {
	h := pathHash(p)
	for id := range suffixes(claim, h) {
		if !used(id) {
			return id
		}
	}
	for n := 2; ; n++ { // every digit of the hash in use: not in this universe
		if id := fmt.Sprintf("%s-%s-%d", claim, h, n); !used(id) {
			return id
		}
	}
}

// suffixes are claim with each suffix of the hash h a file may be given
// (suffixed), shortest first.
func suffixes(claim, h string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for n := suffixLen; n <= len(h); n++ {
			if !yield(claim + "-" + h[:n]) {
				return
			}
		}
	}
}

// isSuffixOf reports whether id is claim with a suffix of p's hash
// (suffixed).
func isSuffixOf(id, claim, p string) bool {
	rest, ok := strings.CutPrefix(id, claim+"-")
	return ok && len(rest) >= suffixLen && strings.HasPrefix(pathHash(p), rest)
}

// IsSuffixed reports whether id is claim given a suffix (AssignIDs) of
// some path's hash: claim, a dash and at least suffixLen hex digits
// (then, when every digit was taken, a dash and a number). The id of a
// file whose slug is claim is claim or one of these.
func IsSuffixed(id, claim string) bool {
	rest, ok := strings.CutPrefix(id, claim+"-")
	if !ok {
		return false
	}
	h, n, more := strings.Cut(rest, "-")
	if len(h) < suffixLen || len(h) > sha256.Size*2 || strings.Trim(h, "0123456789abcdef") != "" {
		return false
	}
	return !more || len(h) == sha256.Size*2 && n != "" && strings.Trim(n, "0123456789") == ""
}

// PathIDs are the ids a file at p may have (AssignIDs): its slug, then its
// slug with each suffix of its path's hash it may be given, shortest
// first. An index, which records each piece's path, finds the piece at a
// path among them (a link naming a file: LinkCandidates).
func PathIDs(p string) []string {
	claim := IDFromPath(p)
	if claim == "" {
		return nil
	}
	h := pathHash(p)
	out := make([]string, 0, 1+len(h)-suffixLen+1)
	out = append(out, claim)
	return slices.AppendSeq(out, suffixes(claim, h))
}
