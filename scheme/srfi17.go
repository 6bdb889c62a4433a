// SRFI 17 generalized set!: setter and getter-with-setter, in the core so
// that (set! (car p) v), which the expander turns into ((setter car) p v),
// works in every interpreter; (chicken base) re-exports them.

package scheme

import "strings"

// srfi17Library is the (srfi 17) table.
var srfi17Library = &Library{Name: "(srfi 17)", Doc: "SRFI 17 generalized set!: setter and getter-with-setter (as CHICKEN's (chicken base)).", Procs: []Proc{
	{Name: "setter", Spec: "CHICKEN (chicken base)", LazyArgs: func() Params { return Lambda(Req("procedure", TypeProcedure)) },
		Doc: "The setter of procedure (SRFI 17): car → set-car!, vector-ref → vector-set! …, or the one given to getter-with-setter; an error when it has none. (set! (setter proc) new) changes the setter of a getter-with-setter procedure.",
		Fn:  setter},
	{Name: "getter-with-setter", Spec: "CHICKEN (chicken base)", LazyArgs: func() Params { return Lambda(Req("getter", TypeProcedure), Req("setter", TypeProcedure)) },
		Doc: "A procedure behaving as getter whose setter is setter.", Fn: getterWithSetter},
	{Name: "%set-setter!", Doc: "The setter of setter: makes setter the setter of procedure, one made by getter-with-setter.", LazyArgs: func() Params { return Lambda(Req("procedure", TypeProcedure), Req("setter", TypeProcedure)) }, Fn: internalSetSetterBang},
}}

// standardSetter returns the setter of the standard accessor name, if it
// has one (a switch: a map would be built at every start).
func standardSetter(name string) (string, bool) {
	switch name {
	case "car":
		return "set-car!", true
	case "cdr":
		return "set-cdr!", true
	case "vector-ref":
		return "vector-set!", true
	case "string-ref":
		return "string-set!", true
	case "bytevector-u8-ref":
		return "bytevector-u8-set!", true
	case "hash-table-ref", "hash-table-ref/default":
		return "hash-table-set!", true
	case "list-ref":
		return "list-set!", true
	case "record-printer":
		return "set-record-printer!", true
	case "get":
		return "put!", true
	case "symbol-plist":
		return "%set-symbol-plist!", true
	case "current-user-id", "current-effective-user-id", "current-group-id", "current-effective-group-id":
		return "%set-" + name + "!", true
	case "block-ref":
		return "block-set!", true
	case "record-instance-slot":
		return "record-instance-slot-set!", true
	case "setter":
		return "%set-setter!", true
	case "file-position":
		return "set-file-position!", true
	case "file-creation-mode":
		return "file-creation-mode", true
	case "file-permissions", "file-owner", "file-group":
		return "set-" + name + "!", true
	case "current-directory":
		return "change-directory", true
	case "signal-handler":
		return "set-signal-handler!", true
	case "locative-ref":
		return "locative-set!", true
	case "u8vector-ref", "s8vector-ref", "u16vector-ref", "s16vector-ref", "u32vector-ref", "s32vector-ref",
		"u64vector-ref", "s64vector-ref", "f32vector-ref", "f64vector-ref": // CHICKEN's srfi-4 module
		return strings.TrimSuffix(name, "ref") + "set!", true
	}
	return "", false
}

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
	name := ""
	switch p := a[0].(type) {
	case *Primitive:
		name = p.Proc.Name
	case *Closure: // a library's procedure written in Scheme (srfi-4's s16vector-ref), as bound
		if _, std := standardSetter(p.Name()); std {
			if v, ok := th.Interp().Lookup(p.Name()); ok && v == a[0] {
				name = p.Name()
			}
		}
	}
	if n, ok := standardSetter(name); ok {
		if s, ok := th.Interp().Lookup(n); ok {
			return s, nil
		}
	}
	return nil, NewError("setter", "procedure has no setter", []Value{a[0]})
}

// getterWithSetter implements getter-with-setter: the procedure prints as
// its getter does (csi: #<procedure (f x)>).
func getterWithSetter(th *Thread, a []Value) (Value, error) {
	label := "getter-with-setter"
	switch g := a[0].(type) {
	case *Closure:
		label = WriteString(g.LambdaList())
	case *Primitive:
		label = g.Proc.Name
	}
	return settersOf(th).Wrap(label, a[0], a[1]), nil
}

// internalSetSetterBang implements %set-setter!, the setter of setter:
// (set! (setter proc) new) on a procedure made by getter-with-setter.
func internalSetSetterBang(th *Thread, a []Value) (Value, error) {
	if !settersOf(th).Set(a[0], a[1]) {
		return nil, NewError("setter", "cannot change the setter of a procedure not made by getter-with-setter", []Value{a[0]})
	}
	return Unspecified, nil
}
