package archive

import (
	"os"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/childtest"
)

const liquidCPUChildEnv = "FOLIO_TEST_LIQUID_CPU_CHILD"

// liquidCPUSeconds is the CPU time a child may take to parse the hostile
// Jekyll posts below: well under a second measured (0.05 s for the Liquid
// openers); 15 s when each opener looked back over 64 KB for its end (a
// review's report), killed at the limit.
const liquidCPUSeconds = 10

// TestHostileLiquidAndCommentsInBoundedCPU parses posts of 9.5 MB made of
// Liquid openers without ends, far-off "endcomment" words and unclosed
// comments in a child process limited to liquidCPUSeconds of CPU
// (RLIMIT_CPU: the load on the machine does not count). The deadline only
// guards against a hang (childtest).
func TestHostileLiquidAndCommentsInBoundedCPU(t *testing.T) {
	if childtest.Value(liquidCPUChildEnv) != "" {
		parseHostileUnderLimit(t)
		return
	}
	out, err := childtest.Run(t, liquidCPUChildEnv, "1")
	if err != nil || !strings.Contains(out, "parsed 7 hostile posts") {
		t.Fatalf("parsing hostile posts in %d s of CPU: %v\n%s", liquidCPUSeconds, err, out)
	}
}

func parseHostileUnderLimit(t *testing.T) {
	const size = 9_500_000
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	bodies := []string{
		fill(strings.Repeat("{% comment %}", 2400) + strings.Repeat("a", 30000) + "endcomment" + strings.Repeat("x", 4200)),
		fill("{% raw %}{% highlight x %} endraw endhighlight "),
		fill("text <!-- and\n\n<!--\n"),
		fill("{% comment %}{% raw %}{% comment %}{% endcomment %} endraw "),
		fill("{{ {{ site.baseurl "),                                // output tags without ends
		fill("{::comment} {: a=\"b {:/comm *[x] {: .c #d e=f g\n"), // kramdown's, unclosed
		fill("`{::comment}` ") + "{:/comment}",                     // openers in code spans, one line
	}
	childtest.LimitCPU(t, liquidCPUSeconds)
	for _, body := range bodies {
		if _, probs := Parse("_posts/2021-01-01-x.md", []byte("---\ntitle: T\n---\n"+body)); IsFatal(probs) {
			t.Fatalf("not parsed: %v", probs[0])
		}
	}
	os.Stdout.WriteString("parsed 7 hostile posts\n")
}
