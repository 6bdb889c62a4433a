;; The validate callback's server kinds: hello (the ClientHello alist), sni, alpn; rejecting, continuing, switching contexts, overriding ALPN (spec §1.3.1).
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(define seen '())
;; serve with a validate callback answering by kind; returns (listener . thread)
(define (serve answer)
  (let* ((l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key alpn: '("http/1.1" "h2"))))
    (ssl-set-validate-callback! l (lambda (kind conn . args)
                                    (set! seen (cons (cons kind args) seen))
                                    (answer kind args)))
    (cons l (let ((t (make-thread (lambda ()
                                    (let-values (((i o) (ssl-accept l)))
                                      (condition-case
                                       (begin (write-string "hello\n" o) (flush-output o) (read-line i)
                                              (close-input-port i) (close-output-port o) 'ok)
                                       (e () 'failed)))))))
              (thread-start! t) t))))

;; connect with SNI "localhost" and ALPN; (line alpn leaf-cn) or 'failed
(define (run answer . alpn)
  (set! seen '())
  (let* ((s (serve answer))
         (r (condition-case
             (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s))
                                               certificate-authorities: ca-file
                                               alpn: (if (null? alpn) '("h2" "http/1.1") (car alpn)))))
               (let ((line (read-line i)))
                 (write-string "bye\n" o) (flush-output o)
                 (list line (ssl-negotiated-protocol i) (ssl-peer-subject-name i))))
             (e (exn openssl) 'failed))))
    (thread-join! (cdr s))
    (ssl-close (car s))
    r))

;; accept everything: hello, sni, alpn in that order; the hello alist describes the ClientHello
(test '("hello" "http/1.1" "/CN=localhost") (run (lambda (kind args) #t)))
(test '(hello sni alpn) (reverse (map car seen)))
(define hello (cadr (assq 'hello seen)))
(test "localhost" (cdr (assq 'server-name hello)))
(test '("h2" "http/1.1") (cdr (assq 'alpn hello)))
(test #t (and (memv 772 (cdr (assq 'versions hello))) #t))
(test #t (and (memv 4865 (cdr (assq 'cipher-suites hello))) #t))  ; TLS_AES_128_GCM_SHA256
(test #t (and (memv 0 (cdr (assq 'extensions hello))) #t))        ; server_name
(test #t (pair? (cdr (assq 'signature-schemes hello))))
(test #t (pair? (cdr (assq 'curves hello))))
(test '("localhost") (cdr (assq 'sni seen)))
(test '("http/1.1" #t) (cdr (assq 'alpn seen)))

;; rejections abort the handshake
(test 'failed (run (lambda (kind args) (not (eq? kind 'hello)))))
(test 'failed (run (lambda (kind args) (if (eq? kind 'sni) 0 1))))
(test 'failed (run (lambda (kind args) (if (eq? kind 'alpn) #f 1))))
(test 'failed (run (lambda (kind args) (if (eq? kind 'hello) (raise 'nope) 1))))
;; continue: sni keeps the certificate, alpn drops ALPN
(test '("hello" "http/1.1" "/CN=localhost") (run (lambda (kind args) (if (eq? kind 'sni) 'continue 1))))
(test '("hello" #f "/CN=localhost") (run (lambda (kind args) (if (eq? kind 'alpn) 2 1))))
;; alpn override with another protocol the client offered
(test '("hello" "h2" "/CN=localhost") (run (lambda (kind args) (if (eq? kind 'alpn) "h2" #t))))
;; no overlap: protocol #f, match? #f
(run (lambda (kind args) #t) '("spdy/3"))
(test '(#f #f) (cdr (assq 'alpn seen)))
;; sni switches to another server context (the wrong-host certificate)
(define other (ssl-make-server-context 'tlsv12))
(ssl-load-certificate-chain! other wrong-host-cert)
(ssl-load-private-key! other wrong-host-key 'ec)
(test 'failed (run (lambda (kind args) (if (eq? kind 'sni) other #t))))  ; hostname mismatch: the switch happened
(define other-seen #f)
(test "/CN=wrong.example"
      (let* ((ctx (ssl-make-client-context* certificate-authorities: ca-file verify?: #f))
             (s (serve (lambda (kind args) (if (eq? kind 'hello) other #t)))))
        (let-values (((i o) (ssl-connect "localhost" (ssl-listener-port (car s)) ctx)))
          (read-line i)
          (write-string "bye\n" o) (flush-output o)
          (let ((name (ssl-peer-subject-name i)))
            (thread-join! (cdr s))
            name))))

;; openssl s_client's ClientHello
(define s (serve (lambda (kind args) #t)))
(set! seen '())
(define cli (openssl-s-client (ssl-listener-port (car s)) "-servername" "peer.example" "-alpn" "x,http/1.1" "-quiet"))
(test #t (string? (peer-read-until cli "hello")))
(peer-send cli "bye\n")
(thread-join! (cdr s))
(test "peer.example" (cdr (assq 'server-name (cadr (assq 'hello seen)))))
(test '("x" "http/1.1") (cdr (assq 'alpn (cadr (assq 'hello seen)))))
(test '("http/1.1" #t) (cdr (assq 'alpn seen)))

;; #f removes the callback
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(ssl-set-validate-callback! l #f)
(test-error (exn type) (ssl-set-validate-callback! l 42))
