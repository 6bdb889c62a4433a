package ports

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"sync"
	"testing"
	"time"
)

// gate is the peer's side of a net.Pipe that reads only as much as it is
// allowed: open (budget < 0), budget more bytes, or nothing (0) until set
// again. A write to the other side blocks once the budget is spent (a
// peer that stopped reading).
type gate struct {
	net.Conn
	mu     sync.Mutex
	cond   *sync.Cond
	budget int
}

func newGate(c net.Conn) *gate {
	g := &gate{Conn: c, budget: -1}
	g.cond = sync.NewCond(&g.mu)
	return g
}

// set lets the peer read n more bytes (n < 0: everything).
func (g *gate) set(n int) {
	g.mu.Lock()
	g.budget = n
	g.cond.Broadcast()
	g.mu.Unlock()
}

func (g *gate) Read(p []byte) (int, error) {
	g.mu.Lock()
	for g.budget == 0 {
		g.cond.Wait()
	}
	if g.budget > 0 {
		p = p[:min(len(p), g.budget)]
	}
	g.mu.Unlock()
	n, err := g.Conn.Read(p)
	g.mu.Lock()
	if g.budget > 0 {
		g.budget = max(0, g.budget-n)
	}
	g.mu.Unlock()
	return n, err
}

// gatedPeer returns an engine client handshaken with a crypto/tls server
// of version vers over a net.Pipe whose server side is a gate, closed
// once the handshake is done. got receives what read (io.ReadAll when
// nil) made of what the server reads, gotErr its error (nil at
// close_notify).
func gatedPeer(t *testing.T, vers uint16, o Options, read func(io.Reader) (string, error)) (c *Conn, g *gate, got chan string, gotErr chan error) {
	t.Helper()
	p := newTestPKI(t)
	rc, rs := net.Pipe()
	g = newGate(rs)
	cfg := p.serverConfig().TLS.Clone()
	cfg.MinVersion, cfg.MaxVersion = vers, vers
	srv := tls.Server(g, cfg)
	hs := make(chan error, 1)
	got, gotErr = make(chan string, 1), make(chan error, 1)
	go func() {
		err := srv.Handshake()
		hs <- err
		if err != nil {
			return
		}
		if read == nil {
			read = func(r io.Reader) (string, error) {
				b, err := io.ReadAll(r)
				return string(b), err
			}
		}
		s, err := read(srv)
		got <- s
		gotErr <- err
	}()
	c = Client(rc, p.clientConfig(), o)
	t.Cleanup(func() { c.Close(); rs.Close() })
	if err := c.Handshake(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := <-hs; err != nil {
		t.Fatal(err)
	}
	if v := c.Version(); v != vers {
		t.Fatalf("version %#x, want %#x", v, vers)
	}
	return c, g, got, gotErr
}

// pattern returns n bytes in which a repeated or missing part shows.
func pattern(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%07d\n", i)
	}
	return b.Bytes()[:n]
}

// cutWays are the ways a write is cut short: its timeout, its context
// (Ctrl-C), and net.Conn's write deadline.
var cutWays = []struct {
	name    string
	opts    Options
	write   func(c *Conn, p []byte) (int, error)
	timeout bool // the condition is a timeout, else an interruption
}{
	{"timeout", Options{WriteTimeout: 100 * time.Millisecond}, func(c *Conn, p []byte) (int, error) {
		return c.WriteContext(context.Background(), p)
	}, true},
	{"cancel", Options{}, func(c *Conn, p []byte) (int, error) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(100*time.Millisecond, cancel)
		return c.WriteContext(ctx, p)
	}, false},
	{"deadline", Options{}, func(c *Conn, p []byte) (int, error) {
		_ = c.SetWriteDeadline(time.Now().Add(100 * time.Millisecond))
		defer c.SetWriteDeadline(time.Time{})
		return c.Write(p)
	}, true},
}

// TestWriteCutShort: a write cut short while the peer reads nothing (or
// part of a record) returns how much it handed to TLS and a timeout or
// interruption condition; the connection stays usable, and the peer gets
// every byte once and in order whether the rest is written next, the
// connection flushed, or closed — over TLS 1.2 and 1.3, with the record
// the peer had begun to read finished first.
func TestWriteCutShort(t *testing.T) {
	data := pattern(100 << 10)
	for _, vers := range []uint16{tls.VersionTLS12, tls.VersionTLS13} {
		for _, way := range cutWays {
			for _, then := range []string{"again", "flush", "close"} {
				name := fmt.Sprintf("%s/%s/%s", tls.VersionName(vers), way.name, then)
				t.Run(name, func(t *testing.T) {
					c, g, got, gotErr := gatedPeer(t, vers, way.opts, nil)
					g.set(1000) // a part of the first record, then nothing
					n, err := way.write(c, data)
					if err == nil || n <= 0 || n >= len(data) {
						t.Fatalf("write to a peer that stopped reading: %d bytes, %v; want a part and a condition", n, err)
					}
					ce := asCond(t, err)
					if ce.Timeout() != way.timeout || (!way.timeout && !errors.Is(err, context.Canceled)) {
						t.Fatalf("condition %+v; want timeout %v", ce, way.timeout)
					}
					if !c.HoldsOutput() {
						t.Error("HoldsOutput false with the rest of a record kept")
					}
					if k := len(c.fr.out.kept); k == 0 || k > maxPlaintextWrite+2048 {
						t.Errorf("%d bytes of ciphertext kept, want 1..%d", k, maxPlaintextWrite+2048)
					}
					want := data[:n]
					g.set(-1)
					ctx := context.Background()
					switch then {
					case "again":
						if m, err := c.WriteContext(ctx, data[n:]); err != nil || m != len(data)-n {
							t.Fatalf("the rest written again: %d, %v", m, err)
						}
						want = data
					case "flush":
						if err := c.Flush(ctx); err != nil {
							t.Fatalf("flush: %v", err)
						}
						if c.HoldsOutput() {
							t.Error("HoldsOutput true after the flush")
						}
					}
					if err := c.Close(); err != nil {
						t.Fatal(err)
					}
					if s := <-got; s != string(want) {
						t.Errorf("the peer got %d bytes, want %d", len(s), len(want))
					}
					if err := <-gotErr; err != nil {
						t.Errorf("the peer's read ended with %v, want close_notify", err)
					}
				})
			}
		}
	}
}

// TestWriteCutShortTwice: the kept part of a record that cannot go out
// either is kept again (the next write fails with nothing handed to TLS),
// and goes first once the peer reads.
func TestWriteCutShortTwice(t *testing.T) {
	c, g, got, _ := gatedPeer(t, tls.VersionTLS13, Options{WriteTimeout: 50 * time.Millisecond}, nil)
	data := pattern(40 << 10)
	g.set(0)
	n, err := c.WriteContext(context.Background(), data)
	if err == nil || n <= 0 {
		t.Fatalf("first write: %d, %v", n, err)
	}
	m, err := c.WriteContext(context.Background(), data[n:])
	if err == nil || m != 0 || !asCond(t, err).Timeout() {
		t.Fatalf("second write with the first's rest not sent: %d, %v; want 0 and a timeout", m, err)
	}
	g.set(-1)
	if m, err := c.WriteContext(context.Background(), data[n:]); err != nil || m != len(data)-n {
		t.Fatalf("third write: %d, %v", m, err)
	}
	c.Close()
	if s := <-got; s != string(data) {
		t.Errorf("the peer got %d bytes, want %d", len(s), len(data))
	}
}

// TestCloseKeptNeverRead: Close with the rest of a record kept and a peer
// that never reads gives up within the shutdown limit, without
// close_notify.
func TestCloseKeptNeverRead(t *testing.T) {
	c, g, _, _ := gatedPeer(t, tls.VersionTLS13, Options{WriteTimeout: 50 * time.Millisecond, ShutdownTimeout: 200 * time.Millisecond}, nil)
	g.set(0)
	if _, err := c.WriteContext(context.Background(), pattern(20<<10)); err == nil {
		t.Fatal("write to a peer that reads nothing succeeded")
	}
	done := make(chan struct{})
	go func() { c.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Close hangs on a peer that never reads")
	}
	if c.CloseNotifySent() {
		t.Error("close_notify reported sent behind output that never went out")
	}
}

// TestWriteCutShortSoak: hundreds of writes cut short and finished leave
// nothing kept, and neither goroutines nor memory grow.
func TestWriteCutShortSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak")
	}
	data := pattern(20 << 10)
	// The peer checks the stream as it reads: rounds times data.
	check := func(r io.Reader) (string, error) {
		buf := make([]byte, len(data))
		for i := 0; ; i++ {
			if _, err := io.ReadFull(r, buf); err != nil {
				if err == io.EOF {
					return fmt.Sprint(i), nil
				}
				return fmt.Sprintf("copy %d: %v", i, err), err
			}
			if !bytes.Equal(buf, data) {
				return fmt.Sprintf("copy %d differs", i), nil
			}
		}
	}
	c, g, got, _ := gatedPeer(t, tls.VersionTLS13, Options{}, check)
	ctx := context.Background()
	var base runtime.MemStats
	baseG := 0
	const rounds = 300
	cuts := 0
	for i := range rounds {
		if i == 20 {
			runtime.GC()
			runtime.ReadMemStats(&base)
			baseG = runtime.NumGoroutine()
		}
		g.set(100 * (i % 3)) // nothing, or a part of a record
		cctx, cancel := context.WithCancel(ctx)
		time.AfterFunc(2*time.Millisecond, cancel)
		n, err := c.WriteContext(cctx, data)
		cancel()
		g.set(-1)
		if err != nil {
			cuts++
			if m, err := c.WriteContext(ctx, data[n:]); err != nil || m != len(data)-n {
				t.Fatalf("round %d: the rest: %d, %v", i, m, err)
			}
		}
		if c.fr.out.kept != nil || c.HoldsOutput() {
			t.Fatalf("round %d: %d bytes still kept", i, len(c.fr.out.kept))
		}
	}
	if cuts < rounds/2 {
		t.Errorf("only %d of %d writes were cut short", cuts, rounds)
	}
	runtime.GC()
	var end runtime.MemStats
	runtime.ReadMemStats(&end)
	if g := runtime.NumGoroutine(); g > baseG {
		t.Errorf("goroutines %d → %d", baseG, g)
	}
	if grow := int64(end.HeapAlloc) - int64(base.HeapAlloc); grow > 1<<20 {
		t.Errorf("heap grew by %d bytes over %d rounds", grow, rounds-20)
	}
	c.Close()
	if s := <-got; s != fmt.Sprint(rounds) {
		t.Errorf("the peer got %s; want %d whole copies", s, rounds)
	}
}
