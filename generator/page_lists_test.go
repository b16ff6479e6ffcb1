package generator

import (
	"slices"
	"testing"
)

// TestSameStatusAroundTheCode: a code page lists the codes nearest to it in its status's
// list, not the list's first ones, for a status that has more codes than a page shows.
func TestSameStatusAroundTheCode(t *testing.T) {
	site := loadRealSite(t)
	r := &builder{site: site}
	checked := 0
	for _, st := range site.Statuses {
		if len(st.Codes) <= sameStatusShown+1 {
			continue
		}
		last := st.Codes[len(st.Codes)-1]
		if last.HTTPStatus != st.Code {
			continue
		}
		near := (&page{r: r, Site: site, Code: last}).sameStatus()
		if len(near.Codes) != sameStatusShown || near.Codes[len(near.Codes)-1] != st.Codes[len(st.Codes)-2] || slices.Contains(near.Codes, st.Codes[0]) {
			t.Errorf("HTTP %d, code %s (last of %d): neighbours %v, want the %d before it", st.Code, last.Key, len(st.Codes), keysOf(near.Codes), sameStatusShown)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no status lists more codes than a page shows")
	}
}

func keysOf(codes []*Code) []string {
	var keys []string
	for _, c := range codes {
		keys = append(keys, c.Key)
	}
	return keys
}
