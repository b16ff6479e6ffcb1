// Command linkcheck keeps the knowledge base honest: it checks that every external address
// in data/ and content/ still answers, and lists the code files whose check against Meta's
// documentation is older than 180 days (by running `go run . check --stale`).
//
//	go run ./cmd/linkcheck [-root .] [-flaky .github/flaky-hosts.txt] [-gap 1s] [-timeout 20s]
//	                       [-retries 3] [-backoff 5s] [-stale "go run . check --stale"]
//
// The addresses are the TOML keys url, support_url, status_url and checked_against, the
// Markdown links inside any TOML string, and every address in content/*.md. Each is asked
// with HEAD, then GET if HEAD is refused, at most once per -gap per host:
//
//   - 2xx is fine; 301, 302, 303, 307 and 308 are fine too, and the report names the new
//     address so the citation can follow it;
//   - 404 and 410 are broken;
//   - 429, 5xx, timeouts and refused connections are retried -retries times, waiting
//     -backoff, then twice as long each time, and then reported as flaky;
//   - anything else (401, 403 …) is reported as an unexpected answer.
//
// Hosts named in the -flaky file (one a line, # comments) are known to fail for robots;
// their failures are reported but never fail the run.
//
// The report is Markdown, written to $GITHUB_STEP_SUMMARY when that is set, else to
// stdout. The exit status is 1 only when something needs a person: a broken link on a
// host not known to be flaky, or stale code files; 2 when the check itself could not run.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// config is everything a run depends on; the tests fill it in directly.
type config struct {
	root    string
	flaky   string
	stale   []string // the command that lists stale code files, one a line; none to skip
	checker *Checker
	now     time.Time
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("linkcheck", flag.ContinueOnError)
	flags.SetOutput(stderr)
	root := flags.String("root", ".", "the repository: reads its data/ and content/")
	flaky := flags.String("flaky", ".github/flaky-hosts.txt", "known-flaky hosts, one a line (relative to -root)")
	gap := flags.Duration("gap", time.Second, "least time between two requests to the same host")
	timeout := flags.Duration("timeout", 20*time.Second, "time limit for one request")
	retries := flags.Int("retries", 3, "more tries for a 429, 5xx or timeout")
	backoff := flags.Duration("backoff", 5*time.Second, "wait before the first retry; doubled for each further one")
	stale := flags.String("stale", "go run . check --stale", `command (run in -root) that lists the stale code files; "" to skip`)
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintln(stderr, "linkcheck: no arguments expected, only flags")
		return 2
	}
	cfg := config{
		root:    *root,
		flaky:   *flaky,
		stale:   strings.Fields(*stale),
		checker: newChecker(*gap, *timeout, *retries, *backoff),
		now:     time.Now(),
	}
	report, code, err := cfg.check()
	if err != nil {
		fmt.Fprintln(stderr, "linkcheck:", err)
		return 2
	}
	return write(report, code, stdout, stderr)
}

func newChecker(gap, timeout time.Duration, retries int, backoff time.Duration) *Checker {
	return &Checker{
		Client: &http.Client{
			Timeout: timeout,
			// Report redirects instead of following them.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		Gap:       gap,
		Retries:   retries,
		Backoff:   backoff,
		UserAgent: "waerrors-kb-linkcheck/1 (checks the sources a WhatsApp error knowledge base cites; weekly)",
	}
}

// check does the work and returns the Markdown report and the exit status.
func (cfg config) check() (string, int, error) {
	flaky, err := ReadHostList(filepath.Join(cfg.root, cfg.flaky))
	if err != nil {
		return "", 0, err
	}
	links, err := Collect(cfg.root)
	if err != nil {
		return "", 0, err
	}
	var stale []string
	if len(cfg.stale) > 0 {
		if stale, err = staleCodes(cfg.root, cfg.stale); err != nil {
			return "", 0, err
		}
	}
	results := cfg.checker.CheckAll(links, flaky)
	report := Report(results, stale, cfg.now)
	code := 0
	if len(stale) > 0 || len(needPerson(results)) > 0 {
		code = 1
	}
	return report, code, nil
}

// staleCodes runs the stale-list command in root and returns its lines.
func staleCodes(root string, command []string) ([]string, error) {
	cmd := exec.Command(command[0], command[1:]...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %v\n%s", strings.Join(command, " "), err, stderr.Bytes())
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// write puts the report into the job summary when there is one, else on stdout, and a
// one-line verdict on stdout either way.
func write(report string, code int, stdout, stderr io.Writer) int {
	if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			_, err = io.WriteString(f, report)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, "linkcheck: job summary:", err)
			return 2
		}
		fmt.Fprintln(stdout, "linkcheck: report written to the job summary")
	} else {
		io.WriteString(stdout, report)
	}
	if code != 0 {
		fmt.Fprintln(stdout, "linkcheck: something needs a person (see the report)")
	}
	return code
}
