;; SRFI-42 in tlsport: the library's names, the dispatcher, generators
;; written as the symbols |:name| and as keywords, and the errors the
;; reference implementation raises.
(import (tlsport test) (srfi 42))
;; :name reads as a keyword; |:name| is the same generator
(test '(0 1 2) (list-ec (:range i 3) i))
(test '(0 1 2) (list-ec (|:range| i 3) i))
(test '((0 a) (1 b)) (list-ec (:parallel (:range i 5) (:list x '(a b))) (list i x)))
(test '(0 1 2) (list-ec (:while (:integers i) (< i 3)) i))
;; a generator procedure from (:generator-proc (:list l)), run by :dispatched;
;; written with the symbols, which read as keywords elsewhere than in a qualifier
(define (gen-list l) (|:generator-proc| (|:list| l)))
(test '(a b c) (list-ec (:dispatched x (lambda (args) (if (null? args) 'mine (gen-list (car args)))) '(a b c)) x))
;; the dispatcher of :, extended with dispatch-union and restored; the
;; procedures (:-dispatch-ref) and (:-dispatch-set! d) are written as
;; symbols, |:-dispatch-ref|, since :-dispatch-ref reads as a keyword
(define initial (|:-dispatch-ref|))
(test 'SRFI42 ((make-initial-:-dispatch) '()))
(define (symbols args)
  (if (null? args) 'symbols
      (and (symbol? (car args)) (null? (cdr args))
           (let ((s (symbol->string (car args))))
             (|:generator-proc| (|:string| s))))))
(|:-dispatch-set!| (dispatch-union (|:-dispatch-ref|) symbols))
(test '(#\a #\b) (list-ec (: c 'ab) c))
(test '(0 1) (list-ec (: i 2) i))
(test '(SRFI42 symbols) ((|:-dispatch-ref|) '()))
(test-error ((dispatch-union (lambda (args) (lambda (e) e)) (lambda (args) (lambda (e) e))) '(1)))
(|:-dispatch-set!| initial)
(test-error (list-ec (: c 'ab) c))
(test-error (|:-dispatch-set!| 5))
;; first-ec and any?-ec stop the generators at the first result
(define seen 0)
(test 3 (first-ec #f (:integers i) (begin (set! seen i)) (if (= i 3)) i))
(test 3 seen)
(test #t (any?-ec (:integers i) (> i 10)))
(test 'none (first-ec 'none (:range i 0) i))
;; errors of the reference implementation
(test-error (list-ec (:range i 0.5 3) i))
(test-error (list-ec (:range i 0 3 0) i))
(test-error (vector-of-length-ec 2 (:range i 3) i))
(test-error (vector-of-length-ec 4 (:range i 3) i))
(test-error (min-ec (:range i 0) i))
