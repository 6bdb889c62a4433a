// Tests of the plain TCP pair.

package ports

import (
	"bytes"
	"context"
	"io"
	"net"
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
// it can up to len(p), and are counted.
type countingConn struct {
	net.Conn
	src   *bytes.Reader
	reads []int // len(p) of each Read
}

func (c *countingConn) Read(p []byte) (int, error) {
	c.reads = append(c.reads, len(p))
	return c.src.Read(p)
}
func (*countingConn) SetReadDeadline(time.Time) error  { return nil }
func (*countingConn) SetWriteDeadline(time.Time) error { return nil }
func (*countingConn) SetDeadline(time.Time) error      { return nil }
func (*countingConn) Close() error                     { return nil }

// TestTCPReadAhead: a TCP pair's reads smaller than a read-ahead buffer
// are served from one read of the connection that takes all it holds up
// to 64 KiB (a bulk reader of 16 KiB pieces makes one read system call
// per ~64 KiB, not one per piece); a read of a whole buffer or more, with
// nothing held, goes straight into the caller's slice, and so does the
// rest of a short one; every byte arrives once, in order, and what is
// read ahead and not consumed is what TakeBuffered returns.
func TestTCPReadAhead(t *testing.T) {
	data := make([]byte, 5*poolBufSize)
	for i := range data {
		data[i] = byte(i * 7)
	}
	c := &countingConn{src: bytes.NewReader(data)}
	tc := NewTCP(c, nil, Options{ReadTimeout: time.Minute})
	ctx := context.Background()
	var got []byte
	piece := make([]byte, 16<<10)
	for range 4 {
		n, err := io.ReadFull(readerCtx{tc, ctx}, piece)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, piece[:n]...)
	}
	if len(c.reads) != 1 || c.reads[0] != poolBufSize {
		t.Fatalf("four 16 KiB reads made the reads %v of the connection, want one of %d", c.reads, poolBufSize)
	}
	c.reads = nil
	big := make([]byte, poolBufSize)
	if n, err := io.ReadFull(readerCtx{tc, ctx}, big); err != nil || n != len(big) {
		t.Fatal(n, err)
	}
	got = append(got, big...)
	if len(c.reads) != 1 || c.reads[0] != poolBufSize {
		t.Fatalf("a 64 KiB read with nothing held made the reads %v, want one of %d into the caller's slice", c.reads, poolBufSize)
	}
	c.reads = nil
	small := make([]byte, 100)
	if n, err := io.ReadFull(readerCtx{tc, ctx}, small); err != nil || n != len(small) {
		t.Fatal(n, err)
	}
	got = append(got, small...)
	rest := tc.TakeBuffered()
	if len(rest) != poolBufSize-len(small) {
		t.Fatalf("TakeBuffered returned %d bytes, want the %d read ahead", len(rest), poolBufSize-len(small))
	}
	got = append(got, rest...)
	if !bytes.Equal(got, data[:len(got)]) {
		t.Fatal("the bytes read are not the bytes sent, in order")
	}
}

// readerCtx is the io.Reader of t's reads under ctx.
type readerCtx struct {
	t   *TCP
	ctx context.Context
}

func (r readerCtx) Read(p []byte) (int, error) { return r.t.Read(r.ctx, p) }
