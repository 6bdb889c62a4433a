// Documentation rows for the forms and procedures built into the evaluator (special forms, control, boot code) for ,help.

package scheme

import (
	"sort"
	"strings"
)

// builtinDocLib names the doc-only table listing the builtin names that no
// binding table documents (syntax, call/cc, boot procedures …).
const builtinDocLib = "(tlsport builtins)"

// builtinDocs: one "name | signature | spec | doc" per line; syntax rows
// have a signature starting with "syntax ".
const builtinDocs = `
quote | syntax (quote datum) | r7rs §4.1.2 | The datum itself, unevaluated; 'datum is short for it.
if | syntax (if test consequent [alternate]) | r7rs §4.1.5 | Evaluates consequent when test is true, else alternate.
define | syntax (define var expr) (define (name . formals) body ...) | r7rs §5.3 | Defines a variable (globally or in the enclosing body); CHICKEN #!optional/#!key/#!rest lambda lists allowed.
define-constant | syntax (define-constant var expr) | CHICKEN (chicken base) | Same as define.
define-inline | syntax (define-inline (name . formals) body ...) | CHICKEN (chicken base) | Same as define.
define-syntax | syntax (define-syntax keyword transformer) | r7rs §5.4 | Binds keyword to a syntax-rules transformer.
begin | syntax (begin expr ...) | r7rs §4.2.3 | Evaluates the exprs in order, returning the last value; at top level splices definitions.
set! | syntax (set! var expr) | r7rs §4.1.6 | Assigns expr's value to an existing variable.
lambda | syntax (lambda formals body ...) | r7rs §4.1.4 | A procedure; formals may use #!optional, #!key and #!rest (CHICKEN).
named-lambda | syntax (named-lambda (name . formals) body ...) | CHICKEN (chicken base) | A lambda that knows its name.
let | syntax (let [name] ((var init) ...) body ...) | r7rs §4.2.2, §4.2.4 | Binds vars in parallel; named let binds name to a loop procedure.
letrec | syntax (letrec ((var init) ...) body ...) | r7rs §4.2.2 | Mutually recursive bindings.
letrec* | syntax (letrec* ((var init) ...) body ...) | r7rs §4.2.2 | Recursive bindings initialised left to right.
let* | syntax (let* ((var init) ...) body ...) | r7rs §4.2.2 | Sequential bindings.
and | syntax (and test ...) | r7rs §4.2.1 | The first false value, else the last value (#t with no tests).
or | syntax (or test ...) | r7rs §4.2.1 | The first true value, else #f.
when | syntax (when test expr ...) | r7rs §4.2.1 | Evaluates the exprs when test is true.
unless | syntax (unless test expr ...) | r7rs §4.2.1 | Evaluates the exprs when test is false.
cond | syntax (cond (test expr ...) ... (test => receiver) ... (else expr ...)) | r7rs §4.2.1 | The first clause whose test is true; => passes the test's value to receiver.
case | syntax (case key ((datum ...) expr ...) ... (else => receiver)) | r7rs §4.2.1 | The clause with a datum eqv? to key; => passes key to receiver.
do | syntax (do ((var init step) ...) (test expr ...) body ...) | r7rs §4.2.4 | Iteration: runs body and steps until test is true, then returns the exprs.
quasiquote | syntax (quasiquote template) | r7rs §4.2.8 | Template with unquote (,) and unquote-splicing (,@) at any nesting depth; also in vectors.
let-syntax | syntax (let-syntax ((keyword transformer) ...) body ...) | r7rs §4.3.1 | Local macros.
letrec-syntax | syntax (letrec-syntax ((keyword transformer) ...) body ...) | r7rs §4.3.1 | Local mutually recursive macros.
syntax-rules | syntax (syntax-rules [ellipsis] (literal ...) (pattern template) ...) | r7rs §4.3.2 | Pattern-matching macro transformer with hygiene.
delay | syntax (delay expr) | r7rs §4.2.5 | A promise evaluating expr once when forced.
delay-force | syntax (delay-force promise-expr) | r7rs §4.2.5 | A promise forcing the promise expr returns (iterative lazy algorithms in constant space).
cons-stream | syntax (cons-stream a b) | SRFI-40 style | (cons a (delay b)).
define-record-type | syntax (define-record-type name (ctor field ...) pred (field accessor [modifier]) ...) | r7rs §5.5 | Defines a record type, constructor, predicate, accessors and modifiers.
define-values | syntax (define-values formals expr) | r7rs §5.3.3 | Defines the variables of formals from expr's multiple values.
receive | syntax (receive formals expr body ...) | SRFI-8 | Binds formals to expr's values.
let-values | syntax (let-values ((formals expr) ...) body ...) | r7rs §4.2.2 | Binds multiple values in parallel.
let*-values | syntax (let*-values ((formals expr) ...) body ...) | r7rs §4.2.2 | Binds multiple values sequentially.
parameterize | syntax (parameterize ((param value) ...) body ...) | r7rs §4.2.6 | Rebinds parameters (through their converters) during body.
fluid-let | syntax (fluid-let ((var value) ...) body ...) | CHICKEN (chicken base) | Temporarily assigns variables during body, restoring them on exit.
case-lambda | syntax (case-lambda (formals body ...) ...) | r7rs §4.2.9 | A procedure dispatching on the number of arguments.
guard | syntax (guard (var clause ...) body ...) | r7rs §4.2.7 | Catches raised objects with cond-like clauses; re-raises when none matches.
handle-exceptions | syntax (handle-exceptions var handler-expr body ...) | CHICKEN (chicken condition) | Evaluates handler-expr with var bound to any condition raised by body.
condition-case | syntax (condition-case expr ((kind ...) body ...) (var (kind ...) body ...) ...) | CHICKEN (chicken condition) | Dispatches on the kinds of a condition raised by expr.
assert | syntax (assert expr [message]) | CHICKEN (chicken base) | Raises an error when expr is false.
include | syntax (include file ...) | r7rs §4.1.7 | Splices the forms read from the files.
include-ci | syntax (include-ci file ...) | r7rs §4.1.7 | include with case folding.
syntax-error | syntax (syntax-error message arg ...) | r7rs §4.3.3 | Signals an error when expanded.
cond-expand | syntax (cond-expand (feature-requirement body ...) ...) | r7rs §4.2.1 | Expands the first clause whose requirement (and/or/not/library) holds; see features.
import | syntax (import import-set ...) | r7rs §5.2 | Binds the names of libraries (only, except, prefix, rename allowed).
export | syntax (export spec ...) | r7rs §5.6 | Accepted and ignored (libraries are flat).
declare | syntax (declare spec ...) | CHICKEN | Accepted and ignored.
the | syntax (the type expr) | CHICKEN | expr (the type is not checked).
define-library | syntax (define-library name decl ...) | r7rs §5.6 | Evaluates the library's begin bodies and imports in the global environment.
test | syntax (test [name] expected expr) | (tlsport test) | Checks expr equals expected (equal?, or approximately for flonums).
test-values | syntax (test-values [name] expected expr) | (tlsport test) | Checks the values of expr.
test-assert | syntax (test-assert [name] expr) | (tlsport test) | Checks expr is true.
test-error | syntax (test-error [name] [(kind ...)] expr) | (tlsport test) | Checks expr raises (a condition of the kinds).
test-group | syntax (test-group name body ...) | (tlsport test) | Groups tests.
call-with-current-continuation | (call-with-current-continuation proc) | r7rs §6.10 | Calls proc with the current continuation (re-entrant, dynamic-wind aware).
call/cc | (call/cc proc) | r7rs §6.10 | Same as call-with-current-continuation.
call-with-escape-continuation | (call-with-escape-continuation proc) | CHICKEN | Same as call/cc.
exit | (exit [code]) | r7rs §6.14 | Runs outstanding dynamic-wind after thunks and ends the program (#t/none: 0, #f: 1).
call-with-values | (call-with-values producer consumer) | r7rs §6.10 | Calls consumer with the values of (producer).
dynamic-wind | (dynamic-wind before thunk after) | r7rs §6.10 | Calls thunk; before/after run on every entry/exit, also through continuations.
with-exception-handler | (with-exception-handler handler thunk) | r7rs §6.11 | Calls thunk with handler installed.
raise | (raise obj) | r7rs §6.11 | Raises obj; returning from the handler is an error.
abort | (abort obj) | CHICKEN (chicken condition) | Same as raise.
raise-continuable | (raise-continuable obj) | r7rs §6.11 | Raises obj; the handler's value is returned.
signal | (signal condition) | CHICKEN (chicken condition) | Same as raise-continuable.
error | (error [location] message irritant ...) | r7rs §6.11 | Raises an (exn) condition with message and irritants.
force | (force promise) | r7rs §4.2.5 | The value of the promise (computed once); non-promises are returned.
make-promise-lazy | (make-promise-lazy promise) | internal | Same as force.
eval | (eval expr [environment]) | r7rs §6.12 | Evaluates expr in the global environment.
load | (load file [environment]) | r7rs §6.14 | Reads and evaluates the forms of file.
condition/report-string | (condition/report-string condition) | CHICKEN (chicken condition) | The message and irritants of condition as a string.
current-input-port | (current-input-port) | r7rs §6.13 | Parameter: the current input port.
current-output-port | (current-output-port) | r7rs §6.13 | Parameter: the current output port.
current-error-port | (current-error-port) | r7rs §6.13 | Parameter: the current error port.
read-line-limit | (read-line-limit [count]) | tlsport | Parameter: characters read-line reads at most when called without a limit (#f = no limit, the default); a server sets e.g. (read-line-limit 8192) to bound the memory one line may take — a longer line comes back in pieces.
map | (map proc list1 list ...) | r7rs §6.10 | List of proc applied elementwise; stops at the shortest list.
for-each | (for-each proc list1 list ...) | r7rs §6.10 | Applies proc elementwise for effect.
vector-map | (vector-map proc vector1 vector ...) | r7rs §6.10 | Vector of proc applied elementwise (shortest vector).
vector-for-each | (vector-for-each proc vector1 vector ...) | r7rs §6.10 | Applies proc elementwise to vectors.
string-map | (string-map proc string1 string ...) | r7rs §6.10 | String of proc applied to the characters (shortest string).
string-for-each | (string-for-each proc string1 string ...) | r7rs §6.10 | Applies proc to the characters of the strings.
print | (print obj ...) | CHICKEN (chicken base) | Displays the objs then a newline.
make-list-of-thunk | (make-list-of-thunk n thunk) | tlsport | List of n results of (thunk).
call-with-port | (call-with-port port proc) | r7rs §6.13.1 | Calls proc with port, closing it when proc returns.
call-with-input-file | (call-with-input-file file proc) | r7rs §6.13.1 | Calls proc with an input port on file.
call-with-output-file | (call-with-output-file file proc) | r7rs §6.13.1 | Calls proc with an output port on file.
with-input-from-file | (with-input-from-file file thunk) | r7rs §6.13.1 | Calls thunk with current-input-port reading file.
with-output-to-file | (with-output-to-file file thunk) | r7rs §6.13.1 | Calls thunk with current-output-port writing file.
with-output-to-string | (with-output-to-string thunk) | CHICKEN (chicken port) | The output of thunk as a string.
call-with-output-string | (call-with-output-string proc) | CHICKEN (chicken port) | Calls proc with a string port, returns its contents.
with-input-from-string | (with-input-from-string string thunk) | CHICKEN (chicken port) | Calls thunk reading from string.
call-with-input-string | (call-with-input-string string proc) | CHICKEN (chicken port) | Calls proc with an input port on string.
read-lines | (read-lines [port [max]]) | CHICKEN (chicken io) | The remaining lines of port as a list of strings.
hash-table-map | (hash-table-map table proc) | CHICKEN (srfi 69) | List of (proc key value) over the table.
fold | (fold kons knil list ...) | SRFI-1 | Left fold: (kons elem acc).
fold-left | (fold-left f init list ...) | R6RS | Left fold: (f acc elem).
fold-right | (fold-right kons knil list ...) | SRFI-1 | Right fold.
reduce | (reduce f ridentity list) | SRFI-1 | Left fold without an initial value.
reduce-right | (reduce-right f ridentity list) | SRFI-1 | Right fold without an initial value.
filter | (filter pred list) | SRFI-1 | Elements satisfying pred.
remove | (remove pred list) | SRFI-1 | Elements not satisfying pred.
filter! | (filter! pred list) | SRFI-1 | filter, may reuse list.
remove! | (remove! pred list) | SRFI-1 | remove, may reuse list.
partition | (partition pred list) | SRFI-1 | Two values: elements satisfying pred and the others.
find-tail | (find-tail pred list) | SRFI-1 | First pair whose car satisfies pred, or #f.
find | (find pred list) | SRFI-1 | First element satisfying pred, or #f.
any | (any pred list ...) | SRFI-1 | First true result of pred, or #f.
every | (every pred list ...) | SRFI-1 | #f if pred fails on some element, else its last result.
count | (count pred list ...) | SRFI-1 | Number of elements satisfying pred.
filter-map | (filter-map f list ...) | SRFI-1 | The true results of f.
append-map | (append-map f list ...) | SRFI-1 | Appends the results of f.
append-map! | (append-map! f list ...) | SRFI-1 | append-map, may reuse storage.
map-in-order | (map-in-order f list ...) | SRFI-1 | map applying f left to right.
list-index | (list-index pred list ...) | SRFI-1 | Index of the first element satisfying pred, or #f.
take-while | (take-while pred list) | SRFI-1 | Longest prefix satisfying pred.
take-while! | (take-while! pred list) | SRFI-1 | take-while, may reuse list.
drop-while | (drop-while pred list) | SRFI-1 | list without its longest prefix satisfying pred.
span | (span pred list) | SRFI-1 | Two values: take-while and drop-while.
break | (break pred list) | SRFI-1 | span with pred negated.
span! | (span! pred list) | SRFI-1 | span, may reuse list.
break! | (break! pred list) | SRFI-1 | break, may reuse list.
delete | (delete x list [=]) | SRFI-1 | list without the elements equal to x.
delete! | (delete! x list [=]) | SRFI-1 | delete, may reuse list.
delete-duplicates | (delete-duplicates list [=]) | SRFI-1 | list without later duplicates.
delete-duplicates! | (delete-duplicates! list [=]) | SRFI-1 | delete-duplicates, may reuse list.
alist-delete | (alist-delete key alist [=]) | SRFI-1 | alist without the entries for key.
alist-delete! | (alist-delete! key alist [=]) | SRFI-1 | alist-delete, may reuse alist.
list-tabulate | (list-tabulate n proc) | SRFI-1 | (list (proc 0) ... (proc n-1)).
unfold | (unfold stop? mapper successor seed [tail-gen]) | SRFI-1 | Builds a list from a seed.
unfold-right | (unfold-right stop? mapper successor seed [tail]) | SRFI-1 | Builds a list from a seed, right to left.
pair-for-each | (pair-for-each proc list ...) | SRFI-1 | Applies proc to the successive pairs.
list= | (list= = list ...) | SRFI-1 | Lists elementwise equal by =.
merge | (merge list1 list2 less?) | CHICKEN (chicken sort) | Merges two sorted lists.
sort | (sort sequence less?) | CHICKEN (chicken sort) | Sorted copy of a list or vector (stable).
sort! | (sort! sequence less?) | CHICKEN (chicken sort) | Sorts in place.
list-sort | (list-sort less? list) | SRFI-132 | Sorted copy of list.
sorted? | (sorted? sequence less?) | CHICKEN (chicken sort) | Is sequence sorted by less??
`

// builtinDocRows parses builtinDocs.
func builtinDocRows() map[string]Proc {
	out := map[string]Proc{}
	for _, line := range strings.Split(builtinDocs, "\n") {
		f := strings.Split(line, " | ")
		if len(f) != 4 {
			continue
		}
		out[f[0]] = Proc{Name: f[0], Sig: f[1], Spec: f[2], Doc: f[3]}
	}
	return out
}

// initBuiltinDocs registers the doc-only rows for builtin names that no
// binding table documents, and fills empty Sig/Doc of (tlsport core).
func (in *Interp) initBuiltinDocs() {
	rows := builtinDocRows()
	coreDocs := coreDocStrings()
	if core := in.Library("(tlsport core)"); core != nil { // per-Interp rows
		for i := range core.Procs {
			p := &core.Procs[i]
			if p.Sig == "" {
				p.Sig = procSig(p)
			}
			if p.Doc == "" {
				p.Doc = coreDocs[p.Name]
			}
		}
	}
	lib := &Library{Name: builtinDocLib, Doc: "Documentation of the forms and procedures built into the evaluator (importing it binds nothing new)."}
	names := make([]string, 0, len(rows))
	for n := range rows {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if len(in.LookupProc(n)) > 0 {
			continue
		}
		r := rows[n]
		name := n
		if orig, ok := in.Lookup(name); ok && !strings.HasPrefix(r.Sig, "syntax ") {
			r.Args = Params{Rest: "args", Spread: true}
			r.Fn = func(th *Thread, a []Value) (Value, error) { return th.TailCall(orig, append([]Value(nil), a...)) }
		} else {
			r.Fn = func(th *Thread, a []Value) (Value, error) {
				return nil, NewError(name, "is syntax, not a procedure", nil)
			}
		}
		lib.Procs = append(lib.Procs, r)
	}
	_ = in.Register(lib)
}

// procSig builds "(name arg ... [opt ...] . rest)" from a row's Params.
func procSig(p *Proc) string {
	parts := []string{p.Name}
	for i, r := range p.Args.Required {
		if r == "" {
			r = "arg" + string(rune('1'+i))
		}
		parts = append(parts, r)
	}
	for _, o := range p.Args.Optional {
		parts = append(parts, "["+o+"]")
	}
	for _, k := range p.Args.Keys {
		parts = append(parts, k+":")
	}
	if p.Args.Rest != "" {
		parts = append(parts, p.Args.Rest+" ...")
	}
	return "(" + strings.Join(parts, " ") + ")"
}

// coreDocStrings documents (tlsport core) rows that have no Doc of their own.
func coreDocStrings() map[string]string {
	return map[string]string{
		"command-line-arguments":        "The command-line arguments after the program name (CHICKEN).",
		"condition-irritants":           "The irritants of a condition.",
		"condition-kinds":               "The kinds of a condition, as a list of symbols.",
		"condition-message":             "The message of a condition.",
		"condition-who":                 "The location (who) of a condition, or #f.",
		"condition-variable-broadcast!": "Wakes every thread waiting on the condition variable (SRFI-18).",
		"condition-variable-signal!":    "Wakes one thread waiting on the condition variable (SRFI-18).",
		"condition-variable?":           "Is obj a condition variable?",
		"current-milliseconds":          "Milliseconds since the epoch (CHICKEN).",
		"current-thread":                "The running SRFI-18 thread.",
		"current-time":                  "The current time object (SRFI-18).",
		"emergency-exit":                "Ends the program at once with code, without running dynamic-wind after thunks.",
		"environment":                   "An environment for eval; the named libraries are imported (tlsport has one global environment).",
		"error-object-irritants":        "The irritants of an error object.",
		"error-object-message":          "The message of an error object.",
		"error?":                        "Is obj an error condition?",
		"file-error?":                   "Is obj a condition raised by a file operation (kinds i/o file)?",
		"get-environment-variable":      "The value of the environment variable name, or #f.",
		"get-keyword":                   "The value after keyword kw in the list args, else (thunk) or #f.",
		"i/o-error?":                    "Is obj an i/o condition?",
		"interaction-environment":       "The REPL's (global) environment, for eval.",
		"irritants-condition?":          "Does obj carry irritants?",
		"jiffies-per-second":            "Jiffies per second of current-jiffy (1000000).",
		"join-timeout-exception?":       "Is obj the condition of a thread-join! timeout?",
		"keyword->string":               "The name of a keyword, without colons.",
		"keyword?":                      "Is obj a keyword?",
		"make-condition-variable":       "A new SRFI-18 condition variable.",
		"make-mutex":                    "A new SRFI-18 mutex.",
		"message-condition?":            "Does obj carry a message?",
		"mutex-lock!":                   "Locks the mutex, waiting up to timeout; returns #f on timeout.",
		"mutex-name":                    "The name of the mutex.",
		"mutex-specific":                "The specific field of the mutex.",
		"mutex-specific-set!":           "Sets the specific field of the mutex.",
		"mutex-state":                   "The state of the mutex (a thread, not-owned, abandoned or not-abandoned).",
		"mutex-unlock!":                 "Unlocks the mutex, optionally waiting on a condition variable.",
		"mutex?":                        "Is obj a mutex?",
		"null-environment":              "An environment for eval (the global environment in tlsport).",
		"promise?":                      "Is obj a promise?",
		"read-error?":                   "Is obj a condition raised by read on malformed input (kind read)?",
		"scheme-report-environment":     "An environment for eval (the global environment in tlsport).",
		"seconds->time":                 "The time object for a number of seconds since the epoch.",
		"string->keyword":               "The keyword named by string.",
		"terminated-thread-exception?":  "Is obj the condition of joining a terminated thread?",
		"thread-join!":                  "Waits for the thread to end and returns its result (timeout and timeout value optional).",
		"thread-name":                   "The name of the thread.",
		"thread-sleep!":                 "Suspends the current thread for a number of seconds or until a time.",
		"thread-specific":               "The specific field of the thread.",
		"thread-specific-set!":          "Sets the specific field of the thread.",
		"thread-start!":                 "Starts the thread on its own goroutine; returns it.",
		"thread-terminate!":             "Terminates the thread.",
		"thread-yield!":                 "Lets other threads run.",
		"thread?":                       "Is obj a thread?",
		"time->seconds":                 "The seconds since the epoch of a time object.",
		"time?":                         "Is obj a time object?",
		"uncaught-exception-reason":     "The object raised in a thread, from an uncaught-exception condition.",
		"uncaught-exception?":           "Is obj the condition of joining a thread that raised?",
		"who-condition?":                "Does obj carry a location?",
	}
}
