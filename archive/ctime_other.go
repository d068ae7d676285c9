//go:build !linux

package archive

import "io/fs"

// changeTime is 0 where a stat's change time is not read (the folder
// scan, scanRoot, reads it on every Unix).
func changeTime(fs.FileInfo) int64 { return 0 }
