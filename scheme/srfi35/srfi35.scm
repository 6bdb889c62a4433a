;;; SRFI-35 conditions over the core's R6RS conditions. The procedures'
;;; checks, messages and the condition and define-condition-type syntax are
;;; those of the SRFI's reference implementation as chez-srfi ships it
;;; (%3a35/conditions.sls), whose notice follows.
;;;
;;; Copyright (C) Richard Kelsey, Michael Sperber (2002). All Rights Reserved.
;;;
;;; Permission is hereby granted, free of charge, to any person obtaining a
;;; copy of this software and associated documentation files (the "Software"),
;;; to deal in the Software without restriction, including without limitation
;;; the rights to use, copy, modify, merge, publish, distribute, sublicense,
;;; and/or sell copies of the Software, and to permit persons to whom the
;;; Software is furnished to do so, subject to the following conditions:
;;;
;;; The above copyright notice and this permission notice shall be included in
;;; all copies or substantial portions of the Software.
;;;
;;; THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
;;; IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
;;; FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL
;;; THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
;;; LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
;;; FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
;;; DEALINGS IN THE SOFTWARE.
;;;
;;; tlsport's changes: the reference keeps conditions in records of its
;;; own; here a condition type is an R6RS condition type and a condition
;;; an R6RS (so CHICKEN) condition, as R6RS's conditions grew out of
;;; SRFI-35's: &condition, &message, &serious and &error are R6RS's (and
;;; so are error?, serious-condition?, message-condition? and
;;; condition-message, Go rows in srfi35.go), a type
;;; make-condition-type makes is one define-condition-type would (made with
;;; eval, its field values kept as properties of the kind named by the type
;;; without its &), and what the core raises is a SRFI-35 condition — an
;;; (error ...) is an &error and a &message whose condition-ref 'message
;;; is its message. What the reference kept in its type record (the
;;; supertype and the fields) is kept in %srfi35-types, which knows the standard
;;; R6RS types; a type the program made with R6RS's define-condition-type
;;; has no fields here and cannot be made with make-condition. The
;;; reference's helpers are %-prefixed; the errors are R6RS's, with the
;;; reference's messages.

(import (rename (only (rnrs conditions) condition simple-conditions condition-predicate condition-accessor
                      &condition &message &serious &error &warning &violation &assertion &irritants &who
                      &non-continuable &implementation-restriction &lexical &syntax &undefined
                      make-message-condition make-serious-condition make-error make-warning make-violation
                      make-assertion-violation make-irritants-condition make-who-condition
                      make-non-continuable-violation make-implementation-restriction-violation
                      make-lexical-violation make-syntax-violation make-undefined-violation
                      error? serious-condition? message-condition? condition-message
                      condition-irritants condition-who syntax-violation-form syntax-violation-subform)
                (condition %r6rs-condition) (simple-conditions %simple-conditions)
                (condition-predicate %condition-predicate) (condition-accessor %condition-accessor)
                (&condition %&condition) (&message %&message) (&serious %&serious) (&error %&error)
                (&warning %&warning) (&violation %&violation) (&assertion %&assertion)
                (&irritants %&irritants) (&who %&who) (&non-continuable %&non-continuable)
                (&implementation-restriction %&implementation-restriction) (&lexical %&lexical)
                (&syntax %&syntax) (&undefined %&undefined)
                (make-message-condition %make-message-condition) (make-serious-condition %make-serious-condition)
                (make-error %make-error) (make-warning %make-warning) (make-violation %make-violation)
                (make-assertion-violation %make-assertion-violation) (make-irritants-condition %make-irritants-condition)
                (make-who-condition %make-who-condition) (make-non-continuable-violation %make-non-continuable-violation)
                (make-implementation-restriction-violation %make-implementation-restriction-violation)
                (make-lexical-violation %make-lexical-violation) (make-syntax-violation %make-syntax-violation)
                (make-undefined-violation %make-undefined-violation)
                (error? %error?) (serious-condition? %serious-condition?)
                (message-condition? %message-condition?) (condition-message %condition-message)
                (condition-irritants %condition-irritants) (condition-who %condition-who)
                (syntax-violation-form %syntax-violation-form) (syntax-violation-subform %syntax-violation-subform))
        (rename (only (rnrs base) error) (error %r6rs-error))
        (rename (only (rnrs eval) eval environment) (eval %srfi35-eval) (environment %srfi35-environment)))

(define &condition %&condition)
(define &message %&message)
(define &serious %&serious)
(define &error %&error)

;; %srfi35-error raises the reference's errors: an R6RS &error whose who is the
;; SRFI-35 procedure.
(define (%srfi35-error who msg . irritants) (apply %r6rs-error who msg irritants))

;; What the reference's condition-type record held, for each type: its
;; name, supertype (#f for &condition), own fields and all fields (the
;; supertypes' first), the constructor taking all the fields' values in
;; that order, and an alist of each own field's accessor.
(define-record-type %srfi35-type-info-rtd
  (%srfi35-make-type-info type name supertype fields all-fields make accessors)
  %srfi35-type-info?
  (type %srfi35-type-info-type)
  (name %srfi35-type-info-name)
  (supertype %srfi35-type-info-supertype)
  (fields %srfi35-type-info-fields)
  (all-fields %srfi35-type-info-all-fields)
  (make %srfi35-type-info-make)
  (accessors %srfi35-type-info-accessors))

(define %srfi35-types '())   ; the types' infos, the latest first

(define (%srfi35-type-info type)
  (let loop ((l %srfi35-types))
    (cond ((null? l) #f)
          ((eq? (%srfi35-type-info-type (car l)) type) (car l))
          (else (loop (cdr l))))))

(define (%srfi35-add-type! type name supertype fields make accessors)
  (let ((super (and supertype (%srfi35-type-info supertype))))
    (set! %srfi35-types (cons (%srfi35-make-type-info type name supertype fields
                                        (append (if super (%srfi35-type-info-all-fields super) '()) fields)
                                        make accessors)
                       %srfi35-types))))

(%srfi35-add-type! &condition '&condition #f '() (lambda () (%r6rs-condition)) '())
(%srfi35-add-type! &message '&message &condition '(message) %make-message-condition (list (cons 'message %condition-message)))
(%srfi35-add-type! &serious '&serious &condition '() %make-serious-condition '())
(%srfi35-add-type! &error '&error &serious '() %make-error '())
(%srfi35-add-type! %&warning '&warning &condition '() %make-warning '())
(%srfi35-add-type! %&violation '&violation &serious '() %make-violation '())
(%srfi35-add-type! %&assertion '&assertion %&violation '() %make-assertion-violation '())
(%srfi35-add-type! %&non-continuable '&non-continuable %&violation '() %make-non-continuable-violation '())
(%srfi35-add-type! %&implementation-restriction '&implementation-restriction %&violation '() %make-implementation-restriction-violation '())
(%srfi35-add-type! %&lexical '&lexical %&violation '() %make-lexical-violation '())
(%srfi35-add-type! %&syntax '&syntax %&violation '(form subform) %make-syntax-violation
            (list (cons 'form %syntax-violation-form) (cons 'subform %syntax-violation-subform)))
(%srfi35-add-type! %&undefined '&undefined %&violation '() %make-undefined-violation '())
(%srfi35-add-type! %&irritants '&irritants &condition '(irritants) %make-irritants-condition (list (cons 'irritants %condition-irritants)))
(%srfi35-add-type! %&who '&who &condition '(who) %make-who-condition (list (cons 'who %condition-who)))

(define (condition-type? obj)
  (and (not (symbol? obj))   ; condition-predicate takes CHICKEN's kinds too
       (guard (c (#t #f)) (%condition-accessor obj values) #t)))

(define (%srfi35-all-fields type)
  (let ((info (%srfi35-type-info type)))
    (if info (%srfi35-type-info-all-fields info) '())))

(define (%srfi35-lset= a b)
  (and (= (length a) (length b))
       (let loop ((a a))
         (or (null? a) (and (memq (car a) b) (loop (cdr a)))))))

(define (make-condition-type name supertype fields)
  (if (not (symbol? name))
      (%srfi35-error 'make-condition-type "make-condition-type: name is not a symbol" name))
  (if (not (condition-type? supertype))
      (%srfi35-error 'make-condition-type "make-condition-type: supertype is not a condition type" supertype))
  (let ((inherited (%srfi35-all-fields supertype)))
    (if (not (and (list? fields)
                  (let loop ((l fields))
                    (or (null? l)
                        (and (symbol? (car l)) (not (memq (car l) inherited)) (not (memq (car l) (cdr l)))
                             (loop (cdr l)))))))
        (%srfi35-error 'make-condition-type "duplicate field name" fields))
    ;; R6RS's define-condition-type makes the type, its constructor and
    ;; its accessors
    (let* ((accessors (map (lambda (f) (string->symbol (string-append "%" (symbol->string f)))) fields))
           (made (%srfi35-eval `(let ()
                           (define-condition-type ,name ',supertype %make %is? ,@(map list fields accessors))
                           (list ,name %make (list ,@accessors)))
                        (%srfi35-environment '(rnrs base) '(rnrs conditions))))
           (type (car made)))
      (%srfi35-add-type! type name supertype fields (cadr made) (map cons fields (caddr made)))
      type)))

(define (condition-has-type? condition type)
  ((%condition-predicate type) condition))

(define (make-condition type . field-plist)
  (let ((alist (let label ((plist field-plist))
                 (cond ((null? plist) '())
                       ((null? (cdr plist)) (%srfi35-error 'make-condition "odd number of field arguments" field-plist))
                       (else (cons (cons (car plist) (cadr plist)) (label (cddr plist))))))))
    (if (not (condition-type? type))
        (%srfi35-error 'make-condition "not a condition type" type))
    (if (not (%srfi35-lset= (%srfi35-all-fields type) (map car alist)))
        (%srfi35-error 'make-condition "condition fields don't match condition type"))
    (%srfi35-make-simple type alist)))

;; %srfi35-make-simple makes a simple condition of type from the alist of its fields'
;; values.
(define (%srfi35-make-simple type alist)
  (let ((info (%srfi35-type-info type)))
    (if (not info)
        (%srfi35-error 'make-condition "no constructor known for the condition type" type))
    (apply (%srfi35-type-info-make info)
           (map (lambda (f) (cdr (assq f alist))) (%srfi35-type-info-all-fields info)))))

;; %srfi35-field-ref returns the value of field in the first component of
;; condition of a type with that field (own), or fails with not-found.
(define (%srfi35-field-ref condition field not-found)
  (let loop ((parts (%simple-conditions condition)))
    (if (null? parts)
        (not-found)
        (let scan ((infos %srfi35-types))
          (cond ((null? infos) (loop (cdr parts)))
                ((and (assq field (%srfi35-type-info-accessors (car infos)))
                      (condition-has-type? (car parts) (%srfi35-type-info-type (car infos))))
                 ((cdr (assq field (%srfi35-type-info-accessors (car infos)))) (car parts)))
                (else (scan (cdr infos))))))))

(define (condition-ref condition field)
  (%srfi35-field-ref condition field
              (lambda () (%srfi35-error 'condition-ref "type-field-alist-ref: field not found" condition field))))

(define (make-compound-condition condition-1 . conditions)
  (apply %r6rs-condition condition-1 conditions))

(define (extract-condition condition type)
  (let ((entry (find (lambda (part) (condition-has-type? part type)) (%simple-conditions condition))))
    (if (not entry)
        (%srfi35-error 'extract-condition "extract-condition: invalid condition type" condition type))
    (%srfi35-make-simple type (map (lambda (f) (cons f (condition-ref entry f))) (%srfi35-all-fields type)))))

(define-syntax define-condition-type
  (syntax-rules ()
    ((define-condition-type ?name ?supertype ?predicate
       (?field1 ?accessor1) ...)
     (begin
       (define ?name
         (make-condition-type '?name
                              ?supertype
                              '(?field1 ...)))
       (define (?predicate thing)
         (and (condition? thing)
              (condition-has-type? thing ?name)))
       (define (?accessor1 condition)
         (condition-ref (extract-condition condition ?name)
                        '?field1))
       ...))))

(define-syntax condition
  (syntax-rules ()
    ((condition (?type1 (?field1 ?value1) ...) ...)
     (%srfi35-type-field-alist->condition
       (list
         (cons ?type1
               (list (cons '?field1 ?value1) ...))
         ...)))))

;; %srfi35-type-field-alist->condition is the reference's
;; type-field-alist->condition: a field a component's type has and its
;; entry lacks takes the value another entry gives it.
(define (%srfi35-type-field-alist->condition type-field-alist)
  (apply %r6rs-condition
    (map (lambda (entry)
           (%srfi35-make-simple (car entry)
                     (map (lambda (field)
                            (or (assq field (cdr entry))
                                (cons field (%srfi35-type-field-alist-ref type-field-alist field))))
                          (%srfi35-all-fields (car entry)))))
         type-field-alist)))

(define (%srfi35-type-field-alist-ref type-field-alist field)
  (let loop ((type-field-alist type-field-alist))
    (cond ((null? type-field-alist)
           (%srfi35-error 'condition "type-field-alist-ref: field not found" type-field-alist field))
          ((assq field (cdr (car type-field-alist)))
           => cdr)
          (else
           (loop (cdr type-field-alist))))))
