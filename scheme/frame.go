// A frame's operation in one word: the data word of its frameOp, and the
// kind that gives back its type.

package scheme

import "unsafe"

// opKind is the type of a frame's frameOp (see frame.op).
type opKind uint8

const (
	kBase opKind = iota
	kCall
	kIf
	kSeq
	kLet
	kLetrec
	kSetLocal
	kSetGlobal
	kDefineGlobal
	kDefault
	kProg
	kWind
	kRestoreDyn
	kNonContinuable
	kFn
	kReceive
	nOpKinds
)

// takesOne reports whether a frame of kind k takes the value delivered
// to it as one value (an argument, a binding, a test; see firstValue).
func (k opKind) takesOne() bool {
	switch k {
	case kCall, kIf, kLet, kLetrec, kSetLocal, kSetGlobal, kDefineGlobal, kDefault:
		return true
	}
	return false
}

// opTypes holds the type word of a frameOp of each kind.
var opTypes = func() (t [nOpKinds]unsafe.Pointer) {
	for k, op := range [nOpKinds]frameOp{kBase: baseOp{}, kCall: (*callNode)(nil), kIf: (*ifNode)(nil),
		kSeq: (*seqNode)(nil), kLet: (*letNode)(nil), kLetrec: (*letrecNode)(nil), kSetLocal: (*setLocal)(nil),
		kSetGlobal: (*setGlobal)(nil), kDefineGlobal: (*defineGlobal)(nil), kDefault: (*defaultNode)(nil),
		kProg: (*progNode)(nil), kWind: windOp{}, kRestoreDyn: restoreDynOp{},
		kNonContinuable: nonContinuableOp{}, kFn: frameFn(nil), kReceive: (*receiveNode)(nil)} {
		t[k] = (*[2]unsafe.Pointer)(unsafe.Pointer(&op))[0]
	}
	return
}()

// kindOf returns the kind of op.
func kindOf(op frameOp) opKind {
	switch op.(type) {
	case *callNode:
		return kCall
	case *ifNode:
		return kIf
	case *seqNode:
		return kSeq
	case *letNode:
		return kLet
	case *letrecNode:
		return kLetrec
	case *setLocal:
		return kSetLocal
	case *setGlobal:
		return kSetGlobal
	case *defineGlobal:
		return kDefineGlobal
	case *defaultNode:
		return kDefault
	case *progNode:
		return kProg
	case baseOp:
		return kBase
	case windOp:
		return kWind
	case restoreDynOp:
		return kRestoreDyn
	case nonContinuableOp:
		return kNonContinuable
	case frameFn:
		return kFn
	case *receiveNode:
		return kReceive
	}
	panic("scheme: a frame operation without a kind") // a missing case above
}

// setOp makes op f's operation. Every frameOp is pointer-shaped (a
// pointer, a func or an empty struct, whose data word points to static
// memory), so its data word is a pointer the collector follows.
func (f *frame) setOp(op frameOp) {
	f.kind = kindOf(op)
	f.op = (*[2]unsafe.Pointer)(unsafe.Pointer(&op))[1]
}

// A chunk frame's operation may be in its chunk's table of operations
// (chunk.ops) instead of its own op field: then the frame's kind holds,
// above the operation's kind (below 16), the index + 1 of its entry. The
// frames of a deep recursion share one or two operations, so the
// collector finds those once per chunk instead of once per frame.
const (
	kindMask = 0x0f
	opShift  = 4
	opMask   = 3 // the index + 1, above opShift
	// kPure marks a pure frame (see Thread.cutPure)
	kPure = 0x40
	// kFixB marks a pure frame whose saved value is a fixnum, held
	// unboxed (see frame.pureFix)
	kFixB = 0x80
)

// Every kind fits below kindMask (this fails to compile otherwise: the
// kinds are all taken).
var _ [kindMask + 1 - nOpKinds]struct{}

// opData returns the data word of f's operation.
func (f *frame) opData() unsafe.Pointer {
	if j := f.kind >> opShift & opMask; j != 0 {
		return chunkOf(f).ops[j-1]
	}
	return f.op
}

// opKind returns the kind of f's operation.
func (f *frame) opKind() opKind { return f.kind & kindMask }

// getOp returns f's operation.
func (f *frame) getOp() frameOp {
	var op frameOp
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(&op))
	w[0], w[1] = opTypes[f.opKind()], f.opData()
	return op
}

// resume runs f's operation with the value v delivered to f.
func (f *frame) resume(th *Thread, v Value) Value {
	if f.opKind() == kCall { // the common case, without the interface
		return (*callNode)(f.opData()).resume(th, f, v)
	}
	return f.getOp().resume(th, f, v)
}

// site returns the call f resumes, or nil when f is not a call's.
func (f *frame) site() *callNode {
	if f.opKind() == kCall {
		return (*callNode)(f.opData())
	}
	return nil
}

// newOpFrame returns a new frame (not from the pool) resuming op with a
// and b.
func newOpFrame(op frameOp, a, b Value) *frame {
	f := &frame{a: a, b: b}
	f.setOp(op)
	return f
}

// heldFrame returns a new frame resuming op with a on top of next, marked
// captured: the first frame of a continuation made by hand.
func heldFrame(op frameOp, a Value, next *frame) *frame {
	f := newOpFrame(op, a, nil)
	f.next, f.captured = next, true
	return f
}

// newBaseFrame returns the base frame of a run of th started on th.k with
// goDepth direct calls in progress; it holds th for the continuations
// captured in the run (a Continuation is 32 bytes).
func newBaseFrame(th *Thread, goDepth int32) *frame {
	f := newOpFrame(baseOp{}, th, nil)
	f.next, f.i = th.k, goDepth
	return f
}

// Pure frames. Past chunkDepth, the frame of a call suspended at the last
// argument of an open-coded primitive (`(+ 1 (f x))`, `(cons x (f y))`)
// needs no env and no procedure (see callNode.suspend), and its saved
// argument, if any, is a constant or a fixnum: such a frame is cut from a
// pchunk, whose frames the collector does not scan at all, holding no
// pointer for it to follow: its operation is in its chunk's table, a
// fixnum argument is held unboxed, and its next frame is the adjacent one
// in the chunk or, for the chunk's first frame, the chunk's below. A deep
// recursion's frames then cost the collector one header per chunk
// instead of every slot of every frame. The pure chunk is a stack: a
// frame is cut on top of the last one cut, and given back when resumed; a
// frame that would lie on anything else is an ordinary one, unless no
// frame of the current chunk is in use (it starts again, its first frame
// on that) or the chunk is full and the frame lies on its last (a new
// chunk).
//
// A pure frame is made only when no other frame is queued (th.pTop is
// nil), as the innermost frame of the continuation being built: a frame
// queued after it would have to be its next, a pointer it cannot hold, so
// push first turns it into an ordinary frame (unpure), and so does a
// nested run that takes the queue onto another continuation.

// cutPure queues the pure frame resuming n at its argument i (1 when fix
// is set: then x is that argument's value) on top of th.k, and reports
// whether it could (not when its chunk's table of operations is full).
func (th *Thread) cutPure(n *callNode, i int32, fix bool, x Fixnum) bool {
	c, k := th.pchunk, th.pchunkN
	switch {
	case c != nil && k > 0 && k < frameChunk && th.k == (*frame)(unsafe.Pointer(&c.f[k])):
		// on the last frame cut
	case c == nil || c.used == 0 || k == 0 && th.k == (*frame)(unsafe.Pointer(&c.f[0])):
		// a chunk whose first frame lies on th.k: the current one when
		// none of its frames is in use, else a new one
		if c == nil || c.used != 0 {
			c = pchunkPool.Get().(*pchunk)
			th.pchunk = c
		}
		if c.ops != [3]unsafe.Pointer{} {
			c.ops = [3]unsafe.Pointer{} // no frame of it refers to them
		}
		c.below = th.k
		k = frameChunk
	default:
		// on another frame while the chunk is in use: an ordinary frame
		// (else frames alternating with others would take a chunk each)
		return false
	}
	j := c.opIndex(unsafe.Pointer(n))
	if j == 0 {
		return false // (only a chunk in use has a full table)
	}
	k--
	th.pchunkN = k
	c.used++
	f := (*frame)(unsafe.Pointer(&c.f[k]))
	f.kind = kCall | j<<opShift | kPure
	f.i = i
	f.slot = uint8(k + 1)
	if k+1 < frameChunk {
		f.slot |= nextAdjacent // th.k, the frame cut before it
	}
	if fix {
		f.kind |= kFixB
		*f.pureFix() = x
	}
	th.pTop, th.pBot = f, f
	return true
}

// pureFix returns where a pure frame holds its fixnum argument (kFixB):
// the data word of b, whose type word stays nil. Only cutPure writes it
// and only callNode.resume and unpure read it, as a Fixnum: b itself is
// never read from a pure frame.
func (f *frame) pureFix() *Fixnum {
	return (*Fixnum)(unsafe.Add(unsafe.Pointer(&f.b), unsafe.Sizeof(uintptr(0))))
}

// pureArg returns the saved argument of f, a pure frame with kFixB.
func (th *Thread) pureArg(f *frame) Value { return th.boxFix(*f.pureFix()) }

// releasePure gives back f, a resumed (or never linked) pure frame that
// no continuation captured.
func (th *Thread) releasePure(f *frame) {
	c := chunkOf(f)
	k := int(f.slot&^nextAdjacent) - 1
	*(*pureFrame)(unsafe.Pointer(f)) = pureFrame{} // plain words: no write barrier
	if c.used--; c.used == 0 {
		c.below = nil // (an idle chunk keeps no frame alive)
	}
	if pc := th.pchunk; pc != nil && c == &pc.chunkHdr {
		if k == th.pchunkN {
			th.pchunkN++ // the top of the chunk's stack
		}
	} else if c.used == 0 {
		pchunkPool.Put((*pchunk)(unsafe.Pointer(c)))
	}
}

// unpure replaces the pure frame queued alone (th.pTop) by an ordinary
// one.
func (th *Thread) unpure() {
	p := th.pTop
	n, i := (*callNode)(p.opData()), p.i
	var b Value
	if p.kind&kFixB != 0 {
		b = th.pureArg(p)
	}
	th.releasePure(p)
	f := th.newFrame(n, nil)
	f.i, f.b = i, b
	th.pTop, th.pBot = f, f
	if th.pMark == p {
		th.pMark = f
	}
}
