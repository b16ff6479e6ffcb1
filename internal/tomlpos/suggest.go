package tomlpos

import (
	"reflect"
	"strings"
)

// suggestKey returns the known key closest to an unknown one, "" when none is close: for a
// typo such as "acton" it finds "action". The known keys are the toml tags of the struct
// the file decodes into, at the unknown key's table.
func suggestKey(v any, key []string) string {
	t := reflect.TypeOf(v)
	for _, part := range key[:len(key)-1] {
		t = structOf(t)
		if t == nil {
			return ""
		}
		f, ok := fieldByTag(t, part)
		if !ok {
			return ""
		}
		t = f.Type
	}
	t = structOf(t)
	if t == nil {
		return ""
	}
	unknown, best, bestDist := key[len(key)-1], "", 3
	for _, f := range reflect.VisibleFields(t) {
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if d := editDistance(unknown, name); name != "" && d < bestDist && d < len(name) {
			best, bestDist = name, d
		}
	}
	return best
}

// structOf looks through pointers and slices to the struct type, or returns nil.
func structOf(t reflect.Type) reflect.Type {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	return t
}

func fieldByTag(t reflect.Type, tag string) (reflect.StructField, bool) {
	for _, f := range reflect.VisibleFields(t) {
		if name, _, _ := strings.Cut(f.Tag.Get("toml"), ","); name == tag {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
