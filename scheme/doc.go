// Package scheme is the core of tlsport's embedded Scheme: R7RS-small with
// CHICKEN's conveniences (#!optional/#!key lambda lists, keywords, composite
// conditions) and SRFI-18 threads on goroutines, once the libraries of
// scheme/stdlib are added (see "Core and libraries").
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
//	eof [EOF]    #!default [Default]    numbers [Fixnum] [*Bignum] [*Ratnum] [Flonum] [*Compnum]
//	[Char] [*String] [*Symbol] [*Keyword] [*Pair] [*Vector] [*Bytevector]
//	[*MultipleValues] [*Primitive] [*Closure] [*Continuation] [*Parameter]
//	[*Record] [*RecordType] [*Condition] [*Promise] [*Environment] [*Thread]
//	[*Opaque] (host objects printing as #<name>)
//
// # Go procedures
//
// Every built-in is a row of a [Library] binding table ([Proc]): its Scheme
// name, spec section, signature, doc (,help prints them) and one Go function.
// A procedure's Go function is a [PrimFn]; the core's own rows may carry a
// special form's expander or a control procedure (call/cc, dynamic-wind …)
// instead, and rows without a function document the procedures the boot
// code (boot/*.scm) defines. [Interp.Register] makes a library importable.
//
// The Go function behind a Scheme name is found by a rule ([GoName]), so
// grep works both ways: drop the hyphens and use camelCase, with ? → P,
// ! → Bang, * → Star, -> → To, / → With, < > = <= >= → Lt Gt Eq Le Ge and
// + → Plus and & → And inside a name; a leading % (internal names) → the prefix
// internal; a name that is a Go keyword or predeclared identifier gets the
// suffix Proc; the operators + - * / = < > <= >= are add sub mul div numEq
// lt gt le ge. So ssl-connect* → sslConnectStar, call/cc → callWithCc,
// string->list → stringToList, char<=? → charLeP, error → errorProc. A
// special form's expander is expand + the capitalised name (if → expandIf).
// One Go function per name, and none looks at the name it was called
// under; a row whose doc says "Same as X." shares X's function.
//
// # Arguments
//
// The runtime checks a call against the row's [Params] before the Go
// function runs: arity, keywords (an unknown keyword is ignored as
// CHICKEN's #!key does, with a warning on the current error port naming the
// closest valid one; [Proc].ValidateKeys makes it an error) and, for rows
// declared with [Lambda] ([Req], [Opt], [Key], [KeyRequired], [Rest],
// [SpreadRest]), each argument's [Type] and the defaults of absent ones.
// Errors name the procedure and the parameter (by position, or by keyword)
// and are (exn type) conditions, with the library's [Library].TypeKinds
// added. A row's signature may be derived from its Args ([Proc.Signature]);
// a written Sig must agree with them ([Proc.SigMismatch]).
//
// # Core and libraries
//
// This package is the core: reader, expander, compiler, runtime, the value
// types and the procedures the evaluator, its expansions and the boot code
// need (lists, numbers, strings, vectors, bytevectors, ports, records,
// threads), SRFI 17's setter (for the generalized set!) and the reader's
// settings and read tables ((chicken read-syntax), [KeywordStyle] and the
// other parameters the reader follows). Further libraries live in scheme/<lib> packages
// (scheme/schemechar, scheme/schemecomplex, the CHICKEN 5 units
// scheme/chickenbase, chickenbitwise, chickenblob, chickencondition,
// chickenerrno, chickenfile, chickenfileposix, chickenfixnum, chickenflonum,
// chickenformat, chickenio, chickenkeyword, chickenpathname, chickenport,
// chickenprettyprint, chickenprocess, chickenprocesscontext,
// chickenprocesscontextposix, chickenprocesssignal, chickenrandom,
// chickensort, chickenstring, chickentime, chickentimeposix and
// scheme/irregex, the SRFIs in scheme/srfi1, srfi2, srfi4, srfi13, srfi14,
// srfi19, srfi26, srfi69, srfi130, srfi133 and scheme/srficore), each a
// table over this package's exported API (procedures best written in Scheme
// are embedded source, [LibrarySource]); they are
// added with [WithLibraries], and package scheme/stdlib lists the standard
// set ([New] alone gives the core). An interpreter binds a library's
// procedures when a name is first looked up, and evaluates a library's
// Scheme source, and the boot code, the first time a program refers to a
// name they define, so making one costs little however many libraries it
// has ([WithEagerLoading] evaluates the sources at once).
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
