package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/cli/browser"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
)

// checkURL says whether folio may hand u to a browser. Archive files are
// written by other people, so a URL is data, not a command: only absolute
// http(s) URLs with a host pass. javascript:, file: and data: URLs, a URL
// starting with '-' (which a launcher would read as an option) and URLs with
// whitespace or control characters are refused with a message saying why.
func checkURL(u string) error {
	if u == "" {
		return errors.New("this piece has no URL")
	}
	if err := archive.ValidURL(u); err != nil {
		return fmt.Errorf("refusing to open %s: %v", quoteForStatus(u), err)
	}
	return nil
}

// noURL is what o and y say of the open piece when it has no URL: that
// its file's URL was dropped, and why, when it was (archive.DroppedURL,
// among the notes of Info.Problems); else that it has none. (A helper's
// report: "this piece has no URL" of a piece whose url: was refused.)
func (m *Model) noURL() string {
	if why, ok := m.droppedURL(); ok {
		return "This piece's URL was dropped as invalid (" + why + ")"
	}
	return "This piece has no URL"
}

// droppedURL is why the open piece's url: was dropped, when it was
// (archive.DroppedURL, among the notes of Info.Problems).
func (m *Model) droppedURL() (string, bool) {
	path := m.reader.hit.Path
	if m.reader.ready && m.reader.article.Path != "" {
		path = m.reader.article.Path
	}
	for _, p := range m.info.Problems {
		if why, ok := archive.DroppedURL(p); ok && path != "" && p.Path == path {
			return why, true
		}
	}
	return "", false
}

// sourceNote is what o and y add when the URL they use is the piece's
// source because its url: was dropped: that it is the source, and where
// to read why (a status line has no room for it; 49u: o opened the source with nothing said of the url refused).
func (m *Model) sourceNote(u string) string {
	if !m.reader.ready || m.reader.article.URL != "" || u != m.reader.article.Source {
		return ""
	}
	if _, ok := m.droppedURL(); ok {
		return " · the source: its URL was dropped as invalid (! says why)"
	}
	return ""
}

// quoteForStatus shows a URL in a status line: sanitised (so a hostile URL
// cannot drive the terminal) and shortened, keeping its host (truncateURL).
func quoteForStatus(u string) string {
	return fmt.Sprintf("%q", truncateURL(archive.SanitizeLine(u), 50))
}

// browserCommand turns $BROWSER into argv for url, the way git and gh read
// it: the value is split into words (single and double quotes and backslash
// escapes group them; no shell is involved, so $, ;, | and backticks are
// plain characters); a word containing %s has the URL put in its place,
// otherwise the URL is appended as the last argument.
func browserCommand(browserEnv, url string) ([]string, error) {
	words, err := splitWords(browserEnv)
	if err != nil {
		return nil, fmt.Errorf("cannot read $BROWSER: %v", err)
	}
	if len(words) == 0 {
		return nil, errors.New("$BROWSER is empty")
	}
	substituted := false
	for i, w := range words {
		if strings.Contains(w, "%s") {
			words[i] = strings.ReplaceAll(w, "%s", url)
			substituted = true
		}
	}
	if !substituted {
		words = append(words, url)
	}
	return words, nil
}

// splitWords splits s into words like a POSIX shell would, without any
// expansion: whitespace separates words, '...' quotes literally, "..." quotes
// with \" and \\ escapes, and a backslash outside quotes escapes the next
// character.
func splitWords(s string) ([]string, error) {
	var (
		words   []string
		cur     strings.Builder
		inWord  bool
		quote   rune
		escaped bool
	)
	for _, r := range s {
		switch {
		case escaped:
			cur.WriteRune(r)
			escaped = false
		case quote == '\'':
			if r == '\'' {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case quote == '"':
			switch r {
			case '"':
				quote = 0
			case '\\':
				escaped = true
			default:
				cur.WriteRune(r)
			}
		case r == '\\':
			escaped, inWord = true, true
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errors.New("unterminated quote")
	}
	if escaped {
		return nil, errors.New("trailing backslash")
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// browserGrace is how long openURL waits for the browser command to fail
// before it reports success. Graphical browsers often keep running until
// their window closes; folio must not wait for that.
const browserGrace = 2 * time.Second

// silenceBrowserLib points github.com/cli/browser's output at io.Discard, once:
// the library writes the launcher's stdout and stderr to ours by default,
// which would scribble over the interface.
var silenceBrowserLib = sync.OnceFunc(func() {
	browser.Stdout = io.Discard
	browser.Stderr = io.Discard
})

// openURL opens a checked URL: with $BROWSER when it is set (like git, gh and
// xdg-open), else with the platform's opener. The browser gets no terminal:
// its stdin is /dev/null and its output is discarded.
func openURL(u, browserEnv string) error {
	if err := checkURL(u); err != nil {
		return err
	}
	if strings.TrimSpace(browserEnv) == "" {
		silenceBrowserLib()
		if err := browser.OpenURL(u); err != nil {
			if errors.Is(err, exec.ErrNotFound) {
				return errors.New("no browser found: set $BROWSER to your browser's command")
			}
			return fmt.Errorf("could not open a browser: %s", archive.SanitizeLine(termsafe.ErrText(err)))
		}
		return nil
	}
	argv, err := browserCommand(browserEnv, u)
	if err != nil {
		return err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("could not run $BROWSER: %s", archive.SanitizeLine(termsafe.ErrText(err)))
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("$BROWSER (%s) failed: %s", archive.SanitizeLine(argv[0]), archive.SanitizeLine(termsafe.ErrText(err)))
		}
	case <-time.After(browserGrace):
		// Still running: a browser that stays open. The goroutine above reaps it.
	}
	return nil
}

// browserFromEnv reads $BROWSER.
func browserFromEnv() string { return os.Getenv("BROWSER") }
