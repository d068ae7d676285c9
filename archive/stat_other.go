//go:build !unix

package archive

import "time"

func scanRoot(root string, newWorker func() FileFunc, _ []byte, _ time.Time) ([]Problem, []byte, SiteConfigs) {
	return scanFSEach(newDirFS(root), newWorker), nil, nil
}
