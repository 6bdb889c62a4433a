// Package openssl is the Scheme library (openssl) of spec §1.1 — the
// CHICKEN openssl egg with Racket's additions — and its extension library
// (openssl ext) of spec §1.3, over the connection engine ([ports.Conn])
// and the contexts of package tlsctx. [Library] and [ExtLibrary] are the
// binding tables the interpreter registers.
//
// The egg's defaults are set explicitly here, never inherited from the Go
// API: ssl-make-client-context and a protocol symbol given to ssl-connect
// make contexts that verify nothing, while ssl-make-client-context*,
// ssl-connect* and ssl-secure-client-context verify the chain and the
// host name.
//
// # Files
//
// Certificates, keys, CA files and directories, CRLs and sessions are
// read by tlsctx under the calling thread's own context
// ([scheme.Thread.Context]), so a FIFO or a device such as /dev/stdin
// never waits past a timeout, Ctrl-C or the thread's termination (see
// tlsctx.ReadFile). A wake-up (thread-signal!) does not end such a read,
// as it does not end a handshake: the call could not be made again
// without reading a FIFO twice, whose data once read is gone (and a
// procedure may have read other files before). The thread's handler runs
// once the read has ended.
package openssl
