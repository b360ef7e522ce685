//go:build !unix

package plan

import "os"

func openNoBlock(name string) (*os.File, error) { return os.Open(name) }
