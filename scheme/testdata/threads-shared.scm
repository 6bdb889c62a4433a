;; Threads sharing plain data without a mutex, as programs written for
;; CHICKEN's green threads do: one thread runs Scheme code at a time (the
;; interpreter lock, gil.go), so a variable, a vector slot or a list that
;; several threads change is never torn and no update is lost between
;; two steps of a thread, and threads that never wait still take turns.
(import (tlsport test))

;; a closure's variable, a vector slot and a list changed by four threads
(define (make-shared)
  (let ((c 0) (v (make-vector 2 0)) (l '()) (bad 0))
    (define (work k)
      (do ((i 0 (+ i 1))) ((= i k))
        (set! c (+ c 1))
        (vector-set! v 0 (+ (vector-ref v 0) 1))
        ;; l changes shape (a pair, '()) under the other threads' feet
        (set! l (cond ((null? l) (list i)) ((pair? (cdr l)) '()) (else (cons i l))))
        (unless (or (null? l) (pair? l)) (set! bad (+ bad 1)))))
    (values (lambda () (list c (vector-ref v 0) bad)) work)))
(define-values (shared work) (make-shared))
(define workers (map (lambda (i) (thread-start! (make-thread (lambda () (work 50000))))) '(1 2 3 4)))
(for-each thread-join! workers)
(test '(200000 200000 0) (shared))

;; strings and hash tables grown by several threads
(define s (make-string 4 #\a))
(define ht (make-hash-table))
(define (scribble k)
  (do ((i 0 (+ i 1))) ((= i 20000))
    (string-set! s (modulo i 4) (if (even? i) #\b #\λ))
    (hash-table-set! ht (+ (* k 100000) i) i)))
(for-each thread-join! (map (lambda (k) (thread-start! (make-thread (lambda () (scribble k))))) '(1 2 3)))
(test 60000 (hash-table-size ht))
(test #t (string? (string-append s "")))

;; two threads that never wait both run: time-slicing
(define stop #f)
(define a 0)
(define b 0)
(define ta (thread-start! (make-thread (lambda () (let loop () (unless stop (set! a (+ a 1)) (loop)))))))
(define tb (thread-start! (make-thread (lambda () (let loop () (unless stop (set! b (+ b 1)) (loop)))))))
(let wait () (when (or (< a 1000) (< b 1000)) (thread-sleep! 0.001) (wait)))
(set! stop #t)
(thread-join! ta)
(thread-join! tb)
(test #t (and (>= a 1000) (>= b 1000)))

;; thread-yield! lets a waiting thread run
(define flag #f)
(define setter (make-thread (lambda () (set! flag #t))))
(thread-start! setter)
(let spin ((n 0)) (unless (or flag (> n 1000000)) (thread-yield!) (spin (+ n 1))))
(test #t flag)
(thread-join! setter)

;; a thread waiting in a read lets the others run meanwhile
(define-values (pin pout) (values #f #f))
(define got '())
(define reader
  (thread-start!
   (make-thread
    (lambda ()
      (let ((p (open-input-string "x")))
        (set! got (cons (read-char p) got)))
      (thread-sleep! 0.01)
      (set! got (cons 'slept got))))))
(define mine 0)
(let loop () (unless (memq 'slept got) (set! mine (+ mine 1)) (thread-yield!) (loop)))
(thread-join! reader)
(test '(slept #\x) got)
(test #t (> mine 0))
