;; The info callback (info-callback:, ssl-set-info-callback!) and ssl-callback-error-handler (spec §1.3.1).
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(load "testdata/lib/hello-server.scm")   ; serve

;; client: connect with the extra keywords, read "hello", answer "bye", read
;; to EOF when drain? and close; returns the first line or the condition.
(define (client drain? . kws)
  (let* ((s (serve leaf-cert leaf-key))
         (r (condition-case
             (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s))
                                        certificate-authorities: ca-file kws)))
               (let ((line (read-line i)))
                 (write-string "bye\n" o) (flush-output o)
                 (if drain? (read-line i))
                 (close-input-port i) (close-output-port o)
                 line))
             (e (exn) e))))
    (thread-join! (cdr s))
    (ssl-close (car s))
    r))

;; record: an info callback collecting (kind port? . args) in order; the
;; session kind (a ticket stored, with random bytes) is checked in sessions.scm.
(define events '())
(define (record kind conn . args)
  (unless (eq? kind 'session)
    (set! events (cons (cons kind (cons (ssl-port? conn) args)) events)))
  'ignored)

;; A successful connection: handshake start, done, then our close_notify.
(test "hello" (client #f info-callback: record))
(test '((info #t handshake "start" "" "") (info #t handshake "done" "" "")
        (info #t alert "write" "close_notify" "warning"))
      (reverse events))

;; Reading to EOF reports the peer's close_notify before ours.
(set! events '())
(test "hello" (client #t info-callback: record))
(test '((info #t handshake "start" "" "") (info #t handshake "done" "" "")
        (info #t alert "read" "close_notify" "warning")
        (info #t alert "write" "close_notify" "warning"))
      (reverse events))

;; A failed handshake: start, then (error conn message) before the raise.
(set! events '())
(define c1 (client #f info-callback: record certificate-authorities: #f verify?: #t
                   certificate-authority-directory: #f))
(test '(exn i/o net openssl) (condition-kinds c1))
(test 2 (length events))
(test '(info #t handshake "start" "" "") (cadr events))
(test '(error #t) (list (car (car events)) (cadr (car events))))
(test #t (string? (caddr (car events))))

;; ssl-set-info-callback! on a context used by ssl-connect; #f removes it.
(set! events '())
(define ctx (ssl-make-client-context* certificate-authorities: ca-file))
(ssl-set-info-callback! ctx record)
(let* ((s (serve leaf-cert leaf-key)))
  (let-values (((i o) (ssl-connect "localhost" (ssl-listener-port (car s)) ctx)))
    (test "hello" (read-line i))
    (write-string "bye\n" o) (flush-output o)
    (close-input-port i) (close-output-port o))
  (thread-join! (cdr s))
  (ssl-close (car s)))
(test '(handshake handshake alert) (map caddr (reverse events)))
(set! events '())
(ssl-set-info-callback! ctx #f)
(let* ((s (serve leaf-cert leaf-key)))
  (let-values (((i o) (ssl-connect "localhost" (ssl-listener-port (car s)) ctx)))
    (test "hello" (read-line i))
    (write-string "bye\n" o) (flush-output o)
    (close-input-port i) (close-output-port o))
  (thread-join! (cdr s))
  (ssl-close (car s)))
(test '() events)
(test-error (ssl-set-info-callback! ctx 42))

;; Server side: info-callback: on ssl-listen*.
(define server-events '())
(let* ((s (serve leaf-cert leaf-key info-callback: (lambda (kind conn . args) (unless (eq? kind 'session) (set! server-events (cons (list kind (car args) (cadr args)) server-events)))))))
  (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s)) certificate-authorities: ca-file)))
    (test "hello" (read-line i))
    (write-string "bye\n" o) (flush-output o)
    (close-input-port i) (close-output-port o))
  (test "bye" (thread-join! (cdr s)))
  (ssl-close (car s)))
(let ((evs (reverse server-events)))
  (test '((info handshake "start") (info handshake "done")) (list (car evs) (cadr evs))))

;; A raising info callback is ignored (the connection works) and reported
;; to ssl-callback-error-handler as (condition conn).
(define reported '())
(define (report c conn)
  (set! reported (cons (list (condition->message c) (ssl-port? conn)) reported))
  'ignored)
(define (condition->message c) (get-condition-property c 'exn 'message))
(test "hello" (parameterize ((ssl-callback-error-handler report))
                (client #f info-callback: (lambda (kind conn . args) (error "info boom")))))
(test '(("info boom" #t) ("info boom" #t) ("info boom" #t) ("info boom" #t)) reported) ; handshake start and done, session, close_notify
;; Without a handler the raise is just ignored.
(test "hello" (client #f info-callback: (lambda (kind conn . args) (error "info boom"))))
(test #f (ssl-callback-error-handler))

;; A raising verify callback is reported too, and still aborts the handshake.
(set! reported '())
(define c2 (parameterize ((ssl-callback-error-handler report))
             (client #f verify-callback: (lambda (conn depth cert ok? err) (error "verify boom")))))
(test '(exn i/o net openssl) (condition-kinds c2))
(test '(("verify boom" #t)) reported)
