;; SRFI-18 threads on goroutines.
(import (tlsport test))

(define t (make-thread (lambda () (+ 1 2)) 'adder))
(test 'adder (thread-name t))
(thread-start! t)
(test 3 (thread-join! t))
(define slow (thread-start! (make-thread (lambda () (thread-sleep! 5) 'late))))
(test 'timeout (thread-join! slow 0.05 'timeout))
(thread-terminate! slow)
(define bad-err (open-output-string))
(define bad (parameterize ((current-error-port bad-err)) (thread-start! (make-thread (lambda () (raise 'oops)) 'bad))))
(test 'oops (guard (e ((uncaught-exception? e) (uncaught-exception-reason e))) (thread-join! bad)))
(test "Warning (#<thread: bad>): in thread: uncaught exception: oops\n" (get-output-string bad-err))
;; An uncaught error is reported at once on the thread's error port, as
;; CHICKEN does, naming the thread, the location and the message; joining
;; raises uncaught-exception whose reason is the original condition.
(define err (open-output-string))
(define worker (parameterize ((current-error-port err)) (make-thread (lambda () (car 1)) 'worker)))
(thread-start! worker)
(let loop ((n 0)) (when (and (< n 500) (string=? "" (get-output-string err))) (thread-sleep! 0.01) (loop (+ n 1))))
(test "Warning (#<thread: worker>): in thread: (car) bad argument type in argument 1 (expected pair): 1"
      (read-line (open-input-string (get-output-string err))))
(define reason (guard (e ((uncaught-exception? e) (uncaught-exception-reason e))) (thread-join! worker)))
(test #t (error-object? reason))
(test '(car (exn type)) (list (get-condition-property reason 'exn 'location) (condition-kinds reason)))
(test "#<thread: worker>" (let ((o (open-output-string))) (display worker o) (get-output-string o)))
(define m (make-mutex))
(define counter 0)
(define (work) (do ((i 0 (+ i 1))) ((= i 1000)) (mutex-lock! m) (set! counter (+ counter 1)) (mutex-unlock! m)))
(define ts (map (lambda (i) (thread-start! (make-thread work))) '(1 2 3 4)))
(for-each thread-join! ts)
(test 4000 counter)
(define cv (make-condition-variable))
(define ready #f)
(define waiter (thread-start! (make-thread (lambda ()
  (mutex-lock! m)
  (let loop () (if ready (begin (mutex-unlock! m) 'woke) (begin (mutex-unlock! m cv 2) (mutex-lock! m) (loop))))))))
(thread-sleep! 0.02)
(mutex-lock! m) (set! ready #t) (condition-variable-broadcast! cv) (mutex-unlock! m)
(test 'woke (thread-join! waiter 5 'stuck))
(define p (make-parameter 1))
(test 7 (parameterize ((p 7)) (thread-join! (thread-start! (make-thread (lambda () (p)))))))
(test #t (thread? (current-thread)))
(test #t (mutex-lock! m 0.1))
(test #f (thread-join! (thread-start! (make-thread (lambda () (mutex-lock! m 0.05))))))
(mutex-unlock! m)

;; thread-terminate!: a join raises terminated-thread-exception (not
;; uncaught-exception); a thread never started, or terminating itself, too
(define sleeper (thread-start! (make-thread (lambda () (thread-sleep! 30)) 'sleeper)))
(let loop ((n 0)) (unless (or (eq? (thread-state sleeper) 'sleeping) (> n 500)) (thread-sleep! 0.01) (loop (+ n 1))))
(test 'sleeping (thread-state sleeper))
(thread-terminate! sleeper)
;; SRFI-18: "the termination of the thread will occur before thread-terminate! returns"
(test 'dead (thread-state sleeper))
(define busy-holder (let ((m (make-mutex)))
  (cons m (thread-start! (make-thread (lambda () (mutex-lock! m) (let spin () (spin))))))))
(let loop ((n 0)) (unless (or (thread? (mutex-state (car busy-holder))) (> n 500)) (thread-sleep! 0.01) (loop (+ n 1))))
(thread-terminate! (cdr busy-holder))
(test '(dead abandoned) (list (thread-state (cdr busy-holder)) (mutex-state (car busy-holder))))
(test '(#t #f) (guard (e (#t (list (terminated-thread-exception? e) (uncaught-exception? e)))) (thread-join! sleeper)))
(test 'dead (thread-state sleeper))
(define unstarted (make-thread (lambda () 'never)))
(test 'created (thread-state unstarted))
(thread-terminate! unstarted)
(test #t (guard (e ((terminated-thread-exception? e) #t)) (thread-join! unstarted 5)))
(define self-ended '())
(define selfish (thread-start! (make-thread (lambda () (thread-terminate! (current-thread)) (set! self-ended 'ran-on)))))
(test #t (guard (e ((terminated-thread-exception? e) #t)) (thread-join! selfish 5)))
(test '() self-ended)
(let ((t (thread-start! (make-thread (lambda () 1))))) (thread-join! t) (test 'dead (thread-state t)))
(let ((t (parameterize ((current-error-port (open-output-string))) (thread-start! (make-thread (lambda () (raise 'x)))))))
  (guard (e (#t #f)) (thread-join! t))
  (test 'terminated (thread-state t)))
(test 'running (thread-state (current-thread)))

;; a mutex whose owner ends holding it is abandoned: the next mutex-lock!
;; gets it and raises abandoned-mutex-exception, rather than waiting for ever
(define am (make-mutex 'am))
(thread-join! (thread-start! (make-thread (lambda () (mutex-lock! am) 'held))))
(test 'abandoned (mutex-state am))
(test 'raised (guard (e ((abandoned-mutex-exception? e) 'raised)) (mutex-lock! am 5)))
(test #t (eq? (current-thread) (mutex-state am)))
(mutex-unlock! am)
(test 'not-abandoned (mutex-state am))
(define holder (thread-start! (make-thread (lambda () (mutex-lock! am) (thread-sleep! 0.05) 'held))))
(let loop ((n 0)) (unless (or (eq? holder (mutex-state am)) (> n 500)) (thread-sleep! 0.005) (loop (+ n 1))))
(define waiter2 (thread-start! (make-thread (lambda () (guard (e ((abandoned-mutex-exception? e) 'got-abandoned)) (mutex-lock! am 5) 'plain)))))
(test 'held (thread-join! holder))
(test 'got-abandoned (thread-join! waiter2 5 'stuck))
(mutex-unlock! am)
(define um (make-mutex))
(thread-join! (thread-start! (make-thread (lambda () (mutex-lock! um) (mutex-unlock! um)))))
(test 'not-abandoned (mutex-state um))

;; condition variables' name and specific field; the CHICKEN egg's
;; quantum and millisecond times
(define ncv (make-condition-variable 'ncv))
(test 'ncv (condition-variable-name ncv))
(condition-variable-specific-set! ncv '(1 2))
(test '(1 2) (condition-variable-specific ncv))
(test 10000 (thread-quantum (current-thread)))
(thread-quantum-set! (current-thread) 500)
(test 500 (thread-quantum (current-thread)))
(test-error (thread-quantum-set! (current-thread) -1))
(test 1234 (time->milliseconds (milliseconds->time 1234)))
(test #t (<= (abs (- (time->milliseconds (current-time)) (current-milliseconds))) 1000))
(test #t (exact? (current-seconds)))

;; thread-signal!: the thread raises the object continuably when it next
;; runs Scheme code, one signal after the other's handler returned, then
;; goes on; without a handler it ends with the object as the reason
(define signalled '())
(define busy (thread-start! (make-thread (lambda ()
  (with-exception-handler
    (lambda (e) (set! signalled (cons e signalled)) 'ignored)
    ;; runs until both signals came (a fixed count of rounds could end
    ;; before they do on a fast machine); thread-join! bounds it
    (lambda () (let loop () (if (< (length signalled) 2) (loop) 'finished))))))))
(thread-sleep! 0.02)
(thread-signal! busy 'one)
(thread-signal! busy 'two)
(test 'finished (thread-join! busy 30 'stuck))
(test '(one two) (reverse signalled))
(define spinner (parameterize ((current-error-port (open-output-string))) (thread-start! (make-thread (lambda () (let loop () (loop)))))))
(thread-sleep! 0.02)
(thread-signal! spinner 'stop-now)
(test 'stop-now (guard (e ((uncaught-exception? e) (uncaught-exception-reason e))) (thread-join! spinner 30 'stuck)))
(test '(3 (self me)) (let ((r #f)) (list (with-exception-handler (lambda (e) (list 'self e)) (lambda () (set! r (thread-signal! (current-thread) 'me)) 3)) r)))

;; thread-signal! wakes a thread blocked in a wait at once (CHICKEN's
;; scheduler unblocks it): the handler runs in that thread while the wait
;; has not ended; when the handler returns the wait goes on (to the same
;; deadline), except a condition-variable wait, which returns #t (a
;; wake-up SRFI-18 allows, as CHICKEN's mutex-unlock!).
(define sig-m (make-mutex))
(define sig-cv (make-condition-variable))
(define handled '())
(define (handled! x)
  (mutex-lock! sig-m) (set! handled (cons x handled)) (condition-variable-broadcast! sig-cv) (mutex-unlock! sig-m))
(define (await-handled n)          ; until n handlers ran (a hang guard of 30 s a wait)
  (mutex-lock! sig-m)
  (if (< (length handled) n) (begin (mutex-unlock! sig-m sig-cv 30) (await-handled n)) (mutex-unlock! sig-m)))
(define (await-state t state)      ; until t is in state
  (let loop ((i 0))
    (cond ((eq? (thread-state t) state) state)
          ((> i 3000) (thread-state t))
          (else (thread-sleep! 0.01) (loop (+ i 1))))))
(define (start-handling thunk)
  (set! handled '())
  (thread-start! (make-thread (lambda () (with-exception-handler (lambda (e) (handled! e) 'ignored) thunk)))))

;; thread-sleep!: the handler runs during the sleep, which then goes on to its end
(define sleep-start (current-milliseconds))
(define sleeper (start-handling (lambda () (thread-sleep! 0.3) 'slept)))
(await-state sleeper 'sleeping)
(thread-signal! sleeper 'wake)
(await-handled 1)
(test '(wake) handled)
(test 'slept (thread-join! sleeper 30 'stuck))
(test #t (>= (- (current-milliseconds) sleep-start) 300))
(define long-sleeper (start-handling (lambda () (thread-sleep! 600) 'slept)))
(await-state long-sleeper 'sleeping)
(thread-signal! long-sleeper 'early)
(await-handled 1)
(test 'sleeping (await-state long-sleeper 'sleeping)) ; back to its sleep
(thread-terminate! long-sleeper)

;; mutex-lock!: the handler runs while the mutex is held elsewhere; the
;; thread then waits on and gets it when it is unlocked
(define held (make-mutex 'held))
(mutex-lock! held)
(define locker (start-handling (lambda () (mutex-lock! held) (let ((o (mutex-state held))) (mutex-unlock! held) (eq? o (current-thread))))))
(await-state locker 'blocked)
(thread-signal! locker 'lock-wake)
(await-handled 1)
(test 'blocked (await-state locker 'blocked))
(mutex-unlock! held)
(test #t (thread-join! locker 30 'stuck))

;; thread-join!: the handler runs while the joined thread goes on; the join
;; then gets its result
(define gate (make-mutex 'gate))
(mutex-lock! gate)
(define worker (thread-start! (make-thread (lambda () (mutex-lock! gate) (mutex-unlock! gate) 'worked))))
(define joiner (start-handling (lambda () (thread-join! worker))))
(await-state joiner 'blocked)
(thread-signal! joiner 'join-wake)
(await-handled 1)
(test 'blocked (await-state joiner 'blocked))
(mutex-unlock! gate)
(test 'worked (thread-join! joiner 30 'stuck))

;; mutex-unlock! on a condition variable: the handler runs, then it returns
;; #t; the condition variable's next signal goes to a thread still waiting
(define cv-m (make-mutex))
(define cv (make-condition-variable))
(define cv-waiter (start-handling (lambda () (mutex-lock! cv-m) (mutex-unlock! cv-m cv))))
(await-state cv-waiter 'blocked)
(thread-signal! cv-waiter 'cv-wake)
(test #t (thread-join! cv-waiter 30 'stuck))
(test '(cv-wake) handled)
(define cv-waiter2 (thread-start! (make-thread (lambda () (mutex-lock! cv-m) (mutex-unlock! cv-m cv 30)))))
(await-state cv-waiter2 'blocked)
(condition-variable-signal! cv)
(test #t (thread-join! cv-waiter2 30 'stuck))
;; a waiter that timed out leaves too
(mutex-lock! cv-m)
(test #f (mutex-unlock! cv-m cv 0.01))
(define cv-waiter3 (thread-start! (make-thread (lambda () (mutex-lock! cv-m) (mutex-unlock! cv-m cv 30)))))
(await-state cv-waiter3 'blocked)
(condition-variable-signal! cv)
(test #t (thread-join! cv-waiter3 30 'stuck))

;; a handler that escapes ends the wait there
(define escaper (thread-start! (make-thread (lambda ()
  (call/cc (lambda (k) (with-exception-handler (lambda (e) (k (list 'escaped e))) (lambda () (thread-sleep! 600)))))))))
(await-state escaper 'sleeping)
(thread-signal! escaper 'out)
(test '(escaped out) (thread-join! escaper 30 'stuck))

;; thread-suspend! and thread-resume! (CHICKEN): the thread stops at its
;; next step and its state is suspended until it is resumed
(define spins 0)
(define stop-spinning #f)
(define spinning (thread-start! (make-thread (lambda () (let loop () (set! spins (+ spins 1)) (if stop-spinning 'stopped (loop)))))))
(thread-suspend! spinning)
(test 'suspended (thread-state spinning))
(test 'timeout (thread-join! spinning 0.05 'timeout))
(set! stop-spinning #t)
(thread-resume! spinning)
(test 'stopped (thread-join! spinning 30 'stuck))
(test #t (> spins 0))
(thread-resume! spinning)                 ; not suspended: nothing
(thread-suspend! spinning)                ; ended: nothing
(test 'dead (thread-state spinning))
;; a thread suspending itself stops at once; another resumes it
(define self-suspender (thread-start! (make-thread (lambda () (thread-suspend! (current-thread)) 'resumed))))
(await-state self-suspender 'suspended)
(test 'timeout (thread-join! self-suspender 0.05 'timeout))
(thread-resume! self-suspender)
(test 'resumed (thread-join! self-suspender 30 'stuck))
;; a created thread suspended before it starts stops at its first step
(define late (make-thread (lambda () 'late)))
(thread-suspend! late)
(test 'suspended (thread-state late))
(thread-start! late)
(test 'timeout (thread-join! late 0.05 'timeout))
(thread-resume! late)
(test 'late (thread-join! late 30 'stuck))
;; thread-signal! reaches a suspended thread when it is resumed
(define in-handler #f)
(define sig-suspended (start-handling (lambda () (set! in-handler #t) (let loop () (if (null? handled) (loop) (car handled))))))
(let loop ((i 0)) (if (and (not in-handler) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1)))))
(thread-suspend! sig-suspended)
(thread-signal! sig-suspended 'later)
(test 'timeout (thread-join! sig-suspended 0.05 'timeout))
(thread-resume! sig-suspended)
(test 'later (thread-join! sig-suspended 30 'stuck))

;; thread-wait-for-i/o! checks its arguments (waiting on a descriptor is
;; tested in Go: the core has no descriptors to give it)
(test 'type (guard (e (#t 'type)) (thread-wait-for-i/o! 'fd)))
(test 'type (guard (e (#t 'type)) (thread-wait-for-i/o! 0 #:sideways)))

;; made without a name, a thread, mutex or condition variable gets a fresh
;; symbol (CHICKEN: (gensym 'thread); Sagittarius: "an unique name")
(let ((t1 (make-thread void)) (t2 (make-thread void)) (m (make-mutex)) (c (make-condition-variable)))
  (test '(#t #t #t) (map symbol? (list (thread-name t1) (mutex-name m) (condition-variable-name c))))
  (test #f (eq? (thread-name t1) (thread-name t2)))
  (test "mutex" (substring (symbol->string (mutex-name m)) 0 5))
  (test 'named (thread-name (make-thread void 'named))))
