;; Callbacks run inside the handshake on the calling thread: verify-callback:, validate-callback:, verifier: (spec §1.3.1).
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(load "testdata/lib/hello-server.scm")   ; serve

;; client: connect to a fresh server with cert/key and the extra keywords;
;; the client reads "hello", answers "bye" and returns its first line, or the
;; condition raised.
(define (client cert key . kws)
  (let* ((s (serve cert key))
         (r (condition-case
             (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s))
                                        certificate-authorities: ca-file kws)))
               (let ((line (read-line i)))
                 (write-string "bye\n" o) (flush-output o)
                 (close-input-port i) (close-output-port o)
                 line))
             (e (exn) e))))
    (thread-join! (cdr s))
    (ssl-close (car s))
    r))

;; The verify callback sees every depth (highest first), the port, the certificate and ok?.
(define calls '())
(define the-param (make-parameter 'outer))
(define (record conn depth cert ok? err)
  (set! calls (cons (list (ssl-port? conn) depth (string? (ssl-certificate->pem cert)) ok? err (the-param)) calls))
  'keep)
(test "hello" (parameterize ((the-param 'inner)) (client leaf-cert leaf-key verify-callback: record)))
;; inner: the callback ran on the thread that did the read, inside its parameterize.
(test '((#t 1 #t #t #f inner) (#t 0 #t #t #f inner)) (reverse calls))

;; A failing chain: ok? is #f with the OpenSSL message at the blamed depth.
(set! calls '())
(define c1 (client unknown-cert unknown-key verify-callback: record))
(test '(exn i/o net openssl) (condition-kinds c1))
(test 20 (get-condition-property c1 'openssl 'verify-code))
(test '((#t 0 #t #f "unable to get local issuer certificate" outer)) calls)

;; #t overrides the failure.
(test "hello" (client unknown-cert unknown-key verify-callback: (lambda (conn depth cert ok? err) #t)))
;; #f rejects a good chain: verify-code 50 application verification failure.
(define c2 (client leaf-cert leaf-key verify-callback: (lambda (conn depth cert ok? err) #f)))
(test '(ssl 50) (list (get-condition-property c2 'openssl 'status) (get-condition-property c2 'openssl 'verify-code)))
;; A condition raised in the callback aborts and becomes openssl.cause.
(define c3 (client leaf-cert leaf-key verify-callback: (lambda (conn depth cert ok? err) (error "callback says no" depth))))
(test '(exn i/o net openssl) (condition-kinds c3))
(define cause (get-condition-property c3 'openssl 'cause))
(test #t (condition? cause))
(test "callback says no" (get-condition-property cause 'exn 'message))
;; Unenforced verification: a keep verdict lets a bad chain through, the result still fails.
(test "hello" (client unknown-cert unknown-key verify?: #f verify-callback: record))

;; validate-callback: (verify conn depth cert ok? error); 1 accepts, 0 rejects.
(define kinds '())
(test "hello" (client unknown-cert unknown-key
                      validate-callback: (lambda (kind conn . args) (set! kinds (cons kind kinds)) 1)))
(test '(verify) kinds)
(define c4 (client leaf-cert leaf-key validate-callback: (lambda (kind conn . args) 0)))
(test 50 (get-condition-property c4 'openssl 'verify-code))
(test "hello" (client leaf-cert leaf-key validate-callback: (lambda (kind conn . args) 'continue)))

;; verifier: (conn) replaces automatic verification on a client.
(define seen #f)
(test "hello" (client unknown-cert unknown-key
                      verifier: (lambda (conn) (set! seen (ssl-port? conn)) #t)))
(test #t seen)
(define c5 (client leaf-cert leaf-key verifier: (lambda (conn) #f)))
(test 'ssl (get-condition-property c5 'openssl 'status))
(test-error (exn type) (ssl-make-client-context* verify-callback: 42))

;; Server side: a verify callback for the client certificate.
(define server-calls '())
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key
                       certificate-authorities: ca-file verify?: #t
                       verify-callback: (lambda (conn depth cert ok? err)
                                          (set! server-calls (cons (list depth ok?) server-calls)) #t)))
(define st (make-thread (lambda () (let-values (((i o) (ssl-accept l))) (let ((x (read-line i))) (close-input-port i) (close-output-port o) x)))))
(thread-start! st)
(define-values (ci co) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file
                                     certificate: client-cert private-key: client-key))
(write-string "client\n" co) (flush-output co)
(test "client" (thread-join! st))
(test #t (pair? server-calls))
(test '(0 #t) (car server-calls))
(close-input-port ci) (close-output-port co)
(ssl-close l)
