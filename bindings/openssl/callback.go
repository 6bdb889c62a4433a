// User callbacks: Scheme procedures called from Go (key log, verify callback, verifier, validate callback).

package openssl

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"strings"

	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// callScheme applies proc to args on a fresh Scheme thread of in (for Go
// callbacks that are not tied to one connection's handshake).
func callScheme(in *scheme.Interp, proc scheme.Value, args ...scheme.Value) (scheme.Value, error) {
	return tlsval.CallFresh(in, context.Background(), proc, args...)
}

// lineCallback is an io.Writer calling a Scheme procedure with each
// complete line written (the key-log procedure).
type lineCallback struct {
	in   *scheme.Interp
	proc scheme.Value
}

func (l lineCallback) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		if line == "" {
			continue
		}
		if _, err := callScheme(l.in, l.proc, scheme.NewString(line)); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// verifyArgs are the (depth certificate ok? error) arguments of a verify callback.
func verifyArgs(depth int, cert *x509.Certificate, ok bool, errMsg string) []scheme.Value {
	msg := scheme.Value(scheme.False)
	if errMsg != "" {
		msg = scheme.NewString(errMsg)
	}
	return []scheme.Value{scheme.Fixnum(depth), tlsval.CertificateValue(cert), scheme.MakeBool(ok), msg}
}

// verifyCallback adapts a Scheme verify callback (conn depth certificate
// ok? error) (spec §1.3.1): #t accepts the certificate, #f rejects it
// (the handshake aborts), anything else keeps ok?.
// A raise is reported to ssl-callback-error-handler (fallback: its value
// when the callback was set, for background handshakes) and aborts.
func verifyCallback(in *scheme.Interp, proc, fallback scheme.Value) tlsctx.VerifyCallback {
	return func(handle any, depth int, cert *x509.Certificate, ok bool, errMsg string) (int, error) {
		h, conn := tlsval.HandleOf(handle)
		r, err := h.Call(in, proc, append([]scheme.Value{conn}, verifyArgs(depth, cert, ok, errMsg)...)...)
		if err != nil {
			if h != nil {
				reportCallbackError(in, h, fallback, err, false)
			}
			return tlsctx.VerdictKeep, err
		}
		switch r {
		case scheme.Value(scheme.True):
			return tlsctx.VerdictAccept, nil
		case scheme.Value(scheme.False):
			return tlsctx.VerdictReject, nil
		}
		return tlsctx.VerdictKeep, nil
	}
}

// validateCallback adapts a tcltls-style validate callback (kind conn .
// args) for its verify kind: (verify conn depth certificate ok? error);
// #t/1 accept, #f/0 reject and abort, anything else (2, continue …) keeps
// ok?. The server kinds hello, sni and alpn are in validate.go.
func validateCallback(in *scheme.Interp, proc scheme.Value) tlsctx.VerifyCallback {
	return func(handle any, depth int, cert *x509.Certificate, ok bool, errMsg string) (int, error) {
		h, conn := tlsval.HandleOf(handle)
		args := append([]scheme.Value{scheme.Intern("verify"), conn}, verifyArgs(depth, cert, ok, errMsg)...)
		r, err := h.Call(in, proc, args...)
		if err != nil {
			return tlsctx.VerdictKeep, err
		}
		return validateVerdict(r), nil
	}
}

// verifier adapts a twapi-style verifier (conn) → true accepts.
func verifier(in *scheme.Interp, proc scheme.Value) tlsctx.Verifier {
	return func(handle any, cs tls.ConnectionState) (bool, error) {
		h, conn := tlsval.HandleOf(handle)
		r, err := h.Call(in, proc, conn)
		if err != nil {
			return false, err
		}
		return scheme.Truthy(r), nil
	}
}

// sslPorts returns (values in out) of a new SSL port pair over e; the pair
// owns m (introspection, spec §1.3.3), and callbacks get its input port
// through m.H.
func sslPorts(e *ports.Conn, m *tlsval.ConnMeta) scheme.Value {
	c, in, out := tlsval.NewSSLPorts(e)
	c.Meta = m
	m.H.SetPort(in)
	return scheme.Values(in, out)
}
