//go:build unix

package main

import (
	"os"
	"os/exec"
	"syscall"
	"testing"
)

// Helpers for tests that need Unix processes and files; nounix_test.go has the others.

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// sendSIGTERM sends SIGTERM to this process, as a user's kill or a service manager would.
func sendSIGTERM(t *testing.T) {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
}

// ownProcessGroup starts cmd in a process group of its own, so killProcessGroup ends its
// children too (chromium's).
func ownProcessGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

func killProcessGroup(cmd *exec.Cmd) { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
