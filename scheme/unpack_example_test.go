package scheme_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// A row declared with Lambda: the runtime checks the types, fills in the
// defaults and names the parameter in errors; an unknown keyword is ignored
// with a warning on the error port.
func ExampleLambda() {
	var stderr strings.Builder
	in := scheme.New(scheme.WithStdio(strings.NewReader(""), &stderr, &stderr))
	_ = in.Register(&scheme.Library{Name: "(greet)", Procs: []scheme.Proc{{
		Name: "greet*", Doc: "Greet someone.",
		Args: scheme.Lambda(scheme.KeyRequired("name", scheme.TypeString), scheme.Key("punct", scheme.TypeString, scheme.NewString("!"))),
		Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
			return scheme.NewString("hello " + args[0].(*scheme.String).String() + args[1].(*scheme.String).String()), nil
		},
	}}})
	in.Import("(greet)")
	fmt.Println(in.Library("(greet)").Procs[0].Signature())
	for _, src := range []string{`(greet* name: "bob")`, `(greet* name: "bob" puncht: "?")`, `(greet* name: 42)`, `(greet*)`} {
		v, err := in.EvalString(context.Background(), src)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(scheme.DisplayString(v))
	}
	fmt.Print(stderr.String())
	// Output:
	// (greet* #!key name (punct "!"))
	// hello bob!
	// hello bob!
	// scheme: <input>:1:1: (greet*) bad argument type in keyword name: (expected string): 42
	// scheme: <input>:1:1: (greet*) missing required keyword name:
	// Warning: greet*: unknown keyword puncht: ignored — did you mean punct:?
}
