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
	newest := latestRename(renamed)
	through := state.FollowedThrough(name)
	if renamesFollowed(newest, through) {
		return "" // followed already: the state and quotes files are not read
	}
	// not yet followed: the pieces of the renames after the last
	// followed, the count said when what each would move is not known (a
	// file not read). A piece renamed twice has two renames to its new ID
	// (a→c and b→c, chained by the index): one piece, where "2 pieces" was
	// said.
	pendingTo := map[string]bool{}
	for _, r := range renamed {
		if r.At == 0 || r.At > through {
			pendingTo[r.To] = true
		}
	}
	pending := len(pendingTo)
	failed := false
	var said []string
	say := func(msg string) {
		msg = termsafe.Escape(msg)
		fmt.Fprintln(w, "folio: warning:", msg)
		said = append(said, msg)
	}
	// warn says that the what of n pieces did not follow them: the
	// pieces this run had to move, not the week's renames it was given
	// (a helper's report: "5 pieces" for one file renamed, four followed
	// earlier in the week)
	warn := func(what string, n int, err error) {
		if err != nil {
			failed = true
			say(fmt.Sprintf("the %s of %s renamed or moved did not follow them (the next folio to open the index tries again): %s", what, pieces(n), err.Error()))
		}
	}
	st, err := state.Open(name, "")
	if st.Path() == "" {
		warn("marks", pending, err)
		return strings.Join(said, " · ")
	}
	switch refused := st.Refused(); {
	case refused != nil:
		// the store holds none of the file's marks: nothing would move,
		// and the renames would be recorded as followed (a helper's
		// report: a star left on the old id, said nowhere)
		warn("marks", pending, refused)
	default:
		if err != nil {
			// a corrupt file set aside, which had no marks to give: said
			// here, as the next Open finds no file
			say(err.Error())
		}
		moved := 0
		for _, r := range renamed {
			if st.Rename(r.From, r.To) {
				moved++
			}
		}
		if moved > 0 {
			warn("marks", moved, st.Save())
		}
	}
	qs, err := st.Quotes()
	if err != nil {
		warn("quotes", pending, err)
		return strings.Join(said, " · ")
	}
	moves := make(map[string]string, len(renamed))
	for _, r := range renamed {
		moves[r.From] = r.To
	}
	// a move of no quote here is kept too, for a fresh file's mark (see
	// state.Quotes.Rename): saved, as Unsaved says
	if n := qs.Rename(moves); n > 0 || qs.Unsaved() {
		warn("quotes", n, qs.Save())
	}
	if !failed && newest != 0 {
		_ = state.SetFollowedThrough(name, newest) // without it, done again at the next open
	}
	return strings.Join(said, " · ")
}

// latestRename is the latest time of renamed (Rename.At), 0 when none
// has one.
func latestRename(renamed []index.Rename) int64 {
	var newest int64
	for _, r := range renamed {
		newest = max(newest, r.At)
	}
	return newest
}

// renamesFollowed says whether renames whose latest time is newest are
// followed when those through the time through are recorded as followed
// (state.FollowedThrough): never when none has a time.
func renamesFollowed(newest, through int64) bool { return newest != 0 && newest <= through }
