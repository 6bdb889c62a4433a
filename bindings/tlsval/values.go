// Opaque host values of spec §0.3: contexts, listeners, certificates, keys, sessions.

package tlsval

import (
	"crypto"
	"crypto/tls"
	"crypto/x509"
	"sync"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/listener"
	"github.com/tlsport/tlsport/scheme"
)

// Context is a client or server context (ssl-client-context?,
// ssl-server-context?). Ctx locks itself.
type Context struct {
	Ctx *tlsctx.Context

	mu   sync.Mutex
	info scheme.Value // info callback, nil if none
}

// InfoCallback returns the info callback of the context
// (ssl-set-info-callback!), or nil.
func (c *Context) InfoCallback() scheme.Value {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.info
}

// SetInfoCallback installs proc as the info callback (nil removes it). It
// is kept on the context value itself, so it lives and dies with the
// context even when proc refers to it.
func (c *Context) SetInfoCallback(proc scheme.Value) {
	c.mu.Lock()
	c.info = proc
	c.mu.Unlock()
}

// Copy returns a context value over a copy of Ctx, with the same info
// callback (ssl-context-copy).
func (c *Context) Copy() *Context {
	return &Context{Ctx: c.Ctx.Copy(), info: c.InfoCallback()}
}

// TypeName implements scheme.Value: "ssl-client-context" or "ssl-server-context".
func (c *Context) TypeName() string {
	if c.Ctx.Role() == tlsctx.Server {
		return "ssl-server-context"
	}
	return "ssl-client-context"
}

// Repr implements scheme.Repr.
func (c *Context) Repr() string { return "#<" + c.TypeName() + ">" }

// Listener is an SSL listener (ssl-listener?): a TCP listener plus its
// server context.
type Listener struct {
	L   *listener.Listener
	Ctx *Context
	// mu serialises accepts, so that L.Options set from the accepting
	// thread's parameters applies to its own connection.
	mu sync.Mutex
}

// Lock serialises accepts on the listener (see mu).
func (l *Listener) Lock() { l.mu.Lock() }

// Unlock ends an accept.
func (l *Listener) Unlock() { l.mu.Unlock() }

// TypeName implements scheme.Value.
func (*Listener) TypeName() string { return "ssl-listener" }

// Repr implements scheme.Repr.
func (*Listener) Repr() string { return "#<ssl-listener>" }

// Certificate wraps an immutable X.509 certificate (ssl-certificate?).
type Certificate struct {
	C *x509.Certificate
}

// TypeName implements scheme.Value.
func (*Certificate) TypeName() string { return "ssl-certificate" }

// Repr implements scheme.Repr, showing the subject.
func (c *Certificate) Repr() string {
	return "#<ssl-certificate " + tlsctx.SubjectName(c.C) + ">"
}

// PrivateKey wraps a private key (ssl-private-key?).
type PrivateKey struct {
	K crypto.Signer
}

// TypeName implements scheme.Value.
func (*PrivateKey) TypeName() string { return "ssl-private-key" }

// Repr implements scheme.Repr.
func (*PrivateKey) Repr() string { return "#<ssl-private-key>" }

// Session wraps a resumable client session (ssl-session?).
type Session struct {
	S *tls.ClientSessionState
}

// TypeName implements scheme.Value.
func (*Session) TypeName() string { return "ssl-session" }

// Repr implements scheme.Repr.
func (*Session) Repr() string { return "#<ssl-session>" }

var (
	_ scheme.Repr = (*Context)(nil)
	_ scheme.Repr = (*Listener)(nil)
	_ scheme.Repr = (*Certificate)(nil)
	_ scheme.Repr = (*PrivateKey)(nil)
	_ scheme.Repr = (*Session)(nil)
)

// CertificateValue returns the Scheme value of c, or #f for nil.
func CertificateValue(c *x509.Certificate) scheme.Value {
	if c == nil {
		return scheme.False
	}
	return &Certificate{C: c}
}
