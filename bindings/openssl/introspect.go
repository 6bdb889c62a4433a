// Connection introspection of (openssl ext): certificates, verification result, status and connection alists (spec §1.3.2, §1.3.3).

package openssl

import (
	"crypto/tls"
	"crypto/x509"

	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// connPeer forces the handshake of conn and returns its peer chain (as sent, leaf first).
func connPeer(th *scheme.Thread, who string, v scheme.Value) (*tlsval.ConnRef, []*x509.Certificate, error) {
	c, err := handshaken(th, who, v)
	if err != nil {
		return nil, nil, err
	}
	return c, c.ConnState().PeerCertificates, nil
}

func sslPeerCertificate(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, leaf, err := peerLeaf(th, "ssl-peer-certificate", args[0])
	if err != nil {
		return nil, err
	}
	return tlsval.CertificateValue(leaf), nil
}

func certList(certs []*x509.Certificate) scheme.Value {
	vals := make([]scheme.Value, len(certs))
	for i, c := range certs {
		vals[i] = &tlsval.Certificate{C: c}
	}
	return scheme.List(vals...)
}

func sslPeerCertificateChain(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, certs, err := connPeer(th, "ssl-peer-certificate-chain", args[0])
	if err != nil {
		return nil, err
	}
	return certList(certs), nil
}

// localContext is the context whose certificate the connection presents:
// the SNI-selected one on servers when a switch happened.
func localContext(c *tlsval.ConnRef, m *tlsval.ConnMeta) *tlsctx.Context {
	if r := c.E.VerifyResult(); r != nil && r.ServerContext != nil {
		return r.ServerContext
	}
	return m.Ctx
}

// localCertificate is the leaf the connection presents (servers) or would
// present on request (clients), or nil.
func localCertificate(th *scheme.Thread, c *tlsval.ConnRef) *x509.Certificate {
	if ctx := localContext(c, c.Meta); ctx != nil {
		return ctx.Certificate()
	}
	return nil
}

func sslLocalCertificate(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-local-certificate", args[0])
	if err != nil {
		return nil, err
	}
	return tlsval.CertificateValue(localCertificate(th, c)), nil
}

// verifyResult returns ok?, code and message of a finished handshake; a
// peer that sent no certificate is code 50 "no peer certificate".
func verifyResult(c *tlsval.ConnRef) (bool, int, string) {
	r := c.E.VerifyResult()
	if r == nil || !r.Done || len(c.ConnState().PeerCertificates) == 0 {
		return false, 50, "no peer certificate"
	}
	return r.OK(), r.Code, r.Message
}

func sslVerifyResult(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-verify-result", args[0])
	if err != nil {
		return nil, err
	}
	ok, code, msg := verifyResult(c)
	return scheme.Values(scheme.MakeBool(ok), scheme.Fixnum(code), scheme.NewString(msg)), nil
}

// optStr is s as a string, or #f when empty.
func optStr(s string) scheme.Value {
	if s == "" {
		return scheme.False
	}
	return scheme.NewString(s)
}

func sslStatus(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-status"
	c, err := tlsval.ConnOf(who, args[0])
	if err != nil {
		return nil, err
	}
	cs, ok := c.State()
	if !ok {
		return scheme.Null, nil
	}
	m := c.Meta
	suite, _ := tlsctx.SuiteByID(cs.CipherSuite)
	var a alist
	a.add("alpn", optStr(cs.NegotiatedProtocol))
	a.add("cipher", optStr(suite.Name))
	peername := m.VerifyName
	if peername == "" && len(cs.PeerCertificates) > 0 {
		if names := tlsctx.CertificateHostnames(cs.PeerCertificates[0]); len(names) > 0 {
			peername = names[0]
		}
	}
	a.add("peername", optStr(peername))
	a.str("protocol", tlsctx.VersionName(cs.Version))
	a.add("sbits", scheme.Fixnum(suite.Strength))
	a.add("signature-hash-algorithm", scheme.False)
	a.add("signature-type", scheme.False)
	a.add("verify-depth", scheme.Fixnum(-1))
	ctx := localContext(c, m)
	var mode, cas []string
	if ctx != nil {
		mode = ctx.VerifyMode()
		if ctx.Role() == tlsctx.Server {
			cas = ctx.SuggestedCANames()
		}
	}
	syms := make([]scheme.Value, len(mode))
	for i, s := range mode {
		syms[i] = scheme.Intern(s)
	}
	a.add("verify-mode", scheme.List(syms...))
	_, _, msg := verifyResult(c)
	a.str("verify-result", msg)
	if r := c.E.VerifyResult(); r != nil && c.E.Role() == tlsctx.Client {
		for _, raw := range r.AcceptableCAs {
			cas = append(cas, tlsctx.RFC4514(raw))
		}
	}
	a.add("ca-names", strs(cas))
	var cert *x509.Certificate
	if len(args) > 1 && scheme.Truthy(scheme.OrDefault(args[1], scheme.False)) {
		cert = localCertificate(th, c)
	} else if len(cs.PeerCertificates) > 0 {
		cert = cs.PeerCertificates[0]
	}
	if cert != nil {
		certificateInfo(&a, cert)
	}
	return a.list(), nil
}

func sslConnectionInfo(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := tlsval.ConnOf("ssl-connection-info", args[0])
	if err != nil {
		return nil, err
	}
	m := c.Meta
	cs, done := c.State()
	server := c.E.Role() == tlsctx.Server
	suite, known := tlsctx.SuiteByID(cs.CipherSuite)
	var a alist
	a.add("state", scheme.Intern(c.E.State().String()))
	a.add("server-name", optStr(cs.ServerName))
	a.add("protocol", optStr(tlsctx.VersionName(cs.Version)))
	ctx := localContext(c, m)
	switch {
	case server:
		a.add("renegotiation", scheme.Intern("unsupported"))
	case ctx != nil:
		a.add("renegotiation", scheme.Intern(ctx.Renegotiation()))
	default:
		a.add("renegotiation", scheme.Intern("never"))
	}
	level := 1
	if ctx != nil {
		level = ctx.SecurityLevel()
	}
	a.add("security-level", scheme.Fixnum(level))
	a.add("session-reused?", scheme.MakeBool(cs.DidResume))
	a.add("server?", scheme.MakeBool(server))
	a.add("compression", scheme.Intern("none"))
	a.add("expansion", scheme.Intern("none"))
	if known {
		a.str("cipher", suite.Name)
		a.str("standard-name", suite.IANA)
		a.add("bits", scheme.Fixnum(suite.Bits))
		a.add("secret-bits", scheme.Fixnum(suite.Strength))
		a.str("min-version", suite.MinVersionName())
		a.add("id", scheme.Fixnum(suite.OpenSSLID()))
		a.str("description", suite.Description())
	} else {
		for _, k := range []string{"cipher", "standard-name", "bits", "secret-bits", "min-version", "id", "description"} {
			a.add(k, scheme.False)
		}
	}
	group := scheme.Value(scheme.False)
	if cs.CurveID != 0 {
		group = scheme.NewString(cs.CurveID.String())
	}
	a.add("group", group)
	a.add("hello-retry-request?", scheme.MakeBool(cs.HelloRetryRequest))
	a.add("ech-accepted?", scheme.MakeBool(cs.ECHAccepted))
	a.add("alpn", optStr(cs.NegotiatedProtocol))
	sess := clientSession(c, m)
	switch {
	case server:
		a.add("resumable?", scheme.MakeBool(m.CC != nil && !m.CC.TLS.SessionTicketsDisabled))
	default:
		a.add("resumable?", scheme.MakeBool(sess != nil))
	}
	start := scheme.Value(scheme.False)
	if t := m.StartTime(done); !t.IsZero() {
		start = scheme.Fixnum(t.Unix())
	}
	a.add("start-time", start)
	if server {
		a.add("timeout", scheme.Fixnum(604800))
	} else {
		a.add("timeout", scheme.False)
	}
	id, life := sessionIDAndLifetime(sess)
	a.add("lifetime", life)
	a.add("session-id", id)
	ticket, extra := scheme.Value(scheme.False), scheme.Value(scheme.Null)
	if sess != nil {
		if t, st, err := sess.ResumptionState(); err == nil {
			ticket = &scheme.Bytevector{B: t}
			if st != nil {
				vals := make([]scheme.Value, len(st.Extra))
				for i, e := range st.Extra {
					vals[i] = &scheme.Bytevector{B: e}
				}
				extra = scheme.List(vals...)
			}
		}
	}
	a.add("session-ticket", ticket)
	a.add("ticket-app-data", extra)
	master := scheme.Value(scheme.False)
	if k := m.MasterKey(); k != nil {
		master = &scheme.Bytevector{B: k}
	}
	a.add("master-key", master)
	mode := "off"
	if ctx != nil {
		mode = ctx.SessionCacheMode()
	}
	a.add("session-cache-mode", scheme.Intern(mode))
	ocsp := scheme.Value(scheme.False)
	if len(cs.OCSPResponse) > 0 {
		ocsp = &scheme.Bytevector{B: cs.OCSPResponse}
	}
	a.add("ocsp-response", ocsp)
	scts := make([]scheme.Value, len(cs.SignedCertificateTimestamps))
	for i, s := range cs.SignedCertificateTimestamps {
		scts[i] = &scheme.Bytevector{B: s}
	}
	a.add("scts", scheme.List(scts...))
	return a.list(), nil
}

// clientSession is the resumable session cached for a client connection's
// server, or nil (servers, no cache, nothing cached yet).
func clientSession(c *tlsval.ConnRef, m *tlsval.ConnMeta) *tls.ClientSessionState {
	cache := m.SessionCache()
	if cache == nil || c.E.Role() != tlsctx.Client || !c.E.HandshakeComplete() {
		return nil
	}
	key := m.ServerName
	if key == "" {
		key = c.E.RemoteAddr().String()
	}
	s, ok := cache.Get(key)
	if !ok {
		return nil
	}
	return s
}

func sslCipher(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-cipher", args[0])
	if err != nil {
		return nil, err
	}
	id := c.ConnState().CipherSuite
	if s, ok := tlsctx.SuiteByID(id); ok {
		return scheme.NewString(s.Name), nil
	}
	return scheme.NewString(tls.CipherSuiteName(id)), nil
}

func sslSession(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-session", args[0])
	if err != nil {
		return nil, err
	}
	if s := clientSession(c, c.Meta); s != nil {
		return &tlsval.Session{S: s}, nil
	}
	return scheme.False, nil
}

func sslSessionReusedP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-session-reused?", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(c.ConnState().DidResume), nil
}

func sslNegotiatedProtocol(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-negotiated-protocol", args[0])
	if err != nil {
		return nil, err
	}
	return optStr(c.ConnState().NegotiatedProtocol), nil
}

func sslPortState(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	if l, ok := args[0].(*tlsval.Listener); ok {
		if l.L.Closed() {
			return scheme.Intern("closed"), nil
		}
		return scheme.Intern("listener"), nil
	}
	c, err := tlsval.ConnOf("ssl-port-state", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.Intern(c.E.State().String()), nil
}

func sslPortTruncatedP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := tlsval.ConnOf("ssl-port-truncated?", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(c.E.Truncated()), nil
}

func sslBlockingP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := tlsval.ConnOf("ssl-blocking?", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(c.E.Blocking()), nil
}
