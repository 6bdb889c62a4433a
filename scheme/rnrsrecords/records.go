// Package rnrsrecords is R6RS records (r6rs-lib §6): the procedural layer
// (record-type descriptors with single inheritance, constructor descriptors
// with protocols), the inspection layer, and the syntactic layer's
// define-record-type, which also accepts the SRFI-9/R7RS form, so code
// using either keeps working once (rnrs) is imported.
//
// The records of the core's define-record-type (R7RS, SRFI-9, CHICKEN's
// define-record: [scheme.Record] of a [scheme.RecordType]) are R6RS
// records too, as in Sagittarius, Larceny, Guile and Chez with
// chez-srfi's (srfi :9): record? is #t of them, record-rtd returns their
// type, which every procedure taking an rtd takes: no parent, generative,
// neither sealed nor opaque, a field mutable when define-record-type gave
// it a modifier (SRFI-99's rule for its SRFI-9-compatible form). Such a
// type can be the parent of an R6RS or SRFI-99 type, as in Chez with
// chez-srfi (and Sagittarius, whose SRFI-9 records are R6RS's): the
// records of its subtypes (and of theirs) are [scheme.Record]s too, of a
// [scheme.RecordType] whose Parent is the parent's and whose Descriptor
// is the subtype's rtd, so that the core's accessors, modifiers and
// predicate take them. The core type's constructor descriptor
// (record-constructor-descriptor, a parent clause with a protocol clause)
// is that of its define-record-type constructor, taking its arguments, as
// chez-srfi's SRFI-9 makes it a protocol; a child without a protocol
// clause, which Chez rejects for that reason, takes the default: every
// field, the parent's first (r6rs-lib §6.3). So do the types of this
// package's SRFI-9 form of define-record-type.
// R6RS's records and types implement [scheme.ExtRecord] and
// [scheme.ExtRecordType], so that CHICKEN's set-record-printer! prints
// them.
package rnrsrecords

import (
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// RTD is a record-type descriptor.
type RTD struct {
	name     *scheme.Symbol
	parent   *RTD
	uid      scheme.Value // symbol, or #f when generative
	sealed   bool
	opaque   bool
	names    []*scheme.Symbol // own fields
	mutable  []bool
	base     int  // number of inherited fields
	cd       *RCD // the default constructor descriptor (define-record-type)
	instance int  // total field count
	// core is the core's record type of this rtd's records, which are
	// *scheme.Record: the type this rtd stands for (coreRTD), or, for an
	// R6RS type extending one, the type made for it (coreSubtype), whose
	// Descriptor is the rtd. nil for R6RS's own types, whose records are
	// *Record.
	core *scheme.RecordType
	// ctor holds, for a type of the SRFI-9 form of define-record-type,
	// the indexes of its constructor's arguments among the fields
	// (srfi9CD); nil otherwise.
	ctor []int
}

// coreRTD returns the rtd standing for the core's record type t. It is
// made at each call: Scheme code sees t itself (value), never it.
func coreRTD(t *scheme.RecordType) *RTD {
	r := &RTD{name: scheme.Intern(t.Name), uid: scheme.False, names: t.Fields, mutable: make([]bool, len(t.Fields)), instance: len(t.Fields), core: t}
	for i := range r.mutable {
		r.mutable[i] = t.FieldMutable(i)
	}
	return r
}

// coreSubtype makes t, an R6RS type whose parent p has core records, a core
// type extending p's, so that its records are core records the core's
// accessors and predicate of p take.
func coreSubtype(t, p *RTD) *scheme.RecordType {
	c := &scheme.RecordType{Name: t.name.Name, Parent: p.core, Descriptor: t}
	c.Fields = append(append(c.Fields, p.core.Fields...), t.names...)
	for i := range p.core.Fields {
		c.Mutable = append(c.Mutable, p.core.FieldMutable(i))
	}
	c.Mutable = append(c.Mutable, t.mutable...)
	return c
}

// rtdOf returns the rtd v is (an *RTD or a core record type), or nil.
func rtdOf(v scheme.Value) *RTD {
	switch t := v.(type) {
	case *RTD:
		return t
	case *scheme.RecordType:
		if d, ok := t.Descriptor.(*RTD); ok {
			return d
		}
		return coreRTD(t)
	}
	return nil
}

// same reports whether a and b are the same type (coreRTD makes a new rtd
// for a core type at each call), or both nil.
func same(a, b *RTD) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.value() == b.value()
}

// isRTD reports whether v is an rtd (an *RTD or a core record type).
func isRTD(v scheme.Value) bool {
	switch v.(type) {
	case *RTD, *scheme.RecordType:
		return true
	}
	return false
}

// value returns t as Scheme code sees it: the core's type it stands for,
// or t.
func (t *RTD) value() scheme.Value {
	if t.core != nil && t.core.Descriptor == nil {
		return t.core
	}
	return t
}

// TypeName implements scheme.Value.
func (*RTD) TypeName() string { return "record-type-descriptor" }

// Repr implements scheme.Repr.
func (t *RTD) Repr() string { return "#<record-type " + t.name.Name + ">" }

// RCD is a record-constructor descriptor.
type RCD struct {
	rtd      *RTD
	parent   *RCD
	protocol scheme.Value // procedure, or #f for the default
}

// TypeName implements scheme.Value.
func (*RCD) TypeName() string { return "record-constructor-descriptor" }

// Repr implements scheme.Repr.
func (c *RCD) Repr() string { return "#<record-constructor-descriptor " + c.rtd.name.Name + ">" }

// Record is an instance of an R6RS record type.
type Record struct {
	rtd    *RTD
	fields []scheme.Value
}

// TypeName implements scheme.Value.
func (r *Record) TypeName() string { return r.rtd.name.Name }

// Repr implements scheme.Repr.
func (r *Record) Repr() string {
	var b strings.Builder
	b.WriteString("#<" + strings.Trim(r.rtd.name.Name, "<>"))
	if !r.rtd.opaque {
		for _, f := range r.fields {
			b.WriteString(" " + scheme.WriteString(f))
		}
	}
	return b.String() + ">"
}

// RecordType implements scheme.ExtRecord: set-record-printer! prints r.
func (r *Record) RecordType() scheme.ExtRecordType { return r.rtd }

// RecordTypeName implements scheme.ExtRecordType.
func (t *RTD) RecordTypeName() string { return t.name.Name }

var (
	_ scheme.ExtRecord     = (*Record)(nil)
	_ scheme.ExtRecordType = (*RTD)(nil)
	_ scheme.Repr          = (*RTD)(nil)
	_ scheme.Repr          = (*RCD)(nil)
	_ scheme.Repr          = (*Record)(nil)
)

func (t *RTD) isA(p *RTD) bool {
	for ; t != nil; t = t.parent {
		if t == p {
			return true
		}
	}
	return false
}

var (
	typeRTD = &scheme.Type{Name: "record-type descriptor", Accept: isRTD}
	typeRCD = &scheme.Type{Name: "record-constructor descriptor", Accept: func(v scheme.Value) bool { _, ok := v.(*RCD); return ok }}
)

// uids keeps the nongenerative record types by uid, per interpreter.
type uidKey struct{}

func uidTable(th *scheme.Thread) map[scheme.Value]*RTD {
	return th.Interp().HostData(uidKey{}, func() any { return map[scheme.Value]*RTD{} }).(map[scheme.Value]*RTD)
}

// newRTD makes a record-type descriptor (make-record-type-descriptor's arguments).
func newRTD(th *scheme.Thread, name, parent, uid, sealed, opaque, fields scheme.Value) (*RTD, error) {
	sym, ok := name.(*scheme.Symbol)
	if !ok {
		return nil, scheme.TypeError("", 1, "symbol", name)
	}
	if _, ok := uid.(*scheme.Symbol); !ok && uid != scheme.False {
		return nil, scheme.TypeError("", 3, "symbol or #f", uid)
	}
	t := &RTD{name: sym, uid: uid, sealed: sealed != scheme.False, opaque: opaque != scheme.False}
	if parent != scheme.False {
		p := rtdOf(parent)
		if p == nil {
			return nil, scheme.TypeError("", 2, "record-type descriptor or #f", parent)
		}
		if p.sealed {
			return nil, scheme.NewError("", "parent record type is sealed", []scheme.Value{parent}, "assertion")
		}
		t.parent, t.base, t.opaque = p, p.instance, t.opaque || p.opaque
	}
	fv, ok := fields.(*scheme.Vector)
	if !ok {
		return nil, scheme.TypeError("", 6, "vector of field specifiers", fields)
	}
	for _, f := range fv.Items {
		l, ok := scheme.ListToSlice(f)
		if !ok || len(l) != 2 {
			return nil, scheme.TypeError("", 6, "field specifier (mutable name) or (immutable name)", f)
		}
		kind, _ := l[0].(*scheme.Symbol)
		n, ok := l[1].(*scheme.Symbol)
		if kind == nil || !ok || (kind.Name != "mutable" && kind.Name != "immutable") {
			return nil, scheme.TypeError("", 6, "field specifier (mutable name) or (immutable name)", f)
		}
		t.names = append(t.names, n)
		t.mutable = append(t.mutable, kind.Name == "mutable")
	}
	t.instance = t.base + len(t.names)
	if t.parent != nil && t.parent.core != nil {
		t.core = coreSubtype(t, t.parent)
	}
	if uid != scheme.False {
		tab := uidTable(th)
		if old, ok := tab[uid]; ok {
			if !old.sameAs(t) {
				return nil, scheme.NewError("", "incompatible redefinition of a nongenerative record type", []scheme.Value{sym, uid}, "assertion")
			}
			return old, nil
		}
		tab[uid] = t
	}
	return t, nil
}

// sameAs reports whether u, made by make-record-type-descriptor with t's
// uid, may stand for t (r6rs-lib §6.3): the same parent, sealed, opaque
// (unless the parent is) and fields.
func (t *RTD) sameAs(u *RTD) bool {
	if !same(t.parent, u.parent) || t.sealed != u.sealed || t.opaque != u.opaque || len(t.names) != len(u.names) {
		return false
	}
	for i, n := range t.names {
		if n != u.names[i] || t.mutable[i] != u.mutable[i] {
			return false
		}
	}
	return true
}

// makeRecordTypeDescriptor implements make-record-type-descriptor.
func makeRecordTypeDescriptor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return newRTD(th, a[0], a[1], a[2], a[3], a[4], a[5])
}

// recordTypeDescriptorP implements record-type-descriptor?.
func recordTypeDescriptorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(isRTD(a[0])), nil
}

// newRCD makes a constructor descriptor.
func newRCD(rtd *RTD, parent, protocol scheme.Value) (*RCD, error) {
	c := &RCD{rtd: rtd, protocol: protocol}
	if parent != scheme.False {
		p, ok := parent.(*RCD)
		if !ok {
			return nil, scheme.TypeError("", 2, "record-constructor descriptor or #f", parent)
		}
		if rtd.parent == nil || !same(p.rtd, rtd.parent) {
			return nil, scheme.NewError("", "parent constructor descriptor is not of the parent type", []scheme.Value{parent}, "assertion")
		}
		c.parent = p
	} else if rtd.parent != nil {
		// a constructor descriptor of the parent with the default protocol
		// (r6rs-lib §6.3), whatever define-record-type gave it; the
		// parent's own parent, if any, is chained in the same way
		c.parent, _ = newRCD(rtd.parent, scheme.False, scheme.False)
	}
	if protocol != scheme.False && !scheme.IsProcedure(protocol) {
		return nil, scheme.TypeError("", 3, "procedure or #f", protocol)
	}
	return c, nil
}

// srfi9CD returns, for t a type of a SRFI-9/R7RS define-record-type (the
// core's, or this package's SRFI-9 form), the constructor descriptor of
// its constructor: the protocol takes the constructor's arguments, as the
// one chez-srfi's SRFI-9 define-record-type gives its R6RS type does. nil
// for other types, and when define-record-type made no constructor.
func srfi9CD(t *RTD) *RCD {
	idx := t.ctor
	if c := t.core; c != nil && c.Descriptor == nil {
		idx = c.Constructor
	}
	if idx == nil {
		return nil
	}
	n, name := t.instance, "make-"+strings.Trim(t.name.Name, "<>")
	protocol := prim("protocol", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		p := a[0]
		return prim(name, func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			args := listArgs(b)
			if len(args) != len(idx) {
				return nil, scheme.NewError("", "wrong number of arguments", args, "arity")
			}
			fields := make([]scheme.Value, n)
			for i := range fields {
				fields[i] = scheme.False
			}
			for i, j := range idx {
				fields[j] = args[i]
			}
			return th.TailCall(p, fields)
		}, rest), nil
	}, scheme.Lambda(scheme.Req("p", nil)))
	return &RCD{rtd: t, protocol: protocol}
}

// makeRecordConstructorDescriptor implements make-record-constructor-descriptor.
func makeRecordConstructorDescriptor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return newRCD(rtdOf(a[0]), a[1], a[2])
}

func prim(name string, fn scheme.PrimFn, args scheme.Params) *scheme.Primitive {
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: name, Spec: specProc, Doc: "A record procedure.", Args: args, Fn: fn})
}

var rest = scheme.Lambda(scheme.Rest("args", nil))

// maker returns the procedure a protocol of cd receives: for a base type
// it takes the type's field values (the record is of type final, tail
// holding the values of the derived types' fields); for a derived type it
// takes the parent constructor's arguments and returns a procedure taking
// the type's own field values.
func maker(th *scheme.Thread, cd *RCD, final *RTD, tail []scheme.Value) scheme.Value {
	n := len(cd.rtd.names)
	finish := func(own []scheme.Value) ([]scheme.Value, error) {
		if len(own) != n {
			return nil, scheme.NewError("", "wrong number of field values for "+cd.rtd.name.Name, own, "assertion")
		}
		return append(append([]scheme.Value(nil), own...), tail...), nil
	}
	if cd.parent == nil {
		return prim("new", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			vals, err := finish(listArgs(a))
			if err != nil {
				return nil, err
			}
			if final.core != nil {
				return &scheme.Record{Type: final.core, Fields: vals}, nil
			}
			return &Record{rtd: final, fields: vals}, nil
		}, rest)
	}
	return prim("make-parent", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		parentArgs := listArgs(a)
		return prim("new", func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			vals, err := finish(listArgs(b))
			if err != nil {
				return nil, err
			}
			pc, err := constructor(th, cd.parent, final, vals)
			if err != nil {
				return nil, err
			}
			return th.TailCall(pc, parentArgs)
		}, rest), nil
	}, rest)
}

func listArgs(a []scheme.Value) []scheme.Value {
	l, _ := scheme.ListToSlice(a[0])
	return l
}

// constructor returns the constructor procedure of cd building records of type final.
func constructor(th *scheme.Thread, cd *RCD, final *RTD, tail []scheme.Value) (scheme.Value, error) {
	p := maker(th, cd, final, tail)
	if cd.protocol != scheme.False {
		return th.Call(cd.protocol, p)
	}
	if cd.parent == nil {
		return p, nil
	}
	// default protocol: all fields, the parent's first
	nParent := cd.rtd.base
	return prim("constructor", func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		all := listArgs(a)
		if len(all) != cd.rtd.instance {
			return nil, scheme.NewError(cd.rtd.name.Name, "wrong number of field values", all, "assertion")
		}
		inner, err := th.Call(p, all[:nParent]...)
		if err != nil {
			return nil, err
		}
		return th.TailCall(inner, all[nParent:])
	}, rest), nil
}

// recordConstructor implements record-constructor.
func recordConstructor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	cd := a[0].(*RCD)
	return constructor(th, cd, cd.rtd, nil)
}

// recordPredicate implements record-predicate.
func recordPredicate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := rtdOf(a[0])
	if c := t.core; c != nil {
		return prim(t.name.Name+"?", func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			r, ok := b[0].(*scheme.Record)
			return scheme.MakeBool(ok && r.Type.Extends(c)), nil
		}, scheme.Lambda(scheme.Req("obj", nil))), nil
	}
	return prim(t.name.Name+"?", func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
		r, ok := b[0].(*Record)
		return scheme.MakeBool(ok && r.rtd.isA(t)), nil
	}, scheme.Lambda(scheme.Req("obj", nil))), nil
}

func fieldIndex(t *RTD, k scheme.Value) (int, error) {
	n, ok := k.(scheme.Fixnum)
	if !ok || n < 0 || int(n) >= len(t.names) {
		return 0, scheme.RangeError("", 2, "no such field index", k)
	}
	return int(n), nil
}

// instance returns the fields of v, a record of type t (or of a subtype).
func instance(t *RTD, v scheme.Value, who string) ([]scheme.Value, error) {
	if t.core != nil {
		if r, ok := v.(*scheme.Record); ok && r.Type.Extends(t.core) {
			return r.Fields, nil
		}
	} else if r, ok := v.(*Record); ok && r.rtd.isA(t) {
		return r.fields, nil
	}
	return nil, scheme.TypeError(who, 1, t.name.Name+" record", v)
}

// recordAccessor implements record-accessor.
func recordAccessor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := rtdOf(a[0])
	k, err := fieldIndex(t, a[1])
	if err != nil {
		return nil, err
	}
	name := t.name.Name + "-" + t.names[k].Name
	return prim(name, func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
		fields, err := instance(t, b[0], name)
		if err != nil {
			return nil, err
		}
		return fields[t.base+k], nil
	}, scheme.Lambda(scheme.Req("record", nil))), nil
}

// recordMutator implements record-mutator.
func recordMutator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := rtdOf(a[0])
	k, err := fieldIndex(t, a[1])
	if err != nil {
		return nil, err
	}
	if !t.mutable[k] {
		return nil, scheme.NewError("", "field is immutable", []scheme.Value{t.names[k]}, "assertion")
	}
	name := t.name.Name + "-" + t.names[k].Name + "-set!"
	return prim(name, func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
		fields, err := instance(t, b[0], name)
		if err != nil {
			return nil, err
		}
		fields[t.base+k] = b[1]
		return scheme.Unspecified, nil
	}, scheme.Lambda(scheme.Req("record", nil), scheme.Req("value", nil))), nil
}

// ---- inspection ----

// recordP implements record?: the core's records (define-record-type of
// R7RS and SRFI-9) are records too.
func recordP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch r := a[0].(type) {
	case *Record:
		return scheme.MakeBool(!r.rtd.opaque), nil
	case *scheme.Record:
		d, ok := r.Type.Descriptor.(*RTD)
		return scheme.MakeBool(!r.Type.Opaque && (!ok || !d.opaque)), nil
	}
	return scheme.False, nil
}

// recordRtd implements record-rtd: a core record's is its type (or the
// rtd of the R6RS type extending a core type it is of).
func recordRtd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch r := a[0].(type) {
	case *Record:
		if !r.rtd.opaque {
			return r.rtd, nil
		}
	case *scheme.Record:
		d, ok := r.Type.Descriptor.(*RTD)
		switch {
		case r.Type.Opaque:
		case !ok:
			return r.Type, nil
		case !d.opaque:
			return d, nil
		}
	}
	return nil, scheme.TypeError("", 1, "non-opaque record", a[0])
}

// recordTypeName implements record-type-name.
func recordTypeName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return rtdOf(a[0]).name, nil
}

// recordTypeParent implements record-type-parent.
func recordTypeParent(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if p := rtdOf(a[0]).parent; p != nil {
		return p.value(), nil
	}
	return scheme.False, nil
}

// recordTypeUid implements record-type-uid.
func recordTypeUid(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return rtdOf(a[0]).uid, nil
}

// recordTypeGenerativeP implements record-type-generative?.
func recordTypeGenerativeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(rtdOf(a[0]).uid == scheme.False), nil
}

// recordTypeSealedP implements record-type-sealed?.
func recordTypeSealedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(rtdOf(a[0]).sealed), nil
}

// recordTypeOpaqueP implements record-type-opaque?.
func recordTypeOpaqueP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(rtdOf(a[0]).opaque), nil
}

// recordTypeFieldNames implements record-type-field-names.
func recordTypeFieldNames(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := rtdOf(a[0])
	out := make([]scheme.Value, len(t.names))
	for i, n := range t.names {
		out[i] = n
	}
	return &scheme.Vector{Items: out}, nil
}

// recordFieldMutableP implements record-field-mutable?.
func recordFieldMutableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := rtdOf(a[0])
	k, err := fieldIndex(t, a[1])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(t.mutable[k]), nil
}

// typeRecordName is what a record name is bound to: a record-type
// descriptor, or a condition type (&error …), which R6RS makes a record
// type too (r6rs-lib §7.2) and condition-predicate and condition-accessor take.
var typeRecordName = &scheme.Type{Name: "record-type descriptor or condition type", Accept: func(v scheme.Value) bool {
	return isRTD(v) || v.TypeName() == "condition-type"
}}

// recordTypeDescriptor implements record-type-descriptor: (record-type-descriptor record-name).
func recordTypeDescriptor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0], nil
}

// recordConstructorDescriptor implements record-constructor-descriptor.
func recordConstructorDescriptor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := rtdOf(a[0])
	if cd := srfi9CD(t); cd != nil {
		return cd, nil
	}
	if t.cd != nil {
		return t.cd, nil
	}
	return newRCD(t, scheme.False, scheme.False)
}
