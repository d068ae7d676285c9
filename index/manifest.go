package index

import (
	"encoding/json"
	"fmt"
	"github.com/folio-tui/folio/internal/atomicfile"
	"os"
	"path/filepath"

	"github.com/folio-tui/folio/archive"
)

// manifest records what the index on disk was built from. It is written
// last and atomically: an index without a readable manifest of the current
// schema is rebuilt.
type manifest struct {
	Schema  int    `json:"schema"`
	Archive string `json:"archive"`
	// Complete is false while an update is under way: every file being
	// (re)indexed is then recorded with Size -1 so that an interrupted
	// update is redone, and nothing else is trusted.
	Complete bool                 `json:"complete"`
	Docs     int                  `json:"docs"`
	Files    map[string]fileEntry `json:"files"`
	// Facets are the all-documents facet counts of this index version,
	// so that reopening needs no search to show them.
	Facets *Facets `json:"facets,omitempty"`
}

type fileEntry struct {
	Size     int64             `json:"size"`
	MTime    int64             `json:"mtime"` // UnixNano; 0 when the file system has none (embedded)
	Hash     string            `json:"hash,omitempty"`
	ID       string            `json:"id,omitempty"`
	Indexed  bool              `json:"indexed,omitempty"` // a document with ID is in the index for this file
	Words    int               `json:"words,omitempty"`   // length, for ranking
	Fatal    bool              `json:"fatal,omitempty"`   // the file could not be used
	Problems []archive.Problem `json:"problems,omitempty"`
}

const manifestName = "manifest.json"

func readManifest(dir string) (*manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("corrupt manifest: %w", err)
	}
	if m.Files == nil {
		m.Files = map[string]fileEntry{}
	}
	return &m, nil
}

// writeManifest replaces the manifest atomically; it is written last, so a
// build killed midway leaves no manifest claiming its files.
func writeManifest(dir string, m *manifest) error {
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, manifestName), data, 0o644)
}
