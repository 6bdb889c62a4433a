// SRFI-42 eager comprehensions: the reference implementation in srfi42.scm.

// Package srfi42 is SRFI-42, (srfi 42) or (srfi :42 eager-comprehensions):
// eager comprehensions, loops written as (list-ec qualifier ... expression).
// tlsport's reader reads :name as a keyword; a qualifier written (:range i
// 10) is still the generator :range, but elsewhere — a generator passed as
// a value, a new generator defined with define-syntax — write the symbol
// as |:name|.
package srfi42

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi42.scm
var source string

const spec = "srfi-42"

// Library is the (srfi 42) binding table; srfi42.scm defines every row. It
// is ImportOnly: :, index-free names such as first-ec are bound only where
// a program imports the library.
var Library = &scheme.Library{Name: "(srfi 42)", Doc: "SRFI-42: eager comprehensions (the reference implementation).", ImportOnly: true,
	Source: scheme.LibrarySource("srfi42.scm", source), Procs: []scheme.Proc{
		{Name: "do-ec", Spec: spec, Sig: "syntax (do-ec qualifier ... command)", Doc: "Evaluates command for each binding the qualifiers (generators, nested, if, not, and, or, begin) produce, for its effects."},
		{Name: "list-ec", Spec: spec, Sig: "syntax (list-ec qualifier ... expression)", Doc: "The list of the values of expression for the qualifiers' bindings, in order."},
		{Name: "append-ec", Spec: spec, Sig: "syntax (append-ec qualifier ... expression)", Doc: "The lists expression gives, appended."},
		{Name: "string-ec", Spec: spec, Sig: "syntax (string-ec qualifier ... expression)", Doc: "The string of the characters expression gives."},
		{Name: "string-append-ec", Spec: spec, Sig: "syntax (string-append-ec qualifier ... expression)", Doc: "The strings expression gives, appended."},
		{Name: "vector-ec", Spec: spec, Sig: "syntax (vector-ec qualifier ... expression)", Doc: "The vector of the values of expression."},
		{Name: "vector-of-length-ec", Spec: spec, Sig: "syntax (vector-of-length-ec k qualifier ... expression)", Doc: "The vector of the k values of expression; an error when there are more or fewer than k."},
		{Name: "sum-ec", Spec: spec, Sig: "syntax (sum-ec qualifier ... expression)", Doc: "The sum of the values of expression (0 for none)."},
		{Name: "product-ec", Spec: spec, Sig: "syntax (product-ec qualifier ... expression)", Doc: "The product of the values of expression (1 for none)."},
		{Name: "min-ec", Spec: spec, Sig: "syntax (min-ec qualifier ... expression)", Doc: "The least value of expression; an error for none."},
		{Name: "max-ec", Spec: spec, Sig: "syntax (max-ec qualifier ... expression)", Doc: "The greatest value of expression; an error for none."},
		{Name: "any?-ec", Spec: spec, Sig: "syntax (any?-ec qualifier ... test)", Doc: "#t at the first binding for which test is true (the rest are not generated), else #f."},
		{Name: "every?-ec", Spec: spec, Sig: "syntax (every?-ec qualifier ... test)", Doc: "#f at the first binding for which test is false (the rest are not generated), else #t."},
		{Name: "first-ec", Spec: spec, Sig: "syntax (first-ec default qualifier ... expression)", Doc: "The value of expression for the first binding (the rest are not generated), or default if there is none."},
		{Name: "last-ec", Spec: spec, Sig: "syntax (last-ec default qualifier ... expression)", Doc: "The value of expression for the last binding, or default if there is none."},
		{Name: "fold-ec", Spec: spec, Sig: "syntax (fold-ec x0 qualifier ... expression f2)", Doc: "Folds the values of expression with (f2 value accumulator), from x0."},
		{Name: "fold3-ec", Spec: spec, Sig: "syntax (fold3-ec x0 qualifier ... expression f1 f2)", Doc: "(f1 value) for the first value of expression, then (f2 value accumulator); x0 if there is none."},
		{Name: ":", Spec: spec, Replaces: true, Sig: "syntax (: var [(index i)] arg ...)", Doc: "The generator chosen by the types of the args (:list, :string, :vector, :range, :real-range, :char-range, :port), through the dispatcher (:-dispatch-ref)."},
		{Name: ":list", Spec: spec, Sig: "syntax (:list var [(index i)] list ...)", Doc: "Generator: var runs over the elements of the lists in order."},
		{Name: ":string", Spec: spec, Sig: "syntax (:string var [(index i)] string ...)", Doc: "Generator: var runs over the characters of the strings."},
		{Name: ":vector", Spec: spec, Sig: "syntax (:vector var [(index i)] vector ...)", Doc: "Generator: var runs over the elements of the vectors."},
		{Name: ":integers", Spec: spec, Sig: "syntax (:integers var [(index i)])", Doc: "Generator: var runs over 0, 1, 2 … without end (stop it with :while or first-ec)."},
		{Name: ":range", Spec: spec, Sig: "syntax (:range var [(index i)] [start] stop [step])", Doc: "Generator: var runs over the exact integers from start (0) by step (1) up to but not including stop."},
		{Name: ":real-range", Spec: spec, Sig: "syntax (:real-range var [(index i)] [start] stop [step])", Doc: "Generator: var runs over the reals start + k·step (start 0, step 1) below stop."},
		{Name: ":char-range", Spec: spec, Sig: "syntax (:char-range var [(index i)] min max)", Doc: "Generator: var runs over the characters from min to max inclusive."},
		{Name: ":port", Spec: spec, Sig: "syntax (:port var [(index i)] port [read-proc])", Doc: "Generator: var runs over the data (read-proc port) gives (read) until the end of file."},
		{Name: ":dispatched", Spec: spec, Sig: "syntax (:dispatched var [(index i)] dispatch arg ...)", Doc: "Generator: var runs over the values of the generator procedure (dispatch (list arg ...)) returns."},
		{Name: ":do", Spec: spec, Sig: "syntax (:do [(let (binding ...) command ...)] (loop-binding ...) not-end1? [(let (binding ...) command ...) not-end2?] (step ...))", Doc: "Generator: the general loop, as do with an optional outer and inner let and a second end test."},
		{Name: ":let", Spec: spec, Sig: "syntax (:let var [(index i)] expression)", Doc: "Generator: var bound once to expression."},
		{Name: ":parallel", Spec: spec, Sig: "syntax (:parallel generator ...)", Doc: "Generator: runs the generators in step, ending with the first to end."},
		{Name: ":while", Spec: spec, Sig: "syntax (:while generator test)", Doc: "Generator: generator's bindings while test is true of them."},
		{Name: ":until", Spec: spec, Sig: "syntax (:until generator test)", Doc: "Generator: generator's bindings up to and including the first for which test is true."},
		{Name: ":generator-proc", Spec: spec, Sig: "syntax (:generator-proc (generator arg ...))", Doc: "A generator procedure (of one argument, the value to return at the end) running generator, for :dispatched and dispatchers; write the generator as the symbol, e.g. (|:generator-proc| (|:list| l))."},
		{Name: ":-dispatch-ref", Spec: spec, Sig: "(:-dispatch-ref)", Doc: "The dispatcher : uses: a procedure from the list of :'s args to a generator procedure, or #f."},
		{Name: ":-dispatch-set!", Spec: spec, Sig: "(:-dispatch-set! dispatch)", Doc: "Makes dispatch the dispatcher : uses."},
		{Name: "make-initial-:-dispatch", Spec: spec, Sig: "(make-initial-:-dispatch)", Doc: "A new dispatcher handling what : handles initially: lists, strings, vectors, integers, reals, characters and ports."},
		{Name: "dispatch-union", Spec: spec, Sig: "(dispatch-union d1 d2)", Doc: "A dispatcher trying d1 and d2; an error when both accept the same arguments."},
	}}
