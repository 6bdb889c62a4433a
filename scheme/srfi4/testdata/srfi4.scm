;; SRFI-4 and CHICKEN's (srfi 4): read syntax, every per-type procedure, ranges.
(import (scheme base) (srfi 4) (tlsport test))
(test-group "read syntax"
  (test #t (u8vector? '#u8(0 #e1e2 #xff))) (test '(0 100 255) (u8vector->list '#u8(0 #e1e2 #xff)))
  (test '(-1.5) (f64vector->list '#f64(-1.5))) (test #t (f64vector? #f64(-1.5)))
  (test "#s8(-128 127)" (call-with-output-string (lambda (p) (write '#s8(-128 127) p))))
  (test "#u16(65535) #s16(-32768) #u32(4294967295) #s32(-2147483648)"
        (call-with-output-string (lambda (p) (write '#u16(65535) p) (display " " p) (write '#s16(-32768) p) (display " " p)
                                           (write '#u32(4294967295) p) (display " " p) (write '#s32(-2147483648) p))))
  (test "#u64(18446744073709551615) #s64(-9223372036854775808)"
        (call-with-output-string (lambda (p) (write '#u64(18446744073709551615) p) (display " " p) (write '#s64(-9223372036854775808) p))))
  (test "#f32(1.5 -0.25) #f64()" (call-with-output-string (lambda (p) (write '#f32(1.5 -0.25) p) (display " " p) (write '#f64() p))))
  (test #t (equal? '#s16(1 2) (s16vector 1 2))) (test #f (equal? '#s16(1 2) '#u16(1 2))) (test #f (equal? '#s16(1 2) '#s16(1 3)))
  (test '(1 #u8(1 2)) (let ((x 1)) `(,x #u8(1 2))))
  (test-error (read (open-input-string "#s8(128)"))) (test-error (read (open-input-string "#u16(-1)")))
  (test-error (read (open-input-string "#f64(1)"))) (test-error (read (open-input-string "#s7(1)")))
  (test #f (read (open-input-string "#f"))) (test #f (read (open-input-string "#false"))))
(define-syntax test-type
  (syntax-rules ()
    ((_ pred make ctor len ref set to-list from-list to-blob to-blob/shared from-blob from-blob/shared sub a b c)
     (test-group (symbol->string 'ctor)
       (test #t (pred (ctor a b))) (test #f (pred (vector a b))) (test #f (pred 1))
       (test (list c c c) (to-list (make 3 c))) (test 2 (len (make 2)))
       (test (list a b) (to-list (ctor a b))) (test 0 (len (ctor)))
       (test 3 (len (ctor a b c))) (test b (ref (ctor a b c) 1))
       (test (list a c) (let ((v (ctor a b))) (set v 1 c) (to-list v)))
       (test (list b c) (to-list (from-list (list b c))))
       (test (list a b c) (to-list (from-blob (to-blob (ctor a b c)))))
       (test (list c a) (to-list (from-blob/shared (to-blob/shared (ctor c a)))))
       (test (list b c) (to-list (sub (ctor a b c) 1 3)))
       (test-error (ref (ctor a) 1)) (test-error (set (ctor a) 5 a)) (test-error (ref (vector a) 0))))))
(test-type u8vector? make-u8vector u8vector u8vector-length u8vector-ref u8vector-set! u8vector->list list->u8vector
           u8vector->blob u8vector->blob/shared blob->u8vector blob->u8vector/shared subu8vector 0 255 7)
(test-type s8vector? make-s8vector s8vector s8vector-length s8vector-ref s8vector-set! s8vector->list list->s8vector
           s8vector->blob s8vector->blob/shared blob->s8vector blob->s8vector/shared subs8vector -128 127 -1)
(test-type u16vector? make-u16vector u16vector u16vector-length u16vector-ref u16vector-set! u16vector->list list->u16vector
           u16vector->blob u16vector->blob/shared blob->u16vector blob->u16vector/shared subu16vector 0 65535 300)
(test-type s16vector? make-s16vector s16vector s16vector-length s16vector-ref s16vector-set! s16vector->list list->s16vector
           s16vector->blob s16vector->blob/shared blob->s16vector blob->s16vector/shared subs16vector -32768 32767 -300)
(test-type u32vector? make-u32vector u32vector u32vector-length u32vector-ref u32vector-set! u32vector->list list->u32vector
           u32vector->blob u32vector->blob/shared blob->u32vector blob->u32vector/shared subu32vector 0 4294967295 70000)
(test-type s32vector? make-s32vector s32vector s32vector-length s32vector-ref s32vector-set! s32vector->list list->s32vector
           s32vector->blob s32vector->blob/shared blob->s32vector blob->s32vector/shared subs32vector -2147483648 2147483647 -70000)
(test-type u64vector? make-u64vector u64vector u64vector-length u64vector-ref u64vector-set! u64vector->list list->u64vector
           u64vector->blob u64vector->blob/shared blob->u64vector blob->u64vector/shared subu64vector 0 18446744073709551615 5000000000)
(test-type s64vector? make-s64vector s64vector s64vector-length s64vector-ref s64vector-set! s64vector->list list->s64vector
           s64vector->blob s64vector->blob/shared blob->s64vector blob->s64vector/shared subs64vector -9223372036854775808 9223372036854775807 -5000000000)
(test-type f32vector? make-f32vector f32vector f32vector-length f32vector-ref f32vector-set! f32vector->list list->f32vector
           f32vector->blob f32vector->blob/shared blob->f32vector blob->f32vector/shared subf32vector 1.5 -2.25 0.5)
(test-type f64vector? make-f64vector f64vector f64vector-length f64vector-ref f64vector-set! f64vector->list list->f64vector
           f64vector->blob f64vector->blob/shared blob->f64vector blob->f64vector/shared subf64vector 1e300 -2.5 0.1)
(test-group "element types and ranges"
  (test-error (s8vector 128)) (test-error (s8vector -129)) (test-error (u8vector 256)) (test-error (u16vector -1))
  (test-error (s16vector 32768)) (test-error (u32vector 4294967296)) (test-error (s32vector 2147483648))
  (test-error (u64vector 18446744073709551616)) (test-error (s64vector 9223372036854775808))
  (test-error (f64vector 1)) (test-error (make-f32vector 2 1)) (test-error (s8vector 1.0)) (test-error (list->u16vector '(1 x)))
  (test-error (s8vector-set! (s8vector 0) 0 300))
  (test 0.0 (f32vector-ref (make-f32vector 1) 0)) (test 0 (s32vector-ref (make-s32vector 1) 0))
  (test 0.10000000149011612 (f32vector-ref (f32vector 0.1) 0))  ; rounded to single precision
  (test '(1 0 2 0) (u8vector->list (s16vector->blob (s16vector 1 2))))  ; little-endian
  (test '(255 255) (u8vector->list (s16vector->blob (s16vector -1))))
  (test '(-1) (s16vector->list (blob->s16vector (u8vector 255 255))))
  (test-error (blob->s32vector (u8vector 1 2 3))))
(test-group "number vectors"
  (test #t (number-vector? (u8vector 1))) (test #t (number-vector? (f64vector))) (test #f (number-vector? (vector 1)))
  (test-assert (begin (release-number-vector (s8vector 1)) #t)))
(test-group "u8vector I/O"
  (test '(1 2) (u8vector->list (read-u8vector 2 (open-input-bytevector (bytevector 1 2 3)))))
  (test '(1 2 3) (u8vector->list (read-u8vector #f (open-input-bytevector (bytevector 1 2 3)))))
  (test #t (eof-object? (read-u8vector 2 (open-input-bytevector (bytevector)))))
  (test '(2 (0 1 2 0)) (let ((v (make-u8vector 4 0))) (list (read-u8vector! 2 v (open-input-bytevector (bytevector 1 2 3)) 1) (u8vector->list v))))
  (test '(3 (7 8 9 0)) (let ((v (make-u8vector 4 0))) (list (read-u8vector! #f v (open-input-bytevector (bytevector 7 8 9))) (u8vector->list v))))
  (test '(2 3) (let ((out (open-output-bytevector))) (write-u8vector (u8vector 1 2 3 4) out 1 3) (u8vector->list (get-output-bytevector out))))
  (test '(1 2) (let ((out (open-output-bytevector))) (write-u8vector (u8vector 1 2) out) (u8vector->list (get-output-bytevector out)))))
(test-group "internal primitives (srfi4.scm's)"
  (test '(7 7) (s16vector->list (%make-numvector 's16 2 7))) (test '(0) (u32vector->list (%make-numvector 'u32 1)))
  (test '(1 2) (s8vector->list (%list->numvector 's8 '(1 2)))) (test #t (%numvector? 'f64 (f64vector))) (test #f (%numvector? 'f32 (f64vector)))
  (test 3 (%numvector-length 'u16 (u16vector 1 2 3))) (test 2 (%numvector-ref 'u16 (u16vector 1 2 3) 1))
  (test '(1 9) (let ((v (s32vector 1 2))) (%numvector-set! 's32 v 1 9) (s32vector->list v)))
  (test '(2 3) (%numvector->list 's64 (s64vector 1 2 3) 1)) (test '(2) (s64vector->list (%subnumvector 's64 (s64vector 1 2 3) 1 2)))
  (test '(1 0) (u8vector->list (%numvector->blob 'u16 (u16vector 1)))) (test '(513) (u16vector->list (%blob->numvector 'u16 (u8vector 1 2))))
  (test-error (%numvector-ref 's8 (u16vector 1) 0)) (test-error (%make-numvector 'x8 1)))
