package generator

import (
	"bytes"
	"os/exec"
	"strings"
	"time"
)

// History says when each data file last changed, from git: the author date of the last
// commit that touched it. Author dates are fixed by the commit, so a build of a given commit
// shows the same dates wherever it runs.
type History struct {
	Changed map[string]time.Time // by path relative to the working directory
	// Missing explains why there are no dates ("not a git checkout", "shallow clone"), or "".
	Missing string
}

// ReadHistory reads the history of the files under dirs, relative to the working directory,
// in one git command.
func ReadHistory(dirs ...string) History {
	shallow, err := exec.Command("git", "rev-parse", "--is-shallow-repository").Output()
	if err != nil {
		return History{Missing: "not a git checkout"}
	}
	if strings.TrimSpace(string(shallow)) == "true" {
		// A shallow clone would date every file at its one commit: wrong, so show none.
		return History{Missing: "shallow clone; fetch the full history for dates"}
	}
	args := append([]string{"log", "--relative", "--no-renames", "--name-only", "--format=%x00%aI", "--"}, dirs...)
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return History{Missing: "git log failed"}
	}
	return History{Changed: parseGitLog(out)}
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
