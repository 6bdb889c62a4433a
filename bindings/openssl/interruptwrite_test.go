//go:build unix

// A write interrupted part way (Ctrl-C, a write timeout, thread-terminate!) over TCP and TLS loses and repeats nothing.

package openssl

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

// numbered returns n numbered lines, so that a repeated or missing part
// shows.
func numbered(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%07d\n", i)
	}
	return b.String()
}

// silentPeer accepts one connection (wrapped by wrap) and reads nothing
// until read is closed; then it reads everything and sends it on got.
func silentPeer(t *testing.T, wrap func(net.Conn) net.Conn) (port int, read chan struct{}, got chan string) {
	t.Helper()
	// A small receive buffer, set before accept so that the window is
	// small too: the writer blocks after a few hundred kilobytes.
	lc := net.ListenConfig{Control: func(_, _ string, rc syscall.RawConn) error {
		return rc.Control(func(fd uintptr) {
			_ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 16<<10)
		})
	}}
	ln, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	read, got = make(chan struct{}), make(chan string, 1)
	go func() {
		raw, err := ln.Accept()
		if err != nil {
			got <- "accept: " + err.Error()
			return
		}
		defer raw.Close()
		c := wrap(raw)
		if tc, ok := c.(*tls.Conn); ok {
			if err := tc.Handshake(); err != nil {
				got <- "handshake: " + err.Error()
				return
			}
		}
		<-read
		b, _ := io.ReadAll(c)
		got <- string(b)
	}()
	return ln.Addr().(*net.TCPAddr).Port, read, got
}

// TestInterruptedWrite writes more than the socket buffers hold to a peer
// that does not read, interrupts the evaluation, lets the peer read and
// goes on as a user would (the write made again, flush-output, another
// write, close-port). Over TCP and over TLS 1.2 and 1.3 the peer gets
// every byte once, in order: over TLS the part of a record the socket
// had not taken when the write was cut short is kept by the connection
// and goes first.
func TestInterruptedWrite(t *testing.T) {
	set := certgen.MustSet(t)
	big := numbered(2000000) // 16 MB: far more than the socket buffers hold (about 4 MB here)
	thens := []struct {
		name, then, want string
	}{
		{"again", `(write-string big o)`, big},
		{"flush-output", `(flush-output o)`, big},
		{"another", `(write-string "end\n" o)`, big + "end\n"},
		{"close", ``, big},
	}
	for _, peer := range []struct {
		name    string
		wrap    func(net.Conn) net.Conn
		connect string
	}{
		{"tcp", func(c net.Conn) net.Conn { return c }, `(tcp-connect "127.0.0.1" %d)`},
		{"tls12", tlsPeer(set, tls.VersionTLS12), tlsConnect},
		{"tls13", tlsPeer(set, tls.VersionTLS13), tlsConnect},
	} {
		for _, tc := range thens {
			t.Run(peer.name+"/"+tc.name, func(t *testing.T) {
				port, read, got := silentPeer(t, peer.wrap)
				in := bindingtest.NewInterp(t, testOptions(set))
				in.Define("big", scheme.NewString(big))
				connect := fmt.Sprintf(`(define-values (i o) `+peer.connect+`)`, port)
				if peer.name != "tcp" {
					connect += `(ssl-handshake! o)` // not under the interruption
				}
				if _, err := in.EvalString(context.Background(), connect); err != nil {
					t.Fatal(err)
				}
				interruptWrite(t, in, `(write-string big o)`)
				close(read)
				if tc.then != "" {
					if _, err := in.EvalString(context.Background(), tc.then); err != nil {
						t.Fatalf("%s after the interruption: %v", tc.then, err)
					}
				}
				if _, err := in.EvalString(context.Background(), `(close-output-port o) (close-input-port i)`); err != nil {
					t.Fatal(err)
				}
				if s := <-got; s != tc.want {
					t.Errorf("the peer got %d bytes, want %d: %s", len(s), len(tc.want), firstDiff(s, tc.want))
				}
			})
		}
	}
}

// tlsConnect connects to a silentPeer wrapped by tlsPeer (%d: its port).
const tlsConnect = `(ssl-connect* hostname: "localhost" port: %d certificate-authorities: ca-file)`

// tlsPeer wraps a silentPeer's connection in a TLS server of version vers.
func tlsPeer(set *certgen.Set, vers uint16) func(net.Conn) net.Conn {
	cfg := &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}, MinVersion: vers, MaxVersion: vers}
	return func(c net.Conn) net.Conn { return tls.Server(c, cfg) }
}

// TestInterruptedTLSWrite cuts a TLS write to a peer that does not read
// short in the other ways a Scheme program can — tcp-write-timeout,
// thread-terminate! of the writing thread — and sends a thread blocked in
// such a write a thread-signal!; the peer then reads, and gets every byte
// once and in order, over TLS 1.2 and 1.3. (A write does not end on
// thread-signal!, which ends waits only (Thread.WaitContext): the
// handler runs once the write is done, at the thread's next wait.)
func TestInterruptedTLSWrite(t *testing.T) {
	set := certgen.MustSet(t)
	big := numbered(2000000)
	for _, tc := range []struct {
		name string
		cut  string // cuts (write-string big o) short, leaving result set; #f while the peer is to read
		then string // after the peer began to read
		want string // result's written form
	}{
		{"timeout",
			`(define result (condition-case (parameterize ((tcp-write-timeout 300)) (write-string big o))
			                   (e (exn i/o net timeout) 'timeout)))`,
			`(write-string big o)`, "timeout"},
		{"thread-terminate",
			`(define writer (thread-start! (make-thread (lambda () (write-string big o)))))
			 (thread-sleep! 0.3)
			 (thread-terminate! writer)
			 (define result (condition-case (thread-join! writer) (e (exn) 'terminated)))`,
			`(flush-output o)`, "terminated"},
		{"thread-signal",
			`(define handled '())
			 (define writer (thread-start! (make-thread (lambda ()
			   (with-exception-handler (lambda (e) (set! handled (cons e handled)) 'ignored)
			     (lambda () (write-string big o) (thread-sleep! 0.01) 'written))))))
			 (thread-sleep! 0.3)
			 (thread-signal! writer 'sig)
			 (define result #f)`,
			`(set! result (list (thread-join! writer 60 'stuck) handled))`, "(written (sig))"},
	} {
		for _, vers := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
			t.Run(tc.name+"/"+tls.VersionName(vers), func(t *testing.T) {
				port, read, got := silentPeer(t, tlsPeer(set, vers))
				in := bindingtest.NewInterp(t, testOptions(set))
				in.Define("big", scheme.NewString(big))
				ctx := context.Background()
				src := fmt.Sprintf(`(import (srfi 18)) (define-values (i o) `+tlsConnect+`) (ssl-handshake! o)`, port)
				if _, err := in.EvalString(ctx, src+tc.cut); err != nil {
					t.Fatal(err)
				}
				close(read)
				if _, err := in.EvalString(ctx, tc.then); err != nil {
					t.Fatalf("%s after the cut: %v", tc.then, err)
				}
				v, err := in.EvalString(ctx, `(close-output-port o) (close-input-port i) result`)
				if err != nil {
					t.Fatal(err)
				}
				if r := scheme.WriteString(v); r != tc.want {
					t.Errorf("result %s, want %s", r, tc.want)
				}
				if s := <-got; s != big {
					t.Errorf("the peer got %d bytes, want %d: %s", len(s), len(big), firstDiff(s, big))
				}
			})
		}
	}
}

// TestCloseAfterInterruptedTLSWrite: close-port after a TLS write was cut
// short, to a peer that never reads, gives up on the output after
// tcp-write-timeout and on close_notify after ssl-shutdown-timeout, as
// CHICKEN drops undeliverable output; the peer never gets anything twice.
func TestCloseAfterInterruptedTLSWrite(t *testing.T) {
	set := certgen.MustSet(t)
	big := numbered(2000000)
	port, read, got := silentPeer(t, tlsPeer(set, tls.VersionTLS13))
	in := bindingtest.NewInterp(t, testOptions(set))
	in.Define("big", scheme.NewString(big))
	ctx := context.Background()
	src := fmt.Sprintf(`(define-values (i o) (parameterize ((ssl-shutdown-timeout 300)) `+tlsConnect+`)) (ssl-handshake! o)`, port)
	if _, err := in.EvalString(ctx, src); err != nil {
		t.Fatal(err)
	}
	interruptWrite(t, in, `(write-string big o)`)
	done := make(chan error, 1)
	go func() {
		_, err := in.EvalString(ctx, `(parameterize ((tcp-write-timeout 300)) (close-output-port o) (close-input-port i))`)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("close-port with output the peer never reads: %v; want it dropped silently", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("close-port hangs on a peer that never reads")
	}
	close(read)
	if s := <-got; !strings.HasPrefix(big, s) {
		t.Errorf("the peer got %d bytes, not a part of what was written: %s", len(s), firstDiff(s, big))
	}
}

// interruptWrite evaluates src, which blocks, and cancels it as Ctrl-C
// does; it fails the test when src returns by itself or stays blocked.
func interruptWrite(t *testing.T, in *scheme.Interp, src string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	done := make(chan error, 1)
	go func() {
		_, err := in.EvalString(ctx, src)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatalf("%s returned while the peer read nothing", src)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%s still blocked long after the interruption", src)
	}
}

// firstDiff describes where got first differs from want.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	clip := func(s string) string { return s[:min(len(s), 24)] }
	return fmt.Sprintf("first difference at byte %d: got %q, want %q", i, clip(got[i:]), clip(want[i:]))
}
