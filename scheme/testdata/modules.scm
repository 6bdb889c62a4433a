;; Modules and libraries: CHICKEN module, R7RS define-library, R6RS library,
;; import sets, library files, the library-name rule and cond-expand features.
(import (scheme base) (chicken base) (chicken condition) (tlsport test))

(define (unbound? thunk)
  (condition-case (begin (thunk) #f) (e (exn) #t)))

;; CHICKEN (module NAME (EXPORT ...) BODY ...): unexported names stay private.
(module shapes (make-square square-area (area-of helper-used) counter bump!)
  (import scheme (chicken base))
  (define (helper-used x) (square-area x))   ; refers to a later definition
  (define-syntax area-of (syntax-rules () ((_ s) (helper-used s))))
  (define (make-square side) (vector 'square side))
  (define (square-area s) (let ((side (vector-ref s 1))) (* side side)))
  (define (secret) 'hidden)
  (define counter 0)
  (define (bump!) (set! counter (+ counter 1)) counter))

(import shapes)
(test-group "module with an export list"
  (test 9 (square-area (make-square 3)))
  (test 16 (area-of (make-square 4)))          ; exported macro uses a module helper
  (test #t (unbound? (lambda () (secret))))    ; private
  (test #t (unbound? (lambda () helper-used))) ; helper of a syntax export, not exported
  (bump!) (bump!)
  (test 2 counter))                            ; imported variable shares the module's cell

(module everything * (define a 1) (define (b) (+ a 1)) (define-syntax c (syntax-rules () ((_) (b)))))
(import (prefix everything e:))
(test-group "module * and prefix"
  (test 1 e:a)
  (test 2 (e:b))
  (test 2 (e:c))
  (test #t (unbound? (lambda () a))))

(module uses-other (triple)
  (import scheme (only shapes square-area make-square))
  (define (triple x) (* 3 (square-area (make-square x)))))
(import (rename uses-other (triple three-squares)))
(test-group "module importing a module; rename"
  (test 12 (three-squares 2))
  (test #t (unbound? (lambda () triple))))

(module shadow (car-of)
  (import scheme)
  (define (car-of l) (first l))     ; first is defined below: not srfi-1's
  (define (first l) (list 'mine (car l))))
(import shadow)
(test-group "module definitions shadow globals"
  (test '(mine 1) (car-of '(1 2)))
  (test 1 (first '(1 2))))

(define-library (example stack)
  (export make-stack push! (rename stack-top top) depth)
  (import (scheme base))
  (cond-expand
    ((and tlsport chicken) (begin (define impl 'tlsport)))
    (else (begin (define impl 'other))))
  (export impl)
  (begin
    (define-record-type stack (%make-stack items) stack? (items stack-items set-stack-items!))
    (define (make-stack) (%make-stack '()))
    (define (push! s x) (set-stack-items! s (cons x (stack-items s))))
    (define (stack-top s) (car (stack-items s)))
    (define (depth s) (length (stack-items s)))))
(import (example stack))
(test-group "define-library"
  (define s (make-stack))
  (push! s 1) (push! s 2)
  (test 2 (top s))
  (test 2 (depth s))
  (test 'tlsport impl)
  (test #t (unbound? (lambda () stack-top)))
  (test #t (unbound? (lambda () (%make-stack '())))))

(library (example r6 (1 0))
  (export twice (rename (thrice three-times)))
  (import (for (scheme base) run expand) (only (scheme write) display))
  (define (twice x) (* 2 x))
  (define (thrice x) (* 3 x)))
(import (only (example r6 (1)) twice) (rename (library (example r6)) (three-times x3)))
(test-group "R6RS library with versions and import sets"
  (test 8 (twice 4))
  (test 9 (x3 3))
  (test #t (unbound? (lambda () thrice))))

(import (modlib greet) (prefix (modlib net util) u:) (modlib counter))
(test-group "libraries in files"
  (test "hello, ann" (greet "ann"))
  (test 1 greetings-made)
  (test "a\r\nb" (u:crlf-join '("a" "b")))
  (test '("x" "y") (u:split-string #\, "x,y"))
  (test 1 (next!))
  (test 2 (next!)))

(test-group "library names"
  (test #t (cond-expand ((library (srfi :1)) #t) (else #f)))
  (test #t (cond-expand ((library (srfi 1)) #t) (else #f)))
  (test #t (cond-expand ((library srfi-1) #t) (else #f)))
  (test #t (cond-expand ((library (modlib greet)) #t) (else #f)))
  (test #f (cond-expand ((library (no such thing)) #t) (else #f))))

(test-group "features"
  (test #t (and (memq 'chicken (features)) (memq 'chicken-5 (features)) (memq 'r7rs (features))
                (memq 'tlsport (features)) (memq 'full-unicode (features)) (memq 'srfi-18 (features)) #t))
  (test #t (and (or (memq 'little-endian (features)) (memq 'big-endian (features)))
                (or (memq '64bit (features)) (memq '32bit (features))) #t))
  (test 'yes (cond-expand ((and chicken (not foo) (or bar srfi-1)) 'yes) (else 'no))))

(test-group "use and CHICKEN 4 units"
  (use srfi-1 extras data-structures)
  (require-extension srfi-18)
  (require-library (srfi 1))
  (test #t (begin (require 'srfi-1 "srfi-18") #t))
  (test-error (require 'no-such-extension))
  (test-error (eval '(import (chicken foreign))))
  (test "out of scope" (handle-exceptions e (let ((m ((condition-property-accessor 'exn 'message) e)))
                                              (and (string-search "out of scope" m) "out of scope"))
                         (eval '(import (chicken memory))))))

;; CHICKEN's r5rs (an alias of scheme) and r4rs (scheme but dynamic-wind,
;; eval, call-with-values and values), from the manual's module pages
(test-group "r4rs and r5rs modules"
  (test #t (eval '(procedure? values) (environment 'r5rs)))
  (test #t (eval '(procedure? car) (environment 'r4rs)))
  (test 'unbound (handle-exceptions e 'unbound (eval '(procedure? values) (environment 'r4rs))))
  (test 'unbound (handle-exceptions e 'unbound (eval 'dynamic-wind (environment 'r4rs)))))

(module facade (greet-twice)
  (import scheme (chicken module))
  (reexport (only (modlib greet) greet))
  (define (greet-twice n) (string-append (greet n) " " (greet n))))
(module client (run)
  (import scheme facade)
  (define (run) (list (greet "x") (greet-twice "y"))))
(import (prefix client c:))
(test-group "reexport"
  (test '("hello, x" "hello, y hello, y") (c:run)))

(test-group "module-environment"
  (define env (module-environment 'shapes))
  (test 'hidden (eval '(secret) env))                 ; private names are visible inside
  (test 4 (eval '(square-area (make-square 2)) env))
  (test 2 (eval '(let ((s (make-stack))) (push! s 'x) (push! s 'y) (stack-top s) (depth s))
                (module-environment '(example stack))))
  (test-error (module-environment 'no-such-module))
  ;; a library of the system: its exports (csi: (eval '(conc 1 "a") (module-environment 'chicken.string)) is "1a")
  (test "1a" (eval '(conc 1 "a") (module-environment 'chicken.string)))
  (test "a-b" (eval '(string-intersperse (string-split "a b") "-") (module-environment '(chicken string)))))
