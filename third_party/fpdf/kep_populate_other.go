//go:build !linux

package fpdf

// populate is a no-op but on Linux (kep_populate_linux.go).
func populate(b []byte) {}
