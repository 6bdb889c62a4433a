;; A library for libraries.scm: state, an exported macro, a library
;; it imports with prefix, declarations included.
(define-library (r7lib counter)
  (export next! reset! with-count)
  (import (scheme base) (prefix (r7lib shapes) s:))
  (include-library-declarations "counter-decls.scm")
  (begin
    (define n 0)
    (define (next!) (set! n (+ n 1)) n)
    (define (reset!) (set! n 0))
    (define-syntax with-count
      (syntax-rules () ((_ body ...) (begin (next!) body ...))))))
