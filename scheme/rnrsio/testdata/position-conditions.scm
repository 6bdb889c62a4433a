;; The conditions of port-position and set-port-position! (r6rs-lib §8.2.6): plain messages naming the procedure.
(import (rnrs) (tlsport test))

(define (no-scheme-prefix? e) (not (string=? "scheme:" (substring (condition-message e) 0 (min 7 (string-length (condition-message e)))))))

(test-group "a position out of range: &i/o-invalid-position, from set-port-position!"
  (define p (open-bytevector-input-port #u8(1 2 3)))
  (define e (guard (e (#t e)) (set-port-position! p 99)))
  (test #t (i/o-invalid-position-error? e))
  (test 99 (i/o-error-position e))
  (test #t (eq? p (i/o-error-port e)))
  (test 'set-port-position! (condition-who e))
  (test "invalid position" (condition-message e))
  (test #t (no-scheme-prefix? e))
  (test 'set-port-position! (condition-who (guard (e (#t e)) (set-port-position! (open-string-input-port "ab") 5)))))

(test-group "a port without the operation: &assertion naming the procedure"
  (define c (make-custom-binary-input-port "c" (lambda (bv s n) 0) #f #f #f))
  (define e1 (guard (e (#t e)) (port-position c)))
  (define e2 (guard (e (#t e)) (set-port-position! c 0)))
  (test #t (assertion-violation? e1))
  (test 'port-position (condition-who e1))
  (test #t (no-scheme-prefix? e1))
  (test #t (assertion-violation? e2))
  (test 'set-port-position! (condition-who e2))
  (define s (make-custom-textual-output-port "s" (lambda (s start n) n) #f #f #f))
  (test #t (guard (e ((assertion-violation? e) (eq? 'port-position (condition-who e)))) (port-position s)))
  (test #f (port-has-port-position? (current-output-port)))
  (test #t (guard (e ((assertion-violation? e) (no-scheme-prefix? e))) (set-port-position! (current-output-port) 0))))
