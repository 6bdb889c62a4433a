;; (chicken time posix), from the CHICKEN 5 manual page (no test depends on
;; today's date; the Go test sets TZ).
(import (chicken time posix) (tlsport test))
(test-group "vectors"
  (test #(0 0 0 1 0 70 4 0 #f 0) (seconds->utc-time 0))
  (test #(30 31 23 13 1 109 5 43 #f 0) (seconds->utc-time 1234567890))
  (test 1234567890 (utc-time->seconds (seconds->utc-time 1234567890)))
  (test 1234567890 (local-time->seconds (seconds->local-time 1234567890)))
  (test 10 (vector-length (seconds->local-time)))
  (test 86400 (utc-time->seconds #(0 0 24 1 0 70 0 0 #f 0))))
(test-group "strings"
  ;; csi: asctime's form, without the zone, and the week numbers
  (test "Thu Jan  1 00:00:00 1970" (time->string (seconds->utc-time 0)))
  (test "2024-12-31 52 53 01 2025 25" (time->string (seconds->utc-time 1735603200) "%F %U %W %V %G %g"))
  (test "2021-01-01 00 00 53 2020" (time->string (seconds->utc-time 1609459200) "%F %U %W %V %G"))
  (test "1970-01-01 00:00:00 +0000" (time->string (seconds->utc-time 0) "%Y-%m-%d %H:%M:%S %z"))
  (test "Friday, February 13 2009, 11:31 PM, day 044" (time->string (seconds->utc-time 1234567890) "%A, %B %d %Y, %I:%M %p, day %j"))
  (test 24 (string-length (seconds->string 0)))
  (test #t (string? (local-timezone-abbreviation)))
  (test #(22 46 13 21 4 91 2 140 #f 0) (string->time "Tue May 21 13:46:22 1991" "%a %b %e %H:%M:%S %Y"))
  (test #(22 46 13 21 4 91 2 140 #f 0) (string->time "Tue May 21 13:46:22 UTC 1991"))
  (test #(0 30 8 2 2 124 6 61 #f 0) (string->time "2024-03-02T08:30:00" "%Y-%m-%dT%H:%M:%S"))
  (test "2024-03-02 08:30" (time->string (string->time "2024-03-02 08:30" "%F %R") "%Y-%m-%d %H:%M"))
  (test #f (string->time "not a time"))
  (test 1234567890 (utc-time->seconds (string->time (time->string (seconds->utc-time 1234567890) "%s %Y-%m-%d %T") "1234567890 %F %T"))))
