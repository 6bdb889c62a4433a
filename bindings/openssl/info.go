// The info callback (ssl-set-info-callback!, info-callback:) and ssl-callback-error-handler (spec §1.3.1).

package openssl

import (
	"context"
	"errors"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

var sslCallbackErrorHandler = &scheme.ParamDef{Name: "ssl-callback-error-handler", Spec: "§1.3.1",
	Sig: "(ssl-callback-error-handler [proc-or-#f])", Default: scheme.False,
	Doc: "#f or (condition conn) called when a user callback (info, verify …) raises or a background (non-blocking) handshake fails (the handler in effect when the connection was made); its return is ignored and the failure still aborts the handshake where it would, and sticks (twapi tls_background_error)."}

// setInfoCallback is the setting of info-callback: and
// ssl-set-info-callback!: the callback is kept on the context value.
func setInfoCallback(th *scheme.Thread, who string, ctx *tlsval.Context, proc scheme.Value) error {
	if !tlsval.Given(proc) {
		proc = nil
	}
	ctx.SetInfoCallback(proc)
	return wrap(who, ctx.Ctx.SetSessionCallback(sessionInfoCallback(th, proc)))
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

// withInfo sets o.OnEvent when ctx has an info callback or the thread has
// an ssl-callback-error-handler: the engine's events become (info conn
// major minor message type) and (error conn message) calls of the info
// callback, whose failures go to ssl-callback-error-handler; and the
// failure of a background (non-blocking) handshake, which no thread sees
// raised when it happens, goes to the handler set when the connection
// was made (unless it is a callback's raise, already reported).
func withInfo(th *scheme.Thread, h *tlsval.Handle, ctx *tlsval.Context, o ports.Options) ports.Options {
	proc := ctx.InfoCallback()
	in := th.Interp()
	fallback := th.Param(sslCallbackErrorHandler)
	if proc == nil && !scheme.IsProcedure(fallback) {
		return o
	}
	o.OnEvent = func(ectx context.Context, ev ports.Event) {
		if proc != nil {
			infoEvent(in, h, proc, fallback, ev)
		}
		if ev.Kind == ports.EventHandshakeFailed && ev.Err != nil && ev.Err.CallbackCause == nil {
			if _, ok := scheme.ThreadFromContext(ectx); !ok {
				reportCallbackError(in, h, fallback, ev.Err, true)
			}
		}
	}
	return o
}

// infoEvent calls the info callback proc for the engine event ev.
func infoEvent(in *scheme.Interp, h *tlsval.Handle, proc, fallback scheme.Value, ev ports.Event) {
	str := scheme.NewString
	conn := h.Port()
	var args []scheme.Value
	fresh := false
	switch ev.Kind {
	case ports.EventHandshakeStart:
		args = []scheme.Value{scheme.Intern("info"), conn, scheme.Intern("handshake"), str("start"), str(""), str("")}
	case ports.EventHandshakeDone:
		args = []scheme.Value{scheme.Intern("info"), conn, scheme.Intern("handshake"), str("done"), str(""), str("")}
	case ports.EventHandshakeFailed:
		msg := ""
		if ev.Err != nil {
			msg = ev.Err.Message
		}
		args = []scheme.Value{scheme.Intern("error"), conn, str(msg)}
	case ports.EventAlertSent, ports.EventAlertReceived:
		dir, level := "read", "warning"
		if ev.Kind == ports.EventAlertSent {
			dir = "write"
		}
		if ev.Fatal {
			level = "fatal"
		}
		args = []scheme.Value{scheme.Intern("info"), conn, scheme.Intern("alert"), str(dir), str(ev.Alert), str(level)}
		fresh = true // outside the handshake: not on the handshake's thread
	default:
		return
	}
	var err error
	if fresh {
		_, err = tlsval.CallFresh(in, context.Background(), proc, args...)
	} else {
		_, err = h.Call(in, proc, args...)
	}
	if err != nil {
		reportCallbackError(in, h, fallback, err, fresh)
	}
}

// reportCallbackError calls (ssl-callback-error-handler) — of the thread
// running the handshake, else fallback (the value when the connection or
// setting was made) — with the condition err carries and the connection;
// the handler's result and failures are ignored. fresh: the failure
// happened outside the handshake, so the handler runs on a fresh thread.
func reportCallbackError(in *scheme.Interp, h *tlsval.Handle, fallback scheme.Value, err error, fresh bool) {
	handler := fallback
	if th := h.Thread(); th != nil && !fresh {
		handler = th.Param(sslCallbackErrorHandler)
	}
	if !scheme.IsProcedure(handler) {
		return
	}
	var cond scheme.Value
	var se *scheme.Error
	switch {
	case errors.As(err, &se) && se.Condition != nil:
		cond = se.Condition
	default:
		if c, ok := tlsval.Convert(err); ok {
			cond = c
		} else {
			cond = scheme.NewString(err.Error())
		}
	}
	if fresh {
		_, _ = tlsval.CallFresh(in, context.Background(), handler, cond, h.Port())
		return
	}
	_, _ = h.Call(in, handler, cond, h.Port())
}
