package childtest

import (
	"syscall"
	"testing"
)

// LimitCPU lets this process use at most seconds more of CPU time (its
// own: the load on the machine does not count); past it, the kernel ends
// it with SIGXCPU.
func LimitCPU(t testing.TB, seconds uint64) {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	lim := uint64(ru.Utime.Sec+ru.Stime.Sec) + 1 + seconds
	if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: lim, Max: lim + 5}); err != nil {
		t.Fatal(err)
	}
}
