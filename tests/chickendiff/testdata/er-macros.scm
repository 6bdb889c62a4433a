;; Explicit- and implicit-renaming macros (CHICKEN 5 manual, "Module (chicken syntax)").
(import (chicken syntax) (chicken condition))

(module queue-macros (push! pop! with-accumulator)
  (import scheme (chicken base) (chicken syntax))
  (define-syntax push!
    (er-macro-transformer
      (lambda (form rename compare)
        (let ((x (cadr form)) (place (caddr form)))
          `(,(rename 'set!) ,place (,(rename 'cons) ,x ,place))))))
  (define-syntax pop!
    (ir-macro-transformer
      (lambda (form inject compare)
        (let ((place (cadr form)))
          `(let ((top (car ,place)))
             (set! ,place (cdr ,place))
             top)))))
  ;; collect is injected: the body's (collect x) refers to it
  (define-syntax with-accumulator
    (ir-macro-transformer
      (lambda (form inject compare)
        `(let* ((acc '())
                (,(inject 'collect) (lambda (x) (set! acc (cons x acc)))))
           ,@(cdr form)
           (reverse acc))))))
(import queue-macros)

(define stack '())
(push! 1 stack)
(push! 2 stack)
(let ((cons list) (top 'user-top))
  (push! 3 stack)
  (print "popped " (pop! stack) ", user's top still " top))
(print "stack " stack)
(print (with-accumulator (for-each (lambda (i) (if (odd? i) (collect (* i i)))) '(1 2 3 4 5))))

(define-syntax my-if (er-macro-transformer (lambda (f r c) `(,(r 'if) ,@(cdr f)))))
(print (my-if #t 1 2) " " (let ((if list)) (my-if #f 1 2)))

(define-syntax switch
  (er-macro-transformer
    (lambda (form r c)
      (let ((v (r 'v)))
        `(,(r 'let) ((,v ,(cadr form)))
          (,(r 'cond)
           ,@(map (lambda (clause)
                    (if (c (car clause) (r 'else))
                        `(,(r 'else) ,@(cdr clause))
                        `((,(r 'equal?) ,v ,(car clause)) ,@(cdr clause))))
                  (cddr form))))))))
(print (switch (+ 1 1) (1 'one) (2 'two) (else 'many)) " " (switch 7 (1 'one) (else 'many))
       " " (let ((else 7) (v 'user-v)) (switch 7 (1 'one) (else v))))

(define-syntax loop
  (er-macro-transformer
    (lambda (x r c)
      `(,(r 'call-with-current-continuation)
        (,(r 'lambda) (exit) (,(r 'let) ,(r 'f) () ,@(cdr x) (,(r 'f))))))))
(define-syntax while
  (ir-macro-transformer
    (lambda (expr inject compare)
      `(loop (if (not ,(cadr expr)) (,(inject 'exit) #f)) ,@(cddr expr)))))
(define n 0)
(while (< n 10) (set! n (+ n 3)))
(print "while: " n)

(define-syntax swap!
  (ir-macro-transformer
    (lambda (f inject compare)
      `(let ((tmp ,(cadr f))) (set! ,(cadr f) ,(caddr f)) (set! ,(caddr f) tmp)))))
(let ((tmp 'a) (other 'b))
  (swap! tmp other)
  (print "swap!: " tmp " " other))

(define-for-syntax (make-getter-name field) (string->symbol (string-append "get-" (symbol->string field))))
(define-syntax define-getter
  (er-macro-transformer
    (lambda (f r c)
      (let ((field (cadr f)))
        `(,(r 'define) (,(make-getter-name (strip-syntax field)) alist)
          (,(r 'cdr) (,(r 'assq) (,(r 'quote) ,field) alist)))))))
(define-getter host)
(print "getter: " (get-host '((port . 443) (host . "example.org"))))

(define-syntax needs-one
  (er-macro-transformer
    (lambda (f r c) (if (= (length f) 2) (cadr f) (syntax-error 'needs-one "expected one argument" f)))))
(handle-exceptions e
  (print "error: " ((condition-property-accessor 'exn 'message) e) " syntax? " ((condition-predicate 'syntax) e))
  (eval '(needs-one 1 2)))
(print (needs-one 'fine))
