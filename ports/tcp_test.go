// Tests of the plain TCP pair.

package ports

import (
	"bytes"
	"context"
	"io"
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
