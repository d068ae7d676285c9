package archive

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// A bomb is a file made to make the front-matter decoders use gigabytes or
// minutes; want is the start of the problem Parse must report (after
// "p.md:"), fatal whether the file is refused.
type bomb struct {
	name  string
	file  func() string
	want  string
	fatal bool
}

const (
	yamlHead = "---\ntitle: T\ndate: 2017-01-01\n"
	tomlHead = "+++\ntitle = \"T\"\ndate = 2017-01-01\n"
)

// bombs are the cases of issue 12 (6 and 7) and their relatives, as
// measured on main before the limits: toml-inline-10k reached 3.5 GB and
// an out-of-memory crash, toml-inline-5k 1.1 GB, toml-dotted-key-10k and
// toml-dotted-keys-many crashed at 3 GB, yaml-wide took 930 MB and 14 s,
// yaml-tags-200k over 60 s and authors-50k 35 s (with the other cores
// busy); lines-5m, a legal 10 MB file, allocated 151 MB (31 MB since).
func bombs() []bomb {
	rep := strings.Repeat
	var headers, dotted strings.Builder
	for i := range 2500 {
		fmt.Fprintf(&headers, "[k%d.%s]\n", i, rep("a.", 94)+"a")
		fmt.Fprintf(&dotted, "k%d.%s = 1\n", i, rep("a.", 94)+"a")
	}
	list := func(n int, f string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = fmt.Sprintf(f, i)
		}
		return strings.Join(parts, ", ")
	}
	return []bomb{
		{"toml-inline-10k", func() string { return tomlHead + "x = " + rep("{a=", 10000) + "1" + rep("}", 10000) + "\n+++\n" }, "4: invalid front matter: nested deeper than 100 levels", true},
		{"toml-inline-5k", func() string { return tomlHead + "x = " + rep("{a=", 5000) + "1" + rep("}", 5000) + "\n+++\n" }, "4: invalid front matter: nested deeper than 100 levels", true},
		{"toml-array-10k", func() string { return tomlHead + "x = " + rep("[", 10000) + "1" + rep("]", 10000) + "\n+++\n" }, "4: invalid front matter: nested deeper than 100 levels", true},
		{"toml-dotted-key-10k", func() string { return tomlHead + rep("a.", 9999) + "a = 1\n+++\n" }, "4: invalid front matter: nested deeper than 100 levels", true},
		{"toml-header-10k", func() string { return tomlHead + "[" + rep("a.", 9999) + "a]\nb = 1\n+++\n" }, "4: invalid front matter: nested deeper than 100 levels", true},
		{"toml-inline-dotted", func() string { return tomlHead + "x = " + rep("{a.a.a=", 40) + "1" + rep("}", 40) + "\n+++\n" }, "4: invalid front matter: nested deeper than 100 levels", true},
		{"toml-headers-many", func() string { return tomlHead + headers.String() + "+++\n" }, "", true},
		{"toml-dotted-keys-many", func() string { return tomlHead + dotted.String() + "+++\n" }, "", true},
		{"toml-wide", func() string { return tomlHead + "x = [" + rep("[],", 3_000_000) + "]\n+++\n" }, "4: invalid front matter: too long: over 250000 values or lines", true},
		{"yaml-flow-10k", func() string { return yamlHead + "x: " + rep("[", 10000) + "1" + rep("]", 10000) + "\n---\n" }, "4: invalid front matter: nested deeper than 100 levels", true},
		{"yaml-flow-map-10k", func() string { return yamlHead + "x: " + rep("{a: ", 10000) + "1" + rep("}", 10000) + "\n---\n" }, "4: invalid front matter: nested deeper than 100 levels", true},
		{"yaml-block-seq-10k", func() string { return yamlHead + "x:\n" + rep("- ", 10000) + "1\n---\n" }, "5: invalid front matter: nested deeper than 100 levels", true},
		{"yaml-block-map-150", func() string {
			var b strings.Builder
			b.WriteString(yamlHead + "x:\n")
			for i := 1; i <= 150; i++ {
				b.WriteString(rep(" ", i) + "a:\n")
			}
			return b.String() + rep(" ", 151) + "a: 1\n---\n"
		}, "105: invalid front matter: nested deeper than 100 levels", true},
		{"yaml-wide", func() string { return yamlHead + "x: [" + rep("[],", 3_000_000) + "]\n---\n" }, "4: invalid front matter: too long: over 250000 values or lines", true},
		{"yaml-wide-deep", func() string { return yamlHead + rep("x: "+rep("[", 9000)+"1"+rep("]", 9000)+"\n", 500) + "---\n" }, "", true},
		{"yaml-tags-200k", func() string { return yamlHead + "tags: [" + list(200_000, "t%d") + "]\n---\n" }, "4: tags: more than 1000 tags; the first 1000 kept", false},
		{"toml-tags-200k", func() string { return tomlHead + "tags = [" + list(200_000, `"t%d"`) + "]\n+++\n" }, "4: tags: more than 1000 tags; the first 1000 kept", false},
		{"lines-5m", func() string { return yamlHead + "---\n" + rep("a\n", 5_000_000) }, "", false},
		{"yaml-authors-50k", func() string { return yamlHead + "authors: [" + list(50_000, "Author Number %d") + "]\n---\n" }, "4: authors: more than 200 authors; the first 200 kept", false},
	}
}

// TestParseBombs: each bomb is reported as path:line: message, the files
// with long lists load with the lists cut, and the file after the bomb in
// an archive still loads (see TestLoadKeepsGoodFilesAndReportsBadOnes for
// the archive itself). How long and how much memory they take is in
// BenchmarkParseBombs and TestParseBombsInBoundedMemory.
func TestParseBombs(t *testing.T) {
	for _, b := range bombs() {
		t.Run(b.name, func(t *testing.T) {
			a, probs := Parse("p.md", []byte(b.file()))
			if b.want == "" && !b.fatal {
				if len(probs) > 0 || a.ID == "" {
					t.Errorf("problems %v", probs)
				}
				return
			}
			if len(probs) != 1 {
				t.Fatalf("problems %v, want one", probs)
			}
			p := probs[0]
			if !strings.HasPrefix(p.String(), "p.md:"+b.want) || p.Line == 0 {
				t.Errorf("problem %q, want p.md:%s…", p, b.want)
			}
			if p.Fatal != b.fatal {
				t.Errorf("fatal %v, want %v", p.Fatal, b.fatal)
			}
			switch {
			case b.fatal && a.ID != "":
				t.Errorf("refused file gave article %q", a.ID)
			case strings.Contains(b.name, "tags") && len(a.Tags) != MaxTags:
				t.Errorf("%d tags kept, want %d", len(a.Tags), MaxTags)
			case strings.Contains(b.name, "authors") && len(a.Authors) != MaxAuthors:
				t.Errorf("%d authors kept, want %d", len(a.Authors), MaxAuthors)
			}
		})
	}
}

// BenchmarkParseBombs measures each bomb's parse (time and allocation).
func BenchmarkParseBombs(b *testing.B) {
	for _, bm := range bombs() {
		data := []byte(bm.file())
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Parse("p.md", data)
			}
		})
	}
}

// TestFrontMatterWithinLimitsLoads: what the limits must not refuse.
// Brackets, dots and # inside TOML strings and comments are not nesting,
// nor are floats, dates and quoted keys; 100 levels are allowed.
func TestFrontMatterWithinLimitsLoads(t *testing.T) {
	rep := strings.Repeat
	files := map[string]string{
		"toml strings and comments": tomlHead + strings.Join([]string{
			`note = "a.b.c [[[{{{ # not a comment \" still [[ a string"`,
			`outlet = 'x.y.z [{'`,
			`"quoted.key.with.dots" = 1`,
			`standfirst = """`,
			`many [ [ [ { { { . . . ""`,
			`"""`,
			`summary = '''`,
			`[[[[{{{{ ''`,
			`'''`,
			`x = 1.5 # [[[[ {{{{ a.b.c`,
			`when = 2017-01-01T10:00:00.123Z`,
			`authors = [`,
			`  {name = "A. B."},  # [[[`,
			`  {name = "C. D."},`,
			`]`,
			`[extra.more]`,
			`deep.er.key = [1.5, 2.5]`,
			`+++`,
		}, "\n") + "\n",
		"toml 99 levels":              tomlHead + "x = " + rep("{a=", 99) + "1" + rep("}", 99) + "\n+++\n",
		"yaml 100 levels":             yamlHead + "x: " + rep("[", 100) + "1" + rep("]", 100) + "\n---\n",
		"yaml 150 levels in a string": yamlHead + "note: \"" + rep("[", 150) + "\"\n---\n",
	}
	for name, file := range files {
		t.Run(name, func(t *testing.T) {
			a, probs := Parse("p.md", []byte(file))
			if len(probs) > 0 || a.Title != "T" {
				t.Errorf("problems %v, article %+v", probs, a)
			}
		})
	}
}

// TestLongListsKeepTheFirstDistinct: the cap counts distinct values, with
// case folding (the Kelvin sign is a K), in order.
func TestLongListsKeepTheFirstDistinct(t *testing.T) {
	var tags []string
	for i := range MaxTags + 50 {
		tags = append(tags, fmt.Sprintf("T%d", i), fmt.Sprintf("t%d", i))
	}
	file := yamlHead + "authors: [Kim, \u212aim, KIM, Lee]\ntags: [" + strings.Join(tags, ", ") + "]\n---\n"
	a, probs := Parse("p.md", []byte(file))
	if len(a.Authors) != 2 || a.Authors[0] != "Kim" || a.Authors[1] != "Lee" {
		t.Errorf("authors %q", a.Authors)
	}
	if len(a.Tags) != MaxTags || a.Tags[MaxTags-1] != fmt.Sprintf("t%d", MaxTags-1) {
		t.Errorf("%d tags, last %q", len(a.Tags), a.Tags[len(a.Tags)-1])
	}
	if len(probs) != 1 || probs[0].String() != "p.md:5: tags: more than 1000 tags; the first 1000 kept" {
		t.Errorf("problems %v", probs)
	}
}

func TestFoldKeyIsEqualFold(t *testing.T) {
	words := []string{"k", "K", "\u212a", "s", "S", "\u017f", "ß", "ẞ", "σ", "ς", "Σ", "Straße", "STRASSE", "İ", "i", "ı", "I", "abc", "ABC", "aBc", "é", "É", "ǅ", "ǆ", "Ǆ", ""}
	for _, a := range words {
		for _, b := range words {
			if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
				t.Errorf("foldKey(%q) == foldKey(%q) is %v, EqualFold %v", a, b, got, want)
			}
		}
	}
	for r := rune(0); r < 0x2000; r++ {
		s := string(r)
		if !utf8.ValidString(s) {
			continue
		}
		if foldKey(s) != foldKey(strings.ToUpper(s)) && strings.EqualFold(s, strings.ToUpper(s)) {
			t.Errorf("%U and its upper case fold apart", r)
		}
	}
}
