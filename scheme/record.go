// Records: define-record-type types and instances.

package scheme

// RecordType is a record type made by define-record-type (R7RS, SRFI-9,
// CHICKEN's define-record). (rnrs records inspection) and SRFI-99 take it
// as a record-type descriptor: no parent, generative, neither sealed nor
// opaque, its fields Fields.
//
// An R6RS record type (rnrsrecords) whose parent is such a type, or whose
// parent's records are [*Record]s, has its records be [*Record]s too, so
// that the parent's accessors, modifiers and predicate take them: their
// type is a RecordType whose Parent is the parent's and whose Descriptor
// is the R6RS descriptor.
type RecordType struct {
	Name string
	// Fields are the names of the fields, a parent's first: a record has
	// one value per name, in this order.
	Fields []*Symbol
	// Mutable tells which fields have a modifier (define-record-type made
	// one for them), in the order of Fields; nil means every field is
	// mutable (the types made in Go, whose fields some procedure sets).
	// R6RS's record-field-mutable? and record-mutator go by it.
	Mutable []bool
	// Constructor holds the indexes in Fields of the arguments of the
	// constructor define-record-type made, in order (the other fields
	// start #f); nil when it made none, or for the types made in Go.
	// R6RS's record-constructor-descriptor goes by it.
	Constructor []int
	// Parent is the record type this one extends (its Fields begin with
	// the parent's), or nil. define-record-type makes types without one.
	Parent *RecordType
	// Descriptor is the value Scheme code sees as this type when another
	// package made it (the rtd of an R6RS subtype, which record-rtd
	// returns and set-record-printer! keys on), or nil when the type is
	// its own descriptor.
	Descriptor Value
	// Opaque hides the type's records from R6RS's inspection (record? is
	// #f of them, record-rtd an error): a type made in Go for a kind of
	// object that is not a record elsewhere (SRFI-111's boxes).
	Opaque bool
}

// Extends reports whether t is p or a subtype of p (through Parent).
func (t *RecordType) Extends(p *RecordType) bool {
	for ; t != nil; t = t.Parent {
		if t == p {
			return true
		}
	}
	return false
}

// FieldMutable reports whether the i-th field of t has a modifier
// (Mutable).
func (t *RecordType) FieldMutable(i int) bool { return t.Mutable == nil || t.Mutable[i] }

// TypeName implements Value.
func (*RecordType) TypeName() string { return "record-type" }

// Repr implements Repr.
func (t *RecordType) Repr() string { return "#<record-type " + t.Name + ">" }

// Record is an instance of a RecordType.
type Record struct {
	Type   *RecordType
	Fields []Value
}

// TypeName implements Value.
func (r *Record) TypeName() string { return r.Type.Name }

// Repr implements Repr.
func (r *Record) Repr() string { return "#<" + r.Type.Name + ">" } // as csi: #<<point>> for <point>

func trimAngles(s string) string {
	if len(s) > 2 && s[0] == '<' && s[len(s)-1] == '>' {
		return s[1 : len(s)-1]
	}
	return s
}

func (t *RecordType) index(f *Symbol) int {
	for i, x := range t.Fields {
		if x == f {
			return i
		}
	}
	return -1
}

// recordLibrary is the table of the record primitives behind
// define-record-type.
var recordLibrary = &Library{Name: "(tlsport records)", Doc: "The record primitives behind define-record-type.", Procs: recordProcs}

var recordProcs = []Proc{
	{Name: "%make-record-type", Args: Params{Required: []string{"name", "fields"}},
		Fn: internalMakeRecordType},
	{Name: "%record-constructor", Args: Params{Required: []string{"type", "fields"}},
		Fn: internalRecordConstructor},
	{Name: "%record-predicate", Args: Params{Required: []string{"type"}},
		Fn: internalRecordPredicate},
	{Name: "%record-accessor", Args: Params{Required: []string{"type", "field"}},
		Fn: internalRecordAccessor},
	{Name: "%record-modifier", Args: Params{Required: []string{"type", "field"}},
		Fn: internalRecordModifier},
}

// recordTypeArg returns the record type argument of a record primitive.
func recordTypeArg(v Value) (*RecordType, error) {
	t, ok := v.(*RecordType)
	if !ok {
		return nil, TypeError("", 1, "record type", v)
	}
	return t, nil
}

// recordFieldProc builds the accessor (or, when set, the modifier) of field
// a[1] of record type a[0].
func recordFieldProc(a []Value, set bool) (Value, error) {
	t, err := recordTypeArg(a[0])
	if err != nil {
		return nil, err
	}
	f, _ := a[1].(*Symbol)
	i := t.index(f)
	if i < 0 {
		return nil, Errorf("define-record-type: unknown field %s", DisplayString(a[1]))
	}
	name := trimAngles(t.Name) + "-" + f.Name
	argRecord := func(v Value) (*Record, error) {
		r, ok := v.(*Record)
		if !ok || r.Type != t && !r.Type.Extends(t) { // a subtype's record when not t's
			return nil, TypeError("", 1, trimAngles(t.Name), v)
		}
		return r, nil
	}
	if set {
		if t.Mutable != nil {
			t.Mutable[i] = true
		}
		return NewPrimitive(nil, &Proc{Name: name + "-set!", Args: Params{Required: []string{"record", "value"}},
			Fn: func(th *Thread, args []Value) (Value, error) {
				r, err := argRecord(args[0])
				if err != nil {
					return nil, err
				}
				r.Fields[i] = args[1]
				return Unspecified, nil
			}}), nil
	}
	return NewPrimitive(nil, &Proc{Name: name, Args: Params{Required: []string{"record"}},
		Fn: func(th *Thread, args []Value) (Value, error) {
			r, err := argRecord(args[0])
			if err != nil {
				return nil, err
			}
			return r.Fields[i], nil
		}}), nil
}

// internalMakeRecordType implements %make-record-type.
func internalMakeRecordType(th *Thread, a []Value) (Value, error) {
	fs, _ := ListToSlice(a[1])
	t := &RecordType{Name: DisplayString(a[0]), Mutable: make([]bool, len(fs))}
	for _, f := range fs {
		s, ok := f.(*Symbol)
		if !ok {
			return nil, TypeError("define-record-type", 2, "symbol", f)
		}
		t.Fields = append(t.Fields, s)
	}
	return t, nil
}

// internalRecordConstructor implements %record-constructor.
func internalRecordConstructor(th *Thread, a []Value) (Value, error) {
	t, err := recordTypeArg(a[0])
	if err != nil {
		return nil, err
	}
	fs, _ := ListToSlice(a[1])
	idx := make([]int, len(fs))
	for i, f := range fs {
		s, _ := f.(*Symbol)
		idx[i] = t.index(s)
		if idx[i] < 0 {
			return nil, Errorf("define-record-type: unknown field %s", DisplayString(f))
		}
	}
	if t.Constructor == nil {
		t.Constructor = idx
	}
	name := "make-" + trimAngles(t.Name)
	p := &Proc{Name: name, Args: Params{Required: make([]string, len(fs))},
		Fn: func(th *Thread, args []Value) (Value, error) {
			r := &Record{Type: t, Fields: make([]Value, len(t.Fields))}
			for i := range r.Fields {
				r.Fields[i] = False
			}
			for i, j := range idx {
				r.Fields[j] = args[i]
			}
			return r, nil
		}}
	return NewPrimitive(nil, p), nil
}

// internalRecordPredicate implements %record-predicate.
func internalRecordPredicate(th *Thread, a []Value) (Value, error) {
	t, err := recordTypeArg(a[0])
	if err != nil {
		return nil, err
	}
	return NewPrimitive(nil, &Proc{Name: trimAngles(t.Name) + "?", Args: Params{Required: []string{"obj"}},
		Fn: func(th *Thread, args []Value) (Value, error) {
			r, ok := args[0].(*Record)
			return MakeBool(ok && (r.Type == t || r.Type.Parent != nil && r.Type.Extends(t))), nil
		}}), nil
}

// internalRecordAccessor implements %record-accessor.
func internalRecordAccessor(th *Thread, a []Value) (Value, error) {
	return recordFieldProc(a, false)
}

// internalRecordModifier implements %record-modifier.
func internalRecordModifier(th *Thread, a []Value) (Value, error) {
	return recordFieldProc(a, true)
}
