// (openssl ext) revocation and certificate status: ssl-load-crl!, ssl-set-ocsp-check!, ssl-set-ocsp-staple!, ssl-set-scts! (spec §1.3.1, §4.7).

package openssl

import (
	"crypto/x509"
	"fmt"

	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// revocationProcs are the (openssl ext) rows of this file.
var revocationProcs = []scheme.Proc{
	{Name: "ssl-load-crl!", Spec: "§1.3.1", Sig: "(ssl-load-crl! obj path-or-bytevector #!key (scope 'leaf))",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("obj", nil), scheme.Req("path-or-bytevector", nil), scheme.Key("scope", scheme.OrFalse(tlsval.TypeSymbolName), nil))
		},
		Doc: "Add CRLs (PEM or DER: a file, a directory of <hash>.rN/.crl/.pem files, or a bytevector) and check the peer's leaf (scope 'leaf) or every certificate but the trust anchor (scope 'chain) against them. " +
			"Failures: certificate-revoked (23, verify-message \"certificate revoked (reason, time, CRL)\"), crl-has-expired (12), crl-not-yet-valid (11), crl-signature-failure (8), unable-to-get-crl (3). Checked only when the chain verified; fatal when verification is enforced.",
		Fn: sslLoadCRLBang},
	{Name: "ssl-set-ocsp-check!", Spec: "§1.3.1", Sig: "(ssl-set-ocsp-check! obj mode)", LazyArgs: func() scheme.Params { return setterParams("obj", "mode", scheme.OrFalse(tlsval.TypeSymbolName)) },
		Doc: "How the peer's stapled OCSP response is used (golang.org/x/crypto/ocsp): #f only records it (ssl-connection-info ocsp-response); 'if-stapled validates a staple when present (signature by the issuer or its delegate, this/next update, serial, status) and requires one from a must-staple (RFC 7633) certificate; 'require fails without a valid staple (ocsp-verify-needed 73) and on status unknown (ocsp-cert-unknown 75). " +
			"revoked → certificate-revoked (23) with the reason in verify-message; a bad response → ocsp-verify-failed (74).",
		Fn: contextSetter("ssl-set-ocsp-check!", setOCSPCheck)},
	{Name: "ssl-set-ocsp-staple!", Spec: "§4.7", Sig: "(ssl-set-ocsp-staple! obj response)", LazyArgs: func() scheme.Params { return setterParams("obj", "response", typeOCSPStaple) },
		Doc: "Servers: staple response (a DER OCSP response bytevector) in every handshake; or a procedure (leaf issuer) → bytevector or #f, called per full handshake to fetch it (issuer: from the served chain or the trust anchors, else #f); #f staples nothing. A raise from the procedure aborts the handshake.",
		Fn:  contextSetter("ssl-set-ocsp-staple!", setOCSPStaple)},
	{Name: "ssl-set-scts!", Spec: "§4.7", Sig: "(ssl-set-scts! obj list)", LazyArgs: func() scheme.Params { return req("obj", "list") },
		Doc: "Servers: send the signed certificate timestamps in list (bytevectors, RFC 6962) with the leaf certificate (tls.Certificate.SignedCertificateTimestamps); #f sends none. Clients read them as scts of ssl-connection-info.",
		Fn:  contextSetter("ssl-set-scts!", setSCTs)},
}

func sslLoadCRLBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-crl!"
	scope := tlsctx.CRLScopeLeaf
	if tlsval.Given(args[2]) {
		scope = tlsval.Str(args[2])
	}
	var src any
	switch v := args[1].(type) {
	case *scheme.Bytevector:
		src = v.B
	case *scheme.String:
		src = v.String()
	default:
		return nil, scheme.TypeError(who, 2, "path string or bytevector", args[1])
	}
	return withContext(who, args, func(ctx *tlsctx.Context) error { return wrap(who, ctx.LoadCRLContext(th.Context(), src, scope)) })
}

func setOCSPCheck(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	mode := tlsctx.OCSPOff
	if tlsval.Given(v) {
		mode = tlsval.Str(v)
	}
	return wrap(who, ctx.SetOCSPCheck(mode))
}

// typeOCSPStaple is the response of ssl-set-ocsp-staple!.
var typeOCSPStaple = &scheme.Type{Name: "bytevector, procedure or #f", Accept: func(v scheme.Value) bool {
	_, ok := v.(*scheme.Bytevector)
	return ok || !tlsval.Given(v) || scheme.IsProcedure(v)
}}

func setOCSPStaple(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	switch {
	case !tlsval.Given(v):
		return wrap(who, ctx.SetOCSPStaple(nil))
	case scheme.IsProcedure(v):
		in := th.Interp()
		return wrap(who, ctx.SetOCSPFetcher(func(leaf, issuer *x509.Certificate) ([]byte, error) {
			r, err := callScheme(in, v, tlsval.CertificateValue(leaf), tlsval.CertificateValue(issuer))
			if err != nil {
				return nil, err
			}
			if b, ok := r.(*scheme.Bytevector); ok {
				return b.B, nil
			}
			return nil, nil
		}))
	}
	return wrap(who, ctx.SetOCSPStaple(v.(*scheme.Bytevector).B))
}

func setSCTs(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	if !tlsval.Given(v) {
		return wrap(who, ctx.SetSCTs(nil))
	}
	scts, err := bytevectorList(who, 2, v, 0)
	if err != nil {
		return err
	}
	return wrap(who, ctx.SetSCTs(scts))
}

// bytevectorList returns the bytes of a list of bytevectors, each of size
// bytes when size > 0.
func bytevectorList(who string, pos int, v scheme.Value, size int) ([][]byte, error) {
	items, ok := scheme.ListToSlice(v)
	if !ok {
		return nil, scheme.TypeError(who, pos, "list of bytevectors", v)
	}
	out := make([][]byte, 0, len(items))
	for _, it := range items {
		b, ok := it.(*scheme.Bytevector)
		if !ok || (size > 0 && len(b.B) != size) {
			what := "bytevector"
			if size > 0 {
				what = fmt.Sprintf("%d-byte bytevector", size)
			}
			return nil, scheme.TypeError(who, pos, what, it)
		}
		out = append(out, b.B)
	}
	return out, nil
}
