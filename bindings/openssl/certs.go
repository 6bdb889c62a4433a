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
	return contextBang(who, args, tlsval.ContextOf, func(c *tlsctx.Context) error {
		src, err := source(who, 2, args[1])
		if err != nil {
			return err
		}
		return located(who, c.LoadCertificateChainContext(th.Context(), src, tlsval.Bool(args[2], false)), args[1])
	})
}

func sslLoadPrivateKeyBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-private-key!"
	return contextBang(who, args, tlsval.ContextOf, func(c *tlsctx.Context) error {
		src, err := source(who, 2, args[1])
		if err != nil {
			return err
		}
		kt, err := keyType(who, args[2])
		if err != nil {
			return err
		}
		return located(who, c.LoadPrivateKeyContext(th.Context(), src, kt, tlsval.Bool(args[3], false)), args[1])
	})
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
	return contextBang(who, args, verifyContext, func(c *tlsctx.Context) error {
		return located(who, c.SetVerify(scheme.Truthy(args[1])))
	})
}

func sslTryVerifyBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-try-verify!"
	return contextBang(who, args, verifyContext, func(c *tlsctx.Context) error {
		if c.Role() != tlsctx.Server {
			return located(who, c.SetVerify(false))
		}
		mode := tlsctx.AuthNone
		if scheme.Truthy(args[1]) {
			mode = tlsctx.AuthRequest
		}
		return located(who, c.SetClientAuth(mode))
	})
}

func sslLoadVerifyRootCertificatesBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-verify-root-certificates!"
	return contextBang(who, args, tlsval.ContextOf, func(c *tlsctx.Context) error {
		return located(who, c.LoadVerifyRootsContext(th.Context(), tlsval.Str(args[1]), tlsval.Str(args[2])), args[1])
	})
}

func sslLoadSuggestedCertificateAuthoritiesBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-load-suggested-certificate-authorities!"
	return contextBang(who, args, tlsval.ContextOf, func(c *tlsctx.Context) error {
		return located(who, c.LoadSuggestedCAsContext(th.Context(), tlsval.Str(args[1])), args[1])
	})
}

func sslSetCipherListBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-cipher-list!"
	return contextBang(who, args, tlsval.ContextOf, func(c *tlsctx.Context) error {
		return located(who, c.SetCipherList(cipherString(args[1])), args[1])
	})
}

func sslSetCiphersBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return sslSetCipherListBang(th, args)
}
