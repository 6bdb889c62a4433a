// Argument unpacking of host values: SSL ports, TCP ports, contexts, listeners.

package tlsval

import (
	"net"

	"github.com/tlsport/tlsport/conditions"
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

// ContextOf returns the context of obj: a client context, a server
// context, or a listener (its server context). Other values are the (exn
// type) error "expected an ssl-client-context or ssl-listener, got".
func ContextOf(who string, v scheme.Value) (*Context, error) {
	switch x := v.(type) {
	case *Context:
		return x, nil
	case *Listener:
		return x.Ctx, nil
	}
	return nil, conditions.TypeError(who, "expected an ssl-client-context or ssl-listener, got", v)
}
