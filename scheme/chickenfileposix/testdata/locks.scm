;; The file-lock family against a lock held by another process (run by
;; TestScripts, which starts the holder: LOCKED_FILE, LOCK_HOLDER_PID).
(import (chicken file posix) (chicken process) (chicken process signal) (chicken process-context) (chicken condition) (tlsport test))

(define name (get-environment-variable "LOCKED_FILE"))
(define holder (string->number (get-environment-variable "LOCK_HOLDER_PID")))
(define out (open-output-file name #:append))
(define in (open-input-file name))

;; The holder write-locks bytes 0-9: a conflicting lock is refused.
(test holder (file-test-lock out))
(test holder (file-test-lock in 5 1))
(test #f (file-test-lock out 10))          ; from byte 10 on is free
(test '(exn i/o file) (condition-case (file-lock out) ((exn i/o file) '(exn i/o file))))
(test '(exn i/o file) (condition-case (file-lock in 0 4) ((exn i/o file) '(exn i/o file))))
(define l (file-lock out 10 5))
(test "#<lock>" (with-output-to-string (lambda () (write l))))
(file-unlock l)
(test-error (file-unlock 'not-a-lock))
(test-error (file-lock "a file name"))

;; The holder ends: file-lock/blocking, waiting meanwhile, gets the lock.
(process-signal holder signal/term)
(define l2 (file-lock/blocking out))
(test #f (file-test-lock out))             ; our own lock does not conflict with us
(file-unlock l2)
(define l3 (file-lock in))                 ; a read lock through an input port
(file-unlock l3)
(close-output-port out)
(close-input-port in)
