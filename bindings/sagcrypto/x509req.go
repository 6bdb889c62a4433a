// (sagittarius crypto x509)'s CSRs, CRLs and the template builders of certificates, CSRs and CRLs.

package sagcrypto

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"math/big"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

// builderField is a field of a template builder: its name, whether it
// must be given, and how it sets the template from a value.
type builderField[T any] struct {
	name, alias string // alias: the document's spelling, when it differs
	required    bool
	set         func(who string, t *T, v scheme.Value) error
}

// builderTransform is the Transform of a template builder macro: (builder
// (field value) ...) becomes the call of a procedure that makes the
// template of the values; an unknown or repeated field is a syntax error.
func builderTransform[T any](who string, fields []builderField[T], done func(*T) scheme.Value) func(scheme.Value) (scheme.Value, error) {
	return func(form scheme.Value) (scheme.Value, error) {
		clauses, ok := scheme.ListToSlice(form)
		if !ok {
			return nil, errors.New("expected (" + who + " (field value) ...)")
		}
		var order []int
		var vals []scheme.Value
		for _, c := range clauses[1:] {
			fv, ok := scheme.ListToSlice(c)
			if !ok {
				fv, ok = scheme.ListToSlice(scheme.StripSyntax(c))
			}
			var name string
			if ok && len(fv) == 2 {
				name, ok = scheme.IdentifierName(fv[0])
			}
			idx := -1
			for i, f := range fields {
				if ok && len(fv) == 2 && (f.name == name || f.alias == name) {
					idx = i
				}
			}
			for _, o := range order {
				if o == idx {
					idx = -1
				}
			}
			if idx < 0 {
				return nil, errors.New("unknown or repeated field clause " + scheme.WriteString(scheme.StripSyntax(c)))
			}
			order, vals = append(order, idx), append(vals, fv[1])
		}
		make := scheme.NewPrimitive(nil, &scheme.Proc{Name: who, Args: scheme.Lambda(scheme.Rest("values", nil)),
			Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
				values, _ := scheme.ListToSlice(a[0])
				t := new(T)
				for i, idx := range order {
					if err := fields[idx].set(who, t, values[i]); err != nil {
						return nil, err
					}
				}
				for i, f := range fields {
					given := false
					for _, o := range order {
						given = given || o == i
					}
					if f.required && !given {
						return nil, scheme.NewError(who, "the field "+f.name+" is required", nil)
					}
				}
				return done(t), nil
			}})
		return scheme.Cons(make, scheme.List(vals...)), nil
	}
}

// fieldOf makes a builder field whose value must be of type want.
func fieldOf[T any, V scheme.Value](name string, required bool, want string, set func(t *T, v V)) builderField[T] {
	return builderField[T]{name, "", required, func(who string, t *T, v scheme.Value) error {
		x, ok := v.(V)
		if !ok {
			return scheme.TypeError(who, 0, name+": "+want, v)
		}
		set(t, x)
		return nil
	}}
}

// serialField is a builder field of a non-negative exact integer.
func serialField[T any](name string, set func(t *T, n *big.Int)) builderField[T] {
	return builderField[T]{name, "", true, func(who string, t *T, v scheme.Value) error {
		if !scheme.IsExactInteger(v) || scheme.Sign(v) < 0 {
			return scheme.TypeError(who, 0, name+": non-negative exact integer", v)
		}
		set(t, scheme.BigOf(v))
		return nil
	}}
}

// dateField is a builder field of a date.
func dateField[T any](name string, required bool, set func(t *T, at time.Time)) builderField[T] {
	return builderField[T]{name, "", required, func(who string, t *T, v scheme.Value) error {
		if scheme.IsDefault(v) {
			return scheme.TypeError(who, 0, name+": date", v)
		}
		at, err := whenArg(who, 0, v)
		set(t, at)
		return err
	}}
}

// extensionsField is a builder field of a list of extensions.
func extensionsField[T any](name, alias string, set func(t *T, e []pkix.Extension)) builderField[T] {
	return builderField[T]{name, alias, false, func(who string, t *T, v scheme.Value) error {
		exts, err := extensionsArg(who, 0, v)
		set(t, exts)
		return err
	}}
}

// certificateFields are the fields of its builder.
func certificateFields() []builderField[CertificateTemplate] {
	return []builderField[CertificateTemplate]{
		fieldOf("issuer-dn", true, "x509-name", func(t *CertificateTemplate, n *X509Name) { t.Issuer = n.Raw }),
		fieldOf("subject-dn", true, "x509-name", func(t *CertificateTemplate, n *X509Name) { t.Subject = n.Raw }),
		serialField("serial-number", func(t *CertificateTemplate, n *big.Int) { t.Serial = n }),
		dateField("not-before", true, func(t *CertificateTemplate, at time.Time) { t.NotBefore = at }),
		dateField("not-after", true, func(t *CertificateTemplate, at time.Time) { t.NotAfter = at }),
		fieldOf("public-key", true, "public-key", func(t *CertificateTemplate, k *PublicKey) { t.Public = k.K }),
		fieldOf("issuer-unique-id", false, "bytevector", func(t *CertificateTemplate, b *scheme.Bytevector) {
			t.IssuerUID, t.hasIssuerUID = bytesOf(b), true
		}),
		fieldOf("subject-unique-id", false, "bytevector", func(t *CertificateTemplate, b *scheme.Bytevector) {
			t.SubjectUID, t.hasSubUID = bytesOf(b), true
		}),
		extensionsField("extensions", "extentions", func(t *CertificateTemplate, e []pkix.Extension) { t.Extensions = e }),
	}
}

// csrFields are the fields of its builder.
func csrFields() []builderField[CSRTemplate] {
	return []builderField[CSRTemplate]{
		fieldOf("subject-dn", true, "x509-name", func(t *CSRTemplate, n *X509Name) { t.Subject = n.Raw }),
		{"attributes", "", false, func(who string, t *CSRTemplate, v scheme.Value) (err error) {
			t.Attributes, err = listOf[*X509Attribute](who, 0, "attributes: list of x509-attribute", v)
			return err
		}},
	}
}

// crlFields are the fields of its builder.
func crlFields() []builderField[CRLTemplate] {
	return []builderField[CRLTemplate]{
		fieldOf("issuer-dn", true, "x509-name", func(t *CRLTemplate, n *X509Name) { t.Issuer = n.Raw }),
		dateField("this-update", true, func(t *CRLTemplate, at time.Time) { t.ThisUpdate = at }),
		dateField("next-update", false, func(t *CRLTemplate, at time.Time) { t.NextUpdate = at }),
		{"revoked-certificates", "revoked-certificate", true, func(who string, t *CRLTemplate, v scheme.Value) (err error) {
			t.Revoked, err = listOf[*RevokedCertificate](who, 0, "revoked-certificates: list of x509-revoked-certificate", v)
			return err
		}},
		extensionsField("crl-extensions", "", func(t *CRLTemplate, e []pkix.Extension) { t.Extensions = e }),
	}
}

// rawAttribute is an Attribute of PKCS #10.
type rawAttribute struct {
	Type   asn1.ObjectIdentifier
	Values []asn1.RawValue `asn1:"set"`
}

// csrInfo is a CertificationRequestInfo (RFC 2986).
type csrInfo struct {
	Version    int
	Subject    asn1.RawValue
	SPKI       asn1.RawValue
	Attributes []asn1.RawValue `asn1:"tag:0"`
}

func parseCSR(who string, der []byte) (scheme.Value, error) {
	r, err := x509.ParseCertificateRequest(der)
	if err != nil {
		return nil, scheme.NewError(who, "invalid X.509 certification request: "+err.Error(), nil)
	}
	return &CSR{R: r}, nil
}

func csrOf(v scheme.Value) *x509.CertificateRequest { return v.(*CSR).R }

// x509CertificationRequestAttributes implements x509-certification-request-attributes.
func x509CertificationRequestAttributes(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var info csrInfo
	if _, err := asn1.Unmarshal(csrOf(a[0]).RawTBSCertificateRequest, &info); err != nil {
		return nil, scheme.NewError("x509-certification-request-attributes", "malformed attributes: "+err.Error(), nil)
	}
	var out []scheme.Value
	for _, raw := range info.Attributes {
		var ra rawAttribute
		if _, err := asn1.Unmarshal(raw.FullBytes, &ra); err != nil {
			return nil, scheme.NewError("x509-certification-request-attributes", "malformed attribute: "+err.Error(), nil)
		}
		attr := &X509Attribute{Type: ra.Type.String()}
		for _, v := range ra.Values {
			attr.Values = append(attr.Values, v.FullBytes)
		}
		out = append(out, attr)
	}
	return scheme.List(out...), nil
}

// x509CertificationRequestSignatureValidator is the value of
// x509-certification-request-signature-validator.
func x509CertificationRequestSignatureValidator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r := csrOf(a[0])
	if err := signatureCheck("x509-certification-request-signature-validator", "certification request", r.Raw, r.PublicKey); err != nil {
		return nil, err
	}
	return a[0], nil
}

// signX509CertificationRequestTemplate implements sign-x509-certification-request-template.
func signX509CertificationRequestTemplate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "sign-x509-certification-request-template"
	t := a[0].(*CSRTemplate)
	alg, signer, err := signArgs(who, a, "key-pair")
	if err != nil {
		return nil, err
	}
	spki, err := x509.MarshalPKIXPublicKey(signer.Public())
	if err != nil {
		return nil, badKey(who, "key", err)
	}
	info := csrInfo{Subject: asn1.RawValue{FullBytes: t.Subject}, SPKI: asn1.RawValue{FullBytes: spki}, Attributes: []asn1.RawValue{}}
	for _, attr := range t.Attributes {
		oid, _ := parseOID(attr.Type)
		ra := rawAttribute{Type: oid}
		for _, v := range attr.Values {
			ra.Values = append(ra.Values, asn1.RawValue{FullBytes: v})
		}
		der, err := asn1.Marshal(ra)
		if err != nil {
			return nil, scheme.NewError(who, "cannot encode the attribute: "+err.Error(), []scheme.Value{attr})
		}
		info.Attributes = append(info.Attributes, asn1.RawValue{FullBytes: der})
	}
	tbs, err := asn1.Marshal(info)
	if err != nil {
		return nil, scheme.NewError(who, "cannot encode the request: "+err.Error(), nil)
	}
	der, err := signTBS(who, alg, signer, tbs)
	if err != nil {
		return nil, err
	}
	return parseCSR(who, der)
}

func parseCRL(who string, der []byte) (scheme.Value, error) {
	l, err := x509.ParseRevocationList(der)
	if err != nil {
		return nil, scheme.NewError(who, "invalid X.509 CRL: "+err.Error(), nil)
	}
	return &CRL{L: l}, nil
}

func crlOf(v scheme.Value) *x509.RevocationList { return v.(*CRL).L }

// x509CertificateRevocationListNextUpdate implements x509-certificate-revocation-list-next-update.
func x509CertificateRevocationListNextUpdate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if t := crlOf(a[0]).NextUpdate; !t.IsZero() {
		return dateOf(t), nil
	}
	return scheme.False, nil
}

// x509CertificateRevocationListRevokedCertificates implements x509-certificate-revocation-list-revoked-certificates.
func x509CertificateRevocationListRevokedCertificates(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var out []scheme.Value
	for _, e := range crlOf(a[0]).RevokedCertificateEntries {
		out = append(out, &RevokedCertificate{pkix.RevokedCertificate{SerialNumber: e.SerialNumber, RevocationTime: e.RevocationTime, Extensions: e.Extensions}})
	}
	return scheme.List(out...), nil
}

// x509CertificateRevocationListSignatureValidator implements x509-certificate-revocation-list-signature-validator.
func x509CertificateRevocationListSignatureValidator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	pub := a[0].(*PublicKey).K
	const who = "x509-certificate-revocation-list-signature-validator"
	return validator(who, "crl", typeCRL, func(v scheme.Value) error {
		return signatureCheck(who, "CRL", crlOf(v).Raw, pub)
	}), nil
}

// x509CertificateRevocationListIssuerValidator implements x509-certificate-revocation-list-issuer-validator.
func x509CertificateRevocationListIssuerValidator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	issuer := a[0].(*X509Name)
	const who = "x509-certificate-revocation-list-issuer-validator"
	return validator(who, "crl", typeCRL, func(v scheme.Value) error {
		if !sameName(crlOf(v).RawIssuer, issuer.Raw) {
			return scheme.NewError(who, "the CRL's issuer is not "+nameString(issuer.Raw), []scheme.Value{v, issuer})
		}
		return nil
	}), nil
}

// makeX509RevokedCertificate implements make-x509-revoked-certificate.
func makeX509RevokedCertificate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-x509-revoked-certificate"
	if scheme.Sign(a[0]) < 0 {
		return nil, scheme.RangeError(who, 1, "serial number must not be negative", a[0])
	}
	at, _ := whenArg(who, 2, a[1])
	var exts []pkix.Extension
	if !scheme.IsDefault(a[2]) {
		var err error
		if exts, err = extensionsArg(who, 3, a[2]); err != nil {
			return nil, err
		}
	}
	return &RevokedCertificate{pkix.RevokedCertificate{SerialNumber: scheme.BigOf(a[0]), RevocationTime: at, Extensions: exts}}, nil
}

// tbsCertList is a TBSCertList (RFC 5280 §5.1), its issuer as encoded.
type tbsCertList struct {
	Version    int
	Signature  pkix.AlgorithmIdentifier
	Issuer     asn1.RawValue
	ThisUpdate time.Time
	NextUpdate time.Time                 `asn1:"optional"`
	Revoked    []pkix.RevokedCertificate `asn1:"optional"`
	Extensions []pkix.Extension          `asn1:"tag:0,optional,explicit"`
}

// signX509CertificateRevocationListTemplate implements
// sign-x509-certificate-revocation-list-template: a v2 CRL of the template
// as it is (crypto/x509's CreateRevocationList would want an issuer
// certificate and add its own authority key identifier and CRL number).
func signX509CertificateRevocationListTemplate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "sign-x509-certificate-revocation-list-template"
	t := a[0].(*CRLTemplate)
	alg, signer, err := signArgs(who, a, "private-key")
	if err != nil {
		return nil, err
	}
	tbs := tbsCertList{Version: 1, Signature: alg.identifier(), Issuer: asn1.RawValue{FullBytes: t.Issuer},
		ThisUpdate: t.ThisUpdate.UTC(), Extensions: t.Extensions}
	if !t.NextUpdate.IsZero() {
		tbs.NextUpdate = t.NextUpdate.UTC()
	}
	for _, r := range t.Revoked {
		e := r.RevokedCertificate
		e.RevocationTime = e.RevocationTime.UTC()
		tbs.Revoked = append(tbs.Revoked, e)
	}
	der, err := asn1.Marshal(tbs)
	if err != nil {
		return nil, scheme.NewError(who, "cannot encode the CRL: "+err.Error(), nil)
	}
	if der, err = signTBS(who, alg, signer, der); err != nil {
		return nil, err
	}
	return parseCRL(who, der)
}
