// The shared body of the context-mutating procedures (ssl-load-*!, ssl-set-*!).

package openssl

import (
	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// contextBang resolves the context of args[0] with resolve (tlsval.ContextOf
// or verifyContext) and runs apply on it, returning unspecified. apply
// returns its errors as they should be raised (argument errors as they
// are, context errors through located).
func contextBang(who string, args []scheme.Value, resolve func(string, scheme.Value) (*tlsval.Context, error), apply func(*tlsctx.Context) error) (scheme.Value, error) {
	c, err := resolve(who, args[0])
	if err != nil {
		return nil, err
	}
	if err := apply(c.Ctx); err != nil {
		return nil, err
	}
	return scheme.Unspecified, nil
}
