//go:build linux

// thread-signal! reaches a thread waiting in tcp-connect.

package tcp

import (
	"context"
	"fmt"
	"net"
	"syscall"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/scheme"
)

// fullListener returns a listening socket on loopback whose accept queue
// is full (backlog 0, filled by a connection nobody accepts), so that a
// connect to it waits: the kernel drops its SYNs until accept makes room.
// accept takes the connection that fills it.
func fullListener(t *testing.T) (port int, accept func()) {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Listen(fd, 0); err != nil {
		t.Fatal(err)
	}
	sa, _ := syscall.Getsockname(fd)
	port = sa.(*syscall.SockaddrInet4).Port
	{ // fills the queue (one connection with backlog 0)
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
	}
	return port, func() { // the filler: room for one more
		if nfd, _, err := syscall.Accept(fd); err == nil {
			t.Cleanup(func() { syscall.Close(nfd) })
		}
	}
}

// TestSignalConnect: a thread waiting in tcp-connect is blocked
// (thread-state); thread-signal! runs its handler at once, and when the
// handler returns the connect goes on and succeeds once there is room.
func TestSignalConnect(t *testing.T) {
	port, accept := fullListener(t)
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: []*scheme.Library{Library}})
	in.Define("accept!", scheme.NewPrimitive(nil, &scheme.Proc{Name: "accept!",
		Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			accept()
			return scheme.Unspecified, nil
		}}))
	v, err := in.EvalString(context.Background(), fmt.Sprintf(`
(import (chicken tcp) (srfi 18) (tlsport test))
(define handled '())
(define connecter (thread-start! (make-thread (lambda ()
  (with-exception-handler (lambda (e) (set! handled (cons e handled)) 'ignored)
    (lambda () (call-with-values (lambda () (tcp-connect "127.0.0.1" %d)) (lambda (i o) (close-input-port i) (close-output-port o) 'connected))))))))
(define s1 (await-state connecter 'blocked))
(thread-sleep! 0.1)
(thread-signal! connecter 'sig)
(let loop ((i 0)) (if (and (null? handled) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1)))))
(define s2 (await-state connecter 'blocked))
(accept!)
(list s1 handled s2 (thread-join! connecter 30 'stuck))`, port))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := scheme.WriteString(v), "(blocked (sig) blocked connected)"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
