;; CHICKEN's write semantics on SSL ports (issue 9 §2, §4): with tcp-buffer-size #f
;; what a write procedure wrote is sent when it returns; with a size, output waits
;; for flush-output; ssl-shutdown! 'write sends what was written first.
;; (The ragged-EOF script, testdata/ragged/, runs against a Go peer.)
(import (tlsport test) (openssl) (openssl ext) (chicken tcp) (srfi 18))

(tcp-read-timeout 5000) ; a regression fails in seconds instead of hanging

(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define (connect) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))

;; write-line then read-line with no flush-output (an IRC client's NICK); the
;; unflushed tail goes out before ssl-shutdown!'s close_notify.
(define t (make-thread (lambda ()
  (let-values (((i o) (ssl-accept l)))
    (let ((nick (read-line i)))
      (write-line (string-append ":server 001 " nick) o)
      (let ((rest (read-string #f i)))
        (close-input-port i) (close-output-port o)
        (list nick rest)))))))
(thread-start! t)
(define-values (i o) (connect))
(write-line "NICK x" o)
(test ":server 001 NICK x" (read-line i))
(display '(a "b" #\c) o)
(write-string " unflushed" o)
(ssl-shutdown! o 'write)
(test '("NICK x" "(a b c) unflushed") (thread-join! t))
(close-input-port i) (close-output-port o)

;; (tcp-buffer-size n): output is held until flush-output; the server's
;; reads time out until then.
(define t2 (make-thread (lambda ()
  (let-values (((i o) (ssl-accept l)))
    (ssl-handshake! i)
    (let loop ((timeouts 0))
      (let ((line (condition-case (parameterize ((tcp-read-timeout 100)) (read-line i))
                    (e (exn i/o net timeout) #f))))
        (cond (line (close-input-port i) (close-output-port o) (list line (> timeouts 0)))
              (else (loop (+ timeouts 1))))))))))
(thread-start! t2)
(define-values (i2 o2) (parameterize ((tcp-buffer-size 4096)) (connect)))
(write-line "buffered" o2)
(thread-sleep! 0.5)
(flush-output o2)
(test '("buffered" #t) (thread-join! t2))
(close-input-port i2) (close-output-port o2)
(ssl-close l)

;; ssl-start* over (chicken tcp) ports: write-line is sent without flush-output.
(define tl (tcp-listen 0 10 "127.0.0.1"))
(define t3 (make-thread (lambda ()
  (let-values (((ti to) (tcp-accept tl)))
    (let-values (((i o) (ssl-start* #t #f ti to certificate: leaf-cert private-key: leaf-key)))
      (write-line (string-append "echo " (read-line i)) o)
      (let ((r (read-line i)))
        (close-input-port i) (close-output-port o)
        r))))))
(thread-start! t3)
(define-values (ti3 to3) (tcp-connect "127.0.0.1" (tcp-listener-port tl)))
(define-values (i3 o3) (ssl-start* #f "localhost" ti3 to3 certificate-authorities: ca-file))
(write-line "start" o3)
(test "echo start" (read-line i3))
(close-input-port i3) (close-output-port o3)
(test (eof-object) (thread-join! t3))

(tcp-close tl)
