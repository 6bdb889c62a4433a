// Creating TLS sockets: make-client-tls-socket, make-server-tls-socket(*), socket->tls-socket, tls-socket-accept, the handshakes (spec §1.2.1).

package rfctls

import (
	"net"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// newClientContext builds the context of one client socket from its keywords.
func newClientContext(th *scheme.Thread, who string, k kw) (*tlsctx.Context, error) {
	c, err := tlsctx.New(tlsctx.Client, "tls")
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	if err := configure(th, who, c, k); err != nil {
		return nil, err
	}
	certs, err := certList(who, k.get("certificates"))
	if err != nil {
		return nil, err
	}
	key, err := privateKey(who, k.get("private-key"))
	if err != nil {
		return nil, err
	}
	if len(certs) > 0 && key != nil {
		if err := c.SetCertificate(certs, key); err != nil {
			return nil, tlsval.Located(who, err)
		}
	} else if len(certs) > 0 {
		return nil, conditions.Config("no private key", nil).WithLocation(who)
	}
	auth, err := certList(who, k.get("authorities"))
	if err != nil {
		return nil, err
	}
	hostname := tlsval.Bool(k.get("verify-hostname"), true)
	if err := setVerifier(th, who, c, k.get("certificate-verifier"), auth, hostname); err != nil {
		return nil, err
	}
	if err := c.SetClientCertificateCallback(clientCertificateCallback(th.Interp())); err != nil {
		return nil, err
	}
	return c, nil
}

// startClient wraps a connected raw socket in a client TLS socket; the
// handshake runs now when handshake is set.
func startClient(th *scheme.Thread, who string, raw *socket.Socket, c *tlsctx.Context, node, service string, k kw, handshake bool) (scheme.Value, error) {
	hl, err := parseHello(who, k.get("hello-extensions"))
	if err != nil {
		return nil, err
	}
	cv, err := contextValue(th, who, c, k)
	if err != nil {
		return nil, err
	}
	s := &TLSSocket{Raw: raw, Ctx: c, ctxv: cv, h: tlsval.NewHandle(), Base: socket.Base{Node: node, Service: service}}
	s.h.SetPort(s)
	sni := node
	verifyName := node
	if hl.haveSNI {
		sni, verifyName = hl.sni, hl.sni
	}
	switch v := k.get("server-name").(type) {
	case *scheme.String:
		sni, verifyName = v.String(), v.String()
	case *scheme.Boolean:
		if v == scheme.False {
			sni = ""
		}
	}
	if vh, ok := k.get("verify-hostname").(*scheme.String); ok {
		verifyName = vh.String()
	}
	if net.ParseIP(sni) != nil {
		sni = ""
	}
	cc, err := c.ConnConfig(tlsctx.ConnParams{ServerName: sni, VerifyName: verifyName, Handle: s.h})
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	if len(hl.alpn) > 0 {
		cc.TLS.NextProtos = hl.alpn
	}
	if v := k.get("ech-config-list"); tlsval.Given(v) {
		cc.TLS.EncryptedClientHelloConfigList = v.(*scheme.Bytevector).B
	}
	if sess, ok := k.get("session").(*tlsval.Session); ok && cc.TLS.ClientSessionCache != nil {
		key := sni
		if _, r := raw.Addrs(); key == "" && r != nil {
			key = r.String()
		}
		cc.TLS.ClientSessionCache.Put(key, sess.S)
	}
	conn, buf, err := raw.Detach(th.Context())
	if err != nil {
		return nil, socket.Error(who, raw, err)
	}
	s.meta = tlsval.NewConnMeta(c, cc, sni, verifyName, s.h)
	s.E = ports.StartTLS(conn, buf, cc, false, s.options(th))
	if handshake {
		if err := s.Handshake(th.Context()); err != nil {
			s.Close()
			return nil, socket.Error(who, s, err)
		}
	}
	return s, nil
}

func makeClientTLSSocket(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-client-tls-socket"
	node, service := a[0].(*scheme.String).String(), a[1].(*scheme.String).String()
	k := keys(decls().client, a, 2)
	c, err := newClientContext(th, who, k)
	if err != nil {
		return nil, err
	}
	if _, err := parseHello(who, k.get("hello-extensions")); err != nil {
		return nil, err
	}
	conn, err := socket.Dial(th, who, node, service, socket.AFUnspec)
	if err != nil {
		return nil, err
	}
	raw := socket.NewConnected(conn, nil, node, service)
	return startClient(th, who, raw, c, node, service, k, tlsval.Bool(k.get("handshake"), true))
}

// newServerContext builds the context of a server TLS socket.
func newServerContext(th *scheme.Thread, who string, certsV scheme.Value, k kw, required bool) (*tlsctx.Context, error) {
	c, err := tlsctx.New(tlsctx.Server, "tls")
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	if err := configure(th, who, c, k); err != nil {
		return nil, err
	}
	certs, err := certList(who, certsV)
	if err != nil {
		return nil, err
	}
	key, err := privateKey(who, k.get("private-key"))
	if err != nil {
		return nil, err
	}
	switch {
	case len(certs) == 0 && key == nil:
		if err := c.UseEphemeralCertificate(); err != nil {
			return nil, tlsval.Located(who, err)
		}
	case key == nil:
		return nil, conditions.Config("no private key", nil).WithLocation(who)
	case len(certs) == 0:
		return nil, conditions.Config("no certificate for the private key", nil).WithLocation(who)
	default:
		if err := c.SetCertificate(certs, key); err != nil {
			return nil, tlsval.Located(who, err)
		}
	}
	auth, err := certList(who, k.get("authorities"))
	if err != nil {
		return nil, err
	}
	verifier := k.get("certificate-verifier")
	if err := setVerifier(th, who, c, verifier, auth, false); err != nil {
		return nil, err
	}
	verify := tlsval.Given(verifier) && !scheme.IsProcedure(verifier)
	mode := tlsctx.AuthNone
	switch {
	case required && verify:
		mode = tlsctx.AuthRequire
	case required:
		mode = tlsctx.AuthRequireAny
	case verify:
		mode = tlsctx.AuthVerifyIfGiven
	case len(auth) > 0 || scheme.IsProcedure(verifier):
		mode = tlsctx.AuthRequest
	}
	if err := c.SetClientAuth(mode); err != nil {
		return nil, tlsval.Located(who, err)
	}
	if cb := k.get("server-name-callback"); tlsval.Given(cb) {
		in := th.Interp()
		err := c.SetServerNameCallback(func(name string) (*tlsctx.Context, error) {
			r, err := tlsval.CallFresh(in, th.Context(), cb, scheme.NewString(name))
			if err != nil {
				return nil, err
			}
			switch x := r.(type) {
			case *TLSSocket:
				return x.Ctx, nil
			case *tlsval.Context:
				return x.Ctx, nil
			}
			return nil, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

// serverSetup reads the service, certificates and keys of
// make-server-tls-socket[*]: the service, the [ext] :host, the context and
// its value (nil unless :info-callback is given).
func serverSetup(th *scheme.Thread, who string, a []scheme.Value) (string, string, *tlsctx.Context, *tlsval.Context, error) {
	service := a[0].(*scheme.String).String()
	k := keys(decls().listen, a, 2)
	host := socket.HostOf(k.get("host"))
	c, err := newServerContext(th, who, a[1], k, tlsval.Bool(k.get("client-certificate-required?"), false))
	if err != nil {
		return "", "", nil, nil, err
	}
	cv, err := contextValue(th, who, c, k)
	return service, host, c, cv, err
}

func makeServerTLSSocket(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-server-tls-socket"
	service, host, c, cv, err := serverSetup(th, who, a)
	if err != nil {
		return nil, err
	}
	ln, err := socket.Listen(who, host, service, socket.AFInet)
	if err != nil {
		return nil, err
	}
	return &TLSSocket{Raw: socket.NewServer(ln, service), Ctx: c, ctxv: cv, h: tlsval.NewHandle(), Base: socket.Base{Service: service}, server: true}, nil
}

func makeServerTLSSocketStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-server-tls-socket*"
	service, host, c, cv, err := serverSetup(th, who, a)
	if err != nil {
		return nil, err
	}
	lns, err := socket.ListenAll(who, host, service)
	if err != nil {
		return nil, err
	}
	var out []scheme.Value
	for _, ln := range lns {
		if cv == nil {
			cv = &tlsval.Context{Ctx: c} // one context value for all: ssl-set-info-callback! on any reaches every one
		}
		out = append(out, &TLSSocket{Raw: socket.NewServer(ln, service), Ctx: c, ctxv: cv, h: tlsval.NewHandle(), Base: socket.Base{Service: service}, server: true})
	}
	return scheme.List(out...), nil
}

// serverConn wraps an accepted connection in a server TLS socket over the
// context c and its value cv (the listening socket's, so that its info
// callback applies; nil: made on demand).
func serverConn(th *scheme.Thread, who string, raw *socket.Socket, c *tlsctx.Context, cv *tlsval.Context) (*TLSSocket, error) {
	s := &TLSSocket{Raw: raw, Ctx: c, ctxv: cv, h: tlsval.NewHandle(), server: true}
	s.Node, s.Service = raw.NodeService()
	s.h.SetPort(s)
	cc, err := c.ConnConfig(tlsctx.ConnParams{Handle: s.h})
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	conn, buf, err := raw.Detach(th.Context())
	if err != nil {
		return nil, socket.Error(who, raw, err)
	}
	s.meta = tlsval.NewConnMeta(c, cc, "", "", s.h)
	s.E = ports.StartTLS(conn, buf, cc, true, s.options(th))
	return s, nil
}

// accept is tls-socket-accept on a listening TLS socket.
func accept(th *scheme.Thread, l *TLSSocket, handshake, raiseError bool) (scheme.Value, error) {
	const who = "tls-socket-accept"
	if !l.Listening() {
		return nil, scheme.TypeError(who, 1, "server tls-socket", l)
	}
	// thread-interrupt! ends the wait with #f, as for socket-accept;
	// thread-signal! reaches it, the accept going on after the handler
	conn, err := l.Raw.AcceptConn(th.WaitContext())
	if err != nil {
		if th.Interrupted(err) {
			return scheme.False, nil
		}
		return nil, err
	}
	if conn == nil {
		return nil, conditions.Want(conditions.WantAccept, conditions.OpAccept)
	}
	_, port, _ := net.SplitHostPort(conn.RemoteAddr().String())
	s, err := serverConn(th, who, socket.NewConnected(conn, nil, "", port), l.Ctx, l.TLSContext())
	if err != nil {
		conn.Close()
		return nil, err
	}
	if handshake {
		return serverHandshake(th, s, raiseError)
	}
	return s, nil
}

// serverHandshake is tls-server-handshake: with raiseError #f a failure
// leaves the socket closed with the condition in tls-socket-error.
func serverHandshake(th *scheme.Thread, s *TLSSocket, raiseError bool) (scheme.Value, error) {
	const who = "tls-server-handshake"
	err := s.Handshake(th.Context())
	if err == nil {
		return s, nil
	}
	s.Close()
	if !raiseError {
		return s, nil
	}
	return nil, socket.Error(who, s, err)
}

func socketToTLSSocket(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "socket->tls-socket"
	raw, ok := a[0].(*socket.Socket)
	if !ok {
		return nil, scheme.TypeError(who, 1, "socket", a[0])
	}
	k := keys(decls().socketToTLS, a, 1)
	node, service := raw.NodeService()
	if tlsval.Bool(k.get("client-socket"), true) {
		if raw.IsServer() {
			return nil, scheme.TypeError(who, 1, "connected socket", a[0])
		}
		c, err := newClientContext(th, who, k)
		if err != nil {
			return nil, err
		}
		if node == "" {
			_, remote := raw.Addrs()
			if t, ok := remote.(*net.TCPAddr); ok {
				node = t.IP.String()
			}
		}
		return startClient(th, who, raw, c, node, service, k, tlsval.Bool(k.get("handshake"), true))
	}
	auth, err := certList(who, k.get("authorities"))
	if err != nil {
		return nil, err
	}
	required := len(auth) > 0 && tlsval.Bool(k.get("peer-certificate-required?"), true)
	c, err := newServerContext(th, who, k.get("certificates"), k, required)
	if err != nil {
		return nil, err
	}
	cv, err := contextValue(th, who, c, k)
	if err != nil {
		return nil, err
	}
	if raw.IsServer() {
		return &TLSSocket{Raw: raw, Ctx: c, ctxv: cv, h: tlsval.NewHandle(), Base: socket.Base{Service: service}, server: true}, nil
	}
	return serverConn(th, who, raw, c, cv)
}

func tlsArg(who string, v scheme.Value) (*TLSSocket, error) {
	if s, ok := v.(*TLSSocket); ok {
		return s, nil
	}
	return nil, scheme.TypeError(who, 1, "tls-socket", v)
}

func tlsClientHandshake(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "tls-client-handshake"
	s, err := tlsArg(who, a[0])
	if err != nil {
		return nil, err
	}
	if s.E == nil || s.server {
		return nil, scheme.TypeError(who, 1, "client tls-socket", a[0])
	}
	if hv := a[1]; hv != scheme.Default && !s.E.HandshakeComplete() && s.E.State() == ports.StateClientInit {
		hl, err := parseHello(who, hv)
		if err != nil {
			return nil, err
		}
		if hl.haveSNI && net.ParseIP(hl.sni) == nil {
			s.meta.CC.TLS.ServerName, s.meta.ServerName = hl.sni, hl.sni
		}
		if len(hl.alpn) > 0 {
			s.meta.CC.TLS.NextProtos = hl.alpn
		}
	}
	if err := s.Handshake(th.Context()); err != nil {
		return nil, socket.Error(who, s, err)
	}
	return s, nil
}

func tlsServerHandshake(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "tls-server-handshake"
	s, err := tlsArg(who, a[0])
	if err != nil {
		return nil, err
	}
	if s.E == nil || !s.server {
		return nil, scheme.TypeError(who, 1, "accepted server tls-socket", a[0])
	}
	return serverHandshake(th, s, tlsval.Bool(a[1], true))
}

func tlsSocketAccept(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "tls-socket-accept"
	s, err := tlsArg(who, a[0])
	if err != nil {
		return nil, err
	}
	v, err := accept(th, s, tlsval.Bool(a[1], true), tlsval.Bool(a[2], true))
	if err != nil {
		return nil, socket.Error(who, s, err)
	}
	return v, nil
}
