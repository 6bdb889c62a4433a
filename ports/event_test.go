// Tests of Options.OnEvent: handshake and close_notify events in order.

package ports

import (
	"context"
	"crypto/x509"
	"io"
	"sync"
	"testing"

	"github.com/tlsport/tlsport/internal/loopback"
)

// eventLog records the events of one Conn.
type eventLog struct {
	mu  sync.Mutex
	evs []Event
}

func (l *eventLog) add(_ context.Context, ev Event) {
	l.mu.Lock()
	l.evs = append(l.evs, ev)
	l.mu.Unlock()
}

func (l *eventLog) kinds() []EventKind {
	l.mu.Lock()
	defer l.mu.Unlock()
	var ks []EventKind
	for _, ev := range l.evs {
		ks = append(ks, ev.Kind)
	}
	return ks
}

func TestOnEvent(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name       string
		run        func(t *testing.T, c, s *Conn)
		client     []EventKind
		server     []EventKind
		failedErr  bool
		breakTrust bool
	}{
		{name: "handshake and close", run: func(t *testing.T, c, s *Conn) {
			done := make(chan error, 1)
			go func() {
				buf := make([]byte, 8)
				_, err := s.ReadContext(ctx, buf) // handshake, then close_notify as EOF
				if err == nil {
					_, err = s.ReadContext(ctx, buf)
				}
				done <- err
			}()
			if _, err := c.WriteString(ctx, "hi"); err != nil {
				t.Fatal(err)
			}
			if err := c.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if err := c.CloseWriteContext(ctx); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != io.EOF {
				t.Fatalf("server read: %v, want io.EOF", err)
			}
		},
			client: []EventKind{EventHandshakeStart, EventHandshakeDone, EventAlertSent},
			server: []EventKind{EventHandshakeStart, EventHandshakeDone, EventAlertReceived}},
		{name: "failed handshake", breakTrust: true, run: func(t *testing.T, c, s *Conn) {
			go func() { _ = s.Handshake(ctx) }()
			if err := c.Handshake(ctx); err == nil {
				t.Fatal("handshake succeeded against an untrusted server")
			}
		},
			client:    []EventKind{EventHandshakeStart, EventHandshakeFailed},
			failedErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newTestPKI(t)
			var cl, sl eventLog
			cc := p.clientConfig()
			if tt.breakTrust {
				cc.TLS.RootCAs = x509.NewCertPool()
			}
			rc, rs := loopback.Pair(t)
			c := Client(rc, cc, Options{OnEvent: cl.add})
			s := Server(rs, p.serverConfig(), Options{OnEvent: sl.add})
			t.Cleanup(func() { c.Close(); s.Close() })
			tt.run(t, c, s)
			if got := cl.kinds(); !equalKinds(got, tt.client) {
				t.Errorf("client events %v, want %v", got, tt.client)
			}
			if tt.server != nil {
				if got := sl.kinds(); !equalKinds(got, tt.server) {
					t.Errorf("server events %v, want %v", got, tt.server)
				}
			}
			if tt.failedErr {
				cl.mu.Lock()
				last := cl.evs[len(cl.evs)-1]
				cl.mu.Unlock()
				if last.Err == nil || last.Err.Message == "" {
					t.Errorf("failure event without the condition: %+v", last)
				}
			}
		})
	}
}

func equalKinds(a, b []EventKind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
