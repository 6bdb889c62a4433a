// define-record-type (r6rs-lib §6.2, and the SRFI-9/R7RS form) as a Go macro over the procedural layer.

package rnrsrecords

import (
	"errors"

	"github.com/tlsport/tlsport/scheme"
)

var sym = scheme.Intern

func quote(v scheme.Value) scheme.Value { return scheme.List(sym("quote"), v) }

func define(name, expr scheme.Value) scheme.Value { return scheme.List(sym("define"), name, expr) }

func name(v scheme.Value) string {
	n, _ := scheme.IdentifierName(v)
	return n
}

var errSyntax = errors.New("bad define-record-type form")

// The procedures the expansion calls, as constants (so the expansion does
// not depend on what names are bound where it is used).
var (
	defineRecordProc = prim("define-record", internalDefineRecord, scheme.Lambda(
		scheme.Req("name", nil), scheme.Req("parent", nil), scheme.Req("parent-cd", nil), scheme.Req("uid", nil),
		scheme.Req("sealed", nil), scheme.Req("opaque", nil), scheme.Req("fields", nil), scheme.Req("protocol", nil)))
	ctorProc     = prim("record-constructor", defaultConstructor, scheme.Lambda(scheme.Req("rtd", typeRTD)))
	srfi9Ctor    = prim("record-constructor", srfi9Constructor, scheme.Lambda(scheme.Req("rtd", typeRTD), scheme.Req("fields", nil)))
	predProc     = prim("record-predicate", recordPredicate, scheme.Lambda(scheme.Req("rtd", typeRTD)))
	accessorProc = prim("record-accessor", recordAccessor, scheme.Lambda(scheme.Req("rtd", typeRTD), scheme.Req("k", nil)))
	mutatorProc  = prim("record-mutator", recordMutator, scheme.Lambda(scheme.Req("rtd", typeRTD), scheme.Req("k", nil)))
)

// parentClause is the parent constructor descriptor the expansion of a
// parent clause passes: the one the parent's define-record-type made (a
// parent-rtd clause passes its own, where #f is the default one).
type parentClause struct{}

// TypeName implements scheme.Value.
func (parentClause) TypeName() string { return "parent-clause" }

// internalDefineRecord makes the record type of a define-record-type with
// its default constructor descriptor.
func internalDefineRecord(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t, err := newRTD(th, a[0], a[1], a[3], a[4], a[5], a[6])
	if err != nil {
		return nil, err
	}
	parentCD := a[2]
	if parentCD == (parentClause{}) {
		parentCD = scheme.False
		switch {
		case t.parent == nil:
		case a[7] != scheme.False && srfi9CD(t.parent) != nil:
			// a SRFI-9/R7RS type: its constructor, which chez-srfi's
			// SRFI-9 makes a protocol. Without a protocol clause, which
			// Chez then rejects, the default one.
			parentCD = srfi9CD(t.parent)
		case t.parent.cd != nil:
			parentCD = t.parent.cd
		}
	}
	// without a protocol clause, the parent must have none either (r6rs-lib §6.2)
	if pcd, ok := parentCD.(*RCD); ok && a[7] == scheme.False && pcd.protocol != scheme.False {
		return nil, scheme.NewError("define-record-type", "no protocol clause, but the parent constructor has a protocol", []scheme.Value{a[0]}, "assertion")
	}
	if t.cd, err = newRCD(t, parentCD, a[7]); err != nil {
		return nil, err
	}
	return t, nil
}

// defaultConstructor is the constructor of a define-record-type.
func defaultConstructor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := rtdOf(a[0])
	if t.cd == nil { // the core's type: its default constructor descriptor
		cd, err := newRCD(t, scheme.False, scheme.False)
		if err != nil {
			return nil, err
		}
		return constructor(th, cd, t, nil)
	}
	return constructor(th, t.cd, t, nil)
}

// srfi9Constructor is the constructor of a SRFI-9 define-record-type:
// its arguments are the named fields, the others are #f.
func srfi9Constructor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := rtdOf(a[0])
	names, _ := scheme.ListToSlice(a[1])
	pos := make([]int, len(names))
	for i, n := range names {
		pos[i] = -1
		for j, f := range t.names {
			if f == n {
				pos[i] = j
			}
		}
		if pos[i] < 0 {
			return nil, scheme.Errorf("define-record-type: unknown field %s", scheme.WriteString(n))
		}
	}
	if t.ctor == nil && t.core == nil {
		t.ctor = pos
	}
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "make-" + t.name.Name, Spec: specSyn, Doc: "Record constructor.",
		Args: scheme.Lambda(scheme.Rest("fields", nil)), Fn: func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			vals, _ := scheme.ListToSlice(b[0])
			if len(vals) != len(pos) {
				return nil, scheme.NewError("", "wrong number of arguments", vals, "arity")
			}
			fields := make([]scheme.Value, len(t.names))
			for i := range fields {
				fields[i] = scheme.False
			}
			for i, p := range pos {
				fields[p] = vals[i]
			}
			if t.core != nil {
				return &scheme.Record{Type: t.core, Fields: fields}, nil
			}
			return &Record{rtd: t, fields: fields}, nil
		}}), nil
}

// defineRecordType implements define-record-type.
func defineRecordType(form scheme.Value) (scheme.Value, error) {
	it, ok := scheme.ListToSlice(form)
	if !ok || len(it) < 2 {
		return nil, errSyntax
	}
	if len(it) >= 4 && scheme.IsIdentifier(it[1]) && scheme.IsIdentifier(it[3]) {
		return srfi9(it)
	}
	return r6rs(it)
}

// srfi9 expands (define-record-type T (ctor field ...) pred (field accessor [modifier]) ...).
func srfi9(it []scheme.Value) (scheme.Value, error) {
	t := it[1]
	var specs, fieldNames []scheme.Value
	var defs []scheme.Value
	for i, fs := range it[4:] {
		l, ok := scheme.ListToSlice(fs)
		if !ok || len(l) < 1 || len(l) > 3 {
			return nil, errors.New("bad field spec " + scheme.WriteString(scheme.StripSyntax(fs)))
		}
		f := sym(name(l[0]))
		fieldNames = append(fieldNames, f)
		kind := "immutable" // as the core's define-record-type: mutable when it has a modifier
		if len(l) > 2 {
			kind = "mutable"
		}
		specs = append(specs, scheme.List(sym(kind), f))
		if len(l) > 1 {
			defs = append(defs, define(l[1], scheme.List(accessorProc, t, scheme.Fixnum(i))))
		}
		if len(l) > 2 {
			defs = append(defs, define(l[2], scheme.List(mutatorProc, t, scheme.Fixnum(i))))
		}
	}
	out := []scheme.Value{sym("begin"),
		define(t, scheme.List(defineRecordProc, quote(sym(name(t))), scheme.False, scheme.False, scheme.False, scheme.False, scheme.False,
			quote(&scheme.Vector{Items: specs}), scheme.False))}
	switch c := it[2].(type) {
	case *scheme.Pair:
		args, _ := scheme.ListToSlice(c.Cdr)
		var names []scheme.Value
		for _, a := range args {
			names = append(names, sym(name(a)))
		}
		out = append(out, define(c.Car, scheme.List(srfi9Ctor, t, quote(scheme.List(names...)))))
	default:
		if scheme.IsIdentifier(c) {
			out = append(out, define(c, scheme.List(srfi9Ctor, t, quote(scheme.List(fieldNames...)))))
		}
	}
	out = append(out, define(it[3], scheme.List(predProc, t)))
	return scheme.List(append(out, defs...)...), nil
}

// r6rs expands (define-record-type name-spec clause ...).
func r6rs(it []scheme.Value) (scheme.Value, error) {
	var t, ctor, pred scheme.Value
	if scheme.IsIdentifier(it[1]) {
		t = it[1]
		ctor, pred = sym("make-"+name(t)), sym(name(t)+"?")
	} else {
		l, ok := scheme.ListToSlice(it[1])
		if !ok || len(l) != 3 || !scheme.IsIdentifier(l[0]) {
			return nil, errors.New("bad record name spec " + scheme.WriteString(scheme.StripSyntax(it[1])))
		}
		t, ctor, pred = l[0], l[1], l[2]
	}
	tn := name(t)
	var parent, parentCD, uid, sealed, opaque, protocol scheme.Value = scheme.False, scheme.False, scheme.False, scheme.False, scheme.False, scheme.False
	var specs, defs []scheme.Value
	for _, cl := range it[2:] {
		l, ok := scheme.ListToSlice(cl)
		if !ok || len(l) == 0 {
			return nil, errors.New("bad record clause " + scheme.WriteString(scheme.StripSyntax(cl)))
		}
		switch name(l[0]) {
		case "fields":
			for _, fs := range l[1:] {
				k := scheme.Fixnum(len(specs))
				if scheme.IsIdentifier(fs) {
					f := name(fs)
					specs = append(specs, scheme.List(sym("immutable"), sym(f)))
					defs = append(defs, define(sym(tn+"-"+f), scheme.List(accessorProc, t, k)))
					continue
				}
				fl, ok := scheme.ListToSlice(fs)
				if !ok || len(fl) < 2 {
					return nil, errors.New("bad field spec " + scheme.WriteString(scheme.StripSyntax(fs)))
				}
				kind, f := name(fl[0]), name(fl[1])
				switch {
				case kind == "immutable" && len(fl) <= 3:
					acc := scheme.Value(sym(tn + "-" + f))
					if len(fl) == 3 {
						acc = fl[2]
					}
					defs = append(defs, define(acc, scheme.List(accessorProc, t, k)))
				case kind == "mutable" && (len(fl) == 2 || len(fl) == 4):
					acc, mod := scheme.Value(sym(tn+"-"+f)), scheme.Value(sym(tn+"-"+f+"-set!"))
					if len(fl) == 4 {
						acc, mod = fl[2], fl[3]
					}
					defs = append(defs, define(acc, scheme.List(accessorProc, t, k)), define(mod, scheme.List(mutatorProc, t, k)))
				default:
					return nil, errors.New("bad field spec " + scheme.WriteString(scheme.StripSyntax(fs)))
				}
				specs = append(specs, scheme.List(sym(kind), sym(f)))
			}
		case "parent":
			if len(l) != 2 {
				return nil, errors.New("bad parent clause")
			}
			parent, parentCD = l[1], quote(parentClause{})
		case "parent-rtd":
			if len(l) != 3 {
				return nil, errors.New("bad parent-rtd clause")
			}
			parent, parentCD = l[1], l[2]
		case "protocol":
			if len(l) != 2 {
				return nil, errors.New("bad protocol clause")
			}
			protocol = l[1]
		case "sealed":
			if len(l) != 2 {
				return nil, errors.New("bad sealed clause")
			}
			sealed = l[1]
		case "opaque":
			if len(l) != 2 {
				return nil, errors.New("bad opaque clause")
			}
			opaque = l[1]
		case "nongenerative":
			switch len(l) {
			case 1:
				uid = quote(sym("rnrs-record:" + tn))
			case 2:
				uid = quote(sym(name(l[1])))
			default:
				return nil, errors.New("bad nongenerative clause")
			}
		default:
			return nil, errors.New("unknown record clause " + scheme.WriteString(scheme.StripSyntax(cl)))
		}
	}
	out := []scheme.Value{sym("begin"),
		define(t, scheme.List(defineRecordProc, quote(sym(tn)), parent, parentCD, uid, sealed, opaque, quote(&scheme.Vector{Items: specs}), protocol)),
		define(ctor, scheme.List(ctorProc, t)),
		define(pred, scheme.List(predProc, t))}
	return scheme.List(append(out, defs...)...), nil
}
