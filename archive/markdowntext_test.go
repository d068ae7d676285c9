package archive

import "testing"

// MarkdownText writes a plain text so that a field read as Markdown (an
// outlet) reads it as written; ordinary text is left as it is.
func TestMarkdownTextReadsAsWritten(t *testing.T) {
	for _, s := range []string{"AT&amp;T Daily", "AT&T Daily", "R&D Weekly", "The *Daily* Post", "snake_case_times",
		"[Bracketed] News", "`Tick` Times", "<b>Bold</b> Herald", `C:\Reports`, "Café &copy; Review", "Plain Outlet",
		"# News", "> Quoted Weekly", "- Dash Times", "1. First Post", "2020) Review", "+ Plus", "_Underscore_ News",
		"# News & Views", "> Quoted & Weekly", "- Dash & Times", "1. First & Post", "2020) R&D Review"} {
		got := MarkdownText(s)
		if back := SanitizeLine(standfirstText(got)); back != s {
			t.Errorf("%q written %q reads %q", s, got, back)
		}
		if s == "AT&T Daily" || s == "Plain Outlet" || s == "R&D Weekly" {
			if got != s {
				t.Errorf("%q written %q: ordinary text changed", s, got)
			}
		}
	}
}
