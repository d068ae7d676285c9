package index

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/folio-tui/folio/internal/termsafe"
)

// The cache folder of an archive named in a script of wide characters is
// named in valid UTF-8: its base name is cut between characters (a
// helper's report: cut at byte 40, within one, the name was not UTF-8,
// which some file systems refuse).
func TestCacheKeyIsUTF8(t *testing.T) {
	for _, name := range []string{"/a/" + strings.Repeat("档", 20), "/a/x" + strings.Repeat("é", 30), "/a/commentary"} {
		k := cacheKey(name)
		if !utf8.ValidString(k) || len(k) > 40+13 {
			t.Errorf("cacheKey(%q) = %q", name, k)
		}
	}
	if k := cacheKey("/a/commentary"); !strings.HasPrefix(k, "commentary-") {
		t.Errorf("a short name: %q", k)
	}
}

// The cache folder's name holds none of the characters termsafe drops
// (DEL, C1 and bidi controls, U+2028): "\u202e" was kept on disk. An
// ordinary name keeps the key it had, so its index is not rebuilt.
func TestCacheKeyHoldsNoControl(t *testing.T) {
	for _, name := range []string{"/a/rev\u202eetxt", "/a/del\x7fx", "/a/c1\u009bx", "/a/iso\u2066x\u2069", "/a/sep\u2028x", "/a/esc\x1bx"} {
		k := cacheKey(name)
		if strings.ContainsFunc(k, termsafe.Unsafe) {
			t.Errorf("cacheKey(%q) = %q", name, k)
		}
	}
	// the key before the change, for a name of ordinary characters
	if k := cacheKey("/home/ann/Commentary: 2019 é 档"); k != "Commentary_ 2019 é 档-7201f327c389" {
		t.Errorf("an ordinary name's key changed: %q", k)
	}
}
