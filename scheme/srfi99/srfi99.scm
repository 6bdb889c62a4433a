;; SRFI-99 ERR5RS records: the SRFI's reference implementation as
;; chez-srfi packages it (%3a99/records/helper.sls, inspection.sls,
;; procedural.sls and syntactic.sls, one after the other):
;;   Copyright (C) William D Clinger 2008. All Rights Reserved.
;;
;;   Permission is hereby granted, free of charge, to any person obtaining
;;   a copy of this software and associated documentation files (the
;;   "Software"), to deal in the Software without restriction, including
;;   without limitation the rights to use, copy, modify, merge, publish,
;;   distribute, sublicense, and/or sell copies of the Software, and to
;;   permit persons to whom the Software is furnished to do so, subject to
;;   the following conditions:
;;
;;   The above copyright notice and this permission notice shall be
;;   included in all copies or substantial portions of the Software.
;;
;;   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
;;   EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
;;   MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
;;   NONINFRINGEMENT. REMEMBER, THERE IS NO SCHEME UNDERGROUND. IN NO EVENT
;;   SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
;;   DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
;;   OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
;;   THE USE OR OTHER DEALINGS IN THE SOFTWARE.
;; Changes from the reference:
;; - the R6RS procedures it builds on are those of tlsport's (rnrs records
;;   procedural), (rnrs records inspection) and (rnrs base), taken from
;;   their environment;
;; - the define-record-type of syntactic.sls is
;;   %srfi99-define-record-type, which the (srfi 99) row
;;   define-record-type expands to, so that a prefixed import keeps the
;;   R7RS/SRFI-9 define-record-type; its helpers are %srfi99-…;
;; - vector-map and for-all are written out as loops over lists (importing
;;   (srfi 43) rebinds vector-map; for-all is R6RS's, not global here).

(define %srfi99-r6
  (let ((env (environment '(rnrs base) '(rnrs records procedural) '(rnrs records inspection))))
    (lambda (name) (eval name env))))
(define %srfi99-assertion-violation (%srfi99-r6 'assertion-violation))
(define %srfi99-make-record-type-descriptor (%srfi99-r6 'make-record-type-descriptor))
(define %srfi99-make-record-constructor-descriptor (%srfi99-r6 'make-record-constructor-descriptor))
(define %srfi99-record-constructor (%srfi99-r6 'record-constructor))
(define %srfi99-record-accessor (%srfi99-r6 'record-accessor))
(define %srfi99-record-mutator (%srfi99-r6 'record-mutator))
(define %srfi99-record-field-mutable? (%srfi99-r6 'record-field-mutable?))

;;; helper.sls and inspection.sls

(define rtd? (%srfi99-r6 'record-type-descriptor?))

; The record? predicate is already defined by (rnrs records inspection).
(define record? (%srfi99-r6 'record?))

; The record-rtd procedure is already defined by (rnrs records inspection).
(define record-rtd (%srfi99-r6 'record-rtd))

(define rtd-name (%srfi99-r6 'record-type-name))

(define rtd-parent (%srfi99-r6 'record-type-parent))

(define rtd-field-names (%srfi99-r6 'record-type-field-names))

(define (rtd-all-field-names rtd)
  (define (loop rtd othernames)
    (let ((parent (rtd-parent rtd))
          (names (append (vector->list
                          (rtd-field-names rtd))
                         othernames)))
      (if parent
          (loop parent names)
          (list->vector names))))
  (loop rtd '()))

(define (rtd-field-mutable? rtd0 fieldname)
  (define (loop rtd)
    (if (rtd? rtd)
        (let* ((names (vector->list (rtd-field-names rtd)))
               (probe (memq fieldname names)))
          (if probe
              (%srfi99-record-field-mutable? rtd (- (length names) (length probe)))
              (loop (rtd-parent rtd))))
        (%srfi99-assertion-violation 'rtd-field-mutable?
                                     "illegal argument" rtd0 fieldname)))
  (loop rtd0))

;;; procedural.sls

; Note: the options are permitted by ERR5RS,
; but are not part of ERR5RS.

(define (make-rtd name fieldspecs . rest)
  (let* ((parent (if (null? rest) #f (car rest)))
         (options (if (null? rest) '() (cdr rest)))
         (sealed? (and (memq 'sealed options) #t))
         (opaque? (and (memq 'opaque options) #t))
         (uid (let ((probe (memq 'uid options)))
                (if (and probe (not (null? (cdr probe))))
                    (cadr probe)
                    #f))))
    (%srfi99-make-record-type-descriptor
     name
     parent
     uid
     sealed?
     opaque?
     (list->vector
      (map (lambda (fieldspec)
             (if (symbol? fieldspec)
                 (list 'mutable fieldspec)
                 fieldspec))
           ;; NB: hack to get srfi :131 working
           (if (list? fieldspecs)
               fieldspecs
               (vector->list fieldspecs)))))))

(define (rtd-constructor rtd . rest)

  ; Computes permutation and allocates permutation buffer
  ; when the constructor is created, not when the constructor
  ; is called.  More error checking is recommended.

  (define (make-constructor fieldspecs allnames maker)
    (let* ((k (length fieldspecs))
           (n (length allnames))
           (buffer (make-vector n))
           (reverse-all-names (reverse allnames)))

      (define (position fieldname)
        (let ((names (memq fieldname reverse-all-names)))
          (assert names)
          (- (length names) 1)))

      (let ((indexes (map position fieldspecs)))

        ; The following can be made quite efficient by
        ; hand-coding it in some lower-level language,
        ; e.g. Larceny's mal.  Even case-lambda would
        ; be good enough in most systems.

        (lambda args
          (assert (= (length args) k))
          (for-each (lambda (arg posn)
                      (vector-set! buffer posn arg))
                    args indexes)
          (apply maker (vector->list buffer))))))

  (if (null? rest)
      (%srfi99-record-constructor
       (%srfi99-make-record-constructor-descriptor rtd #f #f))
      (begin (assert (null? (cdr rest)))
             (make-constructor
              (vector->list (car rest))
              (vector->list (rtd-all-field-names rtd))
              (%srfi99-record-constructor
               (%srfi99-make-record-constructor-descriptor rtd #f #f))))))

(define rtd-predicate (%srfi99-r6 'record-predicate))

(define (rtd-accessor rtd0 fieldname)
  (define (loop rtd)
    (if (rtd? rtd)
        (let* ((names (vector->list (rtd-field-names rtd)))
               (probe (memq fieldname names)))
          (if probe
              (%srfi99-record-accessor rtd (- (length names) (length probe)))
              (loop (rtd-parent rtd))))
        (%srfi99-assertion-violation 'rtd-accessor
                                     "illegal argument" rtd0 fieldname)))
  (loop rtd0))

(define (rtd-mutator rtd0 fieldname)
  (define (loop rtd)
    (if (rtd? rtd)
        (let* ((names (vector->list (rtd-field-names rtd)))
               (probe (memq fieldname names)))
          (if probe
              (%srfi99-record-mutator rtd (- (length names) (length probe)))
              (loop (rtd-parent rtd))))
        (%srfi99-assertion-violation 'rtd-mutator
                                     "illegal argument" rtd0 fieldname)))
  (loop rtd0))

;;; syntactic.sls

(define-syntax %srfi99-define-record-type
  (syntax-rules ()
   ((_ (type-name parent) constructor-spec predicate-spec . field-specs)
    (%srfi99-define-record-type-helper0
     type-name parent constructor-spec predicate-spec . field-specs))
   ((_ type-name constructor-spec predicate-spec . field-specs)
    (%srfi99-define-record-type-helper0
     type-name #f constructor-spec predicate-spec . field-specs))))

(define-syntax %srfi99-define-record-type-helper0
  (lambda (x)

    ; Given syntax objects, passes them to helper macro.

    (define (construct-record-type-definitions
             tname fields parent cspec pred afields mfields)
      (let ()

        (define (frob x)
          (cond ((identifier? x)
                 x)
                ((pair? x)
                 (cons (frob (car x)) (frob (cdr x))))
                ((vector? x)
                 (list->vector (map frob (vector->list x))))
                ((symbol? x)
                 (datum->syntax tname x))
                (else
                 x)))

        #`(#,(frob #'%srfi99-define-record-type-helper)
           #,(frob tname)
           #,(frob fields)
           #,(frob parent)
           #,(frob cspec)
           #,(frob pred)
           #,(frob afields)
           #,(frob mfields))))

    ; Given a syntax object that represents a non-empty list,
    ; returns the syntax object for its first element.

    (define (syntax-car x)
      (syntax-case x ()
       ((x0 x1 ...)
        #'x0)))

    ; Given a syntax object that represents a non-empty list,
    ; returns the syntax object obtained by omitting the first
    ; element of that list.

    (define (syntax-cdr x)
      (syntax-case x ()
       ((x0 x1 ...)
        #'(x1 ...))))

    ; Given a syntax object that represents a non-empty list,
    ; returns the corresponding list of syntax objects.

    (define (syntax->list x)
      (syntax-case x ()
       (()
        '())
       ((x0 . x1)
        (cons #'x0 (syntax->list #'x1)))))

    (define (complain)
      (syntax-violation 'define-record-type "illegal syntax" x))

    (define (all-symbols? l)
      (or (null? l) (and (symbol? (car l)) (all-symbols? (cdr l)))))

    ; tname and pname are always identifiers here.

    (syntax-case x ()
     ((_ tname pname constructor-spec predicate-spec . field-specs)
      (let* ((type-name (syntax->datum #'tname))
             (cspec (syntax->datum #'constructor-spec))
             (pspec (syntax->datum #'predicate-spec))
             (fspecs (syntax->datum #'field-specs))
             (type-name-string
              (begin (if (not (symbol? type-name))
                         (complain))
                     (symbol->string type-name)))
             (constructor-name
              (cond ((eq? cspec #f)
                     #'constructor-spec)
                    ((eq? cspec #t)
                     (datum->syntax
                      #'tname
                      (string->symbol
                       (string-append "make-" type-name-string))))
                    ((symbol? cspec)
                     #'constructor-spec)
                    ((and (pair? cspec) (symbol? (car cspec)))
                     (syntax-car #'constructor-spec))
                    (else (complain))))
             (constructor-args
              (cond ((pair? cspec)
                     (if (not (all-symbols? cspec))
                         (complain)
                         (list->vector
                          (syntax->list (syntax-cdr #'constructor-spec)))))
                    (else #f)))
             (new-constructor-spec
              (if constructor-args
                  (list constructor-name constructor-args)
                  constructor-name))
             (predicate-name
              (cond ((eq? pspec #f)
                     #'predicate-spec)
                    ((eq? pspec #t)
                     (datum->syntax
                      #'tname
                      (string->symbol
                       (string-append type-name-string "?"))))
                    ((symbol? pspec)
                     #'predicate-spec)
                    (else (complain))))
             (field-specs
              (map (lambda (fspec field-spec)
                     (cond ((symbol? fspec)
                            (list 'immutable
                                  fspec
                                  (string->symbol
                                   (string-append
                                    type-name-string
                                    "-"
                                    (symbol->string fspec)))))
                           ((not (pair? fspec))
                            (complain))
                           ((not (list? fspec))
                            (complain))
                           ((not (all-symbols? fspec))
                            (complain))
                           ((null? (cdr fspec))
                            (list 'mutable
                                  (car fspec)
                                  (string->symbol
                                   (string-append
                                    type-name-string
                                    "-"
                                    (symbol->string (car fspec))))
                                  (string->symbol
                                   (string-append
                                    type-name-string
                                    "-"
                                    (symbol->string (car fspec))
                                    "-set!"))))
                           ((null? (cddr fspec))
                            (list 'immutable
                                  (car fspec)
                                  (syntax-car (syntax-cdr field-spec))))
                           ((null? (cdddr fspec))
                            (list 'mutable
                                  (car fspec)
                                  (syntax-car (syntax-cdr field-spec))
                                  (syntax-car (syntax-cdr
                                               (syntax-cdr field-spec)))))
                           (else (complain))))
                   fspecs
                   (syntax->list #'field-specs)))

             (fields (list->vector (map cadr field-specs)))

             (accessor-fields
              (map (lambda (x) (list (caddr x) (cadr x)))
                   (filter (lambda (x) (>= (length x) 3))
                           field-specs)))

             (mutator-fields
              (map (lambda (x) (list (cadddr x) (cadr x)))
                   (filter (lambda (x) (= (length x) 4))
                           field-specs))))

        (construct-record-type-definitions
         #'tname
         fields
         #'pname
         new-constructor-spec
         predicate-name
         accessor-fields
         mutator-fields))))))

(define-syntax %srfi99-define-record-type-helper
  (syntax-rules ()

   ((_ type-name fields parent #f predicate
       ((accessor field) ...) ((mutator mutable-field) ...))
    (%srfi99-define-record-type-helper
     type-name fields parent ignored predicate
     ((accessor field) ...) ((mutator mutable-field) ...)))

   ((_ type-name fields parent constructor #f
       ((accessor field) ...) ((mutator mutable-field) ...))
    (%srfi99-define-record-type-helper
     type-name fields parent constructor ignored
     ((accessor field) ...) ((mutator mutable-field) ...)))

   ((_ type-name fields parent (constructor args) predicate
       ((accessor field) ...) ((mutator mutable-field) ...))
    (begin (define type-name (make-rtd 'type-name 'fields parent))
           (define constructor (rtd-constructor type-name 'args))
           (define predicate (rtd-predicate type-name))
           (define accessor (rtd-accessor type-name 'field))
           ...
           (define mutator (rtd-mutator type-name 'mutable-field))
           ...))

   ((_ type-name fields parent constructor predicate
       ((accessor field) ...) ((mutator mutable-field) ...))
    (begin (define type-name (make-rtd 'type-name 'fields parent))
           (define constructor (rtd-constructor type-name))
           (define predicate (rtd-predicate type-name))
           (define accessor (rtd-accessor type-name 'field))
           ...
           (define mutator (rtd-mutator type-name 'mutable-field))
           ...))))
