package archive

import (
	"bytes"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// statedFile is a file whose Stat gives a size that may not be its
// length: one that grew or shrank after it was stated.
type statedFile struct {
	r    io.Reader
	size int64
}

func (f *statedFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *statedFile) Close() error               { return nil }
func (f *statedFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{"f": {Data: make([]byte, f.size), ModTime: time.Unix(0, 0)}}.Stat("f")
}

// TestReadLimitedReadsWhatIsThere: a file is read to its end whatever its
// stated size said (read into a buffer of that size first), and refused
// past the limit either way.
func TestReadLimitedReadsWhatIsThere(t *testing.T) {
	const max = 100
	for _, c := range []struct {
		length, stated int
		refused        bool
	}{
		{0, 0, false}, {1, 1, false}, {50, 50, false}, {max, max, false},
		{80, 10, false},      // grew after it was stated
		{10, 80, false},      // shrank
		{max, 0, false},      // stated empty, at the limit
		{max + 1, max, true}, // grew past the limit
		{500, 3, true},
		{max + 1, max + 1, true}, // stated over the limit
	} {
		data := bytes.Repeat([]byte("x"), c.length)
		// one byte a read, to take every path of the loop
		got, err := readLimited(&statedFile{r: io.LimitReader(&oneByte{bytes.NewReader(data)}, int64(c.length)), size: int64(c.stated)}, max)
		if c.refused {
			if err == nil || !strings.Contains(err.Error(), "limit") {
				t.Errorf("%d bytes stated as %d: %d bytes, %v; want refused", c.length, c.stated, len(got), err)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes stated as %d: got %d bytes, %v", c.length, c.stated, len(got), err)
		}
	}
}

type oneByte struct{ r io.Reader }

func (o *oneByte) Read(p []byte) (int, error) {
	if len(p) > 1 {
		p = p[:1]
	}
	return o.r.Read(p)
}
