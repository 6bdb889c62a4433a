package scheme

import (
	"context"
	"testing"
)

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		New()
	}
}

// benchLoop defines src (which defines the procedure name, taking a
// count) and runs it over b.N iterations in one call.
func benchLoop(b *testing.B, src, name string) {
	in := New()
	ctx := context.Background()
	if _, err := in.EvalString(ctx, src); err != nil {
		b.Fatal(err)
	}
	proc, ok := in.Lookup(name)
	if !ok {
		b.Fatalf("%s not defined", name)
	}
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := in.Apply(ctx, proc, Fixnum(b.N)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLetValuesPrim is a loop binding the two values of a primitive
// (floor/) with let-values.
func BenchmarkLetValuesPrim(b *testing.B) {
	benchLoop(b, `(define (lv-prim n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (loop (+ i 1) (let-values (((q r) (floor/ i 7))) (+ s q r)))
        s)))`, "lv-prim")
}

// BenchmarkReceiveProc is a loop binding the two values of a Scheme
// procedure with receive.
func BenchmarkReceiveProc(b *testing.B) {
	benchLoop(b, `(define (two-values i) (values i (+ i 1)))
(define (rcv-proc n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (loop (+ i 1) (receive (a b) (two-values i) (+ s a b)))
        s)))`, "rcv-proc")
}

// BenchmarkLetTwoCalls is the same loop binding two calls' values with a
// plain let, for comparison.
func BenchmarkLetTwoCalls(b *testing.B) {
	benchLoop(b, `(define (lt-calls n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (loop (+ i 1) (let ((q (quotient i 7)) (r (remainder i 7))) (+ s q r)))
        s)))`, "lt-calls")
}

// BenchmarkBignumFact computes (fact 300), a 615-digit bignum built by 300
// multiplications, twice per iteration and prints it once with
// number->string (bench/HISTORY.md, "Bignums and string keys against csi
// (session 17)").
func BenchmarkBignumFact(b *testing.B) {
	benchLoop(b, `(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(define (bn-fact n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (begin (fact 300) (loop (+ i 1) (+ s (string-length (number->string (fact 300))))))
        s)))`, "bn-fact")
}

// stringKeys defines keys, a list of 50 strings "key-0" … "key-49", and
// probes, a vector of fresh copies of them (equal?, not eq?, to the keys).
const stringKeys = `(define keys
  (let loop ((i 49) (acc '()))
    (if (< i 0) acc (loop (- i 1) (cons (string-append "key-" (number->string i)) acc)))))
(define probes (list->vector (map string-copy keys)))
`

// BenchmarkAssocString is one assoc per iteration in an alist of the 50
// string keys, a probe equal? to one of them (25 comparisons on average).
func BenchmarkAssocString(b *testing.B) {
	benchLoop(b, stringKeys+`(define alist (map (lambda (k) (cons k (string-length k))) keys))
(define (assoc-str n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (loop (+ i 1) (+ s (cdr (assoc (vector-ref probes (remainder i 50)) alist))))
        s)))`, "assoc-str")
}

// BenchmarkMemberString is BenchmarkAssocString's search with member in
// the list of keys.
func BenchmarkMemberString(b *testing.B) {
	benchLoop(b, stringKeys+`(define (member-str n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (loop (+ i 1) (+ s (length (member (vector-ref probes (remainder i 50)) keys))))
        s)))`, "member-str")
}

// BenchmarkStringEqual compares each probe with its key by equal? and by
// string=?, and with the next key (same length, last character differing).
func BenchmarkStringEqual(b *testing.B) {
	benchLoop(b, stringKeys+`(define vkeys (list->vector keys))
(define (str-equal n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (let ((p (vector-ref probes (remainder i 50))) (k (vector-ref vkeys (remainder i 50)))
              (k2 (vector-ref vkeys (remainder (+ i 1) 50))))
          (loop (+ i 1) (if (and (equal? p k) (string=? p k) (not (equal? p k2)) (not (string=? p k2))) (+ s 1) s)))
        s)))`, "str-equal")
}
