//go:build !linux

package generator

// exchange is not available here; swap falls back to two renames.
func exchange(a, b string) (bool, error) { return false, nil }
