// (rnrs enums), r6rs-lib §14: enumeration types and sets.

package rnrs

import (
	"errors"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// universe is an enumeration type: its symbols in order.
type universe struct {
	syms  []*scheme.Symbol
	index map[*scheme.Symbol]int
}

// EnumSet is an R6RS enumeration set: a subset of a universe.
type EnumSet struct {
	u   *universe
	has []bool
}

// TypeName implements scheme.Value.
func (*EnumSet) TypeName() string { return "enum-set" }

// Repr implements scheme.Repr.
func (e *EnumSet) Repr() string {
	var names []string
	for _, s := range e.Symbols() {
		names = append(names, s.(*scheme.Symbol).Name)
	}
	return "#<enum-set (" + strings.Join(names, " ") + ")>"
}

// Symbols returns the members in universe order.
func (e *EnumSet) Symbols() []scheme.Value {
	var out []scheme.Value
	for i, ok := range e.has {
		if ok {
			out = append(out, e.u.syms[i])
		}
	}
	return out
}

var typeEnumSet = &scheme.Type{Name: "enum-set", Accept: func(v scheme.Value) bool { _, ok := v.(*EnumSet); return ok }}

func enumSet(v scheme.Value) *EnumSet { return v.(*EnumSet) }

func (u *universe) set(syms []scheme.Value) (*EnumSet, error) {
	e := &EnumSet{u: u, has: make([]bool, len(u.syms))}
	for _, s := range syms {
		sym, ok := s.(*scheme.Symbol)
		i, in := u.index[sym]
		if !ok || !in {
			return nil, scheme.NewError("", "not in the enumeration's universe", []scheme.Value{s}, "assertion")
		}
		e.has[i] = true
	}
	return e, nil
}

// makeEnumeration implements make-enumeration.
func makeEnumeration(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, err := scheme.ListArg("", 1, a[0])
	if err != nil {
		return nil, err
	}
	u := &universe{index: map[*scheme.Symbol]int{}}
	for _, v := range l {
		s, ok := v.(*scheme.Symbol)
		if !ok {
			return nil, scheme.TypeError("", 1, "list of symbols", a[0])
		}
		if _, dup := u.index[s]; !dup {
			u.index[s] = len(u.syms)
			u.syms = append(u.syms, s)
		}
	}
	return u.set(l)
}

// enumSetUniverse implements enum-set-universe.
func enumSetUniverse(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	u := enumSet(a[0]).u
	syms := make([]scheme.Value, len(u.syms))
	for i, s := range u.syms {
		syms[i] = s
	}
	return u.set(syms)
}

// enumSetIndexer implements enum-set-indexer.
func enumSetIndexer(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	u := enumSet(a[0]).u
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "enum-set-indexer", Spec: specEnum, Doc: "Index of symbol in the universe, or #f.",
		Args: lam(req("symbol", nil)), Fn: func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			s, _ := b[0].(*scheme.Symbol)
			if i, ok := u.index[s]; ok {
				return scheme.Fixnum(i), nil
			}
			return scheme.False, nil
		}}), nil
}

// enumSetConstructor implements enum-set-constructor.
func enumSetConstructor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	u := enumSet(a[0]).u
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "enum-set-constructor", Spec: specEnum, Doc: "The enum set of the symbols in list.",
		Args: lam(req("list", nil)), Fn: func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			l, err := scheme.ListArg("", 1, b[0])
			if err != nil {
				return nil, err
			}
			return u.set(l)
		}}), nil
}

// enumSetToList implements enum-set->list.
func enumSetToList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.List(enumSet(a[0]).Symbols()...), nil
}

// enumSetMemberP implements enum-set-member?.
func enumSetMemberP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	e := enumSet(a[1])
	s, _ := a[0].(*scheme.Symbol)
	i, ok := e.u.index[s]
	return scheme.MakeBool(ok && e.has[i]), nil
}

// subset reports whether x ⊆ y by symbol, and whether x's universe ⊆ y's.
func subset(x, y *EnumSet) bool {
	for i, s := range x.u.syms {
		j, ok := y.u.index[s]
		if !ok || (x.has[i] && !y.has[j]) {
			return false
		}
	}
	return true
}

// enumSetSubsetP implements enum-set-subset?.
func enumSetSubsetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(subset(enumSet(a[0]), enumSet(a[1]))), nil
}

// enumSetEqP implements enum-set=?.
func enumSetEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := enumSet(a[0]), enumSet(a[1])
	return scheme.MakeBool(subset(x, y) && subset(y, x)), nil
}

func combine(a []scheme.Value, op func(x, y bool) bool) (scheme.Value, error) {
	x, y := enumSet(a[0]), enumSet(a[1])
	if x.u != y.u {
		return nil, scheme.NewError("", "enum sets of different types", a, "assertion")
	}
	out := &EnumSet{u: x.u, has: make([]bool, len(x.has))}
	for i := range x.has {
		out.has[i] = op(x.has[i], y.has[i])
	}
	return out, nil
}

// enumSetUnion implements enum-set-union.
func enumSetUnion(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return combine(a, func(x, y bool) bool { return x || y })
}

// enumSetIntersection implements enum-set-intersection.
func enumSetIntersection(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return combine(a, func(x, y bool) bool { return x && y })
}

// enumSetDifference implements enum-set-difference.
func enumSetDifference(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return combine(a, func(x, y bool) bool { return x && !y })
}

// enumSetComplement implements enum-set-complement.
func enumSetComplement(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := enumSet(a[0])
	out := &EnumSet{u: x.u, has: make([]bool, len(x.has))}
	for i, h := range x.has {
		out.has[i] = !h
	}
	return out, nil
}

// enumSetProjection implements enum-set-projection.
func enumSetProjection(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := enumSet(a[0]), enumSet(a[1])
	out := &EnumSet{u: y.u, has: make([]bool, len(y.has))}
	for _, s := range x.Symbols() {
		if j, ok := y.u.index[s.(*scheme.Symbol)]; ok {
			out.has[j] = true
		}
	}
	return out, nil
}

// defineEnumeration expands define-enumeration: the enumeration type is
// made once, here, and constructor-syntax expands to a call of its
// constructor (a constant of the expansion), so that the sets it makes
// can be combined.
func defineEnumeration(form scheme.Value) (scheme.Value, error) {
	it, ok := scheme.ListToSlice(form)
	var syms []scheme.Value
	if ok && len(it) == 4 {
		syms, ok = scheme.ListToSlice(scheme.StripSyntax(it[2]))
	}
	if !ok || len(it) != 4 {
		return nil, errors.New("expected (define-enumeration type-name (symbol ...) constructor-syntax)")
	}
	universe, err := makeEnumeration(nil, []scheme.Value{scheme.List(syms...)})
	if err != nil {
		return nil, err
	}
	ctor, _ := enumSetConstructor(nil, []scheme.Value{universe})
	sym := scheme.Intern
	quote := func(v scheme.Value) scheme.Value { return scheme.List(sym("quote"), v) }
	rules := func(pattern, template scheme.Value) scheme.Value {
		return scheme.List(sym("syntax-rules"), scheme.Null, scheme.List(pattern, template))
	}
	// (type-name symbol) is 'symbol, a syntax violation (no rule matches)
	// for a symbol not in the universe, and (constructor-syntax symbol ...)
	// checks each symbol with it, both at expansion (r6rs-lib §14)
	x, dots := sym("x"), sym("...")
	nameRules := []scheme.Value{sym("syntax-rules"), scheme.List(syms...)}
	for _, s := range syms {
		nameRules = append(nameRules, scheme.List(scheme.List(sym("_"), s), quote(s)))
	}
	return scheme.List(sym("begin"),
		scheme.List(sym("define-syntax"), it[1], scheme.List(nameRules...)),
		scheme.List(sym("define-syntax"), it[3], rules(scheme.List(sym("_"), x, dots),
			scheme.List(sym("begin"), scheme.List(it[1], x), dots, scheme.List(ctor, quote(scheme.List(x, dots))))))), nil
}

func enumRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("make-enumeration", specEnum, "The enum set of the symbols, which are also its universe.", lam(req("symbol-list", nil)), makeEnumeration),
		scheme.Row("enum-set-universe", specEnum, "The enum set of the whole universe of enum-set.", lam(req("enum-set", typeEnumSet)), enumSetUniverse),
		scheme.Row("enum-set-indexer", specEnum, "A procedure mapping a symbol to its index in the universe (or #f).", lam(req("enum-set", typeEnumSet)), enumSetIndexer),
		scheme.Row("enum-set-constructor", specEnum, "A procedure making enum sets of the universe from lists of symbols.", lam(req("enum-set", typeEnumSet)), enumSetConstructor),
		scheme.Row("enum-set->list", specEnum, "The symbols of the set in universe order.", lam(req("enum-set", typeEnumSet)), enumSetToList),
		scheme.Row("enum-set-member?", specEnum, "Is symbol in the set?", lam(req("symbol", nil), req("enum-set", typeEnumSet)), enumSetMemberP),
		scheme.Row("enum-set-subset?", specEnum, "Is enum-set1 a subset of enum-set2 (universes included)?", lam(req("enum-set1", typeEnumSet), req("enum-set2", typeEnumSet)), enumSetSubsetP),
		scheme.Row("enum-set=?", specEnum, "Are the sets (and universes) equal?", lam(req("enum-set1", typeEnumSet), req("enum-set2", typeEnumSet)), enumSetEqP),
		scheme.Row("enum-set-union", specEnum, "Union of two sets of the same type.", lam(req("enum-set1", typeEnumSet), req("enum-set2", typeEnumSet)), enumSetUnion),
		scheme.Row("enum-set-intersection", specEnum, "Intersection of two sets of the same type.", lam(req("enum-set1", typeEnumSet), req("enum-set2", typeEnumSet)), enumSetIntersection),
		scheme.Row("enum-set-difference", specEnum, "Difference of two sets of the same type.", lam(req("enum-set1", typeEnumSet), req("enum-set2", typeEnumSet)), enumSetDifference),
		scheme.Row("enum-set-complement", specEnum, "Complement within the universe.", lam(req("enum-set", typeEnumSet)), enumSetComplement),
		scheme.Row("enum-set-projection", specEnum, "enum-set1 projected onto the universe of enum-set2.", lam(req("enum-set1", typeEnumSet), req("enum-set2", typeEnumSet)), enumSetProjection),
		{Name: "define-enumeration", Spec: specEnum, Sig: "(define-enumeration type-name (symbol ...) constructor-syntax)",
			Doc:       "Defines (type-name symbol) → symbol and (constructor-syntax symbol ...) → enum set; every set constructor-syntax makes has the one enumeration type.",
			Transform: defineEnumeration},
	}
}
