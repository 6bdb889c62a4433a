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
	nOpKinds
)

// opTypes holds the type word of a frameOp of each kind.
var opTypes = func() (t [nOpKinds]unsafe.Pointer) {
	for k, op := range [nOpKinds]frameOp{kBase: baseOp{}, kCall: (*callNode)(nil), kIf: (*ifNode)(nil),
		kSeq: (*seqNode)(nil), kLet: (*letNode)(nil), kLetrec: (*letrecNode)(nil), kSetLocal: (*setLocal)(nil),
		kSetGlobal: (*setGlobal)(nil), kDefineGlobal: (*defineGlobal)(nil), kDefault: (*defaultNode)(nil),
		kProg: (*progNode)(nil), kWind: windOp{}, kRestoreDyn: restoreDynOp{},
		kNonContinuable: nonContinuableOp{}, kFn: frameFn(nil)} {
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
)

// opData returns the data word of f's operation.
func (f *frame) opData() unsafe.Pointer {
	if j := f.kind >> opShift; j != 0 {
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
