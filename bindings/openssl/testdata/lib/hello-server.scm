;; Shared by the callback scripts (loaded, not run on its own).
;; serve: an ssl-listen* listener on 127.0.0.1 with cert/key and the extra
;; listen keywords, accepting one connection on a thread; it sends "hello",
;; reads a line, closes both ports and returns the line (or 'failed).
;; Returns (listener . thread).
(define (serve cert key . kws)
  (let* ((l (apply ssl-listen* hostname: "127.0.0.1" certificate: cert private-key: key kws))
         (t (make-thread (lambda ()
              (let-values (((i o) (ssl-accept l)))
                (condition-case
                 (begin (write-string "hello\n" o) (flush-output o)
                        (let ((line (read-line i))) (close-input-port i) (close-output-port o) line))
                 (e () 'failed)))))))
    (thread-start! t)
    (cons l t)))
