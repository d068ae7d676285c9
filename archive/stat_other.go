//go:build !unix

package archive

func scanRoot(root string, newWorker func() FileFunc) []Problem {
	return scanFSEach(newDirFS(root), newWorker)
}
