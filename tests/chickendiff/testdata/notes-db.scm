;; A tiny notes database kept in a file: records written with write and
;; read back with read, appended with open-output-file #:append, a
;; temporary file from (chicken file), pathnames from (chicken pathname),
;; and cleanup guaranteed by dynamic-wind even when an error escapes.
(import (chicken base) (chicken file) (chicken pathname) (chicken io) (chicken format)
        (chicken condition) (chicken sort) (chicken port) (chicken file posix))

(define dir (create-temporary-directory))
(define db (make-pathname dir "notes" "db"))
(print "name: " (pathname-file db) "." (pathname-extension db) " dir-is-absolute: " (absolute-pathname? (pathname-directory db)))

(define (save-notes notes)
  (call-with-output-file db
    (lambda (out)
      (for-each (lambda (n) (write n out) (newline out)) notes))))

(define (load-notes)
  (if (file-exists? db)
      (call-with-input-file db
        (lambda (in)
          (let loop ((acc '()))
            (let ((x (read in)))
              (if (eof-object? x) (reverse acc) (loop (cons x acc)))))))
      '()))

(define (append-note n)
  (let ((out (open-output-file db #:append)))
    (write n out) (newline out)
    (close-output-port out)))

(print "before: " (load-notes))
(save-notes '((1 "buy milk" (home)) (2 "renew cert" (work urgent))))
(append-note '(3 "call \"Bob\"" ()))
(append-note (list 4 "π ≈ 3.14159" '(math) 2.5 #\x #t))
(define notes (load-notes))
(for-each (lambda (n) (printf "#~a ~s tags=~a~%" (car n) (cadr n) (caddr n))) notes)
(print "size>0: " (> (file-size db) 0) " lines: " (length (call-with-input-file db read-lines)))
(print "first line: " (call-with-input-file db read-line))
(define (filter-notes p l) (cond ((null? l) '()) ((p (car l)) (cons (car l) (filter-notes p (cdr l)))) (else (filter-notes p (cdr l)))))
(print "urgent: " (map car (filter-notes (lambda (n) (memq 'urgent (caddr n))) notes)))

(with-output-to-file (make-pathname dir "report.txt")
  (lambda ()
    (for-each (lambda (n) (print (car n) ": " (cadr n))) (sort notes (lambda (a b) (string<? (cadr a) (cadr b)))))))
(print (with-input-from-file (make-pathname dir "report.txt") read-string))
(print (sort (map pathname-strip-directory (glob (make-pathname dir "*"))) string<?))
(print (sort (directory dir) string<?))

(define (risky)
  (dynamic-wind
   (lambda () (print "open"))
   (lambda () (call-with-input-file (make-pathname dir "missing.txt") read-line))
   (lambda () (print "close"))))
(print (condition-case (risky)
         (e (exn file) (list 'file-error (not (not (get-condition-property e 'exn 'message)))))
         (e (exn) 'other-error)))
(print (condition-case (with-input-from-string "(1 2" read)
         (e (exn syntax) 'syntax-error)
         (e (exn) (list 'error (get-condition-property e 'exn 'message)))))
(delete-file db)
(print "exists after delete: " (file-exists? db) " " (not (not (file-exists? (make-pathname dir "report.txt")))))
(delete-directory dir #t)
(print "dir gone: " (not (directory-exists? dir)))
(print (make-pathname '("a" "b") "c" "scm") " " (pathname-directory "/x/y/z.txt") " " (pathname-replace-extension "f.tar.gz" "zip")
       " " (call-with-values (lambda () (decompose-pathname "/usr/lib/libfoo.so")) list) " " (normalize-pathname "a/./b/../c"))
