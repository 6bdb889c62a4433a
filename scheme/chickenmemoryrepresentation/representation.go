// CHICKEN's (chicken memory representation): records, slots and copies of objects.

// Package chickenmemoryrepresentation is the (chicken memory
// representation) library: the procedures of CHICKEN 5's module that make
// sense without raw memory, over tlsport's objects.
//
// The vector-like objects are vectors, records, pairs, symbols and
// keywords (vector-like? follows the manual), but only the slots of
// vectors, records and pairs can be read and set: a vector's slots are
// its elements; a record's are its type symbol (slot 0, read-only) then its
// fields; a pair's are its car and cdr. The records are those of
// define-record-type and make-record-instance, and those of R6RS types
// extending a define-record-type type, which are its records too (other
// R6RS records are not).
// Extended procedures are wrappers that call the original procedure.
//
// mutate-procedure! replaces a procedure written in Scheme in place (its
// code and environment), so that every reference to it calls the new one.
// object-become! raises an error: tlsport cannot change an object's
// identity.
package chickenmemoryrepresentation

import (
	"bytes"
	"strconv"
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken memory representation)"

var (
	recordType = &scheme.Type{Name: "record structure", Accept: func(v scheme.Value) bool { _, ok := v.(*scheme.Record); return ok }}
	blockType  = &scheme.Type{Name: "vector, record or pair", Accept: func(v scheme.Value) bool {
		switch v.(type) {
		case *scheme.Vector, *scheme.Record, *scheme.Pair:
			return true
		}
		return false
	}}
	byteBlockType = &scheme.Type{Name: "vector, record, pair, string, bytevector or blob", Accept: func(v scheme.Value) bool {
		switch v.(type) {
		case *scheme.String, *scheme.Bytevector, *scheme.Blob:
			return true
		}
		return blockType.Accept(v)
	}}
	index = scheme.TypeIndex
)

var procs = []scheme.Proc{
	{Name: "mutate-procedure!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("old", scheme.TypeProcedure), scheme.Req("proc", scheme.TypeProcedure))
	},
		Doc: "Calls proc with a copy of old (a procedure behaving as old) and makes old behave as the procedure proc returns, for every caller; returns old. old and the result must be procedures written in Scheme.",
		Fn:  mutateProcedureBang},
	{Name: "object-become!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("alist", scheme.TypeList)) },
		Doc: "Not supported: tlsport's objects are Go values, whose identity cannot be changed; an error.",
		Fn:  objectBecomeBang},
	{Name: "extend-procedure", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("procedure", scheme.TypeProcedure), scheme.Req("x", nil))
	},
		Doc: "A procedure calling procedure, with a data slot holding x; when procedure is already extended, its data slot is set to x and procedure is returned.",
		Fn:  extendProcedure},
	{Name: "extended-procedure?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("procedure", nil)) },
		Doc: "#t when procedure is an extended procedure, else #f.",
		Fn:  extendedProcedureP},
	{Name: "procedure-data", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("procedure", scheme.TypeProcedure)) },
		Doc: "The data slot of the extended procedure procedure, or #f when it is not extended.",
		Fn:  procedureData},
	{Name: "set-procedure-data!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("procedure", scheme.TypeProcedure), scheme.Req("x", nil))
	},
		Doc: "Sets the data slot of the extended procedure procedure to x; an error when procedure is not extended.",
		Fn:  setProcedureDataBang},
	{Name: "vector-like?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("x", nil)) },
		Doc: "#t when x is a vector, record, pair, symbol or keyword (strings and bytevectors are byte blocks, not vector-like), else #f.",
		Fn:  vectorLikeP},
	{Name: "block-ref", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("vector*", blockType), scheme.Req("index", index))
	},
		Doc: "The index-th slot of a vector (its element), record (0: its type symbol, then its fields) or pair (0: car, 1: cdr). (set! (block-ref v i) x) is block-set!.",
		Fn:  blockRef},
	{Name: "block-set!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("vector*", blockType), scheme.Req("index", index), scheme.Req("x", nil))
	},
		Doc: "Sets the index-th slot of a vector, record or pair (see block-ref) to x; a record's type slot 0 cannot be set.",
		Fn:  blockSetBang},
	{Name: "number-of-slots", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("vector*", blockType)) },
		Doc: "The number of slots of a vector (its length), record (its fields and its type) or pair (2).",
		Fn:  numberOfSlots},
	{Name: "number-of-bytes", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("block", byteBlockType)) },
		Doc: "The bytes of data in block: a string's UTF-8 bytes, a bytevector's, or 8 per slot of a vector, record or pair.",
		Fn:  numberOfBytes},
	{Name: "object-copy", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("x", nil)) },
		Doc: "A fresh copy of x, made recursively through pairs, vectors, records, strings and bytevectors (sharing and cycles are kept); symbols, numbers, procedures and other objects are not copied.",
		Fn:  objectCopy},
	{Name: "make-record-instance", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("symbol", scheme.TypeSymbol), scheme.Rest("args", nil))
	},
		Doc: "A new record of the type named symbol, its slots initialized to args.",
		Fn:  makeRecordInstance},
	{Name: "record-instance?", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("x", nil), scheme.Opt("symbol", scheme.TypeSymbol, nil))
	},
		Doc: "#t when x is a record structure (of the type named symbol, when given), else #f.",
		Fn:  recordInstanceP},
	{Name: "record-instance-type", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("record", recordType)) },
		Doc: "The type symbol of the record structure record.",
		Fn:  recordInstanceType},
	{Name: "record-instance-length", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("record", recordType)) },
		Doc: "The number of slots of the record structure record, its type not counted.",
		Fn:  recordInstanceLength},
	{Name: "record-instance-slot", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("record", recordType), scheme.Req("index", index))
	},
		Doc: "The index-th slot of the record structure record, from 0 below record-instance-length. (set! (record-instance-slot r i) x) is record-instance-slot-set!.",
		Fn:  recordInstanceSlot},
	{Name: "record-instance-slot-set!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("record", recordType), scheme.Req("index", index), scheme.Req("x", nil))
	},
		Doc: "Sets the index-th slot of the record structure record, from 0 below record-instance-length, to x.",
		Fn:  recordInstanceSlotSetBang},
	{Name: "record->vector", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("record", recordType)) },
		Doc: "A new vector of the type symbol and the slots of the record structure record.",
		Fn:  recordToVector},
}

// Library is the (chicken memory representation) binding table.
var Library = &scheme.Library{Name: "(chicken memory representation)",
	Doc: "CHICKEN 5's (chicken memory representation): extended procedures, slots of vector-like objects, record instances, object-copy.", Procs: procs}

// state holds an interpreter's extended procedures and record types.
type state struct {
	extended scheme.ProcTable // extended procedures and their data
	mu       sync.Mutex
	types    map[recordKey]*scheme.RecordType // make-record-instance's
}

type recordKey struct {
	name string
	n    int
}

type stateKey struct{}

func stateOf(th *scheme.Thread) *state {
	return th.Interp().HostData(stateKey{}, func() any {
		return &state{types: map[recordKey]*scheme.RecordType{}}
	}).(*state)
}

// mutateProcedureBang implements mutate-procedure!.
func mutateProcedureBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	old, ok := a[0].(*scheme.Closure)
	if !ok {
		return nil, scheme.NewError("mutate-procedure!", "only a procedure written in Scheme can be mutated", []scheme.Value{a[0]}, "type")
	}
	v, err := th.Call(a[1], scheme.CopyClosure(old))
	if err != nil {
		return nil, err
	}
	repl, ok := v.(*scheme.Closure)
	if !ok {
		return nil, scheme.NewError("mutate-procedure!", "proc must return a procedure written in Scheme", []scheme.Value{v}, "type")
	}
	scheme.ReplaceClosure(old, repl)
	return old, nil
}

// objectBecomeBang implements object-become!.
func objectBecomeBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nil, scheme.NewError("object-become!", "not supported: tlsport cannot change an object's identity", []scheme.Value{a[0]})
}

// extendProcedure implements extend-procedure.
func extendProcedure(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st := stateOf(th)
	if st.extended.Set(a[0], a[1]) {
		return a[0], nil
	}
	return st.extended.Wrap("extended-procedure", a[0], a[1]), nil
}

// extendedProcedureP implements extended-procedure?.
func extendedProcedureP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := stateOf(th).extended.Get(a[0])
	return scheme.MakeBool(ok), nil
}

// procedureData implements procedure-data.
func procedureData(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if v, ok := stateOf(th).extended.Get(a[0]); ok {
		return v, nil
	}
	return scheme.False, nil
}

// setProcedureDataBang implements set-procedure-data!.
func setProcedureDataBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if !stateOf(th).extended.Set(a[0], a[1]) {
		return nil, scheme.TypeError("set-procedure-data!", 1, "extended procedure", a[0])
	}
	return scheme.Unspecified, nil
}

// vectorLikeP implements vector-like?.
func vectorLikeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch a[0].(type) {
	case *scheme.Vector, *scheme.Record, *scheme.Pair, *scheme.Symbol:
		return scheme.True, nil
	}
	return scheme.MakeBool(scheme.TypeKeyword.Accept(a[0])), nil
}

// slots returns the number of slots of a vector, record or pair.
func slots(v scheme.Value) int {
	switch x := v.(type) {
	case *scheme.Vector:
		return len(x.Items)
	case *scheme.Record:
		return 1 + len(x.Fields)
	}
	return 2
}

// checkIndex reports an index out of the slots of v.
func checkIndex(who string, i scheme.Value, n int) error {
	if int(i.(scheme.Fixnum)) >= n {
		return scheme.RangeError(who, 2, "slot index", i)
	}
	return nil
}

// blockRef implements block-ref.
func blockRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := checkIndex("block-ref", a[1], slots(a[0])); err != nil {
		return nil, err
	}
	i := int(a[1].(scheme.Fixnum))
	switch x := a[0].(type) {
	case *scheme.Vector:
		return x.Items[i], nil
	case *scheme.Record:
		if i == 0 {
			return scheme.Intern(x.Type.Name), nil
		}
		return x.Fields[i-1], nil
	case *scheme.Pair:
		if i == 0 {
			return x.Car, nil
		}
		return x.Cdr, nil
	}
	return nil, nil
}

// blockSetBang implements block-set!.
func blockSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := checkIndex("block-set!", a[1], slots(a[0])); err != nil {
		return nil, err
	}
	i := int(a[1].(scheme.Fixnum))
	switch x := a[0].(type) {
	case *scheme.Vector:
		x.Items[i] = a[2]
	case *scheme.Record:
		if i == 0 {
			return nil, scheme.NewError("block-set!", "the type slot 0 of a record cannot be set", []scheme.Value{a[0]})
		}
		x.Fields[i-1] = a[2]
	case *scheme.Pair:
		if i == 0 {
			x.Car = a[2]
		} else {
			x.Cdr = a[2]
		}
	}
	return scheme.Unspecified, nil
}

// leafCopy returns a copy of a string, bytevector or blob.
func leafCopy(v scheme.Value) scheme.Value {
	switch x := v.(type) {
	case *scheme.String:
		return scheme.NewString(x.String())
	case *scheme.Bytevector:
		return &scheme.Bytevector{B: bytes.Clone(x.B)}
	case *scheme.Blob:
		return &scheme.Blob{B: bytes.Clone(x.B)}
	}
	return v
}

// numberOfSlots implements number-of-slots.
func numberOfSlots(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(slots(a[0])), nil
}

// numberOfBytes implements number-of-bytes.
func numberOfBytes(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch x := a[0].(type) {
	case *scheme.String:
		return scheme.Fixnum(len(x.String())), nil
	case *scheme.Bytevector:
		return scheme.Fixnum(len(x.B)), nil
	case *scheme.Blob:
		return scheme.Fixnum(len(x.B)), nil
	}
	return scheme.Fixnum(8 * slots(a[0])), nil
}

// objectCopy implements object-copy.
func objectCopy(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return copier{}.copy(a[0]), nil
}

// copier copies objects recursively, each once: the copies of the objects
// met so far.
type copier map[scheme.Value]scheme.Value

func (c copier) copy(v scheme.Value) scheme.Value {
	switch x := v.(type) {
	case *scheme.Pair:
		if y, ok := c[v]; ok {
			return y
		}
		// a list's spine iteratively, so long lists do not deepen the Go stack
		head := &scheme.Pair{}
		c[v] = head
		for p := head; ; {
			p.Car = c.copy(x.Car)
			next, ok := x.Cdr.(*scheme.Pair)
			if !ok {
				p.Cdr = c.copy(x.Cdr)
				return head
			}
			if y, ok := c[next]; ok {
				p.Cdr = y
				return head
			}
			q := &scheme.Pair{}
			c[next] = q
			p.Cdr, p, x = q, q, next
		}
	case *scheme.Vector:
		if y, ok := c[v]; ok {
			return y
		}
		y := &scheme.Vector{Items: make([]scheme.Value, len(x.Items))}
		c[v] = y
		for i, e := range x.Items {
			y.Items[i] = c.copy(e)
		}
		return y
	case *scheme.Record:
		if y, ok := c[v]; ok {
			return y
		}
		y := &scheme.Record{Type: x.Type, Fields: make([]scheme.Value, len(x.Fields))}
		c[v] = y
		for i, e := range x.Fields {
			y.Fields[i] = c.copy(e)
		}
		return y
	case *scheme.String, *scheme.Bytevector, *scheme.Blob:
		if y, ok := c[v]; ok {
			return y
		}
		y := leafCopy(v)
		c[v] = y
		return y
	}
	return v
}

// makeRecordInstance implements make-record-instance.
func makeRecordInstance(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	fields, _ := scheme.ListToSlice(a[1])
	name := a[0].(*scheme.Symbol).Name
	st := stateOf(th)
	st.mu.Lock()
	key := recordKey{name, len(fields)}
	t, ok := st.types[key]
	if !ok {
		t = &scheme.RecordType{Name: name, Fields: make([]*scheme.Symbol, len(fields))}
		for i := range t.Fields {
			t.Fields[i] = scheme.Intern("slot" + strconv.Itoa(i))
		}
		st.types[key] = t
	}
	st.mu.Unlock()
	return &scheme.Record{Type: t, Fields: fields}, nil
}

// recordInstanceP implements record-instance?.
func recordInstanceP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r, ok := a[0].(*scheme.Record)
	if ok && a[1] != scheme.Default {
		ok = r.Type.Name == a[1].(*scheme.Symbol).Name
	}
	return scheme.MakeBool(ok), nil
}

// recordInstanceType implements record-instance-type.
func recordInstanceType(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(a[0].(*scheme.Record).Type.Name), nil
}

// recordInstanceLength implements record-instance-length.
func recordInstanceLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(len(a[0].(*scheme.Record).Fields)), nil
}

// recordInstanceSlot implements record-instance-slot.
func recordInstanceSlot(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r := a[0].(*scheme.Record)
	if err := checkIndex("record-instance-slot", a[1], len(r.Fields)); err != nil {
		return nil, err
	}
	return r.Fields[a[1].(scheme.Fixnum)], nil
}

// recordInstanceSlotSetBang implements record-instance-slot-set!.
func recordInstanceSlotSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r := a[0].(*scheme.Record)
	if err := checkIndex("record-instance-slot-set!", a[1], len(r.Fields)); err != nil {
		return nil, err
	}
	r.Fields[a[1].(scheme.Fixnum)] = a[2]
	return scheme.Unspecified, nil
}

// recordToVector implements record->vector.
func recordToVector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r := a[0].(*scheme.Record)
	items := make([]scheme.Value, 0, 1+len(r.Fields))
	items = append(items, scheme.Intern(r.Type.Name))
	return &scheme.Vector{Items: append(items, r.Fields...)}, nil
}
