// The names each (rnrs …) library exports, from the report's entries: the rows of this package and the core's bindings the library re-exports (Library.Reexports).

package rnrs

import "strings"

// reexports returns the Reexports of the library of the package named
// name, when it is built.
func reexports(name string) []string {
	switch name {
	case "(rnrs base)":
		return append(strings.Fields(`* + - / < <= = => > >= abs acos and angle append apply asin assert assertion-violation atan begin
boolean=? boolean? caar cadr call-with-current-continuation call-with-values call/cc car case cdddar integer->char
cddddr cdr ceiling char->integer char<=? char<? char=? char>=? char>? char? complex? cond cons cos
define define-syntax denominator div div-and-mod div0 div0-and-mod0 dynamic-wind else eq? equal?
eqv? error even? exact exact-integer-sqrt exact? exp expt finite? floor for-each gcd
identifier-syntax if imag-part inexact inexact? infinite? integer-valued? integer? lambda lcm length
let let* let*-values let-syntax let-values letrec letrec* letrec-syntax list list->string
list->vector list-ref list-tail list? log magnitude make-polar make-rectangular make-string
make-vector map max min mod mod0 nan? negative? not null? number->string number? numerator odd? or
pair? positive? procedure? quasiquote quote rational-valued? rational? rationalize real-part
real-valued? real? reverse round set! sin sqrt string string->list string->number string->symbol
string-append string-copy string-for-each string-length string-ref string<=? string<? string=?
string>=? string>? string? substring symbol->string symbol=? symbol? syntax-rules tan truncate
unquote unquote-splicing values vector vector->list vector-fill! vector-for-each vector-length
vector-map vector-ref vector-set! vector? zero?`), cxrNames()...)
	case "(rnrs lists)":
		return strings.Fields(`assoc assp assq assv cons* exists filter find fold-left fold-right for-all member memp memq memv
partition remove remp remq remv`)
	case "(rnrs sorting)":
		return strings.Fields(`list-sort vector-sort vector-sort!`)
	case "(rnrs unicode)":
		return strings.Fields(`char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>? char-downcase char-foldcase
char-general-category char-lower-case? char-numeric? char-title-case? char-titlecase char-upcase
char-upper-case? char-whitespace? string-ci<=? string-ci<? string-ci=? string-ci>=? string-ci>?
string-downcase string-foldcase string-normalize-nfc string-normalize-nfd string-normalize-nfkc
string-normalize-nfkd string-titlecase string-upcase`)
	case "(rnrs bytevectors)":
		return strings.Fields(`bytevector->sint-list bytevector->u8-list bytevector->uint-list bytevector-copy bytevector-fill!
bytevector-ieee-double-native-ref bytevector-ieee-double-native-set! bytevector-ieee-double-ref
bytevector-ieee-single-native-ref bytevector-ieee-single-native-set! bytevector-ieee-single-ref
bytevector-length bytevector-s16-native-ref bytevector-s16-native-set! bytevector-s16-ref
bytevector-s16-set! bytevector-s32-native-ref bytevector-s32-native-set! bytevector-s32-ref
bytevector-s32-set! bytevector-s64-native-ref bytevector-s64-native-set! bytevector-s64-ref
bytevector-s64-set! bytevector-s8-ref bytevector-s8-set! bytevector-sint-ref bytevector-sint-set!
bytevector-u16-native-ref bytevector-u16-native-set! bytevector-u16-ref bytevector-u16-set!
bytevector-u32-native-ref bytevector-u32-native-set! bytevector-u32-ref bytevector-u32-set!
bytevector-u64-native-ref bytevector-u64-native-set! bytevector-u64-ref bytevector-u64-set!
bytevector-u8-ref bytevector-u8-set! bytevector-uint-ref bytevector-uint-set! bytevector=?
bytevector? endianness make-bytevector native-endianness sint-list->bytevector string->utf16
string->utf32 string->utf8 u8-list->bytevector uint-list->bytevector utf16->string utf32->string
utf8->string`)
	case "(rnrs arithmetic bitwise)":
		return strings.Fields(`bitwise-and bitwise-arithmetic-shift bitwise-arithmetic-shift-left bitwise-arithmetic-shift-right
bitwise-bit-count bitwise-bit-field bitwise-bit-set? bitwise-copy-bit bitwise-copy-bit-field
bitwise-first-bit-set bitwise-if bitwise-ior bitwise-length bitwise-not bitwise-reverse-bit-field
bitwise-rotate-bit-field bitwise-xor`)
	case "(rnrs arithmetic fixnums)":
		return strings.Fields(`fixnum-width fixnum? fx* fx*/carry fx+ fx+/carry fx- fx-/carry fx<=? fx<? fx=? fx>=? fx>? fxand
fxarithmetic-shift fxarithmetic-shift-left fxarithmetic-shift-right fxbit-count fxbit-field
fxbit-set? fxcopy-bit fxcopy-bit-field fxdiv fxdiv-and-mod fxdiv0 fxdiv0-and-mod0 fxeven?
fxfirst-bit-set fxif fxior fxlength fxmax fxmin fxmod fxmod0 fxnegative? fxnot fxodd? fxpositive?
fxreverse-bit-field fxrotate-bit-field fxxor fxzero? greatest-fixnum least-fixnum`)
	case "(rnrs arithmetic flonums)":
		return strings.Fields(`fixnum->flonum fl* fl+ fl- fl/ fl<=? fl<? fl=? fl>=? fl>? flabs flacos flasin flatan flceiling flcos
fldenominator fldiv fldiv-and-mod fldiv0 fldiv0-and-mod0 fleven? flexp flexpt flfinite? flfloor
flinfinite? flinteger? fllog flmax flmin flmod flmod0 flnan? flnegative? flnumerator flodd? flonum?
flpositive? flround flsin flsqrt fltan fltruncate flzero? make-no-infinities-violation
make-no-nans-violation no-infinities-violation? no-nans-violation? real->flonum &no-infinities &no-nans`)
	case "(rnrs hashtables)":
		return strings.Fields(`equal-hash hashtable-clear! hashtable-contains? hashtable-copy hashtable-delete! hashtable-entries
hashtable-equivalence-function hashtable-hash-function hashtable-keys hashtable-mutable?
hashtable-ref hashtable-set! hashtable-size hashtable-update! hashtable? make-eq-hashtable
make-eqv-hashtable make-hashtable string-ci-hash string-hash symbol-hash`)
	case "(rnrs enums)":
		return strings.Fields(`enum-set->list enum-set-complement enum-set-constructor enum-set-difference enum-set-indexer
enum-set-intersection enum-set-member? enum-set-projection enum-set-subset? enum-set-union
enum-set-universe enum-set=? make-enumeration`)
	case "(rnrs control)":
		return strings.Fields(`case-lambda do unless when`)
	case "(rnrs mutable-pairs)":
		return strings.Fields(`set-car! set-cdr!`)
	case "(rnrs mutable-strings)":
		return strings.Fields(`string-fill! string-set!`)
	case "(rnrs r5rs)":
		return strings.Fields(`delay exact->inexact force inexact->exact modulo null-environment quotient remainder
scheme-report-environment`)
	case "(rnrs eval)":
		return strings.Fields(`environment eval`)
	case "(rnrs programs)":
		return strings.Fields(`command-line exit`)
	}
	return nil
}

// cxrNames are the c[ad]{2,4}r procedures (rnrs base) re-exports.
func cxrNames() []string {
	return strings.Fields(`caar cadr cdar cddr caaar caadr cadar caddr cdaar cdadr cddar cdddr caaaar caaadr caadar caaddr cadaar cadadr caddar cadddr cdaaar cdaadr cdadar cdaddr cddaar cddadr cdddar cddddr`)
}
