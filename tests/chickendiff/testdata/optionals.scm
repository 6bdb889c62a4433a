;; Optional and keyword arguments: #!optional, #!key, #!rest, let-optionals,
;; optional, case-lambda, keywords.
(import (chicken base) (chicken keyword) (chicken format) (chicken string))

(define (greet name #!optional (greeting "Hello") punct)
  (string-append greeting ", " name (or punct "!")))
(print (greet "Ann"))
(print (greet "Ann" "Hi"))
(print (greet "Ann" "Hi" "?"))

(define (connect host #!key (port 443) (timeout 30) verbose)
  (list host port timeout verbose))
(print (connect "example.org"))
(print (connect "example.org" port: 8443))
(print (connect "example.org" timeout: 5 verbose: #t))
(print (connect "example.org" #:port 25))

(define (log-msg level #!rest parts)
  (printf "[~a] ~a~%" level (apply string-append (map ->string parts))))
(log-msg 'info "started " 3 " workers")
(log-msg 'warn)

(define (range . args)
  (let-optionals args ((start 0) (end 10) (step 1))
    (let loop ((i start) (acc '()))
      (if (>= i end) (reverse acc) (loop (+ i step) (cons i acc))))))
(print (range))
(print (range 5))
(print (range 2 8))
(print (range 0 20 5))

(define (opt-test . rest) (optional rest 'default))
(print (opt-test) " " (opt-test 'given))

(define area
  (case-lambda
    ((r) (* 3 r r))
    ((w h) (* w h))
    ((a b c) (let ((s (/ (+ a b c) 2))) (* s (- s a) (- s b) (- s c))))))
(print "case-lambda: " (area 2) " " (area 3 4) " " (area 3 4 5))

(print "keyword?: " (keyword? foo:) " " (keyword? 'foo) " " (keyword? #:bar))
(print "keyword->string: " (keyword->string foo:))
(print "string->keyword: " (string->keyword "baz"))
(write (list foo: #:bar (string->keyword "qux"))) (newline)
(print "get-keyword: " (get-keyword size: '(color: red size: 10)) " "
       (get-keyword missing: '(color: red) (lambda () 'none)))
(define (make-window #!key (width 80) (height 24) (title "untitled"))
  (sprintf "~ax~a ~s" width height title))
(print (make-window))
(print (make-window title: "main" width: 120))
(define (mixed a #!optional b #!key c)
  (list a b c))
(print (mixed 1))
(print (mixed 1 2))
(print (mixed 1 2 c: 3))
(define (opts #!optional (x (* 2 21))) x)
(print "default expr: " (opts) " " (opts 7))
(let-optionals* '(1) ((a 10) (b (+ a 1)))
  (print "let-optionals*: " a " " b))
