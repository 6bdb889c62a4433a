// opDeadline.arm: a run of operations shares one armed deadline, within the documented slack.

package ports

import (
	"context"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/internal/loopback"
)

func TestTimeoutSlack(t *testing.T) {
	for _, c := range []struct{ d, want time.Duration }{
		{160 * time.Millisecond, 10 * time.Millisecond},
		{16 * time.Second, time.Second},
		{60 * time.Second, time.Second}, // tcp-read-timeout's default: capped
		{time.Millisecond, time.Millisecond / 16},
	} {
		if got := timeoutSlack(c.d); got != c.want {
			t.Errorf("timeoutSlack(%v) = %v, want %v", c.d, got, c.want)
		}
	}
}

// TestArmReusesDeadline: arm sets the raw deadline once for a run of
// operations within the slack, never earlier than now+limit, and again
// when the limit changes, the slack has passed, or the deadline was moved
// by an interruption.
func TestArmReusesDeadline(t *testing.T) {
	var sets []time.Time
	d := &opDeadline{conn: deadlineLog{&sets}}
	const limit = 10 * time.Second // slack 625 ms
	start := time.Now()
	for range 100 {
		d.arm(limit)
	}
	if len(sets) != 1 {
		t.Fatalf("100 arms within the slack set the deadline %d times, want 1", len(sets))
	}
	if lo, hi := start.Add(limit), time.Now().Add(limit+timeoutSlack(limit)); sets[0].Before(lo) || sets[0].After(hi) {
		t.Fatalf("deadline %v outside [%v, %v]", sets[0], lo, hi)
	}
	d.arm(limit / 2)
	if len(sets) != 2 || sets[1].After(time.Now().Add(limit/2+timeoutSlack(limit/2))) {
		t.Fatalf("a shorter limit did not re-arm: %v", sets)
	}
	// An interruption (past deadline) is never kept by the next arm.
	_ = d.interrupt(past())
	d.arm(limit / 2)
	if n := len(sets); n != 4 || !sets[n-1].After(time.Now()) {
		t.Fatalf("arm after an interruption kept the past deadline: %v", sets)
	}
	// No limit clears the deadline once; clearing again changes nothing.
	d.arm(0)
	d.arm(0)
	if n := len(sets); n != 5 || !sets[n-1].IsZero() {
		t.Fatalf("arm(0) = %v, want one zero deadline", sets)
	}
	// Past the slack the deadline moves on.
	d.arm(16 * time.Millisecond) // slack 1 ms
	time.Sleep(5 * time.Millisecond)
	d.arm(16 * time.Millisecond)
	if n := len(sets); n != 7 || !sets[n-1].After(sets[n-2]) {
		t.Fatalf("arm past the slack kept the old deadline: %v", sets)
	}
}

// TestArmTimedReuse: for a long limit the first operation that reuses
// the armed deadline makes it timed; arm then keeps it, without reading
// the clock, until its timer marks it stale half a slack after it was
// armed, and arms a new one, again at least the limit ahead. A single
// operation starts no timer; short limits are never timed.
func TestArmTimedReuse(t *testing.T) {
	var sets []time.Time
	d := &opDeadline{conn: deadlineLog{&sets}}
	const limit = 4 * time.Second // slack 250 ms: timed, stale after 125 ms
	d.arm(limit)
	if d.armed.Load().timed {
		t.Fatal("the first arm started a timer")
	}
	for range 100 {
		d.arm(limit)
	}
	a := d.armed.Load()
	if !a.timed {
		t.Fatalf("a reused %v deadline is not timed", limit)
	}
	if len(sets) != 1 {
		t.Fatalf("100 arms before the timer set the deadline %d times, want 1", len(sets))
	}
	for end := time.Now().Add(5 * time.Second); !a.stale.Load(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the timer never marked the deadline stale")
		}
	}
	if el := time.Since(a.at); el < timeoutSlack(limit)/2 {
		t.Fatalf("marked stale after %v, before half the slack", el)
	}
	start := time.Now()
	d.arm(limit)
	if len(sets) != 2 || sets[1].Before(start.Add(limit)) {
		t.Fatalf("arm after the timer: deadlines %v, want a second one at least %v after %v", sets, limit, start)
	}
	d.arm(400 * time.Millisecond)
	if d.arm(400 * time.Millisecond); d.armed.Load().timed {
		t.Fatal("a 400 ms limit (slack 25 ms) is timed")
	}
}

// TestReadTimeoutAfterBusyReads: reads that return at once share one
// armed deadline; a read that then blocks still gets its whole timeout
// (never less), plus at most the slack.
func TestReadTimeoutAfterBusyReads(t *testing.T) {
	const rto = 400 * time.Millisecond // slack 25 ms
	rc, rs := loopback.Pair(t)
	tc := NewTCP(rc, nil, Options{ReadTimeout: rto})
	bg := context.Background()
	buf := make([]byte, 8<<10)
	// Busy reads for longer than the slack, so the deadline was re-armed
	// at least once and the blocked read below reuses one armed before it
	// started. Each round reads exactly what was written: the socket is
	// empty afterwards.
	for end := time.Now().Add(3 * timeoutSlack(rto)); time.Now().Before(end); {
		if _, err := rs.Write(buf); err != nil {
			t.Fatal(err)
		}
		for got := 0; got < len(buf); {
			n, err := tc.Read(bg, buf[got:])
			if err != nil {
				t.Fatal(err)
			}
			got += n
		}
	}
	start := time.Now()
	_, err := tc.Read(bg, buf)
	el := time.Since(start)
	ce := asCond(t, err)
	if !ce.HasKind(conditions.KindTimeout) {
		t.Fatalf("blocked read = %v, want a timeout", err)
	}
	if el < rto {
		t.Fatalf("read timed out after %v, before its %v timeout", el, rto)
	}
	if el > rto+timeoutSlack(rto)+2*time.Second {
		t.Fatalf("read timed out after %v, long after %v + slack", el, rto)
	}
}

// TestTCPViewSharesDeadlines: a read through the TCP view of a
// connection re-arms the deadline the connection's own reads use, so a
// connection read right after it is not cut short by the view's timeout.
func TestTCPViewSharesDeadlines(t *testing.T) {
	p := newTestPKI(t)
	c, s := enginePair(t, p, Options{Limit: ctxLimit}, Options{})
	bg := context.Background()
	go s.Handshake(bg)
	if err := c.Handshake(bg); err != nil {
		t.Fatal(err)
	}
	long := context.WithValue(bg, limitKey{}, 16*time.Second) // slack 1 s
	short := context.WithValue(bg, limitKey{}, 50*time.Millisecond)
	if _, err := s.WriteString(bg, "a"); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16<<10)
	if n, err := c.ReadContext(long, buf); err != nil || string(buf[:n]) != "a" {
		t.Fatalf("read = %q, %v", buf[:n], err)
	}
	view := c.TCPView()
	if _, err := view.Read(short, buf); !asCond(t, err).HasKind(conditions.KindTimeout) {
		t.Fatalf("view read = %v, want a timeout", err)
	}
	go func() {
		time.Sleep(200 * time.Millisecond)
		_, _ = s.WriteString(bg, "b")
	}()
	if n, err := c.ReadContext(long, buf); err != nil || string(buf[:n]) != "b" {
		t.Fatalf("read after the view's timeout = %q, %v; want \"b\"", buf[:n], err)
	}
}

// deadlineLog is a deadliner recording the read deadlines set.
type deadlineLog struct{ sets *[]time.Time }

func (l deadlineLog) SetReadDeadline(t time.Time) error {
	*l.sets = append(*l.sets, t)
	return nil
}

func (l deadlineLog) SetWriteDeadline(time.Time) error { panic("deadlineLog: a write deadline") }
