;; (chicken sort) procedures written in Scheme.
(define (merge! a b less?) (merge a b less?))
(define (topological-sort dag pred)
  ;; Depth-first, as CHICKEN 5's: a vertex goes on the output once
  ;; everything downstream of it is there; meeting a vertex being visited
  ;; is a cycle. Like CHICKEN's, it first folds dag into an alist that
  ;; puts each new vertex in front (a later entry of the same vertex adds
  ;; its edges before the first entry's), so the vertices are visited in
  ;; the reverse order of dag, and that decides the order of the result.
  (let ((state '()) (sorted '()) (graph '()))
    (define (entry x l)
      (let loop ((l l))
        (cond ((null? l) #f) ((pred (caar l) x) (car l)) (else (loop (cdr l))))))
    (define (adjacent u)
      (let ((e (entry u graph))) (if e (cdr e) '())))
    (define (visit u)
      (let ((s (entry u state)))
        (cond ((not s)
               (let ((cell (cons u 'visiting)))
                 (set! state (cons cell state))
                 (let loop ((vs (adjacent u)))
                   (if (pair? vs) (begin (visit (car vs)) (loop (cdr vs)))))
                 (set-cdr! cell 'done)
                 (set! sorted (cons u sorted))))
              ((eq? (cdr s) 'visiting)
               (abort (make-composite-condition
                       (make-property-condition 'exn 'location 'topological-sort
                                                'message "cycle detected" 'arguments (list u))
                       (make-property-condition 'runtime)
                       (make-property-condition 'cycle)))))))
    (let loop ((d dag))
      (if (pair? d)
          (let ((e (entry (caar d) graph)))
            (if e
                (set-cdr! e (append (cdar d) (cdr (entry (caar d) dag))))
                (set! graph (cons (cons (caar d) (cdar d)) graph)))
            (loop (cdr d)))))
    (let loop ((g graph))
      (if (pair? g) (begin (visit (caar g)) (loop (cdr g)))))
    sorted))
