;; transcoded-port takes its binary port over (r6rs-lib §8.2.6): the binary port is closed, its bytes go on in the new port.
(import (rnrs) (tlsport test))

(test-group "the binary port is closed, the textual port reads on"
  (define b (open-bytevector-input-port (string->utf8 "héllo")))
  (test 104 (lookahead-u8 b))
  (define t (transcoded-port b (native-transcoder)))
  (test #t (guard (e ((i/o-error? e) #t)) (get-u8 b)))
  (test "héllo" (get-string-all t)))

(test-group "an output port: what it held is written through the textual port"
  (let-values (((b extract) (open-bytevector-output-port)))
    (put-u8 b 65)
    (let ((t (transcoded-port b (native-transcoder))))
      (test #t (guard (e ((i/o-error? e) #t)) (put-u8 b 66)))
      (put-string t "λ")
      (flush-output-port t)
      (test (string->utf8 "Aλ") (extract)))))

(test-group "the standard ports stay open"
  (define t (transcoded-port (standard-output-port) (native-transcoder)))
  (test #t (textual-port? t))
  (test #t (output-port? (standard-output-port)))
  (put-string (standard-output-port) ""))
