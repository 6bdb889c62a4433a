;; (sagittarius crypto random): PRNG descriptors, pseudo and secure generators, seeding.
(import (tlsport test) (rnrs) (sagittarius crypto random))

(define (all-same? bv) (for-all (lambda (b) (= b (bytevector-u8-ref bv 0))) (bytevector->u8-list bv)))

(test-group "descriptors"
  (for-each (lambda (d name) (test #t (prng-descriptor? d)) (test name (prng-descriptor-name d)))
            (list *prng:yarrow* *prng:fortuna* *prng:rc4* *prng:sober-128* *prng:chacha20* *prng:system*)
            '("Yarrow" "Fortuna" "RC4" "Sober-128" "ChaCha20" "System"))
  (test #f (prng-descriptor? 'chacha20))
  (test-error (exn type) (prng-descriptor-name "ChaCha20")))

(test-group "generators"
  (for-each
   (lambda (d)
     (let ((p (pseudo-random-generator d))
           (s (secure-random-generator d :ignored 'option)))
       (test #t (random-generator? p))
       (test #t (builtin-random-generator? p))
       (test #f (secure-random-generator? p))
       (test #f (custom-random-generator? p))
       (test #t (secure-random-generator? s))
       (test #t (builtin-random-generator? s))
       (let ((a (random-generator-read-random-bytes p 64))
             (b (random-generator-read-random-bytes p 64))
             (c (random-generator-read-random-bytes s 64)))
         (test 64 (bytevector-length a))
         (test #f (equal? a b))
         (test #f (equal? a c))
         (test #f (all-same? a)))
       ;; two generators of one descriptor are keyed differently
       (test #f (equal? (random-generator-read-random-bytes (pseudo-random-generator d) 32)
                        (random-generator-read-random-bytes (pseudo-random-generator d) 32)))
       ;; seeding keeps it working and changes the stream
       (test p (random-generator-randomize! p (string->utf8 "some entropy")))
       (test p (random-generator-randomize! p (string->utf8 "xxseedxx") 2 4))
       (test 16 (bytevector-length (random-generator-read-random-bytes p 16)))
       (test #f (random-generator-state p))
       (test #f (random-generator-state p 'state))))
   (list *prng:yarrow* *prng:fortuna* *prng:rc4* *prng:chacha20*))
  (let ((sys (secure-random-generator *prng:system*)))
    (test #t (secure-random-generator? sys))
    (test 0 (bytevector-length (random-generator-read-random-bytes sys 0)))
    (test #f (equal? (random-generator-read-random-bytes sys 32) (random-generator-read-random-bytes sys 32)))
    (test sys (random-generator-randomize! sys #vu8(1 2 3))))
  ;; the system PRNG cannot be a pseudo random generator
  (test-error (exn assertion) (pseudo-random-generator *prng:system*))
  (test #f (random-generator? *prng:chacha20*))
  (test #f (secure-random-generator? 'x))
  (test #f (builtin-random-generator? "x")))

(test-group "read-random-bytes!"
  (define g (pseudo-random-generator *prng:chacha20*))
  (let ((out (make-bytevector 64 0)))
    (test out (random-generator-read-random-bytes! g out 8 16))
    (test #vu8(0 0 0 0 0 0 0 0) (bytevector-copy out 0 8))
    (test (make-bytevector 40 0) (bytevector-copy out 24 64))
    (test #f (all-same? (bytevector-copy out 8 24)))
    (random-generator-read-random-bytes! g out)
    (test #f (equal? (make-bytevector 40 0) (bytevector-copy out 24 64)))))

(test-group "random-integer"
  (define g (secure-random-generator *prng:chacha20*))
  (test 0 (random-generator-random-integer g 1))
  (let loop ((i 0) (seen '()))
    (if (< i 200)
        (let ((n (random-generator-random-integer g 3)))
          (test #t (and (exact? n) (<= 0 n 2)))
          (loop (+ i 1) (if (memv n seen) seen (cons n seen))))
        (test 3 (length seen))))
  (let ((big (expt 2 200)))
    (let ((n (random-generator-random-integer g big)))
      (test #t (and (exact? n) (<= 0 n) (< n big)))))
  (test-error (exn bounds) (random-generator-random-integer g 0))
  (test-error (exn bounds) (random-generator-random-integer g -5))
  (test-error (exn type) (random-generator-random-integer g 2.5)))

(test-group "unsupported"
  (for-each
   (lambda (make)
     (let ((e (guard (e (#t e)) (make *prng:sober-128*))))
       (test #t (implementation-restriction-violation? e))
       (test "Sober-128" (substring (condition-message e) 0 9))))
   (list pseudo-random-generator secure-random-generator))
  ;; a non-descriptor goes to make-custom-random-generator
  (test-error (exn unsupported) (pseudo-random-generator 'my-prng :seed 1))
  (test-error (exn unsupported) (secure-random-generator "custom"))
  (test-error (exn unsupported) (make-custom-random-generator 'x))
  (test #t (not (procedure? <custom-random-generator>))))

(test-group "bad input"
  (define g (pseudo-random-generator *prng:rc4*))
  (test-error (exn type) (random-generator-read-random-bytes 'g 10))
  (test-error (exn bounds) (random-generator-read-random-bytes g -1))
  (test-error (exn type) (random-generator-read-random-bytes g 'ten))
  (test-error (exn bounds) (random-generator-read-random-bytes g (expt 2 62)))
  (test-error (exn type) (random-generator-read-random-bytes! g "out"))
  (test-error (exn bounds) (random-generator-read-random-bytes! g (make-bytevector 4) 2 3))
  (test-error (exn bounds) (random-generator-read-random-bytes! g (make-bytevector 4) 5))
  (test-error (exn type) (random-generator-randomize! g "seed"))
  (test-error (exn bounds) (random-generator-randomize! g #vu8(1) 0 2))
  (test-error (exn type) (random-generator-state 42)))
