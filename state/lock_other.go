//go:build !unix

package state

import "time"

// lockFolder does nothing where flock is not available: there, two folio
// processes that save at the very same moment can still lose one's changes
// (each Save re-reads the file first, so the window is one read and write).
func lockFolder(dir string, timeout time.Duration) (unlock func(), err error) {
	return func() {}, nil
}
