// Per-connection configuration snapshots handed to the engine.

package tlsctx

import (
	"crypto/tls"
	"crypto/x509"
	"slices"
	"sync"
	"time"

	"github.com/tlsport/tlsport/conditions"
)

// Role is the side of a connection a context configures.
type Role int

// Roles.
const (
	Client Role = iota
	Server
)

// ConnParams are the per-connection inputs to [Context.ConnConfig].
type ConnParams struct {
	ServerName string // SNI to send; "" sends none. IP literals are never sent.
	VerifyName string // name for hostname verification; "" = ServerName
	Handle     any    // opaque connection object passed to user callbacks
}

// StateObserver is implemented by a ConnParams.Handle that wants each
// handshake state passed to verification, before verification (and the
// user callbacks it runs) begins: peer queries made from inside those
// callbacks can answer from it. It is told on the handshake's goroutine.
type StateObserver interface {
	ObserveState(cs tls.ConnectionState)
}

// ConnConfig is one connection's snapshot of a context.
type ConnConfig struct {
	TLS    *tls.Config   // ready for tls.Client / tls.Server
	Result *VerifyResult // filled during the handshake
	Role   Role          // the side the snapshot configures
}

// VerifyResult is the engine's verification outcome for one connection.
// It is written during the handshake and safe to read after it. A resumed
// handshake may report the verification of its session's full handshake
// (see Verification in the package documentation).
type VerifyResult struct {
	Done    bool                // the handshake ran verification (every handshake does; a peer that sent no certificate gets Code 50, "no peer certificate")
	Code    int                 // OpenSSL code (§2.3); 50 with Message "no peer certificate" when none was sent
	Error   string              // verify-error symbol, e.g. "certificate-has-expired"
	Message string              // OpenSSL message, "ok" when valid
	Depth   conditions.Opt      // chain depth of the failing certificate, none when no certificate is blamed
	Chain   []*x509.Certificate // verified chain if OK, else the presented one
	Err     error               // the x509 (or callback) cause
	// AcceptableCAs are the DER subjects the server listed in its
	// CertificateRequest (clients; recorded when a certificate is requested).
	AcceptableCAs [][]byte
	// ServerContext is the context that handled the connection after an
	// SNI switch (servers), nil if none happened.
	ServerContext *Context
	reused        bool // the kept verification of a resumed session (verifycache.go)
	mu            sync.Mutex
}

// OK reports whether the peer presented a certificate that verified.
func (r *VerifyResult) OK() bool {
	if r == nil {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.Done && r.Code == 0
}

func (r *VerifyResult) set(f func(r *VerifyResult)) {
	r.mu.Lock()
	f(r)
	r.mu.Unlock()
}

// snapshot is an immutable view of a Context built after each mutation.
type snapshot struct {
	ctx          *Context
	gen          uint64    // unique per snapshot (verifycache.go)
	held         *leafRing // servers: leaves of kept verifications (verifycache.go)
	role         Role
	base         *tls.Config
	roots        *x509.CertPool
	enforce      bool
	hostname     bool
	fixedName    string
	verifyTime   func() time.Time
	nameOptional bool
	secLevel     int
	tls13        []uint16
	verifyCB     VerifyCallback
	verifier     Verifier
	clientCertCB ClientCertificateCallback
	cert         *tls.Certificate
	alpn         []string
	alpnAllowNo  bool
	alpnFallback string
	sni          ServerNameCallback
	suggested    *x509.CertPool
	rev          revocation
	validator    *Validator
	sessionCB    SessionCallback
	ticketData   *TicketData
}

// ConnConfig snapshots c for one connection: a fresh *tls.Config clone
// with VerifyConnection (and, as needed, GetConfigForClient,
// GetClientCertificate) installed. Later changes to c never touch it.
func (c *Context) ConnConfig(p ConnParams) (*ConnConfig, error) {
	st := &connState{s: c.snapshot(), p: p}
	st.cc = ConnConfig{Result: &st.res, Role: c.role}
	st.cc.TLS = st.tlsConfig()
	return &st.cc, nil
}

// connState is one connection's ConnConfig with its verify result and the
// inputs of the callbacks its tls.Config carries, allocated together: the
// callbacks are its methods.
type connState struct {
	cc  ConnConfig
	res VerifyResult
	s   *snapshot
	p   ConnParams
}

func (c *Context) snapshot() *snapshot {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap == nil {
		c.snap = c.build()
	}
	return c.snap
}

// build computes the snapshot; c.mu is held.
func (c *Context) build() *snapshot {
	st := &c.st
	s := &snapshot{
		ctx: c, gen: snapGen.Add(1), role: c.role, roots: st.roots, secLevel: st.secLevel,
		tls13: st.tls13, verifyCB: st.verifyCB, verifier: st.verifier,
		clientCertCB: st.clientCertCB, alpn: st.alpn, alpnAllowNo: st.alpnAllowNo,
		alpnFallback: st.alpnFallback, sni: st.sni, suggested: st.suggested,
		hostname: st.verifyHostname, fixedName: st.verifyName, verifyTime: st.verifyTime,
		nameOptional: st.nameOptional, rev: st.rev, validator: st.validator, sessionCB: st.sessionCB,
		ticketData: st.ticketData,
	}
	cfg := &tls.Config{
		MinVersion:             st.minV,
		MaxVersion:             st.maxV,
		CipherSuites:           filterSuites(st.suites, st.secLevel),
		CurvePreferences:       st.curves,
		KeyLogWriter:           st.keyLog,
		SessionTicketsDisabled: st.ticketsOff || st.secLevel >= 3,
		Renegotiation:          st.renegotiation,
		InsecureSkipVerify:     true, // the engine verifies (§3.3)
	}
	if st.tls13Off && cfg.MaxVersion > tls.VersionTLS12 {
		cfg.MaxVersion = tls.VersionTLS12
		if cfg.MinVersion > cfg.MaxVersion {
			cfg.MinVersion = cfg.MaxVersion
		}
	}
	if len(st.chain) > 0 && st.key != nil {
		tc := tls.Certificate{PrivateKey: st.key, Leaf: st.chain[0]}
		for _, x := range st.chain {
			tc.Certificate = append(tc.Certificate, x.Raw)
		}
		s.cert = &tc
		cfg.Certificates = []tls.Certificate{tc}
	}
	cfg.Certificates = append(cfg.Certificates, st.extraCerts...)
	if c.role == Client {
		cfg.ClientSessionCache = st.sessionCache
		cfg.NextProtos = slices.Clone(st.alpn)
		s.enforce = st.verify
	} else {
		s.held = &leafRing{}
		switch st.clientAuth {
		case AuthRequest, AuthVerifyIfGiven:
			cfg.ClientAuth = tls.RequestClientCert
		case AuthRequireAny, AuthRequire:
			cfg.ClientAuth = tls.RequireAnyClientCert
		}
		s.enforce = st.clientAuth == AuthRequire || st.clientAuth == AuthVerifyIfGiven
		if !cfg.SessionTicketsDisabled {
			cfg.SetSessionTicketKeys(st.sessionTicketKeys())
		}
		if st.suggested != nil {
			cfg.ClientCAs = st.suggested
		} else if !st.rootsSystem {
			cfg.ClientCAs = st.roots
		}
		if cb := st.certCB; cb != nil {
			cfg.GetCertificate = func(h *tls.ClientHelloInfo) (*tls.Certificate, error) {
				tc, err := cb(h.ServerName)
				if err != nil {
					return nil, &conditions.CallbackError{Cause: err, Name: "certificate callback"}
				}
				return tc, nil
			}
		}
		st.rev.installStaple(cfg, st.anchors)
	}
	st.ech.apply(cfg, st.roots, s.enforce)
	s.base = cfg
	return s
}

// filterSuites applies the security level to the TLS ≤1.2 suite list.
func filterSuites(ids []uint16, level int) []uint16 {
	if level < 2 {
		return slices.Clone(ids)
	}
	if ids == nil {
		ids = defaultSuiteIDs()
	}
	var out []uint16
	for _, id := range ids {
		s, ok := SuiteByID(id)
		if !ok {
			continue
		}
		if s.Enc == "3DES" || s.Enc == "RC4" {
			continue
		}
		if level >= 3 && s.Kx == "RSA" {
			continue
		}
		if level >= 4 && s.Bits < 256 {
			continue
		}
		out = append(out, id)
	}
	if len(out) == 0 {
		out = []uint16{} // nothing left: only TLS 1.3 remains
	}
	return out
}

// tlsConfig returns the connection's tls.Config.
func (st *connState) tlsConfig() *tls.Config {
	s, p := st.s, st.p
	cfg := s.base.Clone()
	if s.role == Client {
		if !IsIPLiteral(p.ServerName) {
			cfg.ServerName = p.ServerName
		}
		cfg.GetClientCertificate = st.clientCertificate
	} else if s.sni != nil || len(s.alpn) > 0 || s.validator != nil {
		cfg.GetConfigForClient = st.configForClient
	}
	cfg.VerifyConnection = st.verifyConnection
	s.observeSessions(cfg, p)
	return cfg
}

// verifyConnection is the connection's VerifyConnection.
func (st *connState) verifyConnection(cs tls.ConnectionState) error {
	return st.s.verify(cs, st.p, &st.res)
}

// configForClient is a server connection's GetConfigForClient.
func (st *connState) configForClient(h *tls.ClientHelloInfo) (*tls.Config, error) {
	return st.s.forHello(h, st.p, &st.res, true)
}

// clientCertificate is a client connection's GetClientCertificate: it
// records the CAs the server accepts, then asks the client certificate
// callback, else offers the context's certificate, else none.
func (st *connState) clientCertificate(info *tls.CertificateRequestInfo) (*tls.Certificate, error) {
	st.res.set(func(r *VerifyResult) { r.AcceptableCAs = info.AcceptableCAs })
	if cb := st.s.clientCertCB; cb != nil {
		tc, err := cb(st.p.Handle, info)
		if err != nil {
			return nil, &conditions.CallbackError{Cause: err, Name: "client certificate callback"}
		}
		if tc != nil {
			return tc, nil
		}
	}
	if cert := st.s.cert; cert != nil {
		return cert, nil
	}
	return &tls.Certificate{}, nil
}

// forHello is the server's GetConfigForClient: SNI switch, then ALPN selection.
func (s *snapshot) forHello(h *tls.ClientHelloInfo, p ConnParams, res *VerifyResult, allowSNI bool) (*tls.Config, error) {
	if allowSNI && s.validator != nil {
		cur, err := s.validateHello(h, p, res)
		if err != nil {
			return nil, err
		}
		if cur != s {
			return cur.forHello(h, p, res, false)
		}
	}
	if allowSNI && s.sni != nil && h.ServerName != "" {
		other, err := s.sni(h.ServerName)
		if err != nil {
			return nil, &conditions.CallbackError{Cause: err, Name: "server name callback"}
		}
		if other != nil && other != s.ctx {
			res.set(func(r *VerifyResult) { r.ServerContext = other })
			os := other.snapshot()
			if os.role != Server {
				return nil, &conditions.CallbackError{Cause: "not a server context", Name: "server name callback"}
			}
			return os.forHello(h, p, res, false)
		}
	}
	if !allowSNI || len(s.alpn) > 0 || s.validator != nil {
		cfg := s.base.Clone()
		cfg.VerifyConnection = func(cs tls.ConnectionState) error { return s.verify(cs, p, res) }
		protos, err := s.validateALPN(h, p, SelectALPN(s.alpn, h.SupportedProtos, s.alpnAllowNo, s.alpnFallback))
		if err != nil {
			return nil, err
		}
		cfg.NextProtos = protos
		s.observeSessions(cfg, p)
		return cfg, nil
	}
	return nil, nil
}

// SelectALPN applies the server rule of spec §1.3.1 and returns the
// NextProtos to install for one connection: the first server protocol the
// client offers; with no overlap the server list (Go then aborts with
// alert 120) unless allowNoMatch, in which case nil (no ALPN) or, with
// fallback "client-first", the client's first protocol.
func SelectALPN(server, client []string, allowNoMatch bool, fallback string) []string {
	if len(server) == 0 || len(client) == 0 {
		return nil
	}
	for _, sp := range server {
		if slices.Contains(client, sp) {
			return []string{sp}
		}
	}
	if !allowNoMatch {
		return slices.Clone(server)
	}
	if fallback == "client-first" {
		return []string{client[0]}
	}
	return nil
}
