;; map and for-each over one list (%map1, %for-each1 in scheme/walk.go):
;; the values in order, proc's continuations (r7rs §6.10: an earlier
;; return's list is not changed when a continuation captured in proc is
;; re-entered), escapes, errors, improper tails, procedures of every kind.
(import (scheme base) (chicken base) (chicken condition) (srfi 18) (tlsport test))

(test-group "values"
  (test '() (map car '()))
  (test '(2 3 4) (map (lambda (x) (+ x 1)) '(1 2 3)))
  (test '(1 3) (map car '((1 2) (3 4))))
  (test '(1 2) (map (lambda (x) (values x 'more)) '(1 2))) ; the first value
  ;; it stops at the first tail that is not a pair, as csi does
  (test '(2 3) (map (lambda (x) (+ x 1)) '(1 2 . 3)))
  (test '() (map car 'not-a-list))
  (test '(#t #f) (map (case-lambda ((x) (number? x))) '(1 a)))
  (test '((1) (2)) (map list '(1 2)))
  (test '(1 2) (map values '(1 2)))
  (test '((a . 1) (b . 1)) (map (lambda args (cons (car args) (length args))) '(a b))) ; a rest list
  ;; several lists: the shortest
  (test '(5 7) (map + '(1 2 3) '(4 5)))
  (let ((l (list 1 2 3)))
    (test #f (eq? l (map (lambda (x) x) l))))
  (let* ((big (iota 100000)) (m (map (lambda (x) (* 2 x)) big)))
    (test 100000 (length m))
    (test 199998 (list-ref m 99999))))

(test-group "for-each"
  (let ((acc '()))
    (for-each (lambda (x) (set! acc (cons x acc))) '(1 2 3))
    (test '(3 2 1) acc))
  (let ((n 0))
    (for-each (lambda (x) (set! n (+ n x))) '(1 2 . 3))
    (test 3 n))
  (test #t (begin (for-each car '()) #t))
  (let ((n 0))
    (for-each (lambda (x) (set! n (+ n 1))) (iota 100000))
    (test 100000 n)))

(test-group "continuations"
  ;; re-entered from proc: each return's list stays as it was
  (let ((k #f) (n 0) (results '()))
    (let ((r (map (lambda (x) (call/cc (lambda (c) (if (= x 2) (set! k c)) x))) '(1 2 3))))
      (set! results (cons r results))
      (set! n (+ n 1))
      (if (< n 3) (k (* n 10)))
      (test '((1 20 3) (1 10 3) (1 2 3)) results)))
  ;; the same through for-each: the elements after the re-entered one again
  (let ((k #f) (seen '()))
    (for-each (lambda (x) (call/cc (lambda (c) (if (and (= x 2) (not k)) (set! k c)))) (set! seen (cons x seen))) '(1 2 3))
    (if (< (length seen) 5) (k #f))
    (test '(3 2 3 2 1) seen))
  ;; an escape
  (test 'out (call/cc (lambda (k) (map (lambda (x) (if (= x 2) (k 'out) x)) '(1 2 3)))))
  (test 'out (call/cc (lambda (k) (for-each (lambda (x) (if (= x 2) (k 'out))) '(1 2 3)))))
  ;; a continuation captured inside and used inside (a loop through map)
  (test '(0 1 2) (map (lambda (x) (let ((i 0) (k #f)) (call/cc (lambda (c) (set! k c))) (if (< i x) (begin (set! i (+ i 1)) (k #f)) i))) '(0 1 2)))
  ;; a thread switch in proc
  (test '(1 2 3) (map (lambda (x) (thread-yield!) x) '(1 2 3))))

(test-group "errors"
  (test "boom" (condition-case (map (lambda (x) (if (= x 2) (error "boom" x) x)) '(1 2 3))
                 (e (exn) ((condition-property-accessor 'exn 'message) e))))
  (test-error (map 'not-a-procedure '(1)))
  (test '() (map 'not-a-procedure '())) ; not called
  (test-error (map (lambda (x y) x) '(1)))
  ;; a continuable raise answered by the handler
  (test '(10 20) (with-exception-handler (lambda (e) (* e 10))
                   (lambda () (map (lambda (x) (raise-continuable x)) '(1 2))))))
