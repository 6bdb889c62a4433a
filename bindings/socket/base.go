// Base: the node/service names, nonblocking flag and read timeout every
// Endpoint answers alike (socket-node, socket-service, socket-nonblocking!,
// socket-read-timeout).

package socket

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Base is embedded by the Endpoint implementations (Socket, the
// (rfc tls) tls-socket): it implements NodeService, SetNonblocking,
// Nonblocking, SetReadTimeout and ReadTimeout. Safe for concurrent use;
// not to be copied after first use.
type Base struct {
	// Node and Service are what socket-node / socket-service return
	// ("" for none).
	Node, Service string

	nonblock    atomic.Bool
	readTimeout atomic.Int64 // nanoseconds, 0 = none

	// Datagrams makes a receive from the bytes kept by MSG_PEEK take all
	// of them, a datagram's rest being discarded as a datagram socket's
	// receive does.
	Datagrams bool

	peekMu  sync.Mutex
	peeked  []byte       // what a MSG_PEEK receive returned, received again first
	npeeked atomic.Int64 // len(peeked), read without the lock by Ready
}

// Keep keeps p to be received first by the next receive, as after a
// MSG_PEEK receive of it.
func (b *Base) Keep(p []byte) {
	b.peekMu.Lock()
	b.peeked = append(b.peeked, p...)
	b.npeeked.Store(int64(len(b.peeked)))
	b.peekMu.Unlock()
}

// RecvWith implements an Endpoint's Recv over recv, its receive of new
// bytes, and buffered, the count of new bytes it has without waiting:
// bytes a MSG_PEEK receive returned are received first (by any receive, a
// port's too), with what else can be had without waiting, and with
// MSG_PEEK the bytes are returned and kept. Receives made at once by
// several threads come in no defined order.
func (b *Base) RecvWith(ctx context.Context, p []byte, flags int, recv func(ctx context.Context, p []byte) (int, error), buffered func() int) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	peek := flags&MsgPeek != 0
	if b.npeeked.Load() == 0 {
		n, err := recv(ctx, p)
		if n > 0 && peek {
			b.Keep(p[:n])
		}
		return n, err
	}
	b.peekMu.Lock()
	defer b.peekMu.Unlock()
	n := copy(p, b.peeked)
	if k := min(len(p)-n, buffered()); k > 0 {
		// an error is left for the next receive, which meets it again
		if m, _ := recv(ctx, p[n:n+k]); m > 0 {
			if peek {
				b.peeked = append(b.peeked, p[n:n+m]...)
			}
			n += m
		}
	}
	if !peek {
		b.peeked = b.peeked[min(n, len(b.peeked)):]
		if len(b.peeked) == 0 || b.Datagrams {
			b.peeked = nil
		}
	}
	b.npeeked.Store(int64(len(b.peeked)))
	return n, nil
}

// Peeked returns the number of bytes kept by MSG_PEEK receives.
func (b *Base) Peeked() int { return int(b.npeeked.Load()) }

// TakePeeked returns the bytes kept by MSG_PEEK receives and forgets them
// (for a socket handing its connection over).
func (b *Base) TakePeeked() []byte {
	b.peekMu.Lock()
	defer b.peekMu.Unlock()
	out := b.peeked
	b.peeked = nil
	b.npeeked.Store(0)
	return out
}

// NodeService implements Endpoint.
func (b *Base) NodeService() (string, string) { return b.Node, b.Service }

// SetNonblocking implements Endpoint: it records the flag.
func (b *Base) SetNonblocking(ctx context.Context, on bool) error {
	b.nonblock.Store(on)
	return nil
}

// Nonblocking implements Endpoint.
func (b *Base) Nonblocking() bool { return b.nonblock.Load() }

// SetReadTimeout implements Endpoint.
func (b *Base) SetReadTimeout(d time.Duration) { b.readTimeout.Store(int64(d)) }

// ReadTimeout implements Endpoint.
func (b *Base) ReadTimeout() time.Duration { return time.Duration(b.readTimeout.Load()) }
