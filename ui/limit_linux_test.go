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
