package generator

import (
	"fmt"
	"slices"
	"time"
)

// checkLifetime is how long a check of a code file against Meta's documentation stays
// current. Meta rewrites its WhatsApp pages several times a year, so a check older than this
// is a guess about today.
const checkLifetime = 180 * 24 * time.Hour

// Stale returns the code files not checked against Meta's documentation within checkLifetime
// before now: those never checked first, then the oldest check first.
func Stale(s *Site, now time.Time) []*Code {
	var out []*Code
	for _, c := range s.Codes {
		if c.HasFile() && now.Sub(c.Checked.On) > checkLifetime {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b *Code) int { return a.Checked.On.Compare(b.Checked.On) })
	return out
}

// StaleNote says in one line why a code from Stale needs a look, with the position of its
// check date when it has one.
func StaleNote(c *Code, now time.Time) string {
	if c.Checked.On.IsZero() {
		return fmt.Sprintf("%s: never checked against Meta's documentation (add checked_on and checked_against)", c.File)
	}
	days := int(now.Sub(c.Checked.On) / (24 * time.Hour))
	return fmt.Sprintf("%s: checked against Meta's documentation on %s, %d days ago: check it again (%s)",
		c.Checked.Pos, c.Checked.On.Format("2006-01-02"), days, c.Checked.Against)
}
