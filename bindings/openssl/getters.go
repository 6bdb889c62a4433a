// (openssl ext) twapi's read-only channel options as getters: -credentials/-context → ssl-port-context, -verifier → ssl-port-verifier (spec §3.6).

package openssl

import (
	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// getterProcs are the (openssl ext) rows of this file.
var getterProcs = []scheme.Proc{
	{Name: "ssl-port-context", Spec: "§1.3.3", Sig: "(ssl-port-context conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "twapi -credentials/-context: the client or server context the connection was made from (servers: after the handshake, the context an SNI or validate callback switched to), or #f for a pair made without one. " +
			"Changing it affects later connections only. The SSPI security context of twapi's -context has no Go counterpart; ssl-connection-info and ssl-status describe the connection.",
		Fn: sslPortContext},
	{Name: "ssl-port-verifier", Spec: "§1.3.3", Sig: "(ssl-port-verifier conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "twapi -verifier: the verifier procedure (ssl-set-verifier!, verifier:) of the connection's context, or #f.", Fn: sslPortVerifier},
}

// portContext returns the context of a connection (nil if none).
func portContext(who string, v scheme.Value) (*tlsctx.Context, error) {
	c, err := tlsval.ConnOf(who, v)
	if err != nil {
		return nil, err
	}
	m := c.Meta
	if m.CC != nil && m.CC.Result != nil && c.E.HandshakeComplete() {
		if sc := m.CC.Result.ServerContext; sc != nil {
			return sc, nil
		}
	}
	return m.Ctx, nil
}

func sslPortContext(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	ctx, err := portContext("ssl-port-context", args[0])
	if err != nil || ctx == nil {
		return scheme.False, err
	}
	return &tlsval.Context{Ctx: ctx}, nil
}

// verifierKey is the tlsctx user-data key of the verifier procedure.
type verifierKey struct{}

func sslPortVerifier(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	ctx, err := portContext("ssl-port-verifier", args[0])
	if err != nil {
		return nil, err
	}
	if ctx != nil {
		if p, ok := ctx.UserData(verifierKey{}).(scheme.Value); ok {
			return p, nil
		}
	}
	return scheme.False, nil
}
