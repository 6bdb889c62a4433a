;; (chicken pathname), from the CHICKEN 5 manual page.
(import (chicken pathname) (tlsport test))
(define (dp p) (call-with-values (lambda () (decompose-pathname p)) list))
(define (dd p) (call-with-values (lambda () (decompose-directory p)) list))
(test-group "decompose"
  (test '("/foo" "bar" "scm") (dp "/foo/bar.scm")) (test '(#f "bar" "scm") (dp "bar.scm"))
  (test '(#f "foo.tar" "gz") (dp "foo.tar.gz")) (test '(#f ".emacs" #f) (dp ".emacs"))
  (test '("/" "foo" #f) (dp "/foo")) (test '("/foo" #f #f) (dp "/foo/")) (test '(#f #f #f) (dp ""))
  (test '("a/b" "c" #f) (dp "a/b//c")) (test '(#f "foo." #f) (dp "foo."))
  (test "/foo" (pathname-directory "/foo/bar.scm")) (test "bar" (pathname-file "/foo/bar.scm"))
  (test "scm" (pathname-extension "/foo/bar.scm")) (test #f (pathname-extension "/foo/bar"))
  (test #f (pathname-directory "bar")))
(test-group "make"
  (test "a/b.c" (make-pathname "a" "b" "c")) (test "a/b.c" (make-pathname "a" "b" ".c"))
  (test "a/b/c" (make-pathname '("a" "b") "c")) (test "b" (make-pathname #f "b")) (test "a/b" (make-pathname "a/" "b"))
  (test "b" (make-pathname "" "b")) (test "/a/b" (make-pathname "/a" "/b")) (test "a/" (make-pathname "a" #f))
  (test "/a/b.scm" (make-absolute-pathname "a" "b" "scm")) (test "/a/b" (make-absolute-pathname "/a" "b"))
  (test "/b" (make-absolute-pathname #f "b")))
(test-group "replace strip"
  (test "/x/bar.scm" (pathname-replace-directory "/foo/bar.scm" "/x"))
  (test "/foo/baz.scm" (pathname-replace-file "/foo/bar.scm" "baz"))
  (test "/foo/bar.txt" (pathname-replace-extension "/foo/bar.scm" "txt"))
  (test "/foo/bar" (pathname-replace-extension "/foo/bar.scm" #f))
  (test "bar.scm" (pathname-strip-directory "/foo/bar.scm")) (test "/foo/bar" (pathname-strip-extension "/foo/bar.scm")))
(test-group "absolute-pathname?"
  (test #t (absolute-pathname? "/a")) (test #f (absolute-pathname? "a/b")) (test #f (absolute-pathname? "")))
(test-group "normalize-pathname"
  (test "a/c/" (normalize-pathname "a/b/../c/")) (test "/a/b" (normalize-pathname "/a/./b")) (test "a/b" (normalize-pathname "a//b"))
  (test "../a" (normalize-pathname "../a")) (test "/" (normalize-pathname "/")) (test "." (normalize-pathname "a/.."))
  (test "." (normalize-pathname "")) (test "../.." (normalize-pathname "../..")) (test "/b" (normalize-pathname "/a/../b"))
  (test "a\\b" (normalize-pathname "a/b" 'windows)) (test "c:\\x" (normalize-pathname "c:\\y\\..\\x" 'windows)))
(test-group "directories"
  (test #t (directory-null? "")) (test #t (directory-null? "././/")) (test #f (directory-null? "./a"))
  (test #t (directory-null? '("" "."))) (test #f (directory-null? '("a")))
  (test '(#f "/" ("foo" "bar")) (dd "/foo/bar")) (test '(#f #f ("foo" "bar")) (dd "foo/bar/")) (test '(#f #f #f) (dd "")))
