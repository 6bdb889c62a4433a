(display "ok") (newline)
