// Tests of AbortHandshake: a running handshake, one not started yet, one finished.
package ports

import (
	"context"
	"strings"
	"testing"
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
