// Package index owns everything about searching an archive: the Bleve
// (scorch) index and its mapping and analyser, the on-disk cache and its
// manifest (incremental refresh, locking, fallback to memory), folio's query
// language, facets, snippets and related pieces. No Bleve type leaves the
// package: the TUI and the CLI use Query, Results, Hit and Facets.
package index
