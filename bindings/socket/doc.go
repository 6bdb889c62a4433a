// Package socket is the (sagittarius socket) subset of spec §1.5: plain
// TCP sockets, their constants (Linux values) and the Sagittarius socket
// conditions, each also carrying the CHICKEN kinds (exn i/o net …).
//
// # Generic dispatch
//
// Every socket-* procedure takes an [Endpoint]. Plain [Socket] values and
// the (rfc tls) <tls-socket> both implement it, which realises the
// integration methods of spec §1.2.7 with one dispatch.
//
// # Conditions
//
// [Error] turns an engine error into the §0.5 condition plus kind socket
// (socket-error-socket), socket-read-timeout for read timeouts and
// socket-closed for I/O on closed sockets; [HostNotFound] and the
// &socket-connection kind come from [Dial]. Wrong argument types and
// ranges are (exn type assertion) / (exn bounds assertion): the
// interpreter's type and range errors with the libraries' TypeKinds;
// assertion-violation? also recognises the interpreter's own type and
// arity errors.
//
// # Concurrency
//
// Sockets are safe for concurrent use; accepts on one server socket are
// serialised.
package socket
