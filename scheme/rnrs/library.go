// Package rnrs is R6RS's standard libraries beyond I/O (see scheme/rnrsio):
// (rnrs base), (rnrs lists), (rnrs sorting), (rnrs unicode), (rnrs
// bytevectors), (rnrs arithmetic bitwise), (rnrs arithmetic fixnums),
// (rnrs arithmetic flonums), (rnrs hashtables), (rnrs enums) and the libraries whose procedures the
// core already has ((rnrs control), (rnrs mutable-pairs), (rnrs
// mutable-strings), (rnrs r5rs), (rnrs eval), (rnrs programs)). Each
// library's rows are what R6RS adds to, or defines differently from, the
// core (error, remove and bytevector-copy! take R6RS's arguments once
// imported); the rest of its names are the core's, global already.
package rnrs

import (
	"github.com/tlsport/tlsport/scheme"
)

const (
	specBase    = "r6rs §11"
	specUnicode = "r6rs-lib §1"
	specBv      = "r6rs-lib §2"
	specLists   = "r6rs-lib §3"
	specSort    = "r6rs-lib §4"
	specBitwise = "r6rs-lib §11.4"
	specFx      = "r6rs-lib §11.2"
	specFl      = "r6rs-lib §11.3"
	specHt      = "r6rs-lib §13"
	specEnum    = "r6rs-lib §14"
)

var (
	req  = scheme.Req
	opt  = scheme.Opt
	lam  = scheme.Lambda
	none = scheme.Lambda()
	idx  = scheme.TypeIndex
	bv   = scheme.TypeBytevector
	str  = scheme.TypeString
)

func listRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("for-all", specLists, "Does proc return true for every element (the last result, #t for empty lists)?", lam(req("proc", scheme.TypeProcedure), req("list1", nil), scheme.Rest("list", nil)), forAll),
		scheme.Row("exists", specLists, "The first true result of proc over the elements, or #f.", lam(req("proc", scheme.TypeProcedure), req("list1", nil), scheme.Rest("list", nil)), exists),
		scheme.Row("remp", specLists, "The elements for which proc returns #f.", lam(req("proc", scheme.TypeProcedure), req("list", nil)), remp),
		scheme.Row("remove", specLists, "The elements not equal? to obj (R6RS; SRFI-1's remove takes a predicate).", lam(req("obj", nil), req("list", nil)), remove),
		scheme.Row("remv", specLists, "The elements not eqv? to obj.", lam(req("obj", nil), req("list", nil)), remv),
		scheme.Row("remq", specLists, "The elements not eq? to obj.", lam(req("obj", nil), req("list", nil)), remq),
		scheme.Row("memp", specLists, "The first pair whose car satisfies proc, or #f.", lam(req("proc", scheme.TypeProcedure), req("list", nil)), memp),
		scheme.Row("assp", specLists, "The first association whose key satisfies proc, or #f.", lam(req("proc", scheme.TypeProcedure), req("alist", nil)), assp),
	}
}

func sortRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("vector-sort", specSort, "Sorted copy of vector (stable; proc is less-than).", lam(req("proc", scheme.TypeProcedure), req("vector", scheme.TypeVector)), vectorSort),
		scheme.Row("vector-sort!", specSort, "Sorts vector in place.", lam(req("proc", scheme.TypeProcedure), req("vector", scheme.TypeVector)), vectorSortBang),
	}
}

func bitwiseRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("bitwise-not", specBitwise, "Bitwise complement.", lam(req("ei", typeExactInt)), bitwiseNot),
		scheme.Row("bitwise-and", specBitwise, "Bitwise and (-1 for none).", lam(scheme.SpreadRest("ei", typeExactInt)), bitwiseAnd),
		scheme.Row("bitwise-ior", specBitwise, "Bitwise inclusive or.", lam(scheme.SpreadRest("ei", typeExactInt)), bitwiseIor),
		scheme.Row("bitwise-xor", specBitwise, "Bitwise exclusive or.", lam(scheme.SpreadRest("ei", typeExactInt)), bitwiseXor),
		scheme.Row("bitwise-if", specBitwise, "Bits of ei2 where ei1 has ones, of ei3 elsewhere.", lam(req("ei1", typeExactInt), req("ei2", typeExactInt), req("ei3", typeExactInt)), bitwiseIf),
		scheme.Row("bitwise-bit-count", specBitwise, "Number of one bits (negated count of the complement's for negatives).", lam(req("ei", typeExactInt)), bitwiseBitCount),
		scheme.Row("bitwise-length", specBitwise, "Number of bits needed to represent ei, excluding the sign.", lam(req("ei", typeExactInt)), bitwiseLength),
		scheme.Row("bitwise-first-bit-set", specBitwise, "Index of the least significant one bit, or -1.", lam(req("ei", typeExactInt)), bitwiseFirstBitSet),
		scheme.Row("bitwise-bit-set?", specBitwise, "Is bit ei2 of ei1 set?", lam(req("ei1", typeExactInt), req("ei2", idx)), bitwiseBitSetP),
		scheme.Row("bitwise-copy-bit", specBitwise, "ei1 with bit ei2 set to ei3 (0 or 1).", lam(req("ei1", typeExactInt), req("ei2", idx), req("ei3", typeExactInt)), bitwiseCopyBit),
		scheme.Row("bitwise-bit-field", specBitwise, "Bits ei2 (inclusive) to ei3 (exclusive) of ei1.", lam(req("ei1", typeExactInt), req("ei2", idx), req("ei3", idx)), bitwiseBitField),
		scheme.Row("bitwise-copy-bit-field", specBitwise, "ei1 with bits ei2 to ei3 replaced by the low bits of ei4.", lam(req("ei1", typeExactInt), req("ei2", idx), req("ei3", idx), req("ei4", typeExactInt)), bitwiseCopyBitField),
		scheme.Row("bitwise-arithmetic-shift", specBitwise, "ei1 shifted left by ei2 bits (right when negative).", lam(req("ei1", typeExactInt), req("ei2", scheme.TypeInteger)), bitwiseArithmeticShift),
		scheme.Row("bitwise-arithmetic-shift-left", specBitwise, "ei1 shifted left by ei2 bits.", lam(req("ei1", typeExactInt), req("ei2", idx)), bitwiseArithmeticShiftLeft),
		scheme.Row("bitwise-arithmetic-shift-right", specBitwise, "ei1 shifted right arithmetically by ei2 bits.", lam(req("ei1", typeExactInt), req("ei2", idx)), bitwiseArithmeticShiftRight),
		scheme.Row("bitwise-rotate-bit-field", specBitwise, "Bits ei2 to ei3 of ei1 rotated left by ei4.", lam(req("ei1", typeExactInt), req("ei2", idx), req("ei3", idx), req("ei4", idx)), bitwiseRotateBitField),
		scheme.Row("bitwise-reverse-bit-field", specBitwise, "Bits ei2 to ei3 of ei1 reversed.", lam(req("ei1", typeExactInt), req("ei2", idx), req("ei3", idx)), bitwiseReverseBitField),
	}
}

// build is the Build of an (rnrs …) library: its rows (rows' table, none
// when nil) and re-exports are built when it is first imported
// ([scheme.Library.Build]). The libraries are literals calling it, laid
// out by the compiler: the package's initialisation runs at every start.
func build(l *scheme.Library, rows func() []scheme.Proc) {
	if rows != nil {
		l.Procs = rows()
	}
	l.Reexports = reexports(l.Name)
}

// assertion is the TypeKinds of every (rnrs …) library.
var assertion = []string{"assertion"}

// The libraries of the package.
var (
	Base = &scheme.Library{Name: "(rnrs base)", Doc: "R6RS base library (r6rs §11): div/mod families, real-valued? …, error and assertion-violation with a who; the rest is the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, baseRows) }}
	Lists = &scheme.Library{Name: "(rnrs lists)", Doc: "R6RS list utilities (r6rs-lib §3): for-all, exists, remp, remove, remv, remq, memp, assp; find, filter, partition, fold-left, fold-right, member, memv, memq, assoc, assv, assq, cons* are the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, listRows) }}
	Sorting = &scheme.Library{Name: "(rnrs sorting)", Doc: "R6RS sorting (r6rs-lib §4): vector-sort, vector-sort!; list-sort is the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, sortRows) }}
	Unicode = &scheme.Library{Name: "(rnrs unicode)", Doc: "R6RS Unicode (r6rs-lib §1): title case, general categories and the four normalization forms (string-normalize-nfd/nfkd/nfc/nfkc); the case, comparison and predicate procedures are the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, unicodeRows) }}
	Bytevectors = &scheme.Library{Name: "(rnrs bytevectors)", Doc: "R6RS bytevectors (r6rs-lib §2): endianness, sized integer and IEEE-754 references, list and UTF-16/32 conversions; bytevector?, make-bytevector, bytevector-length, bytevector-u8-ref/set!, bytevector-copy, utf8->string, string->utf8 are the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, bytevectorRows) }}
	Bitwise = &scheme.Library{Name: "(rnrs arithmetic bitwise)", Doc: "R6RS exact bitwise arithmetic (r6rs-lib §11.4).", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, bitwiseRows) }}
	Fixnums = &scheme.Library{Name: "(rnrs arithmetic fixnums)", Doc: "R6RS fixnum operations (r6rs-lib §11.2), on 64-bit fixnums; fixnum? is the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, fixnumRows) }}
	Flonums = &scheme.Library{Name: "(rnrs arithmetic flonums)", Doc: "R6RS flonum operations (r6rs-lib §11.3).", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, flonumRows) }}
	Hashtables = &scheme.Library{Name: "(rnrs hashtables)", Doc: "R6RS hashtables (r6rs-lib §13) over the SRFI-69 hash tables; equal-hash, string-hash, string-ci-hash are SRFI-69's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, hashtableRows) }}
	Enums = &scheme.Library{Name: "(rnrs enums)", Doc: "R6RS enumerations (r6rs-lib §14).", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, enumRows) }}
	Control = &scheme.Library{Name: "(rnrs control)", Doc: "R6RS control structures (r6rs-lib §5): when, unless, do, case-lambda — the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, nil) }}
	MutablePairs = &scheme.Library{Name: "(rnrs mutable-pairs)", Doc: "R6RS mutable pairs (r6rs-lib §17): set-car!, set-cdr! — the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, nil) }}
	MutableStrings = &scheme.Library{Name: "(rnrs mutable-strings)", Doc: "R6RS mutable strings (r6rs-lib §18): string-set!, string-fill! — the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, nil) }}
	R5RS = &scheme.Library{Name: "(rnrs r5rs)", Doc: "R6RS R5RS compatibility (r6rs-lib §19): exact->inexact, inexact->exact, quotient, remainder, modulo, delay, force, make-promise, null-environment, scheme-report-environment — the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, nil) }}
	Eval = &scheme.Library{Name: "(rnrs eval)", Doc: "R6RS eval (r6rs-lib §16): eval and environment — the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, nil) }}
	Programs = &scheme.Library{Name: "(rnrs programs)", Doc: "R6RS command-line access (r6rs-lib §10): command-line and exit — the core's.", TypeKinds: assertion, ImportOnly: true,
		Build: func(l *scheme.Library) { build(l, nil) }}
)

// Libraries returns the libraries of the package.
func Libraries() []*scheme.Library {
	return []*scheme.Library{Base, Lists, Sorting, Unicode, Bytevectors, Bitwise, Fixnums, Flonums, Hashtables, Enums,
		Control, MutablePairs, MutableStrings, R5RS, Eval, Programs}
}

// Composite returns the libraries whose names (rnrs) exports (r6rs-lib
// §15): all but eval, mutable pairs and strings and R5RS.
func Composite() []*scheme.Library {
	return []*scheme.Library{Base, Lists, Sorting, Unicode, Bytevectors, Bitwise, Fixnums, Flonums, Hashtables, Enums, Control, Programs}
}
