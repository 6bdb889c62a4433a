// Package tlsval is where Scheme values and the Go TLS core meet: the one
// shared place for the opaque host values of spec §0.3, the conversion of
// *conditions.Error into Scheme composite conditions (§0.5), the Scheme
// parameters that tune connections (timeouts, buffer size, CA directory),
// the construction of Scheme port pairs over a *ports.Conn or a plain
// *ports.TCP, and the parameter types every TLS binding table uses.
//
// # Arguments
//
// Binding rows declare their parameters with scheme.Lambda; the domain
// types are [TypeName] (string or symbol), [TypeSymbolName],
// [TypeFixnum], [TypePortNumber], [TypeProtocol] and [TypeStrings]. Once
// the runtime has checked them, [Str], [Num] and [StringsOf] read the
// values (#f and absent arguments of scheme.OrFalse types give "" / the
// default); [MS] converts milliseconds (with its range check).
//
// # Values
//
// [Context] (#<ssl-client-context> / #<ssl-server-context>), [Listener]
// (#<ssl-listener>), [TCPListener] (#<tcp-listener>), [Certificate],
// [PrivateKey] and [Session] wrap their Go objects; the Go object is in an
// exported field. [Conn] and [TCPConn] are the Host of a Scheme port pair
// (scheme.Port.Host): both ports of a pair point to the same one.
//
// # Conditions
//
// [Install] registers [Convert] as an error converter of an Interp, so any
// *conditions.Error returned by a primitive becomes the condition of the
// kinds it lists — (exn i/o net openssl) with every §0.5 property,
// (exn i/o net timeout) with timeout.ms, (exn type), (exn) — keeping the Go
// error as the condition's Cause. [Located] sets exn.location.
//
// # Ports
//
// [NewSSLPorts] and [NewTCPPorts] build the input and output port of a
// connection. Closing both ports closes the connection (close_notify for
// TLS); closing only the output port flushes it. [Abandon] makes closing
// leave the connection open.
//
// # Concurrency
//
// Values are safe for concurrent use: the Go objects lock themselves and
// the pair state in Conn/TCPConn is mutex-guarded.
package tlsval
