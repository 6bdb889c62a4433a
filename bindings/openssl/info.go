// The info callback (ssl-set-info-callback!, info-callback:) and ssl-callback-error-handler (spec §1.3.1); the machinery is tlsval's, shared with (rfc tls).

package openssl

import (
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

var sslCallbackErrorHandler = tlsval.CallbackErrorHandler

// reportCallbackError is tlsval.ReportCallbackError.
var reportCallbackError = tlsval.ReportCallbackError

// setInfoCallback is the setting of info-callback: and
// ssl-set-info-callback!: the callback is kept on the context value.
func setInfoCallback(th *scheme.Thread, who string, ctx *tlsval.Context, proc scheme.Value) error {
	return tlsval.SetInfoCallback(th, who, ctx, proc)
}

func sslSetInfoCallbackBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-info-callback!"
	c, err := tlsval.ContextOf(who, args[0])
	if err != nil {
		return nil, err
	}
	if err := setInfoCallback(th, who, c, args[1]); err != nil {
		return nil, err
	}
	return scheme.Unspecified, nil
}

// withInfo applies tlsval.WithInfo with ctx's info callback when the
// connection is made, when it has one or the thread has an
// ssl-callback-error-handler.
func withInfo(th *scheme.Thread, h *tlsval.Handle, ctx *tlsval.Context, o ports.Options) ports.Options {
	proc := ctx.InfoCallback()
	if proc == nil && !scheme.IsProcedure(th.Param(sslCallbackErrorHandler)) {
		return o
	}
	return tlsval.WithInfo(th, h, func() scheme.Value { return proc }, o)
}
