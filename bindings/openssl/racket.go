// Racket additions to (openssl) (spec §1.1.8).

package openssl

import (
	"sync"

	"context"
	"crypto"
	"crypto/sha256"
	_ "crypto/sha512" // registers SHA-384/512 for endPointHash
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

func sslMakeServerContext(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return racketContext(th, "ssl-make-server-context", tlsctx.Server, "auto", args)
}

func sslServerContextP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, ok := args[0].(*tlsval.Context)
	return scheme.MakeBool(ok && c.Ctx.Role() == tlsctx.Server), nil
}

func sslContextP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, ok := args[0].(*tlsval.Context)
	return scheme.MakeBool(ok), nil
}

func protocolList() scheme.Value {
	names := []string{"secure", "auto", "sslv2-or-v3", "tls", "tls11", "tls12", "tls13"}
	vals := make([]scheme.Value, len(names))
	for i, n := range names {
		vals[i] = scheme.Intern(n)
	}
	return scheme.List(vals...)
}

func supportedClientProtocols(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return protocolList(), nil
}

func supportedServerProtocols(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return protocolList(), nil
}

func sslMaxClientProtocol(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.Intern("tls13"), nil
}

func sslMaxServerProtocol(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.Intern("tls13"), nil
}

func sslProtocolVersion(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-protocol-version", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.Intern(tlsctx.RacketVersionName(c.ConnState().Version)), nil
}

func sslAbandonPort(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := tlsval.SSLConn("ssl-abandon-port", args[0])
	if err != nil {
		return nil, err
	}
	c.Abandon()
	return scheme.Unspecified, nil
}

func sslAddresses(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-addresses"
	var local, remote net.Addr
	if l, ok := args[0].(*tlsval.Listener); ok {
		local = l.L.Addr()
		ip, _ := tlsval.IPPort(local)
		any := "0.0.0.0"
		if p := net.ParseIP(ip); p != nil && p.To4() == nil {
			any = "::"
		}
		remote = &net.TCPAddr{IP: net.ParseIP(any)}
	} else {
		var ok bool
		local, remote, ok = tlsval.PortAddrs(args[0])
		if !ok {
			return nil, conditions.TypeError(who, "expected an ssl port or listener, got", args[0])
		}
	}
	lip, lport := tlsval.IPPort(local)
	rip, rport := tlsval.IPPort(remote)
	if scheme.Truthy(args[1]) && args[1] != scheme.Default {
		return scheme.Values(scheme.NewString(lip), scheme.Fixnum(lport), scheme.NewString(rip), scheme.Fixnum(rport)), nil
	}
	return scheme.Values(scheme.NewString(lip), scheme.NewString(rip)), nil
}

// loadVerifySource loads one Racket verify source into ctx, reading its
// files under rctx.
func loadVerifySource(rctx context.Context, who string, ctx *tlsctx.Context, src scheme.Value) error {
	switch x := src.(type) {
	case *scheme.String:
		return ctx.LoadVerifyRootsContext(rctx, x.String(), "")
	case *scheme.Symbol:
		if x.Name == "system" {
			return ctx.LoadSystemRoots()
		}
	case *scheme.Pair:
		items, _ := scheme.ListToSlice(x)
		if len(items) == 2 {
			kind, _ := items[0].(*scheme.Symbol)
			switch {
			case kind == scheme.Intern("directory"):
				if d, ok := items[1].(*scheme.String); ok {
					return ctx.LoadVerifyRootsContext(rctx, "", d.String())
				}
			case kind == scheme.Intern("win32-store"):
				return conditions.Unsupported("win32 certificate stores are not available")
			case kind == scheme.Intern("macosx-keychain"):
				return conditions.Unsupported("macOS keychains are not available")
			}
		}
	}
	return conditions.TypeError(who, "invalid verify source", src)
}

func sslLoadVerifySourceBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-verify-source!"
	return contextBang(who, args, tlsval.ContextOf, func(c *tlsctx.Context) error {
		if err := loadVerifySource(th.Context(), who, c, args[1]); err != nil && (!tlsval.Bool(args[2], false) || th.Context().Err() != nil) {
			return located(who, err, args[1])
		}
		return nil
	})
}

// loadVerifySources loads the verify sources of the list srcs into ctx,
// reading under rctx; a source that fails to load is skipped, but the end
// of rctx ends the load and is returned.
func loadVerifySources(rctx context.Context, who string, ctx *tlsctx.Context, srcs scheme.Value) error {
	list, _ := scheme.ListToSlice(srcs)
	for _, s := range list {
		if err := loadVerifySource(rctx, who, ctx, s); err != nil && rctx.Err() != nil {
			return located(who, err)
		}
	}
	return nil
}

// sslDefaultVerifySources is the ssl-default-verify-sources parameter.
var sslDefaultVerifySources = &scheme.ParamDef{Name: "ssl-default-verify-sources", Spec: "§1.1.8",
	Sig: "(ssl-default-verify-sources [sources])", Default: scheme.List(scheme.Intern("system")),
	Doc: "List of verify sources ssl-load-default-verify-sources! loads: paths, (directory path), system."}

func sslLoadDefaultVerifySourcesBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-default-verify-sources!"
	c, err := tlsval.ContextOf(who, args[0])
	if err != nil {
		return nil, err
	}
	if err := loadVerifySources(th.Context(), who, c.Ctx, th.Param(sslDefaultVerifySources)); err != nil {
		return nil, err
	}
	return scheme.Unspecified, nil
}

func sslSealContextBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := tlsval.ContextOf("ssl-seal-context!", args[0])
	if err != nil {
		return nil, err
	}
	c.Ctx.Seal()
	return scheme.Unspecified, nil
}

func sslServerContextEnableDheBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	if _, err := tlsval.ContextOf("ssl-server-context-enable-dhe!", args[0]); err != nil {
		return nil, err
	}
	return scheme.Unspecified, nil
}

func sslServerContextEnableEcdheBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-server-context-enable-ecdhe!"
	c, err := tlsval.ContextOf(who, args[0])
	if err != nil {
		return nil, err
	}
	name := "secp521r1"
	if tlsval.Given(args[1]) {
		name = tlsval.Str(args[1])
	}
	var id tls.CurveID
	switch name {
	case "secp256r1", "prime256v1":
		id = tls.CurveP256
	case "secp384r1":
		id = tls.CurveP384
	case "secp521r1":
		id = tls.CurveP521
	default:
		return nil, located(who, conditions.Unsupported("curve "+name+" is not supported by Go crypto/tls"))
	}
	if err := c.Ctx.AddCurve(id); err != nil {
		return nil, located(who, err)
	}
	return scheme.Unspecified, nil
}

func sslSetServerNameIdentificationCallbackBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-server-name-identification-callback!"
	c, err := tlsval.ContextOf(who, args[0])
	if err != nil {
		return nil, err
	}
	in, proc := th.Interp(), args[1]
	err = c.Ctx.SetServerNameCallback(func(name string) (*tlsctx.Context, error) {
		r, err := callScheme(in, proc, scheme.NewString(name))
		if err != nil {
			return nil, &conditions.CallbackError{Cause: err, Name: name}
		}
		if sc, ok := r.(*tlsval.Context); ok {
			return sc.Ctx, nil
		}
		return nil, nil
	})
	if err != nil {
		return nil, located(who, err)
	}
	return scheme.Unspecified, nil
}

func sslSetServerALPNBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-server-alpn!"
	return contextBang(who, args, tlsval.ContextOf, func(c *tlsctx.Context) error {
		return located(who, c.SetALPN(tlsval.StringsOf(args[1]), scheme.Truthy(args[2]), ""))
	})
}

func sslGetALPNSelected(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-get-alpn-selected", args[0])
	if err != nil {
		return nil, err
	}
	if p := c.ConnState().NegotiatedProtocol; p != "" {
		return &scheme.Bytevector{B: []byte(p)}, nil
	}
	return scheme.False, nil
}

func sslSetKeyloggerBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-keylogger!"
	return contextBang(who, args, tlsval.ContextOf, func(c *tlsctx.Context) error {
		if !scheme.Truthy(args[1]) {
			return located(who, c.SetKeyLog(nil))
		}
		w, err := keyLogWriter(th, who, args[1])
		if err != nil {
			return err
		}
		return located(who, c.SetKeyLog(w))
	})
}

func sslSetVerifyHostnameBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-verify-hostname!"
	return contextBang(who, args, tlsval.ContextOf, func(c *tlsctx.Context) error {
		name := ""
		if s, ok := args[1].(*scheme.String); ok {
			name = s.String()
		}
		return located(who, c.SetVerifyHostname(scheme.Truthy(args[1]), name))
	})
}

// channelBinding computes one RFC 5929/9266 channel binding.
func channelBinding(who string, c *tlsval.ConnRef, kind string) (scheme.Value, error) {
	cs := c.ConnState()
	switch kind {
	case "tls-exporter":
		return exportKeyingMaterial(who, c, "EXPORTER-Channel-Binding", nil, 32)
	case "tls-unique":
		if len(cs.TLSUnique) == 0 {
			return nil, located(who, conditions.Config("tls-unique is not available for this connection", nil))
		}
		return &scheme.Bytevector{B: append([]byte(nil), cs.TLSUnique...)}, nil
	case "tls-server-end-point":
		var leaf *x509.Certificate
		if c.E.Role() == tlsctx.Client {
			if len(cs.PeerCertificates) > 0 {
				leaf = cs.PeerCertificates[0]
			}
		} else if cfg := c.E.TLSConn(); cfg != nil {
			leaf = localLeaf(c)
		}
		if leaf == nil {
			return nil, located(who, conditions.Config("no server certificate", nil))
		}
		return &scheme.Bytevector{B: endPointHash(leaf)}, nil
	}
	return nil, conditions.TypeError(who, "unknown channel binding type", scheme.Intern(kind))
}

// localLeaf returns the certificate a server presented, if known.
func localLeaf(c *tlsval.ConnRef) *x509.Certificate {
	res := c.E.VerifyResult()
	if res != nil && res.ServerContext != nil {
		return res.ServerContext.Certificate()
	}
	return nil
}

// endPointHash is tls-server-end-point: the leaf hashed with its signature
// hash, SHA-256 when that is MD5 or SHA-1.
func endPointHash(c *x509.Certificate) []byte {
	h := crypto.SHA256
	switch c.SignatureAlgorithm {
	case x509.SHA384WithRSA, x509.ECDSAWithSHA384, x509.SHA384WithRSAPSS:
		h = crypto.SHA384
	case x509.SHA512WithRSA, x509.ECDSAWithSHA512, x509.SHA512WithRSAPSS:
		h = crypto.SHA512
	}
	if h == crypto.SHA256 {
		s := sha256.Sum256(c.Raw)
		return s[:]
	}
	hh := h.New()
	hh.Write(c.Raw)
	return hh.Sum(nil)
}

func sslChannelBinding(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-channel-binding"
	kind := tlsval.Str(args[1])
	c, err := handshaken(th, who, args[0])
	if err != nil {
		return nil, err
	}
	return channelBinding(who, c, kind)
}

func sslDefaultChannelBinding(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-default-channel-binding"
	c, err := handshaken(th, who, args[0])
	if err != nil {
		return nil, err
	}
	kind := "tls-unique"
	if c.ConnState().Version == tls.VersionTLS13 {
		kind = "tls-exporter"
	}
	b, err := channelBinding(who, c, kind)
	if err != nil {
		return nil, err
	}
	return scheme.List(scheme.Intern(kind), b), nil
}

// portsToSSLPortsParams declare the keywords of ports->ssl-ports.
var portsToSSLPortsParams = sync.OnceValue(func() []scheme.Param {
	return []scheme.Param{
		scheme.Key("mode", scheme.OrFalse(tlsval.TypeSymbolName), nil),
		scheme.Key("context", nil, nil),
		scheme.Key("encrypt", nil, nil),
		scheme.Key("close-original?", nil, nil),
		scheme.Key("shutdown-on-close?", nil, nil),
		scheme.Key("error/ssl", nil, nil),
		scheme.Key("hostname", nil, nil),
		scheme.Key("alpn", scheme.OrFalse(tlsval.TypeStrings), nil),
	}
})

func portsToSSLPorts(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ports->ssl-ports"
	t := tlsval.TCPPort(args[0])
	if t != nil && tlsval.TCPPort(args[1]) != t {
		t = nil
	}
	var pin, pout *scheme.Port
	if t == nil {
		var ok1, ok2 bool
		pin, ok1 = args[0].(*scheme.Port)
		pout, ok2 = args[1].(*scheme.Port)
		if !ok1 || !ok2 || !pin.IsInput() || !pout.IsOutput() {
			return nil, conditions.TypeError(who, "expected an input port and an output port, got", args[0], args[1])
		}
	}
	k := keys(portsToSSLPortsParams(), args, 2)
	mode := "accept"
	if tlsval.Given(k.get("mode")) {
		mode = scheme.DisplayString(k.get("mode"))
	}
	if mode != "accept" && mode != "connect" {
		return nil, conditions.TypeError(who, "mode must be accept or connect", k.get("mode"))
	}
	server := mode == "accept"
	role := tlsctx.Client
	if server {
		role = tlsctx.Server
	}
	var ctx *tlsval.Context
	if c, ok := k.get("context").(*tlsval.Context); ok {
		ctx = c
	} else {
		enc := k.get("encrypt")
		if c, ok := enc.(*tlsval.Context); ok {
			ctx = c
		} else {
			name, err := protocolOf(who, enc, "auto")
			if err != nil {
				return nil, err
			}
			if ctx, err = newContext(who, role, name); err != nil {
				return nil, err
			}
		}
	}
	if alpn := k.get("alpn"); tlsval.Given(alpn) && alpn != scheme.Null {
		if server {
			return nil, scheme.NewError(who, "alpn is not allowed in accept mode; use ssl-set-server-alpn!", nil)
		}
		protos := tlsval.StringsOf(alpn)
		cp := ctx.Copy()
		if err := cp.Ctx.SetALPN(protos, true, ""); err != nil {
			return nil, located(who, err)
		}
		ctx = cp
	}
	h := tlsval.NewHandle()
	p := tlsctx.ConnParams{Handle: h}
	if hn, ok := k.get("hostname").(*scheme.String); ok && !server {
		p.ServerName, p.VerifyName = hn.String(), hn.String()
		if tlsctx.IsIPLiteral(p.ServerName) {
			p.ServerName = ""
		}
	}
	cc, err := ctx.Ctx.ConnConfig(p)
	if err != nil {
		return nil, located(who, err)
	}
	var raw net.Conn
	var buf []byte
	if t != nil {
		if raw, buf, err = t.Detach(th.Context()); err != nil {
			return nil, located(who, err)
		}
	} else {
		pc, err := tlsval.NewPortConn(th.Interp(), pin, pout, tlsval.Bool(k.get("close-original?"), false))
		if err != nil {
			return nil, located(who, conditions.Config(err.Error(), err))
		}
		raw = pc
	}
	m := tlsval.NewConnMeta(ctx.Ctx, cc, p.ServerName, p.VerifyName, h)
	e := portsStartTLS(raw, buf, cc, server, connOptions(th, h, ctx))
	r := sslPorts(e, m)
	if errSSL := k.get("error/ssl"); tlsval.Given(errSSL) {
		// Racket semantics: the handshake happens now, and its failure is
		// reported through error/ssl instead of the TLS condition.
		if herr := e.Handshake(th.Context()); herr != nil {
			msg := herr.Error()
			var ce *conditions.Error
			if errors.As(herr, &ce) {
				msg = ce.Message
			}
			if _, cerr := th.Call(errSSL, scheme.Intern(who), scheme.NewString("TLS handshake failed: ~a"), scheme.NewString(msg)); cerr != nil {
				return nil, cerr
			}
			return nil, located(who, herr)
		}
	}
	return r, nil
}
