;; Several values where one is expected: csi takes the first (R7RS leaves
;; it unspecified; CHICKEN programs rely on it), and no value is
;; #<unspecified>. Where all the values are wanted (call-with-values,
;; receive, let-values, define-values, a body's last expression, a
;; promise) they are all kept.
(import (scheme base) (scheme lazy) (chicken base) (tlsport test))

(define (two) (values 1 2))
(define (none) (values))
;; the values come back through the trampoline (past 1,024 levels, a
;; call's frame) rather than by direct return
(define (deep-two n) (if (= n 0) (values 7 8) (+ 0 (deep-two (- n 1)))))
(define (deep-let n) (if (= n 0) (values 7 8) (let ((a (deep-let (- n 1)))) a)))

(test-group "the first value where one is expected"
  ;; a primitive's values, as an argument
  (test '(1) (list (values 1 2)))
  (test 3 (+ 1 (values 2 3)))
  (test 4 (let ((x (exact-integer-sqrt 17))) x))
  (test "4" (let ((p (open-output-string))) (display (exact-integer-sqrt 17) p) (get-output-string p)))
  ;; a procedure's values (its body's last expression), by a direct call
  (test '(1) (list (two)))
  (test 2 (+ 1 (two)))
  (test '(1 x) (list (two) 'x))
  ;; bindings, assignments, tests
  (test 1 (let ((a (two))) a))
  (test 1 (let* ((a (two)) (b a)) b))
  (test 1 (letrec ((a (two))) a))
  (test 1 (let () (define a (two)) a))
  (test 1 (let ((a 0)) (set! a (two)) a))
  (test 'no (if (values #f #t) 'yes 'no))
  (test 'yes (if (two) 'yes 'no))
  (test 3 (let () (define (o #!optional (b (values 3 4))) b) (o)))
  ;; through frames
  (test 7 (deep-two 3000))
  (test 7 (deep-let 3000))
  (test '(1) (list (call/cc (lambda (k) (k 1 2)))))
  (test 3 (+ 2 (call/cc (lambda (k) (k 1 2)))))
  ;; no value
  (test 1 (length (list (none))))
  (test 1 (vector-length (vector (values)))))

(define q (floor/ 7 2))
(define-values (qq rr) (floor/ 7 2))

(test-group "all the values where several are wanted"
  (test 3 q)
  (test '(3 1) (list qq rr))
  (test '(1 2) (call-with-values (lambda () (values 1 2)) list))
  (test '(1 2) (call-with-values two list))
  (test '(1 2) (call-with-values (lambda () (two)) list))
  (test '() (call-with-values none list))
  (test '(1 (2 3)) (receive (a . r) (values 1 2 3) (list a r)))
  (test '(1 2 3) (let-values (((a b) (two)) ((c) (values 3))) (list a b c)))
  (test '(1 2 1) (let*-values (((a b) (two)) ((c d) (values a b))) (list a b c)))
  (test '(7 8) (call-with-values (lambda () (let loop ((i 0)) (if (< i 3) (loop (+ i 1)) (values 7 8)))) list))
  (test '(1 2) (call-with-values (lambda () (force (delay (values 1 2)))) list))
  (test '(1 2) (call-with-values (lambda () (dynamic-wind (lambda () #f) two (lambda () #f))) list))
  (test '(1 2) (call-with-values (lambda () (guard (e (#t 0)) (two))) list))
  (test '(3 4) (call-with-values (lambda () (guard (e (#t (values 3 4))) (raise 'x))) list))
  (test '(1 2) (call-with-values (lambda () (apply values '(1 2))) list))
  (test '(1 2) (call-with-values (lambda () (cond ((two) => (lambda (x) (values x 2))))) list))
  (test '(7 8) (call-with-values (lambda () (let ((a 1)) (begin (two) (values 7 8)))) list)))

(test-group "forms in argument position"
  (test '(1 4 1 1) (list (if #t (two) 3) (if #f 3 (values 4 5)) (let () (two)) (begin 0 (two)))))
