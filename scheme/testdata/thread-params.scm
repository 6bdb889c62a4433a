;; CHICKEN: setting a parameter by calling it changes it for the calling
;; thread only; a new thread starts with its creator's values; thread-start!
;; takes a thunk as well as a thread.
(import (scheme base) (srfi 18) (chicken base) (chicken port) (tlsport test))

(define p (make-parameter 'global))

(test-group "(p v) in a thread is thread-local"
  (define t (make-thread (lambda () (p 'in-thread) (thread-yield!) (p))))
  (thread-start! t)
  (test 'in-thread (thread-join! t))
  (test 'global (p)))

(test-group "threads inherit their creator's values"
  (define t (parameterize ((p 'outer))
              (make-thread (lambda () (let ((before (p))) (p 'changed) (list before (p)))))))
  (thread-start! t)
  (test '(outer changed) (thread-join! t))
  (test 'global (p)))

(test-group "current-output-port per thread"
  (define (worker name)
    (lambda ()
      (let ((out (open-output-string)))
        (current-output-port out)
        (thread-yield!)
        (display name)
        (thread-yield!)
        (display name)
        (get-output-string out))))
  (define a (thread-start! (make-thread (worker "a"))))
  (define b (thread-start! (make-thread (worker "b"))))
  (test "aa" (thread-join! a))
  (test "bb" (thread-join! b))
  (test "main" (with-output-to-string (lambda () (display "main")))))

(test-group "thread-start! with a thunk"
  (define t (thread-start! (lambda () (+ 1 2))))
  (test #t (thread? t))
  (test 3 (thread-join! t)))

(test-group "a later (p v) in the creator does not reach a running thread"
  (define out (open-output-string))
  (define go (make-mutex))
  (mutex-lock! go)
  (define t (thread-start! (make-thread (lambda ()
    (mutex-lock! go)                            ; until main has set its port
    (mutex-unlock! go)
    (eq? (current-output-port) out)))))
  (define saved (current-output-port))
  (current-output-port out)
  (mutex-unlock! go)
  (define seen-out? (thread-join! t))
  (current-output-port saved)
  (test #f seen-out?))

(test-group "a later (p v) in the creator does not reach a thread made before, for a program's parameter too"
  (define q (make-parameter 1))
  (define go (make-mutex))
  (mutex-lock! go)
  (define t (thread-start! (make-thread (lambda ()
    (mutex-lock! go)                            ; until main has set q
    (mutex-unlock! go)
    (let ((a (q))) (q 3) (list a (q)))))))
  (q 2)
  (define later (make-thread (lambda () (q))))   ; made after (q 2): sees 2
  (mutex-unlock! go)
  (test '(1 3) (thread-join! t))
  (test 2 (q))
  (test 2 (thread-join! (thread-start! later)))
  (q 4)
  (test 4 (thread-join! (thread-start! (make-thread (lambda () (q)))))))

(test-group "a thread's threads inherit its values, not the global ones"
  (define r (make-parameter 'a))
  (define go (make-mutex))
  (mutex-lock! go)
  (define t (make-thread (lambda ()
    (r 'mine)
    (let ((c (make-thread (lambda () (mutex-lock! go) (mutex-unlock! go) (r)))))
      (thread-start! c)
      (thread-join! c)))))
  (thread-start! t)
  (r 'global-later)
  (mutex-unlock! go)
  (test 'mine (thread-join! t))
  (test 'global-later (r)))

(test-group "a parameter made after a thread has its first value there"
  (define go (make-mutex))
  (mutex-lock! go)
  (define box (make-vector 1 #f))
  (define t (thread-start! (make-thread (lambda () (mutex-lock! go) (mutex-unlock! go) ((vector-ref box 0))))))
  (define s (make-parameter 'first))
  (s 'second)
  (vector-set! box 0 s)
  (mutex-unlock! go)
  (test 'first (thread-join! t))
  (test 'second (s)))
