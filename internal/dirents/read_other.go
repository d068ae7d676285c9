//go:build !linux

package dirents

import "os"

func read(f *os.File, _ []byte, yield func(name []byte, typ Type)) error {
	return readPortable(f, yield)
}
