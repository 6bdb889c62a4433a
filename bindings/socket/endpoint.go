// Endpoint: the operations every socket-like value answers, so the (sagittarius socket) procedures dispatch on plain and TLS sockets alike (spec §1.2.7).

package socket

import (
	"context"
	"net"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

// Endpoint is implemented by a plain [Socket] and by the (rfc tls)
// <tls-socket>. The (sagittarius socket) procedures take any Endpoint, so
// socket-send, socket-recv, socket-close … work on both (the integration
// methods of spec §1.2.7). Errors returned are *conditions.Error or
// Scheme errors; the procedures add the socket kinds ([Error]).
// Implementations are safe for concurrent use.
type Endpoint interface {
	scheme.Value
	// Send sends all of p and returns len(p); in non-blocking mode it may
	// return fewer (0 when nothing could be queued).
	Send(ctx context.Context, p []byte, flags int) (int, error)
	// Recv reads up to len(p) bytes: n > 0 data, 0 at EOF, -1 when
	// non-blocking and nothing is available.
	Recv(ctx context.Context, p []byte, flags int) (int, error)
	// Shutdown half-closes: how is SHUT_RD, SHUT_WR or SHUT_RDWR.
	Shutdown(ctx context.Context, how int) error
	// Close closes the socket; idempotent.
	Close() error
	// Closed reports whether the socket (or its TLS session) is closed.
	Closed() bool
	// Accept waits for a connection on a server socket; #f when
	// non-blocking with nothing pending. handshake and raiseError are the
	// (rfc tls) keywords (Default when absent; plain sockets ignore them).
	Accept(th *scheme.Thread, handshake, raiseError scheme.Value) (scheme.Value, error)
	// Addrs returns the local and remote addresses (nil when unknown).
	Addrs() (local, remote net.Addr)
	// NodeService returns the node and service given at creation ("" = #f).
	NodeService() (node, service string)
	// SetNonblocking switches the mode; Nonblocking reports it.
	SetNonblocking(ctx context.Context, on bool) error
	Nonblocking() bool
	// SetReadTimeout sets the read timeout (0 = none); ReadTimeout reads it.
	SetReadTimeout(d time.Duration)
	ReadTimeout() time.Duration
	// Ready reports whether a read (or accept) would not block.
	Ready(ctx context.Context) bool
	// Ports returns an input port and an output port over the socket;
	// closing the input port closes the socket when closeSocket is set.
	Ports(closeSocket bool) (in, out *scheme.Port)
}
