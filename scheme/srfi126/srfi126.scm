;; SRFI-126 (R6RS-based hashtables), adapted from chez-srfi's
;; %3a126/126.body.scm, the SRFI's reference implementation:
;;   Copyright (C) Taylan Ulrich Bayırlı/Kammer (2015-2016). Licensed
;;   under the Expat (MIT) licence: Permission is hereby granted, free of
;;   charge, to any person obtaining a copy of this software and
;;   associated documentation files (the "Software"), to deal in the
;;   Software without restriction, including without limitation the
;;   rights to use, copy, modify, merge, publish, distribute, sublicense,
;;   and/or sell copies of the Software, and to permit persons to whom the
;;   Software is furnished to do so, subject to the following conditions:
;;   The above copyright notice and this permission notice shall be
;;   included in all copies or substantial portions of the Software. THE
;;   SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
;;   OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
;;   MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
;;   NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS
;;   BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN
;;   ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
;;   CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
;;   SOFTWARE.
;; Changes from the reference:
;; - the R6RS procedures it builds on (rnrs:make-eq-hashtable & co.) are
;;   those of tlsport's (rnrs hashtables), taken from its environment, and
;;   the procedures R6RS also defines are %srfi126-<name>, which the Go
;;   rows of the same name call: a program importing (srfi 126) with a
;;   prefix keeps R6RS's (or no) unprefixed hashtable-ref & co.;
;; - weak and ephemeral eq? and eqv? tables are R6RS hashtables holding
;;   their associations in the core's weak table (%srfi126-weaken!, a Go
;;   row); an ephemeral weakness is a weak one (SRFI-126 allows it), and
;;   hashtable-weakness (a Go row) returns the weakness the table was made
;;   with; make-hashtable with a hash procedure takes no weakness ("weakness
;;   not supported", as the reference on Chez Scheme); hashtable-copy keeps
;;   the table's weakness, or takes the one given;
;; - weakness is syntax-rules over a list of the six symbols rather than
;;   define-enumeration;
;; - hash-salt (%srfi126-hash-salt: SRFI-128 defines hash-salt as syntax)
;;   is a hash of SRFI_126_HASH_SEED that is the same at every run (the
;;   core's string-hash is not), else a random fixnum of a randomized
;;   source (random-integer's default source gives the same one at every
;;   run);
;; - the entries are walked with a loop of vector-ref, not vector-for-each
;;   (which importing (srfi 43) rebinds);
;; - errors name the procedure (error 'who "message" irritant ...).

(define %srfi126-r6
  (let ((env (environment '(rnrs hashtables))))
    (lambda (name) (eval name env))))
(define %srfi126-r6-make-eq-hashtable (%srfi126-r6 'make-eq-hashtable))
(define %srfi126-r6-make-eqv-hashtable (%srfi126-r6 'make-eqv-hashtable))
(define %srfi126-r6-make-hashtable (%srfi126-r6 'make-hashtable))
(define %srfi126-r6-hashtable-ref (%srfi126-r6 'hashtable-ref))
(define %srfi126-r6-hashtable-update! (%srfi126-r6 'hashtable-update!))
(define %srfi126-r6-hashtable-copy (%srfi126-r6 'hashtable-copy))
(define %srfi126-r6-hashtable-clear! (%srfi126-r6 'hashtable-clear!))
;; The procedures SRFI-126 takes from R6RS unchanged.
(define %srfi126-hashtable? (%srfi126-r6 'hashtable?))
(define %srfi126-hashtable-size (%srfi126-r6 'hashtable-size))
(define %srfi126-hashtable-set! (%srfi126-r6 'hashtable-set!))
(define %srfi126-hashtable-delete! (%srfi126-r6 'hashtable-delete!))
(define %srfi126-hashtable-contains? (%srfi126-r6 'hashtable-contains?))
(define %srfi126-hashtable-keys (%srfi126-r6 'hashtable-keys))
(define %srfi126-hashtable-entries (%srfi126-r6 'hashtable-entries))
(define %srfi126-hashtable-equivalence-function (%srfi126-r6 'hashtable-equivalence-function))
(define %srfi126-hashtable-hash-function (%srfi126-r6 'hashtable-hash-function))
(define %srfi126-hashtable-mutable? (%srfi126-r6 'hashtable-mutable?))
(define %srfi126-symbol-hash (%srfi126-r6 'symbol-hash))

(define (%srfi126-no-weakness who weakness)
  (error who "weakness not supported" weakness))

;; hashtable made weak as weakness says (a weakness symbol), returned.
(define (%srfi126-weak who hashtable weakness)
  (case weakness
    ((weak-key ephemeral-key) (%srfi126-weaken! hashtable #t #f weakness))
    ((weak-value ephemeral-value) (%srfi126-weaken! hashtable #f #t weakness))
    ((weak-key-and-value ephemeral-key-and-value) (%srfi126-weaken! hashtable #t #t weakness))
    (else (error who "not a weakness" weakness)))
  hashtable)

(define %srfi126-make-eq-hashtable
  (case-lambda
    (() (%srfi126-r6-make-eq-hashtable))
    ((capacity)
     (if capacity
         (%srfi126-r6-make-eq-hashtable capacity)
         (%srfi126-r6-make-eq-hashtable)))
    ((capacity weakness)
     (if weakness
         (%srfi126-weak 'make-eq-hashtable (%srfi126-make-eq-hashtable capacity) weakness)
         (%srfi126-make-eq-hashtable capacity)))))

(define %srfi126-make-eqv-hashtable
  (case-lambda
    (() (%srfi126-r6-make-eqv-hashtable))
    ((capacity)
     (if capacity
         (%srfi126-r6-make-eqv-hashtable capacity)
         (%srfi126-r6-make-eqv-hashtable)))
    ((capacity weakness)
     (if weakness
         (%srfi126-weak 'make-eqv-hashtable (%srfi126-make-eqv-hashtable capacity) weakness)
         (%srfi126-make-eqv-hashtable capacity)))))

(define %srfi126-make-hashtable
  (case-lambda
    ((hash equiv) (%srfi126-make-hashtable hash equiv #f #f))
    ((hash equiv capacity) (%srfi126-make-hashtable hash equiv capacity #f))
    ((hash equiv capacity weakness)
     (cond
      (hash
       (let ((hash (if (pair? hash) (car hash) hash)))
         (cond (weakness (%srfi126-no-weakness 'make-hashtable weakness))
               (capacity (%srfi126-r6-make-hashtable hash equiv capacity))
               (else (%srfi126-r6-make-hashtable hash equiv)))))
      ((eq? equiv eq?) (%srfi126-make-eq-hashtable capacity weakness))
      ((eq? equiv eqv?) (%srfi126-make-eqv-hashtable capacity weakness))
      (else (error 'make-hashtable
                   "hash procedure cannot be #f except with eq? or eqv?"
                   hash equiv))))))

(define (alist->eq-hashtable . args)
  (apply alist->hashtable #f eq? args))

(define (alist->eqv-hashtable . args)
  (apply alist->hashtable #f eqv? args))

(define alist->hashtable
  (case-lambda
    ((hash equiv alist)
     (alist->hashtable hash equiv #f #f alist))
    ((hash equiv capacity alist)
     (alist->hashtable hash equiv capacity #f alist))
    ((hash equiv capacity weakness alist)
     (let ((hashtable (%srfi126-make-hashtable hash equiv capacity weakness)))
       (for-each (lambda (entry)
                   (%srfi126-hashtable-set! hashtable (car entry) (cdr entry)))
                 (reverse alist))
       hashtable))))

(define %srfi126-weaknesses
  '(weak-key weak-value weak-key-and-value ephemeral-key ephemeral-value ephemeral-key-and-value))
(define (%srfi126-weakness sym)
  (if (memq sym %srfi126-weaknesses) sym (error 'weakness "not a weakness" sym)))
(define-syntax weakness
  (syntax-rules ()
    ((_ sym) (%srfi126-weakness 'sym))))

(define %srfi126-nil (list 'nil))

(define %srfi126-hashtable-ref
  (case-lambda
    ((hashtable key)
     (let ((value (%srfi126-r6-hashtable-ref hashtable key %srfi126-nil)))
       (if (eq? value %srfi126-nil)
           (error 'hashtable-ref "no such key in hashtable" hashtable key)
           value)))
    ((hashtable key default)
     (%srfi126-r6-hashtable-ref hashtable key default))))

(define (hashtable-lookup hashtable key)
  (let ((value (%srfi126-r6-hashtable-ref hashtable key %srfi126-nil)))
    (if (eq? value %srfi126-nil)
        (values #f #f)
        (values value #t))))

(define %srfi126-hashtable-update!
  (case-lambda
    ((hashtable key proc)
     (%srfi126-r6-hashtable-update! hashtable key
                                    (lambda (value)
                                      (if (eq? value %srfi126-nil)
                                          (error 'hashtable-update! "no such key in hashtable"
                                                 hashtable key)
                                          (proc value)))
                                    %srfi126-nil))
    ((hashtable key proc default)
     (%srfi126-r6-hashtable-update! hashtable key proc default))))

(define (hashtable-intern! hashtable key default-proc)
  (let ((value (%srfi126-r6-hashtable-ref hashtable key %srfi126-nil)))
    (if (eq? value %srfi126-nil)
        (let ((value (default-proc)))
          (%srfi126-hashtable-set! hashtable key value)
          value)
        value)))

(define %srfi126-hashtable-copy
  (case-lambda
    ((hashtable) (%srfi126-hashtable-copy hashtable #f #f))
    ((hashtable mutable) (%srfi126-hashtable-copy hashtable mutable #f))
    ((hashtable mutable weakness)
     (cond ((not weakness) (%srfi126-r6-hashtable-copy hashtable mutable))
           ((%srfi126-hashtable-hash-function hashtable)
            (%srfi126-no-weakness 'hashtable-copy weakness))
           (else
            (let ((copy (%srfi126-weak 'hashtable-copy (%srfi126-r6-hashtable-copy hashtable #t) weakness)))
              (if mutable copy (%srfi126-r6-hashtable-copy copy #f))))))))

(define %srfi126-hashtable-clear!
  (case-lambda
    ((hashtable) (%srfi126-r6-hashtable-clear! hashtable))
    ((hashtable capacity)
     (if capacity
         (%srfi126-r6-hashtable-clear! hashtable capacity)
         (%srfi126-r6-hashtable-clear! hashtable)))))

(define hashtable-empty-copy
  (case-lambda
    ((hashtable) (hashtable-empty-copy hashtable #f))
    ((hashtable capacity)
     (%srfi126-make-hashtable (%srfi126-hashtable-hash-function hashtable)
                              (%srfi126-hashtable-equivalence-function hashtable)
                              (if (eq? #t capacity)
                                  (%srfi126-hashtable-size hashtable)
                                  capacity)
                              (hashtable-weakness hashtable)))))

(define (hashtable-values hashtable)
  (let-values (((keys values) (%srfi126-hashtable-entries hashtable)))
    values))

(define (hashtable-key-list hashtable)
  (hashtable-map->lset hashtable (lambda (key value) key)))

(define (hashtable-value-list hashtable)
  (hashtable-map->lset hashtable (lambda (key value) value)))

(define (hashtable-entry-lists hashtable)
  (let ((keys '())
        (vals '()))
    (hashtable-walk hashtable
      (lambda (key val)
        (set! keys (cons key keys))
        (set! vals (cons val vals))))
    (values keys vals)))

;; (vector-for-each proc keys values), which (srfi 43) would rebind.
(define (%srfi126-for-each proc keys values)
  (let ((n (vector-length keys)))
    (let loop ((i 0))
      (when (< i n)
        (proc (vector-ref keys i) (vector-ref values i))
        (loop (+ i 1))))))

;;; XXX The procedures hashtable-walk, hashtable-update-all!, hashtable-prune!,
;;; and hashtable-sum should be implemented more efficiently at the platform
;;; level.  In particular, they should not allocate intermediate vectors or
;;; lists to hold the keys or values that are being operated on.

(define (hashtable-walk hashtable proc)
  (let-values (((keys values) (%srfi126-hashtable-entries hashtable)))
    (%srfi126-for-each proc keys values)))

(define (hashtable-update-all! hashtable proc)
  (let-values (((keys values) (%srfi126-hashtable-entries hashtable)))
    (%srfi126-for-each (lambda (key value)
                       (%srfi126-hashtable-set! hashtable key (proc key value)))
                     keys values)))

(define (hashtable-prune! hashtable proc)
  (let-values (((keys values) (%srfi126-hashtable-entries hashtable)))
    (%srfi126-for-each (lambda (key value)
                       (when (proc key value)
                         (%srfi126-hashtable-delete! hashtable key)))
                     keys values)))

(define (hashtable-merge! hashtable-dest hashtable-source)
  (let-values (((keys values) (%srfi126-hashtable-entries hashtable-source)))
    (%srfi126-for-each (lambda (key value)
                       (%srfi126-hashtable-set! hashtable-dest key value))
                     keys values))
  hashtable-dest)

(define (hashtable-sum hashtable init proc)
  (let-values (((keys vals) (%srfi126-hashtable-entries hashtable)))
    (let ((size (vector-length keys)))
      (let loop ((i 0) (result init))
        (if (>= i size)
            result
            (loop (+ i 1) (proc (vector-ref keys i)
                                (vector-ref vals i)
                                result)))))))

(define (hashtable-map->lset hashtable proc)
  (let-values (((keys vals) (%srfi126-hashtable-entries hashtable)))
    (let ((size (vector-length keys)))
      (let loop ((i 0) (accumulator '()))
        (if (>= i size)
            accumulator
            (loop (+ i 1) (cons (proc (vector-ref keys i) (vector-ref vals i))
                                accumulator)))))))

(define (hashtable-find hashtable proc)
  (call/cc
   (lambda (return)
     (hashtable-walk hashtable
       (lambda (key value)
         (when (proc key value)
           (return key value #t))))
     (return #f #f #f))))

(define (hashtable-empty? hashtable)
  (= 0 (%srfi126-hashtable-size hashtable)))

(define (hashtable-pop! hashtable)
  (if (hashtable-empty? hashtable)
      (error 'hashtable-pop! "cannot pop from empty hashtable" hashtable)
      (let-values (((key value found?)
                    (hashtable-find hashtable (lambda (k v) #t))))
        (%srfi126-hashtable-delete! hashtable key)
        (values key value))))

(define hashtable-inc!
  (case-lambda
    ((hashtable key) (hashtable-inc! hashtable key 1))
    ((hashtable key number)
     (%srfi126-hashtable-update! hashtable key (lambda (v) (+ v number)) 0))))

(define hashtable-dec!
  (case-lambda
    ((hashtable key) (hashtable-dec! hashtable key 1))
    ((hashtable key number)
     (%srfi126-hashtable-update! hashtable key (lambda (v) (- v number)) 0))))

(define %srfi126-salt
  (let ((seed (get-environment-variable "SRFI_126_HASH_SEED")))
    (if (or (not seed) (string=? seed ""))
        (let ((source (make-random-source)))
          (random-source-randomize! source)
          ((random-source-make-integers source) most-positive-fixnum))
        (let loop ((i 0) (h 0))
          (if (= i (string-length seed))
              h
              (loop (+ i 1) (modulo (+ (* h 31) (char->integer (string-ref seed i))) most-positive-fixnum)))))))

(define (%srfi126-hash-salt) %srfi126-salt)
