;; (chicken tcp): close-output-port shuts down the sending side — the peer
;; reads end of file — while the input port stays usable (CHICKEN tcp).
(import (tlsport test) (chicken tcp) (chicken io) (srfi 18))

(tcp-read-timeout 5000)
(define l (tcp-listen 0 10 "127.0.0.1"))
(define server (make-thread (lambda ()
  (let-values (((i o) (tcp-accept l)))
    (let ((request (read-string #f i)))        ; until the client's end of file
      (write-string (string-append "got " request "\n") o)
      (close-output-port o)
      (close-input-port i)
      request)))))
(thread-start! server)
(define-values (i o) (tcp-connect "127.0.0.1" (tcp-listener-port l)))
(write-string "request body" o)
(close-output-port o)
(test "got request body" (read-line i))
(test (eof-object) (read-line i))
(test "request body" (thread-join! server))
(close-input-port i)
(tcp-close l)
