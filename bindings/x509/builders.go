// The (rfc x509) certificate builders of Sagittarius: make-x509-issuer, make-x509-subject, make-validity, make-x509-basic-certificate.

package x509

import (
	"crypto/rand"
	stdx509 "crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"net"
	"strings"
	"sync"

	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// attributeOIDs are the distinguished-name keys make-x509-issuer accepts.
var attributeOIDs = sync.OnceValue(func() map[string]asn1.ObjectIdentifier {
	return map[string]asn1.ObjectIdentifier{
		"CN": {2, 5, 4, 3}, "SERIALNUMBER": {2, 5, 4, 5}, "C": {2, 5, 4, 6}, "L": {2, 5, 4, 7}, "ST": {2, 5, 4, 8},
		"STREET": {2, 5, 4, 9}, "O": {2, 5, 4, 10}, "OU": {2, 5, 4, 11}, "T": {2, 5, 4, 12}, "GIVENNAME": {2, 5, 4, 42},
		"SURNAME": {2, 5, 4, 4}, "DC": {0, 9, 2342, 19200300, 100, 1, 25}, "UID": {0, 9, 2342, 19200300, 100, 1, 1},
		"E": {1, 2, 840, 113549, 1, 9, 1}, "EMAILADDRESS": {1, 2, 840, 113549, 1, 9, 1},
	}
})

// nameFromAlist builds a distinguished name from ((C . "NL") (CN . "host") …), in order.
func nameFromAlist(who string, v scheme.Value) (*Name, error) {
	l, ok := scheme.ListToSlice(v)
	if !ok {
		return nil, scheme.TypeError(who, 1, "association list of (key . string)", v)
	}
	var rdns pkix.RDNSequence
	for _, e := range l {
		p, ok := e.(*scheme.Pair)
		if !ok {
			return nil, scheme.TypeError(who, 1, "association list of (key . string)", v)
		}
		key := strings.ToUpper(scheme.DisplayString(p.Car))
		oid, ok := attributeOIDs()[key]
		if !ok {
			return nil, scheme.RangeError(who, 1, "unknown name attribute (C, O, OU, CN, L, ST, STREET, SERIALNUMBER, DC, UID, E)", p.Car)
		}
		val, ok := p.Cdr.(*scheme.String)
		if !ok {
			return nil, scheme.TypeError(who, 1, "string value of "+key, p.Cdr)
		}
		rdns = append(rdns, pkix.RelativeDistinguishedNameSET{{Type: oid, Value: val.String()}})
	}
	raw, err := asn1.Marshal(rdns)
	if err != nil {
		return nil, conditions.Config("x509: cannot encode name", err).WithLocation(who)
	}
	return &Name{Raw: raw}, nil
}

// makeX509Issuer implements make-x509-issuer.
func makeX509Issuer(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nameFromAlist("make-x509-issuer", a[0])
}

// makeX509Subject implements make-x509-subject.
func makeX509Subject(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nameFromAlist("make-x509-subject", a[0])
}

// makeValidity implements make-validity.
func makeValidity(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	from, err := dateArg("make-validity", 1, a[0])
	if err != nil {
		return nil, err
	}
	to, err := dateArg("make-validity", 2, a[1])
	if err != nil {
		return nil, err
	}
	if to.T.Before(from.T) {
		return nil, scheme.RangeError("make-validity", 2, "not-after before not-before", a[1])
	}
	return &Validity{NotBefore: from.T, NotAfter: to.T}, nil
}

// makeX509BasicCertificate implements make-x509-basic-certificate: a v3
// certificate for the public key of keypair with the serial number,
// issuer, validity and subject, signed by keypair (or by the optional
// issuer-keypair). A CN that is a host name or an IP address is also put
// in the subject alternative names, so TLS clients can verify it.
func makeX509BasicCertificate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-x509-basic-certificate"
	pub, ok := sagcrypto.Public(a[0])
	if !ok {
		return nil, scheme.TypeError(who, 1, "key-pair", a[0])
	}
	signer, ok := sagcrypto.Signer(a[0])
	if !ok {
		return nil, scheme.TypeError(who, 1, "key-pair", a[0])
	}
	if len(a) > 5 && tlsval.Given(a[5]) {
		if signer, ok = sagcrypto.Signer(a[5]); !ok {
			return nil, scheme.TypeError(who, 6, "key-pair or private key", a[5])
		}
	}
	if !scheme.IsExactInteger(a[1]) || scheme.Sign(a[1]) < 0 {
		return nil, scheme.TypeError(who, 2, "non-negative exact integer serial number", a[1])
	}
	issuer, ok := a[2].(*Name)
	if !ok {
		return nil, scheme.TypeError(who, 3, "x509-name (make-x509-issuer)", a[2])
	}
	validity, err := validityArg(who, a[3])
	if err != nil {
		return nil, err
	}
	subject, ok := a[4].(*Name)
	if !ok {
		return nil, scheme.TypeError(who, 5, "x509-name (make-x509-subject)", a[4])
	}
	serial, _ := new(big.Int).SetString(scheme.WriteString(a[1]), 10)
	tmpl := &stdx509.Certificate{
		SerialNumber: serial, RawSubject: subject.Raw, NotBefore: validity.NotBefore, NotAfter: validity.NotAfter,
		KeyUsage:              stdx509.KeyUsageDigitalSignature | stdx509.KeyUsageKeyEncipherment | stdx509.KeyUsageCertSign,
		ExtKeyUsage:           []stdx509.ExtKeyUsage{stdx509.ExtKeyUsageServerAuth, stdx509.ExtKeyUsageClientAuth},
		BasicConstraintsValid: true,
		IsCA:                  string(issuer.Raw) == string(subject.Raw),
	}
	var rdns pkix.RDNSequence
	if _, err := asn1.Unmarshal(subject.Raw, &rdns); err == nil {
		var n pkix.Name
		n.FillFromRDNSequence(&rdns)
		if cn := n.CommonName; cn != "" {
			if ip := net.ParseIP(cn); ip != nil {
				tmpl.IPAddresses = []net.IP{ip}
			} else if !strings.ContainsAny(cn, " /@") {
				tmpl.DNSNames = []string{cn}
			}
		}
	}
	parent := *tmpl
	parent.RawSubject = issuer.Raw
	der, err := stdx509.CreateCertificate(rand.Reader, tmpl, &parent, pub, signer)
	if err != nil {
		return nil, conditions.Config("x509: cannot create certificate", err).WithLocation(who)
	}
	return parse(who, der)
}
