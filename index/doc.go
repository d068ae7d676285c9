// Package index owns everything about searching an archive: the Bleve
// (scorch) index and its mapping and analyser, the on-disk cache and its
// manifest (incremental refresh, locking, fallback to memory), folio's query
// language, facets, snippets and related pieces. No Bleve type leaves the
// package: the TUI and the CLI use Query, Results, Hit and Facets.
//
// The files are in three rooms. The on-disk cache: cache.go (the folder,
// opening its bleve index), manifest.go (what the index was built from and
// the archive's fingerprint) and lock_*.go. The build: plan.go compares the
// archive's files with the manifest, build.go carries the plan out in
// batches and writes the manifest. On top, open.go's Index opens, refreshes
// and closes; search.go and the query files answer queries. The package
// sets nothing process-wide: a command that wants the garbage collector
// tuned for a large build passes Options.LargeBuild.
package index
