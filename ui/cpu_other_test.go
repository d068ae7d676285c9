//go:build !unix

package ui

import "time"

// cpuTime is not counted here.
func cpuTime() (time.Duration, bool) { return 0, false }
