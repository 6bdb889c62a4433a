// Tests of AbortHandshake: a running handshake, one not started yet, one finished.
package ports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/internal/loopback"
)

func TestAbortHandshake(t *testing.T) {
	p := newTestPKI(t)
	ctx := context.Background()
	// the peer never answers: the client's handshake waits until aborted
	rc, _ := loopback.Pair(t)
	c := Client(rc, p.clientConfig(), Options{})
	defer c.Close()
	done := make(chan error, 1)
	go func() { done <- c.Handshake(ctx) }()
	time.Sleep(50 * time.Millisecond)
	if !c.AbortHandshake() {
		t.Fatal("AbortHandshake reported no handshake")
	}
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("handshake not aborted")
	}
	e, ok := err.(*conditions.Error)
	if !ok || e.Status != conditions.Syscall || !strings.HasPrefix(e.Reason, "handshake aborted") {
		t.Fatalf("aborted handshake: %v", err)
	}
	if again := c.Handshake(ctx); again != err {
		t.Fatalf("not sticky: %v", again)
	}

	// aborted before it starts
	rc2, _ := loopback.Pair(t)
	c2 := Client(rc2, p.clientConfig(), Options{})
	defer c2.Close()
	c2.AbortHandshake()
	if e, ok := c2.Handshake(ctx).(*conditions.Error); !ok || !strings.HasPrefix(e.Reason, "handshake aborted") {
		t.Fatalf("pre-aborted handshake: %v", e)
	}

	// finished: nothing to abort
	a, s := enginePair(t, p, Options{}, Options{})
	go s.Handshake(ctx)
	if err := a.Handshake(ctx); err != nil {
		t.Fatal(err)
	}
	if a.AbortHandshake() {
		t.Fatal("aborted a finished handshake")
	}
}

// noDeadlines is a net.Conn that cannot set deadlines.
type noDeadlines struct{ net.Conn }

func (noDeadlines) SetDeadline(time.Time) error      { return errors.ErrUnsupported }
func (noDeadlines) SetReadDeadline(time.Time) error  { return errors.ErrUnsupported }
func (noDeadlines) SetWriteDeadline(time.Time) error { return errors.ErrUnsupported }

// TestHandshakeTimeoutDeadline: the handshake timeout is the raw
// connection's deadlines (a fake clock honoured, as net.Pipe honours it in
// a synctest bubble), or a timer of its own when the raw connection cannot
// set deadlines; either way the handshake fails after exactly its limit
// with a handshake timeout and the raw connection is closed. A caller's
// earlier deadline ends it first; once the handshake is done, its
// deadline no longer bounds either direction.
func TestHandshakeTimeoutDeadline(t *testing.T) {
	p := newTestPKI(t)
	const limit = 2 * time.Second
	for _, tc := range []struct {
		name     string
		wrap     func(net.Conn) net.Conn
		deadline time.Duration // the caller's read deadline, 0 = none
		took     time.Duration
	}{
		{"deadlines", func(c net.Conn) net.Conn { return c }, 0, limit},
		{"no deadlines", func(c net.Conn) net.Conn { return noDeadlines{c} }, 0, limit},
		{"caller's earlier deadline", func(c net.Conn) net.Conn { return c }, limit / 4, limit / 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				a, b := net.Pipe()
				peerDone := make(chan struct{})
				go func() { io.Copy(io.Discard, b); close(peerDone) }() // silent: reads, never writes
				defer b.Close()
				c := Client(tc.wrap(a), p.clientConfig(), Options{HandshakeTimeout: limit})
				defer c.Close()
				if tc.deadline > 0 {
					c.SetReadDeadline(time.Now().Add(tc.deadline))
				}
				t0 := time.Now()
				err := c.Handshake(context.Background())
				if took := time.Since(t0); took != tc.took {
					t.Errorf("failed after %v of fake time, want %v", took, tc.took)
				}
				ce := asCond(t, err)
				if !ce.HasKind(conditions.KindTimeout) || ce.Function != string(conditions.OpHandshake) {
					t.Fatalf("handshake error = %+v, want a handshake timeout", ce)
				}
				if tc.deadline > 0 {
					return
				}
				if ce.TimeoutMS != conditions.Millis(limit) {
					t.Errorf("timeout.ms = %v, want %v", ce.TimeoutMS, limit)
				}
				synctest.Wait()
				select {
				case <-peerDone:
				default:
					t.Error("the raw connection is still open after the handshake timed out")
				}
			})
		})
	}
	t.Run("after the handshake", func(t *testing.T) {
		now := time.Now() // the certificates' validity, not the bubble's clock
		synctest.Test(t, func(t *testing.T) {
			ra, rb := net.Pipe()
			o := Options{HandshakeTimeout: limit}
			cc := p.clientConfig()
			cc.TLS.Time = func() time.Time { return now }
			c, s := Client(ra, cc, o), Server(rb, p.serverConfig(), o)
			defer c.Close()
			defer s.Close()
			ctx := context.Background()
			go s.Handshake(ctx)
			if err := c.Handshake(ctx); err != nil {
				t.Fatal(err)
			}
			got := make(chan error, 2)
			go func() { // both directions blocked past the handshake's deadline
				_, err := c.ReadU8(ctx)
				got <- err
			}()
			go func() {
				b, err := s.ReadU8(ctx)
				if err == nil && b != 2 {
					err = fmt.Errorf("server read %d, want 2", b)
				}
				got <- err
			}()
			time.Sleep(3 * limit)
			if _, err := c.Write([]byte{2}); err != nil {
				t.Fatalf("client write after the handshake's deadline: %v", err)
			}
			if _, err := s.Write([]byte{1}); err != nil {
				t.Fatalf("server write after the handshake's deadline: %v", err)
			}
			for range 2 {
				if err := <-got; err != nil {
					t.Errorf("read after the handshake's deadline: %v", err)
				}
			}
		})
	})
}
