//go:build linux

package generator

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps two paths in one step with renameat2(RENAME_EXCHANGE), so that a reader, or
// a build killed at any instant, sees either the old folder or the new one, never neither.
// It reports false when the kernel or file system cannot do it.
func exchange(a, b string) (bool, error) {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOTSUP):
		return false, nil
	}
	return false, err
}
