// The names the (rnrs records …) libraries export, from r6rs-lib §6 (Library.Reexports).

package rnrsrecords

import "strings"

// recordNames returns the names each (rnrs records …) library exports.
func recordNames() []string {
	return strings.Fields(`define-record-type fields immutable mutable nongenerative opaque parent parent-rtd protocol
record-accessor record-constructor record-constructor-descriptor record-field-mutable?
record-mutator record-predicate record-rtd record-type-descriptor record-type-descriptor?
record-type-field-names record-type-generative? record-type-name record-type-opaque?
record-type-parent record-type-sealed? record-type-uid record? sealed`)
}
