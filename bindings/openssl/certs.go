// Certificate, trust and cipher procedures on contexts and listeners (spec §1.1.5, §1.1.6).

package openssl

import (
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

func sslLoadCertificateChainBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-certificate-chain!"
	c, err := tlsval.ContextOf(who, args[0])
	if err != nil {
		return nil, err
	}
	src, err := source(who, 2, args[1])
	if err != nil {
		return nil, err
	}
	if err := c.Ctx.LoadCertificateChain(src, tlsval.Bool(args[2], false)); err != nil {
		return nil, located(who, err, args[1])
	}
	return scheme.Unspecified, nil
}

func sslLoadPrivateKeyBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-private-key!"
	c, err := tlsval.ContextOf(who, args[0])
	if err != nil {
		return nil, err
	}
	src, err := source(who, 2, args[1])
	if err != nil {
		return nil, err
	}
	kt, err := keyType(who, args[2])
	if err != nil {
		return nil, err
	}
	if err := c.Ctx.LoadPrivateKey(src, kt, tlsval.Bool(args[3], false)); err != nil {
		return nil, located(who, err, args[1])
	}
	return scheme.Unspecified, nil
}

// verifyContext is the context of ssl-set-verify! / ssl-try-verify!; on a
// connection (renegotiate-and-verify) it raises an unsupported error.
func verifyContext(who string, v scheme.Value) (*tlsval.Context, error) {
	if tlsval.IsSSLPort(v) {
		return nil, located(who, conditions.Unsupported("renegotiate-and-verify on a connection is not supported by Go crypto/tls"))
	}
	return tlsval.ContextOf(who, v)
}

func sslSetVerifyBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-verify!"
	c, err := verifyContext(who, args[0])
	if err != nil {
		return nil, err
	}
	if err := c.Ctx.SetVerify(scheme.Truthy(args[1])); err != nil {
		return nil, located(who, err)
	}
	return scheme.Unspecified, nil
}

func sslTryVerifyBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-try-verify!"
	c, err := verifyContext(who, args[0])
	if err != nil {
		return nil, err
	}
	on := scheme.Truthy(args[1])
	if c.Ctx.Role() == tlsctx.Server {
		mode := tlsctx.AuthNone
		if on {
			mode = tlsctx.AuthRequest
		}
		err = c.Ctx.SetClientAuth(mode)
	} else {
		err = c.Ctx.SetVerify(false)
	}
	if err != nil {
		return nil, located(who, err)
	}
	return scheme.Unspecified, nil
}

func sslLoadVerifyRootCertificatesBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-verify-root-certificates!"
	c, err := tlsval.ContextOf(who, args[0])
	if err != nil {
		return nil, err
	}
	file, err := tlsval.OptString(who, 2, args[1])
	if err != nil {
		return nil, err
	}
	dir, err := tlsval.OptString(who, 3, args[2])
	if err != nil {
		return nil, err
	}
	if err := c.Ctx.LoadVerifyRoots(file, dir); err != nil {
		return nil, located(who, err, args[1])
	}
	return scheme.Unspecified, nil
}

func sslLoadSuggestedCertificateAuthoritiesBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-suggested-certificate-authorities!"
	c, err := tlsval.ContextOf(who, args[0])
	if err != nil {
		return nil, err
	}
	file, err := tlsval.String(who, 2, args[1])
	if err != nil {
		return nil, err
	}
	if err := c.Ctx.LoadSuggestedCAs(file); err != nil {
		return nil, located(who, err, args[1])
	}
	return scheme.Unspecified, nil
}

func sslSetCipherListBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-cipher-list!"
	c, err := tlsval.ContextOf(who, args[0])
	if err != nil {
		return nil, err
	}
	if err := c.Ctx.SetCipherList(cipherString(args[1])); err != nil {
		return nil, located(who, err, args[1])
	}
	return scheme.Unspecified, nil
}

func sslSetCiphersBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return sslSetCipherListBang(th, args)
}
