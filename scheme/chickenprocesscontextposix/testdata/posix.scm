;; (chicken process-context posix), from the CHICKEN 5 manual page.
(import (chicken process-context posix) (chicken process-context) (chicken process) (chicken io) (tlsport test))
(test-group "process identity"
  (test (string->number (with-input-from-pipe "echo $PPID" read-line)) (current-process-id))
  (test #t (< 0 (parent-process-id))) (test #f (= (parent-process-id) (current-process-id)))
  (test #t (exact-integer? (process-group-id (current-process-id)))))
(test-group "users"
  (test #t (exact-integer? (current-user-id))) (test #t (exact-integer? (current-effective-user-id)))
  (test #t (exact-integer? (current-group-id))) (test #t (exact-integer? (current-effective-group-id)))
  (test (with-input-from-pipe "id -u" (lambda () (string->number (read-line)))) (current-user-id))
  (test (with-input-from-pipe "id -un" read-line) (current-user-name))
  (test (current-user-name) (current-effective-user-name))
  (let ((info (user-information (current-user-id))))
    (test 7 (length info)) (test (current-user-name) (car info)) (test (current-user-id) (caddr info)))
  (test #t (vector? (user-information (current-user-name) #t)))
  (test #f (user-information "no-such-user-here"))
  ;; the manual's setters: setting an id to itself changes nothing and
  ;; works for any user; an id that is not a number is a type error
  (set! (current-user-id) (current-user-id))
  (set! (current-effective-user-id) (current-effective-user-id))
  (set! (current-group-id) (current-group-id))
  (set! (current-effective-group-id) (current-effective-group-id))
  (test (with-input-from-pipe "id -u" (lambda () (string->number (read-line)))) (current-user-id))
  (test-error (exn type) (set! (current-user-id) "root"))
  (test #t (procedure? (setter current-effective-group-id))))
(test-group "directories"
  (define here (current-directory))
  (test-error (change-directory* 9999))
  (test-error (set-root-directory! "/no/such/dir")))
(test-group "create-session"
  ;; setsid fails (EPERM) when the process leads its group already
  (test #t (condition-case (= (create-session) (current-process-id)) (e (exn i/o) #t))))
