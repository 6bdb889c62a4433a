// The names (rnrs exceptions) and (rnrs conditions) export, from r6rs-lib §7 (Library.Reexports).

package rnrsconditions

import "strings"

// conditionNames returns the core's names (rnrs conditions) re-exports.
func conditionNames() []string {
	return strings.Fields(`=> assertion-violation? condition condition-accessor condition-irritants condition-message
condition-predicate condition-who condition? else error? implementation-restriction-violation?
irritants-condition? lexical-violation? make-assertion-violation make-error
make-implementation-restriction-violation make-irritants-condition make-lexical-violation
make-message-condition make-non-continuable-violation make-serious-condition make-syntax-violation
make-undefined-violation make-violation make-warning make-who-condition message-condition?
non-continuable-violation? raise raise-continuable serious-condition? simple-conditions
syntax-violation-form syntax-violation-subform syntax-violation? undefined-violation? violation?
warning? who-condition? with-exception-handler`)
}
