;; ssl-export-keying-material: any label, with and without context, equal on both ends (TLS 1.3 and 1.2), bad arguments.
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

;; a connected pair over loopback: (client-in client-out server-in server-out)
(define (pair proto)
  (let* ((l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key
                         protocol: proto max-protocol: proto))
         (t (make-thread (lambda () (let-values (((i o) (ssl-accept l))) (ssl-handshake! i) (list i o))))))
    (thread-start! t)
    (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file)))
      (ssl-handshake! i)
      (append (list i o) (thread-join! t)))))

(for-each
 (lambda (proto)
   (define p (pair proto))
   (define ci (car p))
   (define si (caddr p))
   (define a (ssl-export-keying-material ci "EXPERIMENTAL-tlsport" 32 (string->utf8 "ctx")))
   (test 32 (bytevector-length a))
   (test a (ssl-export-keying-material si "EXPERIMENTAL-tlsport" 32 (string->utf8 "ctx")))
   (test a (ssl-export-keying-material (cadddr p) (string->utf8 "EXPERIMENTAL-tlsport") 32 "ctx"))
   ;; another label differs; no context differs from an empty one in TLS 1.2 (RFC 5705), not in TLS 1.3 (RFC 8446 §7.5)
   (define none (ssl-export-keying-material ci "EXPERIMENTAL-tlsport" 32))
   (define empty (ssl-export-keying-material ci "EXPERIMENTAL-tlsport" 32 (bytevector)))
   (test none (ssl-export-keying-material si "EXPERIMENTAL-tlsport" 32))
   (test empty (ssl-export-keying-material si "EXPERIMENTAL-tlsport" 32 ""))
   (test (eq? proto 'tlsv13) (equal? none empty))
   (test #f (equal? a (ssl-export-keying-material ci "EXPERIMENTAL-other" 32 "ctx")))
   (test 1 (bytevector-length (ssl-export-keying-material ci "x" 1)))
   ;; the RFC 9266 tls-exporter channel binding is the same exporter
   (test (ssl-channel-binding ci 'tls-exporter) (ssl-export-keying-material ci "EXPORTER-Channel-Binding" 32))
   ;; bad arguments
   (when (eq? proto 'tlsv12)
     (test-error (exn openssl) (ssl-export-keying-material ci "master secret" 16)))
   (test-error (exn) (ssl-export-keying-material ci "x" 0))
   (test-error (exn type) (ssl-export-keying-material ci 'label 16))
   (test-error (exn type) (ssl-export-keying-material ci "x" 16 42)))
 '(tlsv13 tlsv12))
