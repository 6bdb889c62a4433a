// Certificate and key objects of (openssl ext): reading, conversion, chain verification, ephemeral pairs (spec §1.3.5).

package openssl

import (
	"crypto/x509"
	"time"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// certSource converts a certificate/key source: path or PEM string, or DER/PEM bytevector.
func certSource(who string, v scheme.Value) (any, error) {
	return source(who, 1, v)
}

func sslReadCertificates(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-read-certificates"
	src, err := certSource(who, args[0])
	if err != nil {
		return nil, err
	}
	certs, err := tlsctx.ReadCertificatesContext(th.Context(), src)
	if err != nil {
		return nil, located(who, err, args[0])
	}
	return certList(certs), nil
}

func sslReadPrivateKey(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-read-private-key"
	src, err := certSource(who, args[0])
	if err != nil {
		return nil, err
	}
	var pw any
	if tlsval.Given(args[1]) {
		pw = passwordSource(th, args[1])
	}
	k, err := tlsctx.ReadPrivateKeyContext(th.Context(), src, pw)
	if err != nil {
		return nil, located(who, err, args[0])
	}
	return &tlsval.PrivateKey{K: k}, nil
}

func sslPrivateKeyP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, ok := args[0].(*tlsval.PrivateKey)
	return scheme.MakeBool(ok), nil
}

// certificateProc is the (openssl ext) certificate accessor who.
func certificateProc(who string, get func(*x509.Certificate) scheme.Value) scheme.PrimFn {
	return tlsval.CertificateAccessor(who, "ssl-certificate", get)
}

var sslCertificateToDER = certificateProc("ssl-certificate->der", tlsval.CertificateDER)

var sslCertificateInfo = certificateProc("ssl-certificate-info", certificateAlist)

// certificates converts a certificate or a list of them.
func certificates(who string, pos int, v scheme.Value) ([]*x509.Certificate, error) {
	if c, ok := v.(*tlsval.Certificate); ok {
		return []*x509.Certificate{c.C}, nil
	}
	items, ok := scheme.ListToSlice(v)
	if !ok {
		return nil, scheme.TypeError(who, pos, "list of certificates", v)
	}
	out := make([]*x509.Certificate, len(items))
	for i, it := range items {
		c, ok := it.(*tlsval.Certificate)
		if !ok {
			return nil, scheme.TypeError(who, pos, "list of certificates", v)
		}
		out[i] = c.C
	}
	return out, nil
}

func sslVerifyCertificateChain(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-verify-certificate-chain"
	chain, err := certificates(who, 1, args[0])
	if err != nil {
		return nil, err
	}
	hostname := tlsval.Str(args[1])
	var roots *x509.CertPool
	if tlsval.Given(args[2]) {
		rs, err := certificates(who, 0, args[2])
		if err != nil {
			return nil, err
		}
		roots = x509.NewCertPool()
		for _, r := range rs {
			roots.AddCert(r)
		}
	} else if roots, err = x509.SystemCertPool(); err != nil {
		roots = x509.NewCertPool()
	}
	usage := x509.ExtKeyUsageServerAuth
	if tlsval.Given(args[3]) {
		switch p := tlsval.Str(args[3]); p {
		case "server":
		case "client":
			usage = x509.ExtKeyUsageClientAuth
		default:
			return nil, conditions.TypeError(who, "purpose must be server or client", args[3])
		}
	}
	var at time.Time
	if tlsval.Given(args[4]) {
		at = time.Unix(int64(args[4].(scheme.Fixnum)), 0)
	}
	ok, code, msg := verifyChainAt(chain, roots, hostname, usage, at)
	return scheme.Values(scheme.MakeBool(ok), scheme.Fixnum(code), scheme.NewString(msg)), nil
}

// verifyChainAt verifies chain (leaf first) at time at (zero = now) and
// returns the §2.3 code and message.
func verifyChainAt(chain []*x509.Certificate, roots *x509.CertPool, hostname string, usage x509.ExtKeyUsage, at time.Time) (bool, int, string) {
	if len(chain) == 0 {
		return false, conditions.VerifyApplication, "no peer certificate"
	}
	inter := x509.NewCertPool()
	for _, c := range chain[1:] {
		inter.AddCert(c)
	}
	_, err := chain[0].Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, DNSName: hostname,
		CurrentTime: at, KeyUsages: []x509.ExtKeyUsage{usage}})
	code, _, msg, _, _ := conditions.VerifyFromX509(err, chain, hostname)
	return code == 0, code, msg
}

func sslMakeEphemeralCertificate(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	cert, key, err := tlsctx.EphemeralCertificate()
	if err != nil {
		return nil, located("ssl-make-ephemeral-certificate", err)
	}
	return scheme.Values(&tlsval.Certificate{C: cert}, &tlsval.PrivateKey{K: key}), nil
}
