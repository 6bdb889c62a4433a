;; CHICKEN conveniences: (chicken format), (chicken base), (chicken io).
(import (scheme base) (chicken format) (chicken base) (tlsport test))

(test-group "format"
  (test "a 1 \"s\" #\\x\n~" (format #f "a ~a ~s ~s~%~~" 1 "s" #\x))
  (test "A B" (format #f "~A ~S" 'A 'B))
  (test "x\ny" (format #f "x~ny"))
  (test "hello world" (format "hello ~a" "world"))   ; SRFI-28: no destination
  (test "ff 777 101 10 z" (format #f "~x ~o ~b ~d ~c" 255 511 5 10 #\z))
  (test "<1 2>" (format #f "<~?>" "~a ~a" '(1 2)))
  (test "to stdout 3\n" (with-output-to-string (lambda () (format #t "to stdout ~a~%" 3))))
  (test "port (1 2)" (let ((p (open-output-string))) (format p "port ~s" '(1 2)) (get-output-string p)))
  (test-error (format #f "~a ~a" 1))
  ;; csi: extra args are ignored (the manual says so), a final ~ is itself,
  ;; ~ before whitespace skips all of it: "1" "x~" "ab" "ab"
  (test "1" (format #f "~a" 1 2))
  (test "x~" (format #f "x~"))
  (test "ab" (format #f "a~\n\n  b"))
  (test "ab" (format #f "a~ \t b"))
  (test-error (format #f "~q" 1))
  (test-error (format 42 "x")))

(test-group "printf"
  (test "n=5\n" (with-output-to-string (lambda () (printf "n=~a~%" 5))))
  (test "[\"q\"]" (let ((p (open-output-string))) (fprintf p "[~s]" "q") (get-output-string p)))
  (test "1+1=2" (sprintf "~a+~a=~a" 1 1 2))
  (test "line\n" (with-output-to-string (lambda () (write-line "line"))))
  (test "x\n" (let ((p (open-output-string))) (write-line "x" p) (get-output-string p)))
  (test "ab1" (with-output-to-string (lambda () (print* "a" 'b 1))))
  (test "ab1\n" (with-output-to-string (lambda () (print "a" 'b 1)))))

(test-group "combinators"
  (test 7 (identity 7))
  (test 3 ((constantly 3) 1 2))
  (test '(1 2) (call-with-values (lambda () ((constantly 1 2))) list))
  (test #t ((complement even?) 3))
  (test #f ((complement even?) 2))
  (test 7 ((compose (lambda (x) (+ x 1)) (lambda (x) (* x 2))) 3))
  (test 3 ((compose + values) 1 2))
  (test 5 ((compose) 5))
  (test 4 ((o car cdr) '(1 4 5)))
  (test #t ((conjoin number? positive?) 2))
  (test #f ((conjoin number? positive?) -2))
  (test 'yes ((disjoin (lambda (x) #f) (lambda (x) 'yes)) 0))
  (test 3 ((each (lambda (x) 1) (lambda (x) (+ x 2))) 1))
  (test #t ((list-of? symbol?) '(a b)))
  (test #f ((list-of? symbol?) '(a 1)))
  (test #f ((list-of? symbol?) 'a)))

(test-group "lists"
  (test '(1 2 3 4 5) (flatten '(1 (2 (3 4)) 5)))
  ;; csi: only proper lists are descended into; a pair of an improper list stays whole
  (test '((a . b) c (d . e)) (flatten '((a . b) (c (d . e))))) (test '((1 . 2) 3) (flatten '(1 . 2) '(3)))
  (test '(x) (flatten 'x)) (test '(1 (2 . 3) 4 5) (flatten '(1 (2 . 3) (4 (5))))) (test '() (flatten))
  (test '(1 2) (butlast '(1 2 3)))
  (test '() (butlast '(1)))
  (test-error (butlast '()))
  (test '(1 x 2 x 3) (intersperse '(1 2 3) 'x))
  (test '() (intersperse '() 'x))
  (test '((1 2) (3 4) (5)) (chop '(1 2 3 4 5) 2))
  (test '(1 2 0 3) (join '((1 2) (3)) '(0)))
  (test '(1 2 3) (join '((1) (2) (3))))
  (test #t (atom? 'a))
  (test #f (atom? '(a)))
  (test #t (let ((l '(1 2 3))) (tail? (cddr l) l)))
  (test #f (tail? '(3) '(1 2 3))))

(test-group "alists"
  (define al (list (cons 'a 1) (cons 'b 2)))
  (test 2 (alist-ref 'b al))
  (test #f (alist-ref 'c al))
  (test 'none (alist-ref 'c al eq? 'none))
  (test 1 (alist-ref "a" '(("a" . 1)) equal?))
  (test '((a . 1) (b . 20)) (alist-update! 'b 20 al))
  (test 20 (alist-ref 'b al))
  (test '((c . 3) (a . 1) (b . 20)) (alist-update! 'c 3 al))
  (test '((a . 9) (b . 20)) (alist-update 'a 9 al))
  (test 1 (alist-ref 'a al))
  (test '(b . 20) (rassoc 20 al))
  (test #f (rassoc 99 al)))

(test-group "string-pad"
  (test "   ab" (string-pad "ab" 5))
  (test "00042" (string-pad "42" 5 #\0))
  (test "cd" (string-pad "abcd" 2))
  (test "ab   " (string-pad-right "ab" 5))
  (test "ab" (string-pad-right "abcd" 2)))
(test-group "equal? on records (CHICKEN: all structured data, recursively)"
  (define-record-type node (make-node v next) node? (v node-v) (next node-next set-node-next!))
  (test #t (equal? (make-node 1 '(a "b")) (make-node 1 (list 'a "b"))))
  (test #f (equal? (make-node 1 2) (make-node 1 3)))
  (test #f (eqv? (make-node 1 2) (make-node 1 2)))
  ;; circular records: equal? terminates (csi reports an error here)
  (let ((p (make-node 1 #f)) (q (make-node 1 #f)))
    (set-node-next! p p) (set-node-next! q q)
    (test #t (equal? p q))))

;; set! of a variable never defined creates its top-level binding
;; (CHICKEN manual, deviations from the standard).
(test 6 (let ((frob 5)) (set! frov-never-defined (+ frob 1)) frov-never-defined))
(test 6 frov-never-defined)
