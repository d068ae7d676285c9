package archive

import (
	"slices"
	"strings"
	"testing"
)

// The joining words are one table (joinWords): the patterns built of it
// list what they listed when each wrote its own, and joinFields splits as
// strings.Split splits at " and ", each word after the last taken.
func TestJoinWords(t *testing.T) {
	for kinds, want := range map[joinKind]string{
		joinAnd:                     "and|AND|And|&",
		joinAnd | joinWith:          "and|AND|And|&|with|WITH|With",
		joinAnd | joinWith | joinIn: "and|AND|And|&|with|WITH|With|in|IN|In",
		joinFor:                     "for|FOR|For",
	} {
		if got := joinAlt(kinds); got != want {
			t.Errorf("joinAlt(%b) = %q, want %q", kinds, got, want)
		}
	}
	and := func(w string) bool { return w == "and" }
	for _, s := range []string{"", "and", " and ", "Ann and Bo", "Ann and and Bo", "Ann  and Bo", "Lee, Ann, and Chan, Bo and", "and Ann and Bo and "} {
		if got, want := joinFields(s, and), strings.Split(s, " and "); !slices.Equal(got, want) {
			t.Errorf("joinFields(%q) = %q, want %q", s, got, want)
		}
	}
	if got := andParts("Lee, Ann, AND Chan, Bo & Dee, Cy And Eve, Di with Fay Gee"); !slices.Equal(got, []string{"Lee, Ann", "Chan, Bo", "Dee, Cy", "Eve, Di with Fay Gee"}) {
		t.Errorf("andParts: %q", got)
	}
}
