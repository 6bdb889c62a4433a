// Cancelling a long key derivation of (sagittarius crypto kdfs).

package sagcrypto_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
)

func TestKDFCancel(t *testing.T) {
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	for _, expr := range []string{
		`(pbkdf-2 (string->utf8 "pw") (string->utf8 "salt") 2000000000 20)`,
		`(pbkdf-1 (string->utf8 "pw") (string->utf8 "salt") 2000000000 20)`,
		`(pkcs12-kdf *digest:sha-1* "pw" (string->utf8 "salt") 2000000000 20)`,
	} {
		t.Run(expr[1:8], func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err := in.EvalString(ctx, expr)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("got %v, want the context's deadline", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("returned after %v", d)
			}
		})
	}
}
