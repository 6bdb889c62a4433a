// A handshake interrupted by cancelling its thread's context (Ctrl-C in the REPL) says so on later I/O.

package openssl

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

// TestInterruptedHandshake cancels the evaluation whose read is waiting
// for a handshake with a peer that never answers; the handshake failure
// sticks, and the next operation on the port names the interruption.
func TestInterruptedHandshake(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() { // accept and stay silent
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { c.Close() })
		}
	}()
	in := bindingtest.NewInterp(t, testOptions(certgen.MustSet(t)))
	port := ln.Addr().(*net.TCPAddr).Port
	if _, err := in.EvalString(context.Background(), fmt.Sprintf(
		`(define-values (i o) (ssl-connect* hostname: "localhost" port: %d certificate-authorities: ca-file))`, port)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	if _, err := in.EvalString(ctx, "(read-line i)"); err == nil {
		t.Fatal("read-line returned while the handshake could not complete")
	}
	v, err := in.EvalString(context.Background(),
		`(condition-case (read-line i) (e (openssl) (list (get-condition-property e 'openssl 'status) (get-condition-property e 'exn 'message))))`)
	if err != nil {
		t.Fatal(err)
	}
	got := scheme.WriteString(v)
	if !strings.Contains(got, "syscall") || !strings.Contains(got, "interrupted (cancelled by the user)") {
		t.Errorf("later read after the interrupted handshake: %s; want status syscall and a message saying the user interrupted it", got)
	}
}
