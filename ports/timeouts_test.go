package ports

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
)

// hsTimed reports whether hsTimeouts is timing a handshake of one of conns.
func hsTimed(conns ...*Conn) bool {
	hsTimeouts.mu.Lock()
	defer hsTimeouts.mu.Unlock()
	for e := range hsTimeouts.entries {
		for _, c := range conns {
			if e.a == &c.abort {
				return true
			}
		}
	}
	return false
}

// TestHandshakeTimeoutsShared: handshakes against a silent server, started
// longest limit first, each time out at their own limit (the shared timer
// moves earlier for a shorter one), never before it; a handshake that
// completes, like one that times out, leaves nothing in the set.
func TestHandshakeTimeoutsShared(t *testing.T) {
	p := newTestPKI(t)
	addr := stallingServer(t)
	limits := []time.Duration{2 * time.Second, 200 * time.Millisecond, time.Second, 400 * time.Millisecond}
	took := make([]time.Duration, len(limits))
	errs := make([]error, len(limits))
	var conns []*Conn
	var wg sync.WaitGroup
	for i, d := range limits {
		raw, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c := Client(raw, p.clientConfig(), Options{HandshakeTimeout: d})
		t.Cleanup(func() { c.Close() })
		conns = append(conns, c)
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			errs[i] = c.Handshake(context.Background())
			took[i] = time.Since(start)
		}()
		time.Sleep(20 * time.Millisecond) // each limit starts after the longer ones
	}
	wg.Wait()
	for i, d := range limits {
		ce := asCond(t, errs[i])
		if !ce.HasKind(conditions.KindTimeout) || ce.TimeoutMS != conditions.Some(int(d/time.Millisecond)) {
			t.Errorf("limit %v: error %+v, want a handshake timeout", d, ce)
		}
		if took[i] < d || took[i] > d+time.Second {
			t.Errorf("limit %v: timed out after %v", d, took[i])
		}
	}
	c, s := enginePair(t, p, Options{HandshakeTimeout: time.Minute}, Options{HandshakeTimeout: time.Minute})
	errc := make(chan error, 1)
	go func() { errc <- s.Handshake(context.Background()) }()
	if err := c.Handshake(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if hsTimed(append(conns, c, s)...) {
		t.Error("handshakes left in the set after they ended")
	}
}
