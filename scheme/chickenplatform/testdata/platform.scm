;; (chicken platform), from the CHICKEN 5 manual page "Module (chicken platform)".
(import (chicken platform) (chicken keyword) (tlsport test))

;; Feature identifiers: keywords, strings and symbols name the same feature.
(test #t (feature? 'chicken))
(test #t (feature? #:chicken "chicken" 'srfi-0))
(test #t (feature? 'chicken-5 'chicken-5.3))
(test #f (feature? 'chicken 'no-such-feature))
(test #t (feature?))
;; (chicken platform)'s features are keywords, as csi's (#:chicken …); the
;; core's (R7RS's, bound until the import) are symbols (scheme/testdata/modules.scm).
(test #t (and (memq #:chicken (features)) #t))
(test #t (every keyword? (features)))
;; R7RS's own features stays the symbols one in (scheme base)'s environment
(test #t (symbol? (car (eval '(features) (environment '(scheme base))))))

(register-feature! 'my-feature "my-string-feature" #:my-keyword-feature)
(test #t (feature? 'my-feature 'my-string-feature 'my-keyword-feature))
(test #t (and (memq #:my-keyword-feature (features)) #t))
(test 'yes (cond-expand ((and my-feature my-string-feature) 'yes) (else 'no)))
(unregister-feature! "my-feature")
(test #f (feature? 'my-feature))
(test 'no (eval '(cond-expand (my-feature 'yes) (else 'no))))
(test #f (and (memq #:my-feature (features)) #t))
(register-feature! 'my-feature)
(test #t (feature? 'my-feature))
(test #:my-feature (car (features))) ; the last registered comes first, as in CHICKEN
;; A built-in feature can be unregistered, and registered again.
(unregister-feature! 'srfi-23)
(test #f (feature? 'srfi-23))
(register-feature! 'srfi-23)
(test #t (feature? 'srfi-23))

;; Not a feature identifier: an error naming the procedure and the argument.
(test-error (feature? 1))
(test-error (register-feature! '(a)))
(test "(exn type)" (condition-case (unregister-feature! 2.5) ((exn type) "(exn type)")))

;; Machine and software: CHICKEN's names for the platform.
(test #t (and (memq (machine-byte-order) '(little-endian big-endian)) #t))
(test #t (feature? (machine-byte-order)))
(test #t (symbol? (machine-type)))
(test #t (and (memq (software-type) '(unix windows unknown android ecos)) #t))
(test #t (feature? (software-version)))
(test #t (cond-expand (unix (eq? (software-type) 'unix)) (else #t)))
(test #t (cond-expand ((and linux x86-64) (and (eq? (software-version) 'linux) (eq? (machine-type) 'x86-64))) (else #t)))
(test 'unknown (build-platform))

;; The build: the CHICKEN API version tlsport follows.
(test "5.3.0" (chicken-version))
(test "Version 5.3.0 (tlsport" (substring (chicken-version #t) 0 22))
(test #t (string? (chicken-home)))
(test #t (list? (repository-path)))
(test #f (installation-repository))
(parameterize ((repository-path '("/tmp/x"))) (test '("/tmp/x") (repository-path)))

;; XDG directories.
(import (chicken process-context))
(set-environment-variable! "XDG_CONFIG_HOME" "/tmp/xdg-config")
(set-environment-variable! "XDG_CACHE_HOME" "/tmp/xdg-cache")
(test "/tmp/xdg-config" (system-config-directory))
(test "/tmp/xdg-cache" (system-cache-directory))
(unset-environment-variable! "XDG_CONFIG_HOME")
(unset-environment-variable! "XDG_CACHE_HOME")
(define home (get-environment-variable "HOME"))
(set-environment-variable! "HOME" "/tmp/home")
(test "/tmp/home/.config" (system-config-directory))
(test "/tmp/home/.cache" (system-cache-directory))
(if home (set-environment-variable! "HOME" home) (unset-environment-variable! "HOME"))

(test-error (return-to-host))
