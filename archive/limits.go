package archive

import (
	"fmt"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// Limits on what one file's front matter may ask of the parser. The YAML
// and TOML decoders build every value of the front matter in memory, and
// the TOML decoder copies the whole key path at each level of nesting (so
// 5,000 nested inline tables in 20 KB took 1.1 GB): a file past these
// limits is refused before it is decoded. Real front matter is a few levels
// deep and a few hundred values long.
const (
	// MaxNesting is how deep tables, arrays, mappings and sequences may
	// nest, counting each part of a dotted TOML key as a level.
	MaxNesting = 100
	// MaxFrontMatterValues caps the values (list items, keys, tables) that
	// front matter may hold, estimated before decoding from the characters
	// that can start one, line ends included (see countValueMarks): a
	// front matter of more lines than this is refused too.
	MaxFrontMatterValues = 250_000
	// MaxTags and MaxAuthors cap what is kept of one piece's tags and
	// authors; the rest are dropped with a problem.
	MaxTags    = 1000
	MaxAuthors = 200

	// maxTOMLPathWork caps the sum, over every table and array the TOML
	// front matter opens, of the depth it is opened at: the decoder's work
	// and memory grow with it (2,500 keys of 96 dotted parts, 0.5 MB, took
	// 630 MB). Ordinary front matter is a few hundred.
	maxTOMLPathWork = 1_000_000
)

// countValueMarks counts the bytes of b that can begin or separate a value
// in YAML or TOML: flow and block indicators, key separators, the dots of
// dotted TOML keys (each part is a table) and line ends. Every value the
// decoders build takes at least one of them (inside
// quoted strings they are counted too, which only over-counts), so the
// count bounds the size of the decoded tree; it stops once past max.
func countValueMarks(b []byte, max int) (n, line int) {
	line = 1
	for _, c := range b {
		switch c {
		case '\n':
			line++
			n++
		case ',', '[', '{', ':', '-', '=', '?', '.':
			n++
		default:
			continue
		}
		if n > max {
			return n, line
		}
	}
	return n, line
}

// checkValueCount refuses front matter with more than MaxFrontMatterValues
// value marks.
func checkValueCount(b []byte) error {
	if n, line := countValueMarks(b, MaxFrontMatterValues); n > MaxFrontMatterValues {
		return fmt.Errorf("line %d: too long: over %d values or lines", line, MaxFrontMatterValues)
	}
	return nil
}

// CheckTOML refuses TOML text that would cost the decoder too much memory
// or time: over MaxFrontMatterValues values or lines, nested deeper than
// MaxNesting, or with too many deeply nested tables (see tomlNesting).
// Front matter and folio's config file are checked with it before they are
// decoded. The error begins "line N:".
func CheckTOML(b []byte) error {
	if err := checkValueCount(b); err != nil {
		return err
	}
	if line, too, ok := tomlNesting(b, MaxNesting); too {
		return fmt.Errorf("line %d: too many tables nested too deep", line)
	} else if !ok {
		return fmt.Errorf("line %d: nested deeper than %d levels", line, MaxNesting)
	}
	return nil
}

// tomlNesting finds the first line of TOML text b where nesting goes past
// max: inline tables and arrays inside each other, plus the parts of the
// dotted keys that name them ([a.b.c] and a.b.c = are three levels). It is
// a scanner, not a parser: it knows strings and comments well enough not to
// count brackets and dots inside them, and leaves syntax errors to the
// decoder. ok is false when the limit is passed, or when the depths of all
// the levels opened add up to more than maxTOMLPathWork (too is true then).
func tomlNesting(b []byte, max int) (line int, too, ok bool) {
	type level struct {
		open byte
		dots int // dotted-key levels of the key this value belongs to
	}
	var (
		stack     []level
		inherited int    // dotted-key levels of the open levels
		keyDots   int    // dots in the key being read
		assigned  int    // dots of the key whose value comes next
		keyPos    = true // reading a key (line start, after { or , in a table)
		header    = false
		lineStart = true
	)
	line = 1
	work := 0
	depth := func() int { return len(stack) + inherited + keyDots }
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\n':
			line++
			if len(stack) == 0 {
				keyPos, header, keyDots, assigned = true, false, 0, 0
			}
			lineStart = true
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#':
			for i+1 < len(b) && b[i+1] != '\n' {
				i++
			}
			continue
		case c == '"' || c == '\'':
			i = skipTOMLString(b, i, &line)
		case c == '[' && lineStart && len(stack) == 0 && keyPos:
			header = true
		case c == ']' && header:
			// [a.b] or [[a.b]]: the second ] is skipped here too
		case c == '.' && (keyPos || header):
			keyDots++
			work += depth()
		case c == '=' && keyPos:
			assigned, keyDots, keyPos = keyDots, 0, false
		case c == '{' || c == '[':
			stack = append(stack, level{open: c, dots: assigned})
			inherited += assigned
			assigned = 0
			keyPos = c == '{'
			work += depth()
		case c == '}' || c == ']':
			if n := len(stack); n > 0 {
				inherited -= stack[n-1].dots
				stack = stack[:n-1]
			}
			keyPos = false
		case c == ',':
			assigned = 0
			keyPos = len(stack) > 0 && stack[len(stack)-1].open == '{'
		}
		lineStart = false
		if depth() > max {
			return line, false, false
		}
		if work > maxTOMLPathWork {
			return line, true, false
		}
	}
	return line, false, true
}

// skipTOMLString returns the index of the last byte of the string that
// starts at b[i] (basic "..." with escapes, literal '...', or their
// multi-line """ and ”' forms), counting the lines it spans. An unclosed
// string runs to the end of its line (single-line) or of b.
func skipTOMLString(b []byte, i int, line *int) int {
	q := b[i]
	if i+2 < len(b) && b[i+1] == q && b[i+2] == q {
		for j := i + 3; j < len(b); j++ {
			switch {
			case b[j] == '\n':
				*line++
			case b[j] == '\\' && q == '"':
				if j+1 < len(b) && b[j+1] == '\n' {
					*line++
				}
				j++
			case b[j] == q && j+2 < len(b) && b[j+1] == q && b[j+2] == q:
				// up to two more quotes may belong to the string
				for j+3 < len(b) && b[j+3] == q {
					j++
				}
				return j + 2
			}
		}
		return len(b) - 1
	}
	for j := i + 1; j < len(b); j++ {
		switch {
		case b[j] == '\n':
			return j - 1 // unclosed: the decoder reports it
		case b[j] == '\\' && q == '"':
			j++
		case b[j] == q:
			return j
		}
	}
	return len(b) - 1
}

// yamlNesting finds the first node of a decoded YAML document nested deeper
// than max. yaml.v3 refuses 10,000 levels itself; this is folio's tighter
// limit, the same for both formats. The walk is iterative.
func yamlNesting(doc *yaml.Node, max int) (line int, ok bool) {
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := []item{{doc, -1}} // the top-level mapping is level 0, as in TOML
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.depth > max {
			return it.n.Line, false
		}
		for _, c := range it.n.Content {
			d := it.depth
			if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
				d++
			}
			stack = append(stack, item{c, d})
		}
	}
	return 0, true
}

// foldKey is s with each rune replaced by the smallest rune it equals under
// Unicode simple case folding: two strings have the same key exactly when
// strings.EqualFold says they are equal.
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		// The least rune of an ASCII letter's orbit is its upper case
		// (K and S included: the Kelvin sign and the long s are above).
		return strings.ToUpper(s)
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		out = append(out, least)
	}
	return string(out)
}

// uniqueList gathers distinct values (compared as strings.EqualFold does),
// in order, keeping at most max: the check is a map lookup, so a list of
// 200,000 tags costs linear time.
type uniqueList struct {
	max  int
	vals []string
	seen map[string]struct{}
	over bool // a distinct value was dropped for the cap
}

func (u *uniqueList) add(vals []string) {
	if u.seen == nil {
		u.seen = map[string]struct{}{}
	}
	for _, v := range vals {
		if u.over {
			return
		}
		k := foldKey(v)
		if _, dup := u.seen[k]; dup {
			continue
		}
		if len(u.vals) == u.max {
			u.over = true
			return
		}
		u.seen[k] = struct{}{}
		u.vals = append(u.vals, v)
	}
}
