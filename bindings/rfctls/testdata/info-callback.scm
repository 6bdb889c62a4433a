;; The info callback of (openssl ext) (spec §1.3.1: (info conn major minor message type) for
;; handshake start/done and alerts, (error conn message) before a handshake failure is raised)
;; applies to TLS sockets: set by :info-callback [ext] before a client's handshake, by
;; ssl-set-info-callback! on a client socket made with :handshake #f, or on a server socket
;; for the connections it accepts.
(import (tlsport test) (rfc tls) (rfc x509) (sagittarius socket) (openssl) (openssl ext) (srfi 18))

(load "testdata/lib/fixture.scm")   ; read-file load-cert leaf ca key port-string

;; An info callback logging (kind . args) without the conn; called with no argument, the log.
(define (make-log) (let ((events '()) (m (make-mutex)))
  (lambda args
    (if (null? args)
        (reverse events)
        (begin (mutex-lock! m)
               (set! events (cons (cons (car args) (cddr args)) events))
               (mutex-unlock! m))))))
;; the handshake events of a log (a server also reports the session tickets it issues)
(define (handshakes events) (filter (lambda (e) (and (eq? (car e) 'info) (eq? (cadr e) 'handshake))) events))
(define handshake-events '((info handshake "start" "" "") (info handshake "done" "" "")))

(define server (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key key))
(define port (port-string (tls-socket-raw-socket server)))
(define server-log (make-log))
;; installed on the listening socket: reaches the connections accepted afterwards
(ssl-set-info-callback! server server-log)
(define (serve-one)
  (let ((th (make-thread (lambda ()
              (let* ((s (tls-socket-accept server)) (line (tls-socket-recv s 2)))
                (tls-socket-send s line)
                (tls-socket-close s)
                s)))))
    (thread-start! th)
    th))

(test-group "client :info-callback, server ssl-set-info-callback!"
  (define th (serve-one))
  (define client-log (make-log))
  (define c (make-client-tls-socket "localhost" port :certificate-verifier #t :authorities (list ca)
                                    :info-callback client-log))
  ;; the constructor ran the handshake: its events were seen
  (test handshake-events (handshakes (client-log)))
  (tls-socket-send c (string->utf8 "hi"))
  (test "hi" (utf8->string (tls-socket-recv c 2)))
  (define accepted (thread-join! th 10 'hung))
  (test #t (tls-socket? accepted))
  (tls-socket-close c)
  (test handshake-events (handshakes (client-log)))
  (test #t (and (member '(info alert "write" "close_notify" "warning") (client-log)) #t))
  (test handshake-events (handshakes (server-log)))
  (test #t (and (assq 'session (server-log)) #t))
  (test #t (and (member '(info alert "write" "close_notify" "warning") (server-log)) #t)))

(test-group "ssl-set-info-callback! on a client socket before tls-client-handshake"
  (define th (serve-one))
  (define log (make-log))
  (define conn-seen #f)
  (define c (make-client-tls-socket "localhost" port :handshake #f :certificate-verifier #t :authorities (list ca)))
  (ssl-set-info-callback! c (lambda (kind conn . rest) (set! conn-seen conn) (apply log kind conn rest)))
  (test '() (log))
  (tls-client-handshake c)
  (test handshake-events (log))
  (test #t (eq? c conn-seen))
  (tls-socket-send c (string->utf8 "ok"))
  (test "ok" (utf8->string (tls-socket-recv c 2)))
  (thread-join! th 10 'hung)
  (tls-socket-close c))

(test-group "(error conn message) before a handshake failure is raised"
  (define th (make-thread (lambda () (tls-socket-accept server :raise-error #f))))
  (thread-start! th)
  (define log (make-log))
  ;; no :authorities: the server's certificate does not verify against the system roots
  (test 'failed (condition-case (make-client-tls-socket "localhost" port :certificate-verifier #t :info-callback log)
                  (e (exn i/o net openssl) 'failed)))
  (define events (log))
  (test '(info handshake "start" "" "") (car events))
  (define err (assq 'error events))
  (test #t (and err (string? (cadr err)) (> (string-length (cadr err)) 0)))
  (thread-join! th 10 'hung))

(test-group "an :info-callback that raises goes to ssl-callback-error-handler"
  (define th (serve-one))
  (define reported #f)
  (define c (parameterize ((ssl-callback-error-handler (lambda (condition conn) (set! reported conn))))
              (make-client-tls-socket "localhost" port :certificate-verifier #t :authorities (list ca)
                                      :info-callback (lambda args (error "callback failed")))))
  (test #t (eq? c reported))
  (tls-socket-send c (string->utf8 "ok"))
  (test "ok" (utf8->string (tls-socket-recv c 2)))
  (thread-join! th 10 'hung)
  (tls-socket-close c))

(test-error (make-client-tls-socket "localhost" port :info-callback 42))
(tls-socket-close server)
