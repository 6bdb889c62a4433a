;; In the style of Sagittarius's own test of (rfc tls): a key pair and a
;; self-signed certificate made in Scheme, an echo server on a thread using
;; the (sagittarius socket) procedures and R6RS binary ports on the
;; accepted TLS socket, the client using tls-socket-send/-recv and ports;
;; SRFI-64 reports. (The service is chosen by the OS instead of "10001".)
(import (rnrs)
        (rfc tls)
        (rfc x509)
        (sagittarius crypto keys)
        (sagittarius socket)
        (srfi 18)
        (srfi 64))

(test-begin "RFC TLS")

(define keypair (generate-key-pair *key:rsa* :size 2048))
(define cert (make-x509-basic-certificate keypair 1
               (make-x509-issuer '((C . "NL")))
               (make-validity (current-date) (current-date))
               (make-x509-subject '((C . "NL")))))

(define server-socket (make-server-tls-socket "0" (list cert) :private-key (key-pair-private keypair) :host "127.0.0.1"))
(define service (number->string (socket-info-port (tls-socket-info server-socket))))

(define (server-run)
  (let loop ((n 0))
    (if (= n 2)
        'done
        (let ((addr (socket-accept server-socket)))
          (call-with-socket addr
            (lambda (sock)
              (let ((p (socket-port sock #f)))
                (let lp2 ((r (get-bytevector-some p)))
                  (unless (eof-object? r)
                    (put-bytevector p r)
                    (flush-output-port p)
                    (lp2 (get-bytevector-some p)))))))
          (loop (+ n 1))))))

(define server-thread (make-thread server-run))
(thread-start! server-thread)

(let ((client-socket (make-client-tls-socket "localhost" service)))
  (test-assert "tls-socket?" (tls-socket? client-socket))
  (test-equal "raw socket send" 5 (tls-socket-send client-socket (string->utf8 "hello") 0))
  (test-equal "raw socket recv" (string->utf8 "hello") (tls-socket-recv client-socket 255 0))
  (tls-socket-close client-socket))

(let* ((client-socket (make-client-tls-socket "localhost" service))
       (in/out (tls-socket-port client-socket)))
  (put-bytevector in/out (string->utf8 "hello"))
  (flush-output-port in/out)
  (test-equal "port recv" (string->utf8 "hello") (get-bytevector-n in/out 5))
  (let ((text (transcoded-port in/out (native-transcoder))))
    (put-string text "world\n")
    (flush-output-port text)
    (test-equal "textual port recv" "world" (get-line text))
    (close-port text))
  (test-assert "closed" (tls-socket-closed? client-socket)))

(test-eq "server done" 'done (thread-join! server-thread))
(tls-socket-close server-socket)
(test-end)
