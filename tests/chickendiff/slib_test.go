package chickendiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// slibDir is where Debian's slib package installs SLIB.
const slibDir = "/usr/share/slib/"

// TestSLIBDiff runs testdata/slib/programs.scm, which loads SLIB (Aubrey
// Jaffer's portable Scheme library, other people's R4RS/R5RS code) through
// its own require and exercises a few dozen of its modules, under csi and
// tlsport with the same configuration (testdata/slib/chicken.init), and
// compares what they print and how they exit. Each system writes SLIB's
// catalog into a directory of its own.
func TestSLIBDiff(t *testing.T) {
	csi, err := exec.LookPath("csi")
	if err != nil || testing.Short() {
		t.Skip("csi not in PATH (or -short); apt-get install chicken-bin")
	}
	if _, err := os.Stat(filepath.Join(slibDir, "require.scm")); err != nil {
		t.Skip("SLIB is not in " + slibDir + "; apt-get install slib")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "slib"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("SCHEME_LIBRARY_PATH", slibDir)
	runIn := func(name string, args ...string) result {
		t.Setenv("SLIB_IMPLEMENTATION_PATH", t.TempDir()+"/")
		return run(t, dir, name, args...)
	}
	want := runIn(csi, "-s", "programs.scm")
	got := runIn(tlsportBin, "programs.scm")
	if want.status != 0 || !strings.Contains(want.stdout, "wt-tree/empty?") {
		t.Fatalf("csi did not run the program to its end (status %d):\n%s%s", want.status, want.stdout, want.stderr)
	}
	if got.stdout != want.stdout {
		t.Errorf("stdout differs from csi's\n%s\ntlsport stderr:\n%s", lineDiff("csi", want.stdout, got.stdout), got.stderr)
	}
	if got.status != want.status {
		t.Errorf("exit status %d, csi's %d; stderr:\n%s", got.status, want.status, got.stderr)
	}
}
