;; (sagittarius) as its documentation states it: each example of sagittarius.md, and the documented results.
(import (rnrs) (sagittarius) (tlsport test))

(define (scratch name) (string-append (get-environment-variable "TMPDIR") "/" name))
(define (values->list thunk) (call-with-values thunk list))

(test-group "format: ~A and ~S with mincol, colinc, minpad, padchar, maxcol"
  (test "the answer is 48" (format #f "the answer is ~a" 48))
  (test "|oops|" (format #f "|~a|" "oops"))
  (test "|oops      |" (format #f "|~10a|" "oops"))
  (test "|      oops|" (format #f "|~10@a|" "oops"))
  (test "|******oops|" (format #f "|~10,,,'*@a|" "oops"))
  ;; the documentation's results for a maxcol of 10 (written there of a
  ;; list, whose parenthesis its text lost): the first 10 characters, or 6
  ;; and " ..." with the colon
  (test "|abc def gh|" (format #f "|~,,,,10a|" "abc def ghi jkl"))
  (test "|abc de ...|" (format #f "|~,,,,10:a|" "abc def ghi jkl"))
  (test "|(abc def g|" (format #f "|~,,,,10a|" '(abc def ghi jkl)))
  (test "|\"oops\"|" (format #f "|~s|" "oops"))
  (test "|\"oops\"    |" (format #f "|~10s|" "oops"))
  (test "|    \"oops\"|" (format #f "|~10@s|" "oops"))
  (test "|****\"oops\"|" (format #f "|~10,,,'*@s|" "oops"))
  ;; colinc adds padding in chunks, minpad at least that much
  (test "ab      |" (format #f "~6,3a|" "ab"))
  (test "abcdef  |" (format #f "~3,,2a|" "abcdef")))

(test-group "format: ~D ~B ~O ~X"
  (test "|12345|" (format #f "|~d|" 12345))
  (test "|     12345|" (format #f "|~10d|" 12345))
  (test "|0000012345|" (format #f "|~10,'0d|" 12345))
  (test "|+12345|" (format #f "|~@d|" 12345))
  (test "|12,345|" (format #f "|~:d|" 12345))
  (test "|-1234_5678|" (format #f "|~,,'_,4:d|" -12345678))
  (test "0f7cf5a8" (format #f "~8,'0x" 259847592))
  (test "0F7CF5A8" (format #f "~8,'0X" 259847592))
  (test "101 17 ff" (format #f "~b ~o ~x" 5 15 255))
  ;; not an integer: as ~A, the parameters ignored
  (test "x 1.5" (format #f "~10d ~5,'0d" 'x 1.5)))

(test-group "format: destinations and the other directives"
  (test "1" (format "~a" 1))
  (test "x1" (let-values (((p get) (open-string-output-port))) (format p "x~a" 1) (get)))
  (test "a\nb\n~" (format #f "a~%b~&~&~~"))
  (test "c: 2" (format #f "~c: ~*~a" #\c 1 2))
  (test "[1 2]" (format #f "[~?]" "~a ~a" '(1 2)))
  (test "   7" (format #f "~vd" 4 7))
  (test-error (format #f "~a"))
  (test-error (format #f "~q" 1))
  (test-error (format 'port "~a" 1)))

(test-group "get-keyword"
  (test 'd (get-keyword :key '(a b c :key d)))
  (test-error (get-keyword :key '(a b c d e)))
  (test-error (get-keyword :key '(a b c d e) 'fallback))
  (test 'fallback (get-keyword :key '(a b c d e f) 'fallback))
  (test-error (get-keyword :key '(a b c d)))
  ;; a keyword-value list is read pairwise: a value equal to the keyword is not taken for it
  (test 1 (get-keyword :a '(:b :a :a 1))))

(test-group "integer->bytevector keeps the rightmost bytes"
  (test #vu8(#x00 #x12 #x34 #x56 #x78) (integer->bytevector #x12345678 5))
  (test #vu8(#x34 #x56 #x78) (integer->bytevector #x12345678 3))
  (test #vu8(#xff #x00) (sinteger->bytevector -256 2))
  (test #vu8(#x00) (sinteger->bytevector -256 1)))

(test-group "vector-copy (SRFI-43) with fill"
  (test #(1 2 3) (vector-copy '#(0 1 2 3 4) 1 4))
  (test #(4 #f) (vector-copy '#(0 1 2 3 4) 4 6 #f))
  (test #(#t #t) (vector-copy '#() 0 2 #t))
  (test #(0 1) (vector-copy '#(0 1)))
  (test-error (vector-copy '#(0 1) 3))
  (test-error (vector-copy '#(0 1) 1 0))
  (test-error (vector-copy '#() 0 (expt 10 15) #f)))

(test-group "string-scan's return values"
  (test 2 (string-scan "abcdef" "cd"))
  (test "ab" (string-scan "abcdef" #\c 'before))
  (test "ef" (string-scan "abcdef" "cd" 'after))
  (test '("ab" "cdef") (values->list (lambda () (string-scan "abcdef" "cd" 'before*))))
  (test '("abcd" "ef") (values->list (lambda () (string-scan "abcdef" "cd" 'after*))))
  (test '("ab" "ef") (values->list (lambda () (string-scan "abcdef" "cd" 'both))))
  (test '(#f #f) (values->list (lambda () (string-scan "abcdef" "x" 'before*))))
  (test '(#f #f) (values->list (lambda () (string-scan "abcdef" "x" 'after*))))
  (test #f (string-scan "abcdef" "x" 'after)))

(test-group "hashtables"
  (test 'equal (hashtable-type (make-equal-hashtable 10 'both)))
  (test 'string (hashtable-type (make-string-hashtable 10)))
  (test-error (make-equal-hashtable 10 'sometimes))
  (let ((h (make-weak-eq-hashtable :init-size 10 :weakness 'key :default 'gone)))
    (weak-hashtable-set! h 'k 1)
    (test 'key (hashtable-weakness h)) (test 1 (weak-hashtable-ref h 'k)) (test 'none (weak-hashtable-ref h 'x 'none)))
  (test 'value (hashtable-weakness (make-weak-eqv-hashtable :weakness 'value)))
  (test-error (make-weak-eq-hashtable :weakness 'sometimes)))

(test-group "weak vectors: fallback out of range"
  (test 'fb (weak-vector-ref (make-weak-vector 2) 5 'fb))
  (test-error (weak-vector-ref (make-weak-vector 2) 5)))

(test-group "files"
  (test #f (read-directory (scratch "no-such-directory")))
  (let ((src (scratch "copy-src")) (dst (scratch "copy-dst")))
    (call-with-output-file src (lambda (p) (display "data" p)))
    (test #t (copy-file src dst))
    (test "data" (call-with-input-file dst get-string-all))
    (delete-file src)
    (call-with-output-file src (lambda (p) (display "new" p)))
    (test #f (copy-file src dst))
    (test "data" (call-with-input-file dst get-string-all))
    (test #t (copy-file src dst #t))
    (test "new" (call-with-input-file dst get-string-all))
    (test-error (copy-file (scratch "no-such-file") dst))))

(test-group "inexact arithmetic"
  (test 0.0 (+.)) (test 1.0 (*.)) (test 3.0 (+. 1 2)) (test -1.0 (-. 1)) (test 0.5 (/. 1 2)))

(test-group "disasm writes what is known of the procedure"
  (define (f x . rest) x)
  (test ";; (f x . rest): a procedure written in Scheme (tlsport keeps no compiled code to disassemble)\n"
        (let-values (((p get) (open-string-output-port))) (parameterize ((current-output-port p)) (disasm f)) (get)))
  (test ";; (car pair): a primitive (tlsport keeps no compiled code to disassemble)\n"
        (let-values (((p get) (open-string-output-port))) (parameterize ((current-output-port p)) (disasm car)) (get)))
  (test-error (disasm 1)))

(test-group "change-file-timestamps!: #f leaves a timestamp as it is"
  (let ((f (scratch "timestamps")))
    (call-with-output-file f (lambda (p) (display "x" p)))
    (change-file-timestamps! f 1000000000000000000 2000000000000000000)
    (change-file-timestamps! f #f 3000000000000000000.)
    (test '(1000000000000000000 3000000000000000000) (list (file-stat-atime f) (file-stat-mtime f)))
    (change-file-timestamps! f 1500000000000000000 #f)
    (test '(1500000000000000000 3000000000000000000) (list (file-stat-atime f) (file-stat-mtime f)))
    ;; another true value: now
    (change-file-timestamps! f #t #t)
    (test #t (< 1700000000000000000 (file-stat-mtime f) 3000000000000000000))
    (delete-file f)))

(test-group "format: bad directives are errors, not enormous strings"
  (test-error (format #f "~99999999999999999999a" 1))
  (test-error (format #f "~1000000a" 1))
  (test-error (format #f "~va" 1000000 1))
  (test-error (format #f "abc~"))
  (test-error (format #f "~10,"))
  (test 65536 (string-length (format #f "~65536a" ""))))
