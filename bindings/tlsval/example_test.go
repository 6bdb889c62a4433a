package tlsval_test

import (
	"context"
	"fmt"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// A *conditions.Error returned by a primitive reaches Scheme as a composite
// condition once Install has registered the converter.
func ExampleInstall() {
	in := stdlib.New()
	tlsval.Install(in)
	_ = in.Register(&scheme.Library{Name: "(example)", Procs: []scheme.Proc{{Name: "fail", Sig: "(fail)",
		Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
			return nil, tlsval.Located("fail", conditions.Unsupported("DSA keys are not supported by Go crypto/tls"))
		}}}})
	in.Import("(example)")
	v, err := in.EvalString(context.Background(), `
(condition-case (fail)
  (e (exn i/o net openssl unsupported)
     (list (get-condition-property e 'exn 'location)
           (get-condition-property e 'openssl 'status))))`)
	fmt.Println(scheme.WriteString(v), err)
	// Output: (fail #f) <nil>
}

// Condition builds the Scheme condition of a Go TLS error directly.
func ExampleCondition() {
	c := tlsval.Condition(conditions.Timeout(conditions.OpRead, conditions.Some(100), nil))
	ms, _ := c.Get("timeout", "ms")
	fmt.Println(c.Message(), scheme.WriteString(ms), c.Has("openssl"))
	// Output: SSL read timed out 100 false
}

// MS converts a millisecond argument (or #f, no limit).
func ExampleMS() {
	d, _ := tlsval.MS("tcp-read-timeout", 1, scheme.Fixnum(1500))
	none, _ := tlsval.MS("tcp-read-timeout", 1, scheme.False)
	fmt.Println(d, none)
	// Output: 1.5s 0s
}
