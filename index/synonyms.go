package index

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/folio-tui/folio/archive"
)

//go:embed synonyms.txt
var bundledSynonyms []byte

// Synonyms are groups of names for one thing (Isil, ISIS, IS, Islamic State,
// Daesh). A query for any variant of a group searches for all of them. The
// expansion happens at query time, so editing the list never needs a
// re-index.
type Synonyms struct {
	groups [][][]string // group → variant → analysed terms ("" for a dropped stop word)
	raw    [][]string   // group → variant as written
	// byFirst maps the first term of a variant to the groups it starts.
	byFirst map[string][]variantRef
}

type variantRef struct{ group, variant int }

// UserSynonymsPath is where a user's own synonym groups live:
// $XDG_CONFIG_HOME/folio/synonyms.txt (os.UserConfigDir).
func UserSynonymsPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "folio", "synonyms.txt")
}

// LoadSynonyms reads the bundled groups plus those in the given files.
// A file that does not exist is skipped; one that cannot be read (not a
// regular file, over the size limit) is an error naming it, and a line
// over maxSynonymLine one naming the file and line, which is skipped: the
// groups that did load, the rest of the file's included, are returned.
func LoadSynonyms(paths ...string) (*Synonyms, error) {
	s := &Synonyms{byFirst: map[string][]variantRef{}}
	s.add("", bundledSynonyms)
	var errs []error
	for _, p := range paths {
		if p == "" {
			continue
		}
		data, err := archive.ReadRegular(p, archive.MaxFileSize) // not a pipe: it would block
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // named here, once
			}
			errs = append(errs, fmt.Errorf("%s: %w; its groups are not searched", p, err))
			continue
		}
		errs = append(errs, s.add(p, data)...)
	}
	return s, errors.Join(errs...)
}

var (
	defaultSynonymsOnce sync.Once
	defaultSynonyms     *Synonyms
	defaultSynonymsErr  error
)

// DefaultSynonyms is the bundled list plus the user's file, loaded once;
// what was wrong with the user's file is SynonymsError's.
func DefaultSynonyms() *Synonyms {
	defaultSynonymsOnce.Do(func() {
		defaultSynonyms, defaultSynonymsErr = LoadSynonyms(UserSynonymsPath())
	})
	return defaultSynonyms
}

// SynonymsError is what DefaultSynonyms found wrong with the user's
// synonyms file, naming it (and the line), or nil: the CLI says it on
// stderr and the reader in its status line (a helper's report: a bad
// file was ignored without a word).
func SynonymsError() error {
	DefaultSynonyms()
	return defaultSynonymsErr
}

// maxSynonymLine caps a line of a synonyms file; a longer one is skipped.
const maxSynonymLine = 1 << 20

// add reads the groups of data, the file at path ("": the bundled list),
// and returns an error for each line it skipped.
func (s *Synonyms) add(path string, data []byte) []error {
	var errs []error
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) > maxSynonymLine {
			errs = append(errs, fmt.Errorf("%s:%d: line of %d bytes, over the 1 MB limit; skipped", path, n, len(line)))
			continue
		}
		s.addLine(string(line))
	}
	return errs
}

// addLine adds the group of one line: comma-separated variants, a "#"
// starting a comment.
func (s *Synonyms) addLine(line string) {
	line = strings.TrimSpace(line)
	if i := strings.Index(line, "#"); i >= 0 {
		line = line[:i]
	}
	var group [][]string
	var raw []string
	seen := map[string]bool{}
	for _, v := range strings.Split(line, ",") {
		v = strings.TrimSpace(v)
		terms := analyzePhrase(v)
		key := strings.Join(terms, " ")
		if len(terms) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		group = append(group, terms)
		raw = append(raw, v)
	}
	if len(group) < 2 {
		return
	}
	g := len(s.groups)
	s.groups = append(s.groups, group)
	s.raw = append(s.raw, raw)
	for vi, v := range group {
		s.byFirst[v[0]] = append(s.byFirst[v[0]], variantRef{g, vi})
	}
}

// match finds the longest variant that starts terms[0] (a run of the
// query's plain words, analysed) and returns its group and length in terms.
func (s *Synonyms) match(terms []string) (group, n int) {
	if s == nil || len(terms) == 0 {
		return -1, 0
	}
	group = -1
	for _, ref := range s.byFirst[terms[0]] {
		v := nonEmpty(s.groups[ref.group][ref.variant])
		if len(v) <= n || len(v) > len(terms) {
			continue
		}
		if equalStrings(v, terms[:len(v)]) {
			group, n = ref.group, len(v)
		}
	}
	return group, n
}

// Groups returns the number of groups (for tests and `folio stats`).
func (s *Synonyms) Groups() int {
	if s == nil {
		return 0
	}
	return len(s.groups)
}

// analyzePhrase analyses s into terms by position: a stop word inside the
// phrase leaves "" (any word) so that "Islamic State of Iraq" matches as a
// phrase; stop words at either end are dropped.
func analyzePhrase(s string) []string {
	toks := textAnalyzer.Analyze([]byte(s))
	if len(toks) == 0 {
		return nil
	}
	first := toks[0].Position
	last := toks[len(toks)-1].Position
	if last-first > 64 {
		last = first + 64 // a pasted paragraph is not a phrase worth positional matching
	}
	out := make([]string, last-first+1)
	for _, t := range toks {
		if p := t.Position - first; p < len(out) && out[p] == "" {
			out[p] = string(t.Term)
		}
	}
	return out
}

func nonEmpty(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// searched are the variants of group g worth a query: a variant containing
// another ("Islamic State of Iraq and Syria" contains "Islamic State") can
// only match where the shorter one does, so searching it is wasted work.
func (s *Synonyms) searched(g int) [][]string {
	vs := s.groups[g]
	out := make([][]string, 0, len(vs))
	for i, v := range vs {
		redundant := false
		for j, w := range vs {
			if i != j && len(nonEmpty(w)) < len(nonEmpty(v)) && containsRun(v, nonEmpty(w)) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, v)
		}
	}
	return out
}

// containsRun reports whether the phrase v (with "" for any word) contains
// the words w one after another.
func containsRun(v, w []string) bool {
	for i := 0; i+len(w) <= len(v); i++ {
		if equalStrings(v[i:i+len(w)], w) {
			return true
		}
	}
	return false
}
