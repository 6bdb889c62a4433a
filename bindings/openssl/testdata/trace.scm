;; ssl-set-message-callback!: record trace (tcltls message) and connect/accept loop steps, TLS 1.2 and 1.3, Scheme to Scheme and against openssl s_server.
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(define (collector)
  (let ((evs '()) (m (make-mutex)))
    (values (lambda (kind conn . args)
              (mutex-lock! m) (set! evs (cons (cons kind args) evs)) (mutex-unlock! m))
            (lambda () (reverse evs)))))

(define (has? evs ev) (and (member ev evs) #t))

(define (run proto)
  (let-values (((crec cevs) (collector)) ((srec sevs) (collector)))
    (let* ((l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key
                           protocol: proto max-protocol: proto))
           (_ (ssl-set-message-callback! l srec))
           (t (make-thread (lambda () (let-values (((i o) (ssl-accept l)))
                                        (write-string "hello\n" o) (flush-output o) (read-line i)
                                        (close-input-port i) (close-output-port o)))))
           (ctx (ssl-make-client-context* certificate-authorities: ca-file)))
      (thread-start! t)
      (ssl-set-message-callback! ctx crec)
      (let-values (((i o) (ssl-connect "localhost" (ssl-listener-port l) ctx)))
        (test "hello" (read-line i))
        (write-string "bye\n" o) (flush-output o)
        (close-input-port i) (close-output-port o))
      (thread-join! t)
      (ssl-close l)
      (list (cevs) (sevs)))))

(test-group "TLS 1.2"
  (define r (run 'tlsv12))
  (define c (car r))
  (define s (cadr r))
  (test #t (has? c '(message sent "TLSv1" handshake "client_hello")))  ; the ClientHello record says TLSv1 (1.0)
  (test #t (has? c '(info connect "loop" "SSLv3/TLS write client hello" "")))
  (test #t (has? c '(message received "TLSv1.2" handshake "server_hello")))
  (test #t (has? c '(message received "TLSv1.2" handshake "certificate")))
  (test #t (has? c '(info connect "loop" "SSLv3/TLS read server hello done" "")))
  (test #t (has? c '(message sent "TLSv1.2" change_cipher_spec "")))
  (test #t (has? c '(message sent "TLSv1.2" handshake "encrypted")))     ; finished
  (test #t (has? c '(message sent "TLSv1.2" application_data "encrypted")))
  (test #t (has? s '(message received "TLSv1" handshake "client_hello")))
  (test #t (has? s '(info accept "loop" "SSLv3/TLS write server hello" ""))))

(test-group "TLS 1.3"
  (define r (run 'tlsv13))
  (define c (car r))
  (test #t (has? c '(message sent "TLSv1" handshake "client_hello")))
  (test #t (has? c '(message received "TLSv1.2" handshake "server_hello")))
  (test #t (has? c '(message received "TLSv1.2" application_data "encrypted")))
  (test #f (has? c '(message received "TLSv1.2" handshake "certificate"))))  ; encrypted in TLS 1.3

(test-group "openssl s_server"
  (let-values (((rec evs) (collector)))
    (define srv (openssl-s-server "-cert" leaf-cert "-key" leaf-key "-tls1_2"))
    (define ctx (ssl-make-client-context* certificate-authorities: ca-file))
    (ssl-set-message-callback! ctx rec)
    (let-values (((i o) (ssl-connect "localhost" (peer-port srv) ctx)))
      (ssl-handshake! i)
      (close-input-port i) (close-output-port o))
    (test #t (has? (evs) '(message received "TLSv1.2" handshake "server_hello")))
    (test #t (has? (evs) '(message sent "TLSv1.2" alert "encrypted")))))  ; our close_notify

;; #f removes the callback; bad values
(define ctx (ssl-make-client-context))
(ssl-set-message-callback! ctx #f)
(test-error (exn type) (ssl-set-message-callback! ctx "nope"))
