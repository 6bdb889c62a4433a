;; (chicken process-context), from the CHICKEN 5 manual page.
(import (chicken process-context) (tlsport test))
(test-group "invocation"
  (test #t (string? (car (argv)))) (test (cdr (argv)) (command-line-arguments))
  (test (car (argv)) (program-name))
  (test "other" (parameterize ((program-name "other")) (program-name)))
  (test (car (argv)) (program-name)) (test-error (program-name 5))
  (call-with-values argc+argv (lambda (n l) (test (length (argv)) n)))
  (test #t (string? (executable-pathname))))
(test-group "environment"
  (set-environment-variable! "TLSPORT_TEST_VAR" "v1")
  (test "v1" (get-environment-variable "TLSPORT_TEST_VAR"))
  (test "v1" (cdr (assoc "TLSPORT_TEST_VAR" (get-environment-variables))))
  (unset-environment-variable! "TLSPORT_TEST_VAR")
  (test #f (get-environment-variable "TLSPORT_TEST_VAR"))
  (unset-environment-variable! "TLSPORT_TEST_VAR"))
(test-group "directory"
  (define here (current-directory))
  (test #t (string? here))
  (change-directory "/")
  (test "/" (current-directory))
  (current-directory here)
  (test here (current-directory))
  (test-error (change-directory "/no/such/directory/here")))
