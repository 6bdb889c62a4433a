// The verification result kept with a session's certificates, so that resuming the session does not verify the chain again.

package tlsctx

import (
	"crypto/x509"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"weak"

	"github.com/tlsport/tlsport/conditions"
)

// A resumed handshake presents the certificates of the session it resumes
// (crypto/tls keeps them in the session), and bare crypto/tls does not
// verify them again. The engine verifies in VerifyConnection, which Go
// also calls on resumption; doing the whole verification again (an x509
// chain build with a signature check per certificate) was about 30 % of a
// resumed client handshake's CPU. So a context keeps what a passed
// verification found with the leaf certificate object it verified, and a
// resumed handshake presenting that object reports the kept verification
// instead of verifying again.
//
// Clients: crypto/tls puts the connection's certificate objects into the
// sessions it stores, into every connection resuming one of them and into
// the sessions those store, so the entry lives exactly as long as a
// session holding the leaf (a weak key; it goes when the leaf is
// collected). Servers: a resumed session's certificates are parsed again
// from the ticket, into the object crypto/tls's certificate cache holds
// for those bytes while it is in use; the first resumption of a session
// thus verifies, and the snapshot holds the leaves of its last
// [heldLeaves] kept verifications so that later resumptions find theirs.
//
// What is kept (verifiedSession): the verified chain and depth, the host
// name checked (clients), the certificates presented, the generation of
// the snapshot that verified, and the validity window common to every
// certificate of the verified chain (root included). It is only kept for
// a verification that passed (code 0) and ran no user code and no
// revocation check: no verify callback, no verifier, no CRL checking, OCSP
// checking off; and only on contexts that resume sessions (a client
// session cache, server session tickets). Other verifications run in full
// on every handshake, resumed or not.
//
// When it is used (snapshot.reuse): only on a resumed handshake, under the
// same snapshot (any change to the context — roots, verify settings,
// verify time or clock, host name settings, security level, revocation,
// callbacks — builds a new one), checking the same host name, presenting
// the same certificates, with the verify time (the context's, else now)
// inside the kept validity window. Otherwise the resumed chain is verified
// in full, and a pass is kept in place of the old entry. The TLS 1.3 suite
// policy is always checked; full handshakes always verify.

// snapGen numbers snapshots: a verification is reused only under the
// snapshot generation that made it.
var snapGen atomic.Uint64

// verifiedSession is a passed verification kept with a session's leaf
// certificate. It holds no reference to the leaf (the key), which
// would keep it alive.
type verifiedSession struct {
	gen       uint64              // snapshot generation that verified
	name      string              // host name checked, "" none
	peer      []*x509.Certificate // the certificates presented after the leaf
	chain     []*x509.Certificate // the verified chain after the leaf
	depth     conditions.Opt      // the result's depth
	notBefore time.Time           // latest NotBefore of the chain
	notAfter  time.Time           // earliest NotAfter of the chain
}

// verifiedLeaves maps the leaf certificate objects of passed verifications
// to what they found; an entry goes when its certificate is collected.
var verifiedLeaves sync.Map // weak.Pointer[x509.Certificate] → *verifiedSession

// heldLeaves is the number of leaves of kept verifications a server
// snapshot holds.
const heldLeaves = 256

// leafRing holds the leaves of a server snapshot's latest kept
// verifications.
type leafRing struct {
	mu    sync.Mutex
	certs [heldLeaves]*x509.Certificate
	next  int
}

func (r *leafRing) hold(c *x509.Certificate) {
	r.mu.Lock()
	r.certs[r.next] = c
	r.next = (r.next + 1) % heldLeaves
	r.mu.Unlock()
}

// keepsVerified reports whether a passed verification of the snapshot may
// be kept for resumptions.
func (s *snapshot) keepsVerified() bool {
	resumes := s.base.ClientSessionCache != nil
	if s.role == Server {
		resumes = !s.base.SessionTicketsDisabled
	}
	return resumes && s.verifyCB == nil && s.verifier == nil && s.rev.crlScope == "" && s.rev.ocspMode == OCSPOff
}

// keep records the passed verification of peer (verified chain, depth,
// host name) for resumptions of the connection's sessions, when the
// snapshot's verification may be reused at all.
func (s *snapshot) keep(peer, chain []*x509.Certificate, depth conditions.Opt, name string) {
	if !s.keepsVerified() || len(peer) == 0 || len(chain) == 0 || chain[0] != peer[0] {
		return
	}
	v := &verifiedSession{gen: s.gen, name: name, peer: rest(peer), chain: rest(chain), depth: depth,
		notBefore: chain[0].NotBefore, notAfter: chain[0].NotAfter}
	for _, c := range v.chain {
		if c.NotBefore.After(v.notBefore) {
			v.notBefore = c.NotBefore
		}
		if c.NotAfter.Before(v.notAfter) {
			v.notAfter = c.NotAfter
		}
	}
	k := weak.Make(peer[0])
	if _, loaded := verifiedLeaves.Swap(k, v); !loaded {
		runtime.AddCleanup(peer[0], func(k weak.Pointer[x509.Certificate]) { verifiedLeaves.Delete(k) }, k)
	}
	if s.held != nil {
		s.held.hold(peer[0])
	}
}

// rest returns a copy of certs after the first: a subslice would share
// the backing array, and so keep the leaf alive.
func rest(certs []*x509.Certificate) []*x509.Certificate {
	if len(certs) < 2 {
		return nil
	}
	return append(make([]*x509.Certificate, 0, len(certs)-1), certs[1:]...)
}

// reuse returns the verified chain and depth kept for a resumed handshake
// presenting peer, checking name at time at (zero: now), or ok false to
// verify in full.
func (s *snapshot) reuse(peer []*x509.Certificate, name string, at time.Time) (chain []*x509.Certificate, depth conditions.Opt, ok bool) {
	if len(peer) == 0 {
		return nil, conditions.Opt{}, false
	}
	e, found := verifiedLeaves.Load(weak.Make(peer[0]))
	if !found {
		return nil, conditions.Opt{}, false
	}
	v := e.(*verifiedSession)
	if v.gen != s.gen || v.name != name || len(v.peer) != len(peer)-1 {
		return nil, conditions.Opt{}, false
	}
	for i, c := range peer[1:] {
		if c != v.peer[i] && !c.Equal(v.peer[i]) {
			return nil, conditions.Opt{}, false
		}
	}
	if at.IsZero() {
		at = time.Now()
	}
	if at.Before(v.notBefore) || at.After(v.notAfter) {
		return nil, conditions.Opt{}, false
	}
	chain = make([]*x509.Certificate, 1, 1+len(v.chain))
	chain[0] = peer[0]
	return append(chain, v.chain...), v.depth, true
}
