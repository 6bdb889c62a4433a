#!r6rs
;; A tokenizer that remembers where each token starts in its text with
;; port-position and goes back with set-port-position! to re-read one,
;; over text with non-ASCII characters (é, λ, 𐀀): positions of string
;; ports count characters (Chez Scheme, Sagittarius). A report written
;; to a string output port has its header patched in place afterwards.
(import (rnrs))

(define text "λx = 1.5 + préfix\x10000;(ünï) * 42;\nfin")

(define (token-start? c) (not (char-whitespace? c)))

;; each token: (start end string), start and end from port-position
(define (tokens p)
  (let loop ((acc '()))
    (let skip ()
      (let ((c (lookahead-char p)))
        (when (and (char? c) (char-whitespace? c)) (get-char p) (skip))))
    (if (port-eof? p)
        (reverse acc)
        (let ((start (port-position p)))
          (let read ((cs '()))
            (let ((c (lookahead-char p)))
              (if (and (char? c) (token-start? c))
                  (begin (get-char p) (read (cons c cs)))
                  (loop (cons (list start (port-position p) (list->string (reverse cs))) acc)))))))))

(define p (open-string-input-port text))
(define toks (tokens p))
(for-each (lambda (t) (write t) (newline)) toks)

;; every token read again from its start matches, and substring agrees
(for-each
 (lambda (t)
   (set-port-position! p (car t))
   (let ((again (get-string-n p (- (cadr t) (car t)))))
     (write (list (car t) again (string=? again (caddr t)) (string=? again (substring text (car t) (cadr t))))))
   (newline))
 (reverse toks))

(display (port-position p)) (newline)
(set-port-position! p (string-length text))
(write (list (port-position p) (port-eof? p))) (newline)
(write (guard (e ((i/o-invalid-position-error? e) (list 'invalid (i/o-error-position e))))
         (set-port-position! p (+ 1 (string-length text)))))
(newline)

;; a report whose header is filled in once the body is known
(define report
  (call-with-string-output-port
   (lambda (o)
     (put-string o "tokens: ?; λ-lines: ??\n")
     (let ((count-at 8) (lines-at 20))
       (for-each (lambda (t) (put-string o (caddr t)) (put-char o #\|)) toks)
       (put-char o #\newline)
       (let ((end (port-position o)))
         (set-port-position! o count-at)
         (put-string o (number->string (length toks)))
         (set-port-position! o lines-at)
         (put-string o "01")
         (set-port-position! o end)
         (put-string o "end\n"))))))
(display report)
(write (string-length report)) (newline)

;; an output string port's position after writing wide characters
(let-values (((o get) (open-string-output-port)))
  (put-string o "ééé")
  (write (port-position o))
  (set-port-position! o 1)
  (put-string o "\x10000;")
  (write (list (port-position o) (get) (port-position o)))
  (newline))
