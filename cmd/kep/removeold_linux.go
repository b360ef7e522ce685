package main

import "syscall"

// removeOld removes the document a new one is about to replace (commitDoc). unlink, not
// os.Remove: a folder of that name is left alone, and the rename then fails on it as it
// did before. Any error (none there, no permission) is the rename's to report.
func removeOld(path string) { syscall.Unlink(path) }
