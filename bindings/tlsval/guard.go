// Calling a Scheme procedure on the current thread with its raises caught.

package tlsval

import "github.com/tlsport/tlsport/scheme"

// GuardedCall applies proc to args on th; a condition raised by proc does
// not reach th's handlers but is returned as a *scheme.Error.
func GuardedCall(th *scheme.Thread, proc scheme.Value, args ...scheme.Value) (scheme.Value, error) {
	return guardedCall(th, proc, args)
}
