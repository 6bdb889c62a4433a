;; (chicken plist), from the CHICKEN 5 manual page "Module (chicken plist)".
(import (chicken plist) (tlsport test))
(test-group "get and put!"
  ;; no such property: DEFAULT, which defaults to #f
  (test #f (get 'plist-a 'colour))
  (test 'none (get 'plist-a 'colour 'none))
  (put! 'plist-a 'colour 'red)
  (test 'red (get 'plist-a 'colour))
  (test 'red (get 'plist-a 'colour 'none))
  ;; replacing any previously stored value
  (put! 'plist-a 'colour 'blue)
  (test 'blue (get 'plist-a 'colour))
  (test 2 (length (symbol-plist 'plist-a)))
  ;; keys are any value, compared with eq?
  (define key (list 'k))
  (put! 'plist-a key 1)
  (test 1 (get 'plist-a key))
  (test #f (get 'plist-a (list 'k)))
  (put! 'plist-a 42 'fixnum-key)
  (test 'fixnum-key (get 'plist-a 42))
  ;; each symbol has its own list
  (test #f (get 'plist-b 'colour))
  ;; (set! (get SYMBOL PROPERTY) VALUE)
  (set! (get 'plist-b 'size) 10)
  (test 10 (get 'plist-b 'size))
  (set! (get 'plist-b 'size) 11)
  (test 11 (get 'plist-b 'size)))
(test-group "remprop!"
  (put! 'plist-c 'x 1)
  (put! 'plist-c 'y 2)
  (put! 'plist-c 'z 3)
  (test #t (remprop! 'plist-c 'y))
  (test #f (get 'plist-c 'y))
  (test 1 (get 'plist-c 'x))
  (test 3 (get 'plist-c 'z))
  (test #f (remprop! 'plist-c 'y))
  (test #t (remprop! 'plist-c 'z))
  (test #t (remprop! 'plist-c 'x))
  (test '() (symbol-plist 'plist-c))
  (test #f (remprop! 'plist-never 'x)))
(test-group "symbol-plist"
  (test '() (symbol-plist 'plist-d))
  (put! 'plist-d 'a 1)
  (test '(a 1) (symbol-plist 'plist-d))
  ;; (set! (symbol-plist SYMBOL) LST)
  (set! (symbol-plist 'plist-d) '(p 1 q 2))
  (test '(p 1 q 2) (symbol-plist 'plist-d))
  (test 2 (get 'plist-d 'q))
  (test #f (get 'plist-d 'a))
  (set! (symbol-plist 'plist-d) '())
  (test '() (symbol-plist 'plist-d))
  (test-error (set! (symbol-plist 'plist-d) '(odd))))
(test-group "get-properties"
  (set! (symbol-plist 'plist-e) '(a 1 b 2 c 3))
  ;; the matching key, its value and the tail after the matching property
  (test '(b 2 (2 c 3)) (call-with-values (lambda () (get-properties 'plist-e '(c b))) list))
  (test '(c 3 (3)) (call-with-values (lambda () (get-properties 'plist-e '(x c))) list))
  ;; no match: all values #f
  (test '(#f #f #f) (call-with-values (lambda () (get-properties 'plist-e '(x y))) list))
  (test '(#f #f #f) (call-with-values (lambda () (get-properties 'plist-e '())) list))
  (test '(#f #f #f) (call-with-values (lambda () (get-properties 'plist-none '(a))) list))
  ;; PROPERTIES may be an atom
  (test '(a 1 (1 b 2 c 3)) (call-with-values (lambda () (get-properties 'plist-e 'a)) list)))
(test-group "errors"
  (test-error (get "not-a-symbol" 'p))
  (test-error (put! 1 'p 'v))
  (test-error (remprop! '(a) 'p))
  (test-error (symbol-plist "s"))
  (test-error (get-properties 2 '(a))))
