;; (chicken locative), from the CHICKEN 5 manual page "Module (chicken locative)".
(import (chicken locative) (chicken gc) (srfi 4) (tlsport test))

;; The manual's examples.
(test #\b (locative-ref (make-locative "abc" 1)))
(test "abc" (locative->object (make-locative "abc" 1)))
(test 3 (locative-index (make-locative "abcde" 3)))

(test-group "containers"
  (define v (vector 'a 'b 'c))
  (define lv (make-locative v 2))
  (test 'c (locative-ref lv))
  (locative-set! lv 'z)
  (test '#(a b z) v)
  (set! (locative-ref lv) 'y)                ; SRFI 17 setter
  (test '#(a b y) v)
  (test 'a (locative-ref (make-locative v)))  ; index 0 by default
  (define p (cons 1 2))
  (locative-set! (make-locative p 1) 20)
  (test '(1 . 20) p)
  (test 1 (locative-ref (make-locative p 0)))
  (define s (string-copy "hello"))
  (locative-set! (make-locative s 0) #\j)
  (test "jello" s)
  (define b (bytevector 1 2 3))
  (test 2 (locative-ref (make-locative b 1)))
  (locative-set! (make-locative b 1) 255)
  (test (bytevector 1 255 3) b)
  ;; A blob's element is a byte (csi: 98, then #${6141}).
  (define bl (string->blob "ab"))
  (test 98 (locative-ref (make-locative bl 1)))
  (locative-set! (make-locative bl 1) 65)
  (test (string->blob "aA") bl)
  (test-error (locative-set! (make-locative bl 0) 256))
  (define f (f64vector 1.5 2.5))
  (test 2.5 (locative-ref (make-locative f 1)))
  (locative-set! (make-locative f 0) 9.0)
  (test 9.0 (f64vector-ref f 0))
  (define-record-type point (make-point x y) point? (x point-x) (y point-y))
  (define pt (make-point 1 2))
  (locative-set! (make-locative pt 1) 42)
  (test 42 (point-y pt))
  (test 1 (locative-ref (make-locative pt 0))))

(test-group "checks"
  (test #t (locative? (make-locative (vector 1))))
  (test #f (locative? (vector 1)))
  (test-error (make-locative (vector 1 2) 2))   ; beyond the end
  (test-error (make-locative 'symbol))
  (test-error (make-locative 42))
  (test-error (locative-ref 'not-a-locative))
  ;; The container's own checks apply: a u8vector takes bytes only.
  (test-error (locative-set! (make-locative (u8vector 1 2) 0) 300))
  (test-error (locative-set! (make-locative (string-copy "ab") 0) 'not-a-char))
  (test "#<locative>" (with-output-to-string (lambda () (write (make-locative (vector 1)))))))

(test-group "weak locatives"
  (define kept (vector 1 2 3))
  (define w (make-weak-locative kept 1))
  (test 2 (locative-ref w))
  (locative-set! w 20)
  (test '#(1 20 3) kept)
  (test kept (locative->object w))
  ;; A container only a weak locative refers to is collected.
  (define lost (make-weak-locative (make-vector 1000 'x) 5))
  (let loop ((i 0))
    (if (and (< i 20) (locative->object lost))
        (begin (gc #t) (loop (+ i 1)))))
  (test #f (locative->object lost))
  (test-error (locative-ref lost))
  (test-error (locative-set! lost 1))
  (test 5 (locative-index lost)))

(test-group "SRFI-4 vectors"
  ;; elements stored packed: a locative reads and changes them through the
  ;; vector's own accessors, with their range checks
  (define s (s16vector 1 -2 3))
  (define ls (make-locative s 1))
  (test -2 (locative-ref ls))
  (locative-set! ls -32768)
  (test '(1 -32768 3) (s16vector->list s))
  (test-error (locative-set! ls 32768))
  (test-error (locative-set! ls 1.0))
  (test '(1 -32768 3) (s16vector->list s))
  (test s (locative->object ls))
  (test 2 (locative-index (make-locative s 2)))
  (test-error (make-locative s 3))
  (define u (make-u64vector 2 0))
  (locative-set! (make-locative u 1) 18446744073709551615)
  (test 18446744073709551615 (locative-ref (make-locative u 1)))
  (test-error (locative-set! (make-locative u 0) -1))
  (define f (make-f32vector 1 0.0))
  (define lf (make-locative f))
  (locative-set! lf 0.1)
  (test 0.10000000149011612 (locative-ref lf))   ; rounded to single precision
  (test-error (locative-set! lf 1/2))
  (define w (make-weak-locative s 0))
  (locative-set! w 7)
  (test 7 (s16vector-ref s 0))
  (test 7 (locative-ref w)))
