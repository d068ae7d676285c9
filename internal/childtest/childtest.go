// Package childtest runs a test again in a child process of the test
// binary, for what a test may only measure in a process of its own: a
// limit on its CPU time or memory (set there by the test), a crash.
package childtest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

// hangGuard bounds a child's wall time: only a guard against a hang, the
// limits that matter are the child's own.
const hangGuard = 5 * time.Minute

// Value is the value of env in this process: "" in the parent, what Run
// gave it in the child.
func Value(env string) string { return os.Getenv(env) }

// Run runs the calling test (t's name) in a child process with env=value
// and returns what it printed, and its error when it failed.
func Run(t *testing.T, env, value string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), env+"="+value)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
