//go:build !unix

package kep

import "os"

func openNoBlock(name string) (*os.File, error) { return os.Open(name) }
