// Verification results (spec §2.3): OpenSSL verify codes, the mapping from
// crypto/x509 errors, and the error types of the engine verification path.

package conditions

import (
	"bytes"
	"cmp"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"time"
)

// OpenSSL X509_V_* verification codes used by tlsport (spec §2.3).
const (
	VerifyOK                         = 0
	VerifyUnspecified                = 1
	VerifyUnableToGetCRL             = 3
	VerifyCRLSignatureFailure        = 8
	VerifyCertNotYetValid            = 9
	VerifyCertHasExpired             = 10
	VerifyCRLNotYetValid             = 11
	VerifyCRLHasExpired              = 12
	VerifyDepthZeroSelfSigned        = 18
	VerifySelfSignedInChain          = 19
	VerifyUnableToGetLocalIssuer     = 20
	VerifyCertRevoked                = 23
	VerifyInvalidCA                  = 24
	VerifyPathLengthExceeded         = 25
	VerifyInvalidPurpose             = 26
	VerifySubjectIssuerMismatch      = 29
	VerifyUnhandledCriticalExtension = 34
	VerifyPermittedViolation         = 47
	VerifyApplication                = 50
	VerifyHostnameMismatch           = 62
	VerifyIPAddressMismatch          = 64
	VerifyEEKeyTooSmall              = 66
	VerifyCAKeyTooSmall              = 67
	VerifyCAMDTooWeak                = 68
	VerifyOCSPVerifyNeeded           = 73
	VerifyOCSPVerifyFailed           = 74
	VerifyOCSPCertUnknown            = 75
)

// VerifyCodeInfo returns the verify-error symbol and the OpenSSL message of
// a verification code; unknown codes map to the code-1 texts.
func VerifyCodeInfo(code int) (sym, msg string) {
	switch code {
	case VerifyOK:
		return "ok", "ok"
	case VerifyUnableToGetCRL:
		return "unable-to-get-crl", "unable to get certificate CRL"
	case VerifyCRLSignatureFailure:
		return "crl-signature-failure", "CRL signature failure"
	case VerifyCRLNotYetValid:
		return "crl-not-yet-valid", "CRL is not yet valid"
	case VerifyCRLHasExpired:
		return "crl-has-expired", "CRL has expired"
	case VerifyCertRevoked:
		return "certificate-revoked", "certificate revoked"
	case VerifyOCSPVerifyNeeded:
		return "ocsp-verify-needed", "OCSP verification needed"
	case VerifyOCSPVerifyFailed:
		return "ocsp-verify-failed", "OCSP verification failed"
	case VerifyOCSPCertUnknown:
		return "ocsp-cert-unknown", "OCSP unknown cert"
	case VerifyCertNotYetValid:
		return "certificate-not-yet-valid", "certificate is not yet valid"
	case VerifyCertHasExpired:
		return "certificate-has-expired", "certificate has expired"
	case VerifyDepthZeroSelfSigned:
		return "depth-zero-self-signed-cert", "self-signed certificate"
	case VerifySelfSignedInChain:
		return "self-signed-cert-in-chain", "self-signed certificate in certificate chain"
	case VerifyUnableToGetLocalIssuer:
		return "unable-to-get-local-issuer-certificate", "unable to get local issuer certificate"
	case VerifyInvalidCA:
		return "invalid-ca", "invalid CA certificate"
	case VerifyPathLengthExceeded:
		return "path-length-exceeded", "path length constraint exceeded"
	case VerifyInvalidPurpose:
		return "invalid-purpose", "unsuitable certificate purpose"
	case VerifySubjectIssuerMismatch:
		return "subject-issuer-mismatch", "subject issuer mismatch"
	case VerifyUnhandledCriticalExtension:
		return "unhandled-critical-extension", "unhandled critical extension"
	case VerifyPermittedViolation:
		return "permitted-violation", "permitted subtree violation"
	case VerifyApplication:
		return "application-verification", "application verification failure"
	case VerifyHostnameMismatch:
		return "hostname-mismatch", "hostname mismatch"
	case VerifyIPAddressMismatch:
		return "ip-address-mismatch", "IP address mismatch"
	case VerifyEEKeyTooSmall:
		return "ee-key-too-small", "EE certificate key too weak"
	case VerifyCAKeyTooSmall:
		return "ca-key-too-small", "CA certificate key too weak"
	case VerifyCAMDTooWeak:
		return "ca-md-too-weak", "CA signature digest algorithm too weak"
	}
	return "unspecified", "unspecified certificate verification error"
}

// VerifyFromX509 maps a crypto/x509 verification error (possibly wrapped,
// e.g. in a *tls.CertificateVerificationError) to the OpenSSL code, symbol,
// message, depth (none when no certificate is blamed) and blamed certificate of spec §2.3. chain is the chain
// the peer presented (leaf first; may be nil), verifyName the name used for
// hostname verification ("" if unknown). A nil err yields code 0.
func VerifyFromX509(err error, chain []*x509.Certificate, verifyName string) (code int, sym, msg string, depth Opt, cert *x509.Certificate) {
	return VerifyFromX509At(err, chain, verifyName, time.Time{})
}

// VerifyFromX509At is [VerifyFromX509] for a verification run as of time
// at (x509.VerifyOptions.CurrentTime; zero = now): a validity-period
// failure is "not yet valid" when at is before the certificate's NotBefore,
// else "expired".
func VerifyFromX509At(err error, chain []*x509.Certificate, verifyName string, at time.Time) (code int, sym, msg string, depth Opt, cert *x509.Certificate) {
	code, depth, cert = verifyCode(err, chain, verifyName, at)
	sym, msg = VerifyCodeInfo(code)
	return code, sym, msg, depth, cert
}

func verifyCode(err error, chain []*x509.Certificate, verifyName string, at time.Time) (int, Opt, *x509.Certificate) {
	if at.IsZero() {
		at = time.Now()
	}
	var leaf *x509.Certificate
	if len(chain) > 0 {
		leaf = chain[0]
	}
	if err == nil {
		return VerifyOK, Opt{}, nil
	}
	var ve *VerifyError
	if errors.As(err, &ve) {
		return ve.Code, Some(ve.Depth), ve.Cert
	}
	var uae x509.UnknownAuthorityError
	if errors.As(err, &uae) {
		if len(chain) == 1 && IsSelfSigned(chain[0]) {
			return VerifyDepthZeroSelfSigned, Some(0), chain[0]
		}
		if n := len(chain); n > 1 && IsSelfSigned(chain[n-1]) {
			return VerifySelfSignedInChain, Some(n - 1), chain[n-1]
		}
		c := cmp.Or(uae.Cert, leaf)
		return VerifyUnableToGetLocalIssuer, Some(depthOf(c, chain)), c
	}
	var sre x509.SystemRootsError
	if errors.As(err, &sre) {
		return VerifyUnableToGetLocalIssuer, Some(0), leaf
	}
	var cie x509.CertificateInvalidError
	if errors.As(err, &cie) {
		c := cmp.Or(cie.Cert, leaf)
		d := depthOf(c, chain)
		switch cie.Reason {
		case x509.Expired:
			if c != nil && at.Before(c.NotBefore) {
				return VerifyCertNotYetValid, Some(d), c
			}
			return VerifyCertHasExpired, Some(d), c
		case x509.NotAuthorizedToSign:
			return VerifyInvalidCA, Some(d), c
		case x509.TooManyIntermediates:
			return VerifyPathLengthExceeded, Some(d), c
		case x509.IncompatibleUsage, x509.CANotAuthorizedForExtKeyUsage:
			return VerifyInvalidPurpose, Some(d), c
		case x509.NameMismatch:
			return VerifySubjectIssuerMismatch, Some(d), c
		case x509.CANotAuthorizedForThisName, x509.UnconstrainedName, x509.TooManyConstraints, x509.NameConstraintsWithoutSANs:
			return VerifyPermittedViolation, Some(d), c
		}
		return VerifyUnspecified, Some(d), c
	}
	var cve x509.ConstraintViolationError
	if errors.As(err, &cve) {
		return VerifyPermittedViolation, Some(0), leaf
	}
	var uce x509.UnhandledCriticalExtension
	if errors.As(err, &uce) {
		return VerifyUnhandledCriticalExtension, Some(0), leaf
	}
	var iae x509.InsecureAlgorithmError
	if errors.As(err, &iae) {
		return VerifyCAMDTooWeak, Some(0), leaf
	}
	var he x509.HostnameError
	if errors.As(err, &he) {
		c := cmp.Or(he.Certificate, leaf)
		host := he.Host
		if host == "" {
			host = verifyName
		}
		if isIPLiteral(host) {
			return VerifyIPAddressMismatch, Some(0), c
		}
		return VerifyHostnameMismatch, Some(0), c
	}
	var cbe *CallbackError
	if errors.As(err, &cbe) {
		return VerifyApplication, cbe.Depth, cbe.Cert
	}
	return VerifyUnspecified, Some(0), leaf
}

func isIPLiteral(host string) bool {
	h := host
	if len(h) > 2 && h[0] == '[' && h[len(h)-1] == ']' {
		h = h[1 : len(h)-1]
	}
	return net.ParseIP(h) != nil
}

// depthOf returns the index of c in chain, or 0 when absent.
func depthOf(c *x509.Certificate, chain []*x509.Certificate) int {
	if c == nil {
		return 0
	}
	for i, x := range chain {
		if x == c || x.Equal(c) {
			return i
		}
	}
	return 0
}

// IsSelfSigned reports whether c's issuer equals its subject and c's
// signature verifies with its own public key.
func IsSelfSigned(c *x509.Certificate) bool {
	if c == nil || !bytes.Equal(c.RawIssuer, c.RawSubject) {
		return false
	}
	return c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}

// VerifyError is returned by the engine verification (tlsctx
// VerifyConnection) when a peer certificate fails verification and
// enforcement is on. Classify turns it into status ssl with verify-*
// properties (spec §2.2 step 7).
type VerifyError struct {
	Code  int               // OpenSSL verify code (§2.3)
	Depth int               // depth of the blamed certificate
	Cert  *x509.Certificate // the blamed certificate (may be nil)
	Err   error             // the x509 cause, if any
	// Detail, when set, replaces the code's OpenSSL message in
	// verify-message (e.g. "certificate revoked (keyCompromise)").
	Detail string
}

// Message returns Detail, or the OpenSSL message of Code.
func (e *VerifyError) Message() string {
	if e.Detail != "" {
		return e.Detail
	}
	_, msg := VerifyCodeInfo(e.Code)
	return msg
}

// Error returns "tlsport: certificate verify failed: <message>".
func (e *VerifyError) Error() string {
	msg := e.Message()
	if e.Err != nil {
		return fmt.Sprintf("tlsport: certificate verify failed: %s: %v", msg, e.Err)
	}
	return "tlsport: certificate verify failed: " + msg
}

// Unwrap returns the x509 cause.
func (e *VerifyError) Unwrap() error { return e.Err }

// CallbackError records that a user callback raised or rejected (spec §2.2
// step 5). Cause is the raised Scheme condition or Go value (nil for a
// plain rejection); Verify is true when it came from a verify-type
// callback, in which case Depth and Cert name the certificate.
type CallbackError struct {
	Cause  any               // what the callback raised or returned
	Verify bool              // raised by a verification callback (verify-callback, verifier)
	Depth  Opt               // chain depth being verified, none when no certificate is
	Cert   *x509.Certificate // certificate being verified, nil when none
	Name   string            // callback name for the message, e.g. "verify callback"
}

// Error describes the failure.
func (e *CallbackError) Error() string {
	name := e.Name
	if name == "" {
		name = "callback"
	}
	if e.Cause == nil {
		return "tlsport: " + name + " rejected the connection"
	}
	return fmt.Sprintf("tlsport: %s failed: %v", name, e.Cause)
}
