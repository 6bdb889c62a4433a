// Package listener is the TLS listener of spec §1.1.3: TCP accept with deadlines or polling.
//
// A [Listener] pairs a TCP listener with a server [tlsctx.Context].
//
// # Lifecycle
//
// [Listen] binds host:port (port 0 picks a free port, see [Listener.Port]);
// [Wrap] adopts an existing *net.TCPListener. A Listener is a
// net.Listener: [Listener.Accept] returns the next connection as a
// net.Conn (a *ports.Conn), so http.Server.Serve and other net.Listener
// users work on it. [Listener.AcceptContext] waits for a TCP connection,
// bounded by its timeout (not sticky) and its context.Context, takes a per-connection snapshot of the context
// ([tlsctx.Context.ConnConfig], or the replaceable Listener.ConnConfig
// hook) and returns a lazy server [ports.Conn]: the TLS handshake runs on
// its first I/O or explicit Handshake, so certificate problems (including
// "tls: no certificates configured") surface there, with status ssl.
// Later changes to the context affect only later accepts.
// [Listener.AcceptReady] polls for ~1 ms and keeps a found connection for
// the next Accept; [Listener.SetBlocking](false) makes Accept poll and
// return a want-accept condition when nobody is waiting. [Listener.Close]
// is idempotent, closes the socket and any connection kept by AcceptReady,
// and never affects connections already accepted.
//
// # Concurrency
//
// A Listener is safe for concurrent use: raw accepts are serialised, Close
// may be called from any goroutine and interrupts a blocked Accept (which
// then returns the "already closed" condition). Options may be changed
// between Accepts. Each accepted ports.Conn follows the ports package's
// rules and outlives the Listener.
//
// # Errors
//
// Errors are *conditions.Error: (exn i/o net) from [conditions.Net] for
// listen/accept failures, (exn i/o net timeout) for an expired accept,
// want-accept when polling, (exn) "SSL socket already closed" after Close.
package listener
