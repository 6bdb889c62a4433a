// Keyword arguments → a per-socket tlsctx.Context: certificates, keys, trust, verifier, versions, suites (spec §1.2.1).

package rfctls

import (
	"sync"

	"crypto"
	"crypto/tls"
	"crypto/x509"
	"strings"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// kw is the keyword arguments of one call, by name (absent = Default).
type kw map[string]scheme.Value

// keys returns the kw of the keyword parameters ps, laid out in args from
// index from.
func keys(ps []scheme.Param, args []scheme.Value, from int) kw {
	k := kw{}
	for i, p := range ps {
		k[p.Name] = args[from+i]
	}
	return k
}

// get returns the value of keyword n: #!default when another procedure
// declares it. A name no procedure declares is a bug in the bindings, not
// an absent keyword, and panics.
func (k kw) get(n string) scheme.Value {
	if v, ok := k[n]; ok && v != nil {
		return v
	}
	for _, ps := range [][]scheme.Param{decls().client, decls().listen, decls().socketToTLS} {
		for _, p := range ps {
			if p.Name == n {
				return scheme.Default
			}
		}
	}
	panic("rfctls: undeclared keyword :" + n)
}

// The types of keyword values that need no converter of their own.
var (
	// typeHello is the :hello-extensions list (not #f: parseHello).
	typeHello = tlsval.ListOf("list of hello extensions", &scheme.Type{Name: "hello extension", Accept: func(v scheme.Value) bool {
		_, ok := v.(*HelloExtension)
		return ok
	}})
	typeVerifier = &scheme.Type{Name: "boolean or procedure", Accept: func(v scheme.Value) bool {
		_, ok := v.(*scheme.Boolean)
		return ok || scheme.IsProcedure(v)
	}}
)

// key declares an untyped keyword parameter.
func key(name string) scheme.Param { return scheme.Key(name, nil, nil) }

// keywords are the keyword declarations of the constructors, made when
// first needed (their #f-or types are made by scheme.OrFalse, which would
// otherwise run at every start).
type keywords struct {
	client      []scheme.Param // make-client-tls-socket
	listen      []scheme.Param // make-server-tls-socket[*], the [ext] host last
	socketToTLS []scheme.Param // socket->tls-socket
	certs       *scheme.Type   // a list of certificates or #f
}

var decls = sync.OnceValue(func() *keywords {
	// the types of keyword values, each #f for "not given"
	typeCerts := scheme.OrFalse(tlsval.ListOf("list of x509 certificates", tlsval.TypeCertificate))
	typeVersion := scheme.OrFalse(&scheme.Type{Name: "TLS version number", Accept: tlsval.TypeFixnum.Accept})
	typeCipherSuites := scheme.OrFalse(tlsval.ListOf("list of cipher suite numbers", tlsval.TypeFixnum))
	typeKeylog := scheme.OrFalse(&scheme.Type{Name: "output port", Accept: func(v scheme.Value) bool {
		p, ok := v.(*scheme.Port)
		return ok && p.IsOutput()
	}})
	// typePrivateKey is a :private-key value (privateKey).
	typePrivateKey := scheme.OrFalse(&scheme.Type{Name: "private key, DER bytevector or PEM string", Accept: func(v scheme.Value) bool {
		switch x := v.(type) {
		case *tlsval.PrivateKey, *scheme.Bytevector:
			return true
		case *scheme.String:
			return strings.Contains(x.String(), "-----BEGIN")
		}
		return false
	}})
	// the [ext] :info-callback keyword (the info callback of
	// ssl-set-info-callback!, installed before the handshake)
	keyInfoCallback := scheme.Key("info-callback", scheme.OrFalse(scheme.TypeProcedure), nil)
	return &keywords{
		client: []scheme.Param{key("handshake"), scheme.Key("certificates", typeCerts, nil), scheme.Key("private-key", typePrivateKey, nil),
			scheme.Key("hello-extensions", typeHello, nil), scheme.Key("certificate-verifier", typeVerifier, nil), scheme.Key("authorities", typeCerts, nil), key("alpn"),
			key("server-name"), key("verify-hostname"), scheme.Key("min-version", typeVersion, nil),
			scheme.Key("ciphersuites", scheme.OrFalse(scheme.TypeString), nil), scheme.Key("keylog", typeKeylog, nil),
			scheme.Key("ech-config-list", scheme.OrFalse(scheme.TypeBytevector), nil),
			scheme.Key("version", typeVersion, nil), key("prng"), key("session"), scheme.Key("cipher-suites", typeCipherSuites, nil), keyInfoCallback},
		listen: []scheme.Param{scheme.Key("private-key", typePrivateKey, nil), scheme.Key("authorities", typeCerts, nil),
			key("client-certificate-required?"), scheme.Key("certificate-verifier", typeVerifier, nil), key("prng"), scheme.Key("version", typeVersion, nil),
			scheme.Key("cipher-suites", typeCipherSuites, nil), key("alpn"), scheme.Key("min-version", typeVersion, nil),
			scheme.Key("ciphersuites", scheme.OrFalse(scheme.TypeString), nil), scheme.Key("keylog", typeKeylog, nil),
			scheme.Key("server-name-callback", scheme.OrFalse(scheme.TypeProcedure), nil), keyInfoCallback, scheme.Key("host", scheme.OrFalse(scheme.TypeString), nil)},
		socketToTLS: []scheme.Param{key("client-socket"), key("handshake"), scheme.Key("hello-extensions", typeHello, nil),
			scheme.Key("certificates", typeCerts, nil), scheme.Key("private-key", typePrivateKey, nil), scheme.Key("authorities", typeCerts, nil), key("peer-certificate-required?"),
			scheme.Key("certificate-verifier", typeVerifier, nil), keyInfoCallback},
		certs: typeCerts,
	}
})

func certList(who string, v scheme.Value) ([]*x509.Certificate, error) {
	if v == scheme.Default || v == scheme.Value(scheme.False) {
		return nil, nil
	}
	items, ok := scheme.ListToSlice(v)
	if !ok {
		return nil, scheme.TypeError(who, 0, "list of x509 certificates", v)
	}
	out := make([]*x509.Certificate, 0, len(items))
	for _, it := range items {
		c, ok := it.(*tlsval.Certificate)
		if !ok {
			return nil, scheme.TypeError(who, 0, "list of x509 certificates", v)
		}
		out = append(out, c.C)
	}
	return out, nil
}

func privateKey(who string, v scheme.Value) (crypto.Signer, error) {
	switch x := v.(type) {
	case *tlsval.PrivateKey:
		return x.K, nil
	case *scheme.Bytevector:
		k, err := tlsctx.ReadPrivateKey(x.B, nil)
		return k, tlsval.Located(who, err)
	case *scheme.String:
		if !strings.Contains(x.String(), "-----BEGIN") {
			return nil, scheme.TypeError(who, 0, "private key, DER bytevector or PEM string", v)
		}
		k, err := tlsctx.ReadPrivateKey(x.String(), nil)
		return k, tlsval.Located(who, err)
	}
	if v == scheme.Default || v == scheme.Value(scheme.False) {
		return nil, nil
	}
	return nil, scheme.TypeError(who, 0, "private key, DER bytevector or PEM string", v)
}

// versionName maps a *tls-version-…* number (a :version value) to a protocol
// name.
func versionName(who string, v scheme.Value) (string, uint16, error) {
	n := v.(scheme.Fixnum)
	switch uint16(n) {
	case tls.VersionTLS10:
		return "tlsv1", tls.VersionTLS10, nil
	case tls.VersionTLS11:
		return "tlsv11", tls.VersionTLS11, nil
	case tls.VersionTLS12:
		return "tlsv12", tls.VersionTLS12, nil
	case tls.VersionTLS13:
		return "tlsv13", tls.VersionTLS13, nil
	}
	if n > 0 && n < tls.VersionTLS10 {
		return "", 0, conditions.Unsupported("SSL 3.0 and older are not supported by Go crypto/tls").WithLocation(who)
	}
	return "", 0, scheme.RangeError(who, 0, "unknown TLS version", v)
}

// contextValue returns the context value of a new socket over c, with the
// :info-callback of k installed when given (nil otherwise: made on demand
// by TLSContext).
func contextValue(th *scheme.Thread, who string, c *tlsctx.Context, k kw) (*tlsval.Context, error) {
	v := k.get("info-callback")
	if !tlsval.Given(v) {
		return nil, nil
	}
	cv := &tlsval.Context{Ctx: c}
	if err := tlsval.SetInfoCallback(th, who, cv, v); err != nil {
		return nil, err
	}
	return cv, nil
}

// configure applies the keywords shared by clients and servers to c.
func configure(th *scheme.Thread, who string, c *tlsctx.Context, k kw) error {
	minName, maxName := "", ""
	if v := k.get("version"); tlsval.Given(v) {
		name, ver, err := versionName(who, v)
		if err != nil {
			return err
		}
		maxName = name
		if ver < tls.VersionTLS12 {
			minName = name
		}
	}
	if v := k.get("min-version"); tlsval.Given(v) {
		name, _, err := versionName(who, v)
		if err != nil {
			return err
		}
		minName = name
	}
	if minName != "" || maxName != "" {
		if minName == "" {
			minName = "tlsv1"
		}
		if maxName == "" {
			maxName = "tlsv13"
		}
		if err := c.SetProtocolRange(minName, maxName); err != nil {
			return tlsval.Located(who, err)
		}
	}
	if v := k.get("cipher-suites"); tlsval.Given(v) {
		items, _ := scheme.ListToSlice(v)
		var spec []string
		for _, it := range items {
			n := it.(scheme.Fixnum)
			if s, ok := tlsctx.SuiteByID(uint16(n)); ok && !s.TLS13 {
				spec = append(spec, s.Name)
			}
		}
		if len(spec) == 0 {
			return conditions.Config("no cipher match", nil).WithLocation(who)
		}
		if err := c.SetCipherList(strings.Join(spec, ":")); err != nil {
			return tlsval.Located(who, err)
		}
	}
	if v := k.get("ciphersuites"); tlsval.Given(v) {
		if err := c.SetCiphersuites(v.(*scheme.String).String()); err != nil {
			return tlsval.Located(who, err)
		}
	}
	if v := k.get("alpn"); tlsval.Given(v) {
		p, err := names(who, v)
		if err != nil {
			return err
		}
		if err := c.SetALPN(p, c.Role() == tlsctx.Server, ""); err != nil {
			return tlsval.Located(who, err)
		}
	}
	if v := k.get("keylog"); tlsval.Given(v) {
		if err := c.SetKeyLog(tlsval.PortWriter{P: v.(*scheme.Port)}); err != nil {
			return tlsval.Located(who, err)
		}
	}
	return nil
}

// setVerifier applies :certificate-verifier (and :authorities as trust
// anchors): #f no verification; #t chain (+ host name on clients) against
// the system roots and the authorities; a procedure (depth previous-ok?
// cert-bytevector) called per certificate, whose #f or raise rejects.
func setVerifier(th *scheme.Thread, who string, c *tlsctx.Context, v scheme.Value, authorities []*x509.Certificate, hostname bool) error {
	isProc := scheme.IsProcedure(v)
	on := isProc || (v != scheme.Default && scheme.Truthy(v))
	if on && (c.Role() == tlsctx.Client || len(authorities) == 0) {
		if err := c.LoadSystemRoots(); err != nil && len(authorities) == 0 && !isProc {
			return tlsval.Located(who, err)
		}
	}
	if len(authorities) > 0 {
		if err := c.AddTrustAnchors(authorities); err != nil {
			return tlsval.Located(who, err)
		}
	}
	if c.Role() == tlsctx.Client {
		if err := c.SetVerify(on && !isProc); err != nil {
			return err
		}
		if err := c.SetVerifyHostname(on && hostname, ""); err != nil {
			return err
		}
	}
	if isProc {
		in := th.Interp()
		return c.SetVerifyCallback(func(handle any, depth int, cert *x509.Certificate, ok bool, errMsg string) (int, error) {
			h, _ := tlsval.HandleOf(handle)
			r, err := h.Call(in, v, scheme.Fixnum(depth), scheme.MakeBool(ok), &scheme.Bytevector{B: append([]byte(nil), cert.Raw...)})
			if err != nil {
				return tlsctx.VerdictKeep, err
			}
			if r == scheme.Value(scheme.False) {
				return tlsctx.VerdictReject, nil
			}
			return tlsctx.VerdictAccept, nil
		})
	}
	return nil
}

// clientCertificateCallback calls the socket's callback (set by
// tls-socket-client-certificate-callback-set!) when a server asks for a
// certificate: (proc tls-socket) => (cons private-key (list cert …)) or #f.
func clientCertificateCallback(in *scheme.Interp) tlsctx.ClientCertificateCallback {
	return func(handle any, info *tls.CertificateRequestInfo) (*tls.Certificate, error) {
		h, conn := tlsval.HandleOf(handle)
		s, ok := conn.(*TLSSocket)
		if !ok {
			return nil, nil
		}
		s.mu.Lock()
		proc := s.certCB
		s.mu.Unlock()
		if proc == nil || proc == scheme.Value(scheme.False) {
			return nil, nil
		}
		r, err := h.Call(in, proc, s)
		if err != nil {
			return nil, err
		}
		if r == scheme.Value(scheme.False) {
			return &tls.Certificate{}, nil
		}
		p, ok := r.(*scheme.Pair)
		if !ok {
			return nil, conditions.TypeError("tls-socket-client-certificate-callback", "expected (private-key . certificates), got", r)
		}
		key, err := privateKey("tls-socket-client-certificate-callback", p.Car)
		if err != nil {
			return nil, err
		}
		chain, err := certList("tls-socket-client-certificate-callback", p.Cdr)
		if err != nil {
			return nil, err
		}
		tc := &tls.Certificate{PrivateKey: key}
		for _, c := range chain {
			tc.Certificate = append(tc.Certificate, c.Raw)
		}
		if len(chain) > 0 {
			tc.Leaf = chain[0]
		}
		return tc, nil
	}
}
