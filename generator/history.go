package generator

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// History says when each data file last changed, from git: the author date of the last
// commit that touched it. Author dates are fixed by the commit, so a build of a given commit
// shows the same dates wherever it runs.
type History struct {
	Changed map[string]time.Time // by path relative to the repository's root
	// Missing explains why there are no dates ("not a git checkout", "shallow clone"), or "".
	Missing string
}

// ReadHistory reads the history of the files under dirs, named as RepoPath names them, in
// one git command run at the repository's root.
func ReadHistory(dirs ...string) History {
	shallow, err := exec.Command("git", "rev-parse", "--is-shallow-repository").Output()
	if err != nil {
		return History{Missing: "not a git checkout"}
	}
	if strings.TrimSpace(string(shallow)) == "true" {
		// A shallow clone would date every file at its one commit: wrong, so show none.
		return History{Missing: "shallow clone; fetch the full history for dates"}
	}
	top, ok := repoRoot()
	if !ok {
		return History{Missing: "not a git checkout"}
	}
	args := append([]string{"-C", top, "log", "--no-renames", "--name-only", "--format=%x00%aI", "--"}, dirs...)
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return History{Missing: "git log failed"}
	}
	return History{Changed: parseGitLog(out)}
}

// RepoPath names a folder as the repository sees it, relative to its root with forward
// slashes ("data" for /work/kb/data or ../data), so that edit links and dates match git's
// names wherever the command runs and however the folder was given. Outside a repository,
// or for a folder outside it, the folder is returned as given.
func RepoPath(dir string) string {
	top, ok := repoRoot()
	if !ok {
		return dir
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return dir
	}
	return filepath.ToSlash(rel)
}

func repoRoot() (string, bool) {
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return "", false
	}
	top := strings.TrimSpace(string(out))
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	return top, top != ""
}

// parseGitLog reads git log output of the form "\x00<date>\n\n<path>\n<path>…", newest
// first, keeping the first (latest) date of each path.
func parseGitLog(out []byte) map[string]time.Time {
	changed := map[string]time.Time{}
	for _, commit := range bytes.Split(out, []byte{0}) {
		lines := strings.Split(strings.TrimSpace(string(commit)), "\n")
		if len(lines) == 0 {
			continue
		}
		when, err := time.Parse(time.RFC3339, strings.TrimSpace(lines[0]))
		if err != nil {
			continue
		}
		for _, p := range lines[1:] {
			p = strings.TrimSpace(p)
			if _, seen := changed[p]; p != "" && !seen {
				changed[p] = when.UTC()
			}
		}
	}
	return changed
}
