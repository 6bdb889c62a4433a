package srfi4_test

import (
	"context"
	"testing"

	"github.com/tlsport/tlsport/scheme/stdlib"
)

// BenchmarkSetRef runs, per iteration, a Scheme loop of 10,000 stores and
// 10,000 loads on a vector of each kind, through the interpreter (the
// per-type procedures srfi4.scm defines).
func BenchmarkSetRef(b *testing.B) {
	for _, c := range []struct{ tag, elem string }{
		{"s16", "(- i 5000)"}, {"u32", "(* i 3)"}, {"f64", "(exact->inexact i)"},
	} {
		b.Run(c.tag, func(b *testing.B) {
			in := stdlib.New()
			ctx := context.Background()
			_, err := in.EvalString(ctx, `(import (srfi 4))
(define v (make-`+c.tag+`vector 10000))
(define (run)
  (do ((i 0 (+ i 1))) ((= i 10000))
    (`+c.tag+`vector-set! v i `+c.elem+`))
  (do ((i 0 (+ i 1)) (s 0 (+ s (`+c.tag+`vector-ref v i)))) ((= i 10000) s)))`)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := in.EvalString(ctx, "(run)"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
