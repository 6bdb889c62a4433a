;; TLS socket ports send what each write wrote, without flush-output-port
;; (Sagittarius socket ports are unbuffered; issue 9 §2).
(import (tlsport test) (rfc tls) (rfc x509) (sagittarius socket) (srfi 18))

(define leaf (call-with-input-file leaf-cert read-x509-certificate))
(define key (call-with-input-file leaf-key (lambda (in) (read-string 1000000 in))))
(define srv (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key key))
(define th
  (make-thread
   (lambda ()
     (let* ((s (tls-socket-accept srv))
            (p (tls-socket-port s)))
       (write-bytevector (bytevector-append (string->utf8 "echo ") (read-bytevector 5 p)) p)
       (let ((more (read-bytevector 3 p)))
         (close-port p)
         (utf8->string more))))))
(thread-start! th)
(define c (make-client-tls-socket "localhost" (number->string (socket-info-port (socket-info srv)))))
(tls-socket-set-read-timeout! c 5000) ; a regression fails in seconds instead of hanging
(define p (tls-socket-port c))
(write-bytevector (string->utf8 "hello") p)
(test "echo hello" (utf8->string (read-bytevector 10 p)))
(write-u8 98 p) (write-u8 121 p) (write-u8 101 p)
(test "bye" (thread-join! th))
(close-port p)
(socket-close srv)
