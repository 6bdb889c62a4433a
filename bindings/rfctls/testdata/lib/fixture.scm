;; Shared by the scripts (loaded, not run on its own): the certificate
;; fixture as (rfc x509) values, and a socket's port number as a service string.
(define (read-file path) (call-with-input-file path (lambda (in) (read-string 1000000 in))))
(define (load-cert path) (call-with-input-file path read-x509-certificate))
(define leaf (load-cert leaf-cert))
(define ca (load-cert ca-file))
(define key (read-file leaf-key))
(define (port-string s) (number->string (socket-info-port (socket-info s))))
