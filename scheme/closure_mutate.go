// Replacing a closure in place: CHICKEN's mutate-procedure!.

package scheme

// CopyClosure returns a new closure with c's code and environment: a
// procedure that behaves as c, distinct from it.
func CopyClosure(c *Closure) *Closure {
	cp := *c
	return &cp
}

// ReplaceClosure makes old run new's code in new's environment, so that
// every reference to old (a global, a data structure) calls what new
// does; old's own recursive calls to itself compiled as direct calls keep
// their target, as in CHICKEN's compiled code.
func ReplaceClosure(old, new *Closure) { *old = *new }
