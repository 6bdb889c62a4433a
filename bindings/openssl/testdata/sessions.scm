;; Sessions as objects: inspection, export to a bytevector or file, import into a fresh context, resumption (Scheme to Scheme and against openssl s_server).
(import (tlsport test) (openssl) (openssl ext) (tlsport revocation-fixture) (srfi 18))

;; one connection to port with a fresh client context; returns (line reused? session).
(define (visit port . session)
  (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: port certificate-authorities: ca-file
                             (if (null? session) '() (list session: (car session))))))
    (let* ((line (read-line i)) (reused (ssl-session-reused? i)) (s (ssl-session i)))
      (write-string "bye\n" o) (flush-output o)
      (close-input-port i) (close-output-port o)
      (list line reused s))))

(define (serve-n l n)
  (let ((t (make-thread (lambda ()
             (let loop ((k 0))
               (when (< k n)
                 (let-values (((i o) (ssl-accept l)))
                   (write-string "hello\n" o) (flush-output o)
                   (read-line i) (close-input-port i) (close-output-port o))
                 (loop (+ k 1))))))))
    (thread-start! t)
    t))

(define (check-protocol proto)
  (let* ((l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key
                         protocol: proto max-protocol: proto))
         (t (serve-n l 3))
         (first (visit (ssl-listener-port l)))
         (s (caddr first))
         (info (ssl-session-info s)))
    (test "hello" (car first))
    (test #f (cadr first))
    (test #t (ssl-session? s))
    (test #f (ssl-session? 'nope))
    (test #t (ssl-session-resumable? s))
    (test #t (cdr (assq 'resumable? info)))
    (test 32 (string-length (cdr (assq 'id info))))
    (test #t (bytevector? (cdr (assq 'ticket info))))
    (test 1 (length (cdr (assq 'peer-certificates info))))
    (test (ssl-certificate->der (car (ssl-read-certificates leaf-cert)))
          (ssl-certificate->der (car (cdr (assq 'peer-certificates info)))))
    (test #t (> (cdr (assq 'created info)) 1700000000))
    ;; export to a bytevector and to a file; a fresh context resumes with either
    (define bv (ssl-session->bytevector s))
    (define file (test-file (string-append (symbol->string proto) ".session") (string->utf8 "")))
    (ssl-write-session s file)
    (test #t (cadr (visit (ssl-listener-port l) (bytevector->ssl-session bv))))
    (test #t (cadr (visit (ssl-listener-port l) (ssl-read-session file))))
    (thread-join! t)
    (ssl-close l)
    info))

(test-group "TLS 1.3"
  (define info (check-protocol 'tlsv13))
  (test "TLSv1.3" (cdr (assq 'protocol info)))
  (test 604800 (cdr (assq 'lifetime info))))

(test-group "TLS 1.2"
  (define info (check-protocol 'tlsv12))
  (test "TLSv1.2" (cdr (assq 'protocol info)))
  (test #f (cdr (assq 'lifetime info)))
  (test #t (cdr (assq 'extended-master-secret? info))))

(test-group "openssl s_server issues the ticket"
  (define srv (openssl-s-server "-cert" leaf-cert "-key" leaf-key))
  (define (once . session)
    (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: (peer-port srv) certificate-authorities: ca-file
                               (if (null? session) '() (list session: (car session))))))
      (ssl-handshake! i)
      (write-string "ping\n" o) (flush-output o)
      (peer-read-until srv "ping")
      (peer-send srv "pong\n")
      (test "pong" (read-line i)) ; the TLS 1.3 ticket arrives with it
      (let ((r (list (ssl-session-reused? i) (ssl-session i))))
        (close-input-port i) (close-output-port o)
        r)))
  (define first (once))
  (define s (cadr first))
  (test #t (ssl-session? s))
  (test 7200 (cdr (assq 'lifetime (ssl-session-info s))))
  (test #t (car (once (bytevector->ssl-session (ssl-session->bytevector s))))))

(test-group "bad input"
  (test-error (exn openssl) (bytevector->ssl-session (string->utf8 "junk")))
  (test-error (exn openssl) (ssl-read-session (test-file "empty.session" (bytevector))))
  (test-error (exn type) (ssl-session-info 42))
  (test-error (exn type) (ssl-session->bytevector "x")))

(test-group "session info events and ssl-connection-info"
  (define cevents '())
  (define sevents '())
  (define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key
                         info-callback: (lambda (kind conn . args)
                                          (if (eq? kind 'session) (set! sevents (cons (cons (ssl-port? conn) args) sevents))))))
  (define t (serve-n l 1))
  (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file
                                    info-callback: (lambda (kind conn . args)
                                                     (if (eq? kind 'session) (set! cevents (cons (cons (ssl-port? conn) args) cevents)))))))
    (test "hello" (read-line i))
    (thread-sleep! 0.05)
    (test #t (pair? cevents))
    (define ev (car cevents))             ; (port? session-id ticket lifetime)
    (test #t (car ev))
    (test 32 (string-length (cadr ev)))
    (test #t (bytevector? (caddr ev)))
    (test 604800 (cadddr ev))
    (define info (ssl-connection-info i))
    (define s (ssl-session i))
    (test (cdr (assq 'id (ssl-session-info s))) (cdr (assq 'session-id info)))
    (test 604800 (cdr (assq 'lifetime info)))
    (write-string "bye\n" o) (flush-output o)
    (close-input-port i) (close-output-port o))
  (thread-join! t)
  (test #t (pair? sevents))
  (test #t (car (car sevents)))
  (test 604800 (cadddr (car sevents))))

(test-group "servers sharing session ticket keys resume each other's sessions"
  (define key (make-bytevector 32 7))
  (define (listener) (let ((l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key)))
                       (ssl-set-session-ticket-keys! l (list key))
                       l))
  (define a (listener))
  (define b (listener))
  (define ta (serve-n a 1))
  (define s (caddr (visit (ssl-listener-port a))))
  (thread-join! ta)
  (define tb (serve-n b 1))
  (test #t (cadr (visit (ssl-listener-port b) s)))     ; another server (process), same key
  (thread-join! tb)
  (ssl-set-session-ticket-keys! b (list (make-bytevector 32 8)))
  (define tb2 (serve-n b 1))
  (test #f (cadr (visit (ssl-listener-port b) s)))     ; the key changed: a full handshake
  (thread-join! tb2)
  (test-error (exn type) (ssl-set-session-ticket-keys! b (list (bytevector 1 2))))
  (test-error (exn openssl) (ssl-set-session-ticket-keys! (ssl-make-client-context) (list key))))

(test-group "application data inside session tickets"
  (define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
  (define seen '())
  (define allow #t)
  (ssl-set-ticket-data-callback! l
    (lambda (conn) (string->utf8 "user=42"))
    (lambda (conn data) (set! seen (cons data seen)) allow))
  (define t (serve-n l 3))
  (define s (caddr (visit (ssl-listener-port l))))
  (test #t (cadr (visit (ssl-listener-port l) s)))
  (test (list (string->utf8 "user=42")) seen)
  (set! allow #f)
  (test #f (cadr (visit (ssl-listener-port l) s)))   ; refused: full handshake
  (thread-join! t)
  (ssl-set-ticket-data-callback! l #f #f)
  (test-error (exn type) (ssl-set-ticket-data-callback! l 42))
  (test-error (exn openssl) (ssl-set-ticket-data-callback! (ssl-make-client-context) (lambda (c) #f))))
