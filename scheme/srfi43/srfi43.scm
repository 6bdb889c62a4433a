;; SRFI-43 vector library: the procedures whose meaning differs from
;; R7RS's and SRFI-133's (the iterators pass the index first; vector-copy
;; takes a fill; list->vector and reverse-list->vector take start and end),
;; adapted from the reference implementation, vector-lib.scm, as chez-srfi
;; ships it (%3a43/vector-lib.scm):
;;   Taylor Campbell wrote this code; he places it in the public domain.
;;   Will Clinger [wdc] made some corrections, also in the public domain.
;; (The SRFI document's licence, Expat, covers it too.) Each is defined
;; under a %srfi43- name: the library's Go rows, bound only where (srfi 43)
;; is imported, call them; their arguments' types are checked there.

(define (%srfi43-vectors-ref vectors i)
  (map (lambda (v) (vector-ref v i)) vectors))

(define (%srfi43-smallest-length vec vectors)
  (let loop ((vectors vectors) (len (vector-length vec)))
    (if (null? vectors) len (loop (cdr vectors) (min len (vector-length (car vectors)))))))

(define (%srfi43-vector-fold kons knil vec . vectors)
  (let ((len (%srfi43-smallest-length vec vectors)))
    (if (null? vectors)
        (let loop ((i 0) (knil knil))
          (if (= i len) knil (loop (+ i 1) (kons i knil (vector-ref vec i)))))
        (let ((vectors (cons vec vectors)))
          (let loop ((i 0) (knil knil))
            (if (= i len) knil (loop (+ i 1) (apply kons i knil (%srfi43-vectors-ref vectors i)))))))))

(define (%srfi43-vector-fold-right kons knil vec . vectors)
  (let ((len (%srfi43-smallest-length vec vectors)))
    (if (null? vectors)
        (let loop ((i (- len 1)) (knil knil))
          (if (negative? i) knil (loop (- i 1) (kons i knil (vector-ref vec i)))))
        (let ((vectors (cons vec vectors)))
          (let loop ((i (- len 1)) (knil knil))
            (if (negative? i) knil (loop (- i 1) (apply kons i knil (%srfi43-vectors-ref vectors i)))))))))

;; %srfi43-map-into! stores (f i elt ...) at each index i of target below len.
(define (%srfi43-map-into! f target vec vectors len)
  (if (null? vectors)
      (do ((i 0 (+ i 1))) ((= i len) target)
        (vector-set! target i (f i (vector-ref vec i))))
      (let ((vectors (cons vec vectors)))
        (do ((i 0 (+ i 1))) ((= i len) target)
          (vector-set! target i (apply f i (%srfi43-vectors-ref vectors i)))))))

(define (%srfi43-vector-map f vec . vectors)
  (let ((len (%srfi43-smallest-length vec vectors)))
    (%srfi43-map-into! f (make-vector len) vec vectors len)))

(define (%srfi43-vector-map! f vec . vectors)
  (%srfi43-map-into! f vec vec vectors (%srfi43-smallest-length vec vectors))
  (if #f #f))

(define (%srfi43-vector-for-each f vec . vectors)
  (let ((len (%srfi43-smallest-length vec vectors)))
    (if (null? vectors)
        (do ((i 0 (+ i 1))) ((= i len))
          (f i (vector-ref vec i)))
        (let ((vectors (cons vec vectors)))
          (do ((i 0 (+ i 1))) ((= i len))
            (apply f i (%srfi43-vectors-ref vectors i)))))))

(define (%srfi43-vector-count pred? vec . vectors)
  (apply %srfi43-vector-fold
         (lambda (i count . elts) (if (apply pred? i elts) (+ count 1) count))
         0 vec vectors))

;; [wdc] Corrected to allow 0 <= start <= (vector-length vec); end may pass
;; the end of vec, the rest filled with fill.
(define (%srfi43-vector-copy vec . args)
  (let* ((n (vector-length vec))
         (start (if (pair? args) (car args) 0))
         (end (if (and (pair? args) (pair? (cdr args))) (cadr args) n))
         (fill (if (and (pair? args) (pair? (cdr args)) (pair? (cddr args))) (caddr args) (if #f #f))))
    (if (not (and (<= 0 start end) (<= start n)))
        (error 'vector-copy "illegal arguments: start and end out of range" start end vec))
    (let ((new (make-vector (- end start) fill)))
      (vector-copy! new 0 vec start (min end n))
      new)))

;; %srfi43-list-slice returns a vector of the elements of lst from start to
;; end (the length of lst by default), for who. (It calls no procedure that
;; (srfi 43) rebinds: an import into the top level replaces the global.)
(define (%srfi43-list-slice who lst args)
  (let* ((start (if (pair? args) (car args) 0))
         (end (if (and (pair? args) (pair? (cdr args))) (cadr args) (length lst))))
    (if (> start end) (error who "start is past end" start end))
    (let ((out (make-vector (- end start))))
      (let loop ((l lst) (i 0))
        (cond ((= i end) out)
              ((not (pair? l)) (error who "the list is too short" lst end))
              ((< i start) (loop (cdr l) (+ i 1)))
              (else (vector-set! out (- i start) (car l)) (loop (cdr l) (+ i 1))))))))

(define (%srfi43-list->vector lst . args)
  (%srfi43-list-slice 'list->vector lst args))

(define (%srfi43-reverse-list->vector lst . args)
  (let* ((v (%srfi43-list-slice 'reverse-list->vector lst args)) (n (vector-length v)))
    (do ((i 0 (+ i 1))) ((>= i (- n i 1)) v)
      (let ((x (vector-ref v i)))
        (vector-set! v i (vector-ref v (- n i 1)))
        (vector-set! v (- n i 1) x)))))
