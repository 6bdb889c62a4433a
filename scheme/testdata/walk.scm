;; The one-list loops of map, for-each, filter, fold, find-tail, any and
;; every (scheme/walk.go): the values in order, proc's continuations
;; (r7rs §6.10: an earlier return's list is not changed when a
;; continuation captured in proc is re-entered), escapes, errors,
;; improper tails, procedures of every kind, SRFI-1's tail calls.
(import (scheme base) (chicken base) (chicken condition) (srfi 1) (srfi 18) (tlsport test))

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

(test-group "filter, remove, fold, find, any, every"
  (test '(1 3 5) (filter odd? '(1 2 3 4 5)))
  (test '() (filter odd? '()))
  (test '(2 4) (remove odd? '(1 2 3 4 5)))
  (test "(car) bad argument type in argument 1 (expected pair): 3"
        (condition-case (filter odd? '(1 2 . 3)) (e (exn) (condition/report-string e))))
  (let ((l (list 1 3)))
    (test #f (eq? l (filter odd? l))))
  (test '(1 2) (filter (lambda (x) (values (< x 3) #f)) '(1 2 3))) ; the first value
  (test '(c b a) (fold cons '() '(a b c)))
  (test 6 (fold + 0 '(1 2 3)))
  (test 0 (fold + 0 '()))
  (test 3 (fold + 0 '(1 2 . 3))) ; stops at the improper tail
  (test '(c 3 b 2 a 1) (fold cons* '() '(a b c) '(1 2 3)))
  (test 10 (reduce + 0 '(1 2 3 4)))
  (test 3 (find odd? '(2 3 4)))
  (test #f (find odd? '(2 4)))
  (test '(3 4) (find-tail odd? '(2 3 4)))
  (test 4 (any (lambda (x) (and (> x 3) x)) '(1 4 5)))
  (test #f (any odd? '()))
  (test #f (any odd? '(2 4)))
  (test #t (every odd? '()))
  (test 5 (every (lambda (x) (and (odd? x) x)) '(1 3 5)))
  (test #f (every odd? '(1 2 3)))
  ;; the last call of any and every is a tail call: its values are theirs
  (test '(1 2) (call-with-values (lambda () (any (lambda (x) (values x 2)) '(#f 1))) list))
  (test '(1 2) (call-with-values (lambda () (every (lambda (x) (values x 2)) '(1))) list))
  (test 'done (let loop ((i 0)) (if (= i 100000) 'done (any (lambda (x) (loop (+ i 1))) '(x)))))
  (test 'done (let loop ((i 0)) (if (= i 100000) 'done (every (lambda (x) (loop (+ i 1))) '(x)))))
  ;; continuations re-entered: filter's and fold's earlier results stay
  (let ((k #f) (n 0) (results '()))
    (let ((r (filter (lambda (x) (call/cc (lambda (c) (if (= x 2) (set! k c)) #t))) '(1 2 3))))
      (set! results (cons r results))
      (set! n (+ n 1))
      (if (< n 2) (k #f))
      (test '((1 3) (1 2 3)) results)))
  (let ((k #f) (n 0) (results '()))
    (let ((r (fold (lambda (x acc) (+ acc (call/cc (lambda (c) (if (= x 2) (set! k c)) x)))) 0 '(1 2 3))))
      (set! results (cons r results))
      (set! n (+ n 1))
      (if (< n 2) (k 20))
      (test '(24 6) results)))
  (test 'out (call/cc (lambda (k) (fold (lambda (x acc) (if (= x 2) (k 'out) acc)) 0 '(1 2 3)))))
  (test "boom" (condition-case (find (lambda (x) (error "boom")) '(1))
                 (e (exn) ((condition-property-accessor 'exn 'message) e)))))
