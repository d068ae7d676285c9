package archive

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestParseFields(t *testing.T) {
	tests := []struct {
		name string
		file string
		want Article
	}{
		{
			name: "folio keys",
			file: `---
title: It's not Isil's returning terrorists we should worry about
date: 2017-10-19
outlet: The Telegraph
authors: [Raffaello Pantucci]
tags: [ISIS, foreign-fighters, isis]
url: https://www.example.com/raqqa
source: https://raffaellopantucci.com/tag/counter-terrorism/
kind: Article
standfirst: Raqqa has fallen
note: |
  Further catching up on posting.
---

Body text.
`,
			want: Article{
				Title: "It's not Isil's returning terrorists we should worry about", Outlet: "The Telegraph",
				Authors: []string{"Raffaello Pantucci"}, Tags: []string{"isis", "foreign-fighters"},
				URL: "https://www.example.com/raqqa", Source: "https://raffaellopantucci.com/tag/counter-terrorism/",
				Kind: "article", Standfirst: "Raqqa has fallen", Note: "Further catching up on posting.",
				Body: "Body text.", Date: Date{time.Date(2017, 10, 19, 0, 0, 0, 0, time.UTC), PrecisionDay},
			},
		},
		{
			name: "month precision and Hugo aliases",
			file: "---\ntitle: Low-level plots\ndate: \"2017-09\"\nby: Someone\ncategories: [Terrorism]\nkeywords: [Parsons Green]\npublication: London Evening Standard\ndescription: A summary\nlink: http://example.org/x\nlastmod: 2020-01-01\n---\nText",
			want: Article{
				Title: "Low-level plots", Outlet: "London Evening Standard", Authors: []string{"Someone"},
				Tags: []string{"terrorism", "parsons green"}, URL: "http://example.org/x", Kind: "article",
				Standfirst: "A summary", Body: "Text", Date: Date{time.Date(2017, 9, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth},
			},
		},
		{
			name: "year precision as a bare number",
			file: "---\ntitle: State of the Union\ndate: 1863\nauthors: Abraham Lincoln\n---\nText",
			want: Article{Title: "State of the Union", Authors: []string{"Abraham Lincoln"}, Kind: "article", Body: "Text",
				Date: Date{time.Date(1863, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear}},
		},
		{
			name: "TOML with RFC 3339 date keeps the author's calendar day",
			file: "+++\ntitle = \"Late night\"\ndate = 2017-10-19T23:30:00+01:00\npublisher = \"RUSI\"\ntags = [\"mi5\"]\n+++\nBody",
			want: Article{Title: "Late night", Outlet: "RUSI", Tags: []string{"mi5"}, Kind: "article", Body: "Body",
				Date: Date{time.Date(2017, 10, 19, 0, 0, 0, 0, time.UTC), PrecisionDay}},
		},
		{
			name: "Jekyll: author map, space-separated categories, time with offset",
			file: "---\nlayout: post\ntitle: Brussels\ndate: 2016-03-22 18:00:00 +0100\nauthor:\n  name: R P\ncategories: terrorism europe\n---\nBody",
			want: Article{Title: "Brussels", Authors: []string{"R P"}, Tags: []string{"terrorism", "europe"}, Kind: "article", Body: "Body",
				Date: Date{time.Date(2016, 3, 22, 0, 0, 0, 0, time.UTC), PrecisionDay}},
		},
		{
			name: "Hugo url is a site path, not an original URL",
			file: "---\ntitle: T\ndate: 2019-02-01T08:00:00Z\nurl: /posts/custom/\n---\nB",
			want: Article{Title: "T", Kind: "article", Body: "B", Date: Date{time.Date(2019, 2, 1, 0, 0, 0, 0, time.UTC), PrecisionDay},
				SiteKeys: []string{"posts/custom"}},
		},
		{
			name: "control characters are stripped where text enters",
			file: "---\ntitle: \"Evil \\e]52;c;ZXZpbA==\\a title\\e[2J\"\ndate: 2017-01-01\ntags: [\"a\\u202eb\"]\n---\nline one\tok\r\n\x1b[31mred\x1b[0m \u009b31m c1\n",
			want: Article{Title: "Evil title", Tags: []string{"ab"}, Kind: "article", Body: "line one\tok\nred 31m c1",
				Date: Date{time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionDay}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := Parse("x/piece.md", []byte(tt.file))
			if len(probs) > 0 {
				t.Fatalf("problems: %v", probs)
			}
			tt.want.ID, tt.want.Path = "x/piece", "x/piece.md"
			if g, w := strings.Join(got.Tags, "|"), strings.Join(tt.want.Tags, "|"); g != w {
				t.Errorf("tags = %q, want %q", g, w)
			}
			if g, w := strings.Join(got.Authors, "|"), strings.Join(tt.want.Authors, "|"); g != w {
				t.Errorf("authors = %q, want %q", g, w)
			}
			got.Tags, got.Authors, tt.want.Tags, tt.want.Authors = nil, nil, nil, nil
			if got.Date != tt.want.Date {
				t.Errorf("date = %v %s, want %v %s", got.Date.Time, got.Date.Precision, tt.want.Date.Time, tt.want.Date.Precision)
			}
			got.Date, tt.want.Date = Date{}, Date{}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, file string
		want       string // the problem, as printed
		fatal      bool
	}{
		{"missing title", "---\ndate: 2017-01-01\n---\nx", "p.md:1: missing title", true},
		{"missing date", "---\ntitle: T\n---\nx", "p.md:1: missing date", true},
		{"unparseable date on its line", "---\ntitle: T\noutlet: O\ndate: autumn\n---\n", `p.md:4: unparseable date "autumn"`, true},
		{"invalid yaml names its line", "---\ntitle: T\ndate: 2017-01-01\ntags: [a, b\nouter: x\n---\n", "p.md:4: invalid front matter", true},
		{"yaml mapping error names its line", "---\ntitle: T\ndate: : 2017-01-01\n---\n", "p.md:3: invalid front matter", true},
		{"invalid toml names its line", "+++\ntitle = \"T\"\ndate = = 3\n+++\n", "p.md:3: invalid front matter", true},
		{"front matter not closed", "---\ntitle: T\ndate: 2017-01-01\n", "p.md:1: front matter is not closed", true},
		{"no front matter", "# Title\n\ntext", "p.md:1: no front matter", true},
		{"empty", " \n\n", "p.md: empty file", true},
		{"binary", "---\ntitle: T\ndate: 2017-01-01\n---\n\x00\x01PNG", "p.md:5: not a text file", true},
		{"invalid utf-8", "---\ntitle: T\ndate: 2017-01-01\n---\nCaf\xe9", "p.md:5: invalid UTF-8", true},
		{"too big", "---\ntitle: T\ndate: 2017-01-01\n---\n" + strings.Repeat("a", MaxFileSize), "p.md: file is", true},
		{"front matter is a list", "---\n- a\n- b\n---\n", "p.md:2: invalid front matter: front matter is not a mapping", true},
		{"javascript url is refused, piece kept", "---\ntitle: T\ndate: 2017-01-01\nurl: javascript:alert(1)\n---\n", `p.md:4: url: not an http(s) URL`, false},
		{"file url is refused", "---\ntitle: T\ndate: 2017-01-01\nlink: file:///etc/passwd\n---\n", `p.md:4: link: not an http(s) URL`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, probs := Parse("p.md", []byte(tt.file))
			if len(probs) != 1 {
				t.Fatalf("problems = %v, want one like %q", probs, tt.want)
			}
			if got := probs[0].String(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("problem = %q, want prefix %q", got, tt.want)
			}
			if probs[0].Fatal != tt.fatal {
				t.Errorf("fatal = %v, want %v", probs[0].Fatal, tt.fatal)
			}
			if tt.fatal != (a.ID == "") {
				t.Errorf("article ID = %q with fatal=%v", a.ID, tt.fatal)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2017-10-19": "2017-10-19 day", "2017-10-19T08:00:00Z": "2017-10-19 day", "2017-09": "2017-09 month",
		"1863": "1863 year", "19 October 2017": "2017-10-19 day", "October 19, 2017": "2017-10-19 day",
		"September 2017": "2017-09 month", "2016-03-22 18:00:00 +0100": "2016-03-22 day",
		// as Jekyll (Ruby's Time.parse) takes them (a helper's report)
		"2021-03-04 10:00 +0100": "2021-03-04 day", "March 4th, 2021": "2021-03-04 day", "1st May 2020": "2020-05-01 day",
	} {
		d, err := ParseDate(in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", in, err)
			continue
		}
		if got := d.String() + " " + string(d.Precision); got != want {
			t.Errorf("ParseDate(%q) = %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"", "autumn", "2017-13", "0000", "17-10-2017x", "4th", "May 32nd, 2020"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
	d, _ := ParseDate("2017-09")
	if end := d.End(); end.Month() != time.September || end.Day() != 30 {
		t.Errorf("End of 2017-09 = %v", end)
	}
}

// TestEachDateLayoutIsNeeded pins every layout of monthLayouts and
// dayLayouts: each reads a date of this table that no other layout reads
// (so a layout dropped fails its case; a helper's report: "Jan 2006" could
// be dropped without a test failing, and seven were redundant), and the
// table has one case a layout. Fractions of a second are read by any
// layout with seconds, and "2" reads "02".
func TestEachDateLayoutIsNeeded(t *testing.T) {
	cases := map[string]string{ // date: as read
		"2017-09":                           "2017-09 month",
		"2017/09":                           "2017-09 month",
		"September 2017":                    "2017-09 month",
		"Sep 2017":                          "2017-09 month",
		"2017-09-04":                        "2017-09-04 day",
		"2017-09-04T00:30:05.12+02:00":      "2017-09-04 day",
		"2017-09-04T15:30:05":               "2017-09-04 day",
		"2017-09-04T15:30":                  "2017-09-04 day",
		"2017-09-04 00:30:05.5 +0200":       "2017-09-04 day",
		"2017-09-04 00:30:05 +02:00":        "2017-09-04 day",
		"2017-09-04 00:30:05+02:00":         "2017-09-04 day",
		"2017-09-04T00:30:05+0200":          "2017-09-04 day",
		"2017-09-04 00:30:05.12 +0200 CEST": "2017-09-04 day",
		"2017-09-04 15:30:05 CEST":          "2017-09-04 day",
		"2017-09-04 15:30:05":               "2017-09-04 day",
		"2017-09-04 15:30":                  "2017-09-04 day",
		"2017-09-04 00:30 +0200":            "2017-09-04 day",
		"2017-09-04 00:30 +02:00":           "2017-09-04 day",
		"2017/09/04":                        "2017-09-04 day",
		"4 September 2017":                  "2017-09-04 day",
		"4 Sep 2017":                        "2017-09-04 day",
		"September 4, 2017":                 "2017-09-04 day",
		"Sep 4, 2017":                       "2017-09-04 day",
		"Mon, 04 Sep 2017 00:30:05 +0200":   "2017-09-04 day",
		"Mon, 4 Sep 2017 15:30:05 CEST":     "2017-09-04 day",
		"Mon, 4 Sep 17 00:30:05 +0200":      "2017-09-04 day",
		"Mon, 4 Sep 17 15:30:05 CEST":       "2017-09-04 day",
		"Mon, 4 Sep 2017 00:30 +0200":       "2017-09-04 day",
		"Mon, 4 Sep 2017 15:30 CEST":        "2017-09-04 day",
		"4 Sep 2017 00:30:05 +0200":         "2017-09-04 day",
		"4 Sep 2017 15:30:05 CEST":          "2017-09-04 day",
		"4 Sep 17 00:30:05 +0200":           "2017-09-04 day",
		"4 Sep 17 15:30:05 CEST":            "2017-09-04 day",
		"4 Sep 2017 00:30 +0200":            "2017-09-04 day",
		"4 Sep 2017 15:30 CEST":             "2017-09-04 day",
		"Mon, 4 Sep 17 00:30 +0200":         "2017-09-04 day",
		"Mon, 4 Sep 17 15:30 CEST":          "2017-09-04 day",
		"4 Sep 17 00:30 +0200":              "2017-09-04 day",
		"4 Sep 17 15:30 CEST":               "2017-09-04 day",
		"2017-09-04T00:30:05 +02:00":        "2017-09-04 day",
		"2017-09-04T00:30:05 +0200":         "2017-09-04 day",
		"2017-09-04T00:30+02:00":            "2017-09-04 day",
		"September 4, 2017 3:30 pm":         "2017-09-04 day",
		"September 4, 2017 3:30 PM":         "2017-09-04 day",
		"Sep 4, 2017 3:30 pm":               "2017-09-04 day",
		"Sep 4, 2017 3:30 PM":               "2017-09-04 day",
		"Monday, September 4, 2017":         "2017-09-04 day",
		"Mon, September 4, 2017":            "2017-09-04 day",
		"Monday, 4 September 2017":          "2017-09-04 day",
		"04/09/2017":                        "2017-09-04 day",
		"Monday, 04-Sep-17 15:30:05 CEST":   "2017-09-04 day",
		"2017-09-04 00:30:05+0200":          "2017-09-04 day",
		"Mon Sep  4 15:30:05 2017":          "2017-09-04 day",
		"Mon Sep  4 15:30:05 CEST 2017":     "2017-09-04 day",
		"Mon Sep 04 00:30:05 +0200 2017":    "2017-09-04 day",
	}
	layouts := append(slices.Clone(monthLayouts), dayLayouts...)
	if len(cases) != len(layouts) {
		t.Errorf("%d cases for %d layouts", len(cases), len(layouts))
	}
	by := map[string]string{}
	for in, want := range cases {
		d, err := ParseDate(in)
		if got := d.String() + " " + string(d.Precision); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %s, %v; want %s", in, got, err, want)
		}
		var readers []string
		for _, l := range layouts {
			if _, err := time.Parse(l, in); err == nil {
				readers = append(readers, l)
			}
		}
		if len(readers) != 1 {
			t.Errorf("%q is read by %d layouts %q, want one", in, len(readers), readers)
			continue
		}
		if other, dup := by[readers[0]]; dup {
			t.Errorf("layout %q reads %q and %q", readers[0], other, in)
		}
		by[readers[0]] = in
	}
}

// Every layout spf13/cast reads a date string by, as Hugo reads one
// (cast 1.5's list, which hugo 0.111 builds with), is a date to folio: an
// attack's report, hugo 0.111.3 as oracle: "Wed May 06 10:00:00 +0000
// 2020" (RubyDate), "Wed May  6 10:00:00 UTC 2020" (UnixDate), "Wed May  6
// 10:00:00 2020" (ANSIC) and "Wednesday, 06-May-20 10:00:00 UTC" (RFC 850)
// dated their pages 2020-05-06, and folio passed each over as no date. A
// time alone (Kitchen, Stamp) is of year 0 to Hugo: no date, said so.
func TestCastDateLayoutsAreDates(t *testing.T) {
	at := time.Date(2017, 9, 4, 23, 30, 5, 120_000_000, time.FixedZone("PDT", -7*3600))
	for _, layout := range []string{
		"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", time.RFC1123Z, time.RFC1123,
		time.RFC822Z, time.RFC822, time.RFC850, "2006-01-02 15:04:05.999999999 -0700 MST",
		"2006-01-02T15:04:05-0700", "2006-01-02 15:04:05Z0700", "2006-01-02 15:04:05",
		time.ANSIC, time.UnixDate, time.RubyDate, "2006-01-02 15:04:05Z07:00", "02 Jan 2006",
		"2006-01-02 15:04:05 -07:00", "2006-01-02 15:04:05 -0700",
	} {
		in := at.Format(layout)
		if d, err := ParseDate(in); err != nil || d.String() != "2017-09-04" || d.Precision != PrecisionDay {
			t.Errorf("ParseDate(%q) (%s) = %s %s, %v; want 2017-09-04, its day as written", in, layout, d, d.Precision, err)
		}
	}
	for _, layout := range []string{time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro, time.StampNano} {
		in := at.Format(layout)
		if _, err := ParseDate(in); err == nil || err.Error() != "a time of day with no date ("+in+")" {
			t.Errorf("ParseDate(%q) (%s): %v, want a time of day with no date", in, layout, err)
		}
	}
}

func TestIDFromPath(t *testing.T) {
	for in, want := range map[string]string{
		"2017-10-19-raqqa.md":              "2017-10-19-raqqa",
		"Posts/Raqqa Has Fallen!.markdown": "posts/raqqa-has-fallen",
		"content/posts/bundle/index.md":    "content/posts/bundle",
		"interviews/ft-2017-10-03.md":      "interviews/ft-2017-10-03",
		"Café/Déjà vu.md":                  "café/déjà-vu",
		"a/../b.md":                        "b",
	} {
		if got := IDFromPath(in); got != want {
			t.Errorf("IDFromPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadKeepsGoodFilesAndReportsBadOnes(t *testing.T) {
	good := "---\ntitle: %s\ndate: %s\n---\nbody"
	fsys := fstest.MapFS{
		"a.md":              {Data: []byte(sprintf(good, "A", "2017-01-01"))},
		"sub/b.markdown":    {Data: []byte(sprintf(good, "B", "2018-05"))},
		"sub/c.md":          {Data: []byte("---\ndate: 2017-01-01\n---\n")},
		"A.md":              {Data: []byte(sprintf(good, "A again", "2019-01-01"))},
		".hidden/d.md":      {Data: []byte(sprintf(good, "D", "2017-01-01"))},
		"notes.txt":         {Data: []byte("not an article")},
		"sub/.draft.md":     {Data: []byte(sprintf(good, "E", "2017-01-01"))},
		"deep/1/2/3/4/5.md": {Data: []byte(sprintf(good, "Deep", "2016"))},
	}
	arch, probs := Load(fsys)
	var ids []string
	for _, a := range arch.Articles {
		ids = append(ids, a.ID)
	}
	// A.md slugs as a.md, whose path is its id: a piece of its own,
	// suffixed (AssignIDs)
	if got, want := strings.Join(ids, " "), "a-2d63 sub/b a deep/1/2/3/4/5"; got != want {
		t.Errorf("ids newest first = %q, want %q", got, want)
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.String())
	}
	want := []string{"sub/c.md:1: missing title"}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if _, ok := arch.Get("sub/b"); !ok {
		t.Error("Get(sub/b) failed")
	}
}

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		"plain\ttext\nkept":                           "plain\ttext\nkept",
		"\x1b]52;c;ZXZpbA==\x07after":                 "after",
		"\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\": "link",
		"\x1b[2J\x1b[Hclear":                          "clear",
		"bell\x07 back\x08space":                      "bell backspace",
		"c1\u009b31m":                                 "c131m",
		"bidi \u202egnp.exe\u202c":                    "bidi gnp.exe",
		"isolate \u2066x\u2069":                       "isolate x",
		"crlf\r\nline":                                "crlf\nline",
		"marks \ue000forged\ue001":                    "marks forged",
		"bad \xff utf8":                               "bad \uFFFD utf8",
		"Café — “quotes” 中文":                          "Café — “quotes” 中文",
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidURL(t *testing.T) {
	good := []string{"https://www.telegraph.co.uk/news/2017/06/07/x/", "http://example.org", "https://rusi.org/a%E2%80%93b?x=1#f"}
	bad := []string{"", "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "-https://x.org", "https://x.org/a b",
		"https://x.org/\nevil", "ftp://x.org", "https://", "http:///path", "//x.org/a", "https://x.org/\x1b[2J", "mailto:a@b.c",
		"https://example.com/\u00a0x", "https://example.com/\u3000x", "https://example.com\u200b.evil.test/", "https://ex.com/\u2060",
		"https://ex.com/\U000e0041"}
	for _, u := range good {
		if err := ValidURL(u); err != nil {
			t.Errorf("ValidURL(%q) = %v", u, err)
		}
	}
	for _, u := range bad {
		if err := ValidURL(u); err == nil {
			t.Errorf("ValidURL(%q) accepted", u)
		}
	}
}

// TestLineValuesInOneForm: a one-line value is in NFC and without the
// invisible characters that make two values look alike.
func TestLineValuesInOneForm(t *testing.T) {
	for in, want := range map[string]string{
		"cafe\u0301":               "caf\u00e9",
		"poli\u200btics":           "politics",
		"poli\u2060ti\u00adcs":     "politics",
		"\ufefftag":                "tag",
		"flag\U000e0067\U000e007f": "flag",
		"a\u200db":                 "ab", // a joiner joins nothing in a Latin word (TestInvisiblesMakeNoSecondValue: where it stays)
		"plain text":               "plain text",
	} {
		if got := SanitizeLine(in); got != want {
			t.Errorf("SanitizeLine(%+q) = %+q, want %+q", in, got, want)
		}
	}
}

func sprintf(f string, a ...any) string { return fmt.Sprintf(f, a...) }

// An invisible character between spaces leaves one space, as it would
// without it (a helper's report: "Middle \u200b East" was "Middle  East",
// a second tag beside "Middle East" in folio stats); SanitizeLine is the
// same applied twice.
func TestSanitizeLineDropsInvisiblesBeforeSpacesCollapse(t *testing.T) {
	for in, want := range map[string]string{
		"Middle \u200b East": "Middle East",
		"\u200b x":           "x",
		"Ann \u00ad Lee":     "Ann Lee",
		"a\u2060 \u2060b":    "a b",
	} {
		got := SanitizeLine(in)
		if got != want || SanitizeLine(got) != got {
			t.Errorf("SanitizeLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// An outlet or an author written as folio writes "none" is none: counted
// and filtered with the pieces without one (a helper's report: a piece
// with outlet "(no outlet)" was counted under it and reached by no filter).
func TestPlaceholderValuesAreNone(t *testing.T) {
	a, probs := Parse("a.md", []byte("---\ntitle: T\ndate: 2020-01-01\noutlet: (No Outlet)\nauthors: [\"(no author)\", Ann Lee]\n---\nBody.\n"))
	if IsFatal(probs) || a.Outlet != "" || len(a.Authors) != 1 || a.Authors[0] != "Ann Lee" {
		t.Errorf("outlet %q, authors %q, problems %v", a.Outlet, a.Authors, probs)
	}
}

// An empty date key is passed over for the next one, as Hugo does (a
// helper's report: `date:` then `lastmod:` skipped the piece, where Hugo
// dated it by lastmod); empty alone, it is said as before.
func TestEmptyDateFallsThrough(t *testing.T) {
	for src, want := range map[string]string{
		"---\ntitle: E\ndate:\nlastmod: 2019-02-02\n---\nx\n":          "2019-02-02",
		"---\ntitle: N\ndate: null\npublishDate: 2019-03-03\n---\nx\n": "2019-03-03",
		"---\ntitle: S\ndate: \"\"\nlastmod: 2019-04-04\n---\nx\n":     "2019-04-04",
	} {
		a, probs := Parse("p.md", []byte(src))
		if IsFatal(probs) || a.Date.String() != want {
			t.Errorf("%q: %s %v, want %s", src, a.Date, probs, want)
		}
	}
	if _, probs := Parse("p.md", []byte("---\ntitle: E\ndate:\n---\nx\n")); !IsFatal(probs) || !strings.Contains(probs[0].Msg, "empty date") {
		t.Errorf("an empty date alone: %v", probs)
	}
}

// Dates Jekyll 4.3 publishes (a helper's report: each was refused, the
// piece skipped), each on the day written.
func TestJekyllsOtherDateForms(t *testing.T) {
	for in, want := range map[string]string{
		"2017-12-31 23:30:00 -8":       "2017-12-31",
		"2017-12-31 23:30:00.10 -5":    "2017-12-31",
		"2017-12-31T23:30:00 -08:00":   "2017-12-31",
		"2017-12-31T23:30-08:00":       "2017-12-31",
		"December 31st, 2017 11:30 pm": "2017-12-31",
		"Sunday, December 31, 2017":    "2017-12-31",
		"31/12/2017":                   "2017-12-31",
		"2017-10-19 10:00:00 +0100":    "2017-10-19",
		"2017-12-31 23:30:00 +5":       "2017-12-31",
	} {
		if d, err := ParseDate(in); err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %s, %v; want %s", in, d, err, want)
		}
	}
}

// A UTF-16 file is named as such; a file with classic Mac OS line ends
// (a CR alone) is read as lines (a helper's report: "not a text file" and
// "front matter is not closed").
func TestUTF16AndLoneCR(t *testing.T) {
	if _, probs := Parse("u.md", []byte("\xff\xfe-\x00-\x00-\x00")); !IsFatal(probs) || !strings.Contains(probs[0].Msg, "UTF-16") {
		t.Errorf("UTF-16: %v", probs)
	}
	a, probs := Parse("cr.md", []byte("---\rtitle: Old Mac\rdate: 2001-02-03\r---\rBody text.\r"))
	if IsFatal(probs) || a.Title != "Old Mac" || a.Date.String() != "2001-02-03" || !strings.Contains(a.Body, "Body text.") {
		t.Errorf("lone CR: %+v %v", a, probs)
	}
}

// A file name's impossible day is said as such, not "missing date".
func TestImpossibleDayInTheFileName(t *testing.T) {
	_, probs := Parse("posts/2021-02-30-bad.md", []byte("---\ntitle: Bad\n---\nx\n"))
	if !IsFatal(probs) || !strings.Contains(probs[0].Msg, "2021-02-30 is no day") {
		t.Errorf("%v", probs)
	}
}

// A problem of a JSON front matter's key names its line, as in YAML and
// TOML (a helper's report: it had none).
func TestJSONFrontMatterProblemsHaveLines(t *testing.T) {
	src := "{\n  \"title\": \"J\",\n  \"tags\": [\"a\", {\"x\": 1}],\n  \"date\": \"nope\"\n}\nBody.\n"
	_, probs := Parse("j.md", []byte(src))
	if len(probs) == 0 || probs[0].Line != 4 || !strings.Contains(probs[0].Msg, "unparseable date") {
		t.Errorf("%+v", probs)
	}
}

// A note template's placeholder left in the front matter is said as such,
// with its line (a helper's report: Go's dump of a map was the message).
func TestTemplatePlaceholderIsSaid(t *testing.T) {
	_, probs := Parse("t.md", []byte("---\ntitle: T\ndate: {{date}}\n---\nx\n"))
	if len(probs) == 0 || probs[0].Line != 3 || !strings.Contains(probs[0].Msg, "template's placeholder") {
		t.Errorf("%+v", probs)
	}
}

// TOML's time of day alone is said as such.
func TestTOMLTimeOfDayIsNoDate(t *testing.T) {
	_, probs := Parse("t.md", []byte("+++\ntitle = \"T\"\ndate = 10:00:00\n+++\nx\n"))
	if len(probs) == 0 || !strings.Contains(probs[0].Msg, "a time of day with no date (10:00:00)") {
		t.Errorf("%+v", probs)
	}
}

// A number of nine digits or more for a date is a Unix time, as Hugo
// reads it (an oracle's report against Hugo 0.111: `date: 1500000000` is
// 2017-07-14T02:40:00Z; folio skipped it as an unparseable date); a
// smaller one is a year, or in a Hugo site a Unix time too (hugo 0.111.3
// as oracle: date: 99999999 was 1973-03-03, date, publishdate, pubdate,
// published, lastmod or modified: 5 1970-01-01, 0 1970-01-01, -5
// 1969-12-31; folio skipped each), and a time past the years folio
// counts is said as such.
func TestUnixTimeDate(t *testing.T) {
	for src, want := range map[string]string{
		"---\ntitle: T\ndate: 1500000000\n---\nx\n":       "2017-07-14",
		"+++\ntitle = \"T\"\ndate = 1500000000\n+++\nx\n": "2017-07-14",
		"---\ntitle: T\ndate: 100000000\n---\nx\n":        "1973-03-03",
		"---\ntitle: T\ndate: 2017\n---\nx\n":             "2017",
		"---\ntitle: T\npublished: 1500000000\n---\nx\n":  "2017-07-14",
		"---\ntitle: T\ndate: 99999999\n---\nx\n":         "1973-03-03",
		"---\ntitle: T\ndate: 5\n---\nx\n":                "1970-01-01",
		"---\ntitle: T\ndate: 0\n---\nx\n":                "1970-01-01",
		"---\ntitle: T\ndate: -5\n---\nx\n":               "1969-12-31",
		"---\ntitle: T\npublishdate: 5\n---\nx\n":         "1970-01-01",
		"---\ntitle: T\npubdate: 5\n---\nx\n":             "1970-01-01",
		"---\ntitle: T\npublished: 5\n---\nx\n":           "1970-01-01",
		"---\ntitle: T\npublished: 1\n---\nx\n":           "1970-01-01",
		"---\ntitle: T\nlastmod: 5\n---\nx\n":             "1970-01-01",
		"---\ntitle: T\nmodified: 5\n---\nx\n":            "1970-01-01",
		"+++\ntitle = \"T\"\ndate = 5\n+++\nx\n":          "1970-01-01",
		"---\ntitle: T\ndate: 1500000000000\n---\nx\n":    "outside the years",
	} {
		yes := func() bool { return true }
		a, probs := ParseInSite("p.md", []byte(src), nil, yes, nil)
		got := a.Date.String()
		if IsFatal(probs) {
			got = probs[0].Msg
		}
		if !strings.Contains(got, want) {
			t.Errorf("%q in a Hugo site: %q, want %q", src, got, want)
		}
		// in a folder of notes a number is no Unix time (2020091512 is
		// a date stamp, not a day in 2034: a review)
		a, probs = Parse("p.md", []byte(src))
		if want != "2017" && (!IsFatal(probs) || !strings.Contains(probs[0].Msg, "unparseable date")) {
			t.Errorf("%q outside a site: %s %v, want an unparseable date", src, a.Date, probs)
		}
	}
}

// An empty field is passed over for the next of its aliases, as an empty
// date is (a helper's report: Decap and Forestry write their empty
// optional fields, and `summary: ""` hid the description after it).
func TestEmptyFieldFallsThrough(t *testing.T) {
	src := "---\ntitle: T\ndate: 2020-01-01\nsummary: \"\"\ndescription: The description\noutlet: \"\"\npublication: The Real Outlet\nurl: \"\"\nlink: https://example.org/a\n---\nx\n"
	a, probs := Parse("p.md", []byte(src))
	if IsFatal(probs) || a.Standfirst != "The description" || a.Outlet != "The Real Outlet" || a.URL != "https://example.org/a" {
		t.Errorf("standfirst %q, outlet %q, url %q, problems %v", a.Standfirst, a.Outlet, a.URL, probs)
	}
	if _, probs := Parse("p.md", []byte("---\ntitle: \"\"\ndate: 2020-01-01\n---\nx\n")); !IsFatal(probs) || probs[0].Msg != "empty title" || probs[0].Line != 2 {
		t.Errorf("an empty title: %v", probs)
	}
}

// A YAML mistake on the front matter's first line names its line, as one
// further down does (a helper's report: yaml.v3 says no line for its line
// 0, and a colon in a title there was said with none); so does a one-line
// JSON object's bad date, and a date in the form that is no day says so.
func TestFrontMatterMistakesOnTheFirstLine(t *testing.T) {
	for src, want := range map[string]string{
		"---\ntitle: ok: colon\ndate: 2020-01-01\n---\nx\n":           "q.md:2: invalid front matter: mapping values are not allowed in this context",
		"---\ndate: 2020-01-01\ntitle: ok: colon\n---\nx\n":           "q.md:3: invalid front matter: mapping values are not allowed in this context",
		"---\ntitle: \"a \"b\" c\"\ndate: 2020-01-01\n---\nx\n":       "q.md:2: invalid front matter: did not find expected key",
		"---\ndate: 2020-01-01\ntitle: \"a \"b\" c\"\n---\nx\n":       "q.md:3: invalid front matter: did not find expected key",
		"\n---\ntitle: \"unclosed\ndate: 2020-01-01\n---\nx\n":        "q.md:3: invalid front matter: found unexpected end of stream",
		"---\ndate: 2020-01-01\ntitle: \"unclosed\nnote: n\n---\nx\n": "q.md:3: invalid front matter: found unexpected end of stream",
		"---\ntitle: [a, b\ndate: 2020-01-01\n---\nx\n":               "q.md:2: invalid front matter: did not find expected ',' or ']'",
		"{\"title\": \"J\", \"date\": 16149000}\nBody.\n":             `q.md:1: unparseable date "16149000"`,
		"\n{\"title\": \"J\",\n \"date\": \"x\"}\nBody.\n":            `q.md:3: unparseable date "x"`,
		"---\ntitle: T\ndate: 2020-02-30\n---\nx\n":                   `q.md:3: unparseable date "2020-02-30" (2020-02-30 is no day)`,
		"---\ntitle: T\ndate: \"2020-02-30T10:00:00Z\"\n---\nx\n":     `q.md:3: unparseable date "2020-02-30T10:00:00Z" (2020-02-30 is no day)`,
	} {
		_, probs := Parse("q.md", []byte(src))
		if len(probs) == 0 || !strings.HasPrefix(probs[0].String(), want) {
			t.Errorf("%q: %v, want %s", src, probs, want)
		}
	}
}

// A YAML mistake names the line it is on, as firstControlLine does a
// control character's (a researcher's report: a tab indenting the line
// under `date:` was said on the date's line, yaml.v3 naming the line where
// the token it was scanning began; one in a block scalar was said on its
// "|" line, a bad escape in a quoted value on its quote's line, an unknown
// anchor on the front matter's first line).
func TestYAMLMistakeNamesItsLine(t *testing.T) {
	for _, c := range []struct{ fm, want string }{
		// the front matter's line 1 is the file's line 2
		{"title: x\ntags:\n\t- b\n", "tab.md:4: invalid front matter: found character that cannot start any token"},
		{"title: x\ndate: 2020-01-01\n\tauthor: x\n", "tab.md:4: invalid front matter: found a tab character that violates indentation"},
		{"title: x\ndate: 2020-01-01\nauthor: x\n\tmore: y\n", "tab.md:5: invalid front matter: found a tab character that violates indentation"},
		{"title: x\ntags:\n  - a\n\t- b\n", "tab.md:5: invalid front matter: found a tab character that violates indentation"},
		{"title: x\nsummary: one\n\ttwo\n", "tab.md:4: invalid front matter: found a tab character that violates indentation"},
		{"\tauthor: x\ntitle: x\n", "tab.md:2: invalid front matter: found character that cannot start any token"},
		{"title: x\nsummary: |\n\tline\n", "tab.md:4: invalid front matter: found a tab character where an indentation space is expected"},
		{"title: x\nsummary: |\n  a\n\tb\n", "tab.md:5: invalid front matter: found a tab character where an indentation space is expected"},
		{"title: x\nk: \"a\n  b \\q\"\n", "tab.md:4: invalid front matter: found unknown escape character"},
		{"title: x\nk: \"a\n  b \\xZZ\"\n", "tab.md:4: invalid front matter: did not find expected hexdecimal number"},
		{"title: x\ndate: 2020\n@bad: y\n", "tab.md:4: invalid front matter: found character that cannot start any token"},
		{"title: x\ndate: 2020\nk: !<bad\n", "tab.md:4: invalid front matter: did not find the expected '>'"},
		{"title: x\ndate: 2020\nk: |0\n  a\n", "tab.md:4: invalid front matter: found an indentation indicator equal to 0"},
		{"title: x\ndate: 2020\nk: v\n- a\n", "tab.md:5: invalid front matter: did not find expected key"},
		{"title: x\nk:\n  a: 1\n  - b\n", "tab.md:5: invalid front matter: did not find expected key"},
		{"title: x\ndate: 2020\n  k: v\n", "tab.md:4: invalid front matter: mapping values are not allowed in this context"},
		{"title: x\ndate: 2020\nk: [a, b\nz: 1\n", "tab.md:4: invalid front matter: did not find expected ',' or ']'"},
		{"title: x\ndate: 2020\nk: 'open\nz: 1\n", "tab.md:4: invalid front matter: found unexpected end of stream"},
		{"title: x\ndate: 2020\nk: v\nlong key\nz: 1\n", "tab.md:5: invalid front matter: could not find expected ':'"},
		{"title: x\ndate: 2020\nk: *nope\n", "tab.md:4: invalid front matter: unknown anchor 'nope' referenced"},
	} {
		_, probs := Parse("tab.md", []byte("---\n"+c.fm+"---\nx\n"))
		if len(probs) == 0 || probs[0].String() != c.want {
			t.Errorf("%q: %v, want %s", c.fm, probs, c.want)
		}
	}
}

// An outlet is read as Markdown, as a summary is: Hugo Academic's and
// Blox's publication is markdownified, and `*Journal of Source Themes,
// 1*(1)` was shown and cited with its asterisks (an oracle's report
// against Hugo 0.111). A title stays as written, as the sites show it.
func TestOutletIsRenderedText(t *testing.T) {
	for outlet, want := range map[string]string{
		`"*Journal of Source Themes, 1*(1)"`: "Journal of Source Themes, 1(1)",
		`"<i>Nature</i> &amp; Science"`:      "Nature & Science",
		`"The __Economist__"`:                "The Economist",
		`Yahoo! News`:                        "Yahoo! News",
		`"snake_case_times"`:                 "snake_case_times",
		`"5 * 3 Weekly"`:                     "5 * 3 Weekly",
		`AT&T Review`:                        "AT&T Review",
	} {
		src := "---\ntitle: \"*Sic* and 5 * 3\"\ndate: 2020-01-01\npublication: " + outlet + "\n---\nx\n"
		a, probs := Parse("p.md", []byte(src))
		if IsFatal(probs) || a.Outlet != want || a.Title != "*Sic* and 5 * 3" {
			t.Errorf("%s: outlet %q, title %q (%v), want %q", outlet, a.Outlet, a.Title, probs, want)
		}
	}
}

// A front-matter standfirst is read as the Markdown a site renders it
// from (a helper's report: "Sum **bold** <b>html</b>" was shown as
// written), then made safe for the terminal: an entity for ESC is no
// escape, and is dropped alone (what follows it is text, as a browser
// shows it: "Sum&#27;mary" was "Sumary").
func TestStandfirstIsRenderedText(t *testing.T) {
	for sf, want := range map[string]string{
		`Sum **bold** <b>html</b>`:                                            "Sum bold html",
		`A *word*, _another_, ~~gone~~ and ` + "`code`":                       "A word, another, gone and code",
		`See [the report](https://example.org/r) &amp; <https://example.org>`: "See the report & https://example.org",
		`1. First \*not\* a list`:                                             "1. First *not* a list",
		`# Not a heading`:                                                     "# Not a heading",
		`Bad &#27;]0;PWNED&#7; <script>alert(1)</script>end`:                  "Bad ]0;PWNED end",
		`Sum&#x1b;mary`:                                                       "Summary",
		`Two<br>lines`:                                                        "Two lines",
		`C:\Users and 5 * 3 * 2 and snake_case_name`:                          `C:\Users and 5 * 3 * 2 and snake_case_name`,
	} {
		src := fmt.Sprintf("---\ntitle: T\ndate: 2020-01-01\nsummary: %q\n---\nx\n", sf)
		a, probs := Parse("p.md", []byte(src))
		if IsFatal(probs) || a.Standfirst != want {
			t.Errorf("%q: %q %v, want %q", sf, a.Standfirst, probs, want)
		}
	}
}

// Only a summary is read as Markdown, as Hugo renders its summary alone:
// a description (Hugo's .Description, Jekyll's), subtitle, dek or excerpt
// is plain text, its spaces folded (a helper's report: "__init__" lost its
// underscores and "4*5*" its stars).
func TestOnlyASummaryIsMarkdown(t *testing.T) {
	plain := "How Python's __init__ and __main__ work; rated 4*5* by *nix users"
	for _, k := range []string{"description", "subtitle", "dek", "excerpt"} {
		src := fmt.Sprintf("---\ntitle: T\ndate: 2020-01-01\n%s: %q\n---\nx\n", k, plain+" \n  <b>x</b>")
		a, probs := Parse("p.md", []byte(src))
		if want := plain + " <b>x</b>"; IsFatal(probs) || a.Standfirst != want {
			t.Errorf("%s: %q %v, want %q", k, a.Standfirst, probs, want)
		}
	}
	src := "---\ntitle: T\ndate: 2020-01-01\nsummary: \"\"\ndescription: \"a __b__\"\n---\nx\n"
	if a, _ := Parse("p.md", []byte(src)); a.Standfirst != "a __b__" {
		t.Errorf("an empty summary, then a description: %q", a.Standfirst)
	}
}

// A summary's <plaintext> (or an unclosed <textarea>, <title>, <xmp>)
// does not swallow the rest as raw text: its tags are read as the
// summary's others are (a helper's report: "<plaintext>raw <b>x</b>" left
// "<b>x</b></p>" in the standfirst); a closed <xmp> shows its text as
// written, as a browser does.
func TestSummaryRawTextElements(t *testing.T) {
	for sf, want := range map[string]string{
		`One <plaintext>raw <b>x</b>`:   "One raw x",
		`Two <textarea>raw <b>y</b>`:    "Two raw y",
		`Three <xmp>a <i>b</i></xmp> c`: "Three a <i>b</i> c",
	} {
		src := fmt.Sprintf("---\ntitle: T\ndate: 2020-01-01\nsummary: %q\n---\nx\n", sf)
		a, probs := Parse("p.md", []byte(src))
		if IsFatal(probs) || a.Standfirst != want {
			t.Errorf("%q: %q %v, want %q", sf, a.Standfirst, probs, want)
		}
	}
}

// A summary's image shows its alt text, a Markdown image's and an
// <img>'s, its entities decoded (a helper's report: both were dropped).
func TestSummaryImagesKeepTheirAlt(t *testing.T) {
	for sf, want := range map[string]string{
		`A ![img](x.png) and <img alt="Alt &amp; B" src="y.png"> end`: "A img and Alt & B end",
		`No<img src="z.png">alt`:                  "Noalt",
		`<script><img alt="hidden"></script>Seen`: "Seen",
	} {
		src := fmt.Sprintf("---\ntitle: T\ndate: 2020-01-01\nsummary: %q\n---\nx\n", sf)
		a, probs := Parse("p.md", []byte(src))
		if IsFatal(probs) || a.Standfirst != want {
			t.Errorf("%q: %q %v, want %q", sf, a.Standfirst, probs, want)
		}
	}
}

// TestNullFrontMatterIsNone: YAML front matter of a null alone (null, ~,
// NULL, a comment beside it) has no keys, as Hugo 0.111.3 reads it (as
// oracle: a content/sec/n.md of ---\nnull\n--- and of ---\n~\n--- were
// published, untitled and undated, as ---\n--- is) and as folio read a
// section page's: a piece's is read as empty front matter's, in a Hugo
// site a piece titled by its name, elsewhere the problems of ---\n---.
// folio said "front matter is not a mapping of keys to values". A quoted
// "null" is a string, still no mapping.
func TestNullFrontMatterIsNone(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"site/hugo.toml": "baseURL = 'https://e.org/'\n"}
	nulls := []string{"null", "~", "NULL", "# none\nnull # here"}
	for i, n := range nulls {
		files[fmt.Sprintf("site/content/sec/n%d.md", i)] = "---\n" + n + "\n---\nBody.\n"
		files[fmt.Sprintf("notes/n%d.md", i)] = "---\n" + n + "\n---\nBody.\n"
	}
	files["site/content/sec/q.md"] = "---\n\"null\"\n---\nBody.\n"
	writeFiles(t, dir, files)
	a, probs := loadSite(t, dir)
	for i := range nulls {
		art, ok := a.Get(fmt.Sprintf("site/content/sec/n%d", i))
		if !ok || art.Title != fmt.Sprintf("n%d", i) {
			t.Errorf("%q in a Hugo site: %+v (%v), want a piece titled by its name", nulls[i], art, ok)
		}
	}
	msgs := map[string][]string{}
	for _, p := range probs {
		msgs[p.Path] = append(msgs[p.Path], p.Msg)
	}
	if m := msgs["site/content/sec/q.md"]; len(m) != 1 || !strings.Contains(m[0], "not a mapping") {
		t.Errorf("a quoted null: %q, want not a mapping", m)
	}
	_, empty := Parse("notes/e.md", []byte("---\n---\nBody.\n"))
	for i, n := range nulls {
		p := fmt.Sprintf("notes/n%d.md", i)
		_, got := Parse(p, []byte("---\n"+n+"\n---\nBody.\n"))
		if len(got) != len(empty) {
			t.Errorf("%q outside a site: %v, want as empty front matter's %v", n, got, empty)
			continue
		}
		for k := range got {
			if got[k].Msg != empty[k].Msg || got[k].Fatal != empty[k].Fatal {
				t.Errorf("%q outside a site: %v, want as empty front matter's %v", n, got, empty)
			}
		}
	}
}
