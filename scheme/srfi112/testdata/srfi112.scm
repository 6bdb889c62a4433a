;; SRFI-112: each procedure gives a string or #f.
(import (scheme base) (srfi :112 inquery) (tlsport test))
(test "tlsport" (implementation-name))
(define (string-or-false? x) (or (not x) (and (string? x) (positive? (string-length x)))))
(test #t (string-or-false? (implementation-version)))
(test #t (string? (cpu-architecture)))
(test #t (string-or-false? (machine-name)))
(test #t (string? (os-name)))
(test #f (os-version))
