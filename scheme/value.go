// Value model: the Value interface and the singleton objects.

package scheme

import (
	"sync"
)

// Value is any Scheme datum. TypeName is the word used in error messages
// ("pair", "fixnum", "ssl-client-context"). The printer (print.go) formats
// known types itself and falls back to [Repr] for the others.
type Value interface {
	TypeName() string
}

// Repr is implemented by host values that print themselves, e.g. "#<ssl-port>".
type Repr interface {
	Value
	Repr() string
}

// Freezable is a container a library can make immutable, as R6RS's
// hashtable-copy does without its mutable argument: its mutators then
// signal an assertion violation (an (exn type) error).
type Freezable interface {
	Value
	Freeze()
	Frozen() bool
}

// ImmutableError is the error of a mutator (who) given the frozen
// container v.
func ImmutableError(who string, v Value) error {
	return NewError(who, "attempt to modify an immutable "+v.TypeName(), []Value{v}, "type")
}

// Singleton is the type of the unique objects '(), #t, #f, unspecified,
// the eof object and #!default.
type Singleton struct {
	name  string
	print string
}

// TypeName implements Value.
func (s *Singleton) TypeName() string { return s.name }

// Repr returns the printed form of the singleton.
func (s *Singleton) Repr() string { return s.print }

// Boolean is the type of #t and #f; compare with == against [True]/[False].
type Boolean struct{ b bool }

// TypeName implements Value.
func (*Boolean) TypeName() string { return "boolean" }

// Repr returns "#t" or "#f".
func (b *Boolean) Repr() string {
	if b.b {
		return "#t"
	}
	return "#f"
}

// The singletons. Compare with ==.
var (
	Null        Value = &Singleton{"null", "()"}
	True              = &Boolean{true}
	False             = &Boolean{false}
	Unspecified Value = &Singleton{"unspecified", "#<unspecified>"}
	EOF         Value = &Singleton{"eof", "#!eof"}
	// Default is #!default, also the marker of an absent optional or
	// keyword argument.
	Default Value = &Singleton{"default", "#!default"}
	// undefinedValue marks letrec variables not yet initialised.
	undefinedValue Value = &Singleton{"undefined", "#<undefined>"}
)

// MakeBool returns True or False.
func MakeBool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Truthy reports whether v counts as true (everything but #f).
func Truthy(v Value) bool { return v != Value(False) }

// IsDefault reports whether v is the absent-argument marker #!default.
func IsDefault(v Value) bool { return v == Default }

// OrDefault returns d when v is #!default (an absent argument), else v.
func OrDefault(v, d Value) Value {
	if v == Default {
		return d
	}
	return v
}

// Symbol is an interned identifier; compare with ==.
type Symbol struct{ Name string }

// TypeName implements Value.
func (*Symbol) TypeName() string { return "symbol" }

// Keyword is an interned keyword (foo:, #:foo and :foo read as the same one).
type Keyword struct{ Name string }

// TypeName implements Value.
func (*Keyword) TypeName() string { return "keyword" }

// The intern tables: append-only, safe for concurrent use, the only
// package-level state.
var symtab, kwtab sync.Map

// Intern returns the unique symbol with the given name.
func Intern(name string) *Symbol {
	if s, ok := symtab.Load(name); ok {
		return s.(*Symbol)
	}
	s, _ := symtab.LoadOrStore(name, &Symbol{name})
	return s.(*Symbol)
}

// InternKeyword returns the unique keyword with the given name (without colons).
func InternKeyword(name string) *Keyword {
	if s, ok := kwtab.Load(name); ok {
		return s.(*Keyword)
	}
	s, _ := kwtab.LoadOrStore(name, &Keyword{name})
	return s.(*Keyword)
}

// Char is a Unicode character.
type Char rune

// TypeName implements Value.
func (Char) TypeName() string { return "char" }

// Vector is a Scheme vector; Items may be mutated in place.
type Vector struct{ Items []Value }

// TypeName implements Value.
func (*Vector) TypeName() string { return "vector" }

// Bytevector is an R7RS bytevector (R6RS's, and CHICKEN's u8vector).
type Bytevector struct{ B []byte }

// TypeName implements Value.
func (*Bytevector) TypeName() string { return "bytevector" }

// Blob is a CHICKEN blob: bytes of a type of their own, as CHICKEN keeps
// them (blob? is false of a bytevector and bytevector? of a blob), written
// #${hex}. The (chicken blob) procedures and SRFI-4's blob conversions make
// and take them; a procedure documented to take a blob or a string (a
// certificate's data, a buffer) takes a bytevector too (BytesOf).
type Blob struct{ B []byte }

// TypeName implements Value.
func (*Blob) TypeName() string { return "blob" }

// BytesOf returns the bytes of a bytevector or a blob.
func BytesOf(v Value) ([]byte, bool) {
	switch x := v.(type) {
	case *Bytevector:
		return x.B, true
	case *Blob:
		return x.B, true
	}
	return nil, false
}

// MultipleValues carries zero or two-plus values; one value is the value itself.
type MultipleValues struct{ Vals []Value }

// TypeName implements Value.
func (*MultipleValues) TypeName() string { return "values" }

// Values returns vals as one Value: the value itself when there is exactly
// one, else a *MultipleValues holding a copy of vals (which the caller
// may reuse).
func Values(vals ...Value) Value {
	switch len(vals) {
	case 1:
		return vals[0]
	case 2: // the common case, in one allocation
		m := &values2{}
		m.a[0], m.a[1] = vals[0], vals[1]
		m.Vals = m.a[:]
		return &m.MultipleValues
	case 3:
		m := &values3{}
		m.a[0], m.a[1], m.a[2] = vals[0], vals[1], vals[2]
		m.Vals = m.a[:]
		return &m.MultipleValues
	}
	return &MultipleValues{Vals: append([]Value(nil), vals...)}
}

// values2 and values3 are a *MultipleValues of two and three values with
// the values' array (see Values).
type (
	values2 struct {
		MultipleValues
		a [2]Value
	}
	values3 struct {
		MultipleValues
		a [3]Value
	}
)

// Opaque is a host value printing as #<Name>. Go code reaches the wrapped
// object through V.
type Opaque struct {
	Name string
	V    any
}

// TypeName implements Value.
func (o *Opaque) TypeName() string { return o.Name }

// Repr implements Repr.
func (o *Opaque) Repr() string { return "#<" + o.Name + ">" }

// Promise is the result of delay, delay-force and make-promise.
type Promise struct {
	box *promiseBox
}

// TypeName implements Value.
func (*Promise) TypeName() string { return "promise" }

// Environment is a first-class environment for eval: the interpreter's
// global (interaction) environment, or one holding exactly the bindings of
// some libraries.
type Environment struct {
	interp *Interp
	name   string
	ns     *namespace // nil: the interaction environment
}

// TypeName implements Value.
func (*Environment) TypeName() string { return "environment" }

// Repr implements Repr.
func (e *Environment) Repr() string { return "#<environment " + e.name + ">" }

var (
	_ Repr = (*Singleton)(nil)
	_ Repr = (*Boolean)(nil)
	_ Repr = (*Opaque)(nil)
)
