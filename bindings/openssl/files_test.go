// Certificates, keys and sessions read from a FIFO: the wait ends with the thread's context.

package openssl

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/fifotest"
	"github.com/tlsport/tlsport/scheme"
)

// TestReadFIFO: a certificate, key, CA file or session given as a FIFO
// that nobody writes ends with the evaluation's deadline, raising a
// timeout condition, and leaves no goroutine or descriptor once the
// writer comes; given a FIFO that is written, the procedure does what it
// does with a regular file holding the same bytes.
func TestReadFIFO(t *testing.T) {
	set := certgen.MustSet(t)
	in := newInterp(t, set)
	for _, r := range []struct {
		name, expr string // expr reads F
		data       []byte // F's contents for the written case (nil: not run)
	}{
		{"ssl-read-certificates", `(map ssl-certificate->pem (ssl-read-certificates F))`, set.Leaf.ChainPEM()},
		{"certificate: keyword", `(let* ((l (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: F private-key: leaf-key))
		                                 (c (ssl-certificate->pem (ssl-listener-certificate l))))
		                            (ssl-close l) c)`, set.Leaf.ChainPEM()},
		{"ssl-load-private-key!", `(let ((c (ssl-make-server-context)))
		                             (ssl-load-certificate-chain! c leaf-cert)
		                             (ssl-load-private-key! c F)   ; "key values mismatch" unless read whole
		                             'matched)`, set.Leaf.KeyPEM()},
		{"ssl-load-verify-root-certificates!", `(begin (ssl-load-verify-root-certificates! (ssl-make-client-context) F) 'loaded)`, set.CA.CertPEM()},
		{"ssl-read-session", `(ssl-read-session F)`, nil},
	} {
		t.Run(r.name, func(t *testing.T) {
			err := fifotest.CheckRead(t, "F", r.data, func(ctx context.Context, path string) (string, error) {
				v, err := in.EvalString(ctx, fmt.Sprintf("(let ((F %q)) %s)", path, r.expr))
				return scheme.WriteString(v), err
			})
			var se *scheme.Error
			if !errors.As(err, &se) || !se.Condition.(*scheme.Condition).Has("timeout") {
				t.Fatalf("nobody writing, a deadline: %v; want a timeout condition", err)
			}
		})
	}
}

// TestSignalFIFORead: thread-signal! to a thread reading certificates
// from a FIFO does not cut the read short (made again, it would find the
// FIFO's data gone): the thread goes on waiting, gets the certificates
// whole once they are written, and its handler has run.
func TestSignalFIFORead(t *testing.T) {
	set := certgen.MustSet(t)
	in := newInterp(t, set)
	fifo := fifotest.Make(t, "F")
	pem := set.Leaf.ChainPEM()
	in.Define("write-fifo!", scheme.NewPrimitive(nil, &scheme.Proc{Name: "write-fifo!",
		Fn: func(*scheme.Thread, []scheme.Value) (scheme.Value, error) {
			fifotest.Write(fifo, pem, nil)
			return scheme.Unspecified, nil
		}}))
	v, err := fifotest.Within(t, func() (scheme.Value, error) {
		return in.EvalString(context.Background(), fmt.Sprintf(`
(import (srfi 18))
(define handled '())
(define reader (thread-start! (make-thread (lambda ()
  (with-exception-handler (lambda (e) (set! handled (cons e handled)) 'ignored)
    (lambda () (map ssl-certificate->pem (ssl-read-certificates %q))))))))
(thread-sleep! 0.05)
(thread-signal! reader 'sig)
(define waiting (thread-join! reader 0.1 'waiting))
(write-fifo!)
(define got (thread-join! reader 30 'stuck))
(list waiting (equal? got (map ssl-certificate->pem (ssl-read-certificates leaf-cert))) handled)`, fifo))
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := scheme.WriteString(v), "(waiting #t (sig))"; got != want {
		t.Errorf("got %s, want %s (still waiting after the signal, the certificates whole, the handler run)", got, want)
	}
}

func newInterp(t *testing.T, set *certgen.Set) *scheme.Interp {
	t.Helper()
	return bindingtest.NewInterp(t, testOptions(set))
}
