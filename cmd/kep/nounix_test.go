//go:build !unix

package main

import (
	"errors"
	"os/exec"
	"testing"
)

func mkfifo(string) error { return errors.New("no named pipes on this system") }

func sendSIGTERM(t *testing.T) { t.Skip("no SIGTERM on this system") }

func ownProcessGroup(*exec.Cmd) {}

func killProcessGroup(cmd *exec.Cmd) { _ = cmd.Process.Kill() }
