// Package index owns everything about searching an archive: the Bleve
// (scorch) index and its mapping and analyser, the on-disk cache and its
// manifest (incremental refresh, generations, locking, fallback to
// memory), folio's query language, facets, snippets and related pieces. No
// Bleve type leaves the package: the TUI and the CLI use Query, Results,
// Hit and Facets.
//
// The files are in four rooms.
//
// The on-disk cache: cache.go (the folder, opening its bleve index;
// boltcheck.go checks scorch's root.bolt is whole before bbolt maps it),
// generations.go (the generations and their locks, below), manifest.go
// (what an index was built from and the archive's fingerprint) and
// lock_*.go (the flock of a file, by github.com/gofrs/flock).
//
// The build: plan.go compares the archive's files with the manifest, and
// keeps as last read the pieces of a folder the scan could not list
// (keepUnseen); build.go carries the plan out (a file it may not read keeps
// its piece as last read) and writes the manifest; batches.go is its
// pipeline (parsers in parallel, two batchers, waiting for scorch to
// persist every batch); mapping.go is the bleve mapping and turns an
// Article into a document, whose text prefix3.go analyses once for four
// fields: the text (with compounds.go's closed words of its hyphenated
// ones: counterterrorism for counter-terrorism), the first letters of its
// words that begin with a heavy prefix, (pairs.go) its common words side by side and the
// bundled synonyms' names' words side by side, and (caps.go) its words in
// capitals as written, its tags' words, the stems whose last letter the
// stemmer made and (forms.go) the bundled aliases' forms as written and
// their pairs, which let a word in capitals, word* (surestems.go) and an
// alias as written answer without reading texts; bodies.go keeps each piece's long texts
// (standfirst, note, body) out of bleve, in a store of folio's own read
// with pread, for snippets, exact forms, suggestions and Terms; limit.go caps the words indexed of a piece and
// of a batch; persist.go stops a build whose writes fail; compact.go
// merges a large build's segments into few, an update's small ones by
// size, and removes the segment files its index no longer uses; added.go
// keeps when each piece was first indexed (what is new to a saved search)
// and follows renamed pieces, through a rebuild too;
// copies.go keeps each piece's sketch in its manifest entry (in a file of
// its own while a build runs) and groups the republished copies into the
// manifest's head (Index.Copies, Query.CollapseCopies).
//
// The Index: open.go opens, refreshes and closes it and answers its
// getters; disk.go opens the cache's live generation or makes the next
// one; article.go reads a piece back from the archive; pages.go lets go
// of the index pages the process has mapped, past a bound the reader sets
// (KeepMappedUnder; at least a sixteenth of the index's segment files)
// and, while a build runs, past 128 MB of the build's.
//
// Answering: search.go runs a Query (the page it asks for, the re-ranking
// by length), filters.go turns its filters into queries, facets.go counts
// the facets (facetcolumn.go: from the facets column of the snapshot, read
// into memory, when no hit is scored), hits.go makes the Hits and loads
// their stored fields, order.go lists every piece newest first from an
// order read once per snapshot, warm.go reads that order and the facets
// column off the keystroke path after a view's first search, giving way
// while a search runs, resultcache.go keeps recent results and, apart,
// recent queries' numbers of matches (a count of the same matches is
// no search). A query's text goes parse
// (query.go; querytree.go brings parentheses to the AND of OR-groups the
// rest answers) → plan (queryplan.go, with synonyms.go's aliases) → bleve
// queries (compile.go, with exact.go's check of forms as written, left
// to the page of hits while typing by typingforms.go, and the word being
// typed checked within a budget among the pieces the rest of the search
// matches, filters.go's scopeBudgets; phrase.go's phrase
// searcher, which blocks.go keeps inside one paragraph, heading, list item
// or cell (phrasepos.go reads its positions from the segments' postings;
// phrasememo.go remembers, per view, which pieces have a phrase searched)
// with pairs.go's pairs of common words, and prefix.go's word being
// typed, scored term at a time, prefixsum.go summing its postings on every
// core, or one term of prefix3.go's when it is a heavy prefix); dense.go
// sums a scored search of hits from the postings instead of walking
// bleve's searchers, when its query is terms, prefixes, phrases,
// conjunctions and disjunctions (postcache.go keeps the postings it read
// for the next keystroke); split.go walks the two halves of a large snapshot's pieces
// on two cores for the other scored searches of hits (keptSearcher: bleve's
// boolean searcher, advanced, lost a match of its optional clauses);
// highlight.go matches a hit's words against
// the plan, snippet.go cuts the snippets and snippetclean.go writes a
// window's Markdown as the reader shows it, marked; suggest.go says
// "did you mean" and which forms were found; rank.go finds a piece's row
// among a query's results (Index.Rank). Related (related.go), Terms
// (terms.go: terms_count.go counts the words and pairs of the pieces read,
// terms_phrases.go the pieces of the archive with a pair) and Trend
// (trends.go) are searches of their own.
// tokenizer.go and analysis.go (with spelling.go's British → American
// forms) are the analyser, shared by indexing and queries; types.go holds
// the types of the API.
//
// The package sets nothing process-wide but, at init, its analyser's
// tokenizer and filter in bleve's registry (tokenizer.go, analysis.go),
// scorch's async-error callback "folio" (persist.go) and zap's
// segment-buffer estimate, turned off (limit.go). A command that wants the
// garbage collector tuned for a large build passes Options.LargeBuild.
//
// # Many folios on one archive: one writer, many readers
//
// The cache folder of an archive holds generations of its index:
//
//	lock          the writer's lock (flock, exclusive)
//	CURRENT       names the live generation; replaced atomically
//	gen-000007/   manifest.gob, bleve/ (scorch), bodies/ (bodies.go),
//	              lengths (lengths.go), readers, columns (colfile.go)
//	folders.memo  the article names of the archive's folders, with each
//	              folder's stamp (archive.ScanEachMemo), written when a
//	              cached search's check found the archive current: the
//	              next check lists only the folders whose stamp changed
//
// A generation is never changed once CURRENT names it, but for its columns
// file: what its snapshot gives (the facets column and the order of every
// piece), which `folio index`, or a reader whose warm read them from the
// snapshot, adds by rename (a write cut short may leave a .columns.tmp-*
// file), and every reader checks against the snapshot before it uses it.
// Any number of
// processes open the live one read-only (bleve's "read_only": bbolt then
// takes a shared flock on root.bolt and scorch runs no persister or
// merger), each holding a shared flock on the generation's readers file
// for as long as it has it open. Opening takes no other lock, so a reader
// or a CLI search never waits for another folio, and an idle reader holds
// nothing exclusive.
//
// A process that finds the archive changed (Open, Refresh) takes the
// writer's lock, waiting at most Options.LockTimeout (1 s; with
// Options.AwaitWriter, folio index's, until it is let go), and makes the
// next generation: scorch's segment files (*.zap) are immutable, so they
// are hard-linked from the live generation, as are the bodies store's
// files (each written once, by one build), and only root.bolt and
// index_meta.json are copied; the changed files are indexed into the copy
// (a read-write open, which takes bbolt's exclusive lock on the copy
// alone); after a large build its segments are merged into few
// (compact.go); the index is closed once its batches are persisted (a
// merge of scorch's own still running is abandoned, its inputs kept), the
// segment files no snapshot names are removed, its folders are synced,
// and CURRENT is replaced (temp file, fsync, rename). The
// writer then opens the new generation read-only like everyone else and
// lets go of the lock. Other processes go on answering from the generation
// they hold, and move to the new one at their next Refresh (which finds
// CURRENT current and takes no lock). A process that finds the writer's
// lock taken uses the live generation as it is and says so (Behind); the
// next Refresh picks the change up. So does one that cannot write the
// cache (asItWas). A change that is only files that hold what was read is
// none: files read within RacyWindow of their change (recorded racy, to be
// read again by the next writer), or whose times changed since (an edit
// undone, a touch); every entry keeps its text's hash, and such a process
// reads them (at most settleLimit of them) and uses the generation as
// current (settled, disk.go); and a Refresh that finds the generation it
// holds current again is no longer Behind.
//
// Old generations are removed, under the writer's lock, by the writer
// after publishing or by a process letting go of one, when no process
// holds them: a remover takes the readers lock exclusively (without
// waiting) and renames the folder away before deleting it, and a reader
// checks after locking that the file it locked is still in place, so a
// reader never opens a generation being removed. A writer killed midway
// leaves a generation CURRENT does not name: the next writer removes it
// and makes the change again. A cache laid out before generations
// (manifest.gob and bleve/ in the folder) is moved into a first
// generation. The index is built in memory (Fallback) only when the cache
// cannot be used at all: unwritable, or locked by a writer before it has
// any generation. A Refresh of such an index goes back to the cache once
// another folio has published a generation there (Published names the
// cache's file meanwhile, for a watch); one in memory because a writer
// held the lock builds the cache itself once that writer has let go with
// nothing published (killed): WriterLock names the lock, and
// AwaitUnlocked waits for it in flock, which no file event tells.
package index
