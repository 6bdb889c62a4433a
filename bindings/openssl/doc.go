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
package openssl
