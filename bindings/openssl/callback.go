// Calling Scheme procedures from Go callbacks that run on handshake goroutines.

package openssl

import (
	"context"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// callScheme applies proc to args on a fresh Scheme thread of in (Go
// callbacks may run on any goroutine, so they never reuse a caller's thread).
func callScheme(in *scheme.Interp, proc scheme.Value, args ...scheme.Value) (scheme.Value, error) {
	quote := scheme.Intern("quote")
	form := []scheme.Value{scheme.List(quote, proc)}
	for _, a := range args {
		form = append(form, scheme.List(quote, a))
	}
	return in.Eval(context.Background(), scheme.List(form...))
}

// lineCallback is an io.Writer calling a Scheme procedure with each
// complete line written (the key-log procedure).
type lineCallback struct {
	in   *scheme.Interp
	proc scheme.Value
}

func (l lineCallback) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		if line == "" {
			continue
		}
		if _, err := callScheme(l.in, l.proc, scheme.NewString(line)); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}
