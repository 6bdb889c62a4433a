;; receive, let-values, let*-values and define-values bind the values of
;; their expression without call-with-values's closures (receiveNode):
;; the same results, in a library's body and in a program, and the names
;; stay ordinary keywords a program may rebind. (receive_test.go gives
;; every form every producer and formals.)
(import (scheme base) (chicken base) (tlsport test))

(define-library (lv values-lib)
  (export lib-q lib-r lib-split)
  (import (scheme base))
  (begin
    (define-values (lib-q lib-r) (floor/ 17 5))
    (define (lib-split x)
      (define-values (a b) (values (car x) (cdr x)))
      (let-values (((c d) (values b a))) (list c d)))))
(import (lv values-lib))

(test-group "in a library"
  (test '(3 2) (list lib-q lib-r))
  (test '((2) 1) (lib-split '(1 2))))

(define (two) (values 1 2))

(test-group "nested and sequential"
  (test '(1 2 1 2) (receive (a b) (two) (receive (c d) (values a b) (list a b c d))))
  (test '(2 1 3) (let*-values (((a b) (two)) ((b a) (values a b)) ((c) (+ a b))) (list a b c)))
  (test 6 (let loop ((i 0) (acc 0))
            (if (= i 3) acc (let-values (((a b) (two))) (loop (+ i 1) (+ acc a (- b a))))))))

(test-group "the irritant of the wrong number of values is the consumer"
  (define (irritant-called thunk . args)
    (guard (e ((error-object? e) (apply (car (error-object-irritants e)) args))) (thunk)))
  (test '(5 6) (irritant-called (lambda () (receive (a b) (values 1 2 3) (list a b))) 5 6))
  (test '(5 6 4) (irritant-called (lambda () (let ((x 4)) (let-values (((a b) (values 1 2 3))) (list a b x)))) 5 6))
  (test '(5 6 4) (irritant-called (lambda () (let ((x 4)) (call-with-values (lambda () 1) (lambda (a b) (list a b x))))) 5 6))
  (test-error (irritant-called (lambda () (receive (a b) 1 a)) 5)))

(test-group "a generator re-entered through its continuation"
  (define (make-gen lst)
    (define caller #f)
    (define (walk)
      (for-each (lambda (x) (call/cc (lambda (k) (set! walk (lambda () (k #f))) (caller x (* x x))))) lst)
      (caller 'done 'done))
    (lambda () (call/cc (lambda (c) (set! caller c) (walk)))))
  (define g (make-gen '(1 2 3)))
  (define (take)
    (let loop ((acc '()))
      (receive (x sq) (g)
        (if (eq? x 'done) (reverse acc) (loop (cons (list x sq) acc))))))
  (test '((1 1) (2 4) (3 9)) (take)))

(test-group "the names rebound"
  (test 2 (let ((receive (lambda (x) (+ x 1)))) (receive 1)))
  (test '(mine 1) (let-syntax ((let-values (syntax-rules () ((_ x) (list 'mine x))))) (let-values 1)))
  (define (f let*-values) (let*-values 5))
  (test 6 (f (lambda (x) (+ x 1)))))

(test-group "CHICKEN's (receive expr)"
  ;; csi: (1 2) () (x)
  (test '(1 2) (receive (values 1 2)))
  (test '() (receive (values)))
  (test '(x) (receive 'x))
  (test '(1 2) (let ((list vector)) (receive (values 1 2)))))

;; a program's own receive: let-values and define-values still bind
(define-syntax receive (syntax-rules () ((_ x) (list 'shadowed x))))
(test-group "receive redefined by the program"
  (test '(shadowed 1) (receive 1))
  (test '(1 2) (let-values (((a b) (two))) (list a b)))
  (test '(1 2) (let () (define-values (a b) (two)) (list a b))))

