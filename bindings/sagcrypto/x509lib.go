// The binding table of (sagittarius crypto x509).

package sagcrypto

import (
	"crypto/x509"
	"math/big"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/srfi19"
)

// X509Library is (sagittarius crypto x509).
var X509Library = &scheme.Library{Name: "(sagittarius crypto x509)", TypeKinds: []string{socket.KindAssertion}, ImportOnly: true,
	Doc: "Sagittarius's X.509 certificates, CSRs and CRLs over Go's crypto/x509. A certificate is the certificate object of (rfc tls), (openssl) and (rfc x509), so one made here serves a TLS context and one from a connection can be inspected here. " +
		"Dates are SRFI-19 dates (UTC when made here); names print in RFC 4514 order (last RDN first); OIDs, extension ids and the *extension:…* constants are dotted strings; " +
		"extension values, attribute values and algorithm parameters are DER bytevectors. The signing algorithms are the *signature-algorithm:…* OIDs of (sagittarius crypto signatures): " +
		"certificates take the ones crypto/x509 signs (RSA PKCS #1 v1.5 with SHA-1/256/384/512, RSASSA-PSS with SHA-256/384/512, ECDSA with SHA-1/256/384/512, Ed25519); CSRs and CRLs also SHA-224, SHA-512/224, SHA-512/256 and SHA-3; " +
		"any other (DSA, Ed448 …) raises an (exn unsupported) implementation-restriction violation. Validators signal an error when the value is not valid.",
	Build: func(l *scheme.Library) { fillFrom(l, x509Table()) }}

const x509Spec = "sagittarius (sagittarius crypto x509) §4"

// x509Table returns the rows of (sagittarius crypto x509), made when a
// program first imports the library rather than at every start.
func x509Table() *scheme.Library {
	lam, req, opt, rest := scheme.Lambda, scheme.Req, scheme.Opt, scheme.Rest
	row := func(name, doc string, args scheme.Params, fn scheme.PrimFn) scheme.Proc {
		return scheme.Row(name, x509Spec, doc, args, fn)
	}
	pred := func(name, what string, fn scheme.PrimFn) scheme.Proc {
		return row(name, "Is obj "+what+"?", lam(req("obj", nil)), fn)
	}
	obj := func(name string, t *scheme.Type) scheme.Params { return lam(req(name, t)) }
	cert := obj("certificate", tlsval.TypeCertificate)
	csr, crl := obj("csr", typeCSR), obj("crl", typeCRL)
	bv := obj("bv", scheme.TypeBytevector)
	bin := lam(req("bin", scheme.TypePort))
	get := func(t func(v scheme.Value) scheme.Value) scheme.PrimFn {
		return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return t(a[0]), nil }
	}
	macro := func(name, sig, doc string, tr func(scheme.Value) (scheme.Value, error)) scheme.Proc {
		return scheme.Proc{Name: name, Spec: x509Spec, Sig: "syntax " + sig, Doc: doc, Transform: tr}
	}
	procs := []scheme.Proc{
		// certificates
		row("x509-certificate?", "Is obj an X.509 certificate (the certificate object of (rfc tls) and (openssl))?", lam(req("obj", nil)), tlsval.CertificateP),
		row("bytevector->x509-certificate", "The certificate of the DER bytevector bv; an error when bv is not a certificate.", bv, certCodec.fromBytevector("bytevector->x509-certificate")),
		row("read-x509-certificate", "Read one DER certificate from the binary input port bin; an error when it is not a certificate.", bin, certCodec.read("read-x509-certificate")),
		row("x509-certificate->bytevector", "The DER encoding of certificate.", cert, certCodec.toBytevector),
		row("write-x509-certificate", "Write the DER encoding of certificate to the binary output port out (default (current-output-port), which must then be binary).",
			lam(req("certificate", tlsval.TypeCertificate), opt("out", nil, nil)), certCodec.write("write-x509-certificate")),
		row("x509-certificate-expired?", "Is certificate expired (its not-after before when, an SRFI-19 date; default now)?",
			lam(req("certificate", tlsval.TypeCertificate), opt("when", srfi19.TypeDate, nil)), x509CertificateExpiredP),
		row("x509-certificate-issuer-dn", "The issuer DN of certificate (an x509-name).", cert, certGetter(func(c *x509.Certificate) scheme.Value { return &X509Name{Raw: c.RawIssuer} })),
		row("x509-certificate-subject-dn", "The subject DN of certificate (an x509-name).", cert, certGetter(func(c *x509.Certificate) scheme.Value { return &X509Name{Raw: c.RawSubject} })),
		row("x509-certificate-public-key", "The public key of certificate (a public-key of (sagittarius crypto keys)); an (exn unsupported) violation for a key other than RSA, ECDSA and Ed25519.", cert,
			func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
				return parseSPKI("x509-certificate-public-key", certOf(a[0]).RawSubjectPublicKeyInfo, nil)
			}),
		row("x509-certificate-validity", "The validity of certificate (an x509-validity).", cert,
			certGetter(func(c *x509.Certificate) scheme.Value { return &X509Validity{c.NotBefore, c.NotAfter} })),
		row("x509-certificate-serial-number", "The serial number of certificate (an exact integer).", cert,
			certGetter(func(c *x509.Certificate) scheme.Value { return scheme.NormBig(new(big.Int).Set(c.SerialNumber)) })),
		row("x509-certificate-version", "The version of certificate: 1 for v1, 3 for v3.", cert, certGetter(func(c *x509.Certificate) scheme.Value { return scheme.Fixnum(c.Version) })),
		row("x509-certificate-signature", "The signature of certificate (a bytevector).", cert, certGetter(func(c *x509.Certificate) scheme.Value { return signatureOf(c.Raw) })),
		row("x509-certificate-signature-algorithm", "The signature algorithm of certificate (an x509-algorithm-identifier).", cert, certGetter(func(c *x509.Certificate) scheme.Value { return aidOf(c.Raw) })),
		row("x509-certificate-extensions", "The extensions of certificate, a list of x509-extension in their order.", cert, certGetter(func(c *x509.Certificate) scheme.Value { return extensionList(c.Extensions) })),
		row("validate-x509-certificate", "Call each validator with certificate; a validator signals an error when certificate is not valid. Returns #t.",
			lam(req("certificate", tlsval.TypeCertificate), rest("validator", scheme.TypeProcedure)), validateX509Certificate),
		row("x509-certificate-signature-validator", "A validator checking that a certificate's signature verifies with public-key (an error \"certificate signature is not valid\" when not).",
			obj("public-key", typePublicKey), x509CertificateSignatureValidator),
		row("x509-certificate-validity-validator", "A validator checking that when (an SRFI-19 date; default the time of validating) is within a certificate's validity (an error \"certificate has expired\" or \"certificate is not yet valid\").",
			lam(opt("when", srfi19.TypeDate, nil)), x509CertificateValidityValidator),
		row("x509-certificate-signed-by?", "Is certificate issued by ca-certificate: its issuer DN the CA's subject DN and its signature verifying with the CA's public key?",
			lam(req("certificate", tlsval.TypeCertificate), req("ca-certificate", tlsval.TypeCertificate)), x509CertificateSignedByP),
		row("x509-certificate-revoked?", "Is certificate revoked on date (an SRFI-19 date; default now) by crl: listed by serial number with a revocation date not after date? crl must be issued and signed by ca-certificate, else an error.",
			lam(req("certificate", tlsval.TypeCertificate), req("ca-certificate", tlsval.TypeCertificate), req("crl", typeCRL), opt("date", srfi19.TypeDate, nil)), x509CertificateRevokedP),
		pred("x509-certificate-template?", "an X.509 certificate template", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*CertificateTemplate](a[0]), nil
		}),
		macro("x509-certificate-template-builder", "(x509-certificate-template-builder (field value) ...)",
			"A certificate template of the fields issuer-dn, subject-dn (x509-names), serial-number (a non-negative integer), not-before, not-after (SRFI-19 dates), public-key — required — "+
				"and issuer-unique-id, subject-unique-id (bytevectors) and extensions (a list of x509-extension; the document's spelling extentions too). An unknown field is a syntax error; a missing required one an error.",
			builderTransform("x509-certificate-template-builder", certificateFields(), func(t *CertificateTemplate) scheme.Value { return t })),
		row("sign-x509-certificate-template", "A v3 certificate of template signed with aid (a *signature-algorithm:…* OID string or an x509-algorithm-identifier) and private-key (or a key pair), over crypto/x509's CreateCertificate; "+
			"its extensions are the template's alone. Unique ids and algorithms crypto/x509 cannot sign certificates with (SHA-224, SHA-3 …) raise an (exn unsupported) violation.",
			lam(req("template", typeCertTmpl), req("aid", nil), req("private-key", nil)), signX509CertificateTemplate),

		// CSRs
		pred("x509-certification-request?", "an X.509 certification request (PKCS #10)", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return scheme.IsA[*CSR](a[0]), nil }),
		row("bytevector->x509-certification-request", "The CSR of the DER bytevector bv; an error when bv is not a CSR.", bv, csrCodec.fromBytevector("bytevector->x509-certification-request")),
		row("read-x509-certification-request", "Read one DER CSR from the binary input port bin.", bin, csrCodec.read("read-x509-certification-request")),
		row("x509-certification-request->bytevector", "The DER encoding of csr.", csr, csrCodec.toBytevector),
		row("write-x509-certification-request", "Write the DER encoding of csr to the binary output port out (default (current-output-port)).",
			lam(req("csr", typeCSR), opt("out", nil, nil)), csrCodec.write("write-x509-certification-request")),
		row("x509-certification-request-version", "The version of csr: 1 for v1 (the only PKCS #10 version).", csr,
			func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
				return scheme.Fixnum(csrOf(a[0]).Version + 1), nil
			}),
		row("x509-certification-request-subject", "The subject DN of csr (an x509-name).", csr,
			func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
				return &X509Name{Raw: csrOf(a[0]).RawSubject}, nil
			}),
		row("x509-certification-request-public-key", "The public key of csr (a public-key).", csr, func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return parseSPKI("x509-certification-request-public-key", csrOf(a[0]).RawSubjectPublicKeyInfo, nil)
		}),
		row("x509-certification-request-attributes", "The attributes of csr, a list of x509-attribute.", csr, x509CertificationRequestAttributes),
		row("x509-certification-request-signature", "The signature of csr (a bytevector).", csr, func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return signatureOf(csrOf(a[0]).Raw), nil
		}),
		row("x509-certification-request-signature-algorithm", "The signature algorithm of csr (an x509-algorithm-identifier).", csr,
			func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return aidOf(csrOf(a[0]).Raw), nil }),
		row("validate-x509-certification-request", "Call each validator with csr; a validator signals an error when csr is not valid. Returns #t.",
			lam(req("csr", typeCSR), rest("validator", scheme.TypeProcedure)), func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return validate(th, a[0], a[1]) }),
		row("x509-certification-request-signature-validator", "The validator (a procedure of csr, not a maker of one) checking that csr's signature verifies with its own public key; returns csr, else an error \"certification request signature is not valid\".",
			csr, x509CertificationRequestSignatureValidator),
		pred("x509-certification-request-template?", "an X.509 CSR template", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*CSRTemplate](a[0]), nil
		}),
		macro("x509-certification-request-template-builder", "(x509-certification-request-template-builder (field value) ...)",
			"A CSR template of the fields subject-dn (an x509-name; required) and attributes (a list of x509-attribute). An unknown field is a syntax error.",
			builderTransform("x509-certification-request-template-builder", csrFields(), func(t *CSRTemplate) scheme.Value { return t })),
		row("sign-x509-certification-request-template", "A CSR of template holding the public key of signing-key-pair (a key pair, or a private key), signed with aid (an OID string or x509-algorithm-identifier) and its private key.",
			lam(req("template", typeCSRTmpl), req("aid", nil), req("signing-key-pair", nil)), signX509CertificationRequestTemplate),

		// CRLs
		pred("x509-certificate-revocation-list?", "an X.509 CRL", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return scheme.IsA[*CRL](a[0]), nil }),
		row("bytevector->x509-certificate-revocation-list", "The CRL of the DER bytevector bv; an error when bv is not a CRL.", bv, crlCodec.fromBytevector("bytevector->x509-certificate-revocation-list")),
		row("read-x509-certificate-revocation-list", "Read one DER CRL from the binary input port bin.", bin, crlCodec.read("read-x509-certificate-revocation-list")),
		row("x509-certificate-revocation-list->bytevector", "The DER encoding of crl.", crl, crlCodec.toBytevector),
		row("write-x509-certificate-revocation-list", "Write the DER encoding of crl to the binary output port out (default (current-output-port)).",
			lam(req("crl", typeCRL), opt("out", nil, nil)), crlCodec.write("write-x509-certificate-revocation-list")),
		row("x509-certificate-revocation-list-issuer", "The issuer DN of crl (an x509-name).", crl,
			func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
				return &X509Name{Raw: crlOf(a[0]).RawIssuer}, nil
			}),
		row("x509-certificate-revocation-list-this-update", "The thisUpdate of crl (an SRFI-19 date, UTC).", crl,
			get(func(v scheme.Value) scheme.Value { return dateOf(crlOf(v).ThisUpdate) })),
		row("x509-certificate-revocation-list-next-update", "The nextUpdate of crl (an SRFI-19 date, UTC), #f when the CRL has none.", crl, x509CertificateRevocationListNextUpdate),
		row("x509-certificate-revocation-list-revoked-certificates", "The entries of crl, a list of x509-revoked-certificate in their order.", crl, x509CertificateRevocationListRevokedCertificates),
		row("x509-certificate-revocation-list-crl-extensions", "The CRL extensions of crl, a list of x509-extension.", crl, get(func(v scheme.Value) scheme.Value { return extensionList(crlOf(v).Extensions) })),
		row("x509-certificate-revocation-list-signature-algorithm", "The signature algorithm of crl (an x509-algorithm-identifier).", crl, get(func(v scheme.Value) scheme.Value { return aidOf(crlOf(v).Raw) })),
		row("x509-certificate-revocation-list-signature", "The signature of crl (a bytevector).", crl, get(func(v scheme.Value) scheme.Value { return signatureOf(crlOf(v).Raw) })),
		row("validate-x509-certificate-revocation-list", "Call each validator with crl; a validator signals an error when crl is not valid. Returns #t.",
			lam(req("crl", typeCRL), rest("validator", scheme.TypeProcedure)), func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return validate(th, a[0], a[1]) }),
		row("x509-certificate-revocation-list-signature-validator", "A validator checking that a CRL's signature verifies with public-key (an error \"CRL signature is not valid\" when not).",
			obj("public-key", typePublicKey), x509CertificateRevocationListSignatureValidator),
		row("x509-certificate-revocation-list-issuer-validator", "A validator checking that a CRL's issuer DN is issuer (an error when not).", obj("issuer", typeName), x509CertificateRevocationListIssuerValidator),
		pred("x509-revoked-certificate?", "an X.509 revoked certificate (a CRL entry)", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*RevokedCertificate](a[0]), nil
		}),
		row("make-x509-revoked-certificate", "A CRL entry of serial-number (a non-negative integer), revocation-date (an SRFI-19 date) and the optional list of x509-extension extensions (the CRL entry extensions).",
			lam(req("serial-number", scheme.TypeExactInteger), req("revocation-date", srfi19.TypeDate), opt("extensions", nil, nil)), makeX509RevokedCertificate),
		row("x509-revoked-certificate-serial-number", "The serial number of rc.", obj("rc", typeRevoked),
			get(func(v scheme.Value) scheme.Value {
				return scheme.NormBig(new(big.Int).Set(v.(*RevokedCertificate).SerialNumber))
			})),
		row("x509-revoked-certificate-revocation-date", "The revocation date of rc (an SRFI-19 date, UTC).", obj("rc", typeRevoked),
			get(func(v scheme.Value) scheme.Value { return dateOf(v.(*RevokedCertificate).RevocationTime) })),
		row("x509-revoked-certificate-crl-entry-extensions", "The CRL entry extensions of rc, a list of x509-extension.", obj("rc", typeRevoked),
			get(func(v scheme.Value) scheme.Value { return extensionList(v.(*RevokedCertificate).Extensions) })),
		pred("x509-certificate-revocation-list-template?", "an X.509 CRL template", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*CRLTemplate](a[0]), nil
		}),
		macro("x509-certificate-revocation-list-template-builder", "(x509-certificate-revocation-list-template-builder (field value) ...)",
			"A CRL template of the fields issuer-dn (an x509-name), this-update (an SRFI-19 date), revoked-certificates (a list of x509-revoked-certificate; the document's spelling revoked-certificate too) — required — "+
				"and next-update (a date) and crl-extensions (a list of x509-extension). Syntax, as the certificate and CSR builders are (the document lists it as a function). An unknown field is a syntax error.",
			builderTransform("x509-certificate-revocation-list-template-builder", crlFields(), func(t *CRLTemplate) scheme.Value { return t })),
		row("sign-x509-certificate-revocation-list-template", "A v2 CRL of template signed with aid (an OID string or x509-algorithm-identifier) and private-key (or a key pair). Its extensions are the template's alone "+
			"(the CRL is encoded here: crypto/x509's CreateRevocationList would want an issuer certificate and add an authority key identifier and CRL number).",
			lam(req("template", typeCRLTmpl), req("aid", nil), req("private-key", nil)), signX509CertificateRevocationListTemplate),

		// names
		pred("x509-name?", "an X.509 name (DN)", x509NameP),
		row("x509-name", "The name of the components, in order (the first is the outermost RDN): each a list (key value) of a symbol CN, L, ST, O, OU, STREET, DC, UID, Name, SURNAME, GIVENNAME, T, DN, SERIALNUMBER, Pseudonym, E or C (any case), or an OID string, and a string.",
			lam(rest("component", nil)), x509NameFn),
		row("list->x509-name", "The name of the list of components, as x509-name.", obj("components", scheme.TypeList), listToX509Name),
		row("x509-name->string", "The RFC 4514 string of name: the last RDN first, KEY=value separated by commas (multi-valued RDNs by +), the keys of x509-name, other attributes by their OID.",
			obj("name", typeName), x509NameToString),
		row("string->x509-name", "The name of the RFC 4514 string dn (as x509-name->string writes, \\ escapes too); an error when dn is not one.", obj("dn", scheme.TypeString), stringToX509Name),

		// validity
		pred("x509-validity?", "an X.509 validity", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*X509Validity](a[0]), nil
		}),
		row("make-x509-validity", "The validity from not-before to not-after (SRFI-19 dates).", lam(req("not-before", srfi19.TypeDate), req("not-after", srfi19.TypeDate)), makeX509Validity),
		row("x509-validity-not-before", "The not-before of validity (an SRFI-19 date, UTC).", obj("validity", typeValidity),
			get(func(v scheme.Value) scheme.Value { return dateOf(v.(*X509Validity).NotBefore) })),
		row("x509-validity-not-after", "The not-after of validity (an SRFI-19 date, UTC).", obj("validity", typeValidity),
			get(func(v scheme.Value) scheme.Value { return dateOf(v.(*X509Validity).NotAfter) })),

		// algorithm identifiers
		pred("x509-algorithm-identifier?", "an X.509 algorithm identifier", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*AlgorithmIdentifier](a[0]), nil
		}),
		row("make-x509-algorithm-identifier", "The algorithm identifier of oid (a dotted OID string) with the optional parameters, a bytevector of one DER element.",
			lam(req("oid", nil), opt("parameters", nil, nil)), makeX509AlgorithmIdentifier),
		row("x509-algorithm-identifier-oid", "The OID of aid (a dotted string).", obj("aid", typeAID),
			get(func(v scheme.Value) scheme.Value { return scheme.NewString(v.(*AlgorithmIdentifier).OID) })),
		row("x509-algorithm-identifier-parameters", "The parameters of aid as a DER bytevector (NULL is #vu8(5 0)), #f when absent.", obj("aid", typeAID), x509AlgorithmIdentifierParameters),

		// subject public key infos
		pred("subject-public-key-info?", "a subject public key info", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*SubjectPublicKeyInfo](a[0]), nil
		}),
		row("subject-public-key-info->public-key", "The public key of spki.", obj("spki", typeSPKI),
			get(func(v scheme.Value) scheme.Value { return &PublicKey{K: v.(*SubjectPublicKeyInfo).Key} })),
		row("public-key->subject-public-key-info", "The subject public key info of public-key.", obj("public-key", typePublicKey), func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return spki("public-key->subject-public-key-info", a[0].(*PublicKey).K)
		}),
		row("bytevector->subject-public-key-info", "The subject public key info of the DER bytevector bv; an error when bv is not one (an (exn unsupported) violation for a key other than RSA, ECDSA and Ed25519).",
			bv, bytevectorToSubjectPublicKeyInfo),
		row("subject-public-key-info->bytevector", "The DER encoding of spki.", obj("spki", typeSPKI), get(func(v scheme.Value) scheme.Value { return bytevector(v.(*SubjectPublicKeyInfo).Raw) })),

		// attributes
		pred("x509-attribute?", "an X.509 attribute (of a CSR)", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*X509Attribute](a[0]), nil
		}),
		row("x509-attribute-type", "The type OID of attr (a dotted string).", obj("attr", typeAttribute), get(func(v scheme.Value) scheme.Value { return scheme.NewString(v.(*X509Attribute).Type) })),
		row("x509-attribute-values", "The values of attr, a list of DER bytevectors.", obj("attr", typeAttribute), get(func(v scheme.Value) scheme.Value {
			var out []scheme.Value
			for _, b := range v.(*X509Attribute).Values {
				out = append(out, bytevector(b))
			}
			return scheme.List(out...)
		})),
		row("x509-attribute-of", "A predicate: is its argument an x509-attribute of type oid (a dotted string, e.g. *pkcs-9:extenion-request*)?", obj("oid", nil), x509AttributeOf),
		row("make-x509-challenge-password-attribute", "The PKCS #9 challengePassword attribute of password (a PrintableString, else UTF8String).", obj("password", scheme.TypeString), makeX509ChallengePasswordAttribute),
		row("make-x509-extension-request-attribute", "The PKCS #9 extensionRequest attribute of the extensions.", lam(rest("x509-extension", typeExtension)), makeX509ExtensionRequestAttribute),
		row("x509-attribute->x509-extension-list", "The extensions of the extensionRequest attribute attr; an error for another attribute.", obj("attr", typeAttribute), x509AttributeToX509ExtensionList),

		// extensions
		pred("x509-extension?", "an X.509 extension", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*X509Extension](a[0]), nil
		}),
		row("x509-extension-id", "The OID of ext (a dotted string, as the *extension:…* constants).", obj("ext", typeExtension),
			get(func(v scheme.Value) scheme.Value { return scheme.NewString(v.(*X509Extension).Id.String()) })),
		row("x509-extension-critical?", "Is ext critical?", obj("ext", typeExtension), get(func(v scheme.Value) scheme.Value { return scheme.MakeBool(v.(*X509Extension).Critical) })),
		row("x509-extension-value", "The value of ext: the DER bytevector its extnValue holds.", obj("ext", typeExtension), get(func(v scheme.Value) scheme.Value { return bytevector(v.(*X509Extension).Value) })),
		row("x509-extension-of", "A predicate: is its argument an x509-extension of id oid (a dotted string, e.g. *extension:key-usage*)?", obj("oid", nil), x509ExtensionOf),
	}
	values := []scheme.Binding{
		{Name: "*pkcs-9:channelge-password*", Spec: x509Spec, Doc: "The OID of PKCS #9 challengePassword, " + oidChallengePassword + " (the document's spelling).", Value: scheme.NewString(oidChallengePassword)},
		{Name: "*pkcs-9:extenion-request*", Spec: x509Spec, Doc: "The OID of PKCS #9 extensionRequest, " + oidExtensionRequest + " (the document's spelling).", Value: scheme.NewString(oidExtensionRequest)},
	}
	for _, e := range extensionOIDs {
		values = append(values, scheme.Binding{Name: "*extension:" + e[0] + "*", Spec: x509Spec, Doc: "The OID of the " + e[0] + " extension, " + e[1] + ".", Value: scheme.NewString(e[1])})
	}
	return &scheme.Library{Procs: procs, Values: values}
}
