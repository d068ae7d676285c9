package archive

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bombMemory is the address space a child process may add to what it has
// at the start, for parsing every bomb one after another. The largest
// measured after the limits: yaml-tags-200k, 108 MB allocated in all; on
// main the first TOML bomb alone took 3.5 GB.
const bombMemory = 512 << 20

const bombChildEnv = "FOLIO_TEST_PARSE_BOMBS_CHILD"

// TestParseBombsInBoundedMemory re-runs itself in a child process whose
// address space is limited (RLIMIT_AS) to what it had plus bombMemory, and
// parses every bomb there: a bomb that needs more memory kills the child
// (out of memory) and fails the test. The deadline is only a guard against
// a hang.
func TestParseBombsInBoundedMemory(t *testing.T) {
	if os.Getenv(bombChildEnv) != "" {
		parseBombsUnderLimit(t)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestParseBombsInBoundedMemory$", "-test.v")
	cmd.Env = append(os.Environ(), bombChildEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "parsed every bomb") {
		t.Fatalf("parsing the bombs with %d MB of memory: %v\n%s", bombMemory>>20, err, tail(string(out), 3000))
	}
}

func parseBombsUnderLimit(t *testing.T) {
	vm, err := vmSize()
	if err != nil {
		t.Fatal(err)
	}
	limit := uint64(vm + bombMemory)
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		t.Fatal(err)
	}
	for _, b := range bombs() {
		data := []byte(b.file())
		_, probs := Parse("p.md", data)
		fmt.Printf("%s: %d bytes: %v\n", b.name, len(data), probs)
		data = nil
		runtime.GC()
	}
	fmt.Println("parsed every bomb")
}

// vmSize is the process's address space in bytes, from /proc/self/status.
func vmSize() (int, error) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(status), "\n") {
		if f := strings.Fields(l); len(f) == 3 && f[0] == "VmSize:" {
			kb, err := strconv.Atoi(f[1])
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmSize in /proc/self/status")
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
