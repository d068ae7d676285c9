package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
)

// followRenames gives the reading state (read, starred, position, the
// history's visits) and the quotes of each piece an index update found
// renamed or moved (the same title, date, authors and outlet under
// another ID) to its new ID, and saves them, so that a file moved
// into a folder keeps its marks and quotes as it keeps its citation key.
// Every folio that opens or refreshes the index does it, with the renames
// the last update found (index.Index.LastRenamed, by this folio or
// another): one followed already is nothing, and one cut short (a folio
// killed after the index's update, a state folder locked) is followed at
// the next open (a review's report: lost for good). A reader that is open
// takes the change in from the files it watches. Failures are warnings on
// w, returned too (joined, without "folio: warning:") for the reader's
// status line: the index is right either way. A state file this folio
// cannot read (its permissions, a newer folio's) is a failure: its marks
// did not follow, and the renames are left to the next folio.
func followRenames(w io.Writer, name string, renamed []index.Rename) string {
	if len(renamed) == 0 {
		return ""
	}
	var newest int64
	for _, r := range renamed {
		newest = max(newest, r.At)
	}
	if newest != 0 && newest <= state.FollowedThrough(name) {
		return "" // followed already: the state and quotes files are not read
	}
	failed := false
	var said []string
	say := func(msg string) {
		msg = termsafe.Escape(msg)
		fmt.Fprintln(w, "folio: warning:", msg)
		said = append(said, msg)
	}
	warn := func(what string, err error) {
		if err != nil {
			failed = true
			say(fmt.Sprintf("the %s of %s renamed or moved did not follow them (the next folio to open the index tries again): %s", what, pieces(len(renamed)), err.Error()))
		}
	}
	st, err := state.Open(name, "")
	if st.Path() == "" {
		warn("marks", err)
		return strings.Join(said, " · ")
	}
	switch refused := st.Refused(); {
	case refused != nil:
		// the store holds none of the file's marks: nothing would move,
		// and the renames would be recorded as followed (a helper's
		// report: a star left on the old id, said nowhere)
		warn("marks", refused)
	default:
		if err != nil {
			// a corrupt file set aside, which had no marks to give: said
			// here, as the next Open finds no file
			say(err.Error())
		}
		moved := false
		for _, r := range renamed {
			moved = st.Rename(r.From, r.To) || moved
		}
		if moved {
			warn("marks", st.Save())
		}
	}
	qs, err := st.Quotes()
	if err != nil {
		warn("quotes", err)
		return strings.Join(said, " · ")
	}
	moves := make(map[string]string, len(renamed))
	for _, r := range renamed {
		moves[r.From] = r.To
	}
	if qs.Rename(moves) {
		warn("quotes", qs.Save())
	}
	if !failed && newest != 0 {
		_ = state.SetFollowedThrough(name, newest) // without it, done again at the next open
	}
	return strings.Join(said, " · ")
}
