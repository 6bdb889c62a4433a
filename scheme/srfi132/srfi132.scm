;; SRFI-132 sort libraries, written for tlsport over the core's stable
;; merge sort (list-sort, merge): every sort here is stable, and the
;; selection procedures sort the range they select from.

;; The start and end of a vector range from the optional arguments opt:
;; 0 and the vector's length by default. vector->list, which every
;; procedure here takes the range through, checks them.
(define (%srfi132-range v opt)
  (values (if (pair? opt) (car opt) 0)
          (if (and (pair? opt) (pair? (cdr opt))) (cadr opt) (vector-length v))))

;; v[start, end) sorted, as a fresh list.
(define (%srfi132-sorted < v start end) (list-sort < (vector->list v start end)))

;; Writes the elements of l into v from index i on.
(define (%srfi132-fill! v i l)
  (if (pair? l)
      (begin (vector-set! v i (car l)) (%srfi132-fill! v (+ i 1) (cdr l)))))

;; Sorts v[start, end) in place; the draft's argument order (< v) is
;; accepted as well as the final (v <).
(define (%srfi132-sort! v < opt)
  (if (and (procedure? v) (vector? <))
      (%srfi132-sort! < v opt)
      (call-with-values (lambda () (%srfi132-range v opt))
        (lambda (start end) (%srfi132-fill! v start (%srfi132-sorted < v start end))))))

(define (list-sorted? < lis)
  (or (null? lis)
      (let loop ((prev (car lis)) (l (cdr lis)))
        (or (null? l)
            (and (not (< (car l) prev)) (loop (car l) (cdr l)))))))

(define (vector-sorted? < v . opt)
  (call-with-values (lambda () (%srfi132-range v opt))
    (lambda (start end) (list-sorted? < (vector->list v start end)))))

(define (list-stable-sort < lis) (list-sort < lis))
(define (list-sort! < lis) (list-sort < lis))
(define (list-stable-sort! < lis) (list-sort < lis))

(define (vector-sort < v . opt)
  (call-with-values (lambda () (%srfi132-range v opt))
    (lambda (start end) (list->vector (%srfi132-sorted < v start end)))))
(define (vector-stable-sort < v . opt)
  (call-with-values (lambda () (%srfi132-range v opt))
    (lambda (start end) (list->vector (%srfi132-sorted < v start end)))))
(define (vector-sort! v < . opt) (%srfi132-sort! v < opt))
(define (vector-stable-sort! v < . opt) (%srfi132-sort! v < opt))

(define (list-merge < lis1 lis2) (merge lis1 lis2 <))
(define (list-merge! < lis1 lis2) (merge lis1 lis2 <))

;; The ranges of v1 and v2 from (start1 end1 start2 end2), each optional.
(define (%srfi132-ranges2 v1 v2 opt)
  (call-with-values (lambda () (%srfi132-range v1 opt))
    (lambda (start1 end1)
      (call-with-values (lambda () (%srfi132-range v2 (if (and (pair? opt) (pair? (cdr opt))) (cddr opt) '())))
        (lambda (start2 end2) (values start1 end1 start2 end2))))))

(define (vector-merge < v1 v2 . opt)
  (call-with-values (lambda () (%srfi132-ranges2 v1 v2 opt))
    (lambda (start1 end1 start2 end2)
      (list->vector (merge (vector->list v1 start1 end1) (vector->list v2 start2 end2) <)))))

(define (vector-merge! < to v1 v2 . opt)
  (let ((start (if (pair? opt) (car opt) 0)))
    (call-with-values (lambda () (%srfi132-ranges2 v1 v2 (if (pair? opt) (cdr opt) '())))
      (lambda (start1 end1 start2 end2)
        (if (not (and (exact-integer? start) (<= 0 start)
                      (<= (+ start (- end1 start1) (- end2 start2)) (vector-length to))))
            (error 'vector-merge! "the merged ranges do not fit in the target vector from start" start))
        (%srfi132-fill! to start (merge (vector->list v1 start1 end1) (vector->list v2 start2 end2) <))))))

(define (list-delete-neighbor-dups = lis)
  (if (null? lis)
      '()
      (let loop ((kept (car lis)) (l (cdr lis)) (acc (list (car lis))))
        (cond ((null? l) (reverse acc))
              ((= kept (car l)) (loop kept (cdr l) acc))
              (else (loop (car l) (cdr l) (cons (car l) acc)))))))
(define (list-delete-neighbor-dups! = lis) (list-delete-neighbor-dups = lis))

(define (vector-delete-neighbor-dups = v . opt)
  (call-with-values (lambda () (%srfi132-range v opt))
    (lambda (start end) (list->vector (list-delete-neighbor-dups = (vector->list v start end))))))

;; Packs the kept elements into v[start, end') and returns end'.
(define (vector-delete-neighbor-dups! = v . opt)
  (call-with-values (lambda () (%srfi132-range v opt))
    (lambda (start end)
      (let ((kept (list-delete-neighbor-dups = (vector->list v start end))))
        (%srfi132-fill! v start kept)
        (+ start (length kept))))))

;; The median of the sorted elements s (a vector of length len).
(define (%srfi132-median s len knil mean)
  (cond ((= len 0) knil)
        ((odd? len) (vector-ref s (quotient len 2)))
        (else (mean (vector-ref s (- (quotient len 2) 1)) (vector-ref s (quotient len 2))))))
(define (%srfi132-mean a b) (/ (+ a b) 2))

(define (vector-find-median < v knil . mean)
  (%srfi132-median (list->vector (%srfi132-sorted < v 0 (vector-length v))) (vector-length v) knil
                   (if (pair? mean) (car mean) %srfi132-mean)))
(define (vector-find-median! < v knil . mean)
  (%srfi132-sort! v < '())
  (%srfi132-median v (vector-length v) knil (if (pair? mean) (car mean) %srfi132-mean)))

;; The k of vector-select! and vector-separate!: 0 <= k < n (or <= n).
(define (%srfi132-k who k n inclusive)
  (if (not (and (exact-integer? k) (<= 0 k) (if inclusive (<= k n) (< k n))))
      (error who "k out of range for the vector range" k n)))

(define (vector-select! < v k . opt)
  (call-with-values (lambda () (%srfi132-range v opt))
    (lambda (start end)
      (%srfi132-k 'vector-select! k (- end start) #f)
      (%srfi132-fill! v start (%srfi132-sorted < v start end))
      (vector-ref v (+ start k)))))

(define (vector-separate! < v k . opt)
  (call-with-values (lambda () (%srfi132-range v opt))
    (lambda (start end)
      (%srfi132-k 'vector-separate! k (- end start) #t)
      (%srfi132-fill! v start (%srfi132-sorted < v start end)))))
