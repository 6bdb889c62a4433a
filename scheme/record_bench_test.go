// Benchmarks of the records of define-record-type: constructor, predicate, accessors, modifier.

package scheme

import "testing"

// recordBenchSrc defines a define-record-type type and loops calling its
// constructor, predicate, accessors and modifier.
const recordBenchSrc = `(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
(define (rec-loop n)
  (let loop ((i 0) (s 0))
    (if (< i n)
        (let ((p (make-point i 1)))
          (set-point-y! p 2)
          (loop (+ i 1) (if (point? p) (+ s (point-x p) (point-y p)) s)))
        s)))
(define (rec-make n)
  (let loop ((i 0) (p #f))
    (if (< i n) (loop (+ i 1) (make-point i i)) p)))
(define (rec-pred n)
  (let ((p (make-point 1 2)))
    (let loop ((i 0) (s 0))
      (if (< i n) (loop (+ i 1) (if (point? p) (if (point? i) s (+ s 1)) s)) s))))
(define (rec-get n)
  (let ((p (make-point 1 2)))
    (let loop ((i 0) (s 0))
      (if (< i n) (loop (+ i 1) (+ s (point-x p))) s))))`

// BenchmarkRecordAll makes a record, sets a field, tests it and reads its
// two fields per iteration.
func BenchmarkRecordAll(b *testing.B) { benchLoop(b, recordBenchSrc, "rec-loop") }

// BenchmarkRecordConstructor calls the constructor once per iteration.
func BenchmarkRecordConstructor(b *testing.B) { benchLoop(b, recordBenchSrc, "rec-make") }

// BenchmarkRecordPredicate calls the predicate twice per iteration (on a
// record, on a fixnum).
func BenchmarkRecordPredicate(b *testing.B) { benchLoop(b, recordBenchSrc, "rec-pred") }

// BenchmarkRecordAccessor calls an accessor once per iteration.
func BenchmarkRecordAccessor(b *testing.B) { benchLoop(b, recordBenchSrc, "rec-get") }
