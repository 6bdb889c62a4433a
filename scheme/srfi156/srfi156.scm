;; SRFI-156 is and isnt: the reference implementation as chez-srfi ships it
;; (%3a156/srfi-156-impl.scm), Copyright (C) Panicz Maciej Godek (2017),
;; Expat licence: Permission is hereby granted, free of charge, to any
;; person obtaining a copy of this software and associated documentation
;; files (the "Software"), to deal in the Software without restriction,
;; subject to the following conditions: The above copyright notice and this
;; permission notice shall be included in all copies or substantial portions
;; of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
;; KIND. tlsport's changes: the helper macros start with %, and the
;; syntax-rules version of extract-placeholders, commented out there, is
;; left out.

(define-syntax %infix/postfix
  (syntax-rules ()
    ((%infix/postfix x somewhat?)
     (somewhat? x))

    ((%infix/postfix left related-to? right)
     (related-to? left right))

    ((%infix/postfix left related-to? right . likewise)
     (let ((right* right))
       (and (%infix/postfix left related-to? right*)
            (%infix/postfix right* . likewise))))))

(define-syntax %extract-placeholders
  (lambda (x)
    (syntax-case x ()
      [(_ final () () body) #'(final (%infix/postfix . body))]
      [(_ final () args body) #'(lambda args (final (%infix/postfix . body)))]
      [(k final (underscore op . rest) (args ...) (body ...))
       (eq? (syntax->datum #'underscore) '_)
       #'(k final rest (args ... arg) (body ... arg op))]
      [(k final (arg op . rest) args (body ...))
       #'(k final rest args (body ... arg op))]
      [(k final (underscore) (args ...) (body ...))
       (eq? (syntax->datum #'underscore) '_)
       #'(k final () (args ... arg) (body ... arg))]
      [(k final (arg) args (body ...))
       #'(k final () args (body ... arg))])))

(define-syntax %identity-syntax
  (syntax-rules ()
    ((%identity-syntax form)
     form)))

(define-syntax is
  (syntax-rules ()
    ((is . something)
     (%extract-placeholders %identity-syntax something () ()))))

(define-syntax isnt
  (syntax-rules ()
    ((isnt . something)
     (%extract-placeholders not something () ()))))
