// Package tlsport opens TLS connections that are also buffered ports: the
// one-call entry points [Dial], [DialContext], [Dialer], [Listen], [Client]
// and [Server], as crypto/tls has, over the packages that do the work.
//
// A connection is a *ports.Conn, which is a net.Conn (usable with bufio,
// io.Copy, net/http and net/textproto) and adds line, character and
// byte reads, explicit flushing, half-close, STARTTLS unwrap and
// context-taking variants of every blocking call. A listener is a
// *listener.Listener, which is a net.Listener.
//
// # Secure and bounded by default
//
// A client made here verifies the server's certificate chain and its host
// name, taken from the address dialled or the serverName given, exactly
// as crypto/tls does with a nil config; nil for the context means the
// system trust store ([DefaultClientContext]). Turning verification off
// is an explicit call on a context:
// [tlsctx.Context.SetInsecureSkipVerify] or
// [tlsctx.Context.SetInsecureSkipHostname]. Every handshake is bounded by
// [ports.DefaultHandshakeTimeout] unless the options say otherwise.
//
// # The packages underneath
//
//   - conditions: the typed errors (*conditions.Error, the (exn i/o net
//     openssl) conditions of the Scheme bindings);
//   - context (package tlsctx): client and server contexts — trust,
//     certificates, ciphers, ALPN, callbacks, verification time;
//   - ports: the connection engine (ports.Conn, ports.Options, STARTTLS);
//   - listener: the TLS listener.
//
// Errors returned by this package are *conditions.Error values.
package tlsport
