package generator

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCheck runs every case in testdata/check: a small data set that is wrong in some way,
// and the exact error output the build must print for it. go test -update rewrites "want".
func TestCheck(t *testing.T) {
	paths, _ := filepath.Glob("testdata/check/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no cases in testdata/check")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			a := readArchive(t, path)
			files := archiveFiles(a)
			want, ok := a.file("want")
			if !ok && !*update {
				t.Fatal("case has no want file")
			}
			_, err := build(t, files, Options{})
			got := ""
			if err != nil {
				got = err.Error() + "\n"
			}
			if *update {
				writeWant(t, path, a, got)
				return
			}
			if got == "" {
				t.Fatalf("build succeeded, want errors:\n%s", want)
			}
			if got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestCheckedOnNotAfterToday checks the last date a checked_on may say: today's, in the zone
// today is given in; without a today, the date anywhere on Earth, so only a date still to
// come everywhere is refused.
func TestCheckedOnNotAfterToday(t *testing.T) {
	utc := time.Date(2026, 12, 7, 10, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		today time.Time
		on    string
		ok    bool
	}{
		{utc, "2026-11-30", true},
		{utc, "2026-12-07", true},
		{utc, "2026-12-08", false},
		{utc, "2027-11-30", false},
		{utc.In(time.FixedZone("UTC+14", 14*60*60)), "2026-12-08", true}, // 00:30 there
		{time.Time{}, time.Now().UTC().Format(time.DateOnly), true},
		{time.Time{}, latestToday(time.Now()).Format(time.DateOnly), true},
		{time.Time{}, "2999-01-01", false},
	} {
		in := input(map[string]string{"data/codes/131047.toml": "title = \"Re-engagement message\"\napi = \"cloud\"\nclass = \"context\"\n" +
			"retry = \"no\"\nsummary = \"S.\"\nchecked_on = " + tc.on + "\nchecked_against = \"https://developers.facebook.com/docs\"\n"})
		in.Today = tc.today
		_, err := Load(in)
		want := "data/codes/131047.toml:6:14: checked_on: " + tc.on + " is after today; write the day the file was checked"
		if tc.ok && err != nil || !tc.ok && (err == nil || err.Error() != want) {
			t.Errorf("checked_on %s on %v: %v, want ok %v", tc.on, tc.today, err, tc.ok)
		}
	}
	for utc, want := range map[string]string{"09:59": "2026-12-07", "10:00": "2026-12-08"} {
		now, _ := time.Parse(time.DateTime, "2026-12-07 "+utc+":00")
		if got := latestToday(now).Format(time.DateOnly); got != want {
			t.Errorf("at %s UTC the latest date on Earth is %s, want %s", utc, got, want)
		}
	}
}
