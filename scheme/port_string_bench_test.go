// Benchmarks of reading and writing string ports (open-input-string, open-output-string).

package scheme

import "testing"

// stringPortText defines text, 64 KiB of mixed ASCII and non-ASCII lines
// (é, λ, 𐀀), the input of the read benchmarks.
const stringPortText = `(define text
  (let loop ((i 0) (acc '()))
    (if (= i 2048)
        (apply string-append acc)
        (loop (+ i 1) (cons "abcdefgh éλ𐀀 ijklmnop\n" acc)))))
`

// BenchmarkStringPortReadChar is one read-char per iteration on a string
// input port (a new port over text at its end).
func BenchmarkStringPortReadChar(b *testing.B) {
	benchLoop(b, stringPortText+`(define (sp-read-char n)
  (let loop ((i 0) (p (open-input-string text)) (k 0))
    (if (< i n)
        (let ((c (read-char p)))
          (if (eof-object? c)
              (loop i (open-input-string text) k)
              (loop (+ i 1) p (+ k 1))))
        k)))`, "sp-read-char")
}

// BenchmarkStringPortReadString is one (read-string 16) per iteration on
// a string input port.
func BenchmarkStringPortReadString(b *testing.B) {
	benchLoop(b, stringPortText+`(define (sp-read-string n)
  (let loop ((i 0) (p (open-input-string text)) (k 0))
    (if (< i n)
        (let ((s (read-string 16 p)))
          (if (eof-object? s)
              (loop i (open-input-string text) k)
              (loop (+ i 1) p (+ k (string-length s)))))
        k)))`, "sp-read-string")
}

// BenchmarkStringPortWriteString is one write-string of a 24-character
// string per iteration on a string output port (a new one every 4096).
func BenchmarkStringPortWriteString(b *testing.B) {
	benchLoop(b, `(define (sp-write-string n)
  (let loop ((i 0) (p (open-output-string)))
    (cond ((= i n) (string-length (get-output-string p)))
          ((= 0 (remainder i 4096)) (loop (+ i 1) (open-output-string)))
          (else (write-string "abcdefgh éλ𐀀 ijklmnop\n" p) (loop (+ i 1) p)))))`, "sp-write-string")
}

// BenchmarkStringPortWriteChar is one write-char per iteration on a string
// output port (a new one every 65536).
func BenchmarkStringPortWriteChar(b *testing.B) {
	benchLoop(b, `(define (sp-write-char n)
  (let loop ((i 0) (p (open-output-string)))
    (cond ((= i n) (string-length (get-output-string p)))
          ((= 0 (remainder i 65536)) (loop (+ i 1) (open-output-string)))
          (else (write-char (if (even? i) #\a #\λ) p) (loop (+ i 1) p)))))`, "sp-write-char")
}
