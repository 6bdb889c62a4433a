package scheme_test

import (
	"context"
	"fmt"

	"github.com/tlsport/tlsport/scheme"
)

func ExampleInterp_EvalString() {
	in := scheme.New()
	v, err := in.EvalString(context.Background(), "(define (sq x) (* x x)) (sq 12)")
	fmt.Println(scheme.WriteString(v), err)
	// Output: 144 <nil>
}

func ExampleInterp_Register() {
	in := scheme.New()
	_ = in.Register(&scheme.Library{Name: "(greet)", Procs: []scheme.Proc{{
		Name: "greet", Sig: "(greet name #!key (punct \"!\"))", Doc: "Greet someone.",
		Args: scheme.Params{Required: []string{"name"}, Keys: []string{"punct"}},
		Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
			p := scheme.OrDefault(args[1], scheme.NewString("!"))
			return scheme.NewString("hello " + scheme.DisplayString(args[0]) + scheme.DisplayString(p)), nil
		},
	}}})
	v, _ := in.EvalString(context.Background(), `(import (greet)) (greet "bob" punct: "?")`)
	fmt.Println(scheme.DisplayString(v))
	// Output: hello bob?
}
