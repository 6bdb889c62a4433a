;; vector-map, string-map, print …: evaluated after 00-core.scm, whose %map
;; and %for-each they call.
(define (vector-map f v . vs)
  (list->vector (apply %map f (vector->list v) (%map vector->list vs))))
(define (vector-for-each f v . vs)
  (apply %for-each f (vector->list v) (%map vector->list vs)))
;; string-map and string-for-each also take SRFI-13's (proc s [start end]).
(define (%string-lists s ss)
  (if (or (null? ss) (exact-integer? (car ss)))
      (list (apply string->list s ss))
      (cons (string->list s) (%map string->list ss))))
(define (string-map f s . ss)
  (list->string (apply %map f (%string-lists s ss))))
(define (string-for-each f s . ss)
  (apply %for-each f (%string-lists s ss)))
(define (print . args) (%for-each display args) (newline))
(define (make-list-of-thunk n t) (if (= n 0) '() (cons (t) (make-list-of-thunk (- n 1) t))))
