// Package ui is folio's terminal interface: a Bubble Tea v2 program that
// searches an archive as you type, narrows the results with facets, and reads
// a piece rendered with Glamour.
//
// The package talks to the index only through the small [Searcher]
// interface, so it never sees Bleve and its tests can use a fake, and to
// the reader's own marks (read, starred, the place in each piece) through
// [ReadingState], which the state package's Store implements; the list and
// the reader see only its read-only part, [Marks].
//
// # Panes and the root
//
// Each pane is a small value in its own file with a view method, setSize
// where its size matters, and an update that handles its own keys: the
// search box (search.go), the result list (list.go), the sidebar with its
// / filter and timeline (sidebarkeys.go, sidebar.go, sidebarview.go,
// timeline.go, decades.go), the reader with its find box (readerkeys.go,
// reader.go), the list of links (links.go), the chart (trends.go,
// trendsview.go), the distinctive words (terms.go), the list of quotes
// (quotes.go), the help and problems overlays (help.go, problems.go: the files
// skipped and the warnings of the start, warnings.go),
// the citation format chooser (citeformat.go) and the prompt of a, a URL
// to add to the archive (addurl.go: Options.AddURL fetches it in a Cmd).
// copies.go holds what the reader and the sidebar do with republished
// copies: "Also ran in", A, and the COPIES group that hides them. A pane
// changes only itself; what needs more (a search,
// the reading state, the status line, another pane, I/O) it returns as an
// intent (intents.go): open piece i, the filters changed, the query
// changed, back, a period chosen, a term to add…
//
// The root model (app.go) keeps the focus, the layout (view.go), the
// generation counters of the searches (searching.go) and the reading state
// (reading.go). route.go gives a key to ctrl+c, then to the overlay on
// screen, then to the focused pane's update; only a key no pane took
// reaches the root's own keys, those of more than one pane (help, citing
// all, refresh, moving between panes, opening the chart). The root's do
// turns intents into searches and Cmds. It changes a pane through its
// methods, but for an overlay's open flag, the reader's quote to jump to
// (quotes.go) and the prompt's focus (saved.go); it reads a few panes'
// fields directly where a method would only return them (the list's
// cursor and generation, the reader's error and find box). update.go routes
// the other messages; Update runs them on the model in place and returns
// the model after its Cmd is made ("cmd := m.update(msg); return m, cmd"),
// never "return m, m.mutator()", whose order of evaluation Go leaves open.
//
// The keys are bound once, in DefaultKeyMap (keys.go), and given to the
// panes' updates; the ? overlay lists them from the same bindings
// (helpkeys.go), on pages when they do not fit. To add a key to a pane:
// bind it in KeyMap (a field, a line in DefaultKeyMap and a place in
// FullHelp), handle it in the pane's update, returning a new intent type
// if the pane cannot do it alone (declared in intents.go and carried out
// in do), add a row to the pane's section in helpSections and, if the
// footer should show it, to the pane's short help in keys.go. withOthers
// lists under MORE any binding of FullHelp that no section lists, so a
// forgotten row shows up there (and TestHelpFitsEightyByTwentyFour fails).
//
// The other files: reading.go holds the research side (marks, citations,
// the walk through related pieces), msgs.go the message types, cmds.go
// and cmdsreading.go the tea.Cmds that do I/O (searching, loading and
// rendering a piece, opening a URL, opening and saving the reading state,
// citing, finding links), but for those of a pane's own view beside its
// file: the chart's counts (trendsCmd, trends.go), the words' (termsCmd,
// terms.go), the fetch of a (addurl.go). render.go turns Markdown into lines for the
// reader and for folio show, within the bounds of preparse.go (before
// goldmark parses) and renderguard.go. live.go
// and watch.go, with messages and Cmds of their own, keep the screen in
// step with a folder archive whose files change while it runs and with the
// marks other folios on the archive save. saved.go keeps the saved
// searches (through [SavedStore]), with the one-line prompt of S
// (savedprompt.go), its own Cmds (savedcmds.go), which count what is new
// ([AddedSearcher]) and, when a search is opened, find it for the list to
// mark, and the sidebar's SAVED group (sidebarsaved.go).
// quotesel.go is the reader's choice of lines to keep as a quote (v) and
// the marks of quoted lines; quotes.go the list of quotes (Q) and the
// root's part in quoting, through [QuoteBook], which the state package's
// Quotes implements; cmdsquotes.go their messages and Cmds (opening and
// saving the quotes, finding them in a rendering and the quoted pieces
// among the results). eager.go starts the commands of a batch as soon as
// Bubble Tea hands them over, beside the view rather than after it;
// trace.go keeps the timeline of [Options.Trace] (folio's FOLIO_TRACE),
// written when the program ends, which the bench reads.
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
//     goroutine and the progress relay's pause of a frame between two
//     reports of a build (waitProgressCmd), both inside a Cmd; its one fixed-rate ticker is the 5 s check of a folder
//     archive too large to watch (watch.go), and a watched archive wakes it
//     only when its files change. Bubble Tea's renderer, which would
//     wake at its frame rate (120 a second, frameRate), is held while the
//     screen shows the latest view (frames.go): an idle folio wakes once
//     every 8 s. The same writer resets the terminal's scrolling region
//     before each full redraw, which Bubble Tea's renderer leaves at a
//     stale height after a resize.
//   - Nothing from the archive reaches the terminal raw. Article text is
//     sanitised by the archive package when it is loaded; everything else the
//     UI prints that did not come from folio itself (errors, file names) goes
//     through [archive.SanitizeLine] first; an error's text is
//     termsafe.ErrText's, the file names it gives quoted when they hold
//     what that would drop (U+202E) or what shows as nothing. After the last transformation,
//     the reader's lines as Glamour left them and the whole screen in View
//     pass through termsafe.Rendered: only colours and http(s) hyperlinks
//     reach the terminal.
package ui
