// Package ports is the TLS connection engine of spec §0.4: one [Conn] per
// connection, plus the plain TCP pair [TCP] that STARTTLS starts from.
//
// # Main types
//
// [Conn] wraps a *tls.Conn over a framing reader over the raw net.Conn. The
// framing reader (framing.go) never hands tls.Conn bytes past the TLS
// record being read, serves bytes carried over from a plaintext read-ahead
// buffer first, and records raw EOF; so STARTTLS loses no pipelined bytes,
// [Conn.Unwrap] can return what followed the peer's close_notify, and a
// clean close is told from truncation. [TCP] is the (chicken tcp) pair; both
// share one buffered reader/writer implementation.
//
// # Entry points
//
// [Client], [Server] and [StartTLS] create lazy connections from a
// *tlsctx.ConnConfig snapshot and [Options]. [NewTCP] wraps a plaintext
// socket; [TCP.Detach] hands its socket and read-ahead bytes to StartTLS.
// The root package tlsport (github.com/tlsport/tlsport) has the one-call
// forms: Dial, Listen, Client, Server.
//
// # A net.Conn
//
// [Conn] is a net.Conn: [Conn.Read], [Conn.Write] (which flushes),
// [Conn.Close], the addresses and [Conn.SetDeadline],
// [Conn.SetReadDeadline], [Conn.SetWriteDeadline] with net.Conn's
// semantics (a deadline applies to blocked calls too; a read or write
// timeout leaves the connection usable: a write cut short keeps the part
// of a record it had begun and sends it first next time, where crypto/tls
// fails for good), plus [Conn.CloseWrite] and [Conn.ConnectionState] as
// *tls.Conn has. So bufio, io.Copy, net/textproto and net/http work on it
// directly. The context-taking methods ([Conn.ReadContext],
// [Conn.WriteContext], [Conn.CloseWriteContext], ReadLine …) are the same
// operations cancellable by a context.Context; the deadlines bound them
// too.
//
// [Select] polls many connections, TCP pairs and acceptors until one is
// ready (ssl-port-select). [DialAsync] returns an [AsyncConn] that is
// usable while its TCP connection is still being dialled (twapi -async).
// Options.OnRecord receives every TLS record read or written, with the
// plaintext handshake message types ([Record], trace.go): the tcltls
// message callback.
//
// # Lifecycle
//
// The handshake runs on the first read, write, flush, [Conn.Ready], peer
// query or explicit [Conn.Handshake], bounded by Options.HandshakeTimeout
// ([DefaultHandshakeTimeout] when zero, none with [NoTimeout]); its
// failure is sticky. [Conn.SetBlocking](false) switches to the
// non-blocking model of spec §3.4 (background handshake, ~1 ms poll reads,
// a 64 KiB send queue drained by a writer goroutine). [Conn.CloseWrite]
// half-closes, [Conn.Unwrap] ends TLS but keeps the socket, [Conn.Close]
// sends close_notify and closes; no goroutine outlives Close.
//
// # Memory
//
// Read-ahead buffers (64 KiB, framing reader and input buffer) come from a
// shared pool when a read needs one and go back as soon as their bytes are
// consumed; a reader with nothing buffered waits for the next record
// without one, and with nothing held the framing reader reads straight
// into crypto/tls's record buffer. An idle connection thus costs what a
// bare *tls.Conn costs (BenchmarkIdleMemory). Output is buffered only with
// Options.BufferSize; a write cut short keeps at most the ciphertext of
// 16 KiB of plaintext (crypto/tls is fed a record's worth at a time) until
// it is sent.
//
// # Concurrency
//
// One goroutine may read while another writes; Close and the introspection
// methods may be called from any goroutine. Every blocking operation is
// bounded: the context-taking methods by their context.Context, whose
// cancellation interrupts them (a read or write interrupted this way
// leaves the connection usable, like a timeout), the net.Conn methods by the
// deadlines, and all of them by the Options timeouts.
//
// # Errors
//
// Every error is a *conditions.Error built by conditions.Classify with the
// engine's state (raw EOF seen, close_notify received, ragged-EOF policy),
// except a clean end of stream on read, which is io.EOF. Timeouts are
// (exn i/o net timeout) conditions; a cancelled context gives status
// syscall wrapping context.Canceled (errors.Is works).
package ports
