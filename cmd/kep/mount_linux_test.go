package main

import (
	"os"
	"syscall"
	"testing"
)

// The mounts of the hardening tests (hardening_test.go); Linux only, so the tests compile
// for other systems (mount_other_test.go skips them there).

// mountOrSkip mounts a file system for a test (the tests run as root in CI containers
// that allow it) and unmounts it at the end; without the privilege the test is skipped.
func mountOrSkip(t *testing.T, source, target, fstype string, flags uintptr, data string) {
	t.Helper()
	if err := syscall.Mount(source, target, fstype, flags, data); err != nil {
		t.Skipf("mount %s: %v (needs root)", target, err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(target, 0); err != nil {
			t.Errorf("unmount %s: %v", target, err)
		}
	})
}

// readOnly makes dir read-only by bind-mounting it onto itself read-only: as root,
// permission bits alone would not stop a write.
func readOnly(t *testing.T, dir string) {
	t.Helper()
	mountOrSkip(t, dir, dir, "", syscall.MS_BIND, "")
	if err := syscall.Mount(dir, dir, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("remount read-only: %v", err)
	}
}

// tinyDisk mounts a 64 KiB tmpfs at dir: documents do not fit, so writes fail with
// "no space left on device" part way through.
func tinyDisk(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	mountOrSkip(t, "tmpfs", dir, "tmpfs", 0, "size=64k")
}
