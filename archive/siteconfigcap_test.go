package archive

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// countingFS counts the bytes read from its files.
type countingFS struct {
	fs.FS
	read *int
}

type countingFile struct {
	fs.File
	read *int
}

func (c countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return countingFile{f, c.read}, nil
}

func (f countingFile) Read(b []byte) (int, error) {
	n, err := f.File.Read(b)
	*f.read += n
	return n, err
}

// A site's config over the size limit is refused, naming the file and the
// limit, without being read whole: it is read at every scan, and a 100 MB
// config.json was read whole each time before it was refused (a review).
func TestSiteConfigOverTheLimitIsNotReadWhole(t *testing.T) {
	big := `{"title": "` + strings.Repeat("x", 3*MaxFileSize) + `"}`
	read := 0
	fsys := countingFS{fstest.MapFS{"config.json": {Data: []byte(big)}}, &read}
	m, there, p := readSiteConfig(fsys, "config.json")
	if m != nil || !there || p == nil || !strings.Contains(p.Msg, "over the 10 MB limit") || p.Path != "config.json" {
		t.Fatalf("keys %v, there %v, problem %+v", m, there, p)
	}
	if read > MaxFileSize+1 {
		t.Errorf("%d bytes read of a %d-byte config: more than the limit and one", read, len(big))
	}
}
