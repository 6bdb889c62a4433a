// Cancelling a long key derivation of (sagittarius crypto kdfs) and a long RSA or DSA key generation of (sagittarius crypto keys).

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

// TestGenerateKeyPairCancel: an RSA key generation that would take minutes,
// and new 3072-bit DSA parameters that take seconds, end as soon as their
// evaluation is cancelled (Ctrl-C at the REPL).
func TestGenerateKeyPairCancel(t *testing.T) {
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	for _, expr := range []string{"(generate-key-pair *key:rsa* :size 16384)", "(generate-key-pair *key:dsa* :size 3072)"} {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		start := time.Now()
		_, err := in.EvalString(ctx, expr)
		cancel()
		if err == nil {
			t.Fatalf("%s came in 300 ms: expected the cancellation", expr)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("the cancelled %s returned after %v", expr, d)
		}
	}
}
