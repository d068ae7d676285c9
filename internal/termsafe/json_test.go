package termsafe

import (
	"encoding/json"
	"strings"
	"testing"
)

// JSON escapes what a terminal would act on and keeps the value: the text
// decodes to the same strings, and writing it moves no cursor and reverses
// no line.
func TestJSONKeepsTheValue(t *testing.T) {
	in := map[string]string{
		"path":  "folder\u202e/txt.md",           // bidi override
		"title": "a\u009b2Jb\x7fc\u0085d",        // CSI, DEL, NEL
		"marks": "\u200eleft\u200fright\u061c",   // direction marks
		"iso":   "\u2066isolate\u2069 é ü 日本 \t", // kept as they are
		// invisible: a path "x\u200by.md" showed as "xy.md", another file's
		"hidden": "x\u200by\u00adz\u2060w\ufeffv\U000e0041u\u3164t",
	}
	raw, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	out := JSON(string(raw))
	if v := Violation(out, false); v != "" {
		t.Errorf("JSON(...) still holds a %s:\n%q", v, out)
	}
	for _, r := range []string{"\u200e", "\u200f", "\u200b", "\u00ad", "\u2060", "\ufeff", "\U000e0041", "\u3164"} {
		if strings.Contains(out, r) {
			t.Errorf("invisible %q left in %q", r, out)
		}
	}
	var back map[string]string
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatalf("not JSON any more: %v\n%s", err, out)
	}
	for k, v := range in {
		if back[k] != v {
			t.Errorf("%s: %q, want %q", k, back[k], v)
		}
	}
	if !strings.Contains(out, "é ü 日本") || !strings.Contains(out, `x\u200by\u00adz\u2060w\ufeffv\udb40\udc41u\u3164t`) {
		t.Errorf("safe text escaped: %s", out)
	}
	safe := `{"a":"plain é"}`
	if got := JSON(safe); got != safe {
		t.Errorf("JSON(%q) = %q", safe, got)
	}
}
