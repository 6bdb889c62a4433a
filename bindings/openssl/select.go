// (openssl ext) ssl-port-select: wait until any of several ports or listeners is readable (spec §1.3.1).

package openssl

import (
	"context"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// selectProcs are the (openssl ext) rows of this file.
var selectProcs = []scheme.Proc{
	{Name: "ssl-port-select", Spec: "§1.3.1", Sig: "(ssl-port-select timeout-ms . ports)",
		Args: scheme.Params{Required: []string{"timeout-ms"}, Rest: "ports"},
		Doc: "Wait until at least one of the input ports (SSL, TCP, any port: as char-ready?) or SSL/TCP listeners is ready — data buffered or on the socket, EOF, an error to report, a connection to accept — " +
			"or timeout-ms passes (#f = forever, 0 = poll). Returns the ready ones in argument order, '() on timeout. Polls every 5 ms; the thread's interruption (Ctrl-C, thread-terminate!) ends the wait.",
		Fn: sslPortSelect},
}

func sslPortSelect(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-port-select"
	d, err := tlsval.MS(who, 1, args[0])
	if err != nil {
		return nil, err
	}
	forever := args[0] == scheme.Value(scheme.False)
	items, _ := scheme.ListToSlice(args[1])
	funcs := make([]ports.ReadyFunc, len(items))
	var charReady scheme.PrimFn
	for i, v := range items {
		switch x := v.(type) {
		case *tlsval.Listener:
			funcs[i] = func(ctx context.Context) (bool, error) { return x.L.TryAcceptReady(ctx), nil }
		case *tlsval.TCPListener:
			funcs[i] = func(ctx context.Context) (bool, error) { return x.AcceptReady(ctx), nil }
		case *scheme.Port:
			if !x.IsInput() {
				return nil, scheme.TypeError(who, i+2, "input port, ssl-listener or tcp-listener", v)
			}
			if charReady == nil {
				if rows := th.Interp().LookupProc("char-ready?"); len(rows) > 0 {
					charReady = rows[0].Fn
				} else {
					charReady = func(*scheme.Thread, []scheme.Value) (scheme.Value, error) { return scheme.True, nil }
				}
			}
			ready := charReady
			funcs[i] = func(ctx context.Context) (bool, error) {
				r, err := ready(th, []scheme.Value{x})
				return err == nil && scheme.Truthy(r), err
			}
		default:
			return nil, scheme.TypeError(who, i+2, "input port, ssl-listener or tcp-listener", v)
		}
	}
	idx, err := ports.Select(th.Context(), d, forever, funcs)
	if err != nil {
		return nil, err
	}
	out := make([]scheme.Value, len(idx))
	for k, i := range idx {
		out[k] = items[i]
	}
	return scheme.List(out...), nil
}
