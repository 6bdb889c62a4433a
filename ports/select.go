// Waiting on many connections and listeners at once (ssl-port-select, spec §1.3.1).

package ports

import (
	"context"
	"time"
)

// ReadyFunc reports, without blocking for long, whether a read (or an
// accept) would not block: [Conn.Ready], [TCP.Ready], [Acceptor.TryReady]
// and the like. An error counts as ready: the next read reports it.
type ReadyFunc func(ctx context.Context) (bool, error)

// SelectInterval is the pause between two polling rounds of [Select].
const SelectInterval = 5 * time.Millisecond

// Select polls ready until at least one reports ready (or an error), and
// returns their indexes in order. With forever false it gives up after
// timeout (0: a single round) and returns no indexes. It returns ctx.Err()
// when ctx is done first (the thread was interrupted).
func Select(ctx context.Context, timeout time.Duration, forever bool, ready []ReadyFunc) ([]int, error) {
	deadline := time.Now().Add(timeout)
	var t *time.Timer
	for {
		var out []int
		for i, f := range ready {
			ok, err := f(ctx)
			if cerr := ctx.Err(); cerr != nil {
				return nil, cerr // the error, if any, came from the interruption
			}
			if ok || err != nil {
				out = append(out, i)
			}
		}
		if len(out) > 0 || (!forever && !time.Now().Before(deadline)) {
			return out, nil
		}
		wait := SelectInterval
		if left := time.Until(deadline); !forever && left < wait {
			wait = left
		}
		if t == nil {
			t = time.NewTimer(wait)
			defer t.Stop()
		} else {
			t.Reset(wait)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}
