// Package ui is folio's terminal interface: a Bubble Tea v2 program that
// searches an archive as you type, narrows the results with facets, and reads
// a piece rendered with Glamour.
//
// The package talks to the index only through the small [Searcher]
// interface, so it never sees Bleve and its tests can use a fake, and to
// the reader's own marks (read, starred, the place in each piece) through
// [ReadingState], which the state package's Store implements; the list and
// the reader see only its read-only part, [Marks]. Each pane (search box,
// list, sidebar, reader, status line) is a small value in its own file with
// a view method and, where its size matters, setSize; of these only the
// search box has an update (it wraps Bubbles' text input). The root model
// in app.go handles their keys and routes messages between them (the
// trends and terms panes below take their own keys and return intents);
// reading.go
// holds the research side (marks, citations, the walk through related
// pieces), citeformat.go the one-key chooser of the citation format,
// links.go the list of a piece's links to other pieces (L) and the way
// back, msgs.go every message type and cmds.go every tea.Cmd that does I/O
// (searching, loading and rendering a piece, opening a URL, opening and
// saving the reading state, citing). render.go turns Markdown into lines
// for the reader and for folio show, within the bounds of renderguard.go.
// live.go and watch.go, with messages and Cmds of their own, keep the
// screen in step with a folder archive whose files change while it runs
// and with the marks other folios on the archive save. trends.go and
// terms.go, each with its own keys, message and Cmd, are the chart of
// attention over time (t) and the distinctive words of the results (w).
//
// Two rules keep the interface responsive and safe:
//
//   - Update does no I/O. Searches, renders and the index build run in
//     tea.Cmds tagged with a generation number; an answer for an old query or
//     an old width is dropped when it arrives. Update and View read and mark
//     through the reading state in memory; the Store writes its file outside
//     the lock they take. folio's own timers are one-shot, made by
//     [Options.After] (the typing pauses, the status line's clearing, the
//     pause before a save, the retry of a stale refresh), but for the
//     quarter-second gathering of a burst of file events in the watch's
//     goroutine; its one fixed-rate ticker is the 5 s check of a folder
//     archive too large to watch (watch.go), and a watched archive wakes it
//     only when its files change. Bubble Tea's renderer still wakes
//     at its 60 Hz frame rate: an idle folio uses 0.4–0.7 % of a core
//     (README).
//   - Nothing from the archive reaches the terminal raw. Article text is
//     sanitised by the archive package when it is loaded; everything else the
//     UI prints that did not come from folio itself (errors, file names) goes
//     through [archive.SanitizeLine] first. After the last transformation,
//     the reader's lines as Glamour left them and the whole screen in View
//     pass through termsafe.Rendered: only colours and http(s) hyperlinks
//     reach the terminal.
package ui
