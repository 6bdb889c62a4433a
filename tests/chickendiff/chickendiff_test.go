// Differential tests: every testdata/*.scm is a CHICKEN 5 program run under
// both CHICKEN's csi -s and the tlsport command, every testdata/*.sps an R6RS
// top-level program run under both Chez Scheme and tlsport; standard output
// and the exit status must be the same.

package chickendiff

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tlsport/tlsport/tests/testbin"
)

// root is the module root, relative to this package's directory.
const root = "../.."

// programArgs are the command-line arguments every program is given.
var programArgs = []string{"one", "two words", "-x"}

// runDeadline bounds one run of one program (the machine may be slow and busy).
const runDeadline = 60 * time.Second

// tlsportBin is the tlsport command built once by TestMain.
var tlsportBin string

func TestMain(m *testing.M) { os.Exit(testbin.Main(m, root, &tlsportBin)) }

// result is what one run of a program produced.
type result struct {
	stdout, stderr string
	status         int
}

// run runs name with args in dir (the program's directory, so relative file
// names resolve alike under both systems) and returns its output and exit status.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	// TMPDIR: the programs' temporary files go where the test removes them.
	// The library path: R6RS programs may import the libraries of Debian's
	// R6RS collections (scheme-chez-srfi), under both systems.
	cmd.Env = append(os.Environ(), "CHICKENDIFF=1", "TMPDIR="+t.TempDir(),
		"CHEZSCHEMELIBDIRS="+r6rsLibs, "TLSPORT_LIBRARY_PATH="+r6rsLibs)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %s: no exit within %v", name, strings.Join(args, " "), runDeadline)
	}
	status := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		status = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return result{stdout.String(), stderr.String(), status}
}

// TestChickenDiff runs every testdata program under csi and tlsport and
// compares what they print on standard output, and how they exit.
//
// A program that imports eggs CHICKEN 5 does not ship (srfi-1, srfi-13,
// srfi-69, srfi-18) says so on a line ";; requires-egg: srfi-1 srfi-13"
// and has its expected standard output in NAME.golden (written from the
// SRFI documents): where csi has the eggs, the golden must equal csi's
// output; where it does not, or csi is missing, tlsport is checked
// against the golden alone (and must exit with status 0). Under -short
// only the goldens are checked.
func TestChickenDiff(t *testing.T) {
	csi, err := exec.LookPath("csi")
	if err != nil || testing.Short() { // csi is a real peer: none under -short
		csi = ""
	}
	_, dir := programs(t, "*.scm")
	eggs := eggChecker(csi, dir)
	diffPrograms(t, "*.scm", dir, "csi", func(t *testing.T, name, base, src string) result {
		need := requiredEggs(src)
		switch {
		case need == nil && csi == "":
			t.Skip("csi not in PATH (or -short); apt-get install chicken-bin")
		case need == nil || eggs(t, need):
			want := run(t, dir, csi, append([]string{"-s", base}, programArgs...)...)
			if need != nil {
				checkGolden(t, name, want)
			}
			return want
		}
		golden, err := os.ReadFile(filepath.Join("testdata", name+".golden"))
		if err != nil {
			t.Fatalf("%s requires eggs %v that csi lacks, and has no golden: %v", base, need, err)
		}
		return result{stdout: string(golden)}
	})
}

// diffPrograms runs, as parallel subtests, every testdata program matching
// pattern under tlsport in dir, and compares its standard output and exit
// status with what expect gives for it (expect may skip the subtest; peer
// names the reference system in the messages).
func diffPrograms(t *testing.T, pattern, dir, peer string, expect func(t *testing.T, name, base, src string) result) {
	files, _ := programs(t, pattern)
	for _, f := range files {
		base := filepath.Base(f)
		name := strings.TrimSuffix(base, filepath.Ext(base))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want := expect(t, name, base, string(src))
			got := run(t, dir, tlsportBin, append([]string{base}, programArgs...)...)
			if got.stdout != want.stdout {
				t.Errorf("stdout differs from %s's\n%s\ntlsport stderr:\n%s", peer, lineDiff(peer, want.stdout, got.stdout), got.stderr)
			}
			if got.status != want.status {
				t.Errorf("exit status %d, %s's %d\ntlsport stderr:\n%s\n%s stderr:\n%s", got.status, peer, want.status, got.stderr, peer, want.stderr)
			}
		})
	}
}

// programs returns the testdata files matching pattern (at least one) and
// testdata's absolute path, the directory the programs run in.
func programs(t *testing.T, pattern string) (files []string, dir string) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/%s programs (%v)", pattern, err)
	}
	if dir, err = filepath.Abs("testdata"); err != nil {
		t.Fatal(err)
	}
	return files, dir
}

// requiredEggs returns the eggs named on the program's ";; requires-egg:"
// line, or nil.
func requiredEggs(src string) []string {
	for _, line := range strings.Split(src, "\n") {
		if rest, ok := strings.CutPrefix(line, ";; requires-egg:"); ok {
			return strings.Fields(rest)
		}
	}
	return nil
}

// eggChecker returns a function reporting whether csi can import all the
// given eggs; each egg is tried once.
func eggChecker(csi, dir string) func(*testing.T, []string) bool {
	var mu sync.Mutex
	have := map[string]bool{}
	return func(t *testing.T, eggs []string) bool {
		if csi == "" {
			return false
		}
		mu.Lock()
		defer mu.Unlock()
		for _, egg := range eggs {
			ok, seen := have[egg]
			if !seen {
				ok = run(t, dir, csi, "-e", "(import "+egg+")").status == 0
				have[egg] = ok
			}
			if !ok {
				return false
			}
		}
		return true
	}
}

// checkGolden reports a golden that no longer matches csi's output.
func checkGolden(t *testing.T, name string, csi result) {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join("testdata", name+".golden"))
	if err != nil {
		t.Errorf("%s.golden: %v", name, err)
		return
	}
	if string(golden) != csi.stdout {
		t.Errorf("%s.golden differs from csi's output\n%s", name, lineDiff("csi", csi.stdout, string(golden)))
	}
}

// lineDiff shows the first lines where want (the peer's output) and got
// (tlsport's) part, with a little context before.
func lineDiff(peer, want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	for j := max(0, i-3); j < i; j++ {
		fmt.Fprintf(&b, "   %s\n", w[j])
	}
	for j := i; j < min(len(w), i+8); j++ {
		fmt.Fprintf(&b, "%-7s %s\n", peer, w[j])
	}
	for j := i; j < min(len(g), i+8); j++ {
		fmt.Fprintf(&b, "tlsport %s\n", g[j])
	}
	return b.String()
}

// TestChezDiff runs every testdata/*.sps R6RS top-level program under Chez
// Scheme (scheme --script, the R6RS reference at hand) and tlsport and
// compares what they print on standard output, and how they exit. The
// programs print nothing R6RS leaves unspecified (the value of for-each,
// how a procedure or an exponent is written).
func TestChezDiff(t *testing.T) {
	chez, err := exec.LookPath("chezscheme")
	if err != nil || testing.Short() {
		t.Skip("chezscheme not in PATH (or -short); apt-get install chezscheme")
	}
	_, dir := programs(t, "*.sps")
	diffPrograms(t, "*.sps", dir, "chez", func(t *testing.T, name, base, src string) result {
		if strings.Contains(src, ";; requires-package: scheme-chez-srfi") {
			if _, err := os.Stat(filepath.Join(r6rsLibs, "srfi", "%3a25.sls")); err != nil {
				t.Skip("chez-srfi's libraries are not in " + r6rsLibs + "; apt-get install scheme-chez-srfi")
			}
		}
		return run(t, dir, chez, append([]string{"--script", base}, programArgs...)...)
	})
}

// r6rsLibs is where Debian installs R6RS library collections (chez-srfi's
// srfi/%3a1.sls …); a program marked ";; requires-package:
// scheme-chez-srfi" imports them and is skipped without them.
const r6rsLibs = "/usr/share/r6rs"

// TestChezExportsBound checks that every procedure Chez Scheme's standard
// R6RS libraries export is bound in the same library here: Chez lists them
// (library-exports, keeping the names bound to procedures), tlsport
// evaluates each name in (environment LIBRARY) and prints those it cannot.
func TestChezExportsBound(t *testing.T) {
	chez, err := exec.LookPath("chezscheme")
	if err != nil || testing.Short() {
		t.Skip("chezscheme not in PATH (or -short); apt-get install chezscheme")
	}
	dir := t.TempDir()
	list := `(for-each (lambda (lib)
  (for-each (lambda (s) (when (guard (c (#t #f)) (procedure? (eval s (environment lib)))) (write (list lib s)) (newline)))
            (library-exports lib)))
  '((rnrs) (rnrs eval) (rnrs mutable-pairs) (rnrs mutable-strings) (rnrs r5rs)))`
	if err := os.WriteFile(filepath.Join(dir, "list.ss"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	exports := run(t, dir, chez, "--script", "list.ss")
	if exports.status != 0 || strings.Count(exports.stdout, "\n") < 500 {
		t.Fatalf("chez listed %d exports (status %d): %s", strings.Count(exports.stdout, "\n"), exports.status, exports.stderr)
	}
	check := "(import (rnrs) (rnrs eval))\n(for-each (lambda (e) (guard (c (#t (write e) (newline))) (eval (cadr e) (environment (car e)))))\n'(" + exports.stdout + "))\n"
	if err := os.WriteFile(filepath.Join(dir, "check.sps"), []byte(check), 0o644); err != nil {
		t.Fatal(err)
	}
	got := run(t, dir, tlsportBin, "check.sps")
	if got.stdout != "" || got.status != 0 {
		t.Errorf("procedures Chez's R6RS libraries export that are not bound here:\n%s%s", got.stdout, got.stderr)
	}
}

// TestGuileR7RSDiff runs every testdata/r7rs/*.scm R7RS program under Guile 3
// in R7RS mode (guile --r7rs, the libraries of testdata/r7rs on its load
// path) and tlsport and compares what they print on standard output, and
// how they exit. The programs print nothing R7RS leaves unspecified, nor
// anything where Guile departs from R7RS (scheme/testdata/r7rs-*.scm pins
// those cases against the report instead) — except a program with a line
// ";; guile-departs: REASON": its expected output is NAME.golden, written
// from the report, and its exit status the number on its ";; exit-status:"
// line (0 without one); Guile does not run it.
func TestGuileR7RSDiff(t *testing.T) {
	guile, err := exec.LookPath("guile")
	if err != nil || testing.Short() {
		guile = ""
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "r7rs"))
	if err != nil {
		t.Fatal(err)
	}
	diffPrograms(t, "r7rs/*.scm", dir, "guile", func(t *testing.T, name, base, src string) result {
		departs, status := guileDeparts(src)
		switch {
		case departs:
			golden, err := os.ReadFile(filepath.Join(dir, name+".golden"))
			if err != nil {
				t.Fatalf("%s departs from Guile and has no golden: %v", base, err)
			}
			return result{stdout: string(golden), status: status}
		case guile == "":
			t.Skip("guile not in PATH (or -short); apt-get install guile-3.0")
		}
		return run(t, dir, guile, append([]string{"--r7rs", "--no-auto-compile", "-L", ".", "-s", base}, programArgs...)...)
	})
}

// guileDeparts reports whether the program has a ";; guile-departs:" line,
// and the exit status on its ";; exit-status:" line.
func guileDeparts(src string) (departs bool, status int) {
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(line, ";; guile-departs:") {
			departs = true
		}
		if rest, ok := strings.CutPrefix(line, ";; exit-status:"); ok {
			fmt.Sscan(rest, &status)
		}
	}
	return departs, status
}
