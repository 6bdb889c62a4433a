// The export lists of the R7RS-small standard libraries (Appendix A), which
// environment, scheme-report-environment and null-environment are made of.

package scheme

import (
	"strings"
	"sync"
)

// r7rsLibraryNames maps each R7RS standard library to the names it exports
// (made when first needed: an import of one of them).
var r7rsLibraryNames = sync.OnceValue(func() map[string][]string {
	return map[string][]string{
		"(scheme base)": strings.Fields(`* + - / < <= = > >= abs append apply assoc assq assv binary-port? boolean=? boolean? bytevector
bytevector-append bytevector-copy bytevector-copy! bytevector-length bytevector-u8-ref
bytevector-u8-set! bytevector? caar cadr call-with-current-continuation call-with-port
call-with-values call/cc car cdar cddr cdr ceiling char->integer char-ready? char<=? char<? char=?
char>=? char>? char? close-input-port close-output-port close-port complex? cons current-error-port
current-input-port current-output-port denominator dynamic-wind eof-object eof-object? eq? equal?
eqv? error error-object-irritants error-object-message error-object? even? exact exact-integer-sqrt
exact-integer? exact? expt features file-error? floor floor-quotient floor-remainder floor/
flush-output-port for-each gcd get-output-bytevector get-output-string inexact inexact?
input-port-open? input-port? integer->char integer? lcm length list list->string list->vector
list-copy list-ref list-set! list-tail list? make-bytevector make-list make-parameter make-string
make-vector map max member memq memv min modulo negative? newline not null? number->string number?
numerator odd? open-input-bytevector open-input-string open-output-bytevector open-output-string
output-port-open? output-port? pair? peek-char peek-u8 port? positive? procedure? quotient raise
raise-continuable rational? rationalize read-bytevector read-bytevector! read-char read-error?
read-line read-string read-u8 real? remainder reverse round set-car! set-cdr! square string
string->list string->number string->symbol string->utf8 string->vector string-append string-copy
string-copy! string-fill! string-for-each string-length string-map string-ref string-set! string<=?
string<? string=? string>=? string>? string? substring symbol->string symbol=? symbol? textual-port?
truncate truncate-quotient truncate-remainder truncate/ u8-ready? utf8->string values vector
vector->list vector->string vector-append vector-copy vector-copy! vector-fill! vector-for-each
vector-length vector-map vector-ref vector-set! vector? with-exception-handler write-bytevector
write-char write-string write-u8 zero? _ ... => else and begin case cond cond-expand define
define-record-type define-syntax define-values do guard if import include include-ci lambda let let*
let*-values let-syntax let-values letrec letrec* letrec-syntax parameterize quasiquote quote set!
syntax-error syntax-rules unless unquote unquote-splicing when`),
		"(scheme case-lambda)": strings.Fields(`case-lambda`),
		"(scheme char)": strings.Fields(`char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>? char-downcase char-foldcase
char-lower-case? char-numeric? char-upcase char-upper-case? char-whitespace? digit-value
string-ci<=? string-ci<? string-ci=? string-ci>=? string-ci>? string-downcase string-foldcase
string-upcase`),
		"(scheme complex)": strings.Fields(`angle imag-part magnitude make-polar make-rectangular real-part`),
		"(scheme cxr)": strings.Fields(`caaaar caaadr caaar caadar caaddr caadr cadaar cadadr cadar caddar cadddr caddr cdaaar cdaadr cdaar
cdadar cdaddr cdadr cddaar cddadr cddar cdddar cddddr cdddr`),
		"(scheme eval)": strings.Fields(`environment eval`),
		"(scheme file)": strings.Fields(`call-with-input-file call-with-output-file delete-file file-exists? open-binary-input-file
open-binary-output-file open-input-file open-output-file with-input-from-file with-output-to-file`),
		"(scheme inexact)":         strings.Fields(`acos asin atan cos exp finite? infinite? log nan? sin sqrt tan`),
		"(scheme lazy)":            strings.Fields(`force make-promise promise? delay delay-force`),
		"(scheme load)":            strings.Fields(`load`),
		"(scheme process-context)": strings.Fields(`command-line emergency-exit exit get-environment-variable get-environment-variables`),
		"(scheme r5rs)": strings.Fields(`* + - / < <= = > >= abs acos and angle append apply asin assoc assq assv atan boolean? caaaar caaadr
caaar caadar caaddr caadr caar cadaar cadadr cadar caddar cadddr caddr cadr
call-with-current-continuation call-with-input-file call-with-output-file call-with-values car
cdaaar cdaadr cdaar cdadar cdaddr cdadr cdar cddaar cddadr cddar cdddar cddddr cdddr cddr cdr
ceiling char->integer char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>?
char-downcase char-lower-case? char-numeric? char-ready? char-upcase char-upper-case?
char-whitespace? char<=? char<? char=? char>=? char>? char? close-input-port close-output-port
complex? cons cos current-input-port current-output-port denominator display dynamic-wind
eof-object? eq? equal? eqv? eval even? exact->inexact exact? exp expt floor for-each force gcd
imag-part inexact->exact inexact? input-port? integer->char integer? interaction-environment lcm
length list list->string list->vector list-ref list-tail list? load log magnitude make-polar
make-rectangular make-string make-vector map max member memq memv min modulo negative? newline not
null-environment null? number->string number? numerator odd? open-input-file open-output-file
output-port? pair? peek-char positive? procedure? quotient rational? rationalize read read-char
real-part real? remainder reverse round scheme-report-environment set-car! set-cdr! sin sqrt string
string->list string->number string->symbol string-append string-ci<=? string-ci<? string-ci=?
string-ci>=? string-ci>? string-copy string-fill! string-length string-ref string-set! string<=?
string<? string=? string>=? string>? string? substring symbol->string symbol? tan truncate values
vector vector->list vector-fill! vector-length vector-ref vector-set! vector? with-input-from-file
with-output-to-file write write-char zero? quote lambda if set! cond case let let* letrec begin do
delay quasiquote unquote unquote-splicing define define-syntax let-syntax letrec-syntax syntax-rules
else => and or`),
		"(scheme read)":  strings.Fields(`read`),
		"(scheme repl)":  strings.Fields(`interaction-environment`),
		"(scheme time)":  strings.Fields(`current-jiffy current-second jiffies-per-second`),
		"(scheme write)": strings.Fields(`display write write-shared write-simple`),
	}
})

// r5rsSyntax is what null-environment holds: the syntax keywords of R5RS.
var r5rsSyntax = strings.Fields(`quote lambda if set! cond case and or let let* letrec begin do delay quasiquote unquote
unquote-splicing define define-syntax let-syntax letrec-syntax syntax-rules else =>`)

// importsR7RS reports whether form, the first of a program after the
// define-library forms it may start with, is the import
// declaration of an R7RS program: it imports a (scheme …) library and no
// (chicken …) one (a CHICKEN program prints as csi does) nor an R6RS one.
// Such a program writes flonums with the fewest digits that read back
// (R7RS §6.2.6 number->string), not with CHICKEN's 15.
func importsR7RS(form Value) bool {
	p, ok := form.(*Pair)
	if !ok || symName(p.Car) != "import" {
		return false
	}
	specs, _ := ListToSlice(p.Cdr)
	scheme := false
	for _, spec := range specs {
		lib, ok := importSetLibrary(spec).(*Pair)
		if !ok {
			continue
		}
		switch symName(lib.Car) {
		case "scheme":
			scheme = true
		case "chicken", "rnrs":
			return false
		}
	}
	return scheme
}

// isDefineLibrary reports whether form is a define-library: a program
// may define its libraries before its import declaration.
func isDefineLibrary(form Value) bool {
	p, ok := form.(*Pair)
	return ok && symName(p.Car) == "define-library"
}
