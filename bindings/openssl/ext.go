// (openssl ext) subset: connection control, certificates of listeners, condition helpers (spec §1.3.2, §1.3.5, §1.3.6).

package openssl

import (
	"encoding/pem"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

var portsStartTLS = ports.StartTLS

func sslHandshakeBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-handshake!"
	c, err := tlsval.ConnOf(who, args[0])
	if err != nil {
		return nil, err
	}
	done, err := c.E.TryHandshake(th.Context())
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	return scheme.MakeBool(done), nil
}

func sslShutdownBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-shutdown!"
	c, err := tlsval.ConnOf(who, args[0])
	if err != nil {
		return nil, err
	}
	dir := "write"
	if tlsval.Given(args[1]) {
		dir = tlsval.Str(args[1])
	}
	switch dir {
	case "write":
		if err := c.E.CloseWriteContext(th.Context()); err != nil {
			return nil, tlsval.Located(who, err)
		}
	case "both":
		_ = c.Close()
	case "read":
		return nil, located(who, conditions.Unsupported("shutting down the read direction is not supported by TLS"))
	default:
		return nil, conditions.TypeError(who, "direction must be read, write or both", args[1])
	}
	return scheme.Unspecified, nil
}

func sslSetBlockingBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-blocking!"
	c, err := tlsval.ConnOf(who, args[0])
	if err != nil {
		return nil, err
	}
	if err := c.E.SetBlocking(th.Context(), scheme.Truthy(args[1])); err != nil {
		return nil, tlsval.Located(who, err)
	}
	return scheme.Unspecified, nil
}

func sslListenerCertificate(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := tlsval.ContextOf("ssl-listener-certificate", args[0])
	if err != nil {
		return nil, err
	}
	return tlsval.CertificateValue(c.Ctx.Certificate()), nil
}

func sslCertificateToPEM(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, ok := args[0].(*tlsval.Certificate)
	if !ok {
		return nil, scheme.TypeError("ssl-certificate->pem", 1, "ssl-certificate", args[0])
	}
	return scheme.NewString(string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.C.Raw}))), nil
}

// Condition helpers (§1.3.6).

func cond(v scheme.Value) *scheme.Condition {
	c, _ := v.(*scheme.Condition)
	return c
}

func prop(v scheme.Value, kind, name string) scheme.Value {
	if c := cond(v); c != nil {
		if p, ok := c.Get(kind, name); ok {
			return p
		}
	}
	return scheme.False
}

func hasKinds(v scheme.Value, kinds ...string) bool {
	c := cond(v)
	if c == nil {
		return false
	}
	for _, k := range kinds {
		if !c.Has(k) {
			return false
		}
	}
	return true
}

func statusIs(v scheme.Value, s string) bool {
	return hasKinds(v, conditions.KindOpenSSL) && prop(v, conditions.KindOpenSSL, "status") == scheme.Value(scheme.Intern(s))
}

func sslErrorP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(hasKinds(args[0], conditions.KindOpenSSL)), nil
}
func sslErrorStatus(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return prop(args[0], conditions.KindOpenSSL, "status"), nil
}
func sslErrorReason(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return prop(args[0], conditions.KindOpenSSL, "reason"), nil
}
func sslErrorAlert(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return prop(args[0], conditions.KindOpenSSL, "alert"), nil
}
func sslErrorErrno(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return prop(args[0], conditions.KindOpenSSL, "errno"), nil
}
func sslZeroReturnErrorP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(statusIs(args[0], "zero-return")), nil
}
func sslWantReadErrorP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(statusIs(args[0], "want-read")), nil
}
func sslWantWriteErrorP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(statusIs(args[0], "want-write")), nil
}
func sslSyscallErrorP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(statusIs(args[0], "syscall")), nil
}
func sslEOFErrorP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(hasKinds(args[0], conditions.KindOpenSSL) && scheme.Truthy(prop(args[0], conditions.KindOpenSSL, "eof"))), nil
}
func sslCertificateVerificationErrorP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(hasKinds(args[0], conditions.KindOpenSSL) && scheme.Truthy(prop(args[0], conditions.KindOpenSSL, "verify-code"))), nil
}
func sslErrorVerifyCode(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return prop(args[0], conditions.KindOpenSSL, "verify-code"), nil
}
func sslErrorVerifyMessage(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return prop(args[0], conditions.KindOpenSSL, "verify-message"), nil
}
func sslUnsupportedErrorP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(hasKinds(args[0], conditions.KindUnsupported)), nil
}
func sslTimeoutErrorP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(hasKinds(args[0], conditions.KindExn, conditions.KindIO, conditions.KindNet, conditions.KindTimeout)), nil
}
