// Every procedure of every library called with arguments of every wrong kind: errors, never panics.

package tests

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/all"
	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

// badInputSetup makes the TLS values of badInputValues: client and server
// contexts, listeners, a connected pair of SSL ports (ci co, si so) and a
// closed one (cci cco). The current ports become string ports, so that
// nothing reads the test's standard input or writes to its output.
const badInputSetup = `(import (srfi 18))
(current-input-port (open-input-string "")) (current-output-port (open-output-string)) (current-error-port (open-output-string))
(define cctx (ssl-make-client-context* certificate-authorities: ca-file))
(define sctx (ssl-make-server-context))
(define l (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: leaf-cert private-key: leaf-key))
(define tl (tcp-listen 0 4 "127.0.0.1"))
(define (accept-one)
  (let ((t (make-thread (lambda () (call-with-values (lambda () (ssl-accept l)) (lambda (i o) (read-char i) (list i o)))))))
    (thread-start! t)
    t))
(define acc (accept-one))
(define-values (ci co) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
(write-string "hi" co) (flush-output co)
(define sp (thread-join! acc)) (define si (car sp)) (define so (cadr sp))
(define acc2 (accept-one))
(define-values (cci cco) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
(write-string "x" cco) (flush-output cco)
(thread-join! acc2)
(close-input-port cci) (close-output-port cco)`

// badInputValues are the arguments tried: wrong types, negative, huge and
// inexact numbers, empty and odd strings, bytevectors and lists, closed and
// half-read ports, procedures of the wrong arity, and TLS values in the
// wrong places.
const badInputValues = `(list #f #t 0 -1 1 3 (expt 2 62) (- (expt 2 62)) (expt 10 40) 2.5 -1.5 1/2 +inf.0 +nan.0 "" "x" "a b" 'sym '||
  #vu8() #vu8(1 2 3) '() '(1 2) '(1 . 2) (vector) (vector 1 2) #\a #\x0 car (lambda (x) x) (lambda args #f)
  (let ((p (open-input-string "abc"))) (close-input-port p) p) (open-input-string "(1 2") (open-output-string)
  (make-parameter 1) (eof-object) (if #f #f) foo: #!default (list 'a 'b) (list "x" 1)
  cctx sctx l tl ci co si so cci cco leaf-cert leaf-key ca-file "localhost" 'tlsv12 'tlsv13 443 0.01 (ssl-peer-certificate ci))`

// badInputSkipped are the libraries and procedures not called: those that
// run programs or shells, end or signal the process, sleep, or act on
// files through raw descriptors.
var badInputSkipped = map[string]bool{
	"exit": true, "emergency-exit": true, "_exit": true, "sleep": true, "thread-sleep!": true, "repl": true,
	"(chicken process)": true, "(chicken process signal)": true,
	// (chicken file posix)'s procedures take a file name, a port or a raw
	// descriptor: given 0, 1 or 3 from the pool they act on the test
	// process's own standard input and output — which, run as root, may be
	// /dev/null itself (set-file-permissions! made it mode 0000 once) — and
	// a FIFO it makes would make every later read of its name wait for a
	// writer.
	"(chicken file posix)": true,
}

// badInputCalls is the number of calls of each procedure.
const badInputCalls = 10

// TestBadInputNeverPanics calls every procedure of every library (the
// interpreter's and the bindings') badInputCalls times with arguments
// drawn from badInputValues, each call limited to 2 s
// (bindingtest.BadCalls): a call may fail or time out, but never with an
// internal error (a Go panic the interpreter caught) or by crashing the
// process. It runs in a temporary directory,
// where procedures that make files make them.
func TestBadInputNeverPanics(t *testing.T) {
	set := certgen.MustSet(t)
	t.Chdir(t.TempDir())
	in := bindingtest.NewInterp(t, bindingtest.Options{Fixture: set})
	if err := all.Register(in); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := in.EvalString(ctx, badInputSetup); err != nil {
		t.Fatal(err)
	}
	v, err := in.EvalString(ctx, badInputValues)
	if err != nil {
		t.Fatal(err)
	}
	pool, _ := scheme.ListToSlice(v)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, lib := range in.Libraries() {
		if badInputSkipped[lib.Name] {
			continue
		}
		if lib.ImportOnly {
			in.Import(lib.Name)
		}
		t.Run(lib.Name, func(t *testing.T) {
			for i := range lib.Procs {
				p := &lib.Procs[i]
				if p.IsSyntax() || strings.HasPrefix(p.Sig, "syntax") || strings.HasPrefix(p.Name, "%") || badInputSkipped[p.Name] {
					continue
				}
				proc, ok := in.Lookup(p.Name)
				if !ok {
					continue
				}
				bindingtest.BadCalls(t, in, p, proc, pool, rng, badInputCalls, 2*time.Second)
			}
		})
	}
}
