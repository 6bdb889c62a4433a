;; A traffic-light controller: a state machine driven
;; by case and assq tables, syntax-rules macros for the transition table
;; and for loops, parameters with converters, promises, fluid-let, and
;; continuations escaping and re-entering.
(import (chicken base) (chicken format) (chicken string) (chicken condition))

(define-syntax define-machine
  (syntax-rules (->)
    ((_ name (state event -> next action) ...)
     (define (name s e)
       (cond ((and (eq? s 'state) (eq? e 'event)) (action) 'next) ...
             (else (error 'name "no transition" s e)))))))

(define trace '())
(define (say . xs) (set! trace (cons (apply conc xs) trace)))

(define-machine light
  (red    timer  -> green  (lambda () (say "go")))
  (green  timer  -> yellow (lambda () (say "slow down")))
  (yellow timer  -> red    (lambda () (say "stop")))
  (red    emergency -> red (lambda () (say "hold red")))
  (green  emergency -> red (lambda () (say "emergency stop")))
  (yellow emergency -> red (lambda () (say "emergency stop"))))

(define (run-machine events)
  (let loop ((s 'red) (es events) (path '(red)))
    (if (null? es)
        (reverse path)
        (let ((next (light s (car es))))
          (loop next (cdr es) (cons next path))))))

(print (run-machine '(timer timer emergency timer timer timer)))
(for-each print (reverse trace))
(print (handle-exceptions e
           (list 'refused (get-condition-property e 'exn 'arguments))
         (light 'blue 'timer)))

;; parameters, converters, parameterize, fluid-let
(define indent (make-parameter 0 (lambda (x) (if (and (integer? x) (>= x 0)) x (error "bad indent" x)))))
(define (line . xs) (apply conc (make-string (indent) #\space) xs))
(print (line "top"))
(parameterize ((indent 4)) (print (line "nested")) (parameterize ((indent (+ (indent) 2))) (print (line "deeper"))))
(print (line "back") " " (indent))
(print (condition-case (parameterize ((indent -1)) 'no) (e (exn) ((condition-property-accessor 'exn 'message) e))))
(define depth 0)
(define (show-depth) depth)
(print (fluid-let ((depth 10)) (show-depth)) " " depth)
(define count 0)
(define p (delay (begin (set! count (+ count 1)) (* 6 7))))
(print (promise? p) " " (force p) " " (force p) " count=" count)
(define s (make-promise 5))
(print (force s) " " (force 9) " " (promise? s))
(define (stream-from n) (cons n (delay (stream-from (+ n 1)))))
(define (stream-take s k) (if (= k 0) '() (cons (car s) (stream-take (force (cdr s)) (- k 1)))))
(print (stream-take (stream-from 10) 5))
(define-syntax while
  (syntax-rules () ((_ c body ...) (let lp () (when c body ... (lp))))))
(define i 0)
(while (< i 5) (set! i (+ i 1)))
(print "i=" i)
(define-syntax swap! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define x 1) (define y 2) (swap! x y) (print x y)
(define-syntax my-or (syntax-rules () ((_) #f) ((_ e) e) ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
(define t 5)
(print (my-or #f t))
(receive (q r) (quotient&remainder 17 5) (print q " " r))
(define (quotient&remainder a b) (values (quotient a b) (remainder a b)))
(let*-values (((a b) (values 1 2)) ((c) (values (+ a b)))) (print (list a b c)))
(print (call-with-current-continuation (lambda (k) (dynamic-wind (lambda () (display "[in]")) (lambda () (k 'escaped)) (lambda () (display "[out]"))))))
(define k2 #f)
(define n 0)
(print "count: " (call/cc (lambda (k) (set! k2 k) 0)))
(set! n (+ n 1))
(if (< n 3) (k2 n))
(print "done " n)
