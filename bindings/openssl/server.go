// Server procedures: ssl-listen(*), ssl-accept, ssl-close, listener queries, ssl-start* (spec §1.1.3, §1.1.4).

package openssl

import (
	"sync"

	"time"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/listener"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// listenParams declare the keywords of ssl-listen*.
var listenParams = sync.OnceValue(func() []scheme.Param {
	return concat([]scheme.Param{
		scheme.Key("hostname", scheme.OrFalse(tlsval.TypeName), nil),
		scheme.Key("port", scheme.OrFalse(tlsval.TypeFixnum), nil),
		scheme.Key("backlog", scheme.OrFalse(tlsval.TypeFixnum), nil),
	}, ctxParams()...)
})

func listenerArg(who string, v scheme.Value) (*tlsval.Listener, error) {
	if l, ok := v.(*tlsval.Listener); ok {
		return l, nil
	}
	return nil, scheme.TypeError(who, 1, "ssl-listener", v)
}

// listen creates the listener of ssl-listen / ssl-listen*.
func listen(who string, host string, port, backlog int, ctx *tlsval.Context) (*tlsval.Listener, error) {
	l, err := listener.Listen(host, port, backlog, ctx.Ctx)
	if err != nil {
		return nil, located(who, err)
	}
	return &tlsval.Listener{L: l, Ctx: ctx}, nil
}

func serverContextArg(who string, pos int, v scheme.Value, def string) (*tlsval.Context, error) {
	if c, ok := v.(*tlsval.Context); ok {
		if c.Ctx.Role() != tlsctx.Server {
			return nil, scheme.TypeError(who, pos, "ssl-server-context or protocol symbol", v)
		}
		return c, nil
	}
	name, err := protocolOf(who, v, def)
	if err != nil {
		return nil, err
	}
	return newContext(who, tlsctx.Server, name)
}

func sslListen(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-listen"
	ctx, err := serverContextArg(who, 4, args[3], "sslv2-or-v3")
	if err != nil {
		return nil, err
	}
	return listen(who, tlsval.Str(args[2]), tlsval.Num(args[0], 0), tlsval.Num(args[1], 4), ctx)
}

func sslListenStar(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-listen*"
	k, err := withDefaults(th, who, listenParams(), keys(listenParams(), args, 0))
	if err != nil {
		return nil, err
	}
	ctx, err := makeServerContextStar(th, who, k)
	if err != nil {
		return nil, err
	}
	return listen(who, tlsval.Str(k.get("hostname")), tlsval.Num(k.get("port"), 0), tlsval.Num(k.get("backlog"), 4), ctx)
}

// makeServerContextStar configures a server context from the keywords
// (protocol 'tlsv12, verify? #f, certificate required).
func makeServerContextStar(th *scheme.Thread, who string, k kwargs) (*tlsval.Context, error) {
	return keywordContext(th, who, k, tlsctx.Server)
}

func sslClose(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, err := listenerArg("ssl-close", args[0])
	if err != nil {
		return nil, err
	}
	_ = l.L.Close()
	return scheme.Unspecified, nil
}

func sslListenerP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, ok := args[0].(*tlsval.Listener)
	return scheme.MakeBool(ok), nil
}

func sslListenerPort(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, err := listenerArg("ssl-listener-port", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(l.L.Port()), nil
}

func sslListenerFileno(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, err := listenerArg("ssl-listener-fileno", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(l.L.Fileno()), nil
}

func sslListenerAcceptReadyP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, err := listenerArg("ssl-listener-accept-ready?", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(l.L.AcceptReady(th.Context())), nil
}

func sslAcceptReadyP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, err := listenerArg("ssl-accept-ready?", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(l.L.AcceptReady(th.Context())), nil
}

func sslAccept(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-accept"
	l, err := listenerArg(who, args[0])
	if err != nil {
		return nil, err
	}
	// thread-signal! reaches a thread waiting for the connection (the
	// accept waits on its wait context); the accept is made again after
	// the handler, to the same deadline. The handshake is lazy: it runs
	// at the first I/O, which a signal does not cut short.
	limit := tlsval.ParamMS(th, tlsval.TCPAcceptTimeout)
	return th.ResumableWaitFor(who, limit, func(th *scheme.Thread, left time.Duration) (scheme.Value, error) {
		v, err := sslAcceptWait(th, l, left)
		return v, tlsval.WithLimit(err, limit)
	})
}

// sslAcceptWait is one wait of ssl-accept on l, for at most timeout.
func sslAcceptWait(th *scheme.Thread, l *tlsval.Listener, timeout time.Duration) (scheme.Value, error) {
	const who = "ssl-accept"
	th.WaitBegin() // thread-state: blocked
	defer th.WaitEnd()
	l.Lock()
	// This accept's settings reach its connection (through h and m); put
	// the listener's own back afterwards, so that the listener, which
	// outlives the connection, does not keep it reachable.
	saved, savedOpts := l.L.ConnConfig, l.L.Options
	m := tlsval.NewConnMetaHandle(l.L.Context(), "", "")
	h := m.H
	l.L.Options = connOptions(th, h, l.Ctx)
	if sc := m.Ctx; sc != nil {
		l.L.ConnConfig = func() (*tlsctx.ConnConfig, error) {
			cc, err := sc.ConnConfig(tlsctx.ConnParams{Handle: h})
			m.SetConfig(cc)
			return cc, err
		}
	}
	e, err := l.L.AcceptContext(th.WaitContext(), timeout)
	l.L.ConnConfig, l.L.Options = saved, savedOpts
	l.Unlock()
	if err != nil {
		return nil, located(who, err)
	}
	return sslPorts(e, m), nil
}

func sslAcceptEnableBreak(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return sslAccept(th, args)
}

func sslStartStar(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-start*"
	server := scheme.Truthy(args[0])
	sni := args[1]
	t := tlsval.TCPPort(args[2])
	if t == nil || tlsval.TCPPort(args[3]) != t {
		return nil, conditions.TypeError(who, "expected TCP ports, got", args[2], args[3])
	}
	k, err := withDefaults(th, who, ctxParams(), keys(ctxParams(), args, 4))
	if err != nil {
		return nil, err
	}
	var ctx *tlsval.Context
	if server {
		ctx, err = makeServerContextStar(th, who, k)
	} else {
		ctx, err = makeClientContextStar(th, who, k)
	}
	if err != nil {
		return nil, err
	}
	h := tlsval.NewHandle()
	p := tlsctx.ConnParams{Handle: h}
	if s, ok := sni.(*scheme.String); ok && !server {
		p.ServerName, p.VerifyName = s.String(), s.String()
	}
	cc, err := ctx.Ctx.ConnConfig(p)
	if err != nil {
		return nil, located(who, err)
	}
	raw, buf, err := t.Detach(th.Context())
	if err != nil {
		return nil, located(who, err)
	}
	m := tlsval.NewConnMeta(ctx.Ctx, cc, p.ServerName, p.VerifyName, h)
	return sslPorts(ports.StartTLS(raw, buf, cc, server, connOptions(th, h, ctx)), m), nil
}
