// Certificate procedures shared by (openssl ext) and (rfc x509): the
// predicate, the DER encoding and one-argument accessors (spec §1.3.5).

package tlsval

import (
	"crypto/x509"

	"github.com/tlsport/tlsport/scheme"
)

// CertificateP is the primitive of ssl-certificate? and x509-certificate?:
// #t for a certificate object.
func CertificateP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, ok := args[0].(*Certificate)
	return scheme.MakeBool(ok), nil
}

// CertificateDER returns a fresh bytevector holding the DER encoding of c.
func CertificateDER(c *x509.Certificate) scheme.Value {
	return &scheme.Bytevector{B: append([]byte(nil), c.Raw...)}
}

// CertificateAccessor returns the primitive named who that applies get to
// its certificate argument; any other argument is an (exn type) error
// expecting expected (plus the calling library's TypeKinds).
func CertificateAccessor(who, expected string, get func(*x509.Certificate) scheme.Value) scheme.PrimFn {
	return func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
		c, ok := args[0].(*Certificate)
		if !ok {
			return nil, scheme.TypeError(who, 1, expected, args[0])
		}
		return get(c.C), nil
	}
}
