;; Verification as of another moment: verify-time: and ssl-set-verify-time! [ext].
(import (tlsport test) (openssl) (openssl ext) (srfi 18))
(load "testdata/lib/hello-server.scm")   ; serve

(define day 86400)
(define (days-from-now n) (seconds->time (+ (time->seconds (current-time)) (* n day))))

;; connect: one client connection with ctx to a fresh server for cert/key;
;; the greeting line, or (verify-code verify-error) of the failure.
(define (connect ctx cert key)
  (let* ((s (serve cert key))
         (r (condition-case
             (let-values (((i o) (ssl-connect "localhost" (ssl-listener-port (car s)) ctx)))
               (let ((line (read-line i)))
                 (write-string "bye\n" o) (flush-output o)
                 (close-input-port i) (close-output-port o)
                 line))
             (e (exn i/o net openssl)
                (list (get-condition-property e 'openssl 'verify-code)
                      (get-condition-property e 'openssl 'verify-error))))))
    (thread-join! (cdr s))
    (ssl-close (car s))
    r))

(define (client . kws)
  (apply ssl-make-client-context* certificate-authorities: ca-file kws))

;; Now: the expired leaf fails, the good one passes.
(test '(10 certificate-has-expired) (connect (client) expired-cert expired-key))
(test "hello" (connect (client) leaf-cert leaf-key))

;; verify-time: a day ago, while the expired leaf was valid (a time
;; object or seconds since the epoch).
(test "hello" (connect (client verify-time: (days-from-now -1)) expired-cert expired-key))
(test "hello" (connect (client verify-time: (time->seconds (days-from-now -1))) expired-cert expired-key))
;; The good leaf checked two days ahead has expired, two days back it is not yet valid.
(test '(10 certificate-has-expired) (connect (client verify-time: (days-from-now 2)) leaf-cert leaf-key))
(test '(9 certificate-not-yet-valid) (connect (client verify-time: (days-from-now -2)) leaf-cert leaf-key))

;; ssl-set-verify-time! on a context; #f returns to the current time.
(define ctx (client))
(ssl-set-verify-time! ctx (days-from-now -1))
(test "hello" (connect ctx expired-cert expired-key))
(ssl-set-verify-time! ctx #f)
(test '(10 certificate-has-expired) (connect ctx expired-cert expired-key))

;; Servers verify client certificates as of their verify time too.
(test "hello"
      (let* ((s (serve leaf-cert leaf-key verify?: #t certificate-authorities: ca-file
                       verify-time: (days-from-now -1)))
             (r (let-values (((i o) (ssl-connect "localhost" (ssl-listener-port (car s))
                                                 (client certificate: expired-cert private-key: expired-key))))
                  (let ((line (read-line i)))
                    (write-string "bye\n" o) (flush-output o)
                    (close-input-port i) (close-output-port o)
                    line))))
        (thread-join! (cdr s))
        (ssl-close (car s))
        r))

;; A value that is no time is a type error, a non-finite one a bounds error.
(test 'type (condition-case (ssl-set-verify-time! ctx "yesterday") (e (exn type) 'type)))
(test 'bounds (condition-case (client verify-time: (/ 0. 0.)) (e (exn bounds) 'bounds) (e (exn) 'other)))
