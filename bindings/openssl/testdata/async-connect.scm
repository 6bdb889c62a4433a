;; ssl-connect* async?: #t (twapi -async): returns at once, I/O waits for the connection, a refused connect surfaces at the first I/O.
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define-values (i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file async?: #t))
(test 'client-init (ssl-port-state i))
(define t (make-thread (lambda () (let-values (((si so) (ssl-accept l)))
                                    (let ((line (read-line si)))
                                      (write-string "got it\n" so) (flush-output so)
                                      line)))))
(thread-start! t)
(write-string "early\n" o) (flush-output o)    ; waits for the connection and the handshake
(test "got it" (read-line i))
(test "early" (thread-join! t))
(test 'open (ssl-port-state i))

;; non-blocking: ssl-handshake! reports progress until done
(define-values (i2 o2) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file async?: #t))
(ssl-set-blocking! i2 #f)
(define t2 (make-thread (lambda () (let-values (((si so) (ssl-accept l))) (ssl-handshake! si) (read-line si)))))
(thread-start! t2)
(test #t (let loop ((n 0)) (cond ((ssl-handshake! i2) #t) ((> n 500) #f) (else (thread-sleep! 0.01) (loop (+ n 1))))))
(ssl-set-blocking! i2 #t)
(write-string "done\n" o2) (flush-output o2)
(test "done" (thread-join! t2))

;; nothing listens: the connect error comes with the first I/O
(ssl-close l)
(define-values (i3 o3) (ssl-connect* hostname: "127.0.0.1" port: (ssl-listener-port l) certificate-authorities: ca-file async?: #t))
(test 'refused (condition-case (read-line i3)
                 (e (exn i/o net) 'refused)))
