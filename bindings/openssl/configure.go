// The keyword configuration shared by ssl-make-client-context*, ssl-connect*, ssl-listen* and ssl-start* (spec §1.1.2–§1.1.4).

package openssl

import (
	"sync"

	"context"
	"crypto"
	"crypto/x509"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// ctxParams declare the egg keywords of the *-constructors, then the [ext]
// ones. They have no defaults here: an absent keyword is filled from
// (ssl-default-options) first (withDefaults), then by configure.
var ctxParams = sync.OnceValue(func() []scheme.Param {
	return []scheme.Param{
		scheme.Key("protocol", tlsval.TypeProtocol, nil),
		scheme.Key("cipher-list", nil, nil),
		scheme.Key("certificate", scheme.OrFalse(typeCertificate), nil),
		scheme.Key("private-key", scheme.OrFalse(typePrivateKey), nil),
		scheme.Key("private-key-type", nil, nil),
		scheme.Key("private-key-asn1?", nil, nil),
		scheme.Key("certificate-authorities", scheme.OrFalse(typeAuthorities), nil),
		scheme.Key("certificate-authority-directory", scheme.OrFalse(scheme.TypeString), nil),
		scheme.Key("verify?", nil, nil),
		scheme.Key("max-protocol", scheme.OrFalse(tlsval.TypeSymbolName), nil),
		scheme.Key("ciphersuites", nil, nil),
		scheme.Key("alpn", scheme.OrFalse(tlsval.TypeStrings), nil),
		scheme.Key("verify-hostname", nil, nil),
		scheme.Key("password", scheme.OrFalse(typePassword), nil),
		scheme.Key("keylog", scheme.OrFalse(typeKeylog), nil),
		scheme.Key("curves", scheme.OrFalse(typeCurves), nil),
		scheme.Key("client-auth", scheme.OrFalse(typeClientAuth), nil),
		scheme.Key("security-level", typeSecurityLevel, nil),
		scheme.Key("verify-callback", typeCallback, nil),
		scheme.Key("validate-callback", typeCallback, nil),
		scheme.Key("verifier", typeCallback, nil),
		scheme.Key("info-callback", typeCallback, nil),
		scheme.Key("verify-time", nil, nil),
		scheme.Key("ech-config-list", typeECHConfigList, nil),
	}
})

// The types of keyword values with their own converters.
var (
	// typePassword is a password: a string or a thunk returning one.
	typePassword = &scheme.Type{Name: "string or procedure", Accept: func(v scheme.Value) bool {
		_, ok := v.(*scheme.String)
		return ok || scheme.IsProcedure(v)
	}}
	// typeKeylog is where key-log lines go (keyLogWriter, which trusts it).
	typeKeylog = &scheme.Type{Name: "file name, output port or procedure", Accept: func(v scheme.Value) bool {
		switch x := v.(type) {
		case *scheme.String:
			return true
		case *scheme.Port:
			return x.IsOutput()
		}
		return scheme.IsProcedure(v)
	}}
	// typeCertificate is the certificate: keyword: a file name or DER
	// bytevector, a certificate object or chain, or 'ephemeral.
	typeCertificate = &scheme.Type{Name: "file name, bytevector, certificate, list of certificates or 'ephemeral",
		Accept: func(v scheme.Value) bool {
			return isSource(v) || tlsval.TypeCertificate.Accept(v) || typeCertList.Accept(v) && v != scheme.Null ||
				v == scheme.Value(scheme.Intern("ephemeral"))
		}}
	// typePrivateKey is the private-key: keyword: a file name or DER
	// bytevector, or a key object.
	typePrivateKey = &scheme.Type{Name: "file name, bytevector or private key", Accept: func(v scheme.Value) bool {
		_, isKey := v.(*tlsval.PrivateKey)
		return isKey || isSource(v)
	}}
	// typeAuthorities is the certificate-authorities: keyword: a file
	// name, a certificate or a list of them.
	typeAuthorities = &scheme.Type{Name: "file name, certificate or list of certificates", Accept: func(v scheme.Value) bool {
		_, isFile := v.(*scheme.String)
		return isFile || tlsval.TypeCertificate.Accept(v) || typeCertList.Accept(v)
	}}
	typeCertList = tlsval.ListOf("list of certificates", tlsval.TypeCertificate)
	// typeCertificates is a certificate or a list of them (certificates).
	typeCertificates = &scheme.Type{Name: "certificate or list of certificates", Accept: func(v scheme.Value) bool {
		return tlsval.TypeCertificate.Accept(v) || typeCertList.Accept(v)
	}}
	// typeCallback is a callback procedure, or #f for none.
	typeCallback = scheme.OrFalse(scheme.TypeProcedure)
)

// kwargs maps the keyword parameters of a procedure to their laid-out
// argument values (#!default when absent).
type kwargs map[string]scheme.Value

// keys returns the kwargs of the keyword parameters among ps, whose
// values are laid out in args from index off.
func keys(ps []scheme.Param, args []scheme.Value, off int) kwargs {
	m := make(kwargs, len(ps))
	for i, p := range ps {
		if off+i < len(args) {
			m[p.Name] = args[off+i]
		} else {
			m[p.Name] = scheme.Default
		}
	}
	return m
}

// get returns the value of keyword name: #!default when it is a keyword of
// some constructor but not of this procedure. A name no procedure declares
// is a bug in the bindings, not an absent keyword, and panics. nil (the
// keywords of a procedure without any, such as ssl-connect) answers
// #!default without the check, which the keyword procedures sharing its
// code make: no look-up per connection.
func (k kwargs) get(name string) scheme.Value {
	if k == nil {
		return scheme.Default
	}
	if v, ok := k[name]; ok {
		return v
	}
	if !knownKeywords()[name] {
		panic("openssl: undeclared keyword " + name + ":")
	}
	return scheme.Default
}

// knownKeywords holds the names of the keyword parameters of
// ssl-connect*, ssl-listen* and ports->ssl-ports (a set, since
// ssl-connect and ssl-accept look several up per connection).
var knownKeywords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, ps := range [][]scheme.Param{connectParams(), listenParams(), portsToSSLPortsParams()} {
		for _, p := range ps {
			m[p.Name] = true
		}
	}
	return m
})

func concat[T any](a []T, b ...T) []T {
	return append(append([]T(nil), a...), b...)
}

// protocolOf returns the protocol symbol argument name.
func protocolOf(who string, v scheme.Value, def string) (string, error) {
	if tlsval.Absent(v) {
		return def, nil
	}
	if s, ok := v.(*scheme.Symbol); ok {
		return s.Name, nil
	}
	return "", conditions.TypeError(who, "invalid SSL/TLS connection protocol", v)
}

// newContext makes a context for the role from a protocol symbol, with the
// egg's defaults set explicitly (the Go default of tlsctx.New does not
// decide them): a client context verifies neither the chain nor the host
// name until ssl-set-verify! or verify?: turns verification on.
func newContext(who string, role tlsctx.Role, protocol string) (*tlsval.Context, error) {
	c, err := tlsctx.New(role, protocol)
	if err != nil {
		return nil, located(who, err, scheme.Intern(protocol))
	}
	if role == tlsctx.Client {
		if err := explicitClientDefaults(c, false); err != nil {
			return nil, located(who, err)
		}
	}
	return &tlsval.Context{Ctx: c}, nil
}

// explicitClientDefaults sets the verification of a new client context
// the bindings make: chain and host name on or off together, and, as in
// OpenSSL, a connection with no name to check (ssl-start* with sni-name
// #f, ports->ssl-ports without hostname:) verifies the chain only.
func explicitClientDefaults(c *tlsctx.Context, verify bool) error {
	for _, err := range []error{c.SetVerify(verify), c.SetVerifyHostname(verify, ""), c.SetHostnameOptional(true)} {
		if err != nil {
			return err
		}
	}
	return nil
}

// located sets the location (and, for type errors without arguments, the
// offending argument) of a TLS core error.
func located(who string, err error, args ...scheme.Value) error {
	var e *conditions.Error
	if ce, ok := err.(*conditions.Error); ok {
		e = ce.WithLocation(who)
		if len(e.Arguments) == 0 && len(args) > 0 {
			for _, a := range args {
				e.Arguments = append(e.Arguments, a)
			}
		}
		return e
	}
	return tlsval.Located(who, err)
}

// cipherString converts the cipher-list argument: a string, a list joined
// with ":", anything else displayed.
func cipherString(v scheme.Value) string {
	switch x := v.(type) {
	case *scheme.String:
		return x.String()
	case *scheme.Pair:
		items, _ := scheme.ListToSlice(x)
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = scheme.DisplayString(it)
		}
		return strings.Join(parts, ":")
	}
	return scheme.DisplayString(v)
}

// keyType converts the rsa?/private-key-type argument (spec §1.1.5).
func keyType(who string, v scheme.Value) (tlsctx.KeyType, error) {
	switch v {
	case scheme.Default, scheme.Value(scheme.True):
		return tlsctx.KeyRSA, nil
	case scheme.Value(scheme.False):
		return tlsctx.KeyDSA, nil
	}
	if s, ok := v.(*scheme.Symbol); ok {
		switch s.Name {
		case "rsa":
			return tlsctx.KeyRSA, nil
		case "dsa":
			return tlsctx.KeyDSA, nil
		case "dh":
			return tlsctx.KeyDH, nil
		case "ec":
			return tlsctx.KeyEC, nil
		}
	}
	return 0, conditions.TypeError(who, "invalid key type", v)
}

// isSource reports whether v is a pathname (string) or data (a blob or a
// bytevector).
func isSource(v scheme.Value) bool {
	_, err := source("", 0, v)
	return err == nil
}

// source converts a pathname/blob argument: a string is a path, a blob or
// a bytevector the data itself.
func source(who string, pos int, v scheme.Value) (any, error) {
	if s, ok := v.(*scheme.String); ok {
		return s.String(), nil
	}
	if b, ok := scheme.BytesOf(v); ok {
		return b, nil
	}
	return nil, scheme.TypeError(who, pos, "pathname or blob", v)
}

// keywordContext makes a context of role from the keywords of a
// *-constructor: protocol (default 'tlsv12), then configure with verify?
// defaulting to #t on clients and #f on servers.
func keywordContext(th *scheme.Thread, who string, k kwargs, role tlsctx.Role) (*tlsval.Context, error) {
	name, err := protocolOf(who, k.get("protocol"), "tlsv12")
	if err != nil {
		return nil, err
	}
	ctx, err := newContext(who, role, name)
	if err != nil {
		return nil, err
	}
	server := role == tlsctx.Server
	if err := configure(th, who, ctx, k, server, !server); err != nil {
		return nil, err
	}
	return ctx, nil
}

// configure applies the keywords of a *-constructor to c, in the order of
// spec §1.1.2 (client) / §1.1.3 (server). Its files are read under th's
// context (see the package comment).
func configure(th *scheme.Thread, who string, c *tlsval.Context, k kwargs, server bool, verifyDefault bool) error {
	ctx := c.Ctx
	fail := func(err error) error { return located(who, err) }
	cas, caDir := k.get("certificate-authorities"), k.get("certificate-authority-directory")
	if !tlsval.Given(cas) && !tlsval.Given(caDir) {
		caDir = th.Param(tlsval.SSLDefaultCADirectory)
	}
	// [ext] settings that must precede loading.
	if v := k.get("password"); tlsval.Given(v) {
		if err := setPassword(th, who, ctx, v); err != nil {
			return err
		}
	}
	if v := k.get("max-protocol"); tlsval.Given(v) {
		if err := ctx.SetMaxProtocol(scheme.DisplayString(v)); err != nil {
			return fail(err)
		}
	}
	cl := k.get("cipher-list")
	if tlsval.Absent(cl) {
		cl = scheme.NewString("DEFAULT")
	}
	if err := ctx.SetCipherList(cipherString(cl)); err != nil {
		return fail(err)
	}
	if v := k.get("ciphersuites"); tlsval.Given(v) {
		if err := setCiphersuites(th, who, ctx, v); err != nil {
			return err
		}
	}
	cert := k.get("certificate")
	switch {
	case cert == scheme.Value(scheme.Intern("ephemeral")):
		if err := ctx.UseEphemeralCertificate(); err != nil {
			return fail(err)
		}
	case isCertObject(cert):
		if err := useCertificateObjects(th, who, ctx, cert, k.get("private-key")); err != nil {
			return err
		}
	case tlsval.Given(cert):
		src, err := source(who, 0, cert)
		if err != nil {
			return err
		}
		asn1 := tlsval.Bool(k.get("private-key-asn1?"), false)
		if err := ctx.LoadCertificateChainContext(th.Context(), src, asn1 && isBytes(src)); err != nil {
			return fail(err)
		}
		key := k.get("private-key")
		if !tlsval.Given(key) {
			key = cert
		}
		ksrc, err := source(who, 0, key)
		if err != nil {
			return err
		}
		kt, err := keyType(who, k.get("private-key-type"))
		if err != nil {
			return err
		}
		if err := ctx.LoadPrivateKeyContext(th.Context(), ksrc, kt, asn1); err != nil {
			return fail(err)
		}
	case server:
		return conditions.TypeError(who, "no certificate given (certificate: is required; use certificate: 'ephemeral for a throw-away self-signed one)")
	}
	if server && tlsval.Given(cas) {
		if path, ok := cas.(*scheme.String); ok {
			if err := ctx.LoadSuggestedCAsContext(th.Context(), path.String()); err != nil {
				return fail(err)
			}
		}
	}
	if err := loadRoots(th.Context(), who, ctx, cas, caDir); err != nil {
		return err
	}
	verify := tlsval.Bool(k.get("verify?"), verifyDefault)
	if err := ctx.SetVerify(verify); err != nil {
		return fail(err)
	}
	if !server {
		vh := k.get("verify-hostname")
		switch {
		case tlsval.Absent(vh):
			if verify {
				if err := ctx.SetVerifyHostname(true, ""); err != nil {
					return fail(err)
				}
			}
		case vh == scheme.Value(scheme.False):
			if err := ctx.SetVerifyHostname(false, ""); err != nil {
				return fail(err)
			}
		default:
			name := ""
			if s, ok := vh.(*scheme.String); ok {
				name = s.String()
			}
			if err := ctx.SetVerifyHostname(true, name); err != nil {
				return fail(err)
			}
		}
	}
	if err := configureExt(th, who, ctx, k, server); err != nil {
		return err
	}
	if v := k.get("info-callback"); tlsval.Given(v) {
		return setInfoCallback(th, who, c, v)
	}
	return nil
}

// isCertObject reports whether a certificate: value is a certificate
// object or a non-empty list of them [ext].
func isCertObject(v scheme.Value) bool {
	if _, ok := v.(*tlsval.Certificate); ok {
		return true
	}
	if p, ok := v.(*scheme.Pair); ok {
		_, ok := p.Car.(*tlsval.Certificate)
		return ok
	}
	return false
}

// useCertificateObjects installs a certificate object (or chain, leaf
// first) with private-key: a key object, or a key file/blob [ext].
func useCertificateObjects(th *scheme.Thread, who string, ctx *tlsctx.Context, cert, key scheme.Value) error {
	chain, err := certificates(who, 0, cert)
	if err != nil {
		return err
	}
	signer, err := signerOf(th.Context(), who, cert, key)
	if err != nil {
		return err
	}
	if err := ctx.SetCertificate(chain, signer); err != nil {
		return located(who, err)
	}
	return nil
}

// signerOf returns the private key given with cert: a key object, or a
// key file (read under rctx) or blob (unencrypted).
func signerOf(rctx context.Context, who string, cert, key scheme.Value) (crypto.Signer, error) {
	if x, ok := key.(*tlsval.PrivateKey); ok {
		return x.K, nil
	}
	if !tlsval.Given(key) {
		return nil, conditions.TypeError(who, "private-key: is required with a certificate object", cert)
	}
	src, err := source(who, 0, key)
	if err != nil {
		return nil, err
	}
	signer, err := tlsctx.ReadPrivateKeyContext(rctx, src, nil)
	if err != nil {
		return nil, located(who, err)
	}
	return signer, nil
}

func isBytes(src any) bool { _, ok := src.([]byte); return ok }

// loadRoots implements ssl-load-verify-root-certificates! for the
// certificate-authorities / certificate-authority-directory keywords,
// reading files under rctx.
// [ext]: certificate-authorities may also be a certificate object or a list
// of them (e.g. from ssl-listener-certificate).
func loadRoots(rctx context.Context, who string, ctx *tlsctx.Context, cas, caDir scheme.Value) error {
	file := ""
	switch x := cas.(type) {
	case *scheme.String:
		file = x.String()
	case *tlsval.Certificate:
		if err := ctx.AddTrustAnchors([]*x509.Certificate{x.C}); err != nil {
			return located(who, err)
		}
	case *scheme.Pair:
		items, _ := scheme.ListToSlice(x)
		var certs []*x509.Certificate
		for _, it := range items {
			certs = append(certs, it.(*tlsval.Certificate).C)
		}
		if err := ctx.AddTrustAnchors(certs); err != nil {
			return located(who, err)
		}
	}
	if file != "" {
		if err := ctx.LoadVerifyRootsContext(rctx, file, ""); err != nil {
			return located(who, err)
		}
	}
	if d, ok := caDir.(*scheme.String); ok && d.String() != "" {
		if err := ctx.LoadDefaultCADirectoryContext(rctx, d.String()); err != nil {
			return located(who, err)
		}
	}
	return nil
}

// configureExt applies the [ext] keywords that need no ordering; each
// goes through the setting function its ssl-set-…! procedure uses.
func configureExt(th *scheme.Thread, who string, ctx *tlsctx.Context, k kwargs, server bool) error {
	for _, kw := range extKeywords {
		v := k.get(kw.name)
		if !tlsval.Given(v) || (kw.serverOnly && !server) {
			continue
		}
		if err := kw.set(th, who, ctx, v); err != nil {
			return err
		}
	}
	return nil
}

// passwordSource converts a password value: a string, or a procedure
// called with args (none for password:, rwflag and max-length for
// ssl-set-password-callback!) returning a string.
func passwordSource(th *scheme.Thread, v scheme.Value, args ...scheme.Value) any {
	switch x := v.(type) {
	case *scheme.String:
		return x.String()
	}
	return func() (string, error) {
		r, err := th.Call(v, args...)
		if err != nil {
			return "", err
		}
		if s, ok := r.(*scheme.String); ok {
			return s.String(), nil
		}
		return "", fmt.Errorf("openssl: password procedure returned %s, not a string", scheme.WriteString(r))
	}
}

// keyLogWriter converts a keylog: value: a file name (string, appended
// to), an output port (each line written and flushed) or a procedure
// called with each line (without newline).
func keyLogWriter(th *scheme.Thread, who string, v scheme.Value) (io.Writer, error) {
	switch x := v.(type) {
	case *scheme.String:
		f, err := os.OpenFile(x.String(), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, located(who, conditions.Config("", err))
		}
		return f, nil
	case *scheme.Port:
		return tlsval.PortWriter{P: x}, nil
	}
	return lineCallback{in: th.Interp(), proc: v}, nil
}
