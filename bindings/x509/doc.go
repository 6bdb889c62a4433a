// Package x509 is the (rfc x509) subset of spec §1.2.8: parse, print and
// inspect X.509 certificates from Scheme, and read them from DER (binary)
// or PEM (textual) ports.
//
// # Values
//
// Certificates are the shared [tlsval.Certificate] (so x509-certificate?
// and the (openssl) library's ssl-certificate? agree). Distinguished names
// are [Name] values printed by x509-name->string in RFC 4514 form. The
// interpreter has no SRFI-19, so validity dates are [Date] values: opaque,
// printing as #<date 2026-01-02T03:04:05Z>, with date->string (ISO 8601,
// UTC), the SRFI-19 field accessors, make-date and current-date.
//
// # Errors
//
// Malformed input raises (exn type assertion) conditions for wrong types
// and (exn i/o net openssl) conditions of status #f for unparsable DER.
package x509
