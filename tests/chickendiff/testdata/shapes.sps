#!r6rs
;; A shape catalogue: records with inheritance and protocols, generic
;; dispatch by predicate, sorting with (rnrs sorting), fold-left totals,
;; and a string-port report.
(import (rnrs))

(define-record-type shape
  (fields name (mutable color))
  (protocol (lambda (new) (lambda (name) (new name 'black)))))

(define-record-type circle
  (parent shape)
  (fields radius)
  (protocol (lambda (n) (lambda (r) ((n "circle") r)))))

(define-record-type rect
  (parent shape)
  (fields w h)
  (protocol (lambda (n) (lambda (w h) ((n (if (= w h) "square" "rect")) w h)))))

(define-record-type (labelled-rect make-labelled-rect labelled-rect?)
  (parent rect)
  (fields (immutable label rect-label))
  (protocol (lambda (n) (lambda (w h label) ((n w h) label))))
  (sealed #t))

(define pi 3.141592653589793)
(define (area s)
  (cond ((circle? s) (* pi (circle-radius s) (circle-radius s)))
        ((rect? s) (* (rect-w s) (rect-h s)))
        (else (assertion-violation 'area "not a shape" s))))

(define shapes
  (list (make-circle 1) (make-rect 2 3) (make-rect 4 4) (make-circle 1/2)
        (make-labelled-rect 5 1 "banner")))
(shape-color-set! (cadr shapes) 'red)

(define (describe s)
  (call-with-string-output-port
    (lambda (p)
      (put-string p (shape-name s))
      (put-string p " (")
      (put-datum p (shape-color s))
      (put-string p ") area=")
      (put-datum p (area s))
      (when (labelled-rect? s)
        (put-string p " label=")
        (write (rect-label s) p)))))

(for-each (lambda (s) (display (describe s)) (newline)) shapes)
(define sorted (list-sort (lambda (a b) (< (area a) (area b))) shapes))
(display (map shape-name sorted)) (newline)
(display (fold-left + 0 (map area (filter rect? shapes)))) (newline)
(display (fold-right (lambda (s acc) (cons (shape-name s) acc)) '() shapes)) (newline)
(let-values (((round-ones others) (partition circle? shapes)))
  (display (list (length round-ones) (length others))) (newline))
(display (list (shape? (car shapes)) (rect? (car shapes)) (circle? (car shapes))
               (shape? (make-labelled-rect 1 2 "x")) (labelled-rect? (cadr shapes))))
(newline)
(define rtd (record-type-descriptor labelled-rect))
(display (list (record-type-name rtd)
               (record-type-name (record-type-parent rtd))
               (record-type-field-names rtd)
               (record-type-field-names (record-type-parent rtd))
               (record-type-sealed? rtd)
               (record-type-opaque? rtd)
               (record-type-generative? rtd)))
(newline)
(display (guard (e ((assertion-violation? e)
                    (list (condition-who e) (condition-message e) (condition-irritants e))))
  (area 'triangle)))
(newline)
(display (guard (e ((error? e) (condition-message e))
                   (else (list 'other (condition? e))))
  (shape-color-set! (make-circle 3) 'blue)
  (circle-radius (make-rect 1 2))))
(newline)
(define (with-index lst)
  (let loop ((l lst) (i 0) (acc '()))
    (if (null? l) (reverse acc) (loop (cdr l) (+ i 1) (cons (cons i (car l)) acc)))))
(for-each (lambda (p) (display (car p)) (display ": ") (display (shape-name (cdr p))) (newline))
          (with-index sorted))
(display (vector-map (lambda (s) (exact (round (area s)))) (list->vector shapes)))
(newline)
(display (assq 'c '((a 1) (b 2) (c 3))))
(newline)
(display (string-append "total: " (number->string (exact (floor (fold-left + 0 (map area shapes)))))))
(newline)
