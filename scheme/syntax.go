// Syntactic identifiers: aliases made by macro expansion, and macros.

package scheme

// alias is an identifier introduced by a macro expansion: it refers to sym
// as seen from the macro's definition scope env (nil = top level) in the
// namespace ns of the macro's definition (nil = the interaction environment).
type alias struct {
	sym Value // *Symbol or *alias
	env *scope
	ns  *namespace
}

// TypeName implements Value.
func (*alias) TypeName() string { return "identifier" }

// Repr implements Repr.
func (a *alias) Repr() string { return DisplayString(stripSyntax(a)) }

// stripSyntax replaces aliases by their symbols, deeply (syntax->datum).
// Data without aliases (possibly circular) is returned unchanged.
func stripSyntax(v Value) Value {
	switch a := v.(type) {
	case *Symbol:
		return v
	case *alias:
		return stripSyntax(a.sym)
	case *Pair, *Vector:
		if !hasAlias(v, map[Value]bool{}) {
			return v
		}
		return stripCopy(v)
	}
	return v
}

func hasAlias(v Value, seen map[Value]bool) bool {
	for {
		switch x := v.(type) {
		case *alias:
			return true
		case *Pair:
			if seen[x] {
				return false
			}
			seen[x] = true
			if hasAlias(x.Car, seen) {
				return true
			}
			v = x.Cdr
			continue
		case *Vector:
			if seen[x] {
				return false
			}
			seen[x] = true
			for _, e := range x.Items {
				if hasAlias(e, seen) {
					return true
				}
			}
		}
		return false
	}
}

func stripCopy(v Value) Value {
	switch x := v.(type) {
	case *alias:
		return stripSyntax(x.sym)
	case *Pair:
		a, d := stripCopy(x.Car), stripCopy(x.Cdr)
		if a == x.Car && d == x.Cdr {
			return x
		}
		return &Pair{a, d}
	case *Vector:
		var out []Value
		for i, e := range x.Items {
			s := stripCopy(e)
			if s != e && out == nil {
				out = append([]Value(nil), x.Items...)
			}
			if out != nil {
				out[i] = s
			}
		}
		if out != nil {
			return &Vector{Items: out}
		}
	}
	return v
}

func isIdent(v Value) bool {
	switch v.(type) {
	case *Symbol, *alias:
		return true
	}
	return false
}

// scope is one compile-time scope: identifiers bound to local variables or
// macros. Each scope corresponds to one runtime frame (fr).
type scope struct {
	parent *scope
	names  []Value // identifiers (*Symbol or *alias)
	dens   []any   // *binding or *macro
	fr     *frameInfo
}

func (s *scope) get(id Value) (any, bool) {
	for i := len(s.names) - 1; i >= 0; i-- {
		if s.names[i] == id {
			return s.dens[i], true
		}
	}
	return nil, false
}

func (s *scope) bind(id Value, d any) {
	s.names = append(s.names, id)
	s.dens = append(s.dens, d)
}

// macro is a syntax binding: a Go special form or a syntax-rules transformer.
type macro struct {
	name     string
	special  func(x *expander, form *Pair, sc *scope) core
	rewrite  func(x *expander, form *Pair, sc *scope) Value // datum-producing special
	ellipsis Value
	literals []Value
	rules    [][2]Value     // pattern, template
	env      *scope         // definition scope (nil = top level)
	ns       *namespace     // definition namespace (nil = the interaction environment)
	proc     Value          // procedural transformer (syntax-case), or nil
	variable bool           // proc is a variable transformer: also called for set!
	er       *erTransformer // er- or ir-macro transformer, or nil
}

// IdentifierName returns the name of an identifier of a form a library
// macro ([Proc.Transform]) receives: a symbol, or a symbol renamed by
// hygiene; ok is false for other values.
func IdentifierName(v Value) (string, bool) {
	if !isIdent(v) {
		return "", false
	}
	return stripSyntax(v).(*Symbol).Name, true
}

// IsIdentifier reports whether v is an identifier (see [IdentifierName]).
func IsIdentifier(v Value) bool { return isIdent(v) }

// StripSyntax returns v with the identifiers renamed by hygiene turned
// back into their symbols (the datum quote would give).
func StripSyntax(v Value) Value { return stripSyntax(v) }
