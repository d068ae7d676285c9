package cli

import (
	"regexp"
	"testing"
)

// The two Financial Times interviews of 2017 share the key
// pantucci2017financial: the one dated October 2017 sorts before the one of
// 3 October (a month starts on its first day) and keeps it, whether it is
// cited alone, with the other, or with the whole archive.
func TestCiteKeysDoNotDependOnWhatIsCitedWithThem(t *testing.T) {
	const (
		london = "interviews/2017-10-03-financial-times-how-well-prepared-is-london"
		navy   = "interviews/2017-10-financial-times-plan-visit-uk-china"
	)
	keyOf := func(out, id string) string {
		// biblatex entries list the piece's keywords, not its id: match by title.
		titles := map[string]string{london: "How well prepared", navy: "PLA Navy"}
		re := regexp.MustCompile(`(?s)@\w+\{([^,]+),\n[^@]*?` + regexp.QuoteMeta(titles[id]))
		m := re.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("no entry for %s in:\n%s", id, out)
		}
		return m[1]
	}
	want := map[string]string{navy: "pantucci2017financial", london: "pantucci2017financiala"}
	home := t.TempDir()
	for _, args := range [][]string{{london}, {navy}, {navy, london}, {london, navy}, {"--all"}} {
		out, _, err := folio(t, home, append([]string{"cite", "-f", "bibtex"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		for id, k := range want {
			if len(args) == 1 && args[0] != id && args[0] != "--all" {
				continue
			}
			if got := keyOf(out, id); got != k {
				t.Errorf("cite %v: %s keyed %s, want %s", args, id, got, k)
			}
		}
	}
}
