// Output: the shared standard output that remembers whether the cursor is at the start of a line.

package repl

import (
	"io"
	"sync"
)

// Output wraps a writer that the REPL and the Scheme program share
// (standard output, standard error) and remembers whether the last byte
// written to it ended a line. The REPL reads that before it draws a prompt:
// when a program displayed text without a final newline, the prompt starts
// on a fresh line instead of being drawn over it. Give the same *Output to
// the interpreter (as its Stdout) and to the REPL (as [Options.Out]); wrap
// standard error with [Output.Also] so both share one cursor. Output is
// safe for concurrent use.
type Output struct {
	w  io.Writer
	st *cursor
}

// cursor is the state shared by the Outputs of one screen.
type cursor struct {
	mu      sync.Mutex
	midLine bool // the last byte written was not a newline
}

// NewOutput returns an Output writing to w, its cursor at the start of a line.
func NewOutput(w io.Writer) *Output { return &Output{w: w, st: &cursor{}} }

// Also returns an Output writing to w that shares o's cursor: use it for
// a second stream that ends up on the same terminal (standard error).
func (o *Output) Also(w io.Writer) *Output { return &Output{w: w, st: o.st} }

// Write implements io.Writer.
func (o *Output) Write(p []byte) (int, error) {
	o.st.mu.Lock()
	defer o.st.mu.Unlock()
	n, err := o.w.Write(p)
	if n > 0 {
		o.st.midLine = p[n-1] != '\n'
	}
	return n, err
}

// FreshLine writes a newline when the cursor is not at the start of a
// line, as CHICKEN's fresh-line does; it reports whether it wrote one.
func (o *Output) FreshLine() bool {
	o.st.mu.Lock()
	defer o.st.mu.Unlock()
	if !o.st.midLine {
		return false
	}
	if _, err := o.w.Write([]byte{'\n'}); err == nil {
		o.st.midLine = false
	}
	return true
}

// atLineStart records that the cursor is at the start of a line: the user
// ended the input line with Enter, which the terminal echoed.
func (o *Output) atLineStart() {
	o.st.mu.Lock()
	o.st.midLine = false
	o.st.mu.Unlock()
}
