// The hello, sni and alpn kinds of the validate callback (tcltls -validatecommand; spec §1.3.1, §4.8).

package openssl

import (
	"crypto/tls"

	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// validateProcs are the (openssl ext) rows of this file.
var validateProcs = []scheme.Proc{
	{Name: "ssl-set-validate-callback!", Spec: "§1.3.1", Sig: "(ssl-set-validate-callback! obj proc-or-#f)", LazyArgs: func() scheme.Params { return setterParams("obj", "proc-or-#f", typeCallback) },
		Doc: "tcltls -validatecommand: proc (kind conn . args). Servers: (hello conn alist) first, with server-name cipher-suites curves signature-schemes alpn versions extensions (numbers from the ClientHello); " +
			"(sni conn server-name); (alpn conn protocol-or-#f match?) with the ssl-set-alpn-protocols! choice. Both sides: (verify conn depth certificate ok? error). " +
			"Results: #t/1 accept, #f/0 reject (abort: Go sends alert 80 for hello/sni/alpn, 42 for verify), 2/'continue reject the value but go on (sni: keep the certificate, alpn: no ALPN, verify: failed but not fatal); " +
			"hello and sni may return a server context to switch to, alpn a protocol string (one the client offered) to select instead. A raise aborts.",
		Fn: contextSetter("ssl-set-validate-callback!", setValidateCallback)},
}

// validateVerdict maps a validate result to a verdict: #t/1 accept, #f/0
// reject, anything else keep.
func validateVerdict(r scheme.Value) int {
	switch r {
	case scheme.Value(scheme.True), scheme.Fixnum(1):
		return tlsctx.VerdictAccept
	case scheme.Value(scheme.False), scheme.Fixnum(0):
		return tlsctx.VerdictReject
	}
	return tlsctx.VerdictKeep
}

// switchVerdict handles a hello/sni result: a server context switches.
func switchVerdict(r scheme.Value) (int, *tlsctx.Context) {
	if c, ok := r.(*tlsval.Context); ok {
		return tlsctx.VerdictAccept, c.Ctx
	}
	return validateVerdict(r), nil
}

func fixnums[T ~uint16](xs []T) scheme.Value {
	out := make([]scheme.Value, len(xs))
	for i, x := range xs {
		out[i] = scheme.Fixnum(x)
	}
	return scheme.List(out...)
}

// helloAlist describes a ClientHello for the hello kind.
func helloAlist(h *tls.ClientHelloInfo) scheme.Value {
	var a alist
	a.add("server-name", optStr(h.ServerName))
	a.add("cipher-suites", fixnums(h.CipherSuites))
	a.add("curves", fixnums(h.SupportedCurves))
	a.add("signature-schemes", fixnums(h.SignatureSchemes))
	a.add("alpn", tlsval.StringList(h.SupportedProtos))
	a.add("versions", fixnums(h.SupportedVersions))
	a.add("extensions", fixnums(h.Extensions))
	return a.list()
}

// validator adapts a validate callback's server kinds.
func validator(in *scheme.Interp, proc scheme.Value) *tlsctx.Validator {
	call := func(handle any, kind string, args ...scheme.Value) (scheme.Value, error) {
		h, conn := tlsval.HandleOf(handle)
		return h.Call(in, proc, append([]scheme.Value{scheme.Intern(kind), conn}, args...)...)
	}
	return &tlsctx.Validator{
		Hello: func(handle any, h *tls.ClientHelloInfo) (int, *tlsctx.Context, error) {
			r, err := call(handle, "hello", helloAlist(h))
			if err != nil {
				return 0, nil, err
			}
			v, c := switchVerdict(r)
			return v, c, nil
		},
		SNI: func(handle any, name string) (int, *tlsctx.Context, error) {
			r, err := call(handle, "sni", scheme.NewString(name))
			if err != nil {
				return 0, nil, err
			}
			v, c := switchVerdict(r)
			return v, c, nil
		},
		ALPN: func(handle any, protocol string, match bool) (int, string, error) {
			r, err := call(handle, "alpn", optStr(protocol), scheme.MakeBool(match))
			if err != nil {
				return 0, "", err
			}
			if s, ok := r.(*scheme.String); ok {
				return tlsctx.VerdictAccept, s.String(), nil
			}
			return validateVerdict(r), "", nil
		},
	}
}
