//go:build !linux

package main

import "testing"

// readOnly and tinyDisk need Linux mounts (mount_linux_test.go); elsewhere the tests
// that use them are skipped.
func readOnly(t *testing.T, dir string) { t.Skip("needs Linux mounts") }
func tinyDisk(t *testing.T, dir string) { t.Skip("needs Linux mounts") }
