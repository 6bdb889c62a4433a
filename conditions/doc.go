// Package conditions defines the condition type every tlsport package
// returns and the classifier that maps Go crypto/tls, crypto/x509 and net
// errors onto it (spec §0.5 and §2).
//
// # Main types
//
// [Error] carries the kinds of a CHICKEN composite condition (for example
// exn i/o net openssl) and every property of spec §0.5. [Status] is the
// openssl.status value. A field that does not apply holds its zero value,
// which means none (#f in Scheme); the numeric properties whose 0 is a
// real value (alert, verify-code, depth, timeout.ms) are an [Opt]: build
// one with [Some] or [Millis], read it with [Opt.Get].
//
// # Entry points
//
// [Classify] implements the ordered algorithm of spec §2.2. The
// constructors [Timeout], [Unsupported], [Config], [Closed], [Want],
// [TypeError] and [VerifyFailure] build conditions directly. Inside
// crypto/tls callbacks, return a [*VerifyError] (engine verification
// failure) or a [*CallbackError] (a user callback raised or rejected);
// Classify recognises them. [VerifyFromX509] maps crypto/x509 errors to
// OpenSSL verify codes (spec §2.3).
//
// # Concurrency
//
// Conditions are immutable after construction and safe to share.
package conditions
