;; (sagittarius control): Sagittarius's control macros (Gauche's), written in Scheme.

;; define-macro: a transformer procedure over the form's operands (not hygienic).
(define-syntax define-macro
  (syntax-rules ()
    ((_ (name . formals) body ...) (define-macro name (lambda formals body ...)))
    ((_ name transformer)
     (define-syntax name
       (er-macro-transformer
        (lambda (form rename compare) (apply transformer (cdr form))))))))

;; let-optionals*: var-specs are var (default unspecified) or (var default).
(define-syntax let-optionals*
  (syntax-rules ()
    ((_ args () body ...) (let () body ...))
    ((_ args ((var default) . specs) body ...)
     (let* ((%args args)
            (var (if (pair? %args) (car %args) default)))
       (let-optionals* (if (pair? %args) (cdr %args) '()) specs body ...)))
    ((_ args (var . specs) body ...)
     (let-optionals* args ((var (if #f #f)) . specs) body ...))
    ((_ args rest body ...) ; the dotted tail: the arguments left over
     (let ((rest args)) body ...))))

(define-syntax get-optional
  (syntax-rules ()
    ((_ args default) (let ((%args args)) (if (pair? %args) (car %args) default)))))

;; %keyword-ref: the value after key in the keyword argument list kvs, else (default).
(define (%keyword-ref who kvs key default)
  (let loop ((l kvs))
    (cond ((null? l) (default))
          ((not (pair? (cdr l))) (error who "keyword list not even" kvs))
          ((eq? (car l) key) (cadr l))
          (else (loop (cddr l))))))

;; %keyword-rest: the keyword-value pairs of kvs whose keyword is not in keys.
(define (%keyword-rest who kvs keys)
  (let loop ((l kvs) (acc '()))
    (cond ((null? l) (reverse acc))
          ((not (pair? (cdr l))) (error who "keyword list not even" kvs))
          ((memq (car l) keys) (loop (cddr l) acc))
          (else (loop (cddr l) (cons (cadr l) (cons (car l) acc)))))))

(define (%keyword-of var) (string->keyword (symbol->string var)))

;; %keyword-check: an error when rest, the keyword arguments no var-spec took, is not empty.
(define (%keyword-check who rest)
  (unless (null? rest) (error who "unknown keyword" (car rest))))

;; %let-keywords: (%let-keywords binder who args (spec ...) mode (acc ...) body ...)
;; gathers each var-spec into (var key default), then binds them with binder
;; (let or let*); mode %error raises on a keyword no var-spec names, %ignore
;; drops such keywords, (%bind rest) binds rest to them (a keyword-value list).
(define-syntax %let-keywords
  (syntax-rules ()
    ((_ binder who args () mode ((var key default) ...) body ...)
     (let* ((%kvs args)
            (%rest (%keyword-rest who %kvs (list key ...))))
       (%keywords-mode mode who %rest
         (binder ((var (%keyword-ref who %kvs key (lambda () default))) ...) body ...))))
    ((_ binder who args ((var key default) . specs) mode (acc ...) body ...)
     (%let-keywords binder who args specs mode (acc ... (var key default)) body ...))
    ((_ binder who args ((var default) . specs) mode (acc ...) body ...)
     (%let-keywords binder who args specs mode (acc ... (var (%keyword-of 'var) default)) body ...))
    ((_ binder who args (var . specs) mode (acc ...) body ...)
     (%let-keywords binder who args specs mode (acc ... (var (%keyword-of 'var) (if #f #f))) body ...))))

(define-syntax %keywords-mode
  (syntax-rules (%error %ignore %bind)
    ((_ %error who rest form) (begin (%keyword-check who rest) form))
    ((_ %ignore who rest form) form)
    ((_ (%bind var) who rest form) (let ((var rest)) form))))

(define-syntax %let-keywords-tail
  (syntax-rules ()
    ((_ binder who args specs #f body ...) (%let-keywords binder who args specs %ignore () body ...))
    ((_ binder who args specs rest body ...) (%let-keywords binder who args specs (%bind rest) () body ...))))

;; let-keywords: var-specs are (var default), (var keyword default) or var;
;; the defaults are evaluated outside the bindings. A keyword no var-spec
;; names is an error, unless the var-specs end with . rest (bound to the
;; other keyword arguments) or . #f (ignored).
(define-syntax let-keywords
  (syntax-rules ()
    ((_ args (spec ...) body ...) (%let-keywords let 'let-keywords args (spec ...) %error () body ...))
    ((_ args (spec ... . rest) body ...) (%let-keywords-tail let 'let-keywords args (spec ...) rest body ...))))

;; let-keywords*: as let-keywords, each default seeing the variables before it.
(define-syntax let-keywords*
  (syntax-rules ()
    ((_ args (spec ...) body ...) (%let-keywords let* 'let-keywords* args (spec ...) %error () body ...))
    ((_ args (spec ... . rest) body ...) (%let-keywords-tail let* 'let-keywords* args (spec ...) rest body ...))))

(define-syntax begin0
  (syntax-rules ()
    ((_ exp0 exp1 ...) (call-with-values (lambda () exp0) (lambda vals exp1 ... (apply values vals))))))

(define-syntax let1
  (syntax-rules () ((_ var expr body ...) (let ((var expr)) body ...))))

(define-syntax rlet1
  (syntax-rules () ((_ var expr body ...) (let ((var expr)) body ... var))))

(define-syntax dotimes
  (syntax-rules ()
    ((_ (var limit) body ...) (dotimes (var limit (if #f #f)) body ...))
    ((_ (var limit result) body ...)
     (let ((%limit limit))
       (do ((var 0 (+ var 1))) ((>= var %limit) result) body ...)))))

(define-syntax dolist
  (syntax-rules ()
    ((_ (var lexpr) body ...) (dolist (var lexpr (if #f #f)) body ...))
    ((_ (var lexpr result) body ...)
     (begin (for-each (lambda (var) body ...) lexpr)
            (let ((var '())) result)))))

;; push!, pop!, inc! and dec! take a place set! takes: a variable or (proc arg ...).
(define-syntax push!
  (syntax-rules () ((_ place item) (set! place (cons item place)))))

(define-syntax pop!
  (syntax-rules () ((_ place) (let ((%v place)) (set! place (cdr %v)) (car %v)))))

(define-syntax inc!
  (syntax-rules ()
    ((_ place) (inc! place 1))
    ((_ place delta) (set! place (+ place delta)))))

(define-syntax dec!
  (syntax-rules ()
    ((_ place) (dec! place 1))
    ((_ place delta) (set! place (- place delta)))))

;; unwind-protect: body's values, once the cleanups have run (also when body raises or escapes).
(define-syntax unwind-protect
  (syntax-rules ()
    ((_ body cleanup ...) (dynamic-wind (lambda () #f) (lambda () body) (lambda () cleanup ...)))))
