;; An everyday R7RS program: a tokenizer and recursive-descent evaluator
;; for arithmetic over a string port, with peek-char, char predicates,
;; string->number, errors as raised lists, and an interpreter loop over
;; lines read with read-line.
(import (scheme base) (scheme char) (scheme write))

(define (tokenize port)
  (let loop ((acc '()))
    (let ((c (peek-char port)))
      (cond ((eof-object? c) (reverse acc))
            ((char-whitespace? c) (read-char port) (loop acc))
            ((char-numeric? c)
             (let num ((digits '()))
               (let ((d (peek-char port)))
                 (if (and (not (eof-object? d)) (or (char-numeric? d) (char=? d #\.) (char=? d #\/)))
                     (begin (read-char port) (num (cons d digits)))
                     (loop (cons (string->number (list->string (reverse digits))) acc))))))
            ((memv c '(#\+ #\- #\* #\/ #\( #\) #\^))
             (read-char port)
             (loop (cons (string->symbol (string c)) acc)))
            ((char-alphabetic? c)
             (let ident ((cs '()))
               (let ((d (peek-char port)))
                 (if (and (not (eof-object? d)) (char-alphabetic? d))
                     (begin (read-char port) (ident (cons (char-downcase d) cs)))
                     (loop (cons (list 'var (list->string (reverse cs))) acc))))))
            (else (raise (list 'bad-char c)))))))

(define env '(("pi" . 355/113) ("x" . 7) ("half" . 0.5)))

(define (parse tokens)
  (define toks tokens)
  (define (peek) (if (null? toks) 'eof (car toks)))
  (define (next!) (let ((t (car toks))) (set! toks (cdr toks)) t))
  (define (primary)
    (let ((t (peek)))
      (cond ((number? t) (next!))
            ((and (pair? t) (eq? (car t) 'var))
             (next!)
             (let ((b (assoc (cadr t) env)))
               (if b (cdr b) (raise (list 'unbound (cadr t))))))
            ((eq? t '-) (next!) (- (primary)))
            ((eq? t '|(|)
             (next!)
             (let ((v (expr)))
               (unless (eq? (peek) '|)|) (raise (list 'expected-close (peek))))
               (next!)
               v))
            (else (raise (list 'unexpected t))))))
  (define (power)
    (let ((b (primary)))
      (if (eq? (peek) '^) (begin (next!) (expt b (power))) b)))
  (define (term)
    (let loop ((v (power)))
      (case (peek)
        ((*) (next!) (loop (* v (power))))
        ((/) (next!) (let ((d (power))) (if (and (exact? d) (zero? d)) (raise '(division-by-zero)) (loop (/ v d)))))
        (else v))))
  (define (expr)
    (let loop ((v (term)))
      (case (peek)
        ((+) (next!) (loop (+ v (term))))
        ((-) (next!) (loop (- v (term))))
        (else v))))
  (let ((v (expr)))
    (if (eq? (peek) 'eof) v (raise (list 'trailing (peek))))))

(define (calc line)
  (guard (e ((pair? e) (cons 'error e)))
    (parse (tokenize (open-input-string line)))))

(define program "1 + 2 * 3
(1 + 2) * 3
2 ^ 3 ^ 2
10 / 4
10 / 4 * 2.0
pi * 2
-x + 1/2
half * half
1 / 0
3 $ 4
(1 + 2
y + 1
1 2")

(let ((in (open-input-string program)))
  (let loop ((n 1))
    (let ((line (read-line in)))
      (unless (eof-object? line)
        (display n) (display ": ") (display line) (display " => ")
        (write (calc line)) (newline)
        (loop (+ n 1))))))
