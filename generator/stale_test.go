package generator

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestStale(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	code := func(key string, on time.Time) *Code {
		return &Code{Key: key, File: "data/codes/" + key + ".toml", Checked: MetaCheck{On: on, Against: "https://developers.facebook.com/x"}}
	}
	site := &Site{Codes: []*Code{
		code("1", now.Add(-checkLifetime)),           // exactly 180 days: still current
		code("2", now.Add(-checkLifetime-time.Hour)), // just over
		code("3", day(2025, 1, 2)),                   // oldest check
		code("4", time.Time{}),                       // never checked
		code("5", day(2026, 11, 1)),                  // recent
		{Key: "6"},                                   // listed only by providers: nothing to check
	}}
	var got []string
	for _, c := range Stale(site, now) {
		got = append(got, c.Key)
	}
	if want := []string{"4", "3", "2"}; !slices.Equal(got, want) {
		t.Errorf("Stale = %v, want %v (never checked, then oldest first)", got, want)
	}
	if note := StaleNote(site.Codes[2], now); !strings.Contains(note, "on 2025-01-02, 697 days ago") {
		t.Errorf("StaleNote = %q, want the date and the age in days", note)
	}
	if note := StaleNote(site.Codes[3], now); !strings.Contains(note, "never checked") {
		t.Errorf("StaleNote = %q, want it to say the file was never checked", note)
	}
}
