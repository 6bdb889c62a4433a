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

// nullConn is a net.Conn whose reads fill nothing but return all that is
// asked at once and whose writes take everything: it leaves the port
// layer's own cost (and, for reads, the read-ahead's copy).
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
// (bench/HISTORY.md, "Port data path (session 4)"); ch − nop is a
// character's, mostly read from the pair's read-ahead. rdl is rd written
// as the bulk benchmarks' reader is, the value read bound by a let and
// tested with eof-object?. Since the pair reads ahead while its peer is
// ahead (and a nullConn always is: its reads fill what is asked), rd and
// rdl include copying each 16 KiB out of the read-ahead, which a read
// system call per piece costs more than on a real connection
// (bench/HISTORY.md, "Bulk and echo (session 12)").
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
(define (rdl n)
  (let loop ((n n) (total 0))
    (let ((got (read-bytevector! buf i)))
      (if (eof-object? got) total (if (= n 0) total (loop (- n 1) (+ total got)))))))
(define (id x) x)
(define (nop n) (let loop ((n n)) (when (> n 0) (id buf) (loop (- n 1)))))`); err != nil {
		b.Fatal(err)
	}
	for _, f := range []string{"nop", "rd", "wr", "ch", "rdl"} {
		b.Run(f, func(b *testing.B) {
			if _, err := in.EvalString(ctx, fmt.Sprintf("(%s %d)", f, b.N)); err != nil {
				b.Fatal(err)
			}
		})
	}
}
