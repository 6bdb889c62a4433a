;; SRFI-151's procedures taking procedures, adapted from chez-srfi's
;; %3a151/bitwise-operations.sls:
;;   Copyright (c) 2018-2020 Andrew W. Keep; Copyright (c) 2016 John Cowan.
;;   Licensed under the Expat (MIT) licence: Permission is hereby granted,
;;   free of charge, to any person obtaining a copy of this software and
;;   associated documentation files (the "Software"), to deal in the
;;   Software without restriction, including without limitation the rights
;;   to use, copy, modify, merge, publish, distribute, sublicense, and/or
;;   sell copies of the Software, subject to the following conditions: The
;;   above copyright notice and this permission notice shall be included in
;;   all copies or substantial portions of the Software. THE SOFTWARE IS
;;   PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
;; They use the global bit->boolean, integer-length, bitwise-ior and
;; arithmetic-shift of (chicken bitwise).
(define (bitwise-fold proc seed i)
  (let ((n (integer-length i)))
    (let loop ((idx 0) (r seed))
      (if (= idx n)
          r
          (loop (+ idx 1) (proc (bit->boolean i idx) r))))))

(define (bitwise-for-each proc i)
  (let ((n (integer-length i)))
    (let loop ((idx 0))
      (if (< idx n)
          (begin (proc (bit->boolean i idx))
                 (loop (+ idx 1)))))))

(define (bitwise-unfold stop? mapper successor seed)
  (let loop ((state seed) (idx 0) (i 0))
    (if (stop? state)
        i
        (loop (successor state) (+ idx 1)
              (if (mapper state) (bitwise-ior i (arithmetic-shift 1 idx)) i)))))

(define (make-bitwise-generator i)
  (if (not (exact-integer? i)) (error 'make-bitwise-generator "not an exact integer" i))
  (let ((idx 0))
    (lambda ()
      (let ((r (bit->boolean i idx)))
        (set! idx (+ idx 1))
        r))))
