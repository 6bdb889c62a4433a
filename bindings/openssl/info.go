// The info callback (ssl-set-info-callback!, info-callback:) and ssl-callback-error-handler (spec §1.3.1).

package openssl

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"weak"

	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

var sslCallbackErrorHandler = &scheme.ParamDef{Name: "ssl-callback-error-handler", Spec: "§1.3.1",
	Sig: "(ssl-callback-error-handler [proc-or-#f])", Default: scheme.False,
	Doc: "#f or (condition conn) called when a user callback (info, verify …) raises; its return is ignored and the failure still aborts the handshake where it would (twapi tls_background_error)."}

// infoTable maps live contexts to their info callback; entries vanish with the context.
type infoTable struct {
	mu sync.Mutex
	m  map[weak.Pointer[tlsctx.Context]]scheme.Value
}

type infoKey struct{}

func infos(in *scheme.Interp) *infoTable {
	return in.HostData(infoKey{}, func() any {
		return &infoTable{m: make(map[weak.Pointer[tlsctx.Context]]scheme.Value)}
	}).(*infoTable)
}

// set installs proc (#f removes) as the info callback of ctx.
func (t *infoTable) set(ctx *tlsctx.Context, proc scheme.Value) {
	k := weak.Make(ctx)
	t.mu.Lock()
	defer t.mu.Unlock()
	_, had := t.m[k]
	if !tlsval.Given(proc) {
		delete(t.m, k)
		return
	}
	t.m[k] = proc
	if !had {
		runtime.AddCleanup(ctx, func(k weak.Pointer[tlsctx.Context]) {
			t.mu.Lock()
			delete(t.m, k)
			t.mu.Unlock()
		}, k)
	}
}

// get returns the info callback of ctx, or nil.
func (t *infoTable) get(ctx *tlsctx.Context) scheme.Value {
	if ctx == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[weak.Make(ctx)]
}

// setInfoCallback is the setting of info-callback: and ssl-set-info-callback!.
func setInfoCallback(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	proc, err := procArg(who, "info-callback", v)
	if err != nil {
		return err
	}
	infos(th.Interp()).set(ctx, proc)
	return wrap(who, ctx.SetSessionCallback(sessionInfoCallback(th, proc)))
}

// withInfo sets o.OnEvent when ctx has an info callback: the engine's
// events become (info conn major minor message type) and (error conn
// message) calls of it. Failures go to ssl-callback-error-handler.
func withInfo(th *scheme.Thread, h *tlsval.Handle, ctx *tlsctx.Context, o ports.Options) ports.Options {
	proc := infos(th.Interp()).get(ctx)
	if proc == nil {
		return o
	}
	in := th.Interp()
	fallback := th.Param(sslCallbackErrorHandler)
	str := scheme.NewString
	o.OnEvent = func(_ context.Context, ev ports.Event) {
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
	return o
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
