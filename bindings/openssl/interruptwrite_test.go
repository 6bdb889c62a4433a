//go:build unix

// A write interrupted part way (Ctrl-C in the REPL: the evaluation's context cancelled) over TCP and TLS sends nothing twice.

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
// write, close-port). Over TCP the peer gets every byte once, in order.
// Over TLS a record half sent cannot be finished (crypto/tls), so the
// connection's sending side fails for good: the peer gets a part of the
// data, once, and the write made again fails instead of sending anything
// a second time.
func TestInterruptedWrite(t *testing.T) {
	set := certgen.MustSet(t)
	big := numbered(2000000) // 16 MB: far more than the socket buffers hold (about 4 MB here)
	for _, tc := range []struct {
		name, then, want string
	}{
		{"again", `(write-string big o)`, big},
		{"flush-output", `(flush-output o)`, big},
		{"another", `(write-string "end\n" o)`, big + "end\n"},
		{"close", ``, big},
	} {
		t.Run("tcp/"+tc.name, func(t *testing.T) {
			port, read, got := silentPeer(t, func(c net.Conn) net.Conn { return c })
			in := bindingtest.NewInterp(t, testOptions(set))
			in.Define("big", scheme.NewString(big))
			connect := fmt.Sprintf(`(define-values (i o) (tcp-connect "127.0.0.1" %d))`, port)
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
			if _, err := in.EvalString(context.Background(), `(close-output-port o)`); err != nil {
				t.Fatal(err)
			}
			if s := <-got; s != tc.want {
				t.Errorf("the peer got %d bytes, want %d: %s", len(s), len(tc.want), firstDiff(s, tc.want))
			}
		})
	}
	t.Run("tls/again", func(t *testing.T) {
		cfg := &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}}
		port, read, got := silentPeer(t, func(c net.Conn) net.Conn { return tls.Server(c, cfg) })
		in := bindingtest.NewInterp(t, testOptions(set))
		in.Define("big", scheme.NewString(big))
		connect := fmt.Sprintf(`(define-values (i o) (ssl-connect* hostname: "localhost" port: %d certificate-authorities: ca-file))
			(ssl-handshake! o)`, port)
		if _, err := in.EvalString(context.Background(), connect); err != nil {
			t.Fatal(err)
		}
		interruptWrite(t, in, `(write-string big o)`)
		close(read)
		v, err := in.EvalString(context.Background(),
			`(condition-case (write-string big o) (e (exn) (get-condition-property e 'exn 'message)))`)
		if err != nil {
			t.Fatal(err)
		}
		if msg, ok := v.(*scheme.String); !ok || !strings.Contains(msg.String(), "interrupted") {
			t.Errorf("the write made again after the interruption: %s; want an error saying the connection's writes were interrupted", scheme.WriteString(v))
		}
		if _, err := in.EvalString(context.Background(), `(close-output-port o) (close-input-port i)`); err != nil {
			t.Fatal(err)
		}
		s := <-got
		if !strings.HasPrefix(big, s) || len(s) == 0 || len(s) == len(big) {
			t.Errorf("the peer got %d bytes, want a part of the %d written, once: %s", len(s), len(big), firstDiff(s, big))
		}
	})
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
