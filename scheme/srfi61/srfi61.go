// SRFI-61 cond with guard clauses: the library's cond, syntax-rules rows.

// Package srfi61 is SRFI-61, (srfi 61), (srfi :61 cond) or srfi-61: cond
// with the clause (generator guard => receiver), which calls guard on the
// values of generator and, when it returns true, receiver on them. The
// library is ImportOnly: its cond, a superset of R7RS's, is bound only
// where a program imports it.
package srfi61

import "github.com/tlsport/tlsport/scheme"

const spec = "srfi-61"

// Library is the (srfi 61) binding table. %srfi61-cond is the reference
// implementation's cond under a name of its own (its clauses expand to
// further uses of it, which must not be the core's cond).
var Library = &scheme.Library{Name: "(srfi 61)", Doc: "SRFI-61: a more general cond clause.", ImportOnly: true, Procs: []scheme.Proc{
	{Name: "cond", Spec: spec, Sig: "syntax (cond clause ...)",
		Doc:    "R7RS's cond, whose clauses may also be (generator guard => receiver): when (apply guard values) is true for the values of generator, the value of (apply receiver values).",
		Syntax: "(syntax-rules () ((_ clause ...) (%srfi61-cond clause ...)))"},
	// SRFI-61's reference implementation (Copyright (C) Taylor Campbell
	// (2004), Expat licence), its cond/maybe-more folded in as clauses.
	{Name: "%srfi61-cond", Spec: spec, Sig: "syntax (%srfi61-cond clause ...)", Doc: "The expansion of cond.",
		Syntax: `(syntax-rules (=> else)
  ((_) (if #f #f))
  ((_ (else else1 else2 ...)) (let () else1 else2 ...))
  ((_ (test => receiver) more ...)
   (let ((t test)) (%srfi61-cond "maybe-more" t (receiver t) more ...)))
  ((_ (generator guard => receiver) more ...)
   (call-with-values (lambda () generator)
     (lambda t (%srfi61-cond "maybe-more" (apply guard t) (apply receiver t) more ...))))
  ((_ "maybe-more" test consequent) (if test consequent))
  ((_ "maybe-more" test consequent clause ...) (if test consequent (%srfi61-cond clause ...)))
  ((_ (test) more ...)
   (let ((t test)) (%srfi61-cond "maybe-more" t t more ...)))
  ((_ (test body1 body2 ...) more ...)
   (%srfi61-cond "maybe-more" test (let () body1 body2 ...) more ...)))`},
}}
