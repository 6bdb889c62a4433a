package repl

import (
	"strings"
	"testing"
)

// TestCommandsReadSharedValuesWhole: ,describe, ,exn and the error
// printer walk values in Go while a thread keeps changing them; they read
// them under the interpreter's lock, so every line is whole (and the race
// detector sees no race).
func TestCommandsReadSharedValuesWhole(t *testing.T) {
	const n = 150
	var in strings.Builder
	in.WriteString(`(import (srfi 18))
(define v (vector '() 0))
(define stop #f)
(define flipper (thread-start! (make-thread (lambda ()
  (let loop ((i 0))
    (unless stop
      (vector-set! v 0 (if (null? (vector-ref v 0)) (list i i) '()))
      (vector-set! v 1 i)
      (loop (+ i 1))))))))
`)
	for i := 0; i < n; i++ {
		in.WriteString(",d v\n(error \"shared\" v)\n,exn\n")
	}
	in.WriteString("(set! stop #t)\n(thread-join! flipper)\n")
	out, err := runSession(t, in.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	described, errors, exns := 0, 0, 0
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.Contains(line, " is a vector of 2 elements"):
			if !strings.HasPrefix(line, "#(") && !strings.Contains(line, "> #(") {
				t.Errorf("torn description: %q", line)
			}
			described++
		case strings.Contains(line, "Error: shared: #("):
			if !strings.HasSuffix(line, ")") {
				t.Errorf("torn error: %q", line)
			}
			errors++
		case strings.Contains(line, "exn.arguments: (#("):
			exns++
		}
	}
	if described != n || errors != 2*n || exns != n { // ,exn repeats the error line
		t.Fatalf("%d descriptions, %d error lines, %d ,exn; %d commands each:\n%s", described, errors, exns, n, out)
	}
}
