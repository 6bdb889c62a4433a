;; Half-close, STARTTLS over a plain socket, the self-signed fallback, ports, and the (sagittarius socket) integration methods on TLS sockets.
(import (tlsport test) (rfc tls) (rfc x509) (sagittarius socket) (srfi 18))

(load "testdata/lib/fixture.scm")   ; read-file load-cert leaf ca key port-string

;; tls-socket-shutdown SHUT_WR: the server reads to EOF, then its reply still arrives.
(define server (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key key))
(define th
  (make-thread
   (lambda ()
     (let ((s (socket-accept server :handshake #f)))   ; integration method, keywords passed on
       (tls-server-handshake s)
       (let loop ((acc (bytevector)))
         (let ((b (socket-recv s 100)))
           (if (= 0 (bytevector-length b))
               (begin (socket-send s (bytevector-append (string->utf8 "got ") acc))
                      (socket-close s)
                      (utf8->string acc))
               (loop (bytevector-append acc b)))))))))
(thread-start! th)
(define c (make-client-tls-socket "localhost" (port-string server) :certificate-verifier #t :authorities (list ca)))
(test 3 (socket-send/range c (string->utf8 "xxrequest") 2 3))
(test 4 (tls-socket-send/range c (string->utf8 "uest") 0))
(tls-socket-shutdown c SHUT_WR)
(test "request" (thread-join! th))
(test "got request" (utf8->string (socket-recv c 100)))
(test (bytevector) (tls-socket-recv c 100))
(test #f (socket-closed? c))
(socket-close c)
(test #t (socket-closed? c))

;; STARTTLS: a plain exchange of one line, then socket->tls-socket on both sides.
(define plain (make-server-socket "0" AF_INET SOCK_STREAM 0 "127.0.0.1"))
(test #t (socket? plain))
(define th2
  (make-thread
   (lambda ()
     (let* ((s (socket-accept plain))
            (line (utf8->string (socket-recv s 10))))
       (socket-send s (string->utf8 "220 go ahead\r\n"))
       (let ((t (socket->tls-socket s :client-socket #f :certificates (list leaf) :private-key key)))
         (tls-server-handshake t)
         (let ((msg (utf8->string (tls-socket-recv t 100))))
           (tls-socket-send t (string->utf8 "secure reply"))
           (tls-socket-close t)
           (list line msg)))))))
(thread-start! th2)
(define p (make-client-socket "localhost" (port-string plain)))
(test "localhost" (socket-node p))
(socket-send p (string->utf8 "STARTTLS\r\n"))
(test "220 go ahead\r\n" (utf8->string (socket-recv p 100)))
(define t (socket->tls-socket p :certificate-verifier #t :authorities (list ca)))
(test #t (tls-socket? t))
(test p (tls-socket-raw-socket t))
(tls-socket-send t (string->utf8 "inside TLS"))
(test "secure reply" (utf8->string (tls-socket-recv t 100)))
(test '("STARTTLS\r\n" "inside TLS") (thread-join! th2))
(tls-socket-close t)
(socket-close plain)

;; The self-signed fallback certificate (no certificates given) is accepted by a client trusting only it.
(define fallback (make-server-tls-socket "0" '() :host "127.0.0.1"))
(define th3
  (make-thread
   (lambda ()
     (let loop ((n 3) (out '()))
       (if (= n 0)
           (reverse out)
           (let ((s (guard (e (#t 'rejected)) (tls-socket-accept fallback))))
             (if (tls-socket? s)
                 (begin (tls-socket-send s (string->utf8 "hi")) (tls-socket-close s) (loop (- n 1) (cons 'ok out)))
                 (loop (- n 1) (cons s out)))))))))
(thread-start! th3)
(define fport (port-string fallback))
;; first connection: no verification, fetch the certificate
(define c1 (make-client-tls-socket "localhost" fport))
(define self-cert (tls-socket-peer-certificate c1))
(test "hi" (utf8->string (tls-socket-recv c1 10)))
(tls-socket-close c1)
(test (x509-name->string (x509-certificate-subject-dn self-cert))
      (x509-name->string (x509-certificate-issuer-dn self-cert)))
;; trusting only that certificate, with verification on
(define c2 (make-client-tls-socket "localhost" fport :certificate-verifier #t :authorities (list self-cert)))
(test "hi" (utf8->string (tls-socket-recv c2 10)))
(tls-socket-close c2)
;; trusting only another CA: rejected (unable to get local issuer / self-signed)
(test #t (guard (e ((tls-error? e) (and (memv (get-condition-property e 'openssl 'verify-code) '(18 19 20)) #t)))
           (make-client-tls-socket "localhost" fport :certificate-verifier #t :authorities (list ca))))
(test '(ok ok rejected) (thread-join! th3))
(tls-socket-close fallback)

;; Ports, call-with-tls-socket, selects and pending data.
(define srv (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key key))
(define th4
  (make-thread
   (lambda ()
     (call-with-tls-socket (tls-socket-accept srv)
       (lambda (s)
         (let ((out (tls-socket-output-port s)))
           (write-bytevector (string->utf8 "line one\nline two\n") out)
           (flush-output-port out)
           (utf8->string (tls-socket-recv s 100))))))))
(thread-start! th4)
(test '() (socket-read-select 0 srv))
(define c5 (make-client-tls-socket "localhost" (port-string srv)))
(test (list c5) (socket-read-select 5000 c5))
(test (list c5) (socket-write-select 0 c5))
(test '() (socket-error-select 0 c5))
(test "line " (utf8->string (tls-socket-recv c5 5)))
(test #t (tls-socket-pending? c5))   ; the rest of the record is buffered
(define in (tls-socket-input-port c5))
(test "one" (read-line in))
(test "line two" (read-line in))
(define out (socket-output-port c5))
(write-bytevector (string->utf8 "thanks") out)
(flush-output-port out)
(test "thanks" (thread-join! th4))
(define tp (tls-socket-port c5))
(test (eof-object) (read-u8 tp))
(close-port tp)
(test #t (tls-socket-closed? c5))
(test (list c5) (socket-error-select 0 c5))
(tls-socket-close srv)

;; Versions and the legacy keywords.
(test #x0301 *tls-version-1.0*)
(test #x0302 *tls-version-1.1*)
(test #x0303 *tls-version-1.2*)
(test #x0304 *tls-version-1.3*)
(define srv6 (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key key :version *tls-version-1.2*
                                     :cipher-suites (list #xc02b #xc02f)))
(define th6 (make-thread (lambda () (let ((s (tls-socket-accept srv6))) (tls-socket-send s (string->utf8 "v")) (tls-socket-close s)))))
(thread-start! th6)
(define c6 (make-client-tls-socket "localhost" (port-string srv6) :prng 'ignored :min-version *tls-version-1.2*
                                   :hello-extensions (list (make-server-name-indication '("localhost")))))
(test "v" (utf8->string (tls-socket-recv c6 10)))
(thread-join! th6)
(tls-socket-close c6)
(tls-socket-close srv6)
