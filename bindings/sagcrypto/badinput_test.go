// Every procedure of the crypto libraries called with arguments of every wrong kind: errors, never panics.

package sagcrypto_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/scheme"
)

// badValues are the arguments tried: wrong types, negative and huge
// numbers, empty and short bytevectors, closed ports, and the libraries'
// own values in the wrong places.
const badValues = `(list #f 0 -1 1 (expt 2 62) 2.5 "" "x" 'sym #vu8() #vu8(1 2 3) (make-bytevector 40 1) '()
  :multiple :builder :decoder :asn1 :digest :custom :prf :id car (lambda (x) x) (lambda (x) (make-mac *mac:hmac* x))
  *digest:sha-256* *digest:shake-128* *digest:whirlpool* *mac:hmac* *mac:kmac-256* *mac:cmac* *prng:chacha20* *prng:system* *prng:sober-128*
  (make-message-digest *digest:sha-1*) (make-message-digest *digest:shake-256*)
  (make-mac *mac:hmac* #vu8(1)) (make-mac *mac:kmac* #vu8(1))
  (pseudo-random-generator *prng:rc4*) (secure-random-generator *prng:system*)
  (let ((p (open-input-string "-----BEGIN A-----\nAQ==\n-----END A-----\n"))) (close-input-port p) p)
  (open-input-string "-----BEGIN A-----\n") (open-input-bytevector #vu8(1)) *hmac-sha1-prf*)`

func TestBadInputNeverPanics(t *testing.T) {
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	ctx := context.Background()
	v, err := in.EvalString(ctx, badValues)
	if err != nil {
		t.Fatal(err)
	}
	pool, _ := scheme.ListToSlice(v)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, lib := range []*scheme.Library{sagcrypto.PEMLibrary, sagcrypto.DigestsLibrary, sagcrypto.RandomLibrary, sagcrypto.MACLibrary, sagcrypto.KDFsLibrary} {
		for i := range lib.Procs {
			p := &lib.Procs[i]
			proc, ok := in.Lookup(p.Name)
			if !ok {
				t.Fatalf("%s is unbound", p.Name)
			}
			params := p.Params()
			max := len(params.Required) + len(params.Optional) + 2*len(params.Keys)
			if params.Rest != "" {
				max += 2
			}
			t.Run(p.Name, func(t *testing.T) {
				for range 400 {
					n := len(params.Required) + rng.IntN(max-len(params.Required)+1)
					args := make([]scheme.Value, n)
					for j := range args {
						args[j] = pool[rng.IntN(len(pool))]
					}
					cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
					_, err := in.Apply(cctx, proc, args...)
					cancel()
					if err != nil {
						if msg := err.Error(); strings.Contains(msg, "internal error") || strings.Contains(msg, "runtime error") {
							t.Fatalf("(%s %s): %v", p.Name, scheme.WriteString(scheme.List(args...)), err)
						}
					}
				}
			})
		}
	}
}
