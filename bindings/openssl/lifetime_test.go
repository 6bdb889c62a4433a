// A closed connection is garbage: nothing the bindings keep (listener, context, interpreter) still reaches it.

package openssl

import (
	"context"
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// TestClosedConnectionIsCollected makes one connection with ssl-accept /
// ssl-connect*, closes its ports, drops the Scheme variables holding
// them while the listener and the interpreter live on, and checks that
// both engines are collected.
func TestClosedConnectionIsCollected(t *testing.T) {
	in := bindingtest.NewInterp(t, testOptions(certgen.MustSet(t)))
	eval := func(src string) scheme.Value {
		t.Helper()
		v, err := in.EvalString(context.Background(), src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		return v
	}
	eval(`(import (srfi 18))
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define server-in #f)
(define t (make-thread (lambda ()
  (let-values (((i o) (ssl-accept l)))
    (set! server-in i)
    (write-line (read-line i) o)
    (close-output-port o) (close-input-port i)))))
(thread-start! t)
(define-values (i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
(write-line "ping" o) (flush-output o)
(read-line i)
(close-output-port o) (close-input-port i)
(thread-join! t)`)
	engine := func(name string) weak.Pointer[ports.Conn] {
		c, err := tlsval.SSLConn("test", eval(name))
		if err != nil {
			t.Fatal(err)
		}
		return weak.Make(c.E)
	}
	server, client := engine("server-in"), engine("i")
	eval(`(set! server-in #f) (set! i #f) (set! o #f) (set! t #f)`)
	deadline := time.Now().Add(5 * time.Second)
	for server.Value() != nil || client.Value() != nil {
		if time.Now().After(deadline) {
			t.Fatalf("closed connections still reachable: server %v, client %v", server.Value() != nil, client.Value() != nil)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	eval(`(ssl-close l)`)
}
