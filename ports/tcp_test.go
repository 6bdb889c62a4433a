// Tests of the plain TCP pair.

package ports

import (
	"bytes"
	"context"
	"io"
	"net"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/tlsport/tlsport/internal/loopback"
)

// TestTCPUnbufferedWritesOverlap: an unbuffered pair's writes take no
// lock, so writes from several goroutines overlap; each still arrives
// whole (nothing lost, nothing interleaved inside a write), with a write
// timeout in force and under a context that can be cancelled; once the
// cancellation has reached the pair, a write under that context fails.
func TestTCPUnbufferedWritesOverlap(t *testing.T) {
	rc, rs := loopback.Pair(t)
	tc := NewTCP(rc, nil, Options{WriteTimeout: time.Minute})
	t.Cleanup(func() { _ = tc.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const writers, writes, size = 4, 50, 48 << 10
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for g := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			piece := bytes.Repeat([]byte{'a' + byte(g)}, size)
			for range writes {
				if _, err := tc.Write(ctx, piece); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	got := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(io.LimitReader(rs, writers*writes*size))
		got <- b
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	b := <-got
	if len(b) != writers*writes*size {
		t.Fatalf("read %d bytes, want %d", len(b), writers*writes*size)
	}
	counts := map[byte]int{}
	for i := 0; i < len(b); i += size {
		w := b[i : i+size]
		if bytes.Count(w, w[:1]) != size {
			t.Fatalf("the write at %d is not whole: writes interleaved", i)
		}
		counts[w[0]]++
	}
	for g := range writers {
		if counts['a'+byte(g)] != writes {
			t.Fatalf("writer %d: %d writes arrived, want %d", g, counts['a'+byte(g)], writes)
		}
	}
	cancel()
	for deadline := time.Now().Add(10 * time.Second); tc.ww.reg.Load().state.Load()&watchFired == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the cancellation never reached the watcher")
		}
	}
	if _, err := tc.Write(ctx, []byte("x")); err == nil {
		t.Fatal("a write under a cancelled context succeeded")
	}
}

// countingConn is a net.Conn whose reads come from src, each returning all
// it can up to len(p) and max (when not 0), and are counted.
type countingConn struct {
	net.Conn
	src   *bytes.Reader
	max   int
	reads []int // len(p) of each Read
}

func (c *countingConn) Read(p []byte) (int, error) {
	c.reads = append(c.reads, len(p))
	if c.max > 0 && len(p) > c.max {
		p = p[:c.max]
	}
	return c.src.Read(p)
}
func (*countingConn) SetReadDeadline(time.Time) error  { return nil }
func (*countingConn) SetWriteDeadline(time.Time) error { return nil }
func (*countingConn) SetDeadline(time.Time) error      { return nil }
func (*countingConn) Close() error                     { return nil }

// TestTCPReadAhead: a TCP pair's read of 16 KiB with nothing buffered
// goes straight into the caller's slice; once one has filled it (the
// peer is ahead), the next reads ahead, one read of the connection
// taking all it holds up to 64 KiB for several such reads (a bulk reader
// of 16 KiB pieces makes one read system call per ~64 KiB, not one per
// piece). From a peer that is not ahead (each read of the connection
// returns less than asked) every read goes straight into the caller's
// slice and nothing is held between reads (an idle reader holds no
// buffer). A read of 64 KiB or more with nothing held goes straight in.
// Every byte arrives once, in order; what is read ahead and not consumed
// is what TakeBuffered returns.
func TestTCPReadAhead(t *testing.T) {
	data := make([]byte, 5*poolBufSize)
	for i := range data {
		data[i] = byte(i * 7)
	}
	ctx := context.Background()
	read := func(tc *TCP, n int) []byte {
		t.Helper()
		b := make([]byte, n)
		if _, err := io.ReadFull(readerCtx{tc, ctx}, b); err != nil {
			t.Fatal(err)
		}
		return b
	}
	c := &countingConn{src: bytes.NewReader(data)}
	tc := NewTCP(c, nil, Options{ReadTimeout: time.Minute})
	var got []byte
	for range 4 {
		got = append(got, read(tc, 16<<10)...)
	}
	if want := []int{16 << 10, poolBufSize}; !slices.Equal(c.reads, want) {
		t.Fatalf("four 16 KiB reads made the reads %v of the connection, want %v", c.reads, want)
	}
	c.reads = nil
	got = append(got, read(tc, 16<<10)...) // the last 16 KiB read ahead
	got = append(got, read(tc, poolBufSize)...)
	if want := []int{poolBufSize}; !slices.Equal(c.reads, want) {
		t.Fatalf("a 64 KiB read with nothing held made the reads %v, want %v into the caller's slice", c.reads, want)
	}
	got = append(got, read(tc, 100)...)
	rest := tc.TakeBuffered()
	got = append(got, rest...)
	if !bytes.Equal(got, data[:len(got)]) || len(rest) == 0 {
		t.Fatalf("the bytes read (%d, %d taken back) are not the bytes sent, in order", len(got), len(rest))
	}

	slow := &countingConn{src: bytes.NewReader(data), max: 10 << 10}
	ts := NewTCP(slow, nil, Options{ReadTimeout: time.Minute})
	got = nil
	for range 3 {
		got = append(got, read(ts, 16<<10)...)
		if ts.in.buf != nil {
			t.Fatalf("a read from a peer that is not ahead left a buffer held (%d bytes)", ts.in.Buffered())
		}
	}
	for _, n := range slow.reads {
		if n == poolBufSize {
			t.Fatalf("reads from a peer that is not ahead read ahead: %v", slow.reads)
		}
	}
	if !bytes.Equal(got, data[:len(got)]) {
		t.Fatal("the bytes read from the slow peer are not the bytes sent, in order")
	}
}

// readerCtx is the io.Reader of t's reads under ctx.
type readerCtx struct {
	t   *TCP
	ctx context.Context
}

func (r readerCtx) Read(p []byte) (int, error) { return r.t.Read(r.ctx, p) }
