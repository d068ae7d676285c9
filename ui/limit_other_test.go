//go:build !linux

package ui

import "testing"

const canLimitAddressSpace = false

func limitAddressSpace(t *testing.T, _ uint64) { t.Skip("no RLIMIT_AS here") }
