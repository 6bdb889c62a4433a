//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package scheme

import "os"

// isTerminal reports whether f is a character device: where tlsport has
// no isatty, the closest test.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
