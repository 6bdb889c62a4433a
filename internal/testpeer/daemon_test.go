// Tests of the daemon helpers that need no daemon.

package testpeer

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFreePorts(t *testing.T) {
	ports := FreePorts(t, 5)
	seen := map[int]bool{}
	for _, p := range ports {
		if p <= 0 || p > 65535 || seen[p] {
			t.Fatalf("FreePorts = %v: want 5 distinct ports", ports)
		}
		seen[p] = true
	}
}

// TestDaemonDirCleanup: the directory is readable by other accounts and
// removed when the test ends.
func TestDaemonDirCleanup(t *testing.T) {
	var dir string
	t.Run("inner", func(t *testing.T) {
		dir = daemonDir(t, "unit")
		writeFiles(t, dir, map[string]string{"a/b.conf": "x", "server.key": "k"})
		if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o755 {
			t.Fatalf("dir mode %v, %v", fi.Mode(), err)
		}
		if fi, err := os.Stat(filepath.Join(dir, "server.key")); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("key mode %v, %v", fi.Mode(), err)
		}
	})
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("%s still exists after the test: %v", dir, err)
	}
}
