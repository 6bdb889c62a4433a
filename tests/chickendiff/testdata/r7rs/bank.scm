;; An everyday R7RS program: accounts as records, errors raised as
;; condition objects and R7RS error objects, a transaction log in a string
;; port, interest in exact rationals and flonums, a parameter for the
;; currency.
(import (scheme base) (scheme write) (scheme inexact))

(define-record-type account
  (make-account id owner balance history)
  account?
  (id account-id)
  (owner account-owner)
  (balance account-balance set-account-balance!)
  (history account-history set-account-history!))

(define-record-type insufficient
  (make-insufficient account wanted)
  insufficient?
  (account insufficient-account)
  (wanted insufficient-wanted))

(define currency (make-parameter "EUR"))
(define log-port (open-output-string))
(define (log! . items)
  (for-each (lambda (x) (display x log-port)) items)
  (newline log-port))

(define (deposit! acc amount)
  (unless (and (real? amount) (positive? amount))
    (error "deposit: amount must be positive" amount))
  (set-account-balance! acc (+ (account-balance acc) amount))
  (set-account-history! acc (cons (list 'deposit amount) (account-history acc)))
  (log! "deposit " amount " " (currency) " to " (account-id acc))
  (account-balance acc))

(define (withdraw! acc amount)
  (when (> amount (account-balance acc))
    (raise (make-insufficient acc amount)))
  (set-account-balance! acc (- (account-balance acc) amount))
  (set-account-history! acc (cons (list 'withdraw amount) (account-history acc)))
  (log! "withdraw " amount " " (currency) " from " (account-id acc))
  (account-balance acc))

(define (transfer! from to amount)
  (guard (e ((insufficient? e)
             (log! "refused " (insufficient-wanted e) " from " (account-id (insufficient-account e)))
             #f))
    (withdraw! from amount)
    (deposit! to amount)
    #t))

(define alice (make-account 'A1 "Alice" 100 '()))
(define bob (make-account 'B1 "Bob" 20 '()))

(write (list (transfer! alice bob 30) (transfer! bob alice 500) (transfer! bob alice 50))) (newline)
(write (map account-balance (list alice bob))) (newline)
(write (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
         (deposit! alice -5)))
(newline)
(parameterize ((currency "USD")) (deposit! bob 1/2))
(write (account-balance bob)) (newline)
(define (apply-interest! acc rate years)
  (let loop ((y 0))
    (when (< y years)
      (set-account-balance! acc (* (account-balance acc) (+ 1 rate)))
      (loop (+ y 1))))
  (account-balance acc))
(write (apply-interest! bob 1/10 2)) (newline)
(write (exact->inexact (account-balance bob))) (newline)
(write (round (* 100 (exact->inexact (account-balance bob))))) (newline)
(write (reverse (account-history alice))) (newline)
(display (get-output-string log-port))
(write (let ((accs (list alice bob)))
         (apply max (map account-balance accs))))
(newline)
(write (exact (floor (account-balance bob)))) (newline)
