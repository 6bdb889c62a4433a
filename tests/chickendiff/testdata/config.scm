;; An INI-style configuration reader and a JSON-ish writer: string ports,
;; char tests, irregex, alists, nested output with escapes.
(import (chicken base) (chicken string) (chicken io) (chicken port) (chicken irregex) (chicken format) (chicken sort) (chicken condition))

(define ini "; comment line
[server]
host = example.org
port=8443
timeout = 2.5

[client]
name = \"quoted value\"
retries = 3
verbose = yes
path = /usr/local/share
")

(define (trim s) (irregex-replace/all "^\\s+|\\s+$" s ""))
(define (parse-value v)
  (cond ((string->number v) => (lambda (n) n))
        ((member v '("yes" "true" "on")) #t)
        ((member v '("no" "false" "off")) #f)
        ((irregex-match "\"(.*)\"" v) => (lambda (m) (irregex-match-substring m 1)))
        (else v)))
(define (parse-ini text)
  (let loop ((lines (read-lines (open-input-string text))) (section #f) (acc '()))
    (if (null? lines)
        (reverse (map (lambda (s) (cons (car s) (reverse (cdr s)))) acc))
        (let ((line (trim (car lines))))
          (cond ((or (string=? line "") (char=? (string-ref line 0) #\;))
                 (loop (cdr lines) section acc))
                ((irregex-match "\\[(\\w+)\\]" line)
                 => (lambda (m) (let ((name (string->symbol (irregex-match-substring m 1))))
                                  (loop (cdr lines) name (cons (list name) acc)))))
                ((irregex-match "([^=]+)=(.*)" line)
                 => (lambda (m)
                      (let ((key (string->symbol (trim (irregex-match-substring m 1))))
                            (val (parse-value (trim (irregex-match-substring m 2)))))
                        (set-cdr! (car acc) (cons (cons key val) (cdar acc)))
                        (loop (cdr lines) section acc))))
                (else (error "bad line" line)))))))
(define config (parse-ini ini))
(write config) (newline)
(print "server port: " (alist-ref 'port (alist-ref 'server config)))
(print "client name: " (alist-ref 'name (alist-ref 'client config)))
(print "timeout * 2: " (* 2 (alist-ref 'timeout (alist-ref 'server config))))

(define (json-string s)
  (string-append "\"" (string-translate* s '(("\\" . "\\\\") ("\"" . "\\\"") ("\n" . "\\n"))) "\""))
(define (->json x)
  (cond ((eq? x #t) "true")
        ((eq? x #f) "false")
        ((number? x) (number->string x))
        ((string? x) (json-string x))
        ((symbol? x) (json-string (symbol->string x)))
        ((and (pair? x) (pair? (car x)))
         (string-append "{" (string-intersperse (map (lambda (p) (string-append (->json (car p)) ":" (->json (cdr p)))) x) ",") "}"))
        ((list? x) (string-append "[" (string-intersperse (map ->json x) ",") "]"))
        ((vector? x) (->json (vector->list x)))
        (else (error "cannot encode" x))))
(print (->json config))
(print (->json '(1 2.5 "a\"b" #(x y) ((k . "line\nbreak")))))
(define keys (sort (map (lambda (p) (symbol->string (car p))) (alist-ref 'client config)) string<?))
(print "client keys: " keys)
(for-each (lambda (section)
            (printf "[~a] ~a entries~%" (car section) (length (cdr section))))
  config)
(print "error on bad line: "
  (handle-exceptions e ((condition-property-accessor 'exn 'arguments) e) (parse-ini "[a]\nnot a pair\n")))
