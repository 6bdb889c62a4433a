// Client procedures: ssl-connect, ssl-connect*, ssl-make-client-context(*) (spec §1.1.2).

package openssl

import (
	"context"
	"net"
	"sync"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// connectParams declare the keywords of ssl-connect*.
var connectParams = sync.OnceValue(func() []scheme.Param {
	return concat([]scheme.Param{
		scheme.KeyRequired("hostname", tlsval.TypeName),
		scheme.Key("port", scheme.OrFalse(tlsval.TypePortNumber), nil),
		scheme.Key("sni-name", nil, nil),
	}, append(ctxParams(),
		scheme.Key("session", nil, nil),
		scheme.Key("tcp-connect", nil, nil),
		scheme.Key("local-address", scheme.OrFalse(scheme.TypeString), nil),
		scheme.Key("local-port", scheme.OrFalse(tlsval.TypeFixnum), nil),
		scheme.Key("async?", nil, nil))...)
})

// clientContextArg returns the ctx argument of ssl-connect: a client
// context, or a protocol symbol (fresh context, no verification).
func clientContextArg(who string, v scheme.Value) (*tlsval.Context, error) {
	if c, ok := v.(*tlsval.Context); ok {
		return c, nil
	}
	name, err := protocolOf(who, v, "sslv2-or-v3")
	if err != nil {
		return nil, err
	}
	return newContext(who, tlsctx.Client, name)
}

// dialRaw opens the TCP connection of a client: through the tcp-connect:
// procedure when given (its TCP ports are detached), else directly.
func dialRaw(th *scheme.Thread, who, host string, port int, tcpConnect scheme.Value, local *net.TCPAddr) (net.Conn, []byte, error) {
	if tlsval.Given(tcpConnect) {
		r, err := th.Call(tcpConnect, scheme.NewString(host), scheme.Fixnum(port))
		if err != nil {
			return nil, nil, err
		}
		mv, ok := r.(*scheme.MultipleValues)
		if !ok || len(mv.Vals) != 2 {
			return nil, nil, conditions.TypeError(who, "tcp-connect procedure must return two ports", r)
		}
		t := tlsval.TCPPort(mv.Vals[0])
		if t == nil {
			return nil, nil, conditions.TypeError(who, "tcp-connect procedure must return TCP ports", mv.Vals[0])
		}
		raw, buf, err := t.Detach(th.Context())
		return raw, buf, tlsval.Located(who, err)
	}
	raw, err := tlsval.Dial(th.Context(), host, port, tlsval.ParamMS(th, tlsval.TCPConnectTimeout), local)
	return raw, nil, tlsval.Located(who, err)
}

// connect is the body of every client connection procedure.
func connect(th *scheme.Thread, who string, hostV, portV scheme.Value, ctx *tlsval.Context, sni scheme.Value, k kwargs) (scheme.Value, error) {
	host, port, err := tlsval.SplitHostPort(who, hostV, portV)
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	var local *net.TCPAddr
	if la, lp := k.get("local-address"), k.get("local-port"); tlsval.Given(la) || tlsval.Given(lp) {
		local = &net.TCPAddr{}
		if s, ok := la.(*scheme.String); ok {
			local.IP = net.ParseIP(s.String())
		}
		if n, ok := lp.(scheme.Fixnum); ok {
			local.Port = int(n)
		}
	}
	p := tlsctx.ConnParams{VerifyName: host}
	switch s := sni.(type) {
	case *scheme.String:
		p.ServerName, p.VerifyName = s.String(), s.String()
	case *scheme.Boolean:
		if s == scheme.True {
			p.ServerName = host
		}
	}
	if tlsctx.IsIPLiteral(p.ServerName) {
		p.ServerName = ""
	}
	// The connection's snapshot, metadata and options are made before the
	// dial: once connected, the client's first flight goes out without
	// waiting for them.
	m := tlsval.NewConnMetaHandle(ctx.Ctx, p.ServerName, p.VerifyName)
	p.Handle = m.H
	cc, err := ctx.Ctx.ConnConfig(p)
	if err != nil {
		return nil, located(who, err)
	}
	m.SetConfig(cc)
	o := connOptions(th, m.H, ctx)
	tcpConnect := tcpConnectOf(th, k.get("tcp-connect"))
	var raw net.Conn
	var buf []byte
	if async := k.get("async?"); tlsval.Given(async) && !tlsval.Given(tcpConnect) {
		raw = dialAsync(th, host, port, local)
	} else if raw, buf, err = dialRaw(th, who, host, port, tcpConnect, local); err != nil {
		return nil, err
	}
	if sess, ok := k.get("session").(*tlsval.Session); ok && cc.TLS.ClientSessionCache != nil {
		cc.TLS.ClientSessionCache.Put(tlsCacheKey(p.ServerName, raw), sess.S)
	}
	return sslPorts(ports.StartTLS(raw, buf, cc, false, o), m), nil
}

// tlsCacheKey is crypto/tls's client session cache key: the server name,
// else the remote address.
func tlsCacheKey(serverName string, raw net.Conn) string {
	if serverName != "" {
		return serverName
	}
	return raw.RemoteAddr().String()
}

func sslConnect(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	ctx, err := clientContextArg("ssl-connect", args[2])
	if err != nil {
		return nil, err
	}
	return connect(th, "ssl-connect", args[0], args[1], ctx, args[3], nil)
}

func sslConnectEnableBreak(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return sslConnect(th, args)
}

func sslConnectStar(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-connect*"
	k, err := withDefaults(th, who, connectParams(), keys(connectParams(), args, 0))
	if err != nil {
		return nil, err
	}
	ctx, err := makeClientContextStar(th, who, k)
	if err != nil {
		return nil, err
	}
	sni := k.get("sni-name")
	if tlsval.Absent(sni) {
		sni = scheme.True
	}
	return connect(th, who, k.get("hostname"), k.get("port"), ctx, sni, k)
}

// makeClientContextStar is ssl-make-client-context* (protocol 'tlsv12, verify? #t).
func makeClientContextStar(th *scheme.Thread, who string, k kwargs) (*tlsval.Context, error) {
	return keywordContext(th, who, k, tlsctx.Client)
}

func sslMakeClientContextStar(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return makeClientContextStar(th, "ssl-make-client-context*", keys(ctxParams(), args, 0))
}

func sslMakeClientContext(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return racketContext(th, "ssl-make-client-context", tlsctx.Client, "sslv2-or-v3", args)
}

// racketContext is ssl-make-client-context / ssl-make-server-context: a
// context of role for the protocol args[0] (default protocol), with
// Racket's key and chain keywords args[1], args[2], read under th's
// context (see the package comment).
func racketContext(th *scheme.Thread, who string, role tlsctx.Role, protocol string, args []scheme.Value) (scheme.Value, error) {
	name, err := protocolOf(who, args[0], protocol)
	if err != nil {
		return nil, err
	}
	ctx, err := newContext(who, role, name)
	if err != nil {
		return nil, err
	}
	if err := racketKeyAndChain(th.Context(), who, ctx, args[1], args[2]); err != nil {
		return nil, err
	}
	return ctx, nil
}

// racketKeyAndChain applies Racket's #:private-key (list 'pem|'der path)
// and #:certificate-chain path keywords, reading files under rctx.
func racketKeyAndChain(rctx context.Context, who string, ctx *tlsval.Context, key, chain scheme.Value) error {
	if tlsval.Given(chain) {
		src, err := source(who, 0, chain)
		if err != nil {
			return err
		}
		if err := ctx.Ctx.LoadCertificateChainContext(rctx, src, false); err != nil {
			return located(who, err)
		}
	}
	if tlsval.Given(key) {
		asn1 := false
		src := key
		if items, ok := scheme.ListToSlice(key); ok && len(items) == 2 {
			asn1 = items[0] == scheme.Value(scheme.Intern("der"))
			src = items[1]
		}
		s, err := source(who, 0, src)
		if err != nil {
			return err
		}
		if err := ctx.Ctx.LoadPrivateKeyContext(rctx, s, tlsctx.KeyAny, asn1); err != nil {
			return located(who, err)
		}
	}
	return nil
}

func sslClientContextP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, ok := args[0].(*tlsval.Context)
	return scheme.MakeBool(ok && c.Ctx.Role() == tlsctx.Client), nil
}

// secureKey is the Interp.HostData key of the ssl-secure-client-context cache.
type secureKey struct{}

// secureCache is the context ssl-secure-client-context returns while
// ssl-default-verify-sources keeps the value it was built from.
type secureCache struct {
	mu      sync.Mutex
	sources scheme.Value
	ctx     *tlsval.Context
}

func sslSecureClientContext(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-secure-client-context"
	cache := th.Interp().HostData(secureKey{}, func() any { return &secureCache{} }).(*secureCache)
	sources := th.Param(sslDefaultVerifySources)
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if cache.ctx != nil && scheme.Equal(cache.sources, sources) {
		return cache.ctx, nil
	}
	c, err := tlsctx.New(tlsctx.Client, "secure")
	if err != nil {
		return nil, located(who, err)
	}
	if err := loadVerifySources(th.Context(), who, c, sources); err != nil {
		return nil, err
	}
	if err := c.SetCipherList("DEFAULT:!aNULL:!eNULL:!LOW:!EXPORT:!SSLv2"); err != nil {
		return nil, located(who, err)
	}
	if err := explicitClientDefaults(c, true); err != nil {
		return nil, located(who, err)
	}
	c.Seal()
	cache.sources, cache.ctx = sources, &tlsval.Context{Ctx: c}
	return cache.ctx, nil
}
