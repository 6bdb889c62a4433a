// Output held by SSL ports reaches the peer at the end of the program (Interp.FlushAllOutput).

package openssl

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
)

// TestFlushAllOutputSSL: what a program wrote to an SSL port with
// tcp-buffer-size and never flushed reaches the peer when the program ends
// (FlushAllOutput), and not before; an unbuffered port's output, and a
// non-blocking port's queue, go out without it. Unbuffered SSL ports are
// not registered for FlushAllOutput (scheme.OutputHolder): this checks
// that a port holding output still is (it fails if sslOut says it holds
// none).
func TestFlushAllOutputSSL(t *testing.T) {
	set := certgen.MustSet(t)
	got := make(chan string, 3)
	addr, stop := goServer(t, &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}}, func(s *tls.Conn) {
		_ = s.SetReadDeadline(time.Now().Add(10 * time.Second))
		buf := make([]byte, 64)
		n, _ := io.ReadAtLeast(s, buf, 4)
		got <- string(buf[:n])
	})
	defer stop()
	in := bindingtest.NewInterp(t, testOptions(set))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, port, _ := net.SplitHostPort(addr)
	if _, err := in.EvalString(ctx, fmt.Sprintf(`
(define (connect) (ssl-connect* hostname: "localhost" port: %s certificate-authorities: ca-file))
(define-values (i1 o1) (parameterize ((tcp-buffer-size 4096)) (connect)))
(write-string "held" o1)
(define-values (i2 o2) (connect))
(ssl-handshake! i2)
(ssl-set-blocking! o2 #f)
(write-string "queued" o2)
(define-values (i3 o3) (connect))
(write-string "sent" o3)`, port)); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"sent": true, "queued": true}
	for range 2 {
		select {
		case s := <-got:
			if !want[s] {
				t.Fatalf("before FlushAllOutput the server got %q, want \"sent\" and \"queued\"", s)
			}
			delete(want, s)
		case <-time.After(10 * time.Second):
			t.Fatalf("%v did not arrive without a flush", want)
		}
	}
	select {
	case s := <-got:
		t.Fatalf("before FlushAllOutput the server got %q", s)
	case <-time.After(200 * time.Millisecond):
	}
	if err := in.FlushAllOutput(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "held" {
			t.Fatalf("after FlushAllOutput the server got %q, want \"held\"", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("FlushAllOutput did not deliver the buffered port's output")
	}
}
