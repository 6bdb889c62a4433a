// CHICKEN's (chicken locative): references to an element of a vector, pair, string, bytevector, SRFI-4 vector or record.

// Package chickenlocative is the (chicken locative) library: a locative
// names one element of a container — a vector, a pair (0 car, 1 cdr), a
// string, a bytevector (blob), a SRFI-4 number vector or a record — and
// locative-ref and locative-set! read and change that element through the
// container's own accessors (so their checks apply: a u8vector takes only
// bytes). A weak locative does not keep its container alive: once the
// container is collected, locative->object returns #f and locative-ref
// and locative-set! report it. tlsport has no foreign-function interface,
// so locatives are not pointers to pass to C.
package chickenlocative

import (
	"weak"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken locative)"

// Locative is a reference to element index of a container.
type Locative struct {
	obj   scheme.Value        // the container, nil for a weak locative
	weak  func() scheme.Value // a weak locative's container, nil once collected
	index int
}

// TypeName implements scheme.Value.
func (*Locative) TypeName() string { return "locative" }

// Repr implements scheme.Repr.
func (*Locative) Repr() string { return "#<locative>" }

// container returns the locative's container, or nil once collected.
func (l *Locative) container() scheme.Value {
	if l.weak != nil {
		return l.weak()
	}
	return l.obj
}

// containerType accepts the objects a locative can refer into.
var containerType = &scheme.Type{Name: "vector, pair, string, bytevector, blob, SRFI-4 vector or record", Accept: func(v scheme.Value) bool {
	return size(v) >= 0
}}

var typeLocative = &scheme.Type{Name: "locative", Accept: func(v scheme.Value) bool { _, ok := v.(*Locative); return ok }}

// size returns the number of elements of container v, -1 for another
// object.
func size(v scheme.Value) int {
	switch x := v.(type) {
	case *scheme.Vector:
		return len(x.Items)
	case *scheme.Pair:
		return 2
	case *scheme.String:
		return x.Len()
	case *scheme.Bytevector:
		return len(x.B)
	case *scheme.Blob:
		return len(x.B)
	case *scheme.NumVector:
		return x.Len()
	case *scheme.Record:
		return len(x.Fields)
	}
	return -1
}

// weakRef returns a function giving v while v is alive, then nil.
func weakRef(v scheme.Value) func() scheme.Value {
	switch x := v.(type) {
	case *scheme.Vector:
		return weakOf(x)
	case *scheme.Pair:
		return weakOf(x)
	case *scheme.String:
		return weakOf(x)
	case *scheme.Bytevector:
		return weakOf(x)
	case *scheme.Blob:
		return weakOf(x)
	case *scheme.NumVector:
		return weakOf(x)
	case *scheme.Record:
		return weakOf(x)
	}
	return nil
}

func weakOf[T any, P interface {
	*T
	scheme.Value
}](x P) func() scheme.Value {
	w := weak.Make((*T)(x))
	return func() scheme.Value {
		if p := w.Value(); p != nil {
			return P(p)
		}
		return nil
	}
}

// accessors returns the names of the procedures reading and changing
// element i of container v (a record's fields are accessed directly: "").
func accessors(v scheme.Value, i int) (ref, set string) {
	switch x := v.(type) {
	case *scheme.Vector:
		return "vector-ref", "vector-set!"
	case *scheme.Pair:
		if i == 0 {
			return "car", "set-car!"
		}
		return "cdr", "set-cdr!"
	case *scheme.String:
		return "string-ref", "string-set!"
	case *scheme.Bytevector:
		return "bytevector-u8-ref", "bytevector-u8-set!"
	case *scheme.NumVector:
		return x.Kind.Tag + "vector-ref", x.Kind.Tag + "vector-set!"
	}
	return "", ""
}

var procs = []scheme.Proc{
	{Name: "make-locative", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("obj", containerType), scheme.Opt("index", scheme.TypeIndex, scheme.Fixnum(0)))
	},
		Doc: "A locative referring to element index (default 0) of obj: a vector, pair (0 its car, 1 its cdr), string, bytevector, blob (a byte), SRFI-4 vector or record.",
		Fn:  makeLocative},
	{Name: "make-weak-locative", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("obj", containerType), scheme.Opt("index", scheme.TypeIndex, scheme.Fixnum(0)))
	},
		Doc: "As make-locative, but the locative does not keep obj from being collected.",
		Fn:  makeWeakLocative},
	{Name: "locative?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("x", nil)) },
		Doc: "Is x a locative?", Fn: locativeP},
	{Name: "locative-ref", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("loc", typeLocative)) },
		Doc: "The element loc refers to; an error once a weak locative's container is collected. Its setter is locative-set!.",
		Fn:  locativeRef},
	{Name: "locative-set!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("loc", typeLocative), scheme.Req("x", nil)) },
		Doc: "Changes the element loc refers to to x (checked as the container's own setter checks it); an error once a weak locative's container is collected.",
		Fn:  locativeSetBang},
	{Name: "locative->object", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("loc", typeLocative)) },
		Doc: "The container loc refers into, or #f once a weak locative's container is collected.",
		Fn:  locativeToObject},
	{Name: "locative-index", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("loc", typeLocative)) },
		Doc: "The index of the element loc refers to.", Fn: locativeIndex},
}

// Library is the (chicken locative) binding table.
var Library = &scheme.Library{Name: "(chicken locative)", Doc: "CHICKEN 5's (chicken locative): references to an element of a container.", Procs: procs}

// newLocative checks the index and makes the locative.
func newLocative(who string, a []scheme.Value, isWeak bool) (scheme.Value, error) {
	i := int(a[1].(scheme.Fixnum))
	if i >= size(a[0]) {
		return nil, scheme.RangeError(who, 2, "beyond the end of the object", a[1])
	}
	if isWeak {
		return &Locative{weak: weakRef(a[0]), index: i}, nil
	}
	return &Locative{obj: a[0], index: i}, nil
}

// makeLocative implements make-locative.
func makeLocative(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return newLocative("make-locative", a, false)
}

// makeWeakLocative implements make-weak-locative.
func makeWeakLocative(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return newLocative("make-weak-locative", a, true)
}

// locativeP implements locative?.
func locativeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*Locative)
	return scheme.MakeBool(ok), nil
}

// live returns the container of the locative argument, or the error of
// a collected one.
func live(who string, a []scheme.Value) (*Locative, scheme.Value, error) {
	l := a[0].(*Locative)
	obj := l.container()
	if obj == nil {
		return nil, nil, scheme.NewError(who, "locative refers to reclaimed object", []scheme.Value{l})
	}
	return l, obj, nil
}

// locativeRef implements locative-ref.
func locativeRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, obj, err := live("locative-ref", a)
	if err != nil {
		return nil, err
	}
	switch x := obj.(type) {
	case *scheme.Record:
		return x.Fields[l.index], nil
	case *scheme.Blob:
		return scheme.Fixnum(x.B[l.index]), nil
	}
	ref, _ := accessors(obj, l.index)
	if _, ok := obj.(*scheme.Pair); ok {
		return scheme.CallGlobal(th, "locative-ref", ref, obj)
	}
	return scheme.CallGlobal(th, "locative-ref", ref, obj, scheme.Fixnum(l.index))
}

// locativeSetBang implements locative-set!.
func locativeSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, obj, err := live("locative-set!", a)
	if err != nil {
		return nil, err
	}
	switch x := obj.(type) {
	case *scheme.Record:
		x.Fields[l.index] = a[1]
		return scheme.Unspecified, nil
	case *scheme.Blob:
		n, ok := a[1].(scheme.Fixnum)
		if !ok || n < 0 || n > 255 {
			return nil, scheme.TypeError("locative-set!", 2, "byte (exact integer 0-255)", a[1])
		}
		x.B[l.index] = byte(n)
		return scheme.Unspecified, nil
	}
	_, set := accessors(obj, l.index)
	if _, ok := obj.(*scheme.Pair); ok {
		return scheme.CallGlobal(th, "locative-set!", set, obj, a[1])
	}
	return scheme.CallGlobal(th, "locative-set!", set, obj, scheme.Fixnum(l.index), a[1])
}

// locativeToObject implements locative->object.
func locativeToObject(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if obj := a[0].(*Locative).container(); obj != nil {
		return obj, nil
	}
	return scheme.False, nil
}

// locativeIndex implements locative-index.
func locativeIndex(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*Locative).index), nil
}
