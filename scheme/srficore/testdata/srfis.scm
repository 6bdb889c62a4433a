;; SRFIs 8, 9, 11, 16, 23, 28, 31, 39, 87 and 98: the documents' examples, each
;; imported in every spelling.
(import (scheme base) (tlsport test))
(import srfi-8 (srfi 9) (srfi :11) (srfi 16) srfi-23 (srfi 28) (srfi :31 rec) (srfi :39 parameters) (srfi :87 case) (srfi 98))
(test-group "receive (srfi 8)"
  (test '(1 2) (receive (a b) (values 1 2) (list a b)))
  (test '(1 2 3) (receive all (values 1 2 3) all))
  (test '(1 (2 3)) (receive (a . rest) (values 1 2 3) (list a rest)))
  (test '() (receive all (values) all)))
(test-group "define-record-type (srfi 9)"
  (define-record-type pare (kons x y) pare? (x kar set-kar!) (y kdr))
  (test #t (pare? (kons 1 2))) (test #f (pare? (cons 1 2))) (test 1 (kar (kons 1 2))) (test 2 (kdr (kons 1 2)))
  (test 3 (let ((k (kons 1 2))) (set-kar! k 3) (kar k)))
  (define-record-type other (make-other x) other? (x other-x))
  (test #f (pare? (make-other 1))) (test #f (other? (kons 1 2))) (test #f (vector? (kons 1 2))))
(test-group "let-values (srfi 11)"
  (test '(1 2 (3 4)) (let-values (((a b . c) (values 1 2 3 4))) (list a b c)))
  (test '(x y a b) (let ((a 'a) (b 'b) (x 'x) (y 'y)) (let-values (((a b) (values x y)) ((x y) (values a b))) (list a b x y))))
  (test '(x y x y) (let ((a 'a) (b 'b) (x 'x) (y 'y)) (let*-values (((a b) (values x y)) ((x y) (values a b))) (list a b x y)))))
(test-group "case-lambda (srfi 16)"
  (define plus (case-lambda (() 0) ((x) x) ((x y) (+ x y)) ((x y z) (+ (+ x y) z)) (args (apply + args))))
  (test 0 (plus)) (test 1 (plus 1)) (test 6 (plus 1 2 3)) (test 15 (plus 1 2 3 4 5))
  (test-error ((case-lambda ((a) a) ((a b) (* a b))) 1 2 3)))
(test-group "error (srfi 23)"
  (test-error (error "reason"))
  (test '("reason" (1 two)) (guard (e (#t (list (error-object-message e) (error-object-irritants e)))) (error "reason" 1 'two)))
  (test "reason" (guard (e (#t (error-object-message e))) (apply error '("reason" 1)))))
(test-group "format (srfi 28)"
  (test "Hello, World!" (format "Hello, ~a" "World!"))
  (test "Error, list is too short: (one \"two\" 3)\n" (format "Error, list is too short: ~s~%" '(one "two" 3)))
  (test "~" (format "~~")) (test "a\nb" (format "a~%b")) (test "x" (format "~a" 'x)) (test "\"x\"" (format "~s" "x"))
  (test-error (format "~a")))
(test-group "parameters (srfi 39)"
  (define radix (make-parameter 10))
  (define write-shared (make-parameter #f (lambda (x) (if (boolean? x) x (error "only booleans are accepted by write-shared")))))
  (test 10 (radix)) (radix 2) (test 2 (radix))
  (test-error (write-shared 0))
  (define prompt (make-parameter 123 (lambda (x) (if (string? x) x (with-output-to-string (lambda () (write x)))))))
  (test "123" (prompt)) (prompt ">") (test ">" (prompt))
  (test 2 (radix)) (test 16 (parameterize ((radix 16)) (radix))) (test 2 (radix))
  (define (f n) (number->string n (radix)))
  (test "1010" (f 10)) (test "12" (parameterize ((radix 8)) (f 10)))
  (test "1010" (parameterize ((radix 8) (prompt (f 10))) (prompt))))
(test-group "rec (srfi 31)"
  ;; the document's examples
  (test 120 ((rec (f n) (if (zero? n) 1 (* n (f (- n 1))))) 5))
  (define s (rec s (cons 1 (delay s))))
  (test #t (eq? s (force (cdr s))))
  (test '(1 2 3) (map (rec (sq x) x) '(1 2 3))))
(test-group "environment variables (srfi 98)"
  (test "taro" (get-environment-variable "SRFI98_TEST")) (test #f (get-environment-variable "SRFI98_UNSET"))
  (test '("SRFI98_TEST" . "taro") (assoc "SRFI98_TEST" (get-environment-variables)))
  (test #t (every (lambda (p) (and (string? (car p)) (string? (cdr p)))) (get-environment-variables))))
(test-group "features"
  (define provided '(1 2 4 8 9 11 13 14 16 18 19 23 26 27 28 31 39 69 98 111 130 133))
  (test provided (filter (lambda (n) (memq (string->symbol (string-append "srfi-" (number->string n))) (features))) provided))
  (test 'yes (cond-expand ((and srfi-1 srfi-13 srfi-14 srfi-69 srfi-130 srfi-133) 'yes) (else 'no)))
  (test #t (cond-expand ((library (srfi 19)) #t) (else #f))))
(test-group "case with => (srfi 87)"
  (test 10 (case 5 ((5) => (lambda (x) (* x 2))) (else 0)))
  (test '(7) (case 7 ((1 2) 'small) (else => list)))
  (test 'small (case 2 ((1 2) 'small) (else => list))))
