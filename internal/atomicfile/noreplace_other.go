//go:build !linux

package atomicfile

// renameNoReplace puts tmp at path unless path exists (linkNoReplace).
func renameNoReplace(tmp, path string) error { return linkNoReplace(tmp, path) }
