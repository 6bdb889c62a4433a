;; A program written the Sagittarius way, run as it is: a TLS line server and
;; its client with (rfc tls) and (sagittarius socket), keyword arguments
;; (let-keywords), format with padded directives, hashtables, string-scan,
;; receive, define-constant, (rfc base64) and threads.
(import (rnrs) (sagittarius) (sagittarius control) (sagittarius socket) (sagittarius threads)
        (rfc tls) (rfc x509) (rfc base64) (tlsport test))

(load "testdata/lib/fixture.scm")   ; read-file load-cert leaf ca key port-string

(define-constant +greeting+ "HELLO")

;; "Key: value" lines until an empty one, into a string hashtable
(define (read-headers in)
  (let ((h (make-string-hashtable)))
    (let loop ()
      (let ((line (get-line in)))
        (unless (or (eof-object? line) (string=? line ""))
          (receive (k v) (string-scan line ": " 'both)
            (when k (hashtable-set! h k v)))
          (loop))))
    h))

(define (make-request path . options)
  (let-keywords options ((user "anonymous")
                         (secret #f)
                         . #f)
    (string-append (format #f "GET ~a~%" path)
                   (format #f "User: ~a~%" user)
                   (if secret (format #f "Auth: ~a~%" (base64-encode-string secret)) "")
                   "\n")))

(define server (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key key))

(define (serve)
  (let* ((s (socket-accept server))
         (p (transcoded-port (socket-port s) (native-transcoder))))
    (let* ((request (get-line p))
           (headers (read-headers p))
           (auth (hashtable-ref headers "Auth" #f)))
      (put-string p (format #f "~a ~10a|~5,'0d|~a~%" +greeting+
                            (hashtable-ref headers "User" "?")
                            (string-length request)
                            (if auth (base64-decode-string auth) "-")))
      (flush-output-port p)
      (socket-shutdown s SHUT_WR)
      (socket-close s)
      (hashtable-keys-list headers))))

(define t (thread-start! (make-thread serve 'server)))
(define c (make-client-tls-socket "localhost" (port-string server) :certificate-verifier #t :authorities (list ca)))
(define cp (transcoded-port (socket-port c) (native-transcoder)))
(put-string cp (make-request "/index" :user "sag" :secret "open sesame" :unknown 1))
(flush-output-port cp)
(test "HELLO sag       |00010|open sesame" (get-line cp))
(test (eof-object) (get-line cp))
(test '("Auth" "User") (list-sort string<? (thread-join! t 10)))
(socket-close c)
(socket-close server)
