;; (chicken load), from the CHICKEN 5 manual page "Module (chicken load)";
;; results checked against csi 5.3.
(import (chicken load) (chicken file) (chicken port) (tlsport test))

(define file (create-temporary-file "scm"))
(with-output-to-file file
  (lambda () (display "(define loaded-x 1)\n(+ loaded-x 2)\n(values 1 2)\n(display \"hi\")\n(values)\n\"str\"\n")))

(test-group "load-noisily"
  (test "#<unspecified>\n3\n1\n2\nhi#<unspecified>\n\"str\"\n"
        (with-output-to-string (lambda () (load-noisily file))))
  (test 1 loaded-x)
  ;; printer sees each form first; evaluator replaces eval.
  (test "> (define loaded-x 1)\n(ev (define loaded-x 1))\n> (+ loaded-x 2)\n(ev (+ loaded-x 2))\n> (values 1 2)\n(ev (values 1 2))\n> (display \"hi\")\n(ev (display \"hi\"))\n> (values)\n(ev (values))\n> \"str\"\n(ev \"str\")\n"
        (with-output-to-string
          (lambda ()
            (load-noisily file printer: (lambda (x) (display "> ") (write x) (newline))
                               evaluator: (lambda (x) (list 'ev x))))))
  ;; time: reports each form's time on the error port, results as before.
  (let* ((err (open-output-string))
         (out (with-error-output-to-port err (lambda () (with-output-to-string (lambda () (load-noisily file time: #t)))))))
    (test "#<unspecified>\n3\n1\n2\nhi#<unspecified>\n\"str\"\n" out)
    (test #t (> (string-length (get-output-string err)) 0))))

(test-group "load with an evaluator, load-verbose"
  (define seen '())
  (load file (lambda (x) (set! seen (cons x seen))))
  (test '("str" (values) (display "hi") (values 1 2) (+ loaded-x 2) (define loaded-x 1)) seen)
  (test #f (load-verbose))
  (test (string-append "; loading " file " ...\nhi") (with-output-to-string (lambda () (parameterize ((load-verbose #t)) (load file)))))
  (test "hi" (with-output-to-string (lambda () (load file))))
  (test-error (load file 42)))

(test-group "provide, provided?, require"
  (test #f (provided? 'my-extension))
  (provide 'my-extension 'my-other-extension)
  (test #t (provided? 'my-extension 'my-other-extension))
  (test-error (provide "a-string"))
  (test #f (provided? 'my-extension 'not-provided))
  ;; require skips a provided extension (there is no file for it).
  (require 'my-extension)
  (test-error (require 'no-such-extension-anywhere))
  (test #f (provided? 'srfi-1))
  (require 'srfi-1)
  (test #t (provided? 'srfi-1))
  (test-error (provided? 42)))

(test-group "compiled code"
  (test '() (dynamic-load-libraries))
  (load-library 'srfi-13)
  (test #t (provided? 'srfi-13))
  (test-error (load-library 'no-such-unit))
  (test-error (load-library 'srfi-13 "libsrfi13.so"))
  (set-dynamic-load-mode! '(global lazy)))

(delete-file file)
