;; (chicken random), from the CHICKEN 5 manual page.
(import (chicken random) (tlsport test))
(define (draws n thunk) (let loop ((i 0) (acc '())) (if (= i n) acc (loop (+ i 1) (cons (thunk) acc)))))
(test-group "pseudo-random-integer"
  (test #t (every (lambda (x) (and (exact-integer? x) (<= 0 x 9))) (draws 200 (lambda () (pseudo-random-integer 10)))))
  (test #t (< 3 (length (delete-duplicates (draws 200 (lambda () (pseudo-random-integer 10)))))))
  (test 0 (pseudo-random-integer 1))
  (let ((big (expt 10 30)))
    (test #t (every (lambda (x) (and (exact-integer? x) (<= 0 x) (< x big))) (draws 50 (lambda () (pseudo-random-integer big))))))
  (test-error (pseudo-random-integer 0)) (test-error (pseudo-random-integer 1.5)))
(test-group "pseudo-random-real"
  (test #t (every (lambda (x) (and (inexact? x) (<= 0 x) (< x 1))) (draws 100 pseudo-random-real))))
(test-group "seeding"
  (set-pseudo-random-seed! "seed")
  (define a (draws 5 (lambda () (pseudo-random-integer 1000000))))
  (set-pseudo-random-seed! (string->utf8 "seed"))
  (test a (draws 5 (lambda () (pseudo-random-integer 1000000))))
  (set-pseudo-random-seed! "seed-and-more" 4)
  (test a (draws 5 (lambda () (pseudo-random-integer 1000000))))
  (set-pseudo-random-seed! "other")
  (test #f (equal? a (draws 5 (lambda () (pseudo-random-integer 1000000))))))
(test-group "random-bytes"
  ;; Without a buffer, a fresh blob (csi: (blob? (random-bytes)) is #t), of
  ;; size bytes when given with #f for the buffer.
  (test #t (blob? (random-bytes))) (test 32 (blob-size (random-bytes))) (test 16 (blob-size (random-bytes #f 16)))
  (let ((b (make-blob 4))) (test b (random-bytes b)) (test 4 (blob-size b)))
  (let ((b (make-bytevector 8 0))) (test b (random-bytes b)) (test 8 (bytevector-length b)))
  (let ((b (make-bytevector 8 0))) (random-bytes b 2) (test (make-bytevector 6 0) (bytevector-copy b 2)))
  (test 4 (string-length (random-bytes (make-string 4 #\a))))
  (test-error (random-bytes (make-bytevector 2) 3)))
