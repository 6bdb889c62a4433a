;; SRFI-152's procedures that neither the core nor SRFI-13 has, and
;; string-split, whose CHICKEN meaning differs. Adapted from chez-srfi's
;; %3a152/portable.scm, the SRFI-130/152 reference implementation:
;;   Olin Shivers 7/2000, John Cowan 4/2016; string-split thanks to Shiro
;;   Kawai. Copyright (c) 1988-1994 Massachusetts Institute of Technology.
;;   Copyright (c) 1998, 1999, 2000 Olin Shivers. Copyright (c) 2016 John
;;   Cowan. The copyright terms are kept in full at the end of this file.
;; Changes from the reference:
;; - start/end are parsed by SRFI-13's string-parse-final-start+end (called
;;   at run time), errors name the procedure (error 'who "message" irritant);
;; - string-take-while, string-drop-while, string-span (and the -right
;;   forms) returned "" or the whole string when every character of
;;   s[start,end) satisfied pred, and string-take-while & co. and
;;   string-span/string-break cut the whole string, not s[start,end): they
;;   now work on s[start,end) as the SRFI says;
;; - string-contains-right (%srfi152-string-contains-right, which the Go
;;   row calls: SRFI-130's source defines the name) searches the reversed
;;   strings with the core's string-contains rather than the file's KMP
;;   search;
;; - string-remove and string-replicate are Go rows over SRFI-13's
;;   string-delete and xsubstring;
;; - string-segment checks that k is an exact integer;
;; - string-split is %srfi152-string-split, which the Go row string-split
;;   calls (CHICKEN binds string-split globally with another meaning).

(define (%srfi152-range who s args)
  (string-parse-final-start+end who s args))

(define (%srfi152-skip who s pred args right? want)
  (call-with-values (lambda () (%srfi152-range who s args))
    (lambda (start end)
      (if right?
          (let lp ((i (- end 1)))
            (if (and (>= i start) (eq? (and (pred (string-ref s i)) #t) want))
                (lp (- i 1))
                (values start end (+ i 1))))
          (let lp ((i start))
            (if (and (< i end) (eq? (and (pred (string-ref s i)) #t) want))
                (lp (+ i 1))
                (values start end i)))))))

;; Searching: take-while & co. split s[start,end) at the first character
;; (from the left or the right) failing pred.
(define (string-take-while s pred . maybe-start+end)
  (call-with-values (lambda () (%srfi152-skip 'string-take-while s pred maybe-start+end #f #t))
    (lambda (start end i) (substring s start i))))

(define (string-take-while-right s pred . maybe-start+end)
  (call-with-values (lambda () (%srfi152-skip 'string-take-while-right s pred maybe-start+end #t #t))
    (lambda (start end i) (substring s i end))))

(define (string-drop-while s pred . maybe-start+end)
  (call-with-values (lambda () (%srfi152-skip 'string-drop-while s pred maybe-start+end #f #t))
    (lambda (start end i) (substring s i end))))

(define (string-drop-while-right s pred . maybe-start+end)
  (call-with-values (lambda () (%srfi152-skip 'string-drop-while-right s pred maybe-start+end #t #t))
    (lambda (start end i) (substring s start i))))

(define (string-span s pred . maybe-start+end)
  (call-with-values (lambda () (%srfi152-skip 'string-span s pred maybe-start+end #f #t))
    (lambda (start end i) (values (substring s start i) (substring s i end)))))

(define (string-break s pred . maybe-start+end)
  (call-with-values (lambda () (%srfi152-skip 'string-break s pred maybe-start+end #f #f))
    (lambda (start end i) (values (substring s start i) (substring s i end)))))

(define (%srfi152-string-contains-right text pattern . maybe-starts+ends)
  (%s13-ranges 'string-contains-right text pattern maybe-starts+ends
    (lambda (t-start t-end p-start p-end)
      (let* ((t-len (string-length text))
             (p-len (string-length pattern))
             (res (string-contains (string-reverse text) (string-reverse pattern)
                                   (- t-len t-end) (- t-len t-start)
                                   (- p-len p-end) (- p-len p-start))))
        (and res (- t-len res (- p-end p-start)))))))

;; string-split s delimiter [grammar limit start end]
(define (%srfi152-string-split s delimiter . args)
  (if (not (string? s)) (error 'string-split "string expected" s))
  (if (not (string? delimiter)) (error 'string-split "string expected" delimiter))
  (let ((slen (string-length s)))
    (receive (grammar limit no-limit start end)
        (if (pair? args)
          (if (pair? (cdr args))
            (if (pair? (cddr args))
              (if (pair? (cdddr args))
                (values (car args) (cadr args) #f (caddr args) (cadddr args))
                (values (car args) (cadr args) #f (caddr args) slen))
              (values (car args) (cadr args) #f 0 slen))
            (values (car args) #f #t 0 slen))
          (values 'infix #f #t 0 slen))
      (if (not (memq grammar '(infix strict-infix prefix suffix)))
        (error 'string-split "grammar must be one of (infix strict-infix prefix suffix)" grammar))
      (if (not limit) (set! no-limit #t))
      (if (not (or no-limit
                  (and (integer? limit) (exact? limit) (>= limit 0))))
        (error 'string-split "limit must be exact nonnegative integer or #f" limit))
      (if (not (and (integer? start) (exact? start)))
        (error 'string-split "start argument must be exact integer" start))
      (if (not (<= 0 start slen))
        (error 'string-split "start argument out of range" start))
      (if (not (and (integer? end) (exact? end) (<= 0 end slen)))
        (error 'string-split "end argument out of range" end))
      (if (not (<= start end))
        (error 'string-split "start argument is greater than end argument" (list start end)))
      (cond ((= start end)
             (if (eq? grammar 'strict-infix)
               (error 'string-split "empty string cannot be split with strict-infix grammar")
               '()))
            ((string-null? delimiter)
             (%srfi152-split-chars s start end limit))
            (else (%srfi152-split s start end delimiter grammar limit))))))

(define (%srfi152-split-chars s start end limit)
  (if (not limit)
    (map string (string->list s start end))
    (let loop ((r '()) (c start) (n 0))
      (cond ((= c end) (reverse r))
            ((>= n limit) (reverse (cons (substring s c end) r)))
            (else (loop (cons (string (string-ref s c)) r)
                        (+ c 1)
                        (+ n 1)))))))

(define (%srfi152-split s start end delimiter grammar limit)
  (let ((dlen (string-length delimiter)))
    (define (finish r c)
      (let ((rest (substring s c end)))
        (if (and (eq? grammar 'suffix) (string-null? rest))
          (reverse r)
          (reverse (cons rest r)))))
    (define (scan r c n)
      (if (and limit (>= n limit))
        (finish r c)
        (let ((i (string-contains s delimiter c end)))
          (if i
            (let ((fragment (substring s c i)))
              (if (and (= n 0) (eq? grammar 'prefix) (string-null? fragment))
                (scan r (+ i dlen) (+ n 1))
                (scan (cons fragment r)
                      (+ i dlen)
                      (+ n 1))))
            (finish r c)))))
    (scan '() start 0)))

(define (string-segment str k)
  (if (not (and (exact-integer? k) (>= k 1))) (error 'string-segment "minimum segment size is 1" k))
  (let ((len (string-length str)))
    (let loop ((start 0)
               (result '()))
      (if (= start len)
        (reverse result)
        (let ((end (min (+ start k) len)))
          (loop end (cons (substring str start end) result)))))))

;;; Copyright details
;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;
;;; The prefix/suffix and comparison routines in this code had (extremely
;;; distant) origins in MIT Scheme's string lib, and was substantially
;;; reworked by Olin Shivers (shivers@ai.mit.edu) 9/98. As such, it is
;;; covered by MIT Scheme's open source copyright. See below for details.
;;; 
;;; The KMP string-search code was influenced by implementations written
;;; by Stephen Bevan, Brian Dehneyer and Will Fitzgerald. However, this
;;; version was written from scratch by myself.
;;;
;;; The remainder of this code was written from scratch by myself for scsh.
;;; The scsh copyright is a BSD-style open source copyright. See below for
;;; details.
;;;     -Olin Shivers

;;; MIT Scheme copyright terms
;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;
;;; This material was developed by the Scheme project at the Massachusetts
;;; Institute of Technology, Department of Electrical Engineering and
;;; Computer Science.  Permission to copy and modify this software, to
;;; redistribute either the original software or a modified version, and
;;; to use this software for any purpose is granted, subject to the
;;; following restrictions and understandings.
;;; 
;;; 1. Any copy made of this software must include this copyright notice
;;; in full.
;;; 
;;; 2. Users of this software agree to make their best efforts (a) to
;;; return to the MIT Scheme project any improvements or extensions that
;;; they make, so that these may be included in future releases; and (b)
;;; to inform MIT of noteworthy uses of this software.
;;; 
;;; 3. All materials developed as a consequence of the use of this
;;; software shall duly acknowledge such use, in accordance with the usual
;;; standards of acknowledging credit in academic research.
;;; 
;;; 4. MIT has made no warrantee or representation that the operation of
;;; this software will be error-free, and MIT is under no obligation to
;;; provide any services, by way of maintenance, update, or otherwise.
;;; 
;;; 5. In conjunction with products arising from the use of this material,
;;; there shall be no use of the name of the Massachusetts Institute of
;;; Technology nor of any adaptation thereof in any advertising,
;;; promotional, or sales literature without prior written consent from
;;; MIT in each case.

;;; Scsh copyright terms
;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;
;;; All rights reserved.
;;; 
;;; Redistribution and use in source and binary forms, with or without
;;; modification, are permitted provided that the following conditions
;;; are met:
;;; 1. Redistributions of source code must retain the above copyright
;;;    notice, this list of conditions and the following disclaimer.
;;; 2. Redistributions in binary form must reproduce the above copyright
;;;    notice, this list of conditions and the following disclaimer in the
;;;    documentation and/or other materials provided with the distribution.
;;; 3. The name of the authors may not be used to endorse or promote products
;;;    derived from this software without specific prior written permission.
;;; 
;;; THIS SOFTWARE IS PROVIDED BY THE AUTHORS ``AS IS'' AND ANY EXPRESS OR
;;; IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES
;;; OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.
;;; IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY DIRECT, INDIRECT,
;;; INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT
;;; NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
;;; DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
;;; THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
;;; (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF
;;; THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
