package kep

import _ "embed" // the pre-commit hook

// PreCommitHook is hooks/pre-commit, the hook that kep init --workspace installs in a git
// work tree: a commit whose staged plans do not pass kep validate is refused.
//
//go:embed hooks/pre-commit
var PreCommitHook []byte
