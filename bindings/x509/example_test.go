// Runnable examples of (rfc x509).

package x509_test

import (
	"context"
	"fmt"

	"github.com/tlsport/tlsport/bindings/x509"
	"github.com/tlsport/tlsport/scheme"
)

// Dates of validity periods print in ISO 8601.
func Example() {
	in := scheme.New()
	if err := in.Register(x509.Library); err != nil {
		panic(err)
	}
	in.Import(x509.Library.Name)
	v, err := in.EvalString(context.Background(), `(date->string (make-date 0 0 30 12 1 6 2030 0))`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.DisplayString(v))
	// Output: 2030-06-01T12:30:00Z
}
