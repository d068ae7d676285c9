//go:build !linux

package childtest

import "testing"

// LimitCPU skips the test: RLIMIT_CPU is set on Linux only.
func LimitCPU(t testing.TB, _ uint64) {
	t.Helper()
	t.Skip("RLIMIT_CPU is set on Linux only")
}
