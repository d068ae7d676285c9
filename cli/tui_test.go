package cli

import (
	"testing"
	"time"
)

// TestCloseWithinLeavesABlockedClose: quitting does not wait for an index
// Close that never returns (one stuck behind a read the kernel does not
// finish); a Close that returns is waited for.
func TestCloseWithinLeavesABlockedClose(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	returned := make(chan struct{})
	go func() {
		defer close(returned)
		closeWithin(func() error { <-block; return nil }, time.Millisecond)
	}()
	select {
	case <-returned:
	case <-time.After(time.Minute): // only a guard against the hang
		t.Fatal("closeWithin waited for a Close that never returns")
	}
	closed := false
	closeWithin(func() error { closed = true; return nil }, time.Minute)
	if !closed {
		t.Error("closeWithin returned before a Close that returns")
	}
}
