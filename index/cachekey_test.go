package index

import (
	"strings"
	"testing"
	"unicode/utf8"
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
