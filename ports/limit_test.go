// Options.Limit: per-operation limits chosen by the caller's context.

package ports

import (
	"context"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/internal/loopback"
)

// limitKey carries a per-call read limit in a context (what a binding does
// with its calling thread's parameters).
type limitKey struct{}

func ctxLimit(ctx context.Context, op conditions.Op) (time.Duration, bool) {
	d, ok := ctx.Value(limitKey{}).(time.Duration)
	return d, ok && op == conditions.OpRead
}

func TestLimitPerOperation(t *testing.T) {
	p := newTestPKI(t)
	var ops []conditions.Op
	co := Options{ReadTimeout: time.Hour, Limit: func(ctx context.Context, op conditions.Op) (time.Duration, bool) {
		ops = append(ops, op)
		return ctxLimit(ctx, op)
	}}
	c, s := enginePair(t, p, co, Options{})
	bg := context.Background()
	go s.Handshake(bg)
	if err := c.Handshake(bg); err != nil {
		t.Fatal(err)
	}
	if len(ops) != 1 || ops[0] != conditions.OpHandshake {
		t.Fatalf("Limit asked for %v, want [handshake]", ops)
	}
	short := context.WithValue(bg, limitKey{}, 80*time.Millisecond)
	start := time.Now()
	_, err := c.ReadLine(short)
	ce := asCond(t, err)
	if !ce.HasKind(conditions.KindTimeout) || ce.TimeoutMS != conditions.Some(80) {
		t.Fatalf("read error = %+v, want a timeout with timeout.ms 80", ce)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("read took %v: the per-call limit was not used", el)
	}
	// The connection stays usable; without a per-call limit the fixed one applies.
	lineTrip(t, bg, s, c, "later")
}

// lineTrip writes line and a newline on w, flushes it, and fails unless
// the next line r reads is line.
func lineTrip(t *testing.T, ctx context.Context, w, r *Conn, line string) {
	t.Helper()
	if _, err := w.WriteString(ctx, line+"\n"); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if l, err := r.ReadLine(ctx); err != nil || l != line {
		t.Fatalf("read %q, %v; want %q", l, err, line)
	}
}

func TestLimitTCP(t *testing.T) {
	rc, rs := loopback.Pair(t)
	tc := NewTCP(rc, nil, Options{ReadTimeout: time.Hour, Limit: ctxLimit})
	_ = rs
	ctx := context.WithValue(context.Background(), limitKey{}, 50*time.Millisecond)
	_, err := tc.ReadLine(ctx)
	ce := asCond(t, err)
	if !ce.HasKind(conditions.KindTimeout) || ce.TimeoutMS != conditions.Some(50) {
		t.Fatalf("tcp read error = %+v, want a timeout with timeout.ms 50", ce)
	}
	if ok, err := tc.Ready(context.Background()); ok || err != nil {
		t.Fatalf("Ready = %v, %v; want false, nil", ok, err)
	}
}
