//go:build !linux

package ui

import "time"

// threadCPU is wall time where folio does not read a thread's CPU time:
// there the guard on highlighting is stretched by a busy machine.
func threadCPU() time.Duration { return wallClock() }
