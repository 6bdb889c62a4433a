;; SRFI-230: flags, boxes and fixnum boxes, alone and shared by threads.
(import (scheme base) (srfi :230 atomic) (srfi 18) (tlsport test))

(test-group "memory orders"
  (test 'relaxed (memory-order relaxed))
  (test 'sequentially-consistent (memory-order sequentially-consistent))
  (test #t (memory-order? 'acquire-release))
  (test #f (memory-order? 'sometimes))
  (test-error (atomic-fence 'sometimes))
  (atomic-fence)
  (atomic-fence (memory-order release)))

(test-group "atomic flags"
  (define f (make-atomic-flag))
  (test #t (atomic-flag? f))
  (test #f (atomic-flag? 'f))
  (test #f (atomic-flag-test-and-set! f))
  (test #t (atomic-flag-test-and-set! f (memory-order acquire)))
  (atomic-flag-clear! f)
  (test #f (atomic-flag-test-and-set! f)))

(test-group "atomic boxes"
  (define b (make-atomic-box 'a))
  (test #t (atomic-box? b))
  (test 'a (atomic-box-ref b))
  (atomic-box-set! b 'b)
  (test 'b (atomic-box-swap! b 'c))
  (test 'c (atomic-box-compare-and-swap! b 'x 'd))
  (test 'c (atomic-box-ref b))
  (test 'c (atomic-box-compare-and-swap! b 'c 'd (memory-order relaxed)))
  (test 'd (atomic-box-ref b))
  (test-error (atomic-box-ref 'b)))

(test-group "atomic fixnum boxes"
  (define n (make-atomic-fxbox 5))
  (test #t (atomic-fxbox? n))
  (test #f (atomic-fxbox? (make-atomic-box 5)))
  (test 5 (atomic-fxbox+/fetch! n 3))
  (test 8 (atomic-fxbox-/fetch! n 10))
  (test -2 (atomic-fxbox-ref n))
  (atomic-fxbox-set! n 12)
  (test 12 (atomic-fxbox-and/fetch! n 10))
  (test 8 (atomic-fxbox-ior/fetch! n 1))
  (test 9 (atomic-fxbox-xor/fetch! n 3))
  (test 10 (atomic-fxbox-swap! n 0))
  (test 0 (atomic-fxbox-compare-and-swap! n 1 7))
  (test 0 (atomic-fxbox-compare-and-swap! n 0 7))
  (test 7 (atomic-fxbox-ref n))
  (test-error (make-atomic-fxbox 1.5))
  (let ((big (make-atomic-fxbox 9223372036854775807)))
    (test-error (atomic-fxbox+/fetch! big 1))
    (test 9223372036854775807 (atomic-fxbox-ref big))
    (test-error (atomic-fxbox-/fetch! (make-atomic-fxbox -9223372036854775808) 1))))

(test-group "a counter shared by threads"
  (define counter (make-atomic-fxbox 0))
  (define threads
    (map (lambda (i) (thread-start! (make-thread (lambda () (do ((k 0 (+ k 1))) ((= k 1000)) (atomic-fxbox+/fetch! counter 1))))))
         '(1 2 3 4)))
  (for-each thread-join! threads)
  (test 4000 (atomic-fxbox-ref counter)))
