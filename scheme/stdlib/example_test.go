package stdlib_test

import (
	"context"
	"fmt"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// An interpreter with the standard libraries: (chicken string), (srfi 69) …
// are bound without an import, as in CHICKEN's csi.
func ExampleNew() {
	in := stdlib.New()
	v, err := in.EvalString(context.Background(), `
(define h (make-hash-table))
(hash-table-set! h "k" (string-intersperse '("a" "b" "c") "-"))
(hash-table-ref h "k")`)
	fmt.Println(scheme.WriteString(v), err)
	// Output: "a-b-c" <nil>
}
