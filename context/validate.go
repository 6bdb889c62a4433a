// The server side of the validate callback: hello, sni and alpn kinds in GetConfigForClient (tcltls -validatecommand; spec §1.3.1).

package tlsctx

import (
	"crypto/tls"
	"slices"

	"github.com/tlsport/tlsport/conditions"
)

// Validator holds the server-side validate callbacks; a nil field is not
// called. Each returns a verdict: [VerdictAccept] accept, [VerdictReject]
// abort the handshake (Go sends alert 80), [VerdictKeep] reject the value
// but continue (sni: keep the current certificate; alpn: no ALPN). Errors
// abort like a rejection and are reported as the callback's cause.
type Validator struct {
	// Hello is called first with the ClientHello; it may return a server
	// context to switch to.
	Hello func(handle any, h *tls.ClientHelloInfo) (verdict int, switchTo *Context, err error)
	// SNI is called next when the client sent a server name; it may return
	// a server context to switch to.
	SNI func(handle any, name string) (verdict int, switchTo *Context, err error)
	// ALPN is called last when the client offered protocols: protocol is
	// the choice of the ssl-set-alpn-protocols! rule ("" for none) and
	// match whether both lists overlap; a non-empty override replaces the
	// choice.
	ALPN func(handle any, protocol string, match bool) (verdict int, override string, err error)
}

// SetValidator installs the server-side validate callbacks (nil: none).
func (c *Context) SetValidator(v *Validator) error {
	return c.mutate(func(st *state) error { st.validator = v; return nil })
}

// rejected is the error of a validate callback rejection or failure.
func rejected(kind string, err error) error {
	var cause any = "rejected by the validate callback (" + kind + ")"
	if err != nil {
		cause = err
	}
	return &conditions.CallbackError{Cause: cause, Name: "validate callback (" + kind + ")"}
}

// validateHello runs the hello and sni kinds; it returns the snapshot to
// continue with (s, or the context switched to).
func (s *snapshot) validateHello(h *tls.ClientHelloInfo, p ConnParams, res *VerifyResult) (*snapshot, error) {
	v := s.validator
	cur := s
	switchTo := func(ctx *Context) error {
		if ctx == nil || ctx == cur.ctx {
			return nil
		}
		o := ctx.snapshot()
		if o.role != Server {
			return rejected("hello", nil)
		}
		res.set(func(r *VerifyResult) { r.ServerContext = ctx })
		cur = o
		return nil
	}
	if v.Hello != nil {
		verdict, ctx, err := v.Hello(p.Handle, h)
		if err != nil || verdict == VerdictReject {
			return nil, rejected("hello", err)
		}
		if err := switchTo(ctx); err != nil {
			return nil, err
		}
	}
	if v.SNI != nil && h.ServerName != "" {
		verdict, ctx, err := v.SNI(p.Handle, h.ServerName)
		if err != nil || verdict == VerdictReject {
			return nil, rejected("sni", err)
		}
		if verdict != VerdictKeep {
			if err := switchTo(ctx); err != nil {
				return nil, err
			}
		}
	}
	return cur, nil
}

// validateALPN runs the alpn kind on the protocols the ALPN rule chose.
func (s *snapshot) validateALPN(h *tls.ClientHelloInfo, p ConnParams, chosen []string) ([]string, error) {
	v := s.validator
	if v == nil || v.ALPN == nil || len(h.SupportedProtos) == 0 {
		return chosen, nil
	}
	proto := ""
	if len(chosen) == 1 {
		proto = chosen[0]
	}
	match := proto != "" && slices.Contains(s.alpn, proto) && slices.Contains(h.SupportedProtos, proto)
	verdict, override, err := v.ALPN(p.Handle, proto, match)
	switch {
	case err != nil || verdict == VerdictReject:
		return nil, rejected("alpn", err)
	case verdict == VerdictKeep:
		return nil, nil
	case override != "":
		return []string{override}, nil
	}
	return chosen, nil
}
