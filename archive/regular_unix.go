//go:build unix

package archive

import "syscall"

// openNonBlock makes opening a named pipe return at once instead of
// waiting for a writer. Regular files ignore it.
const openNonBlock = syscall.O_NONBLOCK
