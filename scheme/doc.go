// Package scheme is tlsport's embedded Scheme: R7RS-small with CHICKEN's
// conveniences (#!optional/#!key lambda lists, keywords, composite
// conditions) and SRFI-18 threads on goroutines.
//
// # Pipeline
//
// Source text is read by read.go into datums (a side table keeps
// file:line:col for every pair), expanded by expand.go (derived forms and
// syntax-rules, with renaming hygiene) into a small core language, given
// lexical addresses by resolve.go, compiled into Go closures by compile.go and
// run by the trampoline in run.go. Continuation frames live on the heap, so
// tail calls, re-entrant call/cc and very deep non-tail recursion never grow
// the Go stack.
//
// # Values
//
// Every Scheme datum is a [Value]. Go nil is never a Scheme value.
//
//	'() [Null]   #t/#f [True]/[False]   unspecified [Unspecified]
//	eof [EOF]    #!default [Default]    numbers [Fixnum] [*Bignum] [*Ratnum] [Flonum]
//	[Char] [*String] [*Symbol] [*Keyword] [*Pair] [*Vector] [*Bytevector]
//	[*MultipleValues] [*Primitive] [*Closure] [*Continuation] [*Parameter]
//	[*Record] [*RecordType] [*Condition] [*Promise] [*Environment] [*Thread]
//	[*Opaque] (host objects printing as #<name>)
//
// # Go procedures
//
// Go procedures are rows of a [Library] binding table ([Proc]) with a
// [PrimFn] body. The runtime checks arity and keywords against [Params]
// before calling the body. [Interp.Register] makes a library importable.
//
// # Continuations
//
// call/cc captures the heap frame list in O(1); continuations may be
// re-entered any number of times, and dynamic-wind, parameterize and the
// exception-handler stack are part of what they capture. A Go primitive that
// calls back into Scheme ([Thread.Call]) starts a nested run: a continuation
// captured inside it can escape outward (also through several nested runs),
// but re-entering it after the nested call returned raises an error.
// Non-tail recursion is limited only by memory (see [WithMaxDepth]); the Go
// stack never grows with Scheme recursion.
//
// # Concurrency
//
// An [Interp] may be used from several goroutines; each evaluation runs on
// its own [Thread], and SRFI-18 threads are goroutines whose contexts derive
// from the Interp's ([Interp.Close] cancels them). Cancelling the context
// passed to Eval stops a running evaluation at its next procedure call. Global variables are cells read and written atomically.
// Symbols and keywords are interned in one process-wide, append-only table,
// the only package-level state.
//
// # Errors
//
// Eval, EvalString and Load return a [*Error] holding the raised condition,
// the Scheme call stack and, through Unwrap, the Go cause.
package scheme
