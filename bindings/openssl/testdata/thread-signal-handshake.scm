;; thread-signal! reaches a thread waiting in ssl-accept for a connection,
;; which is blocked meanwhile (thread-state), and the accept goes on after
;; the handler. A signal that comes while the lazy handshake of the first
;; read (read-line, char-ready?) waits for the client does not drop the
;; client: the handshake goes on, the handler runs, the read goes on, and
;; the connection works.
(import (tlsport test) (openssl) (chicken io) (srfi 18))

(define l (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: leaf-cert private-key: leaf-key))
(define handled '())
(define (handled! x) (set! handled (cons x handled)))
(define (await-handled)
  (let loop ((i 0)) (if (and (null? handled) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1))))))
(define (handling thunk)
  (thread-start! (make-thread (lambda () (with-exception-handler (lambda (e) (handled! e) 'ignored) thunk)))))
(define (connect) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))

;; ssl-accept
(define accepter (handling (lambda () (let-values (((in out) (ssl-accept l))) (list in out)))))
(test 'blocked (await-state accepter 'blocked))
(thread-signal! accepter 'in-accept)
(await-handled)
(test '(in-accept) handled)
(test 'blocked (await-state accepter 'blocked))       ; the accept goes on
(define-values (ci co) (connect))
(define server-ports (thread-join! accepter 30 'stuck))
(test #t (pair? server-ports))

;; a signal during the handshake of the server's first read
(define (serve read-thunk)
  (condition-case (serve* read-thunk)
    (e (exn) (let ((r (list 'failed (get-condition-property e 'exn 'message))))
               (handled! r) r))))
(define (serve* read-thunk)
  (let-values (((in out) (ssl-accept l)))
    (let ((got (read-thunk in)))
      ;; (a signal that came when the read was done waiting is handled at
      ;; the thread's next step that is not a direct call: this wait)
      (thread-sleep! 0.01)
      (write-line "pong" out) (flush-output out)
      (list got (read-line in)))))
(define (signal-in-handshake read-thunk)
  (set! handled '())
  (let-values (((ci co) (connect)))                    ; lazy: no ClientHello yet
    (let ((server (handling (lambda () (serve read-thunk)))))
      (await-state server 'blocked)
      (thread-sleep! 0.1)                              ; waiting in the handshake
      (thread-signal! server 'in-handshake)
      (thread-sleep! 0.1)
      (write-line "ping" co) (flush-output co)         ; the client's handshake, then a line
      (await-handled)
      (let ((reply (read-line ci)))
        (write-line "again" co) (flush-output co)
        (let ((r (list handled reply (thread-join! server 30 'stuck))))
          (close-input-port ci) (close-output-port co)
          r)))))
(test '((in-handshake) "pong" ("ping" "again")) (signal-in-handshake read-line))
(test '((in-handshake) "pong" (#t "ping")) (signal-in-handshake char-ready?))

(ssl-close l)
