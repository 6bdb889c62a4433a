// Argument unpacking of host values: SSL ports, TCP ports, contexts, listeners.

package tlsval

import (
	"context"
	"crypto/tls"
	"net"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// SSLConn returns the *Conn behind either port of an SSL pair; any other
// value is the (exn type) error "expected an ssl port, got".
func SSLConn(who string, v scheme.Value) (*Conn, error) {
	if p, ok := v.(*scheme.Port); ok {
		if c, ok := p.Host.(*Conn); ok {
			return c, nil
		}
	}
	return nil, conditions.TypeError(who, "expected an ssl port, got", v)
}

// Endpoint is implemented by Scheme values other than SSL ports that stand
// for one TLS connection of a binding — a (rfc tls) <tls-socket> — so that
// the procedures taking a "conn" (spec §0.3) accept them ([ConnOf]).
type Endpoint interface {
	scheme.Value
	// TLSConn returns the connection's engine and metadata; e is nil when
	// the value is not a connection (a listening socket).
	TLSConn() (e *ports.Conn, m *ConnMeta)
	// Close closes the connection.
	Close() error
}

// ConnRef is the connection behind a "conn" argument.
type ConnRef struct {
	E    *ports.Conn
	Meta *ConnMeta // never nil
	Pair *Conn     // the SSL port pair; nil for a TLS socket
	end  Endpoint
}

// ConnOf returns the connection behind the "conn" argument v (spec §0.3):
// either port of an SSL pair, or a connected TLS socket. Anything else is
// the (exn type) error "expected an ssl port, got".
func ConnOf(who string, v scheme.Value) (*ConnRef, error) {
	if c, err := SSLConn(who, v); err == nil {
		return c.ref(), nil
	}
	if end, ok := v.(Endpoint); ok {
		if e, m := end.TLSConn(); e != nil {
			if m == nil {
				m = &ConnMeta{}
			}
			return &ConnRef{E: e, Meta: m, end: end}, nil
		}
	}
	return nil, conditions.TypeError(who, "expected an ssl port, got", v)
}

// Close closes the whole connection: both ports of a pair, or the socket.
func (r *ConnRef) Close() error {
	if r.Pair != nil {
		err := r.Pair.In.Close()
		if e := r.Pair.Out.Close(); err == nil {
			err = e
		}
		return err
	}
	return r.end.Close()
}

// InCallback reports whether one of the connection's callbacks is running
// (its handshake is waiting for it).
func (r *ConnRef) InCallback() bool { return r.Meta.H.InCallback() }

// Handshake forces the handshake for a peer query, except inside one of
// the connection's callbacks, where the query answers from the handshake
// state instead (forcing would wait for the handshake running the callback).
func (r *ConnRef) Handshake(ctx context.Context) error {
	if r.InCallback() {
		return nil
	}
	return r.E.Handshake(ctx)
}

// ConnState returns the TLS state peer queries answer from after
// [ConnRef.Handshake]: inside a callback, the handshake state seen by
// verification so far (zero before the peer's certificates arrived);
// otherwise the engine's.
func (r *ConnRef) ConnState() tls.ConnectionState {
	if cs, _, in := r.Meta.H.HandshakeState(); in {
		return cs // zero before the peer's certificates arrived
	}
	return r.E.ConnectionState()
}

// State returns the TLS state for queries that do not force the handshake
// (ssl-status, ssl-connection-info), and whether there is one: inside a
// callback, the handshake state seen so far; otherwise the state of a
// completed, successful handshake.
func (r *ConnRef) State() (tls.ConnectionState, bool) {
	if cs, seen, in := r.Meta.H.HandshakeState(); in {
		return cs, seen
	}
	if !r.E.HandshakeComplete() || r.E.State() == ports.StateFailed {
		return tls.ConnectionState{}, false
	}
	return r.E.ConnectionState(), true
}

// IsSSLPort reports whether v is either port of an SSL pair.
func IsSSLPort(v scheme.Value) bool {
	p, ok := v.(*scheme.Port)
	if !ok {
		return false
	}
	_, ok = p.Host.(*Conn)
	return ok
}

// TCPPort returns the *TCPConn behind either port of a (chicken tcp) pair,
// or nil.
func TCPPort(v scheme.Value) *TCPConn {
	if p, ok := v.(*scheme.Port); ok {
		if c, ok := p.Host.(*TCPConn); ok {
			return c
		}
	}
	return nil
}

// PortAddrs returns the local and remote address of a TCP or SSL port;
// ok is false for other values.
func PortAddrs(v scheme.Value) (local, remote net.Addr, ok bool) {
	p, isPort := v.(*scheme.Port)
	if !isPort {
		return nil, nil, false
	}
	switch h := p.Host.(type) {
	case *Conn:
		return h.E.LocalAddr(), h.E.RemoteAddr(), true
	case *TCPConn:
		return h.T.LocalAddr(), h.T.RemoteAddr(), true
	}
	return nil, nil, false
}

// IPPort splits a TCP address into its IP text and port.
func IPPort(a net.Addr) (string, int) {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String(), t.Port
	}
	h, p, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String(), 0
	}
	n := 0
	for _, ch := range p {
		n = n*10 + int(ch-'0')
	}
	return h, n
}

// ContextHolder is implemented by Scheme values other than contexts and
// listeners that make their connections from a context — a (rfc tls)
// server <tls-socket> — so that the procedures taking an "obj" (spec
// §1.3) apply to that context ([ContextOf]).
type ContextHolder interface {
	scheme.Value
	// TLSContext returns the context value (the same one on every call).
	TLSContext() *Context
}

// ContextOf returns the context of obj: a client context, a server
// context, a listener (its server context) or a [ContextHolder] such as
// a TLS socket. Other values are the (exn type) error "expected an
// ssl-client-context or ssl-listener, got".
func ContextOf(who string, v scheme.Value) (*Context, error) {
	switch x := v.(type) {
	case *Context:
		return x, nil
	case *Listener:
		return x.Ctx, nil
	case ContextHolder:
		if c := x.TLSContext(); c != nil {
			return c, nil
		}
	}
	return nil, conditions.TypeError(who, "expected an ssl-client-context or ssl-listener, got", v)
}
