package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Verdict is what became of one address.
type Verdict int

const (
	OK     Verdict = iota // 2xx
	Moved                 // 301, 302, 303, 307, 308: fine, but the citation should follow
	Broken                // 404 or 410: needs a person, unless the host is known to be flaky
	Flaky                 // 429, 5xx, timeouts, refused connections: still failing after the retries
	Odd                   // any other answer (401, 403, 400 …): reported, not failing
)

func (v Verdict) String() string {
	return [...]string{"ok", "moved", "broken", "flaky", "unexpected answer"}[v]
}

// Result is the outcome of checking one Link.
type Result struct {
	Link
	Verdict  Verdict
	Status   int    // the last HTTP status; 0 when there was no answer
	Error    string // the last network error, e.g. a timeout
	Location string // for Moved: the new address
	Attempts int    // requests made, HEAD and GET fallbacks included
	Known    bool   // the host is on the known-flaky list
}

// Checker checks addresses politely: at most one request per Gap to each host (the
// Client's timeout bounds each request), and Retries more tries, waiting Backoff,
// 2×Backoff, … in between, when the failure may be temporary.
type Checker struct {
	Client    *http.Client
	Gap       time.Duration
	Retries   int
	Backoff   time.Duration
	UserAgent string

	// The clock, so the tests can check the waits without waiting; time.Now and
	// time.Sleep when nil.
	Now   func() time.Time
	Sleep func(time.Duration)

	mu   sync.Mutex
	next map[string]time.Time // host → earliest time of its next request
}

func (c *Checker) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Checker) sleep(d time.Duration) {
	if c.Sleep != nil {
		c.Sleep(d)
	} else {
		time.Sleep(d)
	}
}

// wait blocks until the host may be asked again and books the following slot.
func (c *Checker) wait(host string) {
	c.mu.Lock()
	if c.next == nil {
		c.next = map[string]time.Time{}
	}
	now := c.now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	c.next[host] = at.Add(c.Gap)
	c.mu.Unlock()
	c.sleep(at.Sub(now))
}

// answer is one HTTP exchange: a status and maybe a redirect target, or an error.
type answer struct {
	status   int
	location string
	err      error
}

func (c *Checker) request(method, host, address string) answer {
	c.wait(host)
	req, err := http.NewRequest(method, address, nil)
	if err != nil {
		return answer{err: err}
	}
	req.Header.Set("User-Agent", c.UserAgent)
	resp, err := c.Client.Do(req)
	if err != nil {
		return answer{err: err}
	}
	defer resp.Body.Close()
	io.CopyN(io.Discard, resp.Body, 64<<10) // a little, so the connection can be reused
	a := answer{status: resp.StatusCode}
	if loc, err := resp.Location(); err == nil {
		a.location = loc.String()
	}
	return a
}

// Check asks for one address: HEAD first, GET when HEAD is answered with anything but
// success or a redirect (many servers refuse or mishandle HEAD), and all that again after
// a backoff while the failure may be temporary.
func (c *Checker) Check(l Link) Result {
	r := Result{Link: l}
	host := l.Host()
	wait := c.Backoff
	for try := 0; ; try++ {
		a := c.request(http.MethodHead, host, l.URL)
		r.Attempts++
		if v := classify(a.status); a.err == nil && v != OK && v != Moved {
			a = c.request(http.MethodGet, host, l.URL)
			r.Attempts++
		}
		r.Status, r.Location, r.Error = a.status, a.location, ""
		if a.err != nil {
			r.Error = describe(a.err)
			r.Verdict = Flaky
		} else {
			r.Verdict = classify(a.status)
		}
		if r.Verdict != Flaky || try >= c.Retries {
			return r
		}
		c.sleep(wait)
		wait *= 2
	}
}

// classify turns an HTTP status into a verdict.
func classify(status int) Verdict {
	switch {
	case status >= 200 && status < 300:
		return OK
	case status == 301, status == 302, status == 303, status == 307, status == 308:
		return Moved
	case status == 404, status == 410:
		return Broken
	case status == 429, status >= 500:
		return Flaky
	default:
		return Odd
	}
}

// describe shortens a network error for the report.
func describe(err error) string {
	var timeout interface{ Timeout() bool }
	if errors.As(err, &timeout) && timeout.Timeout() {
		return "timed out"
	}
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	return s
}

// CheckAll checks every link, the hosts side by side and each host's links one after the
// other, and returns the results in the order of links.
func (c *Checker) CheckAll(links []Link, flaky HostList) []Result {
	results := make([]Result, len(links))
	byHost := map[string][]int{}
	for i, l := range links {
		byHost[l.Host()] = append(byHost[l.Host()], i)
	}
	var wg sync.WaitGroup
	for _, idx := range byHost {
		wg.Add(1)
		go func() {
			defer wg.Done()
			silent := 0 // links in a row this host did not answer at all
			for _, i := range idx {
				if silent >= 2 {
					// Spare a dead host (and the run) the retries for every other link.
					results[i] = Result{Link: links[i], Verdict: Flaky, Error: "not tried: the host did not answer the links before"}
				} else {
					results[i] = c.Check(links[i])
				}
				results[i].Known = flaky.Has(links[i].Host())
				if results[i].Status == 0 {
					silent++
				} else {
					silent = 0
				}
			}
		}()
	}
	wg.Wait()
	return results
}

// HostList is a set of host names; a name also covers its subdomains.
type HostList map[string]bool

// Has reports whether host or one of its parent domains is on the list.
func (h HostList) Has(host string) bool {
	host = strings.ToLower(host)
	for host != "" {
		if h[host] {
			return true
		}
		_, rest, ok := strings.Cut(host, ".")
		if !ok {
			return false
		}
		host = rest
	}
	return false
}

// ReadHostList reads one host name a line; # starts a comment. A missing file is an
// empty list.
func ReadHostList(path string) (HostList, error) {
	list := HostList{}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return list, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for n := 1; s.Scan(); n++ {
		line, _, _ := strings.Cut(s.Text(), "#")
		line = strings.ToLower(strings.TrimSpace(line))
		if line == "" {
			continue
		}
		if strings.ContainsAny(line, "/: \t") {
			return nil, fmt.Errorf("%s:%d: want a host name, like developers.facebook.com, got %q", path, n, line)
		}
		list[line] = true
	}
	return list, s.Err()
}

// statusText is "404 Not Found", or the network error when there was no answer.
func (r Result) statusText() string {
	if r.Status == 0 {
		return r.Error
	}
	return strconv.Itoa(r.Status) + " " + http.StatusText(r.Status)
}
