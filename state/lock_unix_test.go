//go:build unix

package state

import (
	"strings"
	"testing"
	"time"
)

// The state folder's lock excludes a second Save until let go, and a wait
// past the timeout ends with a message, not a hang.
func TestLockFolder(t *testing.T) {
	dir := t.TempDir()
	unlock, err := lockFolder(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockFolder(dir, 50*time.Millisecond); err == nil || !strings.Contains(err.Error(), "too long") {
		t.Errorf("second lock while held: %v, want the too-long error", err)
	}
	unlock()
	unlock2, err := lockFolder(dir, time.Second)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	unlock2()
	if _, err := lockFolder(dir+"/missing", time.Second); err == nil {
		t.Error("lock of a missing folder: no error")
	}
}
