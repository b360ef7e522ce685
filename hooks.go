// Package kep holds what the repository's root gives the program: the pre-commit hook
// (hooks/pre-commit), which a user's .pre-commit-config.yaml also runs from here. The
// plan model is package plan; the pipeline internal/app; the commands cmd/kep.
package kep

import _ "embed" // the pre-commit hook

// PreCommitHook is hooks/pre-commit, the hook that kep init --workspace installs in a git
// work tree: a commit whose staged plans do not pass kep validate is refused.
//
//go:embed hooks/pre-commit
var PreCommitHook []byte
