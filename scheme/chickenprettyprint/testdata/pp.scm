;; (chicken pretty-print), from the CHICKEN 5 manual page.
(import (chicken pretty-print) (chicken port) (chicken string) (tlsport test))
(define (pp->string x) (with-output-to-string (lambda () (pp x))))
(define (max-width s) (apply max (map string-length (string-split s "\n"))))
(test-group "short data print as write does, with a newline"
  (test "(a b \"c\" #\\d 1.5)\n" (pp->string '(a b "c" #\d 1.5)))
  (test "#(1 2)\n" (with-output-to-string (lambda () (pretty-print #(1 2)))))
  (test "'x\n" (pp->string ''x))
  (test "abc\n" (call-with-output-string (lambda (p) (pp 'abc p)))))
(define big '(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))) (display "a rather long string to force wrapping here") (newline)))
(test-group "long data wrap within pretty-print-width"
  (test 79 (pretty-print-width))
  (let ((s (pp->string big)))
    (test #t (<= (max-width s) 79))
    (test #t (> (length (string-split s "\n")) 1))
    (test big (with-input-from-string s read))
    (test "(define (fact n)" (car (string-split s "\n"))))
  (parameterize ((pretty-print-width 30))
    (let ((s (pp->string big)))
      (test #t (> (length (string-split s "\n")) 3))
      (test big (with-input-from-string s read))))
  (let ((l (let loop ((i 0) (acc '())) (if (= i 40) acc (loop (+ i 1) (cons i acc))))))
    (test l (with-input-from-string (pp->string l) read))
    (test #t (<= (max-width (pp->string l)) 79)))
  (test-error (pretty-print-width 0)))
(test-group "records print through their record printers (set-record-printer!)"
  (define-record-type point (make-point x y) point? (x point-x) (y point-y))
  (set-record-printer! point (lambda (p port) (display "#<point " port) (write (point-x p) port) (display ">" port)))
  (test "(#<point 1> a)\n" (pp->string (list (make-point 1 2) 'a)))
  (parameterize ((pretty-print-width 12))
    (test "(#<point 1>\n #<point 2>\n #<point 3>\n #<point 4>\n #<point 5>)\n"
          (pp->string (map (lambda (i) (make-point i 0)) '(1 2 3 4 5)))))
  (set-record-printer! point (lambda (p port) (error "printer failed")))
  (test-error (pp->string (make-point 1 2))))
(test-group "quote forms abbreviate inside data as CHICKEN's pp does; cycles still print"
  (test "(a `(b ,c ,@d) (e quote f) #('g))\n" (pp->string '(a `(b ,c ,@d) (e . 'f) #('g))))
  (test "(quote a b)\n" (pp->string '(quote a b)))
  (let ((c (list 1 2)))
    (set-cdr! (cdr c) c)
    (test "#0=(1 2 . #0#)\n" (pp->string c))))
(test-group "the layout is CHICKEN's (generic-write), as csi prints it"
  (define code '(define (process-request request)
                  (let* ((method (request-method request)) (path (request-path request)) (handler (lookup-handler method path)))
                    (cond ((not handler) (respond 404 "Not Found")) ((eq? method 'POST) (handler (read-body request))) (else (handler '()))))))
  (test "(define (process-request request)\n  (let* ((method (request-method request))\n         (path (request-path request))\n         (handler (lookup-handler method path)))\n    (cond ((not handler) (respond 404 \"Not Found\"))\n          ((eq? method 'POST) (handler (read-body request)))\n          (else (handler '())))))\n"
        (pp->string code))
  (parameterize ((pretty-print-width 30))
    (test "(do ((i 0 (+ i 1)) (acc '() (cons i acc)))\n    ((= i 5) acc)\n  (display i)\n  (newline))\n"
          (pp->string '(do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 5) acc) (display i) (newline))))
    (test "(case x\n  ((1 2 3) 'small)\n  ((4 5 6) 'medium)\n  (else 'large))\n" (pp->string '(case x ((1 2 3) 'small) ((4 5 6) 'medium) (else 'large))))
    (test "(verylongname\n  argument-one\n  argument-two\n  argument-three)\n" (pp->string '(verylongname argument-one argument-two argument-three)))
    (test "(and (pair? x)\n     (symbol? (car x))\n     (null? (cdr x))\n     (eq? (car x) 'quote))\n" (pp->string '(and (pair? x) (symbol? (car x)) (null? (cdr x)) (eq? (car x) 'quote))))
    (test "(define-record-type\n  point\n  (make-point x y)\n  point?\n  (x point-x)\n  (y point-y set-point-y!))\n"
          (pp->string '(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))))))
