// Pairs and list construction helpers.

package scheme

// Pair is a mutable cons cell.
type Pair struct{ Car, Cdr Value }

// TypeName implements Value.
func (*Pair) TypeName() string { return "pair" }

// Cons returns a new pair.
func Cons(a, b Value) *Pair { return &Pair{a, b} }

// List returns a proper list of vals.
func List(vals ...Value) Value {
	var l Value = Null
	for i := len(vals) - 1; i >= 0; i-- {
		l = &Pair{vals[i], l}
	}
	return l
}

// ListTail returns vals as a list ending in tail.
func ListTail(tail Value, vals ...Value) Value {
	for i := len(vals) - 1; i >= 0; i-- {
		tail = &Pair{vals[i], tail}
	}
	return tail
}

// ListToSlice returns the elements of a proper list; ok is false for an
// improper or circular list.
func ListToSlice(l Value) ([]Value, bool) {
	var out []Value
	slow := l
	for n := 0; ; n++ {
		if l == Null {
			return out, true
		}
		p, ok := l.(*Pair)
		if !ok {
			return out, false
		}
		out = append(out, p.Car)
		l = p.Cdr
		if n&1 == 1 {
			slow = slow.(*Pair).Cdr
			if slow == l && l != Null {
				return out, false
			}
		}
	}
}
