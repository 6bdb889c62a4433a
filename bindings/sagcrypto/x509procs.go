// The procedures of (sagittarius crypto x509): certificates, names, validities, algorithm identifiers, public key infos, attributes and extensions.

package sagcrypto

import (
	"bytes"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"time"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

// maxX509DER is the longest certificate, CSR or CRL read from a port.
const maxX509DER = 16 << 20

// derCodec is a kind of DER value (certificates, CSRs, CRLs): its name in
// errors, its parser and its encoding.
type derCodec struct {
	what  string
	parse func(who string, der []byte) (scheme.Value, error)
	der   func(v scheme.Value) []byte
}

// fromBytevector is the bytevector->… procedure who.
func (c derCodec) fromBytevector(who string) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return c.parse(who, bytesOf(a[0])) }
}

// read is the read-… procedure who: one DER element of a binary input port.
func (c derCodec) read(who string) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		der, err := readDERInput(th, who, c.what, a[0], 0, maxX509DER)
		if err != nil {
			return nil, err
		}
		return c.parse(who, der)
	}
}

// write is the write-… procedure who.
func (c derCodec) write(who string) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		return writeDER(th, who, c.der(a[0]), a[1])
	}
}

// toBytevector is the …->bytevector procedure.
func (c derCodec) toBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return bytevector(c.der(a[0])), nil
}

// The DER values of (sagittarius crypto x509).
var (
	certCodec = derCodec{"certificate", parseCertificate, func(v scheme.Value) []byte { return certOf(v).Raw }}
	csrCodec  = derCodec{"certification request", parseCSR, func(v scheme.Value) []byte { return csrOf(v).Raw }}
	crlCodec  = derCodec{"CRL", parseCRL, func(v scheme.Value) []byte { return crlOf(v).Raw }}
)

// writeDER writes der to the optional binary output port out (default the
// current output port).
func writeDER(th *scheme.Thread, who string, der []byte, out scheme.Value) (scheme.Value, error) {
	if scheme.IsDefault(out) {
		out = th.Param(scheme.CurrentOutputPort)
	}
	p, ok := out.(*scheme.Port)
	if !ok || !p.IsOutput() || !p.IsBinary() {
		return nil, scheme.TypeError(who, 2, "binary output port", out)
	}
	if !p.OutputOpen() {
		return nil, scheme.NewError(who, "output port is closed", []scheme.Value{p}, "i/o")
	}
	if err := p.Write(th.Context(), der); err != nil {
		return nil, scheme.NewError(who, "writing: "+err.Error(), []scheme.Value{p}, "i/o")
	}
	return scheme.Unspecified, nil
}

func parseCertificate(who string, der []byte) (scheme.Value, error) {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, scheme.NewError(who, "invalid X.509 certificate: "+err.Error(), nil)
	}
	return &tlsval.Certificate{C: c}, nil
}

func certOf(v scheme.Value) *x509.Certificate { return v.(*tlsval.Certificate).C }

// x509CertificateExpiredP implements x509-certificate-expired?.
func x509CertificateExpiredP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	at, err := whenArg("x509-certificate-expired?", 2, a[1])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(at.After(certOf(a[0]).NotAfter)), nil
}

// certGetter is a one-argument certificate accessor.
func certGetter(get func(c *x509.Certificate) scheme.Value) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return get(certOf(a[0])), nil }
}

func signatureOf(der []byte) scheme.Value {
	s, ok := parseSigned(der)
	if !ok {
		return scheme.False
	}
	return bytevector(s.Signature.RightAlign())
}

// validate calls each validator (a rest list) with v; a validator signals
// an error when v is not valid.
func validate(th *scheme.Thread, v, validators scheme.Value) (scheme.Value, error) {
	vs, _ := scheme.ListToSlice(validators)
	for _, f := range vs {
		if _, err := th.Call(f, v); err != nil {
			return nil, err
		}
	}
	return scheme.True, nil
}

// validator is a procedure of one argument named who.
func validator(who, arg string, t *scheme.Type, check func(v scheme.Value) error) scheme.Value {
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: who, Args: scheme.Lambda(scheme.Req(arg, t)),
		Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			if err := check(a[0]); err != nil {
				return nil, err
			}
			return a[0], nil
		}})
}

// signatureCheck is a validator's check of the signature of a signed
// structure with pub.
func signatureCheck(who, what string, der []byte, pub any) error {
	ok, err := verifySigned(who, der, pub)
	if err == nil && !ok {
		err = scheme.NewError(who, what+" signature is not valid", nil)
	}
	return err
}

// validateX509Certificate implements validate-x509-certificate.
func validateX509Certificate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return validate(th, a[0], a[1])
}

// x509CertificateSignatureValidator implements x509-certificate-signature-validator.
func x509CertificateSignatureValidator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	pub := a[0].(*PublicKey).K
	const who = "x509-certificate-signature-validator"
	return validator(who, "certificate", tlsval.TypeCertificate, func(v scheme.Value) error {
		return signatureCheck(who, "certificate", certOf(v).Raw, pub)
	}), nil
}

// x509CertificateValidityValidator implements x509-certificate-validity-validator.
func x509CertificateValidityValidator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "x509-certificate-validity-validator"
	given := !scheme.IsDefault(a[0])
	at, err := whenArg(who, 1, a[0])
	if err != nil {
		return nil, err
	}
	return validator(who, "certificate", tlsval.TypeCertificate, func(v scheme.Value) error {
		c, when := certOf(v), at
		if !given {
			when = time.Now()
		}
		switch {
		case when.Before(c.NotBefore):
			return scheme.NewError(who, "certificate is not yet valid", []scheme.Value{v, dateOf(when)})
		case when.After(c.NotAfter):
			return scheme.NewError(who, "certificate has expired", []scheme.Value{v, dateOf(when)})
		}
		return nil
	}), nil
}

// signedBy reports whether der, of issuer name issuer, is signed by ca.
func signedBy(who string, der, issuer []byte, ca *x509.Certificate) (bool, error) {
	if !sameName(issuer, ca.RawSubject) {
		return false, nil
	}
	return verifySigned(who, der, ca.PublicKey)
}

// sameName compares two DER names: equal bytes, or equal strings.
func sameName(a, b []byte) bool {
	return bytes.Equal(a, b) || nameString(a) != "" && nameString(a) == nameString(b)
}

// x509CertificateSignedByP implements x509-certificate-signed-by?.
func x509CertificateSignedByP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := certOf(a[0])
	ok, err := signedBy("x509-certificate-signed-by?", c.Raw, c.RawIssuer, certOf(a[1]))
	return scheme.MakeBool(ok), err
}

// x509CertificateRevokedP implements x509-certificate-revoked?.
func x509CertificateRevokedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "x509-certificate-revoked?"
	c, ca, crl := certOf(a[0]), certOf(a[1]), a[2].(*CRL).L
	at, err := whenArg(who, 4, a[3])
	if err != nil {
		return nil, err
	}
	ok, err := signedBy(who, crl.Raw, crl.RawIssuer, ca)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, scheme.NewError(who, "the CRL is not issued by the CA certificate", []scheme.Value{a[2], a[1]})
	}
	if !sameName(c.RawIssuer, crl.RawIssuer) {
		return scheme.False, nil
	}
	for _, e := range crl.RevokedCertificateEntries {
		if e.SerialNumber.Cmp(c.SerialNumber) == 0 && !e.RevocationTime.After(at) {
			return scheme.True, nil
		}
	}
	return scheme.False, nil
}

// signCertificate implements sign-x509-certificate-template over
// crypto/x509's CreateCertificate.
func signX509CertificateTemplate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "sign-x509-certificate-template"
	t := a[0].(*CertificateTemplate)
	alg, signer, err := signArgs(who, a, "private-key")
	if err != nil {
		return nil, err
	}
	if alg.goAlg == x509.UnknownSignatureAlgorithm {
		return nil, Unsupported(who, alg.name+" certificates are not supported: Go's crypto/x509 cannot sign them", a[1])
	}
	if !alg.keyFits(signer.Public()) {
		return nil, scheme.NewError(who, "the key is "+algorithm(signer.Public())+", which cannot sign "+alg.name, nil, "type")
	}
	if t.hasIssuerUID || t.hasSubUID {
		return nil, Unsupported(who, "issuer-unique-id and subject-unique-id are not supported: Go's crypto/x509 cannot write them", a[0])
	}
	tmpl := &x509.Certificate{SerialNumber: t.Serial, RawSubject: t.Subject, NotBefore: t.NotBefore, NotAfter: t.NotAfter,
		SignatureAlgorithm: alg.goAlg, ExtraExtensions: t.Extensions}
	parent := &x509.Certificate{RawSubject: t.Issuer, PublicKey: signer.Public()}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, t.Public, signer)
	if err != nil {
		return nil, scheme.NewError(who, "cannot make the certificate: "+err.Error(), []scheme.Value{a[0]})
	}
	return parseCertificate(who, der)
}

// x509NameP implements x509-name?.
func x509NameP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*X509Name](a[0]), nil
}

// nameFromComponents makes an x509-name of (key value) lists.
func nameFromComponents(who string, pos int, comps []scheme.Value) (scheme.Value, error) {
	var rdns []rdn
	for _, c := range comps {
		l, ok := scheme.ListToSlice(c)
		if !ok || len(l) != 2 {
			return nil, scheme.TypeError(who, pos, "component (symbol-or-oid-string string)", c)
		}
		oid, ok := attributeOID(tlsval.Str(l[0]))
		v, isString := l[1].(*scheme.String)
		if !ok || !isString {
			return nil, scheme.RangeError(who, pos, "component needs a known name symbol (CN, O …) or an OID string, and a string value", c)
		}
		rdns = append(rdns, rdn{oid: oid, value: v.String()})
	}
	raw, err := encodeName(rdns)
	if err != nil {
		return nil, scheme.NewError(who, "cannot encode the name: "+err.Error(), nil)
	}
	return &X509Name{Raw: raw}, nil
}

// x509NameFn implements x509-name.
func x509NameFn(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	comps, _ := scheme.ListToSlice(a[0])
	return nameFromComponents("x509-name", 1, comps)
}

// listToX509Name implements list->x509-name.
func listToX509Name(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	comps, _ := scheme.ListToSlice(a[0])
	return nameFromComponents("list->x509-name", 1, comps)
}

// x509NameToString implements x509-name->string.
func x509NameToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(nameString(a[0].(*X509Name).Raw)), nil
}

// stringToX509Name implements string->x509-name.
func stringToX509Name(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "string->x509-name"
	rdns, ok := parseDN(a[0].(*scheme.String).String())
	if !ok {
		return nil, scheme.NewError(who, "not a distinguished name of KEY=value components (CN=…,O=…)", []scheme.Value{a[0]})
	}
	raw, err := encodeName(rdns)
	if err != nil {
		return nil, scheme.NewError(who, "cannot encode the name: "+err.Error(), nil)
	}
	return &X509Name{Raw: raw}, nil
}

// makeX509Validity implements make-x509-validity.
func makeX509Validity(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	from, _ := whenArg("make-x509-validity", 1, a[0])
	to, _ := whenArg("make-x509-validity", 2, a[1])
	return &X509Validity{NotBefore: from, NotAfter: to}, nil
}

// makeX509AlgorithmIdentifier implements make-x509-algorithm-identifier.
func makeX509AlgorithmIdentifier(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-x509-algorithm-identifier"
	oid, err := oidString(who, 1, a[0])
	if err != nil {
		return nil, err
	}
	aid := &AlgorithmIdentifier{OID: oid}
	if !scheme.IsDefault(a[1]) {
		bv, ok := a[1].(*scheme.Bytevector)
		var v asn1.RawValue
		if ok {
			rest, err := asn1.Unmarshal(bv.B, &v)
			ok = err == nil && len(rest) == 0
		}
		if !ok {
			return nil, scheme.TypeError(who, 2, "bytevector of one DER element (the parameters)", a[1])
		}
		aid.Params = append([]byte(nil), bv.B...)
	}
	return aid, nil
}

// x509AlgorithmIdentifierParameters implements x509-algorithm-identifier-parameters.
func x509AlgorithmIdentifierParameters(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := a[0].(*AlgorithmIdentifier).Params
	if len(p) == 0 {
		return scheme.False, nil
	}
	return bytevector(p), nil
}

// spki makes the subject-public-key-info of a Go public key.
func spki(who string, k any) (scheme.Value, error) {
	der, err := marshalSPKI(k)
	if err != nil {
		return nil, badKey(who, "public key", err)
	}
	return &SubjectPublicKeyInfo{Raw: der, Key: k}, nil
}

// bytevectorToSubjectPublicKeyInfo implements bytevector->subject-public-key-info.
func bytevectorToSubjectPublicKeyInfo(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "bytevector->subject-public-key-info"
	k, err := parseSPKI(who, bytesOf(a[0]), nil)
	if err != nil {
		return nil, err
	}
	return &SubjectPublicKeyInfo{Raw: append([]byte(nil), bytesOf(a[0])...), Key: k.(*PublicKey).K}, nil
}

// attributeOf makes an x509-attribute of oid whose single value is v.
func attributeOf(oid string, v any) (*X509Attribute, error) {
	der, err := asn1.Marshal(v)
	if err != nil {
		return nil, err
	}
	return &X509Attribute{Type: oid, Values: [][]byte{der}}, nil
}

// The PKCS #9 attribute OIDs.
const (
	oidChallengePassword = "1.2.840.113549.1.9.7"
	oidExtensionRequest  = "1.2.840.113549.1.9.14"
)

// makeX509ChallengePasswordAttribute implements make-x509-challenge-password-attribute.
func makeX509ChallengePasswordAttribute(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	pw := a[0].(*scheme.String).String()
	var v any = pw
	if _, err := asn1.MarshalWithParams(pw, "printable"); err != nil {
		v = asn1.RawValue{Tag: asn1.TagUTF8String, Bytes: []byte(pw)}
	}
	return attributeOf(oidChallengePassword, v)
}

// makeX509ExtensionRequestAttribute implements make-x509-extension-request-attribute.
func makeX509ExtensionRequestAttribute(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-x509-extension-request-attribute"
	exts, err := extensionsArg(who, 1, a[0])
	if err != nil {
		return nil, err
	}
	if exts == nil {
		exts = []pkix.Extension{}
	}
	attr, err := attributeOf(oidExtensionRequest, exts)
	if err != nil {
		return nil, scheme.NewError(who, "cannot encode the extensions: "+err.Error(), nil)
	}
	return attr, nil
}

// x509AttributeToX509ExtensionList implements x509-attribute->x509-extension-list.
func x509AttributeToX509ExtensionList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "x509-attribute->x509-extension-list"
	attr := a[0].(*X509Attribute)
	if attr.Type != oidExtensionRequest {
		return nil, scheme.NewError(who, "not an extension request attribute", []scheme.Value{attr})
	}
	var all []pkix.Extension
	for _, v := range attr.Values {
		var exts []pkix.Extension
		if rest, err := asn1.Unmarshal(v, &exts); err != nil || len(rest) > 0 {
			return nil, scheme.NewError(who, "malformed extension request attribute", []scheme.Value{attr})
		}
		all = append(all, exts...)
	}
	return extensionList(all), nil
}

// ofPredicate is the predicate made by x509-attribute-of and
// x509-extension-of: is the argument a T whose OID is oid?
func ofPredicate[T scheme.Value](who string, a []scheme.Value, oidOf func(T) string) (scheme.Value, error) {
	oid, err := oidString(who, 1, a[0])
	if err != nil {
		return nil, err
	}
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: who, Args: scheme.Lambda(scheme.Req("obj", nil)),
		Fn: func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			x, ok := b[0].(T)
			return scheme.MakeBool(ok && oidOf(x) == oid), nil
		}}), nil
}

// x509AttributeOf implements x509-attribute-of.
func x509AttributeOf(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ofPredicate("x509-attribute-of", a, func(x *X509Attribute) string { return x.Type })
}

// x509ExtensionOf implements x509-extension-of.
func x509ExtensionOf(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ofPredicate("x509-extension-of", a, func(x *X509Extension) string { return x.Id.String() })
}

// extensionOIDs are the *extension:…* constants.
var extensionOIDs = [][2]string{
	{"authority-key-identifier", "2.5.29.35"}, {"subject-key-identifier", "2.5.29.14"}, {"key-usage", "2.5.29.15"},
	{"private-key-usage-period", "2.5.29.16"}, {"certificate-policies", "2.5.29.32"}, {"policy-mappings", "2.5.29.33"},
	{"subject-alt-name", "2.5.29.17"}, {"issuer-alt-name", "2.5.29.18"}, {"subject-directory-attributes", "2.5.29.9"},
	{"basic-constraints", "2.5.29.19"}, {"name-constraints", "2.5.29.30"}, {"policy-constraints", "2.5.29.36"},
	{"ext-key-usage", "2.5.29.37"}, {"crl-distribution-points", "2.5.29.31"}, {"inhibit-any-policy", "2.5.29.54"},
	{"freshest-crl", "2.5.29.46"}, {"authority-info-access", "1.3.6.1.5.5.7.1.1"}, {"subject-info-access", "1.3.6.1.5.5.7.1.11"},
	{"crl-number", "2.5.29.20"}, {"delta-crl-indicator", "2.5.29.27"}, {"issuing-distribution-point", "2.5.29.28"},
	{"crl-reason", "2.5.29.21"}, {"certificate-issuer", "2.5.29.29"}, {"hold-instruction-code", "2.5.29.23"},
	{"invalidity-date", "2.5.29.24"},
}
