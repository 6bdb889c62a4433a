;; Threads sharing one TLS connection, as CHICKEN programs do without a
;; mutex: four threads write lines to the same output port while another
;; reads the echoes from the input port; no line is torn or lost, and the
;; counts are exact.
(import (tlsport test) (openssl) (srfi 18))

(define l (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: leaf-cert private-key: leaf-key))
(define server
  (thread-start!
   (make-thread
    (lambda ()
      (let-values (((i o) (ssl-accept l)))
        (let loop ((n 0))
          (let ((line (read-line i)))
            (if (equal? line "quit")
                (begin (close-output-port o) (close-input-port i) n)
                (begin (write-line line o) (loop (+ n 1)))))))))))

(define-values (ci co) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
(define words '("aaaaaaaa" "bbbbbbbb" "cccccccc" "dddddddd"))
(define torn '())
(define got 0)
(define reader
  (thread-start!
   (make-thread
    (lambda ()
      (let loop ()
        (let ((line (read-line ci)))
          (unless (eof-object? line)
            (unless (member line words) (set! torn (cons line torn)))
            (set! got (+ got 1))
            (loop))))))))
(define writers
  (map (lambda (w)
         (thread-start!
          (make-thread
           (lambda ()
             (let loop ((k 0))
               (when (< k 2000)
                 (write-line w co)
                 (when (= 0 (modulo k 64)) (flush-output co))
                 (loop (+ k 1))))
             (flush-output co)))))
       words))
(for-each thread-join! writers)
(write-line "quit" co)
(flush-output co)
(test 8000 (thread-join! server))
(thread-join! reader)
(test 8000 got)
(test '() torn)
(close-input-port ci)
(close-output-port co)
