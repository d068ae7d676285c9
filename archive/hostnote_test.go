package archive

import "testing"

// A URL whose host is not plain ASCII is shown with its host spelt as
// the browser asks for it, so that a look-alike (a Cyrillic а) shows.
func TestHostNoteShowsPunycode(t *testing.T) {
	for u, want := range map[string]string{
		"https://ex\u0430mple.com/a": " (host xn--exmple-4nf.com: not plain ASCII)",
		"https://example.com/\u00e9": "",
		"http://127.0.0.1:8080/x":    "",
	} {
		if got := HostNote(u); got != want {
			t.Errorf("HostNote(%q) = %q, want %q", u, got, want)
		}
	}
}
