#!r6rs
;; A tokenizer and pretty-printer for a tiny configuration language:
;; textual input ports (get-char, lookahead-char), char classes of
;; (rnrs unicode), case-lambda defaults, call/cc early exit, exists and
;; for-all checks, vector-sort!, and errors raised as R6RS conditions with
;; who, message and irritants (including the non-continuable kind).
(import (rnrs))

(define source "server {
  name = \"Ünïcode host\";
  ports = [443, 8443, -1];
  ratio = 0.75; enabled = true
  # comment line
  tags = [\"a\", \"ÄB\", \"c\"];
}")

(define (tokenize text)
  (let ((in (open-string-input-port text)))
    (let loop ((acc '()) (line 1))
      (let ((c (get-char in)))
        (cond ((eof-object? c) (reverse acc))
              ((char=? c #\newline) (loop acc (+ line 1)))
              ((char-whitespace? c) (loop acc line))
              ((char=? c #\#)
               (let skip () (let ((d (get-char in))) (if (or (eof-object? d) (char=? d #\newline)) (loop acc (+ line 1)) (skip)))))
              ((memv c '(#\{ #\} #\[ #\] #\= #\; #\,)) (loop (cons (list 'punct c line) acc) line))
              ((char=? c #\")
               (let str ((cs '()))
                 (let ((d (get-char in)))
                   (cond ((eof-object? d) (raise (condition (make-lexical-violation) (make-message-condition "unterminated string") (make-irritants-condition (list line)))))
                         ((char=? d #\") (loop (cons (list 'string (list->string (reverse cs)) line) acc) line))
                         (else (str (cons d cs)))))))
              ((or (char-numeric? c) (char=? c #\-))
               (let num ((cs (list c)))
                 (let ((d (lookahead-char in)))
                   (if (and (not (eof-object? d)) (or (char-numeric? d) (char=? d #\.)))
                       (num (cons (get-char in) cs))
                       (loop (cons (list 'number (string->number (list->string (reverse cs))) line) acc) line)))))
              ((char-alphabetic? c)
               (let word ((cs (list c)))
                 (let ((d (lookahead-char in)))
                   (if (and (not (eof-object? d)) (or (char-alphabetic? d) (char=? d #\_)))
                       (word (cons (get-char in) cs))
                       (loop (cons (list 'word (string->symbol (list->string (reverse cs))) line) acc) line)))))
              (else (assertion-violation 'tokenize "unexpected character" c line)))))))

(define (take-first l k) (if (zero? k) '() (cons (car l) (take-first (cdr l) (- k 1)))))
(define tokens (tokenize source))
(display (length tokens)) (newline)
(for-each (lambda (t) (write t) (display " ")) (take-first tokens 6)) (newline)

(define show
  (case-lambda
    ((x) (show x 0))
    ((x indent) (display (make-string indent #\space)) (write x) (newline))))
(for-each (lambda (t) (when (eq? (car t) 'string) (show (cadr t) 2))) tokens)

(define (first-number toks)
  (call/cc (lambda (return)
             (for-each (lambda (t) (when (eq? (car t) 'number) (return (cadr t)))) toks)
             #f)))
(display (list (first-number tokens) (exists (lambda (t) (eq? (car t) 'word)) tokens)
               (for-all (lambda (t) (integer? (caddr t))) tokens)
               (exists (lambda (a b) (> a b)) '(1 2 3) '(3 2 1))))
(newline)
(let ((nums (list->vector (map cadr (filter (lambda (t) (eq? (car t) 'number)) tokens)))))
  (vector-sort! > nums)
  (display nums) (newline))
(display (map (lambda (s) (list (string-upcase s) (string-downcase s) (string-length s)))
              (map cadr (filter (lambda (t) (eq? (car t) 'string)) tokens))))
(newline)
(define (report thunk)
  (guard (e ((lexical-violation? e) (list 'lexical (condition-message e) (condition-irritants e)))
            ((assertion-violation? e) (list 'assertion (condition-who e) (condition-message e) (condition-irritants e)))
            ((error? e) (list 'error (condition-message e)))
            ((symbol? e) (list 'symbol e)))
    (thunk)))
(display (report (lambda () (tokenize "a = \"open")))) (newline)
(display (report (lambda () (tokenize "a = @")))) (newline)
(display (report (lambda () (raise 'plain-symbol)))) (newline)
(display (report (lambda () (error 'parse "bad token" 'x)))) (newline)
(display (with-exception-handler (lambda (c) (* c 2)) (lambda () (+ 1 (raise-continuable 20)))))
(newline)
(display (list (char-upcase #\ï) (char-downcase #\Ä) (char-alphabetic? #\Ü) (char-numeric? #\٣) (char-whitespace? #\x3000)
               (string<? "abc" "abd") (string-ci=? "ÄB" "äb") (string->list "héé") (list->string (list #\x3bb #\x3bc))))
(newline)
(write (list (string #\x0 #\a) (string #\x7f #\x1b) "tab\there" (string->symbol "odd\x7f;sym")))
(newline)
