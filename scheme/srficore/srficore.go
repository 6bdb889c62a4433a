// The SRFIs whose bindings the core defines, as importable libraries.

// Package srficore makes the SRFIs the core implements importable as
// libraries — srfi-N, (srfi N) and (srfi :N …) — so CHICKEN and Sagittarius
// programs that import them run: 8 (receive), 9 (define-record-type), 11
// (let-values), 16 (case-lambda), 23 (error), 28 (format), 31 (rec), 39
// (parameters), 87 (case with =>) and 98 (environment variables). Every row re-exports a core
// binding (no Fn).
package srficore

import "github.com/tlsport/tlsport/scheme"

// SRFI8 is (srfi 8).
var SRFI8 = &scheme.Library{Name: "(srfi 8)", Doc: "SRFI-8: receive.", Procs: []scheme.Proc{
	{Name: "receive", Spec: "srfi-8", Sig: "syntax (receive formals expression body ...)", Doc: "Binds formals (as lambda's) to the values of expression and evaluates body."},
}}

// SRFI9 is (srfi 9).
var SRFI9 = &scheme.Library{Name: "(srfi 9)", Doc: "SRFI-9: defining record types.", Procs: []scheme.Proc{
	{Name: "define-record-type", Spec: "srfi-9", Sig: "syntax (define-record-type type-name (constructor field ...) predicate (field accessor [modifier]) ...)", Doc: "Defines a new, disjoint record type with its constructor, predicate, accessors and modifiers."},
}}

// SRFI11 is (srfi 11).
var SRFI11 = &scheme.Library{Name: "(srfi 11)", Doc: "SRFI-11: syntax for receiving multiple values.", Procs: []scheme.Proc{
	{Name: "let-values", Spec: "srfi-11", Sig: "syntax (let-values ((formals expression) ...) body ...)", Doc: "Binds each formals to the values of its expression, all evaluated in the outer environment."},
	{Name: "let*-values", Spec: "srfi-11", Sig: "syntax (let*-values ((formals expression) ...) body ...)", Doc: "let-values binding from left to right, each binding visible to the next."},
}}

// SRFI16 is (srfi 16).
var SRFI16 = &scheme.Library{Name: "(srfi 16)", Doc: "SRFI-16: syntax for procedures of variable arity.", Procs: []scheme.Proc{
	{Name: "case-lambda", Spec: "srfi-16", Sig: "syntax (case-lambda (formals body ...) ...)", Doc: "A procedure running the body of the first clause whose formals accept the arguments."},
}}

// SRFI23 is (srfi 23).
var SRFI23 = &scheme.Library{Name: "(srfi 23)", Doc: "SRFI-23: error reporting mechanism.", Procs: []scheme.Proc{
	{Name: "error", Spec: "srfi-23", Sig: "(error reason arg ...)", Doc: "Signals an error reporting the message reason and the args."},
}}

// SRFI28 is (srfi 28).
var SRFI28 = &scheme.Library{Name: "(srfi 28)", Doc: "SRFI-28: basic format strings.", Procs: []scheme.Proc{
	{Name: "format", Spec: "srfi-28", Sig: "(format format-string obj ...)", Doc: "format-string with ~a (display), ~s (write), ~% (newline) and ~~ replaced (CHICKEN's format, which also takes a destination first)."},
}}

// SRFI31 is (srfi 31).
var SRFI31 = &scheme.Library{Name: "(srfi 31)", Doc: "SRFI-31: a special form rec for recursive evaluation.", Procs: []scheme.Proc{
	{Name: "rec", Spec: "srfi-31", Sig: "syntax (rec name-or-(name . formals) expression ...)", Doc: "(rec name expression) is expression with name bound to its own value, (letrec ((name expression)) name); (rec (name . formals) body ...) is (rec name (lambda formals body ...))."},
}}

// SRFI39 is (srfi 39).
var SRFI39 = &scheme.Library{Name: "(srfi 39)", Doc: "SRFI-39: parameter objects.", Procs: []scheme.Proc{
	{Name: "make-parameter", Spec: "srfi-39", Sig: "(make-parameter init [converter])", Doc: "A parameter object bound to (converter init)."},
	{Name: "parameterize", Spec: "srfi-39", Sig: "syntax (parameterize ((param value) ...) body ...)", Doc: "Evaluates body with each param bound to (converter value) in the dynamic extent."},
}}

// SRFI87 is (srfi 87).
var SRFI87 = &scheme.Library{Name: "(srfi 87)", Doc: "SRFI-87: => in case clauses.", Procs: []scheme.Proc{
	{Name: "case", Spec: "srfi-87", Sig: "syntax (case key clause ...)", Doc: "R7RS's case, whose clauses ((datum ...) => receiver) and (else => receiver) call receiver on the key."},
}}

// SRFI98 is (srfi 98).
var SRFI98 = &scheme.Library{Name: "(srfi 98)", Doc: "SRFI-98: access to environment variables.", Procs: []scheme.Proc{
	{Name: "get-environment-variable", Spec: "srfi-98", Sig: "(get-environment-variable name)", Doc: "The value of the environment variable name as a string, or #f."},
	{Name: "get-environment-variables", Spec: "srfi-98", Sig: "(get-environment-variables)", Doc: "The environment variables as an alist of (name . value) strings."},
}}

// Libraries are the libraries of the package, for scheme/stdlib.
var Libraries = []*scheme.Library{SRFI8, SRFI9, SRFI11, SRFI16, SRFI23, SRFI28, SRFI31, SRFI39, SRFI87, SRFI98}
