;; The driver of TestS9Diff: what the function library of Scheme 9 from
;; Empty Space (Debian's scheme9, /usr/share/scheme9) needs beyond R5RS and
;; CHICKEN, written once for csi and tlsport alike, and the s9-example form
;; that prints the value of one example. It runs the program named by its
;; argument, reading and evaluating it form by form as load-from-library
;; does. What CHICKEN lacks and the driver provides: S9's primitives
;; reverse!, fold-left, fold-right, vector-copy (S9's, with a fill) and
;; bit-op; load-from-library; and S9's procedural macros (define-syntax with
;; a procedure, define-macro).
(import (chicken base) (chicken bitwise) (chicken condition) (chicken file) (chicken process-context) (chicken syntax))

(define s9-library "/usr/share/scheme9/")

;; The S9 primitives the library uses that CHICKEN lacks, as S9's manual
;; (/usr/share/scheme9/help) describes them. S9's vector-copy takes an end
;; beyond the vector and a fill for the slots it adds.
(define (reverse! x) (reverse x))
(define (fold-left f b . ls)
  (if (memq '() ls)
      b
      (apply fold-left f (apply f b (map car ls)) (map cdr ls))))
(define (fold-right f b . ls)
  (if (memq '() ls)
      b
      (apply f (append (map car ls) (list (apply fold-right f b (map cdr ls)))))))
(define (vector-copy v . opt)
  (let* ((start (if (pair? opt) (car opt) 0))
         (end (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) (vector-length v)))
         (fill (if (and (pair? opt) (pair? (cdr opt)) (pair? (cddr opt))) (caddr opt) (void)))
         (new (make-vector (- end start) fill)))
    (do ((i start (+ i 1)))
        ((or (= i end) (= i (vector-length v))) new)
      (vector-set! new (- i start) (vector-ref v i)))))

;; S9's bit-op applies the bitwise operation OP (0 to 15: the truth table
;; of A and B, 16 shift left, 17 shift right) to its operands, left to right.
(define (bit-op op a . bs)
  (define (op2 a b)
    (case op
      ((0) 0) ((1) (bitwise-and a b)) ((2) (bitwise-and a (bitwise-not b))) ((3) a)
      ((4) (bitwise-and (bitwise-not a) b)) ((5) b) ((6) (bitwise-xor a b))
      ((7) (bitwise-ior a b)) ((8) (bitwise-not (bitwise-ior a b)))
      ((9) (bitwise-not (bitwise-xor a b))) ((10) (bitwise-not b))
      ((11) (bitwise-ior a (bitwise-not b))) ((12) (bitwise-not a))
      ((13) (bitwise-ior (bitwise-not a) b)) ((14) (bitwise-not (bitwise-and a b)))
      ((15) -1) ((16) (arithmetic-shift a b)) ((17) (arithmetic-shift a (- b)))
      (else (error "bit-op: bad operation" op))))
  (fold-left op2 a bs))

;; S9's macros: (define-syntax (NAME . PARAMS) BODY ...) and
;; (define-macro (NAME . PARAMS) BODY ...) define a macro whose expansion is
;; BODY applied to the operands; (define-syntax NAME EXPR), EXPR not
;; syntax-rules, a macro whose expansion is the procedure EXPR applied to
;; them. They become er-macro-transformers that rename nothing.
(define (s9-macro name proc)
  `(define-syntax ,name
     (er-macro-transformer
      (lambda (form rename compare) (apply (quote ,proc) (cdr form))))))

(define (s9-form x)
  (cond ((and (pair? x) (memq (car x) '(define-syntax define-macro)) (pair? (cdr x)))
         (let ((head (cadr x)) (body (cddr x)))
           (cond ((pair? head)
                  (s9-macro (car head) (eval `(lambda ,(cdr head) ,@body))))
                 ((and (pair? (car body)) (eq? (caar body) 'syntax-rules)) x)
                 (else (s9-macro head (eval (car body)))))))
        ((and (pair? x) (eq? (car x) 'begin))
         (cons 'begin (map s9-form (cdr x))))
        (else x)))

;; S9, like csi, reads :- and :import as symbols: CHICKEN's default
;; keyword-style, #:suffix. tlsport's default, #:both, reads them as
;; keywords (the API reference §0.2 wants :key keywords), so the driver sets
;; #:suffix for every read that follows, in s9-load and in the library.
(keyword-style #:suffix)

;; s9-load reads the file PATH and evaluates its forms one by one.
(define (s9-load path)
  (with-input-from-file path
    (lambda ()
      (let loop ((x (read)))
        (if (not (eof-object? x))
            (begin (eval (s9-form x))
                   (loop (read))))))))

;; S9's load-from-library: load FILE (or FILE.scm) of the library each time
;; it is called. Except syntax-rules.scm, S9's syntax-rules written as a
;; procedural macro for a system that has none: both systems have their own.
(define (load-from-library file)
  (if (not (member file '("syntax-rules" "syntax-rules.scm")))
      (s9-load (if (file-exists? (string-append s9-library file))
                   (string-append s9-library file)
                   (string-append s9-library file ".scm")))))

;; (s9-example KEY 'DOCUMENTED EXPR) prints KEY, ok when EXPR's value is
;; equal? to the DOCUMENTED result (no otherwise), and the value, or (error).
(define-syntax s9-example
  (syntax-rules ()
    ((_ key doc e)
     (let ((v (call-with-current-continuation
               (lambda (k)
                 ;; not condition/report-string: csi 5.3 hangs in it from a
                 ;; with-exception-handler handler
                 (with-exception-handler (lambda (c) (k '(error))) (lambda () e))))))
       (display key)
       (display (if (equal? v doc) " ok " " no "))
       (write v)
       (newline)))))

(s9-load (car (command-line-arguments)))
