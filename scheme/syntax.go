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
		return stripCopy(v, map[Value]Value{})
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

// stripCopy copies v without its aliases. memo maps each pair and vector
// copied to its copy, so shared and circular structure stays so; a list's
// rest is followed in a loop, so a long list does not nest the copy.
func stripCopy(v Value, memo map[Value]Value) Value {
	switch x := v.(type) {
	case *alias:
		return stripSyntax(x.sym)
	case *Pair:
		var head Value
		var last *Pair
		link := func(c Value) {
			if last == nil {
				head = c
			} else {
				last.Cdr = c
			}
		}
		for {
			if c, ok := memo[x]; ok {
				link(c)
				return head
			}
			p := &Pair{}
			memo[x] = p
			link(p)
			last = p
			p.Car = stripCopy(x.Car, memo)
			next, ok := x.Cdr.(*Pair)
			if !ok {
				p.Cdr = stripCopy(x.Cdr, memo)
				return head
			}
			x = next
		}
	case *Vector:
		if c, ok := memo[x]; ok {
			return c
		}
		out := &Vector{Items: make([]Value, len(x.Items))}
		memo[x] = out
		for i, e := range x.Items {
			out.Items[i] = stripCopy(e, memo)
		}
		return out
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
	// value, on a special form that CHICKEN has as a procedure
	// (load-relative), gives the form an identifier of it expands to where
	// it is used as a variable: (map load-relative files)
	value func(x *expander) Value
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
