// Package schemetest runs Scheme test scripts (written with the (tlsport
// test) library) as Go subtests; other packages use it for their
// testdata/*.scm files.
package schemetest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// Timeout bounds the evaluation of one script or chunk.
const Timeout = 60 * time.Second

// RunDir runs every dir/*.scm file as a subtest, each in a fresh
// interpreter made by newInterp (nil: stdlib.New(), the core and the
// standard libraries).
func RunDir(t *testing.T, dir string, newInterp func() *scheme.Interp) {
	t.Helper()
	eachScript(t, dir, func(t *testing.T, f string) {
		in := stdlib.New()
		if newInterp != nil {
			in = newInterp()
		}
		RunFile(t, in, f)
	})
}

// eachScript calls run for every dir/*.scm file, as a subtest named by the
// file; no script is an error. The scripts' temporary files
// (create-temporary-file …) go to a directory removed after the test.
func eachScript(t *testing.T, dir string, run func(t *testing.T, file string)) {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	files, err := filepath.Glob(filepath.Join(dir, "*.scm"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("schemetest: no .scm files in %s", dir)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".scm"), func(t *testing.T) { run(t, f) })
	}
}

var expectRE = regexp.MustCompile(`;;; ### "((?:[^"\\]|\\.)*)"`)

// RunFile runs one script: every failing (test …) form is reported with
// its file:line. A file containing ";;; ---" lines is an error-position
// file: each chunk is evaluated alone and must raise an error whose text
// matches the regexp of its ";;; ### \"regexp\"" marker and whose position
// is on that marker's line.
func RunFile(t *testing.T, in *scheme.Interp, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	passed, failed := 0, 0
	in.SetTestHook(func(ev scheme.TestEvent) {
		if ev.OK {
			passed++
			return
		}
		failed++
		t.Errorf("%s: %s: %s", ev.Pos, ev.Name, ev.Msg)
	})
	text := string(src)
	if !strings.Contains(text, "\n;;; ---") {
		ctx, cancel := context.WithTimeout(context.Background(), Timeout)
		defer cancel()
		if _, err := in.EvalSource(ctx, text, path); err != nil {
			t.Fatalf("%s: %s", path, describe(err))
		}
		if passed+failed == 0 {
			t.Errorf("%s: no tests ran", path)
		}
		return
	}
	lines := strings.Split(text, "\n")
	start := 0
	for i := 0; i <= len(lines); i++ {
		if i < len(lines) && strings.TrimSpace(lines[i]) != ";;; ---" {
			continue
		}
		chunk := make([]string, len(lines))
		copy(chunk[start:i], lines[start:i])
		runChunk(t, in, path, strings.Join(chunk, "\n"), lines[start:i], start)
		start = i + 1
	}
}

func runChunk(t *testing.T, in *scheme.Interp, path, src string, lines []string, first int) {
	t.Helper()
	wantLine, wantRE := 0, ""
	for j, l := range lines {
		if m := expectRE.FindStringSubmatch(l); m != nil {
			wantLine, wantRE = first+j+1, m[1]
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	_, err := in.EvalSource(ctx, src, path)
	if wantRE == "" {
		if err != nil {
			t.Errorf("%s:%d: chunk failed: %s", path, first+1, describe(err))
		}
		return
	}
	if err == nil {
		t.Errorf("%s:%d: expected error matching %q, got none", path, wantLine, wantRE)
		return
	}
	msg := describe(err)
	re, rerr := regexp.Compile(wantRE)
	if rerr != nil {
		t.Errorf("%s:%d: bad regexp: %v", path, wantLine, rerr)
		return
	}
	if !re.MatchString(msg) {
		t.Errorf("%s:%d: error %q does not match %q", path, wantLine, msg, wantRE)
	}
	if !strings.Contains(msg, ":"+strconv.Itoa(wantLine)+":") {
		t.Errorf("%s:%d: error not reported at line %d: %s", path, wantLine, wantLine, msg)
	}
}

func describe(err error) string {
	if e, ok := err.(*scheme.Error); ok {
		return scheme.FormatCondition(e.Condition)
	}
	return err.Error()
}

// CheckCalled reports every procedure of libs that no dirs/*.scm script
// calls (or quotes); internal %-rows are skipped.
func CheckCalled(t testing.TB, dirs []string, libs ...*scheme.Library) {
	t.Helper()
	var all strings.Builder
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.scm"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			all.Write(b)
		}
	}
	text := all.String()
	for _, l := range libs {
		for _, p := range l.Ready().Procs {
			if strings.HasPrefix(p.Name, "%") { // internal rows behind a library's syntax
				continue
			}
			re := regexp.MustCompile(`[(\s']` + regexp.QuoteMeta(p.Name) + `[\s)]`)
			if !re.MatchString(text) {
				t.Errorf("no script in %s calls %s", strings.Join(dirs, ", "), p.Name)
			}
		}
	}
}

// RunProgram evaluates the script at path in in, as the tlsport command
// runs a script, and returns its exit status: that of (exit n), else 0.
// Any other uncaught error fails the test.
func RunProgram(t testing.TB, in *scheme.Interp, path string) int {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	_, err = in.EvalSource(ctx, string(src), path)
	var ee *scheme.ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	if err != nil {
		t.Fatalf("%s: %s", path, describe(err))
	}
	return 0
}

// RunSRFI64Dir runs every dir/*.scm file as a subtest, as tlsport runs a
// script with SRFI-64 tests, each in a fresh stdlib.New interpreter whose
// output it captures, after setup (nil: none) has prepared it. A script
// whose name starts with "fail" must exit with status 1; any other must
// exit normally, print the SRFI-64 report "# of expected passes" and no
// FAIL line. Every ";; want: text" comment of a script names text its
// output must contain.
func RunSRFI64Dir(t *testing.T, dir string, setup func(*scheme.Interp) error) {
	t.Helper()
	eachScript(t, dir, func(t *testing.T, f string) {
		var out strings.Builder
		in := stdlib.New(scheme.WithStdio(strings.NewReader(""), &out, &out))
		if setup != nil {
			if err := setup(in); err != nil {
				t.Fatal(err)
			}
		}
		code := RunProgram(t, in, f)
		src, _ := os.ReadFile(f)
		for _, line := range strings.Split(string(src), "\n") {
			if want, ok := strings.CutPrefix(line, ";; want: "); ok && !strings.Contains(out.String(), want) {
				t.Errorf("output lacks %q:\n%s", want, out.String())
			}
		}
		wantCode := 0
		if strings.HasPrefix(filepath.Base(f), "fail") {
			wantCode = 1
		}
		if code != wantCode {
			t.Fatalf("exit status %d, want %d; output:\n%s", code, wantCode, out.String())
		}
		if wantCode == 0 && (!strings.Contains(out.String(), "# of expected passes") || strings.Contains(out.String(), "FAIL")) {
			t.Errorf("SRFI-64 report:\n%s", out.String())
		}
	})
}
