package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary files to the parser: it must never panic, must
// either return a usable article or a fatal problem, and what it returns must
// be sanitised, and tags and authors are distinct and within their caps.
// Seeds: testdata/fuzz/FuzzParse (the nesting and long-list bombs of issue
// 12 among them, at sizes that stay fast) plus the repo's fixtures.
func FuzzParse(f *testing.F) {
	fixtures, _ := filepath.Glob("../testdata/*/*.md")
	bundled, _ := filepath.Glob("bundled/*.md")
	for _, p := range append(fixtures, bundled...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, seed := range []string{ // the sites' forms (sites_test.go)
		"{\n  \"title\": \"J\",\n  \"date\": \"2021-02-02\"\n}\nBody",
		"---\ntitle: Dots\ndate: 2021-01-01\n...\nBody\n---\n",
		"---\ntitle: L\ndate: 2021-01-01\ndraft: false\npublished: true\n---\n{% comment %}x{% endcomment %}{% raw %}{{ y }}{% endraw %}\n{% highlight go %}\nz\n{% endhighlight %}\n<!-- c -->\nText<!-- d -->.\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, probs := Parse("f.md", data)
		if IsFatal(probs) {
			if a.ID != "" {
				t.Fatalf("fatal problem but article returned: %v", probs)
			}
			return
		}
		if a.Title == "" || a.Date.Precision == "" {
			t.Fatalf("article without title or date: %+v", a)
		}
		for _, s := range append([]string{a.Title, a.Outlet, a.URL, a.Source, a.Kind, a.Note, a.Standfirst, a.Body}, append(a.Tags, a.Authors...)...) {
			if !utf8.ValidString(s) || Sanitize(s) != s {
				t.Fatalf("unsanitised text %q", s)
			}
		}
		if len(a.Tags) > MaxTags || len(a.Authors) > MaxAuthors {
			t.Fatalf("%d tags, %d authors kept", len(a.Tags), len(a.Authors))
		}
		for _, list := range [][]string{a.Tags, a.Authors} {
			seen := map[string]bool{}
			for _, v := range list {
				if seen[foldKey(v)] {
					t.Fatalf("%q twice in %q", v, list)
				}
				seen[foldKey(v)] = true
			}
		}
		if a.URL != "" && ValidURL(a.URL) != nil {
			t.Fatalf("invalid URL kept: %q", a.URL)
		}
		for _, p := range probs {
			if strings.ContainsAny(p.Msg, "\x1b\x07") {
				t.Fatalf("problem message carries control characters: %q", p.Msg)
			}
		}
	})
}

// FuzzSanitize: the output never holds a control character but tab and
// newline, and sanitising is idempotent, a line's too (SanitizeLine: NFC's
// reordering of marks left a joiner acting on nothing that a second pass
// dropped, the last two seeds).
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"plain", "\x1b]52;c;ZXZpbA==\x07", "\x1b[31mred", "\u202egnp", "a\r\nb", "\xff\xfe", "\x1b]8;;x\x1b\\y", "\u0301\u094d\ufe0f\u200d", "\u0e01\u200d\u00e9\u200c\u0323\u094d\u200d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		for _, r := range out {
			if r != '\n' && r != '\t' && isUnsafe(r) {
				t.Fatalf("Sanitize(%q) kept %U", s, r)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Sanitize(%q) is not UTF-8", s)
		}
		if again := Sanitize(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
		line := SanitizeLine(s)
		if again := SanitizeLine(line); again != line {
			t.Fatalf("SanitizeLine not idempotent: %+q -> %+q -> %+q", s, line, again)
		}
	})
}
