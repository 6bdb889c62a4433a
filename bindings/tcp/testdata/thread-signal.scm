;; thread-signal! reaches a thread blocked reading a TCP port at once (as
;; CHICKEN's, whose scheduler unblocks it): the handler runs in that thread;
;; when it returns, the read goes on and loses nothing of what it had read
;; (read-line, read-string, read-char, read-u8, read-bytevector, read);
;; tcp-accept goes on likewise.
(import (tlsport test) (chicken tcp) (chicken io) (srfi 18))

(define l (tcp-listen 0 10 "127.0.0.1"))
(define-values (ci co) (tcp-connect "127.0.0.1" (tcp-listener-port l)))
(define-values (si so) (tcp-accept l))
(define (send s) (write-string s #f so) (flush-output so))

;; The reader runs (read-thunk) with a handler that records the signal and
;; tells the main thread, which then sends the rest of the input.
(define m (make-mutex))
(define cv (make-condition-variable))
(define handled '())
(define (handled! x)
  (mutex-lock! m) (set! handled (cons x handled)) (condition-variable-broadcast! cv) (mutex-unlock! m))
(define (await-handled n)
  (mutex-lock! m)
  (if (< (length handled) n) (begin (mutex-unlock! m cv 30) (await-handled n)) (mutex-unlock! m)))
(define (signal-while-reading first rest read-thunk)
  (set! handled '())
  (let ((t (thread-start! (make-thread (lambda ()
             (with-exception-handler (lambda (e) (handled! e) 'ignored) read-thunk))))))
    (send first)
    (thread-sleep! 0.05)
    (thread-signal! t 'wake-up)
    (await-handled 1)              ; the handler ran while the read waited
    (send rest)
    (list handled (thread-join! t 30 'stuck))))

(test '((wake-up) "hello") (signal-while-reading "hel" "lo\n" (lambda () (read-line ci))))
(test '((wake-up) "abcdef") (signal-while-reading "abc" "def" (lambda () (read-string 6 ci))))
(test '((wake-up) #\x) (signal-while-reading "" "x" (lambda () (read-char ci))))
(test '((wake-up) 7) (signal-while-reading "" "\x07" (lambda () (read-u8 ci))))
(test '((wake-up) #u8(1 2 3 4)) (signal-while-reading "\x01\x02" "\x03\x04" (lambda () (read-bytevector 4 ci))))
(test '((wake-up) (define greeting "hello")) (signal-while-reading "(define greeting \"hel" "lo\")" (lambda () (read ci))))

;; Two signals while blocked: both handlers run, in order, before the read
;; goes on; a handler that escapes ends the read, the data stays unread.
(define t2 (thread-start! (make-thread (lambda ()
  (with-exception-handler (lambda (e) (handled! e) 'ignored) (lambda () (read-line ci)))))))
(set! handled '())
(send "par")
(thread-sleep! 0.05)
(thread-signal! t2 'one)
(thread-signal! t2 'two)
(await-handled 2)
(send "tial\n")
(test '("partial" (one two)) (list (thread-join! t2 30 'stuck) (reverse handled)))

(define t3 (thread-start! (make-thread (lambda ()
  (call/cc (lambda (k) (with-exception-handler (lambda (e) (k (list 'escaped e))) (lambda () (read-line ci)))))))))
(send "kept")
(thread-sleep! 0.05)
(thread-signal! t3 'go)
(test '(escaped go) (thread-join! t3 30 'stuck))
(send " line\n")
(test "kept line" (read-line ci))

(close-output-port so) (close-input-port si)
(close-input-port ci) (close-output-port co)

;; tcp-accept too: the handler runs, then the accept waits on
(set! handled '())
(define acceptor (thread-start! (make-thread (lambda ()
  (with-exception-handler (lambda (e) (handled! e) 'ignored)
    (lambda () (let-values (((i o) (tcp-accept l))) (let ((line (read-line i))) (close-input-port i) (close-output-port o) line))))))))
(thread-sleep! 0.05)
(thread-signal! acceptor 'in-accept)
(await-handled 1)
(test 'waiting (thread-join! acceptor 0.05 'waiting))
(define-values (ci2 co2) (tcp-connect "127.0.0.1" (tcp-listener-port l)))
(write-line "accepted" co2) (flush-output co2)
(test '("accepted" (in-accept)) (list (thread-join! acceptor 30 'stuck) handled))
(close-input-port ci2) (close-output-port co2) (tcp-close l)

;; after a signal the wait goes on to its first deadline, and a timeout
;; then reports the configured limit (not what was left of it)
(define l2 (tcp-listen 0 10 "127.0.0.1"))
(define waiter (thread-start! (make-thread (lambda ()
  (guard (e (#t (get-condition-property e 'timeout 'ms #f)))
    (with-exception-handler (lambda (e) (if (symbol? e) 'ignored (raise e)))
      (lambda () (parameterize ((tcp-accept-timeout 400)) (tcp-accept l2)))))))))
(thread-sleep! 0.15)
(thread-signal! waiter 'tick)
(test 400 (thread-join! waiter 30 'stuck))
(tcp-close l2)
