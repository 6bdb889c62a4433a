;; A retrying fetcher's control flow: handle-exceptions and condition-case
;; nested, exceptions re-signalled with extra context as composite
;; conditions, call/cc escapes from deep recursion, dynamic-wind
;; bookkeeping when continuations jump out and back in, and
;; with-exception-handler running in the raiser's dynamic context.
(import (chicken base) (chicken condition) (chicken format))

(define log '())
(define (log! . xs) (set! log (cons (apply sprintf xs) log)))

(define (fetch url attempt)
  (cond ((string=? url "bad://host") (signal (make-property-condition 'exn 'message "no route" 'arguments (list url))))
        ((and (string=? url "flaky://host") (< attempt 2))
         (abort (make-composite-condition (make-property-condition 'exn 'message "timeout" 'arguments '())
                                          (make-property-condition 'net 'retry #t))))
        ((string=? url "boom://host") (car url))
        (else (string-append "content of " url))))

(define (with-context ctx thunk)
  (handle-exceptions e
      (abort (make-composite-condition (make-property-condition 'context 'where ctx) e))
    (thunk)))

(define (fetch-with-retry url)
  (let loop ((attempt 0))
    (condition-case (with-context (list 'fetch url attempt) (lambda () (fetch url attempt)))
      (e (net) (log! "retry ~a after ~a" url attempt) (loop (+ attempt 1)))
      (e (exn type) (list 'type-error ((condition-property-accessor 'context 'where) e)))
      (e (exn) (list 'failed (get-condition-property e 'exn 'message) (get-condition-property e 'context 'where))))))

(for-each (lambda (u) (printf "~a => ~s~%" u (fetch-with-retry u)))
          '("http://ok" "bad://host" "flaky://host" "boom://host"))
(for-each print (reverse log))

(define (find-first pred tree)
  (call/cc
   (lambda (return)
     (let walk ((t tree))
       (cond ((pair? t) (walk (car t)) (walk (cdr t)))
             ((pred t) (return t))))
     #f)))
(print (find-first (lambda (x) (and (number? x) (> x 10))) '(1 (2 (3 40) 5) (60))))
(print (find-first string? '(1 (2 (3)))))

(define (reentry)
  (let ((trail '()) (k-saved #f) (passes 0))
    (dynamic-wind
     (lambda () (set! trail (cons 'in trail)))
     (lambda () (call/cc (lambda (k) (set! k-saved k))) (set! passes (+ passes 1)))
     (lambda () (set! trail (cons 'out trail))))
    (when (< passes 3) (k-saved #f))
    (list (reverse trail) 'passes passes)))
(print (reentry))

(define depth-log '())
(print (with-exception-handler
        (lambda (e) (set! depth-log (cons (list 'handled e) depth-log)) 10)
        (lambda () (+ 1 (signal 'soft) (signal 'softer)))))
(print (reverse depth-log))
(print (call/cc (lambda (k)
                 (with-exception-handler
                  (lambda (e) (k (list 'escaped (get-condition-property e 'exn 'message))))
                  (lambda () (error "inner" 1))))))
(define p (make-property-condition 'my-kind 'a 1 'b 2))
(print (condition? p) " " ((condition-predicate 'my-kind) p) " " ((condition-predicate 'exn) p) " "
       (get-condition-property p 'my-kind 'b) " " (get-condition-property p 'my-kind 'c 'default) " " (condition->list p))
(print (condition-case (get-condition-property p 'my-kind 'c) (e (exn) 'missing-property)))
(print (handle-exceptions e (list 'outer (condition? e))
         (handle-exceptions e2 (abort e2) (error 'deep "failure" 'x))))
