;; Start-up of a program that calls procedures the libraries define in
;; Scheme (map, for-each) rather than only built-ins: the first reference
;; loads their sources (see bench/README, Start-up (session 10)).
(for-each (lambda (x) (display x)) (map car (list (list "ok")))) (newline)
