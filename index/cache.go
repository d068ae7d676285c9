package index

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
)

// The on-disk cache of an archive's index is a folder (cacheDir) holding
// the writer's lock and the generations (generations.go), each a manifest
// (manifest.go) and the bleve index in bleveSubdir.

const bleveSubdir = "bleve"

// cacheDir is the index folder of an archive: opts.Dir or CacheDir.
func cacheDir(name string, opts Options) (string, error) {
	if opts.Dir != "" {
		return opts.Dir, nil
	}
	return CacheDir(name)
}

// CacheDir is the default index folder of an archive:
// os.UserCacheDir()/folio/bundled, or /folio/<basename>-<hash of the path>.
func CacheDir(name string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "folio", cacheKey(name)), nil
}

// cacheKey is the name of an archive's index folder: its folder's base
// name, cut to 40 bytes, with "_" for each path separator, ":" and
// character termsafe.Unsafe says of (the C0 and C1 controls, DEL, bidi
// controls: a cache folder named with U+202E showed reversed in a file
// manager), then a hash of its path. Names of ordinary characters kept
// their key when DEL, C1 and bidi controls joined the replaced ones.
func cacheKey(name string) string {
	if name == archive.BundledName {
		return "bundled"
	}
	sum := sha256.Sum256([]byte(name))
	b := filepath.Base(name)
	b = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || termsafe.Unsafe(r) {
			return '_'
		}
		return r
	}, b)
	if len(b) > 40 {
		n := 40
		for n > 0 && !utf8.RuneStart(b[n]) {
			n-- // not within a character: the name stays UTF-8 (a helper's report)
		}
		b = b[:n]
	}
	return b + "-" + hex.EncodeToString(sum[:6])
}

func lockTimeout(opts Options) time.Duration {
	if opts.LockTimeout <= 0 {
		return time.Second
	}
	return opts.LockTimeout
}

// openCachedBleve opens the bleve index in the cache folder dir that m
// describes, sized for pieces documents (the bound of its merges); false
// when it is missing, damaged or does not hold m's documents.
func openCachedBleve(dir string, m *manifest, pieces int, readOnly bool, opts Options) (bleve.Index, bool, error) {
	cfg := bleveConfigOf(pieces, opts)
	cfg["bolt_timeout"] = lockTimeout(opts).String()
	if readOnly {
		cfg["read_only"] = true
	}
	bi, err := openBleve(filepath.Join(dir, bleveSubdir), cfg)
	switch {
	case err != nil && isTimeout(err):
		return nil, false, errLocked
	case err != nil:
		return nil, false, nil // corrupt or missing
	}
	if n, err := bi.DocCount(); m.Complete && (err != nil || int(n) != m.Docs) {
		_ = bi.Close()
		return nil, false, nil
	}
	return bi, true, nil
}

// openBleve opens an existing index, turning a panic on a damaged index
// into an error.
func openBleve(path string, cfg map[string]interface{}) (bi bleve.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			bi, err = nil, fmt.Errorf("damaged index: %v", r)
		}
	}()
	if err := checkBolt(filepath.Join(path, "store", "root.bolt")); err != nil {
		return nil, fmt.Errorf("damaged index: %w", err)
	}
	return bleve.OpenUsing(path, cfg)
}

func isTimeout(err error) bool {
	return err != nil && strings.Contains(strings.ToLower(err.Error()), "timeout")
}
