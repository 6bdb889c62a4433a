// Package rfctls is the Sagittarius (rfc tls) library of spec §1.2: TLS
// sockets over the same connection engine ([ports.Conn]) as the (openssl)
// SSL ports.
//
// # Values
//
// A [TLSSocket] is a client connection, an accepted server connection or
// a listening server socket. It implements [socket.Endpoint], so the
// (sagittarius socket) procedures (socket-send, socket-recv, socket-close,
// socket-accept, selects, ports …) work on it as well as on plain
// sockets: the integration methods of §1.2.7 are one generic dispatch.
//
// # Lifecycle
//
// Each socket gets its own [tlsctx.Context] built from its keyword
// arguments; the connection snapshot is taken at creation. Handshakes are
// eager unless :handshake #f; a failed handshake is stored (tls-socket-error)
// and re-raised by later operations. Closing sends close_notify when the
// handshake completed.
//
// # Errors
//
// Failures are the §0.5 condition plus kind socket (socket-error-socket),
// &socket-read-timeout for read timeouts and &socket-closed for I/O on a
// closed socket or after the peer's close_notify. Wrong argument types
// carry R6RS &assertion as well as (exn type).
package rfctls
