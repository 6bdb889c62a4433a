;; A small bank ledger: records, closures, assoc lists, conditions with
;; properties, exact rationals for money, and a transaction log.
(import (chicken base) (chicken condition) (chicken format) (chicken sort) (chicken string))

(define-record-type account
  (%make-account id owner balance history)
  account?
  (id account-id)
  (owner account-owner)
  (balance account-balance set-account-balance!)
  (history account-history set-account-history!))

(set-record-printer! account
  (lambda (a out) (fprintf out "#<account ~a ~a ~a>" (account-id a) (account-owner a) (account-balance a))))

(define next-id
  (let ((n 100)) (lambda () (set! n (+ n 1)) n)))
(define (make-account owner initial) (%make-account (next-id) owner initial '()))

(define (insufficient-funds acct amount)
  (make-composite-condition
    (make-property-condition 'exn 'message "insufficient funds" 'arguments (list amount) 'location 'withdraw!)
    (make-property-condition 'bank 'account (account-id acct) 'shortfall (- amount (account-balance acct)))))

(define (log! acct what amount)
  (set-account-history! acct (cons (list what amount (account-balance acct)) (account-history acct))))

(define (deposit! acct amount)
  (when (<= amount 0) (error 'deposit! "amount must be positive" amount))
  (set-account-balance! acct (+ (account-balance acct) amount))
  (log! acct 'deposit amount))

(define (withdraw! acct amount)
  (if (> amount (account-balance acct))
      (signal (insufficient-funds acct amount))
      (begin (set-account-balance! acct (- (account-balance acct) amount))
             (log! acct 'withdraw amount))))

(define (transfer! from to amount)
  (condition-case
    (begin (withdraw! from amount) (deposit! to amount) 'ok)
    (e (bank) (list 'failed (get-condition-property e 'bank 'shortfall)))))

(define alice (make-account "alice" 100))
(define bob (make-account "bob" 50))
(print alice " " bob)
(deposit! alice 25/2)
(print "alice after deposit: " (account-balance alice))
(print "transfer 30: " (transfer! alice bob 30))
(print "transfer 500: " (transfer! bob alice 500))
(print "balances: " (map account-balance (list alice bob)))
(print "as decimals: " (map (lambda (a) (exact->inexact (account-balance a))) (list alice bob)))
(print "interest 1/3 of 1%: " (* (account-balance alice) 1/300))
(print "rounded: " (/ (round (* 100 (* (account-balance alice) 1/300))) 100))
(print "history alice: " (reverse (account-history alice)))
(print "history bob: " (reverse (account-history bob)))
(print "bad deposit: "
  (condition-case (deposit! bob -5)
    (e (exn) (sprintf "~a: ~a ~s" (get-condition-property e 'exn 'location)
                      (get-condition-property e 'exn 'message)
                      (get-condition-property e 'exn 'arguments)))))
(define accounts (list alice bob (make-account "carol" 75) (make-account "dave" 82.5)))
(for-each (lambda (a) (printf "~a ~a ~a~%" (account-id a) (account-owner a) (account-balance a)))
  (sort accounts (lambda (a b) (> (account-balance a) (account-balance b)))))
(print "total: " (apply + (map account-balance accounts)))
(print "richest: " (car (sort accounts (lambda (a b) (> (account-balance a) (account-balance b))))))
(print "owners: " (string-intersperse (map account-owner accounts) ", "))
(print accounts)
