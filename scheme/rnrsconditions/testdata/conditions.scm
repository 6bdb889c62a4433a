;; R6RS conditions and exceptions (r6rs-lib §7), and the CHICKEN view of the same conditions.
(import (rnrs) (tlsport test))

(test-group "§7.2 examples"
  (define-condition-type &c &condition make-c c? (x c-x))
  (define-condition-type &c1 &c make-c1 c1? (a c1-a))
  (define-condition-type &c2 &c make-c2 c2? (b c2-b))
  (define v1 (make-c1 "V1" "a1"))
  (test #t (c? v1)) (test #t (c1? v1)) (test #f (c2? v1))
  (test "V1" (c-x v1)) (test "a1" (c1-a v1))
  (define v2 (condition (make-c2 "V2" "b2") (make-c1 "V3" "a3")))
  (test #t (c? v2)) (test #t (c1? v2)) (test #t (c2? v2))
  (test "b2" (c2-b v2)) (test "a3" (c1-a v2))
  (define v3 (condition (make-c1 "V3" "a3") (make-c2 "V4" "b4")))
  (test #t (c1? v3)) (test #t (c2? v3)) (test "b4" (c2-b v3))
  (test #t (for-all condition? (simple-conditions v3)))
  (test #t ((condition-predicate &c1) v1))
  (test "a1" ((condition-accessor &c1 c1-a) v1))
  (test #f (c1? 'not-a-condition)))

(test-group "standard condition types (§7.3)"
  (define e (condition (make-error) (make-who-condition 'car) (make-message-condition "bad pair") (make-irritants-condition '(1 2))))
  (test #t (error? e)) (test #t (serious-condition? e)) (test #f (violation? e))
  (test #t (message-condition? e)) (test "bad pair" (condition-message e))
  (test #t (who-condition? e)) (test 'car (condition-who e))
  (test '(1 2) (condition-irritants e))
  (test #t (warning? (make-warning))) (test #f (error? (make-warning)))
  (test #f (error? (make-message-condition "just a message")))
  (test #t (assertion-violation? (make-assertion-violation)))
  (test #t (violation? (make-assertion-violation)))
  (test #f (error? (make-assertion-violation)))
  (test #t (syntax-violation? (make-syntax-violation '(if) 'if)))
  (test '(if) (syntax-violation-form (make-syntax-violation '(if) 'if)))
  (test 'if (syntax-violation-subform (make-syntax-violation '(if) 'if)))
  (test #t (undefined-violation? (make-undefined-violation)))
  (test #t (lexical-violation? (make-lexical-violation)))
  (test #t (non-continuable-violation? (make-non-continuable-violation)))
  ;; A handler returning from raise: the secondary exception is a
  ;; &non-continuable violation (r6rs-lib §7.1), as under Chez Scheme.
  (test 'non-continuable
        (guard (e ((non-continuable-violation? e) 'non-continuable) (else 'other))
          (with-exception-handler (lambda (c) 'ignored) (lambda () (raise 'oops)))))
  (test #t (implementation-restriction-violation? (make-implementation-restriction-violation)))
  (test #t (i/o-read-error? (make-i/o-read-error)))
  (test #t (i/o-filename-error? (make-i/o-file-does-not-exist-error "f")))
  (test #t (i/o-file-does-not-exist-error? (make-i/o-file-does-not-exist-error "f")))
  (test "f" (i/o-error-filename (make-i/o-file-does-not-exist-error "f")))
  (test #t (i/o-file-protection-error? (make-i/o-file-is-read-only-error "f")))
  (test #t (error? (make-i/o-error))))

(test-group "raise, guard and the runtime's conditions seen through R6RS"
  (test 'caught (guard (c ((error? c) 'caught)) (error 'who "msg" 1)))
  (test '(who "msg" (1 2)) (guard (c ((error? c) (list (condition-who c) (condition-message c) (condition-irritants c)))) (error 'who "msg" 1 2)))
  (test #t (guard (c ((assertion-violation? c) #t)) (car 5)))
  (test #t (guard (c ((assertion-violation? c) #t)) (vector-ref (vector 1) 4)))
  (test #t (guard (c ((undefined-violation? c) #t)) (eval 'no-such-variable-here (environment '(rnrs)))))
  (test #t (guard (c ((i/o-file-does-not-exist-error? c) #t)) (open-input-file "/nonexistent/tlsport/file")))
  (test 42 (with-exception-handler (lambda (c) 42) (lambda () (raise-continuable 'oops))))
  (test 'value (guard (c ((symbol? c) c)) (raise 'value))))

(test-group "the CHICKEN view of R6RS conditions"
  (define-condition-type &tls-problem &error make-tls-problem tls-problem? (detail tls-problem-detail))
  (define c (condition (make-tls-problem 'handshake) (make-message-condition "handshake failed")))
  (test #t ((condition-predicate 'exn) c))
  (test #t ((condition-predicate 'tls-problem) c))
  (test 'handshake ((condition-property-accessor 'tls-problem 'detail) c))
  (test "handshake failed" ((condition-property-accessor 'exn 'message) c))
  (test "handshake failed" (condition/report-string c))
  (test 'handshake (condition-case (raise c) (e (tls-problem) (tls-problem-detail e)))))

(test-group "every standard constructor"
  (test #t (serious-condition? (make-serious-condition)))
  (test #t (violation? (make-violation)))
  (test #t (i/o-write-error? (make-i/o-write-error)))
  (test #t (i/o-invalid-position-error? (make-i/o-invalid-position-error 3)))
  (test 3 (i/o-error-position (make-i/o-invalid-position-error 3)))
  (test "f" (i/o-error-filename (make-i/o-filename-error "f")))
  (test #t (i/o-file-protection-error? (make-i/o-file-protection-error "f")))
  (test #t (i/o-file-already-exists-error? (make-i/o-file-already-exists-error "f")))
  (test 'p (i/o-error-port (make-i/o-port-error 'p)))
  (test #t (i/o-decoding-error? (make-i/o-decoding-error 'p)))
  (test #\x (i/o-encoding-error-char (make-i/o-encoding-error 'p #\x))))

(test-group "what the core raises, as R6RS names it"
  ;; an exact divisor of zero breaks a "must": &assertion; (expt 0 -1) is
  ;; one of the &implementation-restriction cases (r6rs §11.7.4.3)
  (test '(#t #f) (guard (e (#t (list (assertion-violation? e) (error? e)))) (/ 3 0)))
  (test '(#t #f) (guard (e (#t (list (assertion-violation? e) (error? e)))) (div 3 0)))
  (test '(#t #f #f) (guard (e (#t (list (implementation-restriction-violation? e) (assertion-violation? e) (error? e)))) (expt 0 -1)))
  ;; a call of a non-procedure (r6rs §11.4.3), or of a case-lambda procedure
  ;; no clause of which takes the arguments (r6rs-lib §5): &assertion
  (define (call f . args) (apply f args))
  (test '(#t #f) (guard (e (#t (list (assertion-violation? e) (error? e)))) (call 5 5)))
  (test '(#t #f) (guard (e (#t (list (assertion-violation? e) (error? e)))) (call "s")))
  (define f (case-lambda ((a) 1) ((a b) 2)))
  (test '(1 2) (list (f 'x) (f 'x 'y)))
  (test '(#t #f) (guard (e (#t (list (assertion-violation? e) (error? e)))) (f 1 2 3)))
  (test '(#t #f) (guard (e (#t (list (assertion-violation? e) (error? e)))) (f)))
  (test '(#t #f) (guard (e (#t (list (assertion-violation? e) (error? e)))) ((case-lambda)))))

(test-group "a compound condition's accessors read its first component of the type (§7.2.1)"
  (test "first" (condition-message (condition (make-message-condition "first") (make-message-condition "second"))))
  (test 'a (condition-who (condition (make-who-condition 'a) (make-error) (make-who-condition 'b))))
  (test '(1) (condition-irritants (condition (make-irritants-condition '(1)) (make-irritants-condition '(2)))))
  (test '(w "m") (let ((c (condition (make-error) (make-who-condition 'w) (make-message-condition "m")))) (list (condition-who c) (condition-message c))))
  ;; a condition raised by error is a &message, &irritants and &who in its place
  (define (caught thunk) (guard (e (#t e)) (thunk)))
  (test '("inner" inner) (let ((c (condition (caught (lambda () (error 'inner "inner"))) (make-message-condition "outer")))) (list (condition-message c) (condition-who c))))
  (test '("outer" inner) (let ((c (condition (make-message-condition "outer") (caught (lambda () (error 'inner "inner")))))) (list (condition-message c) (condition-who c))))
  (test '("m1" one ()) (let ((c (condition (caught (lambda () (error 'one "m1"))) (caught (lambda () (error 'two "m2" 5)))))) (list (condition-message c) (condition-who c) (condition-irritants c)))))

(test-group "a condition type is a record name (§7.2)"
  (test #t ((condition-predicate (record-type-descriptor &error)) (make-error)))
  (test #f ((condition-predicate (record-type-descriptor &error)) (make-warning)))
  (test "hi" ((condition-accessor (record-type-descriptor &message) condition-message) (make-message-condition "hi"))))

(test-group "simple-conditions: the components, each of one type (§7.2.1)"
  (define (types c) (map (lambda (s) (list (error? s) (assertion-violation? s) (who-condition? s) (message-condition? s) (irritants-condition? s))) (simple-conditions c)))
  (define (caught thunk) (guard (e (#t e)) (thunk)))
  ;; error makes &error, &who, &message and &irritants
  (test '((#t #f #f #f #f) (#f #f #t #f #f) (#f #f #f #t #f) (#f #f #f #f #t)) (types (caught (lambda () (error 'me "msg" 1 2)))))
  (test '((#t #f #f #f #f) (#f #f #f #t #f) (#f #f #f #f #t)) (types (caught (lambda () (error #f "msg")))))
  (test '((#f #t #f #f #f) (#f #f #t #f #f) (#f #f #f #t #f) (#f #f #f #f #t)) (types (caught (lambda () (assertion-violation 'me "msg" 1 2)))))
  (test '(me "msg" (1 2)) (let ((s (simple-conditions (caught (lambda () (error 'me "msg" 1 2))))))
                            (list (condition-who (cadr s)) (condition-message (caddr s)) (condition-irritants (cadddr s)))))
  ;; condition keeps its components and their order, nested ones flattened
  (define c (condition (make-error) (make-message-condition "m") (make-who-condition 'w) (make-irritants-condition '(1 2))))
  (test '((#t #f #f #f #f) (#f #f #f #t #f) (#f #f #t #f #f) (#f #f #f #f #t)) (types c))
  (test 3 (length (simple-conditions (condition (make-error) (condition (make-warning) (make-message-condition "a"))))))
  (test '(#t #f #f) (map warning? (simple-conditions (condition (make-warning) (make-error) (make-error)))))
  (test '(#f #f) (list (message-condition? (make-error)) (irritants-condition? (make-error))))
  (test '() (simple-conditions (condition))))
