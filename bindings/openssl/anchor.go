// (openssl ext) certificates and anchors beyond one of each: ssl-add-trust-anchor! (a procedure may refuse its chains), ssl-add-certificate-chain! (spec §4.9, §4.10).

package openssl

import (
	"crypto/x509"
	"errors"

	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// anchorProcs are the (openssl ext) rows of this file.
var anchorProcs = []scheme.Proc{
	{Name: "ssl-add-trust-anchor!", Spec: "§4.9", Sig: "(ssl-add-trust-anchor! obj certificate #!optional proc)",
		Args: scheme.Params{Required: []string{"obj", "certificate"}, Optional: []string{"proc"}},
		Doc:  "Trust certificate (a certificate object, or a file or bytevector holding one) as an anchor; proc, when given, is called with each candidate chain (list of certificates, leaf first, as crypto/x509 builds it) and refuses it unless it returns true — e.g. to restrict a private CA to *.corp.example (CertPool.AddCertWithConstraint). A raise refuses too.",
		Fn:   sslAddTrustAnchorBang},
	{Name: "ssl-add-certificate-chain!", Spec: "§4.10", Sig: "(ssl-add-certificate-chain! obj pathname/blob key-src)", LazyArgs: func() scheme.Params { return req("obj", "pathname/blob", "key-src") },
		Doc: "Servers: add a further certificate chain (PEM file or blob, leaf first, or certificate objects) with its key (file, blob or key object) after the loaded one; per ClientHello Go picks the first chain the client supports (ClientHelloInfo.SupportsCertificate), e.g. ECDSA, RSA and Ed25519 side by side.",
		Fn:  sslAddCertificateChainBang},
}

func sslAddTrustAnchorBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-add-trust-anchor!"
	var cert *x509.Certificate
	switch v := args[1].(type) {
	case *tlsval.Certificate:
		cert = v.C
	case *scheme.String, *scheme.Bytevector, *scheme.Blob:
		src, _ := source(who, 2, v)
		certs, err := tlsctx.ReadCertificatesContext(th.Context(), src)
		if err != nil {
			return nil, located(who, err)
		}
		cert = certs[0]
	default:
		return nil, scheme.TypeError(who, 2, "certificate, path, blob or bytevector", args[1])
	}
	var constraint tlsctx.AnchorConstraint
	if tlsval.Given(args[2]) {
		proc := args[2]
		if !scheme.IsProcedure(proc) {
			return nil, scheme.TypeError(who, 3, "procedure", proc)
		}
		in := th.Interp()
		constraint = func(chain []*x509.Certificate) error {
			certs := make([]scheme.Value, len(chain))
			for i, c := range chain {
				certs[i] = tlsval.CertificateValue(c)
			}
			r, err := callScheme(in, proc, scheme.List(certs...))
			if err != nil {
				return err
			}
			if !scheme.Truthy(r) {
				return errors.New("tlsctx: chain refused by the trust anchor's procedure")
			}
			return nil
		}
	}
	return withContext(who, args, func(ctx *tlsctx.Context) error { return wrap(who, ctx.AddTrustAnchor(cert, constraint)) })
}

func sslAddCertificateChainBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-add-certificate-chain!"
	var chain []*x509.Certificate
	if isCertObject(args[1]) {
		var err error
		if chain, err = certificates(who, 2, args[1]); err != nil {
			return nil, err
		}
	} else {
		src, err := source(who, 2, args[1])
		if err != nil {
			return nil, err
		}
		if chain, err = tlsctx.ReadCertificatesContext(th.Context(), src); err != nil {
			return nil, located(who, err)
		}
	}
	key, err := signerOf(th.Context(), who, args[1], args[2])
	if err != nil {
		return nil, err
	}
	return withContext(who, args, func(ctx *tlsctx.Context) error { return wrap(who, ctx.AddCertificateChain(chain, key)) })
}
