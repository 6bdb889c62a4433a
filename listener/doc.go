// Package listener is the TLS listener of spec §1.1.3: TCP accept with deadlines or polling.
//
// A [Listener] pairs a TCP listener with a server [tlsctx.Context]. Accept
// waits for a TCP connection (bounded by a timeout and a context) and
// returns a lazy server [ports.Conn]: the TLS handshake runs on its first
// I/O, so certificate problems (including "tls: no certificates
// configured") surface there, with status ssl. Closing the listener never
// affects accepted connections.
//
// A Listener is safe for concurrent use. Errors are *conditions.Error.
package listener
