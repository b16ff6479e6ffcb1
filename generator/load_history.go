package generator

import (
	"bytes"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// History says when each data file last changed, from git: the author date of the last
// commit that touched it. Author dates are fixed by the commit, so a build of a given commit
// shows the same dates wherever it runs.
type History struct {
	Changed map[string]time.Time // by path relative to the repository's root
	// Commits are the commits that touched the files, newest first, as git log lists them.
	Commits []Commit
	// Missing explains why there are no dates ("not a git checkout", "shallow clone"), or "".
	Missing string
}

// Commit is one commit that changed data or content files.
type Commit struct {
	Hash    string
	Date    time.Time // the author date, in UTC
	Subject string
	Files   []string // by path relative to the repository's root, as git lists them
	// What says, by file, what the commit changed for an agent (page_changes_what.go), for the
	// newest commits /changes/ shows; read once here, so neither a build's page and feed nor
	// a preview's rebuilds decode old versions again.
	What map[string][]string
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
	args := append([]string{"-C", top, "log", "--no-renames", "--name-only", "--format=%x00%H%x1f%aI%x1f%s", "--"}, dirs...)
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return History{Missing: "git log failed"}
	}
	commits := parseGitLog(out)
	readContents(top, commits[:min(len(commits), changesShown)])
	return History{Changed: lastChanged(commits), Commits: commits}
}

// readContents fills Before and After for the commits' files (at most filesShown each, the
// ones /changes/ names) with one `git cat-file --batch`, which reads every version in one
// process. A failure leaves them empty: the page then names the files without saying how
// they changed.
func readContents(top string, commits []Commit) {
	var in bytes.Buffer
	for _, c := range commits {
		for _, f := range c.Files[:min(len(c.Files), filesShown)] {
			in.WriteString(c.Hash + "^:" + f + "\n" + c.Hash + ":" + f + "\n")
		}
	}
	cmd := exec.Command("git", "-C", top, "cat-file", "--batch")
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		return
	}
	next := func() []byte {
		line, rest, ok := bytes.Cut(out, []byte("\n"))
		if !ok {
			out = nil
			return nil
		}
		fields := strings.Fields(string(line))
		if len(fields) != 3 {
			out = rest // "<name> missing": the file did not exist there
			return nil
		}
		size, _ := strconv.Atoi(fields[2])
		if size+1 > len(rest) {
			out = nil
			return nil
		}
		body := rest[:size:size]
		out = rest[size+1:]
		return body
	}
	type versions struct{ before, after []byte }
	read := make([]map[string]versions, len(commits))
	for i, c := range commits {
		read[i] = map[string]versions{}
		for _, f := range c.Files[:min(len(c.Files), filesShown)] {
			read[i][f] = versions{next(), next()}
		}
	}
	// Decoding two versions of each file is most of the cost: one commit per worker.
	parallel(len(commits), func(i int) {
		what := map[string][]string{}
		for f, v := range read[i] {
			what[f] = whatChanged(fileKind(f), v.before, v.after)
		}
		commits[i].What = what
	})
}

// fileKind tells a code file from a provider file by the folder the data format puts it in.
func fileKind(file string) string {
	switch dir := path.Base(path.Dir(file)); dir {
	case "codes":
		return "code"
	case "providers":
		return "provider"
	}
	return ""
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

// parseGitLog reads git log output of the form "\x00<hash>\x1f<date>\x1f<subject>\n\n<path>\n…",
// newest first. A commit whose header does not parse is skipped.
func parseGitLog(out []byte) []Commit {
	var commits []Commit
	for _, chunk := range bytes.Split(out, []byte{0}) {
		lines := strings.Split(strings.TrimSpace(string(chunk)), "\n")
		head := strings.SplitN(lines[0], "\x1f", 3)
		if len(head) != 3 {
			continue
		}
		when, err := time.Parse(time.RFC3339, strings.TrimSpace(head[1]))
		if err != nil {
			continue
		}
		c := Commit{Hash: strings.TrimSpace(head[0]), Date: when.UTC(), Subject: strings.TrimSpace(head[2])}
		for _, p := range lines[1:] {
			if p = strings.TrimSpace(p); p != "" {
				c.Files = append(c.Files, p)
			}
		}
		commits = append(commits, c)
	}
	return commits
}

// lastChanged keeps the first (latest) date of each path of commits listed newest first.
func lastChanged(commits []Commit) map[string]time.Time {
	changed := map[string]time.Time{}
	for _, c := range commits {
		for _, p := range c.Files {
			if _, seen := changed[p]; !seen {
				changed[p] = c.Date
			}
		}
	}
	return changed
}
