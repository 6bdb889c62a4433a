;; An inventory tracker: define-record-type records with a custom printer,
;; vectors as tables, (chicken sort) on records, pretty-print of nested
;; data, dynamic-wind for a "transaction" that rolls back on error.
(import (chicken base) (chicken format) (chicken sort) (chicken pretty-print)
        (chicken condition) (chicken string))

(define-record-type item
  (make-item sku name qty price tags)
  item?
  (sku item-sku)
  (name item-name)
  (qty item-qty item-qty-set!)
  (price item-price)
  (tags item-tags item-tags-set!))

(set-record-printer! item
  (lambda (it port)
    (fprintf port "#<item ~a ~s x~a>" (item-sku it) (item-name it) (item-qty it))))

(define stock
  (vector (make-item 'A100 "widget" 40 2.5 '(metal small))
          (make-item 'B200 "gadget" 3 19.99 '(electronic))
          (make-item 'C300 "doohickey" 0 7 '())
          (make-item 'D400 "gizmo" 12 1/3 '(plastic small cheap))))

(print (vector-ref stock 0))
(write (vector->list stock)) (newline)
(display (list (vector-ref stock 1) "str" #\c)) (newline)

(define (find-item sku)
  (let loop ((i 0))
    (cond ((= i (vector-length stock)) (error 'find-item "no such item" sku))
          ((eq? (item-sku (vector-ref stock i)) sku) (vector-ref stock i))
          (else (loop (+ i 1))))))

(define (keep pred l) (cond ((null? l) (quote ())) ((pred (car l)) (cons (car l) (keep pred (cdr l)))) (else (keep pred (cdr l)))))
(define log '())
(define (note! . xs) (set! log (cons (apply conc xs) log)))

(define (transfer! from-sku to-sku n)
  (let* ((from (find-item from-sku)) (to (find-item to-sku))
         (saved (list (item-qty from) (item-qty to))))
    (dynamic-wind
     (lambda () (note! "begin " from-sku "->" to-sku))
     (lambda ()
       (item-qty-set! from (- (item-qty from) n))
       (when (negative? (item-qty from))
         (item-qty-set! from (car saved))
         (signal (make-composite-condition
                  (make-property-condition 'exn 'message "insufficient stock" 'arguments (list from-sku n))
                  (make-property-condition 'inventory))))
       (item-qty-set! to (+ (item-qty to) n))
       'done)
     (lambda () (note! "end " from-sku "->" to-sku)))))

(define (try thunk)
  (handle-exceptions e
      (if ((condition-predicate 'inventory) e)
          (list 'refused (get-condition-property e 'exn 'message) (get-condition-property e 'exn 'arguments))
          (list 'error (get-condition-property e 'exn 'message "?")))
    (thunk)))

(print (try (lambda () (transfer! 'A100 'C300 5))))
(print (try (lambda () (transfer! 'B200 'C300 5))))
(print (try (lambda () (transfer! 'B200 'Z999 1))))
(for-each print (reverse log))

(define (value it) (* (item-qty it) (item-price it)))
(define by-value (sort (vector->list stock) (lambda (a b) (> (value a) (value b)))))
(for-each (lambda (it) (printf "~a ~a ~a~%" (item-sku it) (value it) (exact->inexact (value it)))) by-value)
(print (sort! (vector 5 3 9 1 7) <))
(print (merge '(1 4 9) '(2 3 10) <))
(print (sorted? '(1 2 2 3) <=) (sorted? (vector 3 1) <))
(print (sort '("pear" "Apple" "fig" "apple") string-ci<?))

(define report
  `((inventory (count . ,(vector-length stock))
               (total-value . ,(apply + (map value (vector->list stock))))
               (items ,@(map (lambda (it) (list (item-sku it) (item-name it) (item-qty it) (item-tags it)))
                             (vector->list stock))))
    (low-stock ,(map item-sku (keep (lambda (it) (< (item-qty it) 5)) (vector->list stock))))
    (settings #(1 2 3) "a string" #\x 3.25 #t ())))
(pretty-print report)
(pretty-print '(define (fact n) (if (zero? n) 1 (* n (fact (- n 1))))))
(pretty-print (vector->list (make-vector 30 'abc)))
(print (item-tags (find-item 'D400)))
(print (item? (find-item 'A100)) (item? 'A100))
(print (string-intersperse (map (lambda (it) (->string (item-sku it))) (vector->list stock)) ", "))
