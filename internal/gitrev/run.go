// Package gitrev reads plans and their workspace as they were at a git revision, with git
// run so that nothing in the work tree, committed or not, can make git run a program.
//
// The attack it closes: a pull request adds ordinary files under accounts/ — HEAD,
// refs/…, objects/ and a config with core.worktree, a promisor remote whose uploadpack is a
// shell command, or core.fsmonitor. git run in accounts/ takes that folder for a bare
// repository, and its first lazy fetch or index refresh runs the attacker's command. So
// kep never lets git discover a repository: it finds the work tree's top itself (the
// nearest folder holding .git), and every git command gets that .git explicitly, with the
// hooks, fsmonitor, lazy fetches and every transport switched off, and an environment of
// kep's own.
package gitrev

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxBlob bounds every file read from a commit (as kep's reads from the disk are bounded):
// a 300 MB blob in a hostile history is refused while it streams, not read whole.
const MaxBlob = 64 << 20

// maxBlob is MaxBlob, smaller in tests.
var maxBlob int64 = MaxBlob

// maxStderr bounds what is kept of git's own messages.
const maxStderr = 64 << 10

// Timeout bounds one git command; kep's commands read a few small objects.
var Timeout = 2 * time.Minute

// ErrNotFound is returned when git is not installed.
var ErrNotFound = exec.ErrNotFound

// ErrNoRepo is returned for a folder not inside a git work tree.
var ErrNoRepo = errors.New("not inside a git repository")

// Repo is a git work tree as kep found it.
type Repo struct {
	Top    string // the work tree's top folder, absolute, links resolved
	GitDir string // Top/.git: a folder, or a file naming one (worktrees, submodules)
}

// Find returns the work tree holding dir: the nearest folder, from dir upwards, that holds
// an entry named .git. It runs no git and honours GIT_CEILING_DIRECTORIES as git would.
// A folder that merely looks like a bare repository (HEAD, objects/, refs/) is never taken.
func Find(dir string) (*Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	ceilings := ceilingDirs()
	for d := abs; ; {
		g := filepath.Join(d, ".git")
		if fi, err := os.Lstat(g); err == nil && (fi.IsDir() || fi.Mode().IsRegular()) {
			return &Repo{Top: d, GitDir: g}, nil
		}
		parent := filepath.Dir(d)
		if parent == d || ceilings[parent] {
			return nil, ErrNoRepo
		}
		d = parent
	}
}

func ceilingDirs() map[string]bool {
	m := map[string]bool{}
	for _, c := range filepath.SplitList(os.Getenv("GIT_CEILING_DIRECTORIES")) {
		if filepath.IsAbs(c) {
			m[filepath.Clean(c)] = true
			if real, err := filepath.EvalSymlinks(c); err == nil {
				m[real] = true
			}
		}
	}
	return m
}

// Rel returns name's path inside the work tree with forward slashes, or false for a path
// outside it. Links in the part of name that exists are resolved first.
func (r *Repo) Rel(name string) (string, bool) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", false
	}
	abs = resolveExisting(abs)
	rel, err := filepath.Rel(r.Top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// resolveExisting resolves the links in the longest part of path that exists on disk.
func resolveExisting(path string) string {
	rest := ""
	for p := path; ; {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return path
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// hardening is the configuration every git command runs with, above any configuration
// file: no repository found by discovery, no fsmonitor, no hooks, no transport at all (so
// no lazy fetch of a promisor remote can start a program), no pager.
var hardening = []string{
	"-c", "safe.bareRepository=explicit",
	"-c", "core.fsmonitor=false",
	"-c", "core.hooksPath=" + os.DevNull,
	"-c", "protocol.allow=never",
	"-c", "core.untrackedCache=false",
	"-c", "core.pager=cat",
	"-c", "credential.helper=",
	"-c", "core.askPass=",
}

// Run runs one git command on the repository and returns its standard output, at most
// limit bytes (more is an error). The error carries git's own message.
func (r *Repo) Run(limit int64, args ...string) ([]byte, error) {
	full := []string{"--no-pager", "--literal-pathspecs"}
	if noLazyFetchFlag() {
		full = append(full, "--no-lazy-fetch")
	}
	full = append(full, "--git-dir="+r.GitDir, "--work-tree="+r.Top)
	full = append(full, hardening...)
	full = append(full, args...)
	return run(r.Top, limit, full...)
}

func run(dir string, limit int64, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = Env(os.Environ())
	cmd.Stdin = nil
	out := &capped{limit: limit}
	errb := &capped{limit: maxStderr, quiet: true}
	cmd.Stdout, cmd.Stderr = out, errb
	err := cmd.Run()
	if out.over {
		return nil, fmt.Errorf("larger than %d MiB, not read", limit>>20)
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("git took longer than %v and was stopped", Timeout)
	}
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(errb.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return out.Bytes(), nil
}

// Env is the environment git runs in: the caller's, less every GIT_* variable (a hook's
// GIT_DIR, GIT_CONFIG_PARAMETERS, GIT_EXEC_PATH, …) and locale, plus kep's own settings.
func Env(environ []string) []string {
	env := make([]string, 0, len(environ)+10)
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GIT_") || k == "LANG" || k == "LANGUAGE" || strings.HasPrefix(k, "LC_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"GIT_PAGER=cat",
		"GIT_TERMINAL_PROMPT=0",
		"GIT_NO_LAZY_FETCH=1",  // git ≥ 2.44; older gits are held by protocol.allow=never
		"GIT_OPTIONAL_LOCKS=0", // never write the index behind the user's back
		"GIT_NO_REPLACE_OBJECTS=1",
		"GIT_LITERAL_PATHSPECS=1",
		"LC_ALL=C", "LANG=C", "LANGUAGE=C", // English messages, matched by callers
	)
}

// capped is a buffer that takes at most limit bytes; a write past it fails, which stops
// the copy from git's pipe (and git with it). It must not embed bytes.Buffer: io.Copy
// would use the buffer's ReadFrom and never call Write.
type capped struct {
	buf   bytes.Buffer
	limit int64
	over  bool
	quiet bool // drop the excess instead of failing (git's messages)
}

func (c *capped) Write(p []byte) (int, error) {
	room := c.limit - int64(c.buf.Len())
	if int64(len(p)) > room {
		if room > 0 {
			c.buf.Write(p[:room])
		}
		if c.quiet {
			return len(p), nil
		}
		c.over = true
		return 0, errors.New("output limit")
	}
	return c.buf.Write(p)
}

func (c *capped) Bytes() []byte  { return c.buf.Bytes() }
func (c *capped) String() string { return c.buf.String() }

var (
	lazyOnce sync.Once
	lazyFlag bool
)

// noLazyFetchFlag reports whether the installed git knows --no-lazy-fetch (2.44 and later).
func noLazyFetchFlag() bool {
	lazyOnce.Do(func() {
		// No repository is looked for: an explicit, empty git dir, run from the root.
		out, err := run("/", 4096, "--git-dir="+os.DevNull, "-c", "safe.bareRepository=explicit", "version")
		if err == nil {
			lazyFlag = versionAtLeast(string(out), 2, 44)
		}
	})
	return lazyFlag
}

// versionRE is compiled on first use: a regexp compiled at package initialisation costs
// every kep process, `kep version` included (issue 19).
var versionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`git version (\d+)\.(\d+)`) })

func versionAtLeast(s string, major, minor int) bool {
	m := versionRE().FindStringSubmatch(s)
	if m == nil {
		return false
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	return a > major || a == major && b >= minor
}
