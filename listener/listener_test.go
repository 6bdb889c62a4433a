// Tests of the listener: accept, timeouts, polling, no-certificate handshakes.

package listener

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
)

func cond(t *testing.T, err error) *conditions.Error {
	t.Helper()
	var ce *conditions.Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %v (%T) is not a *conditions.Error", err, err)
	}
	return ce
}

func newListener(t *testing.T, ephemeral bool) *Listener {
	ctx, err := tlsctx.New(tlsctx.Server, "tlsv12")
	if err != nil {
		t.Fatal(err)
	}
	if ephemeral {
		if err := ctx.UseEphemeralCertificate(); err != nil {
			t.Fatal(err)
		}
	}
	l, err := Listen("127.0.0.1", 0, 4, ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func TestAcceptAndEcho(t *testing.T) {
	l := newListener(t, true)
	if l.Port() == 0 || l.Fileno() < 0 {
		t.Fatalf("port %d fileno %d", l.Port(), l.Fileno())
	}
	ctx := context.Background()
	errc := make(chan error, 1)
	go func() {
		c, err := tls.Dial("tcp", "127.0.0.1:"+strconv.Itoa(l.Port()), &tls.Config{InsecureSkipVerify: true})
		if err != nil {
			errc <- err
			return
		}
		defer c.Close()
		c.Write([]byte("hi\n"))
		b := make([]byte, 3)
		_, err = c.Read(b)
		errc <- err
	}()
	s, err := l.AcceptContext(ctx, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if line, err := s.ReadLine(ctx); err != nil || line != "hi" {
		t.Fatalf("read %q, %v", line, err)
	}
	s.WriteString(ctx, "yo\n")
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	l.Close()
	if err := l.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if _, err := s.WriteString(ctx, "still\n"); err != nil {
		t.Errorf("accepted connection broken by listener Close: %v", err)
	}
}

func TestAcceptTimeoutAndPolling(t *testing.T) {
	l := newListener(t, true)
	ctx := context.Background()
	_, err := l.AcceptContext(ctx, 50*time.Millisecond)
	if ce := cond(t, err); !ce.HasKind(conditions.KindTimeout) {
		t.Fatalf("accept timeout = %+v", ce)
	}
	if l.AcceptReady(ctx) {
		t.Fatal("AcceptReady with nobody connecting")
	}
	l.SetBlocking(false)
	if _, err := l.AcceptContext(ctx, 0); cond(t, err).Status != conditions.WantAccept {
		t.Fatalf("non-blocking accept = %v", err)
	}
	l.SetBlocking(true)
	c, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ready := false
	for i := 0; i < 1000 && !ready; i++ {
		ready = l.AcceptReady(ctx)
	}
	if !ready {
		t.Fatal("AcceptReady never saw the connection")
	}
	s, err := l.AcceptContext(ctx, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestNoCertificate(t *testing.T) {
	l := newListener(t, false)
	ctx := context.Background()
	go func() {
		c, err := tls.Dial("tcp", l.Addr().String(), &tls.Config{InsecureSkipVerify: true})
		if err == nil {
			c.Close()
		}
	}()
	s, err := l.AcceptContext(ctx, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ce := cond(t, s.Handshake(ctx))
	if ce.Status != conditions.SSL || ce.Reason != "tls: no certificates configured" {
		t.Fatalf("handshake without certificate = %+v", ce)
	}
}

func TestCloseInterruptsAccept(t *testing.T) {
	l := newListener(t, true)
	errc := make(chan error, 1)
	go func() {
		_, err := l.AcceptContext(context.Background(), 0)
		errc <- err
	}()
	time.Sleep(20 * time.Millisecond)
	l.Close()
	select {
	case err := <-errc:
		if ce := cond(t, err); ce.Message != "SSL socket already closed" {
			t.Fatalf("Accept after Close = %+v", ce)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not interrupt Accept")
	}
}
