// Parameters of (openssl ext): default keyword options, the TCP connect procedure, ragged-EOF handling (spec §1.3.1).

package openssl

import (
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

var sslDefaultOptions = &scheme.ParamDef{Name: "ssl-default-options", Spec: "§1.3.1",
	Sig: "(ssl-default-options [plist])", Default: scheme.Null,
	Doc: "Keyword/value list (e.g. '(verify?: #f alpn: (\"h2\"))) merged under the explicit keywords of ssl-connect*, ssl-listen* and ssl-start* (tcltls tls::init)."}

var sslTCPConnectProcedure = &scheme.ParamDef{Name: "ssl-tcp-connect-procedure", Spec: "§1.3.1",
	Sig: "(ssl-tcp-connect-procedure [proc])", Default: scheme.False,
	Doc: "#f (connect with the built-in TCP dialer, as tcp-connect) or (host port) → (values in out) of TCP ports, used by ssl-connect and ssl-connect* unless tcp-connect: is given."}

var sslSuppressRaggedEOFs = &scheme.ParamDef{Name: "ssl-suppress-ragged-eofs", Spec: "§1.3.1",
	Sig: "(ssl-suppress-ragged-eofs [bool])", Default: scheme.True,
	Doc: "#t: EOF without close_notify at a record boundary reads as EOF (ssl-port-truncated? becomes #t); #f: it raises status syscall with openssl.eof. Taken when a connection is created."}

// withDefaults fills the keywords absent from k, declared by ps, from
// (ssl-default-options); a value of the wrong type is the type error of
// its keyword.
func withDefaults(th *scheme.Thread, who string, ps []scheme.Param, k kwargs) (kwargs, error) {
	plist, _ := scheme.ListToSlice(th.Param(sslDefaultOptions))
	for i := 0; i+1 < len(plist); i += 2 {
		var name string
		switch x := plist[i].(type) {
		case *scheme.Keyword:
			name = x.Name
		case *scheme.Symbol:
			name = x.Name
		default:
			continue
		}
		if v, ok := k[name]; ok && tlsval.Absent(v) {
			v = plist[i+1]
			for _, p := range ps {
				if p.Name == name && p.Type != nil && !p.Type.Accept(v) {
					return nil, scheme.KeyTypeError(who, name, p.Type, v)
				}
			}
			k[name] = v
		}
	}
	return k, nil
}

// connOptions are the engine options of a new connection made from ctx:
// the thread's timeouts and buffer size, the handle's limits,
// (ssl-suppress-ragged-eofs) and ctx's info and message callbacks.
func connOptions(th *scheme.Thread, h *tlsval.Handle, ctx *tlsval.Context) ports.Options {
	o := tlsval.OptionsFor(th, h)
	o.SuppressRaggedEOFs = scheme.Truthy(th.Param(sslSuppressRaggedEOFs))
	return withMessages(th, h, ctx, withInfo(th, h, ctx, o))
}

// tcpConnectOf is the tcp-connect: keyword, else (ssl-tcp-connect-procedure).
func tcpConnectOf(th *scheme.Thread, v scheme.Value) scheme.Value {
	if tlsval.Given(v) {
		return v
	}
	return th.Param(sslTCPConnectProcedure)
}
