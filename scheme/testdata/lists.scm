;; R7RS 6.4 pairs and lists.
(import (scheme base) (scheme cxr) (tlsport test))
(test #t (pair? '(a . b))) (test #f (pair? '())) (test '(a) (cons 'a '())) (test '((a) b c d) (cons '(a) '(b c d)))
(test 'a (car '(a b c))) (test '(b c d) (cdr '(a b c d))) (test-error (car '()))
(test 'c (caddr '(a b c))) (test 'd (cadddr '(a b c d)))
(test '(1 . 3) (let ((p (cons 1 2))) (set-cdr! p 3) p))
(test #t (list? '(a b c))) (test #t (list? '())) (test #f (list? '(a . b)))
(test #f (let ((x (list 'a))) (set-cdr! x x) (list? x)))
(test '(3 3) (make-list 2 3)) (test '(a 7 c) (list 'a (+ 3 4) 'c)) (test 3 (length '(a (b) (c d e))))
(test-error (length '(1 . 2)))
(test '(x y) (append '(x) '(y))) (test '(a b c d) (append '(a) '(b c d))) (test '(a b c . d) (append '(a b) '(c . d)))
(test 'a (append '() 'a)) (test '() (append))
(test '(c b a) (reverse '(a b c))) (test '((e (f)) d (b c) a) (reverse '(a (b c) d (e (f)))))
(test '(c d) (list-tail '(a b c d) 2)) (test 'c (list-ref '(a b c d) 2))
(test '(one two three) (let ((ls (list 'one 'two 'five!))) (list-set! ls 2 'three) ls))
(test '(a b c) (memq 'a '(a b c))) (test #f (memq 'a '(b c d))) (test '((a) c) (member (list 'a) '(b (a) c)))
(test '("b" "c") (member "B" '("a" "b" "c") string-ci=?)) (test '(101 102) (memv 101 '(100 101 102)))
(test '(a 1) (assq 'a '((a 1) (b 2)))) (test #f (assq 'd '((a 1) (b 2))))
(test '((a)) (assoc (list 'a) '(((a)) ((b)) ((c))))) (test '(2 4) (assoc 2.0 '((1 1) (2 4) (3 9)) =))
(test '(5 7) (assv 5 '((2 3) (5 7) (11 13))))
(test '(1 2 3) (list-copy '(1 2 3))) (test '(1 . 2) (list-copy '(1 . 2)))
(test '(b e h) (map cadr '((a b) (d e) (g h)))) (test '(5 7 9) (map + '(1 2 3) '(4 5 6 7)))
(test #(0 1 4 9 16) (let ((v (make-vector 5))) (for-each (lambda (i) (vector-set! v i (* i i))) '(0 1 2 3 4)) v))

;; memv and assv: fixnum keys against mixed lists; other numbers by eqv?
(test '(2000 x) (memv 2000 '(1.5 "a" 2000.0 2000 x)))
(test #f (memv 2000 '(2000.0 #\a)))
(test '(3.5 y) (memv 3.5 '(3 3.5 y)))
(test '(100000000000000000000 z) (memv 100000000000000000000 '(1 100000000000000000000 z)))
(test '(7 . b) (assv 7 '((7.0 . a) (7 . b))))
(test #f (assv 7 '((7.0 . a) ("7" . b))))
(test '(1/2 . h) (assv 1/2 '((1 . g) (1/2 . h))))
;; memq, assq, and memv and assv of a key that eqv? compares as eq? do
;; (findEq): fixnums by value (also boxed ones, above 1023, made at run
;; time), characters, symbols, booleans, the empty list, a pair by
;; identity; a list ending in a non-pair ends the search
(define (big k) (+ 1000000 k))
(test (list (big 2) 'b) (memq (big 2) (list (big 1) (big 2) 'b)))
(test (cons (big 2) 'y) (assq (big 2) (list (cons (big 1) 'x) (cons (big 2) 'y))))
(test (cons (big 3) 'w) (assv (big 3) (list (cons 1000003.0 'v) (cons (big 3) 'w))))
(test '(#\b c) (memv #\b '(#\a #\b c))) (test '(#\b . 2) (assq #\b '((#\a . 1) (#\b . 2))))
(test '(#f 1) (memq #f '(#t #f 1))) (test '(() . e) (assv '() '((a . 1) (() . e))))
(test '(c) (memv 'c '(a b c))) (test #f (assq 'z '((a . 1) (b . 2))))
(define shared (list 1 2))
(test (list shared 'x) (memq shared (list (list 1 2) shared 'x)))
(test (cons shared 'y) (assq shared (list (cons (list 1 2) 'n) (cons shared 'y))))
;; a list that ends in neither () nor the key is an error (R7RS §6.4 "it is
;; an error" if the argument is not a list), as csi, guile --r7rs and Chez
;; signal, not #f
(test-error (memq 'z '(a b . c))) (test-error (assv 5 '((1 . 2) . 3))) (test-error (memv 5 5))
(test-error (memq 'a 5)) (test-error (assq 'a 5)) (test-error (assoc 1 5)) (test-error (member 1.5 '(2 . 3)))
(test-error (member 1 '(2 . 3) =)) (test-error (assq 10 '((1 . 2) . 3))) (test-error (assoc 'k '((a . 1) . 3) eq?))
(test '(b . c) (memq 'b '(b . c))) (test '(b . 1) (assq 'b '((b . 1) . 5)))
(test "(memq) bad argument type in argument 2 (expected list): (a b . c)"
  (guard (e (#t (condition/report-string e))) (memq 'z '(a b . c))))
(test #f (memq 1 '(1.0 1/1000000000000000000000)))
;; memv and assv of a flonum by eqv?: NaN finds NaN
(test '(+nan.0) (memv +nan.0 '(1.0 +nan.0))) (test '(+nan.0 . n) (assv +nan.0 '((0.0 . p) (+nan.0 . n))))
;; an entry that is not a pair: the type error, in assq and in assv of a fixnum
(test "(assq) bad argument type in argument 2 (expected association list): ((a . 1) b)"
  (guard (e (#t (condition/report-string e))) (assq 'c '((a . 1) b))))
(test "(assv) bad argument type in argument 2 (expected association list): ((1 . 1) 2)"
  (guard (e (#t (condition/report-string e))) (assv 3 '((1 . 1) 2))))
(test '(a . 1) (assq 'a '((a . 1) b)))
;; member and assoc by equal? of a string key (compared as strings only),
;; and of keys for which equal? is eqv? (numbers, symbols, characters)
(define skeys (list "key-1" "key-10" "kéy-2" (string #\k #\e #\y #\- #\λ) 'key-1 10))
(test '("key-10" "kéy-2" "key-λ" key-1 10) (member (string-copy "key-10") skeys))
(test #f (member "key-" skeys)) (test #f (member "key-100" skeys)) (test #f (member "key-2" skeys))
(test '("kéy-2" "key-λ" key-1 10) (member (string #\k #\é #\y #\- #\2) skeys))
(test '("key-λ" key-1 10) (member "key-λ" skeys)) (test #f (member "key-μ" skeys))
(test '(key-1 10) (member 'key-1 skeys)) (test '(10) (member 10 skeys)) (test #f (member 10.0 skeys))
(test #f (member "a" '(a #\a 97 ("a") #("a"))))
(test '("b" . 2) (assoc (string-copy "b") '((a . 0) ("a" . 1) ("b" . 2))))
(test '("λ" . 3) (assoc (string #\λ) '(("l" . 1) (#\λ . 2) ("λ" . 3))))
(test #f (assoc "ab" '(("a" . 1) ("abc" . 2) ("aB" . 3))))
(test '(2.0 . b) (assoc 2.0 '((2 . a) (2.0 . b)))) (test '(#\x . 1) (assoc #\x '((x . 0) (#\x . 1))))
(test '(100000000000000000000 . z) (assoc 100000000000000000000 '((1 . a) (100000000000000000000 . z))))
(test "(assoc) bad argument type in argument 2 (expected association list): ((\"a\" . 1) \"b\")"
  (guard (e (#t (condition/report-string e))) (assoc "b" '(("a" . 1) "b"))))
(test-error (member "z" '("a" "b" . "z")))
