;; An EOF without close_notify (issue 9 §4), against the Go peer of
;; TestRaggedEOF at ragged-port: it sends "bye\n" and closes TCP.
(import (tlsport test) (openssl) (openssl ext) (chicken tcp))

(tcp-read-timeout 5000)
(define (connect) (ssl-connect* hostname: "localhost" port: ragged-port certificate-authorities: ca-file))

;; ssl-suppress-ragged-eofs #t (the default): the eof object, marked truncated.
(define-values (i o) (connect))
(test #f (ssl-port-truncated? i))
(test "bye" (read-line i))
(test (eof-object) (read-line i))
(test #t (ssl-port-truncated? i))
(close-input-port i) (close-output-port o)

;; #f: reading raises status syscall with openssl.eof, every time.
(define-values (i2 o2) (parameterize ((ssl-suppress-ragged-eofs #f)) (connect)))
(test "bye" (read-line i2))
(define c (condition-case (read-line i2) (e (exn i/o net openssl) e)))
(test '(syscall #t) (list (get-condition-property c 'openssl 'status) (get-condition-property c 'openssl 'eof)))
(test-error (exn i/o net openssl) (read-char i2))
(test-error (exn i/o net openssl) (read-string 10 i2))
(test #t (ssl-port-truncated? i2))
(close-input-port i2) (close-output-port o2)
