// The port layer's cost per read-bytevector! / write-bytevector call, without the network.

package tcp

import (
	"context"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

// nullConn is a net.Conn whose reads fill nothing and return at once and
// whose writes take everything: it leaves only the port layer's own cost.
type nullConn struct{ net.Conn }

func (nullConn) Read(p []byte) (int, error)       { return len(p), nil }
func (nullConn) Write(p []byte) (int, error)      { return len(p), nil }
func (nullConn) SetReadDeadline(time.Time) error  { return nil }
func (nullConn) SetWriteDeadline(time.Time) error { return nil }
func (nullConn) SetDeadline(time.Time) error      { return nil }
func (nullConn) Close() error                     { return nil }

// nullLib defines (null-tcp-ports): a (chicken tcp) port pair over a
// nullConn, with the calling thread's options as tcp-connect's.
var nullLib = &scheme.Library{Name: "(null-tcp)", Procs: []scheme.Proc{{Name: "null-tcp-ports", Doc: "Ports over a connection that costs nothing.",
	Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
		_, in, out := tlsval.NewTCPPorts(nullConn{}, nil, tlsval.Options(th))
		return scheme.Values(in, out), nil
	}}}}

// BenchmarkPortCall measures one iteration of a Scheme loop calling
// read-bytevector! (rd) or write-bytevector (wr) of 16 KiB, or read-char
// (ch), on a (chicken tcp) port pair over a connection that costs nothing,
// and of the same loop calling an identity procedure instead (nop): rd −
// nop and wr − nop are what a call costs in the evaluator and the port
// layer, the part of a bulk transfer that bare Go does not pay
// (bench/README.md, "Port data path (session 4)"); ch − nop is a
// character's, mostly read from the pair's read-ahead.
//
//	go test -run XXX -bench PortCall ./bindings/tcp/
func BenchmarkPortCall(b *testing.B) {
	in := bindingtest.NewInterp(b, bindingtest.Options{Libs: []*scheme.Library{Library, nullLib}})
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `
(define-values (i o) (null-tcp-ports))
(define buf (make-bytevector 16384))
(define (rd n) (let loop ((n n)) (when (> n 0) (read-bytevector! buf i) (loop (- n 1)))))
(define (wr n) (let loop ((n n)) (when (> n 0) (write-bytevector buf o) (loop (- n 1)))))
(define (ch n) (let loop ((n n)) (when (> n 0) (read-char i) (loop (- n 1)))))
(define (id x) x)
(define (nop n) (let loop ((n n)) (when (> n 0) (id buf) (loop (- n 1)))))`); err != nil {
		b.Fatal(err)
	}
	for _, f := range []string{"nop", "rd", "wr", "ch"} {
		b.Run(f, func(b *testing.B) {
			if _, err := in.EvalString(ctx, fmt.Sprintf("(%s %d)", f, b.N)); err != nil {
				b.Fatal(err)
			}
		})
	}
}
