// SRFI-128 comparators: the reference implementation in srfi128.scm.

// Package srfi128 is SRFI-128, (srfi 128), (srfi :128 comparators) or
// srfi-128: comparators, records bundling a type test, an equality, an
// ordering and a hash function, for sorted and hashed collections such as
// SRFI-125's hash tables.
package srfi128

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi128.scm
var source string

const spec = "srfi-128"

// Library is the (srfi 128) binding table; srfi128.scm defines its rows,
// and string-hash and string-ci-hash are SRFI-69's.
var Library = &scheme.Library{Name: "(srfi 128)", Doc: "SRFI-128: comparators.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi128.scm", source), Reexports: []string{"string-hash", "string-ci-hash"},
	Procs: []scheme.Proc{
		{Name: "comparator?", Spec: spec, Sig: "(comparator? obj)", Doc: "Is obj a comparator?"},
		{Name: "comparator-ordered?", Spec: spec, Sig: "(comparator-ordered? comparator)", Doc: "Does comparator have an ordering predicate?"},
		{Name: "comparator-hashable?", Spec: spec, Sig: "(comparator-hashable? comparator)", Doc: "Does comparator have a hash function?"},
		{Name: "make-comparator", Spec: spec, Sig: "(make-comparator type-test equality ordering hash)",
			Doc: "A comparator: type-test (#t: any object), equality (#t: derived from ordering), ordering (#f: none) and hash (#f: none)."},
		{Name: "make-pair-comparator", Spec: spec, Sig: "(make-pair-comparator car-comparator cdr-comparator)", Doc: "A comparator of pairs, by their cars, then their cdrs."},
		{Name: "make-list-comparator", Spec: spec, Sig: "(make-list-comparator element-comparator type-test empty? head tail)",
			Doc: "A comparator of list-like sequences, lexicographically by element-comparator; type-test, empty?, head and tail define the sequence."},
		{Name: "make-vector-comparator", Spec: spec, Sig: "(make-vector-comparator element-comparator type-test length ref)",
			Doc: "A comparator of vector-like sequences, shorter first, then lexicographically by element-comparator."},
		{Name: "make-eq-comparator", Spec: spec, Sig: "(make-eq-comparator)", Doc: "A comparator of any objects by eq?, with default-hash and no ordering."},
		{Name: "make-eqv-comparator", Spec: spec, Sig: "(make-eqv-comparator)", Doc: "A comparator of any objects by eqv?, with default-hash and no ordering."},
		{Name: "make-equal-comparator", Spec: spec, Sig: "(make-equal-comparator)", Doc: "A comparator of any objects by equal?, with default-hash and no ordering."},
		{Name: "boolean-hash", Spec: spec, Sig: "(boolean-hash obj)", Doc: "A hash of the boolean obj."},
		{Name: "char-hash", Spec: spec, Sig: "(char-hash obj)", Doc: "A hash of the character obj."},
		{Name: "char-ci-hash", Spec: spec, Sig: "(char-ci-hash obj)", Doc: "A hash of the character obj, the same for characters equal by char-ci=?."},
		{Name: "symbol-hash", Spec: spec, Sig: "(symbol-hash obj)", Doc: "A hash of the symbol obj."},
		{Name: "number-hash", Spec: spec, Sig: "(number-hash obj)", Doc: "A hash of the number obj, the same for numbers equal by =."},
		{Name: "make-default-comparator", Spec: spec, Sig: "(make-default-comparator)",
			Doc: "A comparator of any objects: empty list, pairs, booleans, characters, strings, symbols, numbers, vectors, bytevectors, then the types of registered comparators, in that order."},
		{Name: "default-hash", Spec: spec, Sig: "(default-hash obj)", Doc: "The hash function of the default comparator."},
		{Name: "comparator-register-default!", Spec: spec, Sig: "(comparator-register-default! comparator)",
			Doc: "Makes the default comparator compare the objects of comparator's type with it."},
		{Name: "comparator-type-test-predicate", Spec: spec, Sig: "(comparator-type-test-predicate comparator)", Doc: "The type test of comparator."},
		{Name: "comparator-equality-predicate", Spec: spec, Sig: "(comparator-equality-predicate comparator)", Doc: "The equality predicate of comparator."},
		{Name: "comparator-ordering-predicate", Spec: spec, Sig: "(comparator-ordering-predicate comparator)", Doc: "The ordering predicate of comparator (one raising an error if it has none)."},
		{Name: "comparator-hash-function", Spec: spec, Sig: "(comparator-hash-function comparator)", Doc: "The hash function of comparator (one raising an error if it has none)."},
		{Name: "comparator-test-type", Spec: spec, Sig: "(comparator-test-type comparator obj)", Doc: "Does obj pass comparator's type test?"},
		{Name: "comparator-check-type", Spec: spec, Sig: "(comparator-check-type comparator obj)", Doc: "#t if obj passes comparator's type test, else an error."},
		{Name: "comparator-hash", Spec: spec, Sig: "(comparator-hash comparator obj)", Doc: "obj hashed by comparator's hash function."},
		{Name: "hash-bound", Spec: spec, Sig: "syntax (hash-bound)", Doc: "The exclusive upper bound of the hash functions' values, 2^25."},
		{Name: "hash-salt", Spec: spec, Sig: "syntax (hash-salt)", Doc: "The salt the hash functions mix in."},
		{Name: "=?", Spec: spec, Sig: "(=? comparator a b c ...)", Doc: "Are the objects equal by comparator?"},
		{Name: "<?", Spec: spec, Sig: "(<? comparator a b c ...)", Doc: "Are the objects increasing by comparator?"},
		{Name: ">?", Spec: spec, Sig: "(>? comparator a b c ...)", Doc: "Are the objects decreasing by comparator?"},
		{Name: "<=?", Spec: spec, Sig: "(<=? comparator a b c ...)", Doc: "Are the objects non-decreasing by comparator?"},
		{Name: ">=?", Spec: spec, Sig: "(>=? comparator a b c ...)", Doc: "Are the objects non-increasing by comparator?"},
		{Name: "comparator-if<=>", Spec: spec, Sig: "syntax (comparator-if<=> [comparator] a b less equal greater)",
			Doc: "Evaluates less, equal or greater as a is less than, equal to or greater than b by comparator (the default comparator if absent)."},
	}}
