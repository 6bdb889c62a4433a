// The info callback (ssl-set-info-callback!, info-callback:) and ssl-callback-error-handler (spec §1.3.1), for every library's connections.

package tlsval

import (
	"context"
	"errors"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// CallbackErrorHandler is the parameter ssl-callback-error-handler of
// (openssl): #f or (condition conn), called when a user callback raises or
// a background handshake fails.
var CallbackErrorHandler = &scheme.ParamDef{Name: "ssl-callback-error-handler", Spec: "§1.3.1",
	Sig: "(ssl-callback-error-handler [proc-or-#f])", Default: scheme.False,
	Doc: "#f or (condition conn) called when a user callback (info, verify …) raises or a background (non-blocking) handshake fails (the handler in effect when the connection was made); its return is ignored and the failure still aborts the handshake where it would, and sticks (twapi tls_background_error)."}

// SetInfoCallback installs proc (#f or #!default: none) as the info
// callback of ctx: kept on the context value for the engine events
// ([WithInfo]), and as the context's session callback for the (session …)
// calls.
func SetInfoCallback(th *scheme.Thread, who string, ctx *Context, proc scheme.Value) error {
	if !Given(proc) {
		proc = nil
	}
	ctx.SetInfoCallback(proc)
	return Located(who, ctx.Ctx.SetSessionCallback(sessionInfoCallback(th, proc)))
}

// sessionInfoCallback makes the (session conn session-id ticket lifetime)
// calls of an info callback (nil for none): a client stored a resumable
// session, or a server issued a ticket. It runs on a fresh thread (tickets
// arrive while reading, after the handshake); a raise goes to
// ssl-callback-error-handler.
func sessionInfoCallback(th *scheme.Thread, proc scheme.Value) tlsctx.SessionCallback {
	if proc == nil {
		return nil
	}
	in, fallback := th.Interp(), th.Param(CallbackErrorHandler)
	return func(handle any, ev tlsctx.SessionEvent) {
		h, conn := HandleOf(handle)
		life := scheme.Value(scheme.False)
		if ev.Lifetime > 0 {
			life = scheme.MakeInteger(int64(ev.Lifetime / time.Second))
		}
		id := scheme.Value(scheme.False)
		if ev.ID != "" {
			id = scheme.NewString(ev.ID)
		}
		_, err := CallFresh(in, context.Background(), proc, scheme.Intern("session"), conn,
			id, &scheme.Bytevector{B: ev.Ticket}, life)
		if err != nil && h != nil {
			ReportCallbackError(in, h, fallback, err, true)
		}
	}
}

// WithInfo sets o.OnEvent: the engine's events become (info conn major
// minor message type) and (error conn message) calls of the info callback
// info returns when the event happens (nil: none), whose failures go to
// ssl-callback-error-handler; and the failure of a background
// (non-blocking) handshake, which no thread sees raised when it happens,
// goes to the handler set when the connection was made (unless it is a
// callback's raise, already reported).
func WithInfo(th *scheme.Thread, h *Handle, info func() scheme.Value, o ports.Options) ports.Options {
	in := th.Interp()
	fallback := th.Param(CallbackErrorHandler)
	o.OnEvent = func(ectx context.Context, ev ports.Event) {
		if proc := info(); proc != nil {
			infoEvent(in, h, proc, fallback, ev)
		}
		if ev.Kind == ports.EventHandshakeFailed && ev.Err != nil && ev.Err.CallbackCause == nil {
			if _, ok := scheme.ThreadFromContext(ectx); !ok {
				ReportCallbackError(in, h, fallback, ev.Err, true)
			}
		}
	}
	return o
}

// infoEvent calls the info callback proc for the engine event ev.
func infoEvent(in *scheme.Interp, h *Handle, proc, fallback scheme.Value, ev ports.Event) {
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
		_, err = CallFresh(in, context.Background(), proc, args...)
	} else {
		_, err = h.Call(in, proc, args...)
	}
	if err != nil {
		ReportCallbackError(in, h, fallback, err, fresh)
	}
}

// ReportCallbackError calls (ssl-callback-error-handler) — of the thread
// running the handshake, else fallback (the value when the connection or
// setting was made) — with the condition err carries and the connection;
// the handler's result and failures are ignored. fresh: the failure
// happened outside the handshake, so the handler runs on a fresh thread.
func ReportCallbackError(in *scheme.Interp, h *Handle, fallback scheme.Value, err error, fresh bool) {
	handler := fallback
	if th := h.Thread(); th != nil && !fresh {
		handler = th.Param(CallbackErrorHandler)
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
		if c, ok := Convert(err); ok {
			cond = c
		} else {
			cond = scheme.NewString(err.Error())
		}
	}
	if fresh {
		_, _ = CallFresh(in, context.Background(), handler, cond, h.Port())
		return
	}
	_, _ = h.Call(in, handler, cond, h.Port())
}
