// SRFI 17 generalized set!: setter and getter-with-setter, in the core so
// that (set! (car p) v), which the expander turns into ((setter car) p v),
// works in every interpreter; (chicken base) re-exports them.

package scheme

// srfi17Library is the (srfi 17) table.
var srfi17Library = &Library{Name: "(srfi 17)", Doc: "SRFI 17 generalized set!: setter and getter-with-setter (as CHICKEN's (chicken base)).", Procs: []Proc{
	{Name: "setter", Spec: "CHICKEN (chicken base)", LazyArgs: func() Params { return Lambda(Req("procedure", TypeProcedure)) },
		Doc: "The setter of procedure (SRFI 17): car → set-car!, vector-ref → vector-set! …, or the one given to getter-with-setter; an error when it has none. (set! (setter proc) new) changes the setter of a getter-with-setter procedure.",
		Fn:  setter},
	{Name: "getter-with-setter", Spec: "CHICKEN (chicken base)", LazyArgs: func() Params { return Lambda(Req("getter", TypeProcedure), Req("setter", TypeProcedure)) },
		Doc: "A procedure behaving as getter whose setter is setter.", Fn: getterWithSetter},
	{Name: "%set-setter!", Doc: "The setter of setter: makes setter the setter of procedure, one made by getter-with-setter.", LazyArgs: func() Params { return Lambda(Req("procedure", TypeProcedure), Req("setter", TypeProcedure)) }, Fn: internalSetSetterBang},
}}

// standardSetters are the setters of the standard accessors, by name.
var standardSetters = map[string]string{"car": "set-car!", "cdr": "set-cdr!", "vector-ref": "vector-set!",
	"string-ref": "string-set!", "bytevector-u8-ref": "bytevector-u8-set!", "hash-table-ref": "hash-table-set!",
	"hash-table-ref/default": "hash-table-set!", "list-ref": "list-set!", "record-printer": "set-record-printer!",
	"get": "put!", "symbol-plist": "%set-symbol-plist!", "block-ref": "block-set!", "record-instance-slot": "record-instance-slot-set!",
	"setter": "%set-setter!", "file-position": "set-file-position!", "file-creation-mode": "file-creation-mode",
	"locative-ref": "locative-set!"}

type settersKey struct{}

// settersOf returns the getter-with-setter procedures of th's interpreter
// and their setters.
func settersOf(th *Thread) *ProcTable {
	return th.Interp().HostData(settersKey{}, func() any { return new(ProcTable) }).(*ProcTable)
}

// setter implements setter.
func setter(th *Thread, a []Value) (Value, error) {
	if s, ok := settersOf(th).Get(a[0]); ok {
		return s, nil
	}
	if p, ok := a[0].(*Primitive); ok {
		if n, ok := standardSetters[p.Proc.Name]; ok {
			if s, ok := th.Interp().Lookup(n); ok {
				return s, nil
			}
		}
	}
	return nil, NewError("setter", "procedure has no setter", []Value{a[0]})
}

// getterWithSetter implements getter-with-setter.
func getterWithSetter(th *Thread, a []Value) (Value, error) {
	return settersOf(th).Wrap("getter-with-setter", a[0], a[1]), nil
}

// internalSetSetterBang implements %set-setter!, the setter of setter:
// (set! (setter proc) new) on a procedure made by getter-with-setter.
func internalSetSetterBang(th *Thread, a []Value) (Value, error) {
	if !settersOf(th).Set(a[0], a[1]) {
		return nil, NewError("setter", "cannot change the setter of a procedure not made by getter-with-setter", []Value{a[0]})
	}
	return Unspecified, nil
}
