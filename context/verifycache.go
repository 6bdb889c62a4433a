// The verification result kept with a client session, so that resuming it does not verify the chain again.

package tlsctx

import (
	"crypto/tls"
	"crypto/x509"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"weak"
)

// A resumed handshake presents the certificates of the session it resumes
// (crypto/tls keeps them in the session), and bare crypto/tls does not
// verify them again. The engine verifies in VerifyConnection, which Go
// also calls on resumption; doing the whole verification again (an x509
// chain build with a signature check per certificate) was about 30 % of a
// resumed client handshake's CPU. So a client keeps, with each session a
// verified connection stores in its session cache, what that verification
// found, and a connection resuming the session reports it instead.
//
// What is kept (verifiedSession): the verified chain, the depth, the host
// name checked, the presented certificates, the snapshot generation that
// verified, and the validity window common to every certificate of the
// verified chain (root included). It is only kept for a verification that
// passed (code 0) and ran no user code and no revocation check: no
// verify callback, no verifier, no CRL checking, OCSP checking off. Every
// other verification runs in full on every handshake, resumed or not.
//
// When it is used (reuse): a resumed handshake on a connection that was
// offered that very session object, under the same snapshot (any change
// to the context — roots, verify settings, verify time function, host
// name settings, security level, revocation, callbacks — builds a new
// snapshot), checking the same host name, presenting the same
// certificates, with the verify time (the context's, else now) inside the
// kept validity window. Anything else verifies in full; the TLS 1.3 suite
// policy is always checked.
//
// Servers verify a resumed client certificate in full as before.

// snapGen numbers snapshots: a verification is reused only under the
// snapshot generation that made it.
var snapGen atomic.Uint64

// verifiedSession is a passed verification kept with a client session.
type verifiedSession struct {
	gen       uint64              // snapshot generation that verified
	name      string              // host name checked, "" none
	peer      []*x509.Certificate // the certificates as presented
	chain     []*x509.Certificate // the verified chain
	depth     int                 // the result's depth
	notBefore time.Time           // latest NotBefore of chain
	notAfter  time.Time           // earliest NotAfter of chain
}

// verifiedSessions maps the sessions a verified connection stored to its
// verification; an entry goes when its session is collected.
var verifiedSessions sync.Map // weak.Pointer[tls.ClientSessionState] → *verifiedSession

func keepVerified(cs *tls.ClientSessionState, v *verifiedSession) {
	k := weak.Make(cs)
	if _, loaded := verifiedSessions.Swap(k, v); !loaded {
		runtime.AddCleanup(cs, func(k weak.Pointer[tls.ClientSessionState]) { verifiedSessions.Delete(k) }, k)
	}
}

func verifiedOf(cs *tls.ClientSessionState) *verifiedSession {
	if cs == nil {
		return nil
	}
	v, _ := verifiedSessions.Load(weak.Make(cs))
	vs, _ := v.(*verifiedSession)
	return vs
}

// newVerified returns what a passed verification of peer (chain, depth,
// host name) keeps, or nil if the snapshot's verification must always run
// in full.
func (s *snapshot) newVerified(peer, chain []*x509.Certificate, depth int, name string) *verifiedSession {
	if s.verifyCB != nil || s.verifier != nil || s.rev.crlScope != "" || s.rev.ocspMode != OCSPOff || len(chain) == 0 {
		return nil
	}
	v := &verifiedSession{gen: s.gen, name: name, peer: peer, chain: chain, depth: depth,
		notBefore: chain[0].NotBefore, notAfter: chain[0].NotAfter}
	for _, c := range chain[1:] {
		if c.NotBefore.After(v.notBefore) {
			v.notBefore = c.NotBefore
		}
		if c.NotAfter.Before(v.notAfter) {
			v.notAfter = c.NotAfter
		}
	}
	return v
}

// resumption is one client connection's link between its session cache
// and its verification: the session offered, and the verification a
// stored session keeps.
type resumption struct {
	mu       sync.Mutex
	offered  *tls.ClientSessionState
	verified *verifiedSession
}

// reuse returns the kept verification of the offered session if a
// resumed handshake of snapshot s presenting peer, checking name at time
// at (zero: now), may report it; nil means verify in full.
func (r *resumption) reuse(s *snapshot, peer []*x509.Certificate, name string, at time.Time) *verifiedSession {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	v := verifiedOf(r.offered)
	r.mu.Unlock()
	if v == nil || v.gen != s.gen || v.name != name || len(v.peer) != len(peer) {
		return nil
	}
	for i, c := range peer {
		if c != v.peer[i] && !c.Equal(v.peer[i]) {
			return nil
		}
	}
	if at.IsZero() {
		at = time.Now()
	}
	if at.Before(v.notBefore) || at.After(v.notAfter) {
		return nil
	}
	return v
}

// passed records the connection's passed verification (nil: none to keep).
func (r *resumption) passed(v *verifiedSession) {
	if r != nil {
		r.mu.Lock()
		r.verified = v
		r.mu.Unlock()
	}
}

// verifyingCache is a client session cache that tells the connection's
// resumption which session it offers, and keeps the connection's passed
// verification with each session it stores.
type verifyingCache struct {
	tls.ClientSessionCache
	r *resumption
}

// Get returns the cached session for key and notes it as offered.
func (c verifyingCache) Get(key string) (*tls.ClientSessionState, bool) {
	cs, ok := c.ClientSessionCache.Get(key)
	c.r.mu.Lock()
	c.r.offered = cs
	c.r.mu.Unlock()
	return cs, ok
}

// Put stores cs, keeping the connection's verification with it.
func (c verifyingCache) Put(key string, cs *tls.ClientSessionState) {
	if cs != nil {
		c.r.mu.Lock()
		v := c.r.verified
		c.r.mu.Unlock()
		if v != nil {
			keepVerified(cs, v)
		}
	}
	c.ClientSessionCache.Put(key, cs)
}
