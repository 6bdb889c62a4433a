// The (rnrs records …) binding tables.

package rnrsrecords

import "github.com/tlsport/tlsport/scheme"

const (
	specSyn   = "r6rs-lib §6.2"
	specProc  = "r6rs-lib §6.3"
	specInspe = "r6rs-lib §6.4"
)

var (
	req = scheme.Req
	lam = scheme.Lambda
	obj = lam(req("obj", nil))
	rtd = lam(req("rtd", typeRTD))
	rtk = lam(req("rtd", typeRTD), req("k", scheme.TypeIndex))
)

func procRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("make-record-type-descriptor", specProc, "A record type: name, parent rtd (an R7RS/SRFI-9 define-record-type type too) or #f, uid symbol or #f (generative), sealed?, opaque?, #((mutable f) (immutable g) …).",
			lam(req("name", scheme.TypeSymbol), req("parent", nil), req("uid", nil), req("sealed?", nil), req("opaque?", nil), req("fields", scheme.TypeVector)), makeRecordTypeDescriptor),
		scheme.Row("record-type-descriptor?", specProc, "Is obj a record-type descriptor?", obj, recordTypeDescriptorP),
		scheme.Row("make-record-constructor-descriptor", specProc, "A constructor descriptor: rtd, the parent's constructor descriptor or #f, protocol or #f.",
			lam(req("rtd", typeRTD), req("parent-constructor-descriptor", nil), req("protocol", nil)), makeRecordConstructorDescriptor),
		scheme.Row("record-constructor", specProc, "The constructor of a constructor descriptor (its protocol applied).", lam(req("constructor-descriptor", typeRCD)), recordConstructor),
		scheme.Row("record-predicate", specProc, "Predicate for records of rtd or its subtypes.", rtd, recordPredicate),
		scheme.Row("record-accessor", specProc, "Accessor of the k-th own field of rtd.", rtk, recordAccessor),
		scheme.Row("record-mutator", specProc, "Mutator of the k-th own field of rtd (which must be mutable).", rtk, recordMutator),
	}
}

func inspectionRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("record?", specInspe, "Is obj a record of a non-opaque type? The records of R7RS/SRFI-9 define-record-type and CHICKEN's define-record are.", obj, recordP),
		scheme.Row("record-rtd", specInspe, "The record-type descriptor of a non-opaque record; of an R7RS/SRFI-9 record, its type (what the type name is bound to).", lam(req("record", nil)), recordRtd),
		scheme.Row("record-type-name", specInspe, "The name of rtd.", rtd, recordTypeName),
		scheme.Row("record-type-parent", specInspe, "The parent of rtd, or #f.", rtd, recordTypeParent),
		scheme.Row("record-type-uid", specInspe, "The uid of rtd, or #f.", rtd, recordTypeUid),
		scheme.Row("record-type-generative?", specInspe, "Is rtd generative (no uid)?", rtd, recordTypeGenerativeP),
		scheme.Row("record-type-sealed?", specInspe, "Is rtd sealed?", rtd, recordTypeSealedP),
		scheme.Row("record-type-opaque?", specInspe, "Is rtd opaque?", rtd, recordTypeOpaqueP),
		scheme.Row("record-type-field-names", specInspe, "Vector of the names of rtd's own fields.", rtd, recordTypeFieldNames),
		scheme.Row("record-field-mutable?", specInspe, "Is the k-th own field of rtd mutable?", rtk, recordFieldMutableP),
	}
}

func syntacticRows() []scheme.Proc {
	return []scheme.Proc{
		{Name: "define-record-type", Spec: specSyn, Sig: "(define-record-type name-spec record-clause ...)",
			Doc: "R6RS: name-spec is name or (name constructor predicate); clauses (fields (mutable f acc mod) (immutable f acc) f …), (parent name), (protocol expr), (sealed #t), (opaque #t), (nongenerative [uid]), (parent-rtd rtd cd). " +
				"The parent may be a type of R7RS/SRFI-9 define-record-type: without a protocol clause the constructor takes every field, the parent's first. " +
				"The SRFI-9/R7RS form (define-record-type name (ctor field ...) pred (field accessor [modifier]) ...) is accepted too.",
			Transform: defineRecordType},
		scheme.Row("record-type-descriptor", specSyn, "The record-type descriptor of a record name defined by define-record-type (tlsport: the name is bound to it).", lam(req("record-name", typeRecordName)), recordTypeDescriptor),
		scheme.Row("record-constructor-descriptor", specSyn, "The constructor descriptor of a record name defined by define-record-type; of an R7RS/SRFI-9 type, that of its constructor (whose arguments the protocol's parent constructor takes).", lam(req("record-name", typeRTD)), recordConstructorDescriptor),
	}
}

// The libraries of the package.
var (
	Procedural = &scheme.Library{Name: "(rnrs records procedural)", Doc: "R6RS records, procedural layer (r6rs-lib §6.3).", Build: build(procRows), TypeKinds: []string{"assertion"}, ImportOnly: true}
	Inspection = &scheme.Library{Name: "(rnrs records inspection)", Doc: "R6RS records, inspection layer (r6rs-lib §6.4).", Build: build(inspectionRows), TypeKinds: []string{"assertion"}, ImportOnly: true}
	Syntactic  = &scheme.Library{Name: "(rnrs records syntactic)", Doc: "R6RS records, syntactic layer (r6rs-lib §6.2).", Build: build(syntacticRows), TypeKinds: []string{"assertion"}, ImportOnly: true}
)

// build returns the Build of a library whose rows are made by rows and
// whose re-exports are the records' names.
func build(rows func() []scheme.Proc) func(*scheme.Library) {
	return func(l *scheme.Library) { l.Procs, l.Reexports = rows(), recordNames() }
}

// Libraries returns the libraries of the package.
func Libraries() []*scheme.Library { return []*scheme.Library{Syntactic, Procedural, Inspection} }
