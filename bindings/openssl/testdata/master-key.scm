;; master-key in ssl-connection-info: the TLS 1.2 master secret, captured from the key log when key logging is on (spec §1.3.3).
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(define (ref key alist) (cdr (assq key alist)))
(define (hex bv)
  (let loop ((k (- (bytevector-length bv) 1)) (acc ""))
    (if (< k 0)
        acc
        (let ((b (bytevector-u8-ref bv k)))
          (loop (- k 1) (string-append (if (< b 16) "0" "") (number->string b 16) acc))))))

;; connect: one connection to a fresh server with the given listener and
;; client keywords; returns (client-info server-info).
(define (connect listen-kws client-kws)
  (let* ((l (apply ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key listen-kws))
         (t (make-thread (lambda ()
              (let-values (((i o) (ssl-accept l)))
                (write-line (read-line i) o) (flush-output o)
                (let ((info (ssl-connection-info i)))
                  (close-input-port i) (close-output-port o)
                  info))))))
    (thread-start! t)
    (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: (ssl-listener-port l)
                               certificate-authorities: ca-file client-kws)))
      (write-line "x" o) (flush-output o)
      (read-line i)
      (let ((info (ssl-connection-info i)))
        (close-input-port i) (close-output-port o)
        (let ((server-info (thread-join! t)))
          (ssl-close l)
          (list info server-info))))))

;; TLS 1.2 with a key log on the client: its master secret, as logged.
(define lines '())
(define r (connect '() (list max-protocol: 'tlsv12 keylog: (lambda (line) (set! lines (cons line lines))))))
(define ci (car r))
(test "TLSv1.2" (ref 'protocol ci))
(test #t (bytevector? (ref 'master-key ci)))
(test 48 (bytevector-length (ref 'master-key ci)))
(define logged (let loop ((ls lines))
                 (cond ((null? ls) #f)
                       ((string=? "CLIENT_RANDOM " (substring (car ls) 0 14)) (car ls))
                       (else (loop (cdr ls))))))
(test #t (string? logged))
(test (hex (ref 'master-key ci)) (substring logged (+ 14 64 1) (string-length logged)))
;; The server has no key log: #f there.
(test #f (ref 'master-key (cadr r)))

;; A key log on the listener: the server side knows the same secret.
(define r2 (connect (list keylog: (lambda (line) #t)) (list max-protocol: 'tlsv12 keylog: (lambda (line) #t))))
(test #t (bytevector? (ref 'master-key (cadr r2))))
(test (ref 'master-key (car r2)) (ref 'master-key (cadr r2)))

;; No key logging, or TLS 1.3 (no master secret): #f.
(test #f (ref 'master-key (car (connect '() (list max-protocol: 'tlsv12)))))
(define r3 (connect '() (list keylog: (lambda (line) #t))))
(test "TLSv1.3" (ref 'protocol (car r3)))
(test #f (ref 'master-key (car r3)))
