package ui

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

const canLimitAddressSpace = true

// limitAddressSpace lets the process's virtual memory grow by at most extra
// bytes from now on: past it, Go dies with "out of memory".
func limitAddressSpace(t *testing.T, extra uint64) {
	statm, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := strconv.ParseUint(strings.Fields(string(statm))[0], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	vm := pages * uint64(os.Getpagesize())
	lim := syscall.Rlimit{Cur: vm + extra, Max: vm + extra}
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &lim); err != nil {
		t.Fatal(err)
	}
}

// limitCPU lets the process use at most seconds more of CPU time (its own:
// the load on the machine does not count); past it, the kernel ends it
// with SIGXCPU.
func limitCPU(t *testing.T, seconds uint64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	lim := uint64(ru.Utime.Sec+ru.Stime.Sec) + 1 + seconds
	if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: lim, Max: lim + 5}); err != nil {
		t.Fatal(err)
	}
}
