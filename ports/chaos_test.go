// Many operations at once on both ends of connections, within the documented
// concurrency model: no panic, no data race, nothing left blocked after Close.

package ports

import (
	"context"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestConcurrentOperations runs, on each end of chaosConns connection
// pairs, a reader goroutine making random reads, a writer goroutine making
// random writes and flushes, and a third goroutine asking the connection's
// state and, at a random moment, closing it (all or only its write side)
// or moving its deadlines. Every operation is bounded by a short context;
// once the ends are closed every goroutine must return within a second,
// and the goroutines of the test and of the connections must be gone.
// Run it with -race too.
func TestConcurrentOperations(t *testing.T) {
	const chaosConns, chaosOps = 40, 200
	p := newTestPKI(t)
	before := runtime.NumGoroutine()
	for i := range chaosConns {
		c, s := enginePair(t, p, Options{}, Options{})
		var wg sync.WaitGroup
		for j, conn := range []*Conn{c, s} {
			rng := rand.New(rand.NewPCG(uint64(i), uint64(j)))
			seeds := [3]uint64{rng.Uint64(), rng.Uint64(), rng.Uint64()}
			wg.Add(3)
			go func() { defer wg.Done(); chaosReads(conn, rand.New(rand.NewPCG(seeds[0], 1)), chaosOps) }()
			go func() { defer wg.Done(); chaosWrites(conn, rand.New(rand.NewPCG(seeds[1], 2)), chaosOps) }()
			go func() { defer wg.Done(); chaosState(conn, rand.New(rand.NewPCG(seeds[2], 3)), chaosOps) }()
		}
		time.Sleep(time.Duration(i%10) * 5 * time.Millisecond) // operations in flight, then Close
		c.Close()
		s.Close()
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			buf := make([]byte, 1<<20)
			t.Fatalf("pair %d: operations still blocked 5 s after Close:\n%s", i, buf[:runtime.Stack(buf, true)])
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		t.Fatalf("%d goroutines left, %d before", n, before)
	}
}

// chaosCtx is a short limit for one operation.
func chaosCtx(rng *rand.Rand) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), time.Duration(1+rng.IntN(20))*time.Millisecond)
}

func chaosReads(c *Conn, rng *rand.Rand, ops int) {
	buf := make([]byte, 1+rng.IntN(40000))
	for range ops {
		ctx, cancel := chaosCtx(rng)
		switch rng.IntN(8) {
		case 0:
			c.ReadContext(ctx, buf[:1+rng.IntN(len(buf))])
		case 1:
			c.ReadU8(ctx)
		case 2:
			c.PeekU8(ctx)
		case 3:
			c.ReadLine(ctx)
		case 4:
			c.ReadString(ctx, rng.IntN(5000))
		case 5:
			c.ReadChar(ctx)
		case 6:
			c.Ready(ctx)
		case 7:
			c.ReadFull(ctx, buf[:rng.IntN(100)])
		}
		cancel()
		if c.Closed() && rng.IntN(4) == 0 {
			return
		}
	}
}

func chaosWrites(c *Conn, rng *rand.Rand, ops int) {
	data := make([]byte, 70000)
	for i := range data {
		data[i] = byte('a' + i%26)
		if i%61 == 60 {
			data[i] = '\n'
		}
	}
	for range ops {
		ctx, cancel := chaosCtx(rng)
		switch rng.IntN(6) {
		case 0:
			c.WriteContext(ctx, data[:rng.IntN(len(data))])
		case 1:
			c.WriteU8(ctx, byte(rng.IntN(256)))
		case 2:
			c.WriteString(ctx, "line\n")
		case 3:
			c.Flush(ctx)
		case 4:
			c.WriteSome(ctx, data[:rng.IntN(20000)])
		case 5:
			c.Handshake(ctx)
		}
		cancel()
		if c.Closed() && rng.IntN(4) == 0 {
			return
		}
	}
}

func chaosState(c *Conn, rng *rand.Rand, ops int) {
	for range ops {
		switch rng.IntN(12) {
		case 0:
			c.ConnectionState()
		case 1:
			c.State()
			c.HandshakeComplete()
			c.Buffered()
			c.HoldsOutput()
		case 2:
			c.Version()
			c.CipherSuite()
			c.ALPN()
		case 3:
			c.CloseNotifyReceived()
			c.CloseNotifySent()
			c.RawEOFSeen()
			c.Truncated()
		case 4:
			c.SetReadDeadline(time.Now().Add(time.Duration(rng.IntN(10)) * time.Millisecond))
		case 5:
			c.SetWriteDeadline(time.Now().Add(time.Duration(rng.IntN(10)) * time.Millisecond))
		case 6:
			c.SetDeadline(time.Time{})
		case 7:
			c.VerifyResult()
			c.Options()
		case 8:
			if rng.IntN(20) == 0 {
				ctx, cancel := chaosCtx(rng)
				c.CloseWriteContext(ctx)
				cancel()
			}
		case 9:
			if rng.IntN(30) == 0 {
				c.Close()
			}
		case 10:
			c.AbortHandshake()
		case 11:
			time.Sleep(time.Duration(rng.IntN(200)) * time.Microsecond)
		}
	}
}
