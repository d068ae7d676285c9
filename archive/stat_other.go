//go:build !unix

package archive

import "time"

func scanRoot(root string, newWorker func() FileFunc, _ []byte, _ time.Time) ([]Problem, []byte) {
	return scanFSEach(newDirFS(root), newWorker), nil
}
