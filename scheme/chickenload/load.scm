;; load-noisily of (chicken load): load, writing each form's results.
(define (load-noisily file #!key evaluator time printer)
  (let ((evaluate (or evaluator eval)))
    (call-with-input-file file
      (lambda (port)
        (let loop ()
          (let ((x (read port)))
            (if (not (eof-object? x))
                (begin
                  (if printer (printer x))
                  (call-with-values
                      (lambda () (if time (%time-report (lambda () (evaluate x))) (evaluate x)))
                    (lambda vals (for-each (lambda (v) (write v) (newline)) vals)))
                  (loop)))))))))
