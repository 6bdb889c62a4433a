// Resolver: lexical addresses (frame depth, slot) for local variables.

package scheme

// cscope is the compile-time chain of frames, innermost first.
type cscope struct {
	fr   *frameInfo
	next *cscope
	let  bool // the scope of a let's body (see compiler.selfDepth)
}

// address returns the depth of b's frame from sc and its slot.
func (sc *cscope) address(b *binding) (depth, idx int, ok bool) {
	for s := sc; s != nil; s = s.next {
		if s.fr == b.fr {
			return depth, b.idx, true
		}
		depth++
	}
	return 0, 0, false
}
