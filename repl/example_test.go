// Runnable examples of the repl package.

package repl_test

import (
	"context"
	"os"
	"strings"

	"github.com/tlsport/tlsport/repl"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// A piped session: prompts are plain text, results are written with write,
// several values one per line, and an error does not end the session. The
// prompt's number is that of the next result in the history (#3 is the
// next one here: the error added none), as csi numbers them.
func ExampleRun() {
	in := repl.NewInput(strings.NewReader("(define (sq x)\n  (* x x))\n(values (sq 3) \"nine\")\n(car '())\n,quit\n"))
	interp := stdlib.New(scheme.WithStdio(in, os.Stdout, os.Stdout))
	err := repl.Run(context.Background(), interp, repl.Options{In: in, Out: os.Stdout, Err: os.Stdout})
	if err != nil {
		panic(err)
	}
	// Output:
	// #;1>    . #;2> 9
	// "nine"
	// #;3> Error: (car) bad argument type in argument 1 (expected pair): ()
	//   kinds: (exn type)
	//   call stack (innermost first):
	//     ?: car
	// #;3>
}

// Sharing an Output between the interpreter and the REPL: text displayed
// without a final newline is not drawn over by the next prompt.
func ExampleNewOutput() {
	out := repl.NewOutput(os.Stdout)
	in := repl.NewInput(strings.NewReader("(display \"no newline\")\n(+ 1 2)\n"))
	interp := stdlib.New(scheme.WithStdio(in, out, out))
	if err := repl.Run(context.Background(), interp, repl.Options{In: in, Out: out, Err: out}); err != nil {
		panic(err)
	}
	// Output:
	// #;1> no newline
	// #;2> 3
	// #;3>
}

// EvalPrint is what tlsport -e does.
func ExampleEvalPrint() {
	interp := stdlib.New()
	if err := repl.EvalPrint(context.Background(), interp, "(+ 1 2) (list 'a \"b\")", os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// 3
	// (a "b")
}
