;; SRFI-126 weak and ephemeral hashtables: eq? and eqv? tables made with a
;; weakness are R6RS hashtables every hashtable procedure takes, and
;; hashtable-weakness gives the weakness they were made with. An
;; association whose weakly held key or value is collected goes after a
;; collection ((gc #t)); one held strongly stays. The weak-key and
;; ephemeral-key results are those of chez-srfi's reference on Chez Scheme
;; 9.5 (which has no weak-value tables).
(import (scheme base) (srfi 126) (prefix (rnrs hashtables) r6:) (only (chicken gc) gc) (tlsport test))

(define weaknesses '(weak-key weak-value weak-key-and-value ephemeral-key ephemeral-value ephemeral-key-and-value))

(test-group "made with a weakness, told by hashtable-weakness"
  (test weaknesses (map (lambda (w) (hashtable-weakness (make-eq-hashtable #f w))) weaknesses))
  (test weaknesses (map (lambda (w) (hashtable-weakness (make-eqv-hashtable 10 w))) weaknesses))
  (test 'weak-key (hashtable-weakness (make-hashtable #f eq? #f 'weak-key)))
  (test 'ephemeral-key (hashtable-weakness (make-hashtable #f eqv? 5 'ephemeral-key)))
  (test 'weak-value (hashtable-weakness (make-eq-hashtable #f (weakness weak-value))))
  (test #f (hashtable-weakness (make-eq-hashtable #f #f)))
  (test #t (hashtable? (make-eq-hashtable #f 'weak-key)))
  (test #t (r6:hashtable? (make-eqv-hashtable #f 'weak-key-and-value)))
  ;; a weakness is one of the six symbols; a table with a hash procedure takes none
  (test-error (make-eq-hashtable #f 'weak))
  (test-error (make-eqv-hashtable #f "weak-key"))
  (test-error (make-hashtable string-hash string=? #f 'weak-key))
  (test-error (make-hashtable equal-hash equal? 10 'ephemeral-key)))

(test-group "the hashtable procedures on weak tables"
  (define t (make-eqv-hashtable #f 'weak-key))
  (define k1 (list 'k1))
  (define k2 (string #\k #\2))
  (hashtable-set! t k1 'one)
  (hashtable-set! t k2 'two)
  (hashtable-set! t 3 'three)
  (hashtable-set! t 4.5 'four)
  (hashtable-set! t (expt 10 30) 'big)
  (test 5 (hashtable-size t))
  (test 'one (hashtable-ref t k1))
  (test 'four (hashtable-ref t 4.5))
  (test 'big (hashtable-ref t (expt 10 30)))
  (test 'none (hashtable-ref t (list 'k1) 'none))
  (test #t (hashtable-contains? t k2))
  (hashtable-update! t 3 (lambda (v) (list v v)))
  (test '(three three) (hashtable-ref t 3))
  (hashtable-delete! t 3)
  (test #f (hashtable-contains? t 3))
  (test 4 (hashtable-size t))
  ;; hashtable-entries pairs each key with its value
  (test #t (let-values (((keys vals) (hashtable-entries t)))
             (let loop ((i 0))
               (or (= i (vector-length keys))
                   (and (eq? (vector-ref vals i) (hashtable-ref t (vector-ref keys i))) (loop (+ i 1)))))))
  (test 4 (vector-length (hashtable-keys t)))
  (test 4 (length (hashtable-key-list t)))
  (test 4 (hashtable-sum t 0 (lambda (k v acc) (+ acc 1))))
  (test eqv? (hashtable-equivalence-function t))
  (test #f (hashtable-hash-function t))
  ;; R6RS's procedures take it too
  (r6:hashtable-set! t k1 'uno)
  (test 'uno (r6:hashtable-ref t k1 #f))
  (test 4 (r6:hashtable-size t))
  (r6:hashtable-update! t k2 (lambda (v) (list v)) #f)
  (test '(two) (r6:hashtable-ref t k2 #f))
  (hashtable-clear! t)
  (test 0 (hashtable-size t))
  (test 'weak-key (hashtable-weakness t)))

(test-group "copies keep the weakness, or take the one given"
  (define t (make-eq-hashtable #f 'ephemeral-key))
  (define k (list 'k))
  (hashtable-set! t k 1)
  (define c (hashtable-copy t))
  (test 'ephemeral-key (hashtable-weakness c))
  (test #f (hashtable-mutable? c))
  (test-error (hashtable-set! c k 2))
  (test 1 (hashtable-ref c k))
  (test 'ephemeral-key (hashtable-weakness (r6:hashtable-copy t #t)))
  (define w (hashtable-copy t #t 'weak-key-and-value))
  (test '(weak-key-and-value #t 1) (list (hashtable-weakness w) (hashtable-mutable? w) (hashtable-ref w k)))
  (define s (hashtable-copy (make-eq-hashtable) #f 'weak-value))
  (test '(weak-value #f) (list (hashtable-weakness s) (hashtable-mutable? s)))
  (test 'ephemeral-key (hashtable-weakness (hashtable-empty-copy t)))
  (test 0 (hashtable-size (hashtable-empty-copy t)))
  (test-error (hashtable-copy (make-hashtable string-hash string=?) #t 'weak-key)))

;; fill puts its associations in t from inside a procedure: no frame of
;; the test holds the collectable keys and values afterwards.
(define (fill t key value) (hashtable-set! t key value) #t)

;; collected waits for t's size to become n, collecting up to 20 times.
(define (collected t n)
  (let loop ((i 0))
    (gc #t)
    (if (or (= (hashtable-size t) n) (= i 20)) (hashtable-size t) (loop (+ i 1)))))

(test-group "collection"
  (define kept (list 'kept))
  (define kept-value (list 'kept-value))
  (define (fresh) (make-string 100 #\x))
  ;; weak keys: the association of a key nothing else holds goes; a kept key's stays
  (define wk (make-eq-hashtable #f 'weak-key))
  (fill wk (fresh) 'gone)
  (fill wk kept (fresh))
  (test 1 (collected wk 1))
  (test #t (string? (hashtable-ref wk kept #f)))
  ;; ephemeral keys are weak keys
  (define ek (make-eqv-hashtable #f 'ephemeral-key))
  (fill ek (fresh) 'gone)
  (fill ek kept 'stays)
  (fill ek 42 'number)
  (test 2 (collected ek 2))
  (test '(stays number) (list (hashtable-ref ek kept) (hashtable-ref ek 42)))
  ;; weak values: the association of a value nothing else holds goes
  (define wv (make-eq-hashtable #f 'weak-value))
  (fill wv 'a (fresh))
  (fill wv 'b kept-value)
  (test 1 (collected wv 1))
  (test '(#f #t) (list (hashtable-contains? wv 'a) (eq? kept-value (hashtable-ref wv 'b))))
  ;; both
  (define wb (make-eq-hashtable #f 'weak-key-and-value))
  (fill wb kept (fresh))
  (fill wb (fresh) kept-value)
  (fill wb 'c 'd)
  (test 1 (collected wb 1))
  (test 'd (hashtable-ref wb 'c))
  ;; a table without weakness keeps them all
  (define strong (make-eq-hashtable))
  (fill strong (fresh) 1)
  (fill strong 'k (fresh))
  (test 2 (collected strong 0)))
