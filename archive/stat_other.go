//go:build !unix

package archive

func statFiles(root string, paths []string, infos []fileStat) {
	for i, p := range paths {
		infos[i] = statPath(root, p)
	}
}
