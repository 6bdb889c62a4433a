//go:build linux

package all

// Every procedure called with random wrong arguments, TLS values among them.

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

// randomSetup makes the TLS values of randomValues: client and server
// contexts, listeners, a connected pair of SSL ports (ci co, si so) and a
// closed one (cci cco).
const randomSetup = `(import (srfi 18))
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

// randomValues are the arguments TestRandomArguments draws from: wrong
// types, negative, huge and inexact numbers, empty and odd strings,
// bytevectors and lists, closed and half-read ports, procedures of the
// wrong arity, and TLS values in the wrong places.
const randomValues = `(list #f #t 0 -1 1 3 (expt 2 62) (- (expt 2 62)) (expt 10 40) 2.5 -1.5 1/2 +inf.0 +nan.0 "" "x" "a b" 'sym '||
  #vu8() #vu8(1 2 3) '() '(1 2) '(1 . 2) (vector) (vector 1 2) #\a #\x0 car (lambda (x) x) (lambda args #f)
  (let ((p (open-input-string "abc"))) (close-input-port p) p) (open-input-string "(1 2") (open-output-string)
  (make-parameter 1) (eof-object) (if #f #f) foo: #!default (list 'a 'b) (list "x" 1)
  cctx sctx l tl ci co si so cci cco leaf-cert leaf-key ca-file "localhost" 'tlsv12 'tlsv13 443 0.01 (ssl-peer-certificate ci))`

// randomCalls is the number of calls of each procedure.
const randomCalls = 10

// TestRandomArguments adds to TestOddArguments: every procedure, those
// written in Scheme too, called randomCalls times with 0 to a few more
// arguments than it takes drawn from randomValues (bindingtest.BadCalls),
// TLS contexts, listeners and ports among them, each call limited to 2 s.
// A call may fail or time out, but never with an internal error or by
// crashing the process. (chicken file posix) is left out: given 1 or 3 its
// procedures act on the test's own descriptors beyond the scratch standard
// input, and a FIFO it makes would make every later read of its name wait
// for a writer.
func TestRandomArguments(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	set := certgen.MustSet(t)
	scratchDir(t)
	scratchStdin(t)
	in := oddInterp(t)
	for name, path := range map[string]string{"ca-file": set.Files.CACert, "leaf-cert": set.Files.LeafCert, "leaf-key": set.Files.LeafKey} {
		in.Define(name, scheme.NewString(path))
	}
	pool := bindingtest.ValuePool(t, in, randomValues, randomSetup)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, lib := range in.Libraries() {
		if lib.Name == "(chicken file posix)" {
			continue
		}
		if lib.ImportOnly {
			in.Import(lib.Name)
		}
		t.Run(lib.Name, func(t *testing.T) {
		procs:
			for i := range lib.Procs {
				p := &lib.Procs[i]
				if p.IsSyntax() || strings.HasPrefix(p.Sig, "syntax") || strings.HasPrefix(p.Name, "%") {
					continue
				}
				for _, s := range skipOdd {
					if strings.Contains(p.Name, s) {
						continue procs
					}
				}
				if proc, ok := in.Lookup(p.Name); ok {
					bindingtest.BadCalls(t, in, p, proc, pool, rng, randomCalls, 2*time.Second)
				}
			}
		})
	}
}
