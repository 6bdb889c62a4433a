// SRFI-64 scripts run in an interpreter: their output and exit status.

package srfi64_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// run evaluates the script file and returns its output and exit code (0
// when it did not call exit).
func run(t *testing.T, file string) (string, int) {
	t.Helper()
	var out strings.Builder
	in := stdlib.New(scheme.WithStdio(strings.NewReader(""), &out, &out))
	code := schemetest.RunProgram(t, in, file)
	return out.String(), code
}

// TestScripts runs testdata/*.scm: a script whose name starts with "fail"
// must exit with status 1 and print the lines of its ";; want:" comments;
// the others must exit normally with every test passed.
func TestScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.scm")
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			out, code := run(t, f)
			src, _ := os.ReadFile(f)
			for _, line := range strings.Split(string(src), "\n") {
				if want, ok := strings.CutPrefix(line, ";; want: "); ok && !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			wantCode := 0
			if strings.HasPrefix(filepath.Base(f), "fail") {
				wantCode = 1
			}
			if code != wantCode {
				t.Errorf("exit status %d, want %d; output:\n%s", code, wantCode, out)
			}
			if wantCode == 0 && strings.Contains(out, "FAIL") {
				t.Errorf("a test failed:\n%s", out)
			}
		})
	}
}
