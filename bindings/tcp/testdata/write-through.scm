;; (chicken tcp) writes as CHICKEN does (issue 9 §2): with tcp-buffer-size #f
;; (the default) what a write procedure wrote is sent when it returns; with a
;; size, output waits for flush-output (or close).
(import (tlsport test) (chicken tcp) (srfi 18))

(tcp-read-timeout 5000) ; a regression fails in seconds instead of hanging
(define l (tcp-listen 0 10 "127.0.0.1"))
(define (connect) (tcp-connect "127.0.0.1" (tcp-listener-port l)))

;; write-line, then read-line, no flush-output: the line protocol client.
(define t (make-thread (lambda ()
  (let-values (((i o) (tcp-accept l)))
    (write-line (string-append "echo " (read-line i)) o)
    (display '(1 "two" #\3) o)
    (newline o)
    (let ((r (read-line i))) (close-input-port i) (close-output-port o) r)))))
(thread-start! t)
(define-values (i o) (connect))
(write-line "NICK x" o)
(test "echo NICK x" (read-line i))
(test "(1 two 3)" (read-line i))
(close-input-port i) (close-output-port o)
(test (eof-object) (thread-join! t))

;; (tcp-buffer-size 4096): nothing is sent before flush-output.
(define timed-out (make-mutex))
(mutex-lock! timed-out)
(define t2 (make-thread (lambda ()
  (let-values (((i o) (tcp-accept l)))
    (let ((first (condition-case (parameterize ((tcp-read-timeout 300)) (read-line i))
                   (e (exn i/o net timeout) 'timeout))))
      (mutex-unlock! timed-out)
      (let ((second (read-line i)))
        (close-input-port i) (close-output-port o)
        (list first second)))))))
(thread-start! t2)
(define-values (i2 o2) (parameterize ((tcp-buffer-size 4096)) (connect)))
(write-line "held" o2)
(mutex-lock! timed-out)
(flush-output o2)
(test '(timeout "held") (thread-join! t2))
(close-input-port i2) (close-output-port o2)
(tcp-close l)
