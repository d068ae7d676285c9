package ui

import (
	"reflect"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// chroma compiles a lexer's rules on its first use and gives every regular
// expression a timeout of 250 ms a match (regexp.go, maybeCompile). A match
// that times out is taken as no match: the next rule of the state is tried,
// and when none matches the character is an Error token (red under the
// "dark" style); tokenising goes on. So a busy machine changed how a block
// looked: one character red, or a string shown as something else. folio
// sets the timeout of every regular expression of chroma's lexers to
// matchTimeout before it tokenises with them, so that no match of code that
// fits the highlighting budget comes near it (a match of real code takes
// microseconds); the timeout stays only as a guard against a single match
// that backtracks without end: the one bound on a match, in wall time, as
// regexp2 counts no steps. The block is then tokenised as with no timeout
// at all (the same tokens under any load), or shown plain when count
// finds it too costly, or a call of chroma's iterator took matchTimeout
// (countTokens).
//
// chroma gives no way to set the timeout: the rules are reached through its
// lexers' unexported fields (regexLexers), which TestChromaMatchTimeoutIsSet
// pins against a chroma upgrade. Lexers are compiled lazily, some inside
// another's tokenising (a CSS block inside HTML), so every tokenising holds
// chromaMu for reading (countTokens, renderPart's Glamour) and untimeLexers
// sets the timeouts of the lexers compiled since its last call holding it
// for writing.
const matchTimeout = 10 * time.Second

var (
	chromaMu sync.RWMutex
	// every regex lexer of chroma's registry, inner ones included, found
	// once (none is added after init), and those whose timeouts are set
	regexLexersOnce sync.Once
	allRegexLexers  []*chroma.RegexLexer
	untimed         = map[*chroma.RegexLexer]bool{}
)

var regexLexerType = reflect.TypeFor[*chroma.RegexLexer]()

// regexLexers finds every *chroma.RegexLexer reachable from chroma's
// registry: the registered ones and those inside the others (a delegating
// lexer's two, a remapping lexer's one).
func regexLexers() []*chroma.RegexLexer {
	regexLexersOnce.Do(func() {
		seen := map[any]bool{}
		var walk func(v reflect.Value)
		walk = func(v reflect.Value) {
			switch v.Kind() {
			case reflect.Pointer:
				if v.IsNil() {
					return
				}
				key := v.UnsafePointer()
				if seen[key] {
					return
				}
				seen[key] = true
				if v.Type() == regexLexerType {
					allRegexLexers = append(allRegexLexers, (*chroma.RegexLexer)(key))
					return
				}
				walk(v.Elem())
			case reflect.Interface:
				if !v.IsNil() {
					walk(v.Elem())
				}
			case reflect.Struct:
				for i := range v.NumField() {
					walk(v.Field(i))
				}
			}
		}
		for _, l := range lexers.GlobalLexerRegistry.Lexers {
			walk(reflect.ValueOf(l))
		}
	})
	return allRegexLexers
}

// untimeLexers sets matchTimeout on the rules of every compiled regex
// lexer whose rules it has not set yet. It holds chromaMu for writing.
func untimeLexers() {
	all := regexLexers()
	chromaMu.Lock()
	defer chromaMu.Unlock()
	for _, l := range all {
		if untimed[l] {
			continue
		}
		if compiledRules(l, func(r *chroma.CompiledRule) {
			if r.Regexp != nil {
				r.Regexp.MatchTimeout = matchTimeout
			}
		}) {
			untimed[l] = true
		}
	}
}

// compiledRules calls fn with each compiled rule of l, and reports
// whether l is compiled (chroma's unexported fields "compiled" and
// "rules": TestChromaMatchTimeoutIsSet pins them).
func compiledRules(l *chroma.RegexLexer, fn func(*chroma.CompiledRule)) bool {
	v := reflect.ValueOf(l).Elem()
	if !v.FieldByName("compiled").Bool() {
		return false
	}
	for it := v.FieldByName("rules").MapRange(); it.Next(); {
		rs := it.Value()
		for i := range rs.Len() {
			fn((*chroma.CompiledRule)(rs.Index(i).UnsafePointer()))
		}
	}
	return true
}

// compileLexer compiles l's rules (chroma compiles them on first use) and
// sets their timeouts, and those of any other lexer compiled since.
func compileLexer(l chroma.Lexer) {
	chromaMu.RLock()
	_, _ = chroma.Tokenise(l, nil, "")
	chromaMu.RUnlock()
	untimeLexers()
}
