package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// footerLine is the screen's last line: the footer.
func footerLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestFooterSaysTheKeysOfWhatHasThem follows the footer into the sidebar's
// filter, the filter of the Q list and the ? overlay: letters typed into a
// filter are not the pane's keys, and the overlay's keys are its own (a
// helper's report: the footer said "↓/j down … q quit" there).
func TestFooterSaysTheKeysOfWhatHasThem(t *testing.T) {
	r := startQuoteRun(t, t.TempDir(), 100, 30)
	notPane := func(what string) {
		t.Helper()
		foot := footerLine(r.screen.load().screen)
		for _, k := range []string{"↓/j", "↑/k", "space toggle", "q quit"} {
			if strings.Contains(foot, k) {
				t.Errorf("%s: the footer says %q: %q", what, k, foot)
			}
		}
	}

	r.keys("tab", "/")
	waitIdle(t, r.screen, `\n\s*enter/↓ keep the filter • esc clear it[^\n]*$`)
	r.keys("j")
	waitIdle(t, r.screen, `(?m)^ */j`)
	notPane("the sidebar's filter")
	r.keys("esc")
	waitIdle(t, r.screen, `\n\s*↓/j down • space toggle[^\n]*$`)

	r.keys("Q", "/")
	waitIdle(t, r.screen, `\n\s*enter keep the filter • esc clear it[^\n]*$`)
	notPane("the filter of the quotes")
	r.keys("esc", "esc")
	waitIdle(t, r.screen, `\n\s*↓/j down • space toggle[^\n]*$`)

	r.keys("?")
	waitIdle(t, r.screen, `folio keys[\s\S]*\n\s*(space next page • b previous page • )?\?/esc close[^\n]*$`)
	notPane("the help")
	r.keys("esc", "tab", "enter")
	waitIdle(t, r.screen, "the head of MI5 gave interviews")
	r.keys("?")
	waitIdle(t, r.screen, `folio keys[\s\S]*\n\s*(space next page • b previous page • )?\?/esc close[^\n]*$`)
	notPane("the help over the reader")
	r.quit()
}

// helpTokens are the keys a row of ? names: its key column split at
// spaces and at the slashes between keys ("esc/q"), with the arrows and
// pgdn as Bubble Tea names them.
func helpTokens(col string) []string {
	names := map[string]string{"↑": "up", "↓": "down", "←": "left", "→": "right", "pgdn": "pgdown"}
	var out []string
	for _, field := range strings.Fields(col) {
		parts := []string{field}
		if field != "/" {
			parts = strings.Split(field, "/")
		}
		for _, f := range parts {
			if n, ok := names[f]; ok {
				f = n
			}
			out = append(out, f)
		}
	}
	return out
}

// helpAliases are keys ? may leave unnamed beside another key of their
// binding that it names: the arrows beside j k h l, home and end beside g
// G, ctrl+u and ctrl+d beside u d, pgup and pgdown beside b and space;
// and shift+tab, tab's way back (between two panes, the same).
var helpAliases = []string{"up", "down", "left", "right", "home", "end", "ctrl+u", "ctrl+d", "pgup", "pgdown", "shift+tab"}

// keyPressNamed is the key press Bubble Tea names name.
func keyPressNamed(t *testing.T, name string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown}, "delete": {Code: tea.KeyDelete},
		"ctrl+y": {Code: 'y', Mod: tea.ModCtrl}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl}, "ctrl+d": {Code: 'd', Mod: tea.ModCtrl},
	}
	k, ok := named[name]
	if !ok {
		k = keyPress(name)
	}
	if k.String() != name {
		t.Fatalf("the key press of %q is %q", name, k.String())
	}
	return k
}

// TestHelpNamesTheKeysThePanesTake presses every key in the list, the
// sidebar and the reader and compares what it did with what ? says: a key
// that does something is named on a row, a key named on a row does
// something, a key of the list that works in the reader too says
// "(+reader)" and one that does not is not said to, and a key said to
// work anywhere but "(list)" works in the reader. (A helper's report: ?
// had no pgup, nor the reader's backspace; C and F worked in the reader
// unsaid; q in the sidebar quit, where ? said "in the list".)
func TestHelpNamesTheKeysThePanesTake(t *testing.T) {
	t.Setenv("BROWSER", "true") // o opens nothing
	k := DefaultKeyMap()
	sections := map[string]helpSection{}
	for _, s := range k.helpSections() {
		if s.keys != nil {
			sections[s.title] = s
		}
	}
	named := map[string]bool{}
	for _, s := range sections {
		for _, r := range s.rows {
			for _, tok := range helpTokens(r[0]) {
				named[tok] = true
			}
		}
	}
	for _, s := range sections {
		for _, b := range s.keys {
			for _, key := range b.Keys() {
				if named[key] || !slices.Contains(helpAliases, key) {
					continue
				}
				if slices.ContainsFunc(b.Keys(), func(o string) bool { return named[o] }) || key == "shift+tab" && named["tab"] {
					named[key] = true
				}
			}
		}
	}

	// each section names the keys of its bindings, aliases aside: on its
	// rows, in a row's "(q too…)", or, for the reader's keys of quoting
	// (enter, y, esc), on the QUOTES section's rows
	var quoting []string
	for _, sec := range k.overlaySections() {
		if strings.HasPrefix(sec.title, "QUOTES") {
			for _, r := range sec.rows {
				quoting = append(quoting, helpTokens(r[0])...)
			}
		}
	}
	for title, sec := range sections {
		here := map[string]bool{}
		for _, r := range sec.rows {
			for _, tok := range helpTokens(r[0]) {
				here[tok] = true
			}
			if _, after, ok := strings.Cut(r[1], "("); ok {
				if key, _, ok := strings.Cut(after, " too"); ok {
					here[key] = true
				}
			}
		}
		if title == "READER" {
			for _, tok := range quoting {
				here[tok] = true
			}
		}
		for _, b := range sec.keys {
			for _, key := range b.Keys() {
				alias := slices.Contains(helpAliases, key) && slices.ContainsFunc(b.Keys(), func(o string) bool { return here[o] })
				if !here[key] && !alias && !(key == "shift+tab" && here["tab"]) {
					t.Errorf("%s does not name %q (%s)", title, key, b.Help().Desc)
				}
			}
		}
	}

	// the keys to press: every printable one and the named ones
	keys := []string{"ctrl+c", "space", "enter", "esc", "tab", "shift+tab", "backspace", "delete", "up", "down", "left", "right", "home", "end", "pgup", "pgdown", "ctrl+y", "ctrl+u", "ctrl+d"}
	for r := '!'; r <= '~'; r++ {
		keys = append(keys, string(r))
	}
	contexts := map[string]func(h *harness){
		"list":     func(h *harness) { h.key("j", "j") },
		"sidebar":  func(h *harness) { h.key("tab", "j", "j", "j") },
		"timeline": func(h *harness) { h.key("tab", "G", "j", "h") },
		"reader": func(h *harness) {
			for n := 0; ; n++ {
				if x, _ := h.m.list.selected(); x.ID == "long" || n > h.m.list.total {
					break
				}
				h.key("j")
			}
			h.key("enter", "d", "d")
		},
	}
	handled := map[string]map[string]bool{}
	for where, setUp := range contexts {
		handled[where] = map[string]bool{}
		for _, key := range keys {
			h, _ := newReadingHarness(t, newFake(append(testArticles(), longArticle())...), t.TempDir(), 100, 30)
			setUp(h)
			if where == "reader" && h.m.reader.pieceID() != "long" {
				t.Fatalf("the reader has %q", h.m.reader.pieceID())
			}
			before, focus := h.screen(), h.m.focus
			h.send(keyPressNamed(t, key))
			handled[where][key] = h.screen() != before || h.m.focus != focus || h.quitSeen()
		}
	}

	for _, key := range keys {
		some := false
		for where := range contexts {
			some = some || handled[where][key]
		}
		if some && !named[key] {
			t.Errorf("%q does something (list %v, sidebar %v, timeline %v, reader %v) and ? does not name it", key,
				handled["list"][key], handled["sidebar"][key], handled["timeline"][key], handled["reader"][key])
		}
		if named[key] && !some && key != "ctrl+y" { // ctrl+y: only with a suggestion
			t.Errorf("? names %q, which does nothing in the list, the sidebar or the reader", key)
		}
	}
	reader := map[string]bool{} // the keys of the reader's own bindings
	for _, b := range sections["READER"].keys {
		for _, key := range b.Keys() {
			reader[key] = true
		}
	}
	for _, title := range []string{"LIST", "ANYWHERE"} {
		for _, r := range sections[title].rows {
			for _, tok := range helpTokens(r[0]) {
				if reader[tok] {
					continue
				}
				says := strings.Contains(r[1], "(+reader)") || title == "ANYWHERE" && !strings.Contains(r[1], "(list)")
				if says != handled["reader"][tok] {
					t.Errorf("%s %q %q: ? says it works in the reader %v, it does %v", title, r[0], r[1], says, handled["reader"][tok])
				}
			}
		}
	}
	// q quits in the list and the sidebar, as ? says
	if !strings.Contains(sections["ANYWHERE"].rows[len(sections["ANYWHERE"].rows)-1][1], "list, filters") {
		t.Errorf("? says of q: %q", sections["ANYWHERE"].rows[len(sections["ANYWHERE"].rows)-1][1])
	}
	for _, where := range []string{"list", "sidebar"} {
		h, _ := newReadingHarness(t, newFake(testArticles()...), t.TempDir(), 100, 30)
		contexts[where](h)
		h.key("q")
		if !h.quitSeen() {
			t.Errorf("q in the %s did not quit", where)
		}
	}
}
