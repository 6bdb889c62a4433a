// Context setters of (openssl ext): one function per setting, shared with the keywords of the *-constructors (spec §1.3.1).

package openssl

import (
	"crypto/tls"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// setting applies one value to a context; who names the caller for errors.
type setting func(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error

// extKeyword is an [ext] keyword of the *-constructors and its setting.
type extKeyword struct {
	name       string
	serverOnly bool
	set        setting
}

// The types of the values of settings shared by a keyword of the
// *-constructors (which also take #f, meaning "not given") and an
// ssl-set-…! procedure.
var (
	typeCurves        = tlsval.TypeStrings
	typeClientAuth    = tlsval.TypeSymbolName
	typeSecurityLevel = scheme.OrFalse(tlsval.TypeFixnum)
	typeECHConfigList = scheme.OrFalse(scheme.TypeBytevector)
)

// setterParams declares (obj name) of a setting procedure: obj a
// context or listener, name the value, of type t.
func setterParams(obj, name string, t *scheme.Type) scheme.Params {
	return scheme.Lambda(scheme.Req(obj, nil), scheme.Req(name, t))
}

// extKeywords are applied by configureExt in this order.
var extKeywords = []extKeyword{
	{name: "alpn", set: setALPNKeyword},
	{name: "keylog", set: setKeylog},
	{name: "curves", set: setCurves},
	{name: "client-auth", serverOnly: true, set: setClientAuth},
	{name: "validate-callback", set: setValidateCallback},
	{name: "verify-callback", set: setVerifyCallback},
	{name: "verifier", set: setVerifier},
	{name: "security-level", set: setSecurityLevel},
	{name: "verify-time", set: setVerifyTime},
	{name: "ech-config-list", set: setECHConfigList},
}

func setPassword(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	var pw any
	if tlsval.Given(v) {
		pw = passwordSource(th, v)
	}
	return wrap(who, ctx.SetPasswordCallback(pw))
}

// setPasswordCallback is the tcltls form: proc (rwflag max-length) → string.
func setPasswordCallback(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	var pw any
	switch {
	case !tlsval.Given(v):
	case scheme.IsProcedure(v):
		pw = passwordSource(th, v, scheme.Fixnum(0), scheme.Fixnum(1024))
	default:
		if _, ok := v.(*scheme.String); !ok {
			return scheme.TypeError(who, 2, "procedure, string or #f", v)
		}
		pw = passwordSource(th, v)
	}
	return wrap(who, ctx.SetPasswordCallback(pw))
}

func setCiphersuites(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	return wrap(who, ctx.SetCiphersuites(cipherString(v)))
}

func setALPNKeyword(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	return setALPN(who, ctx, v, true, "")
}

func setALPN(who string, ctx *tlsctx.Context, v scheme.Value, allowNoMatch bool, fallback string) error {
	return wrap(who, ctx.SetALPN(tlsval.StringsOf(v), allowNoMatch, fallback))
}

func setKeylog(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	if !tlsval.Given(v) {
		return wrap(who, ctx.SetKeyLog(nil))
	}
	w, err := keyLogWriter(th, who, v)
	if err != nil {
		return err
	}
	return wrap(who, ctx.SetKeyLog(w))
}

func setCurves(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	return wrap(who, ctx.SetCurves(tlsval.StringsOf(v)))
}

func setClientAuth(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	return wrap(who, ctx.SetClientAuth(tlsval.Str(v)))
}

func setVerifyCallback(th *scheme.Thread, who string, ctx *tlsctx.Context, proc scheme.Value) error {
	var cb tlsctx.VerifyCallback
	if tlsval.Given(proc) {
		cb = verifyCallback(th.Interp(), proc, th.Param(sslCallbackErrorHandler))
	}
	return wrap(who, ctx.SetVerifyCallback(cb))
}

func setValidateCallback(th *scheme.Thread, who string, ctx *tlsctx.Context, proc scheme.Value) error {
	var cb tlsctx.VerifyCallback
	var val *tlsctx.Validator
	if tlsval.Given(proc) {
		cb, val = validateCallback(th.Interp(), proc), validator(th.Interp(), proc)
	}
	if err := ctx.SetValidator(val); err != nil {
		return wrap(who, err)
	}
	return wrap(who, ctx.SetVerifyCallback(cb))
}

func setVerifier(th *scheme.Thread, who string, ctx *tlsctx.Context, proc scheme.Value) error {
	var f tlsctx.Verifier
	if tlsval.Given(proc) {
		f = verifier(th.Interp(), proc)
	}
	if err := ctx.SetVerifier(f); err != nil {
		return wrap(who, err)
	}
	if f == nil {
		ctx.SetUserData(verifierKey{}, nil)
	} else {
		ctx.SetUserData(verifierKey{}, proc) // for ssl-port-verifier
	}
	return nil
}

func setSecurityLevel(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	return wrap(who, ctx.SetSecurityLevel(tlsval.Num(v, 1)))
}

// wrap locates a context error (nil stays nil).
func wrap(who string, err error) error {
	if err == nil {
		return nil
	}
	return located(who, err)
}

// contextSetter makes the procedure (name obj v) applying set to the
// context of obj (a context or listener).
func contextSetter(name string, set setting) scheme.PrimFn {
	return func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
		c, err := tlsval.ContextOf(name, args[0])
		if err != nil {
			return nil, err
		}
		if err := set(th, name, c.Ctx, args[1]); err != nil {
			return nil, err
		}
		return scheme.Unspecified, nil
	}
}

// withContext runs f on the context of args[0].
func withContext(name string, args []scheme.Value, f func(ctx *tlsctx.Context) error) (scheme.Value, error) {
	c, err := tlsval.ContextOf(name, args[0])
	if err != nil {
		return nil, err
	}
	if err := f(c.Ctx); err != nil {
		return nil, err
	}
	return scheme.Unspecified, nil
}

// protocolName converts a protocol-range bound: a symbol, or #f for the default.
func protocolName(who string, pos int, v scheme.Value) (string, error) {
	if !tlsval.Given(v) {
		return "", nil
	}
	s, ok := v.(*scheme.Symbol)
	if !ok {
		return "", scheme.TypeError(who, pos, "protocol symbol or #f", v)
	}
	return s.Name, nil
}

func sslSetProtocolRangeBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-protocol-range!"
	minName, err := protocolName(who, 2, args[1])
	if err != nil {
		return nil, err
	}
	maxName, err := protocolName(who, 3, args[2])
	if err != nil {
		return nil, err
	}
	return withContext(who, args, func(ctx *tlsctx.Context) error {
		if err := ctx.SetProtocolRange(minName, maxName); err != nil {
			return located(who, err, args[1], args[2])
		}
		return nil
	})
}

func sslProtocolsFromFlags(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	names := []string{"tlsv1", "tlsv11", "tlsv12", "tlsv13"}
	lo, hi := -1, -1
	for i, a := range args[:4] {
		if !scheme.Truthy(scheme.OrDefault(a, scheme.False)) {
			continue
		}
		if lo < 0 {
			lo = i
		} else if hi != i-1 {
			return nil, located("ssl-protocols-from-flags", conditions.Unsupported("non-contiguous protocol set"))
		}
		hi = i
	}
	if lo < 0 {
		return nil, located("ssl-protocols-from-flags", conditions.Config("no protocol enabled", nil))
	}
	return scheme.Values(scheme.Intern(names[lo]), scheme.Intern(names[hi])), nil
}

func sslSetAlpnProtocolsBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-alpn-protocols!"
	allow := tlsval.Bool(args[2], true)
	fallback := ""
	if tlsval.Given(args[3]) {
		switch f := tlsval.Str(args[3]); f {
		case "none":
		case "client-first":
			fallback = f
		default:
			return nil, conditions.TypeError(who, "fallback must be none or client-first", args[3])
		}
	}
	return withContext(who, args, func(ctx *tlsctx.Context) error { return setALPN(who, ctx, args[1], allow, fallback) })
}

func sslSetSessionCacheBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-session-cache!"
	n := tlsval.Num(args[1], 0)
	return withContext(who, args, func(ctx *tlsctx.Context) error { return wrap(who, ctx.SetSessionCache(n)) })
}

func sslSetSessionTicketsBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-session-tickets!"
	on := scheme.Truthy(args[1])
	return withContext(who, args, func(ctx *tlsctx.Context) error { return wrap(who, ctx.SetSessionTickets(on)) })
}

func sslSetRenegotiationBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-renegotiation!"
	mode := tlsval.Str(args[1])
	return withContext(who, args, func(ctx *tlsctx.Context) error { return wrap(who, ctx.SetRenegotiation(mode)) })
}

func sslContextCopy(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := tlsval.ContextOf("ssl-context-copy", args[0])
	if err != nil {
		return nil, err
	}
	return c.Copy(), nil
}

func sslSetCertificateCallbackBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-certificate-callback!"
	var cb tlsctx.CertificateCallback
	if proc := args[1]; tlsval.Given(proc) {
		if !scheme.IsProcedure(proc) {
			return nil, scheme.TypeError(who, 2, "procedure or #f", proc)
		}
		cb = certificateCallback(th.Interp(), proc)
	}
	return withContext(who, args, func(ctx *tlsctx.Context) error { return wrap(who, ctx.SetCertificateCallback(cb)) })
}

// certificateCallback adapts (server-name) → (values chain private-key) | #f.
func certificateCallback(in *scheme.Interp, proc scheme.Value) tlsctx.CertificateCallback {
	return func(serverName string) (*tls.Certificate, error) {
		r, err := callScheme(in, proc, scheme.NewString(serverName))
		if err != nil {
			return nil, &conditions.CallbackError{Cause: err, Name: "certificate callback"}
		}
		mv, ok := r.(*scheme.MultipleValues)
		if !ok || len(mv.Vals) != 2 {
			if r == scheme.Value(scheme.False) {
				return nil, nil
			}
			return nil, &conditions.CallbackError{Cause: "certificate callback must return (values chain private-key) or #f", Name: "certificate callback"}
		}
		chain, err := certificates("ssl-set-certificate-callback!", 1, mv.Vals[0])
		key, ok := mv.Vals[1].(*tlsval.PrivateKey)
		if err != nil || !ok || len(chain) == 0 {
			return nil, &conditions.CallbackError{Cause: "certificate callback must return a list of certificates and a private key", Name: "certificate callback"}
		}
		tc := &tls.Certificate{PrivateKey: key.K, Leaf: chain[0]}
		for _, c := range chain {
			tc.Certificate = append(tc.Certificate, c.Raw)
		}
		return tc, nil
	}
}
