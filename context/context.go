// Context: the mutable, mutex-guarded TLS configuration shared by connections.

package tlsctx

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"io"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/tlsport/tlsport/conditions"
)

// ClientAuth modes of ssl-set-client-auth! (spec §1.3.1).
const (
	AuthNone          = "none"
	AuthRequest       = "request"
	AuthRequireAny    = "require-any"
	AuthVerifyIfGiven = "verify-if-given"
	AuthRequire       = "require"
)

// Verdicts returned by a VerifyCallback.
const (
	VerdictKeep   = 0 // keep the engine's ok? value
	VerdictAccept = 1 // this certificate counts as valid: no abort, but a failure stays in the VerifyResult
	VerdictReject = 2 // explicit rejection: abort the handshake
)

// VerifyCallback is called per certificate, depth len-1 … 0 (spec §1.3.1).
type VerifyCallback func(handle any, depth int, cert *x509.Certificate, ok bool, errMsg string) (verdict int, err error)

// Verifier is the whole-connection verifier (twapi -verifier).
type Verifier func(handle any, cs tls.ConnectionState) (bool, error)

// ClientCertificateCallback supplies the client certificate on request.
type ClientCertificateCallback func(handle any, info *tls.CertificateRequestInfo) (*tls.Certificate, error)

// CertificateCallback supplies the server certificate per handshake; a nil
// result uses the loaded chain.
type CertificateCallback func(serverName string) (*tls.Certificate, error)

// ServerNameCallback picks a context for an SNI name; nil keeps the current one.
type ServerNameCallback func(name string) (*Context, error)

// Context is a client or server TLS context (spec §0.3). All methods are
// safe for concurrent use. A Context is mutable until Seal; mutations never
// affect connections already created (see ConnConfig).
type Context struct {
	mu     sync.Mutex
	role   Role
	sealed bool
	st     state
	snap   *snapshot // cached, rebuilt after each mutation
}

// state is the configurable part of a Context (copied by Copy).
type state struct {
	minV, maxV     uint16
	suites         []uint16 // nil = Go default
	tls13          []uint16 // nil = all allowed
	tls13Off       bool
	secLevel       int
	chain          []*x509.Certificate
	key            crypto.Signer
	extraCerts     []tls.Certificate // further chains (chains.go), never modified in place
	roots          *x509.CertPool    // nil = no anchors (copy-on-write)
	rootsSystem    bool
	suggested      *x509.CertPool
	suggestedNames []string
	anchors        []*x509.Certificate
	constraints    map[*x509.Certificate]AnchorConstraint // of some anchors (anchor.go), never modified in place
	verify         bool                                   // client: enforce
	verifyHostname bool
	verifyName     string
	verifyTime     func() time.Time // nil = now
	nameOptional   bool             // no name to check: chain only (OpenSSL) instead of failing
	clientAuth     string           // server
	alpn           []string
	alpnAllowNo    bool
	alpnFallback   string
	sni            ServerNameCallback
	keyLog         io.Writer
	sessionCache   tls.ClientSessionCache
	sessionCacheN  int
	ticketKey      [32]byte   // server: session ticket key shared by all its connections
	ticketKeys     [][32]byte // server: keys set by SetSessionTicketKeys (ticketkeys.go), nil = ticketKey
	ticketsOff     bool
	curves         []tls.CurveID
	renegotiation  tls.RenegotiationSupport
	password       PasswordFunc
	verifyCB       VerifyCallback
	verifier       Verifier
	clientCertCB   ClientCertificateCallback
	certCB         CertificateCallback
	rev            revocation // CRLs and OCSP (revocation.go)
	validator      *Validator // server validate callback kinds (validate.go)
	sessionCB      SessionCallback
	ticketData     *TicketData // server ticket data callbacks (ticketdata.go)
	ech            ech         // Encrypted Client Hello (ech.go)
	userData       map[any]any // binding data (userdata.go), never modified in place
}

// New returns a context for role with the protocol symbol of spec §3.1:
// no certificate and no trust anchors (add them with LoadVerifyRoots,
// AddTrustAnchors or LoadSystemRoots). If SSLKEYLOGFILE is set, key-log
// lines are appended to that file.
//
// A client context is secure by default, as crypto/tls is: it verifies
// the server's chain and host name (the name is the connection's
// ConnParams.VerifyName, else its ServerName; see SetVerifyHostname for a
// fixed one), so until trust anchors are added every handshake fails with
// a verification condition. Turning verification off is an explicit
// choice: [Context.SetInsecureSkipVerify] (chain and host name) or
// [Context.SetInsecureSkipHostname] (host name only). A server context
// requests no client certificate (client auth "none"), as crypto/tls.
func New(role Role, protocol string) (*Context, error) {
	minV, maxV, err := ParseProtocol(protocol)
	if err != nil {
		return nil, err
	}
	c := &Context{role: role}
	c.st.minV, c.st.maxV = minV, maxV
	c.st.secLevel = 1
	c.st.alpnAllowNo = true
	c.st.clientAuth = AuthNone
	if role == Client {
		c.st.verify, c.st.verifyHostname = true, true
		c.st.sessionCacheN = 64
		c.st.sessionCache = tls.NewLRUClientSessionCache(64)
	} else {
		c.st.ticketKey = newTicketKey()
	}
	if p := os.Getenv("SSLKEYLOGFILE"); p != "" {
		if f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600); err == nil {
			c.st.keyLog = f
		}
	}
	return c, nil
}

// SecureClient returns the Racket ssl-secure-client-context: system
// roots, verification and hostname verification on, cipher list
// "DEFAULT:!aNULL:!eNULL:!LOW:!EXPORT:!SSLv2", sealed.
func SecureClient() (*Context, error) {
	c, err := New(Client, "secure")
	if err != nil {
		return nil, err
	}
	if err := c.LoadSystemRoots(); err != nil {
		return nil, err
	}
	if err := c.SetCipherList("DEFAULT:!aNULL:!eNULL:!LOW:!EXPORT:!SSLv2"); err != nil {
		return nil, err
	}
	c.SetVerify(true)
	c.SetVerifyHostname(true, "")
	c.Seal()
	return c, nil
}

// Role returns the role of c.
func (c *Context) Role() Role { return c.role }

// Seal makes c immutable: later setters fail with "context is sealed".
func (c *Context) Seal() {
	c.mu.Lock()
	c.sealed = true
	c.mu.Unlock()
}

// Sealed reports whether c is sealed.
func (c *Context) Sealed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sealed
}

// Copy returns an independent, unsealed copy of c (tcltls -model). The
// session cache (client) and the session ticket key (server) are not
// shared.
func (c *Context) Copy() *Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := &Context{role: c.role, st: c.st}
	n.st.suites = slices.Clone(c.st.suites)
	n.st.tls13 = slices.Clone(c.st.tls13)
	n.st.chain = slices.Clone(c.st.chain)
	n.st.alpn = slices.Clone(c.st.alpn)
	n.st.curves = slices.Clone(c.st.curves)
	n.st.anchors = slices.Clone(c.st.anchors)
	n.st.suggestedNames = slices.Clone(c.st.suggestedNames)
	if c.st.sessionCacheN > 0 {
		n.st.sessionCache = tls.NewLRUClientSessionCache(c.st.sessionCacheN)
	}
	if c.role == Server {
		n.st.ticketKey = newTicketKey()
	}
	return n
}

// newTicketKey returns a random session ticket key. Every per-connection
// config of a server context carries its context's key (a tls.Config
// clone would otherwise make its own, and no ticket could be resumed on
// another connection); Go's daily automatic key rotation is thus off.
func newTicketKey() (k [32]byte) {
	_, _ = rand.Read(k[:])
	return k
}

// mutate runs f on the state under the lock unless sealed, and drops the
// cached snapshot.
func (c *Context) mutate(f func(st *state) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sealed {
		return conditions.Config("context is sealed", nil)
	}
	if err := f(&c.st); err != nil {
		return err
	}
	c.snap = nil
	return nil
}

// read runs f on the state under the lock.
func (c *Context) read(f func(st *state)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f(&c.st)
}

// SetProtocolRange sets the version range; "" = library default (min
// TLS 1.2, max TLS 1.3). min > max → status #f.
func (c *Context) SetProtocolRange(minName, maxName string) error {
	minV, err := ParseVersion(minName)
	if err != nil {
		return err
	}
	maxV, err := ParseVersion(maxName)
	if err != nil {
		return err
	}
	if minV == 0 {
		minV = tls.VersionTLS12
	}
	if maxV == 0 {
		maxV = tls.VersionTLS13
	}
	if minV > maxV {
		return conditions.Config("minimum protocol version above maximum", nil)
	}
	return c.mutate(func(st *state) error { st.minV, st.maxV = minV, maxV; return nil })
}

// SetMaxProtocol sets only the maximum version (max-protocol:).
func (c *Context) SetMaxProtocol(name string) error {
	maxV, err := ParseVersion(name)
	if err != nil {
		return err
	}
	if maxV == 0 {
		maxV = tls.VersionTLS13
	}
	return c.mutate(func(st *state) error {
		if st.minV > maxV {
			st.minV = maxV
		}
		st.maxV = maxV
		return nil
	})
}

// ProtocolRange returns the configured (min, max) versions.
func (c *Context) ProtocolRange() (minV, maxV uint16) {
	c.read(func(st *state) { minV, maxV = st.minV, st.maxV })
	return
}

// SetCipherList applies an OpenSSL cipher string (spec §3.2); on "no
// cipher match" the context is unchanged. @SECLEVEL=n sets the level.
func (c *Context) SetCipherList(spec string) error {
	ids, lvl, err := ParseCipherList(spec)
	if err != nil {
		return err
	}
	return c.mutate(func(st *state) error {
		st.suites = ids
		if lvl >= 0 {
			st.secLevel = lvl
		}
		return nil
	})
}

// CipherSuites returns the selected TLS ≤1.2 suite IDs (Go default if none set).
func (c *Context) CipherSuites() []uint16 {
	var ids []uint16
	c.read(func(st *state) { ids = slices.Clone(st.suites) })
	if ids == nil {
		ids = defaultSuiteIDs()
	}
	return ids
}

// SetCiphersuites restricts TLS 1.3 suites (enforced after negotiation);
// "" disables TLS 1.3.
func (c *Context) SetCiphersuites(spec string) error {
	ids, off, err := parseTLS13Suites(spec)
	if err != nil {
		return err
	}
	return c.mutate(func(st *state) error { st.tls13, st.tls13Off = ids, off; return nil })
}

// SetSecurityLevel sets the OpenSSL-style security level 0–5.
func (c *Context) SetSecurityLevel(n int) error {
	if n < 0 || n > 5 {
		return conditions.Config("security level must be between 0 and 5", nil)
	}
	return c.mutate(func(st *state) error { st.secLevel = n; return nil })
}

// SecurityLevel returns the security level.
func (c *Context) SecurityLevel() (n int) {
	c.read(func(st *state) { n = st.secLevel })
	return
}

// SetVerify turns verification enforcement on or off. On a server, on
// means a client certificate is required and verified (client auth
// "require"); off means no certificate is requested. On a client it is
// on by default; SetVerify(false) is [Context.SetInsecureSkipVerify](true)
// — Go code should use that name, so the choice is visible.
func (c *Context) SetVerify(on bool) error {
	return c.mutate(func(st *state) error {
		if c.role == Server {
			st.clientAuth = AuthNone
			if on {
				st.clientAuth = AuthRequire
			}
		}
		st.verify = on
		return nil
	})
}

// Verify reports whether verification is enforced.
func (c *Context) Verify() (on bool) {
	c.read(func(st *state) {
		on = st.verify
		if c.role == Server {
			on = st.clientAuth == AuthRequire || st.clientAuth == AuthVerifyIfGiven
		}
	})
	return
}

// SetVerifyHostname turns hostname verification on/off (clients; on by
// default); a non-empty name verifies against that name instead of the
// connection's. SetVerifyHostname(false, "") is
// [Context.SetInsecureSkipHostname](true) — Go code should use that name.
func (c *Context) SetVerifyHostname(on bool, name string) error {
	return c.mutate(func(st *state) error {
		st.verifyHostname = on || name != ""
		st.verifyName = name
		return nil
	})
}

// SetInsecureSkipVerify turns off (skip true) or back on all verification
// of the peer's certificate by a client context: chain, validity period
// and host name. Like crypto/tls's InsecureSkipVerify, it makes the
// connection open to man-in-the-middle attacks; use it only for tests or
// with a [Context.SetVerifier] that checks the peer itself. The engine
// still records the outcome in [VerifyResult]. On a server it is
// SetVerify(!skip).
func (c *Context) SetInsecureSkipVerify(skip bool) error { return c.SetVerify(!skip) }

// SetInsecureSkipHostname turns off (skip true) or back on the host-name
// check of a client context while the chain is still verified: any
// certificate issued by a trusted authority is then accepted for any
// server, which is only safe when the trust anchors issue for one peer.
func (c *Context) SetInsecureSkipHostname(skip bool) error {
	return c.mutate(func(st *state) error {
		st.verifyHostname = !skip
		if skip {
			st.verifyName = ""
		}
		return nil
	})
}

// SetHostnameOptional chooses what a client does when host-name
// verification is on but a connection has no name to check (its
// ConnParams give neither VerifyName nor ServerName and no fixed name is
// set): off (the default, as crypto/tls) the handshake fails with a
// hostname-mismatch condition; on, only the chain is verified, as OpenSSL
// does when no host is set. The Scheme bindings turn it on to keep the
// behaviour of the systems they follow.
func (c *Context) SetHostnameOptional(on bool) error {
	return c.mutate(func(st *state) error { st.nameOptional = on; return nil })
}

// SetVerifyTime makes verification check certificates as of t
// (x509.VerifyOptions.CurrentTime) instead of the current time; the zero
// time restores "now". It affects connections created afterwards; use it
// to check certificates as of a past or future moment.
func (c *Context) SetVerifyTime(t time.Time) error {
	if t.IsZero() {
		return c.SetVerifyClock(nil)
	}
	return c.SetVerifyClock(func() time.Time { return t })
}

// SetVerifyClock makes verification ask clock for the time to check
// certificates against, once per verification (nil = time.Now).
func (c *Context) SetVerifyClock(clock func() time.Time) error {
	return c.mutate(func(st *state) error { st.verifyTime = clock; return nil })
}

// VerifyTime returns the time verification would check against now: the
// fixed time or clock's answer, or the zero time when it uses the current
// time.
func (c *Context) VerifyTime() (t time.Time) {
	var clock func() time.Time
	c.read(func(st *state) { clock = st.verifyTime })
	if clock != nil {
		t = clock()
	}
	return t
}

// VerifyHostname reports whether hostname verification is on and the fixed name ("" = per connection).
func (c *Context) VerifyHostname() (on bool, name string) {
	c.read(func(st *state) { on, name = st.verifyHostname, st.verifyName })
	return
}

// SetClientAuth sets the server client-certificate mode: none, request,
// require-any, verify-if-given, require.
func (c *Context) SetClientAuth(mode string) error {
	switch mode {
	case AuthNone, AuthRequest, AuthRequireAny, AuthVerifyIfGiven, AuthRequire:
	default:
		return conditions.Config("invalid client-auth mode: "+mode, nil)
	}
	return c.mutate(func(st *state) error {
		st.clientAuth = mode
		st.verify = mode == AuthRequire || mode == AuthVerifyIfGiven
		return nil
	})
}

// ClientAuth returns the server client-certificate mode.
func (c *Context) ClientAuth() (mode string) {
	c.read(func(st *state) { mode = st.clientAuth })
	return
}

// VerifyMode returns the OpenSSL verify-mode flags: none, peer,
// fail-if-no-peer-cert.
func (c *Context) VerifyMode() []string {
	var out []string
	c.read(func(st *state) {
		switch {
		case c.role == Client && st.verify:
			out = []string{"peer"}
		case c.role == Server && (st.clientAuth == AuthRequire || st.clientAuth == AuthRequireAny):
			out = []string{"peer", "fail-if-no-peer-cert"}
		case c.role == Server && st.clientAuth != AuthNone:
			out = []string{"peer"}
		default:
			out = []string{"none"}
		}
	})
	return out
}

// SetALPN sets the ALPN protocols. Clients offer them; servers select the
// first of theirs the client offers. With no overlap: allowNoMatch false
// aborts (alert 120); true continues without ALPN, or with fallback
// "client-first" selects the client's first protocol.
func (c *Context) SetALPN(protos []string, allowNoMatch bool, fallback string) error {
	if fallback != "" && fallback != "none" && fallback != "client-first" {
		return conditions.Config("invalid ALPN fallback: "+fallback, nil)
	}
	for _, p := range protos {
		if p == "" || len(p) > 255 {
			return conditions.Config("invalid ALPN protocol name", nil)
		}
	}
	return c.mutate(func(st *state) error {
		st.alpn, st.alpnAllowNo, st.alpnFallback = slices.Clone(protos), allowNoMatch, fallback
		return nil
	})
}

// ALPN returns the configured protocols.
func (c *Context) ALPN() (p []string) {
	c.read(func(st *state) { p = slices.Clone(st.alpn) })
	return
}

// SetServerNameCallback installs the SNI callback (servers).
func (c *Context) SetServerNameCallback(f ServerNameCallback) error {
	return c.mutate(func(st *state) error { st.sni = f; return nil })
}

// SetKeyLog sets the NSS key-log destination (nil = off).
func (c *Context) SetKeyLog(w io.Writer) error {
	return c.mutate(func(st *state) error { st.keyLog = w; return nil })
}

// KeyLogging reports whether a key log is active.
func (c *Context) KeyLogging() (on bool) {
	c.read(func(st *state) { on = st.keyLog != nil })
	return
}

// SetSessionCache sets the client session cache size; 0 disables resumption.
func (c *Context) SetSessionCache(n int) error {
	if n < 0 {
		return conditions.Config("session cache size must not be negative", nil)
	}
	return c.mutate(func(st *state) error {
		st.sessionCacheN, st.sessionCache = n, nil
		if n > 0 {
			st.sessionCache = tls.NewLRUClientSessionCache(n)
		}
		return nil
	})
}

// SessionCache returns the client session cache (nil when disabled).
func (c *Context) SessionCache() (sc tls.ClientSessionCache) {
	c.read(func(st *state) { sc = st.sessionCache })
	return
}

// SetSessionTickets enables or disables session tickets.
func (c *Context) SetSessionTickets(on bool) error {
	return c.mutate(func(st *state) error { st.ticketsOff = !on; return nil })
}

// SessionCacheMode returns client, server, both or off.
func (c *Context) SessionCacheMode() (m string) {
	c.read(func(st *state) {
		switch {
		case c.role == Client && st.sessionCache != nil && !st.ticketsOff:
			m = "client"
		case c.role == Server && !st.ticketsOff && st.secLevel < 3:
			m = "server"
		default:
			m = "off"
		}
	})
	return
}

// SetCurves sets the key-exchange groups by OpenSSL name.
func (c *Context) SetCurves(names []string) error {
	var ids []tls.CurveID
	for _, n := range names {
		switch n {
		case "x25519", "X25519":
			ids = append(ids, tls.X25519)
		case "secp256r1", "prime256v1", "P-256":
			ids = append(ids, tls.CurveP256)
		case "secp384r1", "P-384":
			ids = append(ids, tls.CurveP384)
		case "secp521r1", "P-521":
			ids = append(ids, tls.CurveP521)
		case "x25519mlkem768", "X25519MLKEM768":
			ids = append(ids, tls.X25519MLKEM768)
		case "secp256r1mlkem768", "SecP256r1MLKEM768":
			ids = append(ids, tls.SecP256r1MLKEM768)
		case "secp384r1mlkem1024", "SecP384r1MLKEM1024":
			ids = append(ids, tls.SecP384r1MLKEM1024)
		default:
			return conditions.Unsupported("curve " + n + " is not supported by Go crypto/tls")
		}
	}
	return c.mutate(func(st *state) error { st.curves = ids; return nil })
}

// AddCurve makes sure curve id is enabled (ssl-server-context-enable-ecdhe!).
func (c *Context) AddCurve(id tls.CurveID) error {
	return c.mutate(func(st *state) error {
		if st.curves != nil && !slices.Contains(st.curves, id) {
			st.curves = append(st.curves, id)
		}
		return nil
	})
}

// SetRenegotiation sets client renegotiation: never, once or freely.
func (c *Context) SetRenegotiation(mode string) error {
	var r tls.RenegotiationSupport
	switch mode {
	case "never":
		r = tls.RenegotiateNever
	case "once":
		r = tls.RenegotiateOnceAsClient
	case "freely":
		r = tls.RenegotiateFreelyAsClient
	default:
		return conditions.Config("invalid renegotiation mode: "+mode, nil)
	}
	if c.role == Server && r != tls.RenegotiateNever {
		return conditions.Unsupported("renegotiation is not supported by Go crypto/tls servers")
	}
	return c.mutate(func(st *state) error { st.renegotiation = r; return nil })
}

// Renegotiation returns never, once, freely (clients) or unsupported (servers).
func (c *Context) Renegotiation() string {
	if c.role == Server {
		return "unsupported"
	}
	var r tls.RenegotiationSupport
	c.read(func(st *state) { r = st.renegotiation })
	switch r {
	case tls.RenegotiateOnceAsClient:
		return "once"
	case tls.RenegotiateFreelyAsClient:
		return "freely"
	}
	return "never"
}

// SetPasswordCallback sets the password source for later encrypted key
// loads: nil, a string, or a func() (string, error).
func (c *Context) SetPasswordCallback(pw any) error {
	return c.mutate(func(st *state) error { st.password = passwordFunc(pw); return nil })
}

// SetVerifyCallback installs the per-depth verify callback (nil = none).
func (c *Context) SetVerifyCallback(f VerifyCallback) error {
	return c.mutate(func(st *state) error { st.verifyCB = f; return nil })
}

// SetVerifier installs the whole-connection verifier (nil = none). On a
// client it replaces automatic chain and hostname verification.
func (c *Context) SetVerifier(f Verifier) error {
	return c.mutate(func(st *state) error { st.verifier = f; return nil })
}

// SetClientCertificateCallback installs the client certificate callback.
func (c *Context) SetClientCertificateCallback(f ClientCertificateCallback) error {
	return c.mutate(func(st *state) error { st.clientCertCB = f; return nil })
}

// SetCertificateCallback installs the per-handshake server certificate callback.
func (c *Context) SetCertificateCallback(f CertificateCallback) error {
	return c.mutate(func(st *state) error { st.certCB = f; return nil })
}

// Certificate returns the loaded leaf certificate, or nil.
func (c *Context) Certificate() (leaf *x509.Certificate) {
	c.read(func(st *state) {
		if len(st.chain) > 0 {
			leaf = st.chain[0]
		}
	})
	return
}

// Chain returns the loaded certificate chain (leaf first).
func (c *Context) Chain() (chain []*x509.Certificate) {
	c.read(func(st *state) { chain = slices.Clone(st.chain) })
	return
}

// PrivateKey returns the loaded private key, or nil.
func (c *Context) PrivateKey() (k crypto.Signer) {
	c.read(func(st *state) { k = st.key })
	return
}

// SetCertificate installs chain and key together (checked for a match).
func (c *Context) SetCertificate(chain []*x509.Certificate, key crypto.Signer) error {
	if len(chain) == 0 || key == nil {
		return conditions.Config("certificate and key required", nil)
	}
	if !publicKeyEqual(key, chain[0].PublicKey) {
		return conditions.Config("key values mismatch", nil)
	}
	return c.mutate(func(st *state) error { st.chain, st.key = slices.Clone(chain), key; return nil })
}

// LoadCertificateChain is [Context.LoadCertificateChainContext] with
// context.Background().
func (c *Context) LoadCertificateChain(src any, asn1 bool) error {
	return c.LoadCertificateChainContext(context.Background(), src, asn1)
}

// LoadCertificateChainContext replaces the chain: src is a path (PEM, or
// one DER certificate when asn1 is set; read under ctx as [ReadFile]
// reads it) or []byte (one DER certificate).
func (c *Context) LoadCertificateChainContext(ctx context.Context, src any, asn1 bool) error {
	data, name, isBytes, err := readFileOrBytes(ctx, src)
	if err != nil {
		return err
	}
	chain, err := parseCerts(data, name, asn1 || isBytes)
	if err != nil {
		return err
	}
	return c.mutate(func(st *state) error {
		if st.key != nil && !publicKeyEqual(st.key, chain[0].PublicKey) {
			return conditions.Config("key values mismatch", nil)
		}
		st.chain = chain
		return nil
	})
}

// LoadPrivateKey is [Context.LoadPrivateKeyContext] with
// context.Background().
func (c *Context) LoadPrivateKey(src any, kt KeyType, asn1 bool) error {
	return c.LoadPrivateKeyContext(context.Background(), src, kt, asn1)
}

// LoadPrivateKeyContext loads the private key: src is a path (PEM, or DER
// when asn1 is set; read under ctx as [ReadFile] reads it) or []byte
// (DER). kt selects the key type (spec §1.1.5).
func (c *Context) LoadPrivateKeyContext(ctx context.Context, src any, kt KeyType, asn1 bool) error {
	switch kt {
	case KeyDSA:
		return errDSA()
	case KeyDH:
		return errDH()
	}
	data, name, isBytes, err := readFileOrBytes(ctx, src)
	if err != nil {
		return err
	}
	var pw PasswordFunc
	c.read(func(st *state) { pw = st.password })
	key, err := parseKey(data, name, kt, pw, asn1 || isBytes)
	if err != nil {
		return err
	}
	return c.mutate(func(st *state) error {
		if len(st.chain) > 0 && !publicKeyEqual(key, st.chain[0].PublicKey) {
			return conditions.Config("key values mismatch", nil)
		}
		st.key = key
		return nil
	})
}
