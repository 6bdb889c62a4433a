// Base: the node/service names, nonblocking flag and read timeout every
// Endpoint answers alike (socket-node, socket-service, socket-nonblocking!,
// socket-read-timeout).

package socket

import (
	"context"
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
