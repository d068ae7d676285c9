package cells

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Text fitted to n cells takes at most n under either count, and keeps
// every character (a helper's report: Devanagari lines ran past the
// screen in tmux, a third of the words never drawn).
func TestFitKeepsEveryCharacterWithinTheCells(t *testing.T) {
	words := []string{"प्रधानमंत्री", "अर्थव्यवस्था", "क्षेत्र", "स्वास्थ्य", "👨‍👩‍👧", "❤️", "1️⃣", "plain"}
	var b strings.Builder
	for i := range 200 {
		b.WriteString(words[i%len(words)] + " ")
	}
	line := "\x1b[1m" + b.String() + "\x1b[0m"
	for _, n := range []int{1, 2, 7, 40, 80} {
		out, at := Fit([]string{"short", line, "end"}, n)
		if n >= 5 && (out[0] != "short" || at[0] != 0 || at[1] != 1 || out[at[2]] != "end") {
			t.Fatalf("n=%d: lines moved: %v", n, at)
		}
		var got strings.Builder
		for i, l := range out {
			if n >= 7 && (ansi.StringWidth(l) > n || ansi.StringWidthWc(l) > n) {
				t.Errorf("n=%d: line %d takes %d/%d cells", n, i, ansi.StringWidth(l), ansi.StringWidthWc(l))
			}
			if i >= at[1] && i < at[2] {
				got.WriteString(ansi.Strip(l))
			}
		}
		if strings.ReplaceAll(got.String(), " ", "") != strings.ReplaceAll(ansi.Strip(line), " ", "") {
			t.Errorf("n=%d: characters lost", n)
		}
	}
	if got := Truncate("प्रधानमंत्री and more", 6, "…"); Width(got) > 6 {
		t.Errorf("Truncate: %q takes %d", got, Width(got))
	}
}

// Truncate cuts what x/ansi's TruncateWc gives back whole (a review's
// report: folio list panicked on a Devanagari outlet), and Fit makes no
// blank line nor loses the margin when a line's first word is wider than
// the column by wcwidth.
func TestTruncateAndFitOfWideClusters(t *testing.T) {
	for _, s := range []string{"श्रीकृष्ण द्विवेदी", "👨‍👩‍👧‍👦 family", "क्षक्षक्ष", "दैनिक जागरण राष्ट्रीय संस्करण"} {
		for n := 1; n <= 14; n++ {
			if got := Truncate(s, n, "…"); Width(got) > n {
				t.Errorf("Truncate(%q, %d) = %q, %d cells", s, n, got, Width(got))
			}
		}
	}
	line := "  देखें भारतीय_स्वतंत्रता_आन्दोलन_का_इतिहास_और_क्रान्तिकारी_आन्दोलन_भारतीय_स्वतंत्रता और आगे पढ़ें।"
	out, _ := Fit([]string{line}, 30)
	for i, l := range out {
		if strings.TrimSpace(l) == "" || !strings.HasPrefix(l, "  ") || Width(l) > 30 {
			t.Errorf("line %d %q (%d cells)", i, l, Width(l))
		}
	}
	if got := strings.ReplaceAll(strings.Join(out, ""), " ", ""); got != strings.ReplaceAll(line, " ", "") {
		t.Errorf("characters changed: %q", got)
	}
}

// A line of emoji sequences, which wcwidth counts wider than Glamour does,
// keeps its ordinary words whole: it was wrapped at a width shrunk for the
// emoji, and "reunited" was cut in two at show --width 22.
func TestFitKeepsWordsWholeBesideEmojiSequences(t *testing.T) {
	fam := "👩\u200d👩\u200d👧\u200d👦"
	line := "  The whole family reunited " + fam + " " + fam + " " + fam + " in the park yesterday afternoon."
	for n := 16; n <= 40; n++ {
		out, _ := Fit([]string{line}, n)
		var words []string
		for _, l := range out {
			if Width(l) > n {
				t.Errorf("n=%d: %q is %d cells", n, l, Width(l))
			}
			words = append(words, strings.Fields(l)...)
		}
		if got, want := strings.Join(words, " "), strings.Join(strings.Fields(line), " "); got != want {
			t.Errorf("n=%d: words cut or lost:\n%q", n, out)
		}
	}
}
