;; Encrypted Client Hello between Scheme client and server: keys, acceptance, rejection with retry configs in the condition, bad input (spec §4.1, §4.2).
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(define-values (config-list config private-key) (ssl-make-ech-key "public.example" config-id: 3))
(test #t (bytevector? config-list))
(test 32 (bytevector-length private-key))
(test (+ 2 (bytevector-length config)) (bytevector-length config-list))

;; serve one connection on a listener with ECH keys; returns (listener . thread)
(define (serve keys)
  (let* ((l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
         (t (make-thread (lambda ()
              (let-values (((i o) (ssl-accept l)))
                (condition-case
                 (begin (write-string "hello\n" o) (flush-output o)
                        (let ((r (list (read-line i) (ssl-ech-accepted? i))))
                          (close-input-port i) (close-output-port o) r))
                 (e () 'failed)))))))
    (ssl-set-ech-keys! l keys)
    (thread-start! t)
    (cons l t)))

(define (client port ech-list verify?)
  (let ((ctx (ssl-make-client-context* certificate-authorities: ca-file verify?: verify?)))
    (ssl-set-ech-config-list! ctx ech-list)
    (let-values (((i o) (ssl-connect "localhost" port ctx)))
      (let ((line (read-line i)))
        (write-string "bye\n" o) (flush-output o)
        (list line (ssl-ech-accepted? i) (cdr (assq 'protocol (ssl-connection-info i))))))))

;; accepted: the inner hello (SNI localhost) is the one served
(define s (serve (list (list config private-key #t))))
(test '("hello" #t "TLSv1.3") (client (ssl-listener-port (car s)) config-list #t))
(test '("bye" #t) (thread-join! (cdr s)))

;; the ech-config-list: keyword of ssl-connect*
(define s1 (serve (list (list config private-key #t))))
(test #t (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s1))
                                           certificate-authorities: ca-file ech-config-list: config-list)))
           (read-line i) (write-string "bye\n" o) (flush-output o)
           (ssl-ech-accepted? i)))
(thread-join! (cdr s1))

;; a procedure chooses the keys per ClientHello
(define asked #f)
(define s2 (serve (lambda (hello) (set! asked (cdr (assq 'versions hello))) (list (list config private-key)))))
(test '("hello" #t "TLSv1.3") (client (ssl-listener-port (car s2)) config-list #t))
(thread-join! (cdr s2))
(test #t (and (memv 772 asked) #t))    ; the outer ClientHello offers TLS 1.3

;; rejected (a config the server has no key for): the condition carries the retry configs,
;; which then work (the fixture certificate does not cover public.example, so verification is off)
(define-values (other-list other-config other-key) (ssl-make-ech-key "public.example" config-id: 9))
(define s3 (serve (list (list config private-key #t))))
(define retry
  (condition-case (client (ssl-listener-port (car s3)) other-list #f)
    (e (exn openssl) (get-condition-property e 'openssl 'ech-retry-configs))))
(thread-join! (cdr s3))
(test config-list retry)
(define s4 (serve (list (list config private-key #t))))
(test '("hello" #t "TLSv1.3") (client (ssl-listener-port (car s4)) retry #f))
(thread-join! (cdr s4))

;; no ECH on the client
(define s5 (serve (list (list config private-key #t))))
(test '("hello" #f "TLSv1.3") (client (ssl-listener-port (car s5)) #f #t))
(thread-join! (cdr s5))

;; bad input
(test-error (exn openssl) (ssl-make-ech-key "localhost"))
(test-error (exn) (ssl-make-ech-key "public.example" config-id: 256))
(test-error (exn openssl) (ssl-set-ech-config-list! (ssl-make-client-context) (string->utf8 "junk")))
(test-error (exn openssl) (ssl-set-ech-config-list! (ssl-make-server-context) config-list))
(test-error (exn openssl) (ssl-set-ech-keys! (ssl-make-server-context) (list (list config (bytevector 1 2)))))
(test-error (exn type) (ssl-set-ech-keys! (ssl-make-server-context) 42))
