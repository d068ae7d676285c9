//go:build !unix

package archive

func scanRoot(root string) ([]FileInfo, []Problem) { return scanFS(newDirFS(root)) }
