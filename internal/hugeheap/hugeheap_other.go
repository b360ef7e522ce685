//go:build !linux

package hugeheap

// Prepare does nothing outside Linux: other systems choose page sizes themselves.
func Prepare(n int) bool { return false }
