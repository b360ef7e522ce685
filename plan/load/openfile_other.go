//go:build !unix

package load

import "os"

func openNoBlock(name string) (*os.File, error) { return os.Open(name) }
