;; (chicken process signal), from the CHICKEN 5 manual page: handlers run
;; when the process gets a signal (sent to ourselves with process-signal).
(import (chicken process signal) (chicken process) (chicken io) (srfi 18) (tlsport test))
(define me (string->number (with-input-from-pipe "echo $PPID" read-line)))
(define (wait-until ok?) (let loop ((i 0)) (unless (or (ok?) (> i 300)) (thread-sleep! 0.01) (loop (+ i 1)))))
(define got '())     ; globals: a handler runs on a thread of its own
(define alarmed #f)
(test-group "codes"
  (test #t (and (memv signal/int signals-list) #t)) (test 0 signal/break) (test #f (memv 0 signals-list))
  (test #t (< 0 signal/usr1)) (test #f (= signal/usr1 signal/usr2)))
(test-group "handlers"
  (test #f (signal-handler signal/usr1))
  (set-signal-handler! signal/usr1 (lambda (s) (set! got (cons s got))))
  (test #t (procedure? (signal-handler signal/usr1)))
  (process-signal me signal/usr1)
  (wait-until (lambda () (pair? got)))
  (test (list signal/usr1) got)
  (let ((h (signal-handler signal/usr1)))      ; the manual's setter form (csi: #t)
    (set! (signal-handler signal/usr1) void)
    (test void (signal-handler signal/usr1))
    (set! (signal-handler signal/usr1) h)))
(test-group "masks"
  (signal-mask! signal/usr1)
  (test #t (signal-masked? signal/usr1)) (test (list signal/usr1) (signal-mask))
  (process-signal me signal/usr1)
  (thread-sleep! 0.1)
  (test 1 (length got))
  (signal-unmask! signal/usr1)
  (wait-until (lambda () (= 2 (length got))))
  (test 2 (length got)) (test #f (signal-masked? signal/usr1))
  (set-signal-mask! (list signal/usr2)) (test (list signal/usr2) (signal-mask)) (set-signal-mask! '()) (test '() (signal-mask)))
(test-group "alarm"
  (set-signal-handler! signal/alrm (lambda (s) (set! alarmed s)))
  (test 0 (set-alarm! 0.05))
  (wait-until (lambda () alarmed))
  (test signal/alrm alarmed)
  (set-alarm! 100) (test #t (< 90 (set-alarm! 0) 101)))
(test-group "ignoring"
  (set-signal-handler! signal/usr1 #f)
  (test #f (signal-handler signal/usr1))
  (process-signal me signal/usr1)
  (thread-sleep! 0.05)
  (test 2 (length got)))
