;; An arithmetic expression calculator: a character-driven tokenizer (a
;; state machine over case and char predicates), a recursive-descent
;; parser to s-expressions, an evaluator with variables in an alist, and
;; errors reported with the offending position.
(import (chicken base) (chicken format) (chicken condition) (chicken string) (chicken pretty-print))

(define (tokenize str)
  (let ((in (open-input-string str)))
    (let loop ((tokens '()) (pos 0))
      (let ((c (peek-char in)))
        (cond ((eof-object? c) (reverse (cons '(eof) tokens)))
              ((char-whitespace? c) (read-char in) (loop tokens (+ pos 1)))
              ((or (char-numeric? c) (char=? c #\.))
               (let num ((chars '()) (p pos))
                 (let ((d (peek-char in)))
                   (if (and (not (eof-object? d)) (or (char-numeric? d) (char=? d #\.) (char=? d #\/)))
                       (begin (read-char in) (num (cons d chars) (+ p 1)))
                       (let* ((text (list->string (reverse chars))) (n (string->number text)))
                         (if n
                             (loop (cons (list 'num n) tokens) p)
                             (error 'tokenize (sprintf "bad number ~s at ~a" text pos))))))))
              ((char-alphabetic? c)
               (let ident ((chars '()) (p pos))
                 (let ((d (peek-char in)))
                   (if (and (not (eof-object? d)) (or (char-alphabetic? d) (char-numeric? d) (char=? d #\_)))
                       (begin (read-char in) (ident (cons d chars) (+ p 1)))
                       (loop (cons (list 'id (string->symbol (list->string (reverse chars)))) tokens) p)))))
              (else
               (read-char in)
               (case c
                 ((#\+ #\- #\* #\/ #\^ #\( #\) #\= #\,) (loop (cons (list 'op c) tokens) (+ pos 1)))
                 (else (error 'tokenize (sprintf "unexpected character ~s at ~a" c pos))))))))))

;; grammar: stmt := id '=' expr | expr ; expr := term (('+'|'-') term)* ...
(define (parse tokens)
  (define toks tokens)
  (define (peek) (car toks))
  (define (next!) (let ((t (car toks))) (set! toks (cdr toks)) t))
  (define (op? ch) (and (eq? (car (peek)) 'op) (char=? (cadr (peek)) ch)))
  (define (expect ch) (if (op? ch) (next!) (error 'parse (sprintf "expected ~a, got ~s" ch (peek)))))
  (define (primary)
    (let ((t (next!)))
      (case (car t)
        ((num) (cadr t))
        ((id) (if (op? #\()
                  (begin (next!)
                         (let args ((acc (list (expr))))
                           (if (op? #\,)
                               (begin (next!) (args (cons (expr) acc)))
                               (begin (expect #\)) (cons (cadr t) (reverse acc))))))
                  (cadr t)))
        ((op) (cond ((char=? (cadr t) #\() (let ((e (expr))) (expect #\)) e))
                    ((char=? (cadr t) #\-) (list '- (factor)))
                    (else (error 'parse (sprintf "unexpected ~a" (cadr t))))))
        (else (error 'parse "unexpected end of input")))))
  (define (factor)
    (let ((base (primary)))
      (if (op? #\^) (begin (next!) (list 'expt base (factor))) base)))
  (define (binary sub ops)
    (let loop ((left (sub)))
      (let ((t (peek)))
        (if (and (eq? (car t) 'op) (memv (cadr t) ops))
            (begin (next!) (loop (list (string->symbol (string (cadr t))) left (sub))))
            left))))
  (define (term) (binary factor '(#\* #\/)))
  (define (expr) (binary term '(#\+ #\-)))
  (let ((result
         (if (and (eq? (car (peek)) 'id) (eq? (car (cadr toks)) 'op) (char=? (cadr (cadr toks)) #\=))
             (let ((name (cadr (next!)))) (next!) (list 'set name (expr)))
             (expr))))
    (unless (eq? (car (peek)) 'eof) (error 'parse (sprintf "trailing input ~s" (peek))))
    result))

(define env (list (cons 'pi 3.141592653589793) (cons 'e 2.718281828459045)))
(define functions `((sqrt . ,sqrt) (max . ,max) (min . ,min) (abs . ,abs) (exact . ,inexact->exact) (round . ,round)))

(define (evaluate e)
  (cond ((number? e) e)
        ((symbol? e) (cond ((assq e env) => cdr) (else (error 'eval "unbound" e))))
        ((eq? (car e) 'set) (let ((v (evaluate (caddr e)))) (set! env (cons (cons (cadr e) v) env)) v))
        ((assq (car e) `((+ . ,+) (- . ,-) (* . ,*) (/ . ,/) (expt . ,expt)))
         => (lambda (p) (apply (cdr p) (map evaluate (cdr e)))))
        ((assq (car e) functions) => (lambda (p) (apply (cdr p) (map evaluate (cdr e)))))
        (else (error 'eval "unknown function" (car e)))))

(define (run line)
  (handle-exceptions exn
      (printf "~a => error: ~a~a~%" line
              ((condition-property-accessor 'exn 'message) exn)
              (let ((args ((condition-property-accessor 'exn 'arguments '()) exn)))
                (if (null? args) "" (sprintf " ~s" args))))
    (let ((tree (parse (tokenize line))))
      (printf "~a => ~s => ~s~%" line tree (evaluate tree)))))

(for-each run
          '("1 + 2 * 3" "(1 + 2) * 3" "2 ^ 3 ^ 2" "7 / 2" "7.0 / 2" "1/3 + 1/6"
            "x = 4" "y = x * x - 1" "sqrt(y + 1) * 2" "max(1, x, 3) + min(2, 5)"
            "-x + 10" "2 ^ 100" "2 ^ -2" "2.5 ^ 2" "sqrt(2)" "abs(-4)" "round(7/2)" "round(2.5)"
            "exact(0.5)" "pi * 2" "1 +" "3 $ 4" "foo(1)" "z + 1" "1.2.3" "(1 + 2" "1 / 0" "1.0 / 0"))
(pretty-print env)
(pretty-print (parse (tokenize "a = (1 + 2) * (3 - 4) / max(5, 6, 7 ^ 2) - sqrt(8 * 9 + 10)")))
