package srfi4_test

import "testing"

// BenchmarkSetRef runs, per iteration, Scheme loops through the
// interpreter (the per-type procedures srfi4.scm defines) on a vector of
// 10,000 elements of each kind: set/ 10,000 stores, ref/ 10,000 loads
// summed, both/ the two loops.
func BenchmarkSetRef(b *testing.B) {
	for _, c := range []struct{ tag, elem, zero string }{
		{"s16", "(- i 5000)", "0"}, {"u32", "(* i 3)", "0"}, {"f64", "(exact->inexact i)", "0."},
	} {
		eval := evaluator(b)
		eval(`(define v (make-` + c.tag + `vector 10000))
(define (set)
  (do ((i 0 (+ i 1))) ((= i 10000))
    (` + c.tag + `vector-set! v i ` + c.elem + `)))
(define (ref)
  (do ((i 0 (+ i 1)) (s ` + c.zero + ` (+ s (` + c.tag + `vector-ref v i)))) ((= i 10000) s)))
(define (both) (set) (ref))
(set)`)
		for _, loop := range []string{"set", "ref", "both"} {
			b.Run(loop+"/"+c.tag, func(b *testing.B) {
				b.ReportAllocs()
				for range b.N {
					eval("(" + loop + ")")
				}
			})
		}
	}
}
