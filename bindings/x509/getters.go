// Sagittarius's (rfc x509) accessors: x509-certificate-get-version … -get-public-key, and check-validity.

package x509

import (
	stdx509 "crypto/x509"
	stdasn1 "encoding/asn1"

	"golang.org/x/crypto/cryptobyte"
	"golang.org/x/crypto/cryptobyte/asn1"

	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/scheme"
)

// signatureAlgorithmOID is the OID of the certificate's outer
// signatureAlgorithm (RFC 5280 §4.1.1.2), as dotted text.
func signatureAlgorithmOID(c *stdx509.Certificate) scheme.Value {
	in := cryptobyte.String(c.Raw)
	var cert, alg cryptobyte.String
	var oid stdasn1.ObjectIdentifier
	if !in.ReadASN1(&cert, asn1.SEQUENCE) || !cert.SkipASN1(asn1.SEQUENCE) ||
		!cert.ReadASN1(&alg, asn1.SEQUENCE) || !alg.ReadASN1ObjectIdentifier(&oid) {
		return scheme.False
	}
	return scheme.NewString(oid.String())
}

func getters() []scheme.Proc {
	const sag = "sagittarius (rfc x509)"
	get := func(name, doc string, f func(*stdx509.Certificate) scheme.Value) scheme.Proc {
		return scheme.Proc{Name: name, Spec: sag, Sig: "(" + name + " x509)", Args: req("x509"), Doc: doc, Fn: certProc(name, f)}
	}
	return []scheme.Proc{
		get("x509-certificate-get-version", "The certificate's version (3 for X.509 v3).", func(c *stdx509.Certificate) scheme.Value { return scheme.Fixnum(c.Version) }),
		get("x509-certificate-get-serial-number", "Same as x509-certificate-serial-number.", serialNumber),
		get("x509-certificate-get-issuer-dn", "Same as x509-certificate-issuer-dn (an x509-name; x509-name->string gives its text).", issuerDN),
		get("x509-certificate-get-subject-dn", "Same as x509-certificate-subject-dn.", subjectDN),
		get("x509-certificate-get-not-before", "The start of the validity period (a date).", func(c *stdx509.Certificate) scheme.Value { return &Date{T: c.NotBefore} }),
		get("x509-certificate-get-not-after", "The end of the validity period (a date).", func(c *stdx509.Certificate) scheme.Value { return &Date{T: c.NotAfter} }),
		get("x509-certificate-get-signature", "The issuer's signature over the certificate (a bytevector).", func(c *stdx509.Certificate) scheme.Value {
			return &scheme.Bytevector{B: append([]byte(nil), c.Signature...)}
		}),
		get("x509-certificate-get-signature-algorithm", "The OID of the signature algorithm, as a string (\"1.2.840.10045.4.3.2\" for ECDSA with SHA-256).", signatureAlgorithmOID),
		get("x509-certificate-get-public-key", "The certificate's public key (a <public-key> of (sagittarius crypto keys)).", func(c *stdx509.Certificate) scheme.Value {
			return &sagcrypto.PublicKey{K: c.PublicKey}
		}),
		{Name: "check-validity", Spec: sag, Sig: "(check-validity x509 :optional date)", Args: scheme.Params{Required: []string{"x509"}, Optional: []string{"date"}},
			Doc: "#t when date (default now) is within the certificate's validity period; an &assertion violation otherwise.", Fn: checkValidity},
	}
}

// checkValidity implements check-validity.
func checkValidity(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "check-validity"
	c, at, err := certAndDate(who, a)
	if err != nil {
		return nil, err
	}
	switch {
	case at.Before(c.NotBefore):
		return nil, scheme.NewError(who, "certificate not yet valid", []scheme.Value{a[0], &Date{T: at}}, "assertion")
	case at.After(c.NotAfter):
		return nil, scheme.NewError(who, "certificate expired", []scheme.Value{a[0], &Date{T: at}}, "assertion")
	}
	return scheme.True, nil
}
