;; R6RS §7.3's library examples: (stack), (balloons), (party) and (main) —
;; two libraries exporting make, only and prefix imports, exports renaming
;; imported names, an export list that is empty. (rnrs) and (rnrs
;; mutable-pairs) are written (scheme base) and (scheme write) here.
(import (scheme base) (scheme write) (scheme eval) (scheme repl) (chicken port) (tlsport test))

(library (stack)
  (export make push! pop! empty!)
  (import (scheme base))
  (define (make) (list '()))
  (define (push! s v) (set-car! s (cons v (car s))))
  (define (pop! s) (let ([v (caar s)])
                     (set-car! s (cdar s))
                     v))
  (define (empty! s) (set-car! s '())))

(library (balloons)
  (export make push pop)
  (import (scheme base) (scheme write))
  (define (make w h) (cons w h))
  (define (push b amt)
    (cons (- (car b) amt) (+ (cdr b) amt)))
  (define (pop b) (display "Boom! ")
                  (display (* (car b) (cdr b)))
                  (newline)))

(library (party)
  ;; Total exports:
  ;; make, push, push!, make-party, pop!
  (export (rename (balloon:make make)
                  (balloon:push push))
          push!
          make-party
          (rename (party-pop! pop!)))
  (import (scheme base)
          (only (stack) make push! pop!) ; not empty!
          (prefix (balloons) balloon:))
  ;; Creates a party as a stack of balloons,
  ;; starting with two balloons
  (define (make-party)
    (let ([s (make)]) ; from stack
      (push! s (balloon:make 10 10))
      (push! s (balloon:make 12 9))
      s))
  (define (party-pop! p)
    (balloon:pop (pop! p))))

(define out
  (with-output-to-string
    (lambda ()
      (eval '(library (main)
               (export)
               (import (scheme base) (party))
               (define p (make-party))
               (pop! p)        ; displays "Boom! 108"
               (push! p (push (make 5 5) 1))
               (pop! p))       ; displays "Boom! 24"
            (interaction-environment)))))
(test "Boom! 108\nBoom! 24\n" out)

(import (prefix (party) p:))
(test '(10 . 10) (p:make 10 10))
(test #t (procedure? p:pop!))
(test 'unbound (guard (e (#t 'unbound)) p:empty!))
(test 'unbound (guard (e (#t 'unbound)) p:party-pop!))
