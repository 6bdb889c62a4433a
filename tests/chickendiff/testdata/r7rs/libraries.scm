;; R7RS-small 5.2 and 5.6: import sets and a library with state, an
;; exported macro, include-library-declarations.
(import (except (scheme base) vector-map) (scheme write) (r7lib counter)
        (only (r7lib shapes) make-point point-x) (rename (r7lib shapes) (area shape-area)))

(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(show (next!) (next!) (with-count 'body) (next!))
(reset!)
(show (next!) (area-of 2 5) (shape-area 3 3) (point-x (make-point 7 8)))
(define vector-map 'mine)
(show vector-map)
