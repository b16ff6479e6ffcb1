package generator

import (
	"sort"
	"strconv"
	"strings"
)

// Codes are the keys of the data: a code file's name, an entry's code. A code is digits
// (131047) or a range (200-299); codes sort by number, a range by its low end.

// maxKey is the longest code or id accepted: they become file names and addresses.
const maxKey = 20

// validCodeKey reports whether key is a code: digits without a leading zero, or a range of
// two such numbers, low first. It runs for every file of every build, so it is written out
// rather than a regular expression.
func validCodeKey(key string) bool {
	if len(key) > maxKey {
		return false
	}
	lo, hi, isRange := strings.Cut(key, "-")
	if !isNumber(lo) || isRange && !isNumber(hi) {
		return false
	}
	if !isRange {
		return true
	}
	l, _ := strconv.Atoi(lo)
	h, _ := strconv.Atoi(hi)
	return l < h
}

func isNumber(s string) bool {
	return isDigits(s) && (s == "0" || s[0] != '0')
}

// sortCodes orders codes numerically, a range by its low end.
func sortCodes(codes []*Code) {
	sort.Slice(codes, func(i, j int) bool {
		a, b := codes[i], codes[j]
		if a.num != b.num {
			return a.num < b.num
		}
		return a.Key < b.Key
	})
}

// codeLess orders code keys numerically, a range by its low end.
func codeLess(a, b string) bool {
	na, nb := codeNumber(a), codeNumber(b)
	if na != nb {
		return na < nb
	}
	return a < b
}

func codeNumber(key string) int {
	lo, _, _ := strings.Cut(key, "-")
	n, err := strconv.Atoi(lo)
	if err != nil {
		return -1
	}
	return n
}
