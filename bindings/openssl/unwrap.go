// (openssl ext) ssl-unwrap-ports: end TLS and go on in plaintext over the same socket (tcltls tls::unimport; spec §1.3.2, §3.5).

package openssl

import (
	"context"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// unwrapProcs are the (openssl ext) rows of this file.
var unwrapProcs = []scheme.Proc{
	{Name: "ssl-unwrap-ports", Spec: "§1.3.2", Sig: "(ssl-unwrap-ports in out #!optional (timeout (ssl-shutdown-timeout)))",
		Args: scheme.Params{Required: []string{"in", "out"}, Optional: []string{"timeout"}},
		Doc: "tcltls tls::unimport: flush out, send close_notify (no TCP FIN), read and discard plaintext until the peer's close_notify, and return (values tcp-in tcp-out) over the same socket; bytes the peer sent after its close_notify are read first. " +
			"The SSL ports become closed. The peer closing TCP instead raises syscall/eof; no close_notify within timeout ms raises (exn i/o net timeout) and the connection is unusable.",
		Fn: sslUnwrapPorts},
}

func sslUnwrapPorts(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-unwrap-ports"
	c, err := tlsval.SSLConn(who, args[0])
	if err != nil {
		return nil, err
	}
	if c2, err := tlsval.SSLConn(who, args[1]); err != nil || c2 != c {
		return nil, conditions.TypeError(who, "in and out must be the two ports of one SSL connection", args[0], args[1])
	}
	d := tlsval.ParamMS(th, tlsval.SSLShutdownTimeout)
	if !tlsval.Absent(args[2]) {
		if d, err = tlsval.MS(who, 3, args[2]); err != nil {
			return nil, err
		}
	}
	ctx := th.Context()
	if d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	if err := c.Out.Flush(ctx); err != nil {
		return nil, tlsval.Located(who, err)
	}
	raw, held, err := c.E.Unwrap(ctx)
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	c.Abandon() // closing the SSL ports must not touch the socket
	_ = c.In.Close()
	_ = c.Out.Close()
	_, in, out := tlsval.NewTCPPorts(raw, held, tlsval.Options(th))
	return scheme.Values(in, out), nil
}
