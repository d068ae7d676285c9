package archive

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is the error of a file folio refuses to read because it is
// not a regular file: a named pipe or a device (whose reads can block for
// ever), or a file of a kernel file system such as /proc (whose reads can
// too: /proc/kmsg waits for the next kernel message).
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens the file at path for reading only if it is a regular
// file on an ordinary file system. The open itself cannot block: it is
// made with O_NONBLOCK where the system has it (opening a named pipe
// otherwise waits for a writer), and the opened descriptor is checked
// (fstat, and on Linux fstatfs), so a symbolic link to a pipe, a device or
// a /proc file is refused too, and a file swapped for one after it was
// listed is caught. Folders are refused unless dirOK.
func OpenRegular(path string) (*os.File, error) { return openChecked(path, false) }

func openChecked(path string, dirOK bool) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, err
	}
	if err := checkOpened(f, dirOK); err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return f, nil
}

// checkOpened refuses an opened file that is not a regular file (or a
// folder, when dirOK) on an ordinary file system.
func checkOpened(f *os.File, dirOK bool) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	mode := st.Mode()
	switch {
	case mode.IsDir() && dirOK:
		return nil
	case mode.IsDir():
		return errors.New("is a folder")
	case mode&fs.ModeNamedPipe != 0:
		return fmt.Errorf("%w (a named pipe)", ErrNotRegular)
	case mode&fs.ModeSocket != 0:
		return fmt.Errorf("%w (a socket)", ErrNotRegular)
	case mode&fs.ModeDevice != 0:
		return fmt.Errorf("%w (a device)", ErrNotRegular)
	case !mode.IsRegular():
		return ErrNotRegular
	}
	if kind := pseudoFS(f); kind != "" {
		return fmt.Errorf("%w (a %s file)", ErrNotRegular, kind)
	}
	return nil
}

// ReadRegular reads the regular file at path (see OpenRegular), refusing
// one over max bytes before reading it all.
func ReadRegular(path string, max int64) ([]byte, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, max)
}

// readLimited reads f to its end, or fails past max bytes.
func readLimited(f fs.File, max int64) ([]byte, error) {
	// Read into a buffer of the stated size (and a byte more, to see the
	// end): io.ReadAll grows from 512 bytes, and allocated about twice a
	// piece's size in a build's heap profile.
	size := int64(0)
	if st, err := f.Stat(); err == nil {
		if size = st.Size(); size > max {
			return nil, fmt.Errorf("file is %d bytes, over the %s limit", size, sizeText(max))
		}
	}
	data, err := readSized(f, size, max)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("file is over the %s limit", sizeText(max))
	}
	return data, nil
}

// readSized reads f, whose size was stated as size (0 when unknown), up to
// max+1 bytes: a file that grew since is read on, by appending.
func readSized(f fs.File, size, max int64) ([]byte, error) {
	buf := make([]byte, 0, size+1)
	r := io.LimitReader(f, max+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grown past its stated size
		}
	}
}

func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
