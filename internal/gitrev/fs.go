package gitrev

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrNotInRevision: the file did not exist at the revision (a new account).
var ErrNotInRevision = errors.New("not in revision")

// File is a file of the work tree at a revision.
type File struct {
	Repo   *Repo
	Rel    string // the file's path relative to Repo.Top, with forward slashes
	Commit string // the revision resolved to a commit id
}

// Show reads the file at path as it was at revision rev. Its errors say plainly what is
// wrong: no git, not a repository, an unknown revision, a file the revision lacks.
func Show(name, rev string) ([]byte, File, error) {
	var f File
	if strings.HasPrefix(rev, "-") {
		return nil, f, fmt.Errorf("revision %q: must not start with '-'", rev)
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, f, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	repo, err := Find(filepath.Dir(abs))
	if err != nil {
		return nil, f, fmt.Errorf("%s: not inside a git repository (compare two files with 'kep diff OLD NEW')", name)
	}
	f.Repo = repo
	rel, ok := repo.Rel(abs)
	if !ok {
		return nil, f, fmt.Errorf("%s: outside the work tree %s", name, repo.Top)
	}
	f.Rel = rel
	commit, err := repo.Commit(rev)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, f, fmt.Errorf("--rev needs git, and git was not found: %w", err)
		}
		if strings.Contains(err.Error(), "not a git repository") {
			return nil, f, fmt.Errorf("%s: not inside a git repository (compare two files with 'kep diff OLD NEW')", name)
		}
		return nil, f, fmt.Errorf("unknown revision %q in the repository of %s", rev, name)
	}
	f.Commit = commit
	src, err := repo.Blob(commit, rel)
	if err != nil {
		if strings.Contains(err.Error(), "not read") {
			return nil, f, fmt.Errorf("%s at %s: %w", rel, rev, err)
		}
		return nil, f, fmt.Errorf("%s is %w %s (was it committed there?)", rel, ErrNotInRevision, rev)
	}
	return src, f, nil
}

// Commit resolves rev to a commit id.
func (r *Repo) Commit(rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("revision %q: must not start with '-'", rev)
	}
	out, err := r.Run(4096, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		if errors.Is(err, ErrNotFound) || strings.Contains(err.Error(), "not a git repository") {
			return "", err
		}
		return "", fmt.Errorf("unknown revision %q", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// Blob returns the bytes of the file rel at commit (a link's target name for a link),
// at most MaxBlob of them. cat-file applies no filters, no textconv, no attributes.
func (r *Repo) Blob(commit, rel string) ([]byte, error) {
	return r.Run(maxBlob, "cat-file", "blob", commit+":"+rel)
}

// Tracked reports whether git tracks rel in the index.
func (r *Repo) Tracked(rel string) bool {
	_, err := r.Run(1<<20, "ls-files", "--error-unmatch", "--", rel)
	return err == nil
}

// FS lets kep's loader see the work tree as it was at a commit: files inside it are read
// from the commit (the workspace file kep.toml, logo and fonts as they were then); files
// outside it and files git does not track come from the disk. So an old version of a plan
// is checked against the workspace of its own time, and a workspace file kept out of git
// is taken as it is now.
type FS struct {
	Repo   *Repo
	Commit string
}

// isGitDir tells the repository's own .git, which the loader looks for to stop its search
// for kep.toml; it is not part of any commit but exists on disk.
func isGitDir(rel string) bool { return rel == ".git" || strings.HasPrefix(rel, ".git/") }

func (r FS) ReadFile(name string) ([]byte, error) {
	rel, ok := r.Repo.Rel(name)
	if !ok || isGitDir(rel) {
		return os.ReadFile(name)
	}
	data, err := r.Repo.Blob(r.Commit, rel)
	if err != nil {
		if strings.Contains(err.Error(), "not read") {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if !r.Repo.Tracked(rel) {
			return os.ReadFile(name)
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return data, nil
}

func (r FS) Stat(name string) (fs.FileInfo, error)  { return r.stat(name, os.Stat) }
func (r FS) Lstat(name string) (fs.FileInfo, error) { return r.stat(name, os.Lstat) }

func (r FS) stat(name string, onDisk func(string) (fs.FileInfo, error)) (fs.FileInfo, error) {
	rel, ok := r.Repo.Rel(name)
	if !ok || isGitDir(rel) {
		return onDisk(name)
	}
	if rel == "." {
		return fileInfo{name: filepath.Base(r.Repo.Top), dir: true}, nil
	}
	// "<mode> <type> <object> <size>\t<path>" for the entry itself.
	out, err := r.Repo.Run(1<<20, "ls-tree", "-l", r.Commit, "--", rel)
	fields := strings.Fields(string(out))
	if err != nil || len(fields) < 4 {
		if !r.Repo.Tracked(rel) {
			return onDisk(name) // as ReadFile
		}
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	fi := fileInfo{name: path.Base(rel), dir: fields[1] == "tree"}
	fi.size, _ = strconv.ParseInt(fields[3], 10, 64)
	return fi, nil
}

func (r FS) EvalSymlinks(name string) (string, error) {
	rel, ok := r.Repo.Rel(name)
	if !ok || isGitDir(rel) {
		return filepath.EvalSymlinks(name)
	}
	if _, err := r.stat(name, os.Stat); err != nil {
		return "", err
	}
	return filepath.Join(r.Repo.Top, filepath.FromSlash(rel)), nil
}

// fileInfo describes a file or folder of a commit.
type fileInfo struct {
	name string
	size int64
	dir  bool
}

func (f fileInfo) Name() string { return f.name }
func (f fileInfo) Size() int64  { return f.size }
func (f fileInfo) Mode() fs.FileMode {
	if f.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (f fileInfo) ModTime() time.Time { return time.Time{} }
func (f fileInfo) IsDir() bool        { return f.dir }
func (f fileInfo) Sys() any           { return nil }
