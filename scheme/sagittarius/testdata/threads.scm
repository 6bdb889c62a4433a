;; (sagittarius threads): thread-suspend! (which returns once the thread
;; has stopped), thread-resume! (only by the thread that suspended it),
;; thread-interrupt! (a wait other than socket-accept and socket-select
;; goes on; see bindings/socket for those).
(import (rnrs) (sagittarius threads) (tlsport test))

(define (await-state t state)      ; until t is in state (a hang guard of 30 s)
  (let loop ((i 0))
    (cond ((eq? (thread-state t) state) state)
          ((> i 3000) (thread-state t))
          (else (thread-sleep! 0.01) (loop (+ i 1))))))

(define count 0)
(define counter (thread-start! (make-thread (lambda () (let loop () (set! count (+ count 1)) (loop))))))
(test #t (eq? counter (thread-suspend! counter 30 'timeout)))
(test 'suspended (thread-state counter))
(define c1 count)
(thread-sleep! 0.05)
(test c1 count)                     ; it has stopped
(test #t (eq? counter (thread-suspend! counter)))   ; again by the same thread: it stays
(thread-resume! counter)
(let loop ((i 0)) (if (and (= count c1) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1)))))
(test #t (> count c1))              ; it goes on
(test 'not-suspended (guard (e (#t 'not-suspended)) (thread-resume! counter)))

;; suspended by another thread: only that one resumes it
(define other (thread-start! (make-thread (lambda () (thread-suspend! counter 30) 'done))))
(test 'done (thread-join! other 30 'stuck))
(test 'other (guard (e (#t 'other)) (thread-resume! counter)))
(test 'other (guard (e (#t 'other)) (thread-suspend! counter)))
(thread-terminate! counter)         ; a suspended thread can be terminated
(test 'terminated (guard (e ((terminated-thread-exception? e) 'terminated)) (thread-join! counter 30 'stuck)))

;; a thread in a wait stops when the wait ends: until then thread-suspend!
;; times out, with timeout-val
(define gate (make-mutex))
(mutex-lock! gate)
(define go-on #f)
(define waiter (thread-start! (make-thread (lambda () (mutex-lock! gate) (mutex-unlock! gate) (let loop () (if go-on 'through (loop)))))))
(await-state waiter 'blocked)
(test 'not-yet (thread-suspend! waiter 0.05 'not-yet))
(test #f (thread-suspend! waiter 0.01))
(mutex-unlock! gate)
(test #t (eq? waiter (thread-suspend! waiter 30 'timeout)))    ; it stopped after its wait
(set! go-on #t)
(thread-resume! waiter)
(test 'through (thread-join! waiter 30 'stuck))

;; a thread that suspends itself stops until resumed
(define self-stopper (thread-start! (make-thread (lambda () (thread-suspend! (current-thread)) 'resumed))))
(await-state self-stopper 'suspended)
(test 'timeout (thread-join! self-stopper 0.05 'timeout))
(test 'other (guard (e (#t 'other)) (thread-resume! self-stopper)))  ; it suspended itself
(thread-terminate! self-stopper)
;; a thread that ends before it stops: thread-suspend! returns then
(mutex-lock! gate)
(define quick (thread-start! (make-thread (lambda () (mutex-lock! gate) (mutex-unlock! gate) 'quick))))
(await-state quick 'blocked)
(test 'not-yet (thread-suspend! quick 0.01 'not-yet))
(mutex-unlock! gate)
(test #t (eq? quick (thread-suspend! quick 30 'timeout)))
(thread-resume! quick)
(test 'quick (thread-join! quick 30 'stuck))

;; thread-interrupt!: thread-sleep! and semaphore-wait! go on
(define sleeper (thread-start! (make-thread (lambda () (thread-sleep! 0.2) 'slept))))
(await-state sleeper 'sleeping)
(thread-interrupt! sleeper)
(test 'slept (thread-join! sleeper 30 'stuck))
(define sem (make-semaphore #f 0))
(define sem-waiter (thread-start! (make-thread (lambda () (semaphore-wait! sem 30)))))
(thread-sleep! 0.02)                ; (an interruption before the wait reaches it as well)
(thread-interrupt! sem-waiter)
(semaphore-post! sem)
(test #t (thread-join! sem-waiter 30 'stuck))

;; the library's environment has SRFI-18's procedures too (re-exported)
(test '(#t #t #t) (eval '(list (thread? (current-thread)) (mutex? (make-mutex)) (procedure? thread-suspend!))
                        (environment '(rnrs) '(sagittarius threads))))
