// SRFI-99 ERR5RS records: the rows of (srfi 99), whose Scheme is the
// SRFI's reference implementation over the core's R6RS records
// (srfi99.scm).

// Package srfi99 is SRFI-99, (srfi 99), (srfi :99 records) or srfi-99:
// ERR5RS records, a procedural layer (make-rtd, rtd-constructor …), an
// inspection layer (rtd-name, rtd-all-field-names …) and a
// define-record-type that extends SRFI-9's with single inheritance,
// #t for the default constructor and predicate names, and field specs
// that are a bare name (immutable) or a one-element list (mutable). The
// library is ImportOnly: importing it rebinds define-record-type, which
// everywhere else is R7RS's (SRFI-9's); a prefixed import leaves that one
// alone.
package srfi99

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi99.scm
var source string

const spec = "srfi-99"

// Library is the (srfi 99) binding table.
var Library = &scheme.Library{Name: "(srfi 99)", Doc: "SRFI-99: ERR5RS records.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi99.scm", source), Procs: []scheme.Proc{
		{Name: "define-record-type", Spec: spec, Sig: "(define-record-type type-spec constructor-spec predicate-spec field-spec ...)",
			Doc: "Defines a record type: type-spec is name or (name parent), parent an rtd (an R7RS/SRFI-9 type too); constructor-spec #f, #t (make-name), name (all fields) or (name field ...); " +
				"predicate-spec #f, #t (name?) or name; field-spec field (immutable, accessor name-field), (field) (mutable, name-field and name-field-set!), " +
				"(field accessor) or (field accessor modifier).",
			Syntax: `(syntax-rules () ((_ . spec) (%srfi99-define-record-type . spec)))`},
		{Name: "%srfi99-define-record-type", Spec: spec, Sig: "syntax (%srfi99-define-record-type type-spec constructor-spec predicate-spec field-spec ...)", Doc: "The reference implementation's define-record-type."},
		{Name: "make-rtd", Spec: spec, Sig: "(make-rtd name fieldspecs [parent option ...])", Doc: "A new record-type descriptor: fieldspecs a vector of field names, (mutable name) or (immutable name); parent an rtd (an R7RS/SRFI-9 type too) or #f; options sealed, opaque, uid symbol."},
		{Name: "rtd?", Spec: spec, Sig: "(rtd? obj)", Doc: "Is obj a record-type descriptor?"},
		{Name: "rtd-constructor", Spec: spec, Sig: "(rtd-constructor rtd [fieldspecs])", Doc: "A constructor taking every field (the parents' first), or the fields named in the vector fieldspecs (the others unspecified)."},
		{Name: "rtd-predicate", Spec: spec, Sig: "(rtd-predicate rtd)", Doc: "The predicate of rtd's records (and its subtypes')."},
		{Name: "rtd-accessor", Spec: spec, Sig: "(rtd-accessor rtd field)", Doc: "The accessor of the field named field of rtd or of a parent."},
		{Name: "rtd-mutator", Spec: spec, Sig: "(rtd-mutator rtd field)", Doc: "The mutator of the mutable field named field of rtd or of a parent."},
		{Name: "record?", Spec: spec, Sig: "(record? obj)", Doc: "Is obj a record whose type is not opaque? R6RS's records are, and those of R7RS/SRFI-9 define-record-type."},
		{Name: "record-rtd", Spec: spec, Sig: "(record-rtd record)", Doc: "The record-type descriptor of record; of an R7RS/SRFI-9 record, its type (what the type name is bound to)."},
		{Name: "rtd-name", Spec: spec, Sig: "(rtd-name rtd)", Doc: "The name of rtd."},
		{Name: "rtd-parent", Spec: spec, Sig: "(rtd-parent rtd)", Doc: "The parent of rtd, or #f."},
		{Name: "rtd-field-names", Spec: spec, Sig: "(rtd-field-names rtd)", Doc: "A vector of the names of rtd's own fields."},
		{Name: "rtd-all-field-names", Spec: spec, Sig: "(rtd-all-field-names rtd)", Doc: "A vector of the names of rtd's fields, its parents' first."},
		{Name: "rtd-field-mutable?", Spec: spec, Sig: "(rtd-field-mutable? rtd field)", Doc: "Is the field named field of rtd (or of a parent) mutable?"},
	}}
