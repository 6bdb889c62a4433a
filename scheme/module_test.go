package scheme

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibraryFiles checks the search for library files: WithLibraryPath
// directories in order, .sld before .scm before .sls, a library loaded once,
// and the errors for a file that does not define its library, a circular
// import and an unknown library (naming every directory searched).
func TestLibraryFiles(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	write := func(dir, name, text string) { writeTestFile(t, dir, name, text) }
	write(a, "lib/one.sld", "(define-library (lib one) (export which) (import (scheme base)) (begin (define which 'a-sld)))")
	write(a, "lib/one.scm", "(define-library (lib one) (export which) (begin (define which 'a-scm)))")
	write(b, "lib/one.sld", "(define-library (lib one) (export which) (begin (define which 'b-sld)))")
	write(b, "lib/two.sls", "(library (lib two) (export loads) (import (scheme base)) (define loads (begin (set! load-count (+ load-count 1)) load-count)))")
	write(b, "wrong.scm", "(define-library (not wrong) (export x) (begin (define x 1)))")
	write(b, "cyc/a.sld", "(define-library (cyc a) (export x) (import (cyc b)) (begin (define x 1)))")
	write(b, "cyc/b.sld", "(define-library (cyc b) (export y) (import (cyc a)) (begin (define y 1)))")

	write(b, "inc/part.scm", "(define included-part 7)")
	in := New(WithLibraryPath(a, b))
	evalT(t, in, "(define load-count 0)")
	if v := evalT(t, in, "(include \"inc/part\") included-part"); v != Fixnum(7) {
		t.Errorf("include on the library path: %s", WriteString(v))
	}
	if v := evalT(t, in, "(import (lib one)) which"); v != Value(Intern("a-sld")) {
		t.Errorf("(lib one): which = %s, want a-sld", WriteString(v))
	}
	if v := evalT(t, in, "(import (lib two)) (import (prefix (lib two) t:)) (list loads t:loads load-count)"); WriteString(v) != "(1 1 1)" {
		t.Errorf("(lib two) loaded more than once: %s", WriteString(v))
	}
	for _, c := range []struct{ src, want string }{
		{"(import wrong)", "does not define library (wrong)"},
		{"(import (cyc a))", "circular import"},
		{"(import (no where))", "unknown library (no where) (searched "},
	} {
		_, err := in.EvalString(context.Background(), c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.src, err, c.want)
		}
	}
	_, err := in.EvalString(context.Background(), "(import (no where))")
	for _, d := range []string{a, b} {
		if err == nil || !strings.Contains(err.Error(), d) {
			t.Errorf("unknown library: error %v does not name %s", err, d)
		}
	}
}

// TestLibraryFilesR6RSCollections checks the layout of R6RS library
// collections (chez-srfi, Akku): (srfi :N …) in srfi/%3aN/… or srfi/:N/…,
// (srfi :N name) falling back to (srfi :N)'s file (SRFI 97), a
// four-part SRFI name a library of its own, implementation-specific files
// (x.tlsport.sls, then x.sagittarius.sls, before the portable x.sls), and
// #!r6rs reading :foo and foo: as symbols. (The files import (scheme
// base): this package has no (rnrs).)
func TestLibraryFilesR6RSCollections(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { writeTestFile(t, dir, name, text) }
	write("srfi/%3a990.sls", "(library (srfi :990) (export x990 kw990) (import (srfi :990 impl)))")
	write("srfi/%3a990/impl.sls", "(library (srfi :990 impl) (export x990 kw990) (import (srfi :990 impl all)))")
	write("srfi/%3a990/impl/all.sls", "#!r6rs\n(library (srfi :990 impl all) (export x990 kw990) (import (scheme base) (compat) (pick))\n"+
		"  (define x990 (list 990 compat-name pick-name)) (define kw990 '(:key key: #!r6rs)))")
	write("srfi/:991.sls", "(library (srfi :991) (export x991) (import (scheme base)) (define x991 991))")
	// Sagittarius's own names with a number, (rfc :5322) in rfc/%3a5322.scm
	write("rfc/%3a99322.scm", "(library (rfc :99322) (export x99322) (import (scheme base)) (define x99322 'rfc))")
	write("net/:99323/mime.sls", "(library (net :99323 mime) (export x99323) (import (scheme base)) (define x99323 'net))")
	write("compat.sls", "(library (compat) (export compat-name) (import (scheme base)) (define compat-name 'portable))")
	write("compat.chezscheme.sls", "(library (compat) (export compat-name) (import (scheme base)) (define compat-name 'chez))")
	write("compat.sagittarius.sls", "(library (compat) (export compat-name) (import (scheme base)) (define compat-name 'sagittarius))")
	write("pick.sagittarius.sls", "(library (pick) (export pick-name) (import (scheme base)) (define pick-name 'sagittarius))")
	write("pick.tlsport.sls", "(library (pick) (export pick-name) (import (scheme base)) (define pick-name 'tlsport))")
	in := New(WithLibraryPath(dir))
	for _, c := range []struct{ src, want string }{
		{"(import (srfi :990)) x990", "(990 sagittarius tlsport)"},
		{"(import (srfi :990)) (map symbol->string kw990)", `(":key" "key:")`},
		{"(keyword? (car (cadr '(import (srfi :990)))))", "#f"}, // a keyword outside #!r6rs …
		{"(import (prefix (srfi :990 impl) i:)) (eq? i:x990 x990)", "#t"},
		{"(import (prefix (srfi :990 other-name) o:)) (eq? o:x990 x990)", "#t"}, // SRFI 97's alias
		{"(import (srfi :991)) x991", "991"},
		{"(import (rfc :99322)) x99322", "rfc"},
		{"(import (net :99323 mime)) x99323", "net"},
	} {
		if v := evalT(t, in, c.src); WriteString(v) != c.want {
			t.Errorf("%s = %s, want %s", c.src, WriteString(v), c.want)
		}
	}
	if _, err := in.EvalString(context.Background(), "(import (srfi :992 name))"); err == nil || !strings.Contains(err.Error(), "unknown library (srfi #:|992| name)") {
		t.Errorf("(srfi :992 name): error %v", err)
	}
}

// writeTestFile writes text to dir/name, making its directories.
func writeTestFile(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExitFromThread checks exit and emergency-exit in a thread made by
// make-thread reach the WithExitHandler handler with their code, after the
// dynamic-wind after thunks of exit ran.
func TestExitFromThread(t *testing.T) {
	for _, c := range []struct {
		src  string
		code int
	}{
		{"(thread-join! (thread-start! (lambda () (dynamic-wind void (lambda () (exit 3)) (lambda () (set! unwound #t))))))", 3},
		{"(thread-join! (thread-start! (make-thread (lambda () (emergency-exit 4)))))", 4},
	} {
		codes := make(chan int, 1)
		in := New(WithExitHandler(func(code int) { codes <- code }))
		evalT(t, in, "(define unwound #f)")
		_, _ = in.EvalString(context.Background(), c.src)
		select {
		case code := <-codes:
			if code != c.code {
				t.Errorf("%s: exit code %d, want %d", c.src, code, c.code)
			}
		default:
			t.Errorf("%s: the exit handler was not called", c.src)
		}
		if c.code == 3 && evalT(t, in, "unwound") != True {
			t.Errorf("%s: the after thunk did not run", c.src)
		}
	}
}

// TestExitFromThreadDefault checks that without an exit handler, exit in a
// thread stops the interpreter's threads and leaves the process running.
func TestExitFromThreadDefault(t *testing.T) {
	in := New()
	evalT(t, in, "(define t2 (make-thread (lambda () (thread-sleep! 30))))")
	evalT(t, in, "(thread-start! t2)")
	_, _ = in.EvalString(context.Background(), "(thread-join! (thread-start! (lambda () (exit 5))))")
	_, err := in.EvalString(context.Background(), "(thread-join! t2 5)")
	if err == nil || !strings.Contains(err.Error(), "uncaught exception in thread") {
		t.Errorf("a sleeping thread survived exit in another thread: %v", err)
	}
}
