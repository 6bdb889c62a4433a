;; SRFI-115 regular expressions over the core's irregex: SRFI-115's SRE is
;; irregex's but for (-> name sre ...), irregex's (=> name sre ...), and
;; (word sre ...), (: bow sre ... eow); the fold, split, partition, extract
;; and replace procedures follow the SRFI's reference implementation
;; (chibi's), written anew over irregex-fold and irregex-search.

(define (%sre x)
  (cond ((not (pair? x)) x)
        ((eq? (car x) '->) (cons '=> (map %sre (cdr x))))
        ((eq? (car x) 'word) (append '(: bow) (map %sre (cdr x)) '(eow)))
        (else (map %sre x))))

(define (regexp re)
  (cond ((irregex? re) re)
        ((string? re) (irregex re))
        (else (sre->irregex (%sre re)))))

(define (regexp? obj) (irregex? obj))

(define (valid-sre? obj)
  (guard (e (#t #f)) (regexp obj) #t))

(define (char-set->sre cs) (list (char-set->string cs)))

;; %range: the start and end of the optional arguments o over str.
(define (%start o) (if (and (pair? o) (car o)) (car o) 0))
(define (%end str o) (if (and (pair? o) (pair? (cdr o)) (cadr o)) (cadr o) (string-length str)))

(define (regexp-matches re str . o)
  (irregex-match (regexp re) str (%start o) (%end str o)))

(define (regexp-matches? re str . o)
  (and (apply regexp-matches re str o) #t))

(define (regexp-search re str . o)
  (irregex-search (regexp re) str (%start o) (%end str o)))

;; regexp-fold: (kons i match str acc) for each match, i where the text
;; before the match begins; (finish i #f str acc) at the end.
(define (regexp-fold re kons knil str . o)
  (let ((finish (if (and (pair? o) (car o)) (car o) (lambda (i m s acc) acc)))
        (o (if (pair? o) (cdr o) '())))
    (irregex-fold (regexp re)
                  (lambda (i m acc) (kons i m str acc))
                  knil str
                  (lambda (i acc) (finish i #f str acc))
                  (%start o) (%end str o))))

(define (regexp-extract re str . o)
  (apply regexp-fold re
         (lambda (i m s acc)
           (let ((t (regexp-match-submatch m 0)))
             (if (equal? t "") acc (cons t acc))))
         '() str (lambda (i m s acc) (reverse acc)) o))

;; %parts: the parts of str between the non-empty matches of re, with
;; the matches too when keep-match?, as (i . reversed-parts), i where the
;; text after the last match begins.
(define (%parts re str o keep-match?)
  (regexp-fold re
               (lambda (from m s acc)
                 (let ((i (regexp-match-submatch-start m 0))
                       (j (regexp-match-submatch-end m 0)))
                   (if (= i j)
                       acc
                       (let ((parts (cons (substring str (car acc) i) (cdr acc))))
                         (cons j (if keep-match? (cons (regexp-match-submatch m 0) parts) parts))))))
               (cons (%start o) '())
               str
               (lambda (from m s acc) acc)
               (%start o) (%end str o)))

(define (regexp-split re str . o)
  (let ((acc (%parts re str o #f)))
    (reverse (cons (substring str (car acc) (%end str o)) (cdr acc)))))

;; regexp-partition: the parts and the matches, alternating; the last part
;; only when not empty (or when there is no match).
(define (regexp-partition re str . o)
  (let ((acc (%parts re str o #t)) (end (%end str o)))
    (reverse (if (or (< (car acc) end) (null? (cdr acc)))
                 (cons (substring str (car acc) end) (cdr acc))
                 (cdr acc)))))

;; %subst: the text subst makes of match m in str[start, end): a string, an
;; integer or name (that submatch), pre, post, or a list of those.
(define (%subst m str subst start end)
  (cond ((string? subst) subst)
        ((pair? subst) (apply string-append (map (lambda (x) (%subst m str x start end)) subst)))
        ((null? subst) "")
        ((eq? subst 'pre) (substring str start (regexp-match-submatch-start m 0)))
        ((eq? subst 'post) (substring str (regexp-match-submatch-end m 0) end))
        (else (or (regexp-match-submatch m subst) ""))))

(define (regexp-replace re str subst . o)
  (let* ((start (%start o))
         (end (%end str o))
         (count (if (and (pair? o) (pair? (cdr o)) (pair? (cddr o))) (caddr o) 0))
         (re (regexp re)))
    (let loop ((i start) (count count))
      (let ((m (and (<= i end) (irregex-search re str i end))))
        (cond ((not m) (substring str start end))
              ((positive? count)
               (let ((j (regexp-match-submatch-end m 0)))
                 (loop (if (= j (regexp-match-submatch-start m 0)) (+ j 1) j) (- count 1))))
              (else
               (string-append (substring str start (regexp-match-submatch-start m 0))
                              (%subst m str subst start end)
                              (substring str (regexp-match-submatch-end m 0) end))))))))

(define (regexp-replace-all re str subst . o)
  (let ((start (%start o)) (end (%end str o)))
    (regexp-fold re
                 (lambda (i m s acc)
                   (cons* (%subst m str subst start end)
                          (substring str i (regexp-match-submatch-start m 0))
                          acc))
                 '()
                 str
                 (lambda (i m s acc) (apply string-append (reverse (cons (substring str i end) acc))))
                 start end)))

(define (regexp-match? obj) (irregex-match-data? obj))

(define (regexp-match-count m) (irregex-match-num-submatches m))

(define (%matched? m field)
  (and (irregex-match-valid-index? m field) (irregex-match-substring m field) #t))

(define (regexp-match-submatch m field)
  (and (%matched? m field) (irregex-match-substring m field)))

(define (regexp-match-submatch-start m field)
  (and (%matched? m field) (irregex-match-start-index m field)))

(define (regexp-match-submatch-end m field)
  (and (%matched? m field) (irregex-match-end-index m field)))

(define (regexp-match->list m)
  (let loop ((i (regexp-match-count m)) (acc '()))
    (if (< i 0) acc (loop (- i 1) (cons (regexp-match-submatch m i) acc)))))

(define-syntax rx
  (syntax-rules () ((_ sre ...) (regexp `(: sre ...)))))
