package index

// KnownIDs are the ids the cached index of the archive named name (in
// opts.Dir, else its CacheDir) holds its pieces under, by their files'
// paths: what archive.LoadKeeping needs to give every file the id the
// index gives it (of two files whose names slug alike, the one indexed
// first keeps the bare id: archive.AssignIDs), so that folio list, check
// and show read from the files name the pieces as the reader does. nil
// when there is no index, or it cannot be read (then a file added whose
// name slugs as another's may take that one's bare id in the files' reading).
func KnownIDs(name string, opts Options) map[string]string {
	dir, err := cacheDir(name, opts)
	if err != nil {
		return nil
	}
	hold, err := holdCurrent(dir, lockTimeout(opts))
	if err != nil {
		return nil
	}
	defer hold.release()
	m, err := readManifest(hold.dir)
	if err != nil || m.Archive != name || m.loadFiles() != nil {
		return nil
	}
	out := make(map[string]string, len(m.Files))
	for p, e := range m.Files {
		if holdsID(p, e) { // a broken file's too (build.assignIDs)
			out[p] = e.ID
		}
	}
	return out
}
