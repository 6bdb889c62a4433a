// Conditions: CHICKEN composite conditions with kinds and per-kind properties.

package scheme

import "strings"

// Condition is a (possibly composite) condition: an ordered list of kinds,
// each with its own properties. The exn kind carries message, arguments and
// location. Cause is the Go error behind it, if any.
type Condition struct {
	Kinds []CondKind
	Cause error
	// Stack is the Scheme call stack where the condition was raised by the
	// runtime (innermost first); may be nil.
	Stack []StackFrame
}

// CondKind is one kind of a condition with its properties as a flat
// property list [name, value, name, value, …] of *Symbol/Value.
type CondKind struct {
	Kind  *Symbol
	Props []Value
}

// TypeName implements Value.
func (*Condition) TypeName() string { return "condition" }

// Repr implements Repr.
func (c *Condition) Repr() string {
	names := make([]string, len(c.Kinds))
	for i, k := range c.Kinds {
		names[i] = k.Kind.Name
	}
	return "#<condition: (" + strings.Join(names, " ") + ")>"
}

// NewCondition returns a condition with the given kinds and no properties.
func NewCondition(kinds ...string) *Condition {
	c := &Condition{Kinds: make([]CondKind, len(kinds))}
	for i, k := range kinds {
		c.Kinds[i].Kind = Intern(k)
	}
	return c
}

// MakeError returns an (exn kinds…) condition with exn.message, exn.arguments
// (irritants) and exn.location (a symbol, or #f when location is "").
// Extra kinds, e.g. "type" or "i/o", "net", follow exn.
func MakeError(location, message string, irritants []Value, kinds ...string) *Condition {
	c := NewCondition(append([]string{"exn"}, kinds...)...)
	var loc Value = False
	if location != "" {
		loc = Intern(location)
	}
	c.Set("exn", "message", NewString(message))
	c.Set("exn", "arguments", List(irritants...))
	c.Set("exn", "location", loc)
	return c
}

// Has reports whether c has the kind.
func (c *Condition) Has(kind string) bool {
	return c.kind(Intern(kind)) != nil
}

// isConditionOf reports whether v is a condition of the given kind.
func isConditionOf(v Value, kind string) bool {
	c, ok := v.(*Condition)
	return ok && c.Has(kind)
}

func (c *Condition) kind(k *Symbol) *CondKind {
	for i := range c.Kinds {
		if c.Kinds[i].Kind == k {
			return &c.Kinds[i]
		}
	}
	return nil
}

// Set sets kind.prop (adding the kind if missing) and returns c.
func (c *Condition) Set(kind, prop string, v Value) *Condition {
	ks, ps := Intern(kind), Intern(prop)
	k := c.kind(ks)
	if k == nil {
		c.Kinds = append(c.Kinds, CondKind{Kind: ks})
		k = &c.Kinds[len(c.Kinds)-1]
	}
	for i := 0; i+1 < len(k.Props); i += 2 {
		if k.Props[i] == Value(ps) {
			k.Props[i+1] = v
			return c
		}
	}
	k.Props = append(k.Props, ps, v)
	return c
}

// Get returns kind.prop.
func (c *Condition) Get(kind, prop string) (Value, bool) {
	return c.get(Intern(kind), Intern(prop))
}

func (c *Condition) get(ks, ps *Symbol) (Value, bool) {
	k := c.kind(ks)
	if k == nil {
		return nil, false
	}
	for i := 0; i+1 < len(k.Props); i += 2 {
		if k.Props[i] == Value(ps) {
			return k.Props[i+1], true
		}
	}
	return nil, false
}

// Message returns exn.message as a Go string ("" if absent).
func (c *Condition) Message() string {
	if v, ok := c.Get("exn", "message"); ok {
		if s, ok := v.(*String); ok {
			return s.String()
		}
		return DisplayString(v)
	}
	return ""
}

// Unwrap returns the Go cause.
func (c *Condition) Unwrap() error { return c.Cause }
