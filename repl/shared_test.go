package repl

import (
	"regexp"
	"strings"
	"testing"
)

// TestCommandsReadSharedValuesWhole: ,describe, ,exn and the error
// printer walk values in Go while a thread keeps refilling a string with
// one character, then another; they read it under the interpreter's
// lock, so every string they show is all one character (and the race
// detector sees no race).
func TestCommandsReadSharedValuesWhole(t *testing.T) {
	const n = 150
	var in strings.Builder
	in.WriteString(`(import (srfi 18))
(define s (make-string 40 #\a))
(define done #f)
(define filler (thread-start! (make-thread (lambda ()
  (let loop ((c #\a))
    (unless done
      (string-fill! s c)
      (loop (if (char=? c #\a) #\b #\a))))))))
`)
	for i := 0; i < n; i++ {
		in.WriteString(",d s\n(error \"shared\" s)\n,exn\n")
	}
	in.WriteString("(set! done #t)\n(thread-join! filler)\n")
	out, err := runSession(t, in.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	whole := regexp.MustCompile(`"(a{40}|b{40})"`)
	counts := map[string]int{}
	for _, line := range strings.Split(out, "\n") {
		for _, kind := range []string{" is a string of 40 characters", "Error: shared: ", "exn.arguments: ("} {
			if !strings.Contains(line, kind) {
				continue
			}
			counts[kind]++
			if !whole.MatchString(line) {
				t.Errorf("a string read half-way through a refill: %q", line)
			}
		}
	}
	// ,exn repeats the error's line
	if counts[" is a string of 40 characters"] != n || counts["Error: shared: "] != 2*n || counts["exn.arguments: ("] != n {
		t.Fatalf("counts %v of %d commands each:\n%s", counts, n, out)
	}
}
