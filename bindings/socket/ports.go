// Binary ports over any Endpoint: socket-port (input/output), socket-input-port, socket-output-port (spec §1.5, §1.2.5).

package socket

import (
	"context"
	"io"
	"sync"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// portHost is the Host of socket ports: the endpoint and whether closing
// the input port closes it.
type portHost struct {
	ep          Endpoint
	closeSocket bool
	in, out     *scheme.Port
	once        sync.Once
}

// NewPorts returns an input and an output port reading and writing ep.
// With closeSocket, closing the input port shuts the socket down and
// closes it (socket-port); otherwise closing the ports leaves it open.
func NewPorts(ep Endpoint, closeSocket bool) (*scheme.Port, *scheme.Port) {
	h := &portHost{ep: ep, closeSocket: closeSocket}
	h.in = scheme.NewInputPort("socket", epReader{h}, h)
	h.out = scheme.NewOutputPort("socket", epWriter{h}, h)
	return h.in, h.out
}

// NewPort returns one binary input/output port reading and writing ep
// (socket-port, tls-socket-port). With closeSocket, closing the port (both
// sides: close-port, or close-input-port and close-output-port) shuts the
// socket down (SHUT_RDWR) and closes it; otherwise the socket stays open.
func NewPort(ep Endpoint, closeSocket bool) *scheme.Port {
	h := &portHost{ep: ep, closeSocket: closeSocket}
	p := scheme.NewInputOutputPort("socket", epReader{h}, epWriter{h}, h)
	h.in, h.out = p, p
	return p
}

// EndpointOfPort returns the endpoint behind a socket port, or nil.
func EndpointOfPort(v scheme.Value) Endpoint {
	if p, ok := v.(*scheme.Port); ok {
		if h, ok := p.Host.(*portHost); ok {
			return h.ep
		}
	}
	return nil
}

// portError converts an endpoint error into &socket-port (plus
// &socket-closed for a closed socket).
func (h *portHost) portError(p *scheme.Port, err error) error {
	extra := []string{KindSocketPort}
	if IsClosedError(err) {
		err = conditions.Closed()
		extra = append(extra, KindSocketClosed)
	}
	c := Condition("socket-port", h.ep, err, extra...)
	if c == nil {
		return err
	}
	c.Set(KindSocketPort, "port", p)
	return scheme.Raise(c)
}

type epReader struct{ h *portHost }

func (r epReader) ReadContext(ctx context.Context, p []byte) (int, error) {
	n, err := r.h.ep.Recv(ctx, p, 0)
	switch {
	case err != nil:
		return 0, r.h.portError(r.h.in, err)
	case n == 0 && len(p) > 0:
		return 0, io.EOF
	case n < 0:
		return 0, r.h.portError(r.h.in, conditions.Want(conditions.WantRead, conditions.OpRead))
	}
	return n, nil
}

func (r epReader) Ready(ctx context.Context) (bool, error) { return r.h.ep.Ready(ctx), nil }

func (r epReader) Close() error {
	if r.h.closeSocket {
		r.h.once.Do(func() {
			_ = r.h.ep.Shutdown(context.Background(), ShutRDWR)
			_ = r.h.ep.Close()
		})
	}
	return nil
}

type epWriter struct{ h *portHost }

func (w epWriter) WriteContext(ctx context.Context, p []byte) (int, error) {
	for done := 0; done < len(p); {
		n, err := w.h.ep.Send(ctx, p[done:], 0)
		if err != nil {
			return done, w.h.portError(w.h.out, err)
		}
		if n <= 0 {
			return done, w.h.portError(w.h.out, conditions.Want(conditions.WantWrite, conditions.OpWrite))
		}
		done += n
	}
	return len(p), nil
}

func (w epWriter) FlushContext(ctx context.Context) error { return nil }

// DirectWrite: a socket sends what each output operation wrote (Sagittarius
// socket ports are unbuffered).
func (epWriter) DirectWrite() {}

var (
	_ scheme.ByteReader   = epReader{}
	_ scheme.ReadyReader  = epReader{}
	_ scheme.DirectWriter = epWriter{}
)
