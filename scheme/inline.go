// Inline fast paths for calls to builtin primitives (+, <, car, …) whose
// arguments cannot suspend; they fall back to the real primitive whenever
// the global was redefined or the fast path does not apply.

package scheme

import (
	"sync/atomic"
	"unsafe"
)

type inlineOp int

const (
	opAdd inlineOp = iota
	opSub
	opMul
	opLT
	opGT
	opLE
	opGE
	opNumEq
	opEq
	opCons
	opVectorRef
	opCar
	opCdr
	opNull
	opPair
	opNot
	opZero
	opVectorLength
	opEqv
	opQuotient
	opRemainder
	opModulo
	opStringRef
	opCharEq
	opStringLength
	opCharToInteger
	opVectorSet
	opEOF
)

// inlineOpOf returns the operation inlined for a call of the primitive name
// with n arguments (a switch: a map would be built at every start).
func inlineOpOf(n int, name string) (inlineOp, bool) {
	switch n {
	case 1:
		switch name {
		case "car":
			return opCar, true
		case "cdr":
			return opCdr, true
		case "null?":
			return opNull, true
		case "pair?":
			return opPair, true
		case "not":
			return opNot, true
		case "zero?":
			return opZero, true
		case "vector-length":
			return opVectorLength, true
		case "string-length":
			return opStringLength, true
		case "char->integer":
			return opCharToInteger, true
		case "eof-object?":
			return opEOF, true
		}
	case 2:
		switch name {
		case "+":
			return opAdd, true
		case "-":
			return opSub, true
		case "*":
			return opMul, true
		case "<":
			return opLT, true
		case ">":
			return opGT, true
		case "<=":
			return opLE, true
		case ">=":
			return opGE, true
		case "=":
			return opNumEq, true
		case "eq?":
			return opEq, true
		case "cons":
			return opCons, true
		case "vector-ref":
			return opVectorRef, true
		case "eqv?":
			return opEqv, true
		case "quotient":
			return opQuotient, true
		case "remainder":
			return opRemainder, true
		case "modulo":
			return opModulo, true
		case "string-ref":
			return opStringRef, true
		case "char=?":
			return opCharEq, true
		}
	case 3:
		switch name {
		case "vector-set!":
			return opVectorSet, true
		}
	}
	return 0, false
}

// fixCache (fixcache_table.go) holds boxed small fixnums, 0 to 1023, so
// hot arithmetic does not allocate.

// fixSlabLen is the number of fixnums cut from one slab (256 bytes).
const fixSlabLen = 32

// boxFix boxes x for the open-coded arithmetic of th. A fixnum outside
// fixCache is stored in th's current slab of fixSlabLen and boxed as a
// pointer to it, so a run of results (a loop counter, a sum, a list's
// elements) costs one allocation per fixSlabLen instead of one each. A
// boxed fixnum keeps its slab alive: at worst 256 bytes for one long-lived
// fixnum, against 8–16 bytes for one boxed by itself.
func (th *Thread) boxFix(x Fixnum) Value {
	if uint64(x) < uint64(len(fixCache)) {
		return fixCache[x]
	}
	n := len(th.fixSlab)
	if n == 0 {
		th.fixSlab = make([]Fixnum, fixSlabLen)
		n = fixSlabLen
	}
	// cut from the end: th.fixSlab = th.fixSlab[:n-1] writes no pointer,
	// so no write barrier while the collector marks
	p := &th.fixSlab[n-1]
	th.fixSlab = th.fixSlab[:n-1]
	*p = x
	// A Go interface holding a non-pointer type is its type word and a
	// pointer to the value: copy the type word of a boxed Fixnum and point
	// the data word at *p, which nothing writes again.
	v := fixProbe
	(*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1] = unsafe.Pointer(p)
	return v
}

// fixProbe is a boxed Fixnum whose type word boxFix copies.
var fixProbe Value = Fixnum(1 << 40)

// cannotSuspend reports whether evaluating n never returns nil.
func cannotSuspend(n node) bool {
	switch n := n.(type) {
	case *constNode, *localRef0, *localRef1, *localRef2, *localRef, *localRefChecked, *globalRef, *lambdaNode, *inlineNode,
		*addNode, *subNode, *ltNode, *gtNode, *leNode, *geNode, *numEqNode, *eqNode,
		*carNode, *cdrNode, *nullNode, *pairNode, *notNode, *vectorRefNode, *vectorLengthNode, *vectorSetNode, *eofNode:
		return true
	case *ifNode: // (if (char=? c d) (+ k 1) k) as an argument
		return cannotSuspend(n.c) && cannotSuspend(n.t) && cannotSuspend(n.e)
	case *ifCmpNode:
		return cannotSuspend(n.t) && cannotSuspend(n.e)
	}
	return false
}

// siteFree reports whether evaluating n, which cannot suspend, never
// reads th.site: no error it raises takes its stack trace before setting
// its own call site (an open-coded call sets its own before it applies
// its primitive; an unbound global or a variable used before its
// definition report the call site in progress).
func siteFree(n node) bool {
	switch n := n.(type) {
	case *constNode, *localRef0, *localRef1, *localRef2, *localRef, *lambdaNode:
		return true
	case *inlineNode:
		return n.operandsSiteFree()
	case *addNode:
		return n.operandsSiteFree()
	case *subNode:
		return n.operandsSiteFree()
	case *ltNode:
		return n.operandsSiteFree()
	case *gtNode:
		return n.operandsSiteFree()
	case *leNode:
		return n.operandsSiteFree()
	case *geNode:
		return n.operandsSiteFree()
	case *numEqNode:
		return n.operandsSiteFree()
	case *eqNode:
		return n.operandsSiteFree()
	case *carNode:
		return n.operandsSiteFree()
	case *cdrNode:
		return n.operandsSiteFree()
	case *nullNode:
		return n.operandsSiteFree()
	case *eofNode:
		return n.operandsSiteFree()
	case *pairNode:
		return n.operandsSiteFree()
	case *notNode:
		return n.operandsSiteFree()
	case *vectorRefNode:
		return n.operandsSiteFree()
	case *vectorLengthNode:
		return n.operandsSiteFree()
	case *vectorSetNode:
		return n.operandsSiteFree()
	case *ifNode:
		return siteFree(n.c) && siteFree(n.t) && siteFree(n.e)
	case *ifCmpNode:
		return siteFree(n.c) && siteFree(n.t) && siteFree(n.e)
	}
	return false
}

func (n *inlineNode) operandsSiteFree() bool {
	for _, a := range [3]node{n.a, n.b, n.c} {
		if a != nil && !siteFree(a) {
			return false
		}
	}
	return true
}

// inlineNode is a call to a builtin primitive with 1 to 3 simple arguments.
type inlineNode struct {
	g       *global
	orig    *Primitive
	op      inlineOp
	a, b, c node // b nil for one argument, c for one or two
	fb      *callNode
	// the operands a, b, c, read in place when they are locals or
	// constants (see opnd)
	pa, pb, pc opnd
	// blen: b is (vector-length …), whose fixnum fix2 takes unboxed
	blen *vectorLengthNode
	// in2: a and b are in place (no node to evaluate); lenIn: a is, and b
	// is the length of a vector in place
	in2, lenIn bool
	// epoch: the inlineEpoch at which g was last seen holding orig
	// (atomic; a plain word so that specialise can copy the node)
	epoch uint64
}

// inlineEpoch changes whenever a global that an open-coded call relies on
// is assigned: until it does, a node that found its global holding its
// primitive at the current epoch need not look again.
var inlineEpoch atomic.Uint64

func init() { inlineEpoch.Store(1) } // new nodes (epoch 0) look once

func (c *compiler) tryInline(x *cCall, n *callNode) node {
	g, ok := x.f.(*cGlobal)
	if !ok {
		return nil
	}
	cell := c.in.cell(g.sym)
	prim, ok := cell.get().(*Primitive)
	if !ok || cell.userDef.Load() {
		return nil
	}
	op, ok := inlineOpOf(len(n.args), g.sym.Name)
	if !ok {
		return nil
	}
	cell.inlined.Store(true)
	in := &inlineNode{g: cell, orig: prim, op: op, a: n.args[0], fb: n}
	switch len(n.args) {
	case 2:
		in.b = n.args[1]
		n.fast2 = in
	case 3:
		in.b, in.c = n.args[1], n.args[2]
	}
	in.pa, in.pb, in.pc = opndOf(in.a), opndOf(in.b), opndOf(in.c)
	if l, ok := in.b.(*vectorLengthNode); ok {
		in.blen = l
		in.lenIn = in.pa.k != oNode && l.pa.k != oNode
	}
	in.in2 = in.b != nil && in.pa.k != oNode && in.pb.k != oNode
	for _, a := range n.args {
		if !cannotSuspend(a) {
			return nil
		}
	}
	return in.specialise()
}

// specialise returns the node of n's own op when it has one: it runs its
// fast path without a switch on the op.
func (n *inlineNode) specialise() node {
	switch n.op {
	case opAdd:
		return &addNode{*n}
	case opSub:
		return &subNode{*n}
	case opLT:
		return &ltNode{*n}
	case opGT:
		return &gtNode{*n}
	case opLE:
		return &leNode{*n}
	case opGE:
		return &geNode{*n}
	case opNumEq:
		return &numEqNode{*n}
	case opEq:
		return &eqNode{*n}
	case opCar:
		return &carNode{*n}
	case opCdr:
		return &cdrNode{*n}
	case opNull:
		return &nullNode{*n}
	case opEOF:
		return &eofNode{*n}
	case opPair:
		return &pairNode{*n}
	case opNot:
		return &notNode{*n}
	case opVectorRef:
		return &vectorRefNode{*n}
	case opVectorLength:
		return &vectorLengthNode{*n}
	case opVectorSet:
		return &vectorSetNode{*n}
	}
	return n
}

func (n *inlineNode) slow(th *Thread, a, b, c Value) Value {
	base := len(th.stack)
	th.stack = append(th.stack, a)
	if n.b != nil {
		th.stack = append(th.stack, b)
	}
	if n.c != nil {
		th.stack = append(th.stack, c)
	}
	saved := th.site
	th.site = n.fb
	r := th.apply(n.orig, th.stack[base:])
	th.site = saved
	th.stack = th.stack[:base]
	return r
}

// live reports whether n's global still holds the primitive n open-codes.
func (n *inlineNode) live() bool {
	return atomic.LoadUint64(&n.epoch) == inlineEpoch.Load() || n.look()
}

// look is live when the epoch changed since n last looked at its global.
//
//go:noinline
func (n *inlineNode) look() bool {
	e := inlineEpoch.Load()
	p := n.g.v.Load()
	if p != nil && *p == Value(n.orig) {
		atomic.StoreUint64(&n.epoch, e)
		return true
	}
	return false
}

// redefined evaluates n as the call it stands for, once its global no
// longer holds the primitive; callers rely on n not suspending.
func (n *inlineNode) redefined(th *Thread, env *Env) Value {
	if v := n.fb.ev(th, env); v != nil {
		return v
	}
	return th.completeNested()
}

func (n *inlineNode) ev(th *Thread, env *Env) Value {
	if !n.live() {
		return n.redefined(th, env)
	}
	a := n.a.ev(th, env)
	if n.b == nil {
		switch n.op {
		case opCar:
			if p, ok := a.(*Pair); ok {
				return p.Car
			}
		case opCdr:
			if p, ok := a.(*Pair); ok {
				return p.Cdr
			}
		case opNull:
			return MakeBool(a == Null)
		case opEOF:
			return MakeBool(a == EOF)
		case opPair:
			_, ok := a.(*Pair)
			return MakeBool(ok)
		case opNot:
			return MakeBool(a == Value(False))
		case opZero:
			if x, ok := a.(Fixnum); ok {
				return MakeBool(x == 0)
			}
		case opVectorLength:
			if v, ok := a.(*Vector); ok {
				return th.boxFix(Fixnum(len(v.Items)))
			}
		case opStringLength:
			if s, ok := a.(*String); ok {
				return th.boxFix(Fixnum(s.Len()))
			}
		case opCharToInteger:
			if c, ok := a.(Char); ok {
				return th.boxFix(Fixnum(c))
			}
		}
		return n.slow(th, a, nil, nil)
	}
	b := n.b.ev(th, env)
	if n.c != nil {
		c := n.c.ev(th, env)
		// opVectorSet, the only three-argument op
		if v, ok := a.(*Vector); ok {
			if i, ok := b.(Fixnum); ok && i >= 0 && int(i) < len(v.Items) {
				v.Items[i] = c
				return Unspecified
			}
		}
		return n.slow(th, a, b, c)
	}
	if r := n.op2(th, a, b); r != nil {
		return r
	}
	return n.slow(th, a, b, nil)
}

// op2 computes the fast path of a two-argument op, or returns nil.
func (n *inlineNode) op2(th *Thread, a, b Value) Value {
	x, ok1 := a.(Fixnum)
	y, ok2 := b.(Fixnum)
	if ok1 && ok2 {
		switch n.op {
		case opAdd:
			if s := x + y; (x^s)&(y^s) >= 0 {
				return th.boxFix(s)
			}
			return nil
		case opSub:
			if s := x - y; (x^y)&(x^s) >= 0 {
				return th.boxFix(s)
			}
			return nil
		case opMul:
			if x > -(1<<31) && x < 1<<31 && y > -(1<<31) && y < 1<<31 {
				return th.boxFix(x * y)
			}
			return nil
		case opLT, opGT, opLE, opGE, opNumEq:
			return MakeBool(n.op.holds(x, y))
		case opQuotient, opRemainder, opModulo:
			if y == 0 || y == -1 { // errors and the one overflow: the primitive
				return nil
			}
			switch n.op {
			case opQuotient:
				return th.boxFix(x / y)
			case opRemainder:
				return th.boxFix(x % y)
			}
			r := x % y
			if r != 0 && (r < 0) != (y < 0) {
				r += y
			}
			return th.boxFix(r)
		}
	}
	switch n.op {
	case opEq:
		return MakeBool(a == b)
	case opCons:
		return &Pair{a, b}
	case opVectorRef:
		if v, ok := a.(*Vector); ok {
			if i, ok := b.(Fixnum); ok && i >= 0 && int(i) < len(v.Items) {
				return v.Items[i]
			}
		}
	case opEqv:
		return MakeBool(Eqv(a, b))
	case opStringRef:
		if s, ok := a.(*String); ok {
			if i, ok := b.(Fixnum); ok && i >= 0 && int64(i) < int64(s.Len()) {
				return Char(s.Ref(int(i)))
			}
		}
	case opCharEq:
		x, ok1 := a.(Char)
		y, ok2 := b.(Char)
		if ok1 && ok2 {
			return MakeBool(x == y)
		}
	}
	return nil
}

// arg1 evaluates the argument of a one-argument op node, or returns in r
// the value of the whole call when n's global was redefined.
func (n *inlineNode) arg1(th *Thread, env *Env) (a, r Value) {
	if !n.live() {
		return nil, n.redefined(th, env)
	}
	if n.pa.k == oNode {
		return n.a.ev(th, env), nil
	}
	return n.pa.val(env), nil
}

// args2 evaluates the arguments of a two-argument op node, or returns in r
// the value of the whole call when n's global was redefined.
func (n *inlineNode) args2(th *Thread, env *Env) (a, b, r Value) {
	if !n.live() {
		return nil, nil, n.redefined(th, env)
	}
	if n.pa.k == oNode {
		a = n.a.ev(th, env)
	} else {
		a = n.pa.val(env)
	}
	if n.pb.k == oNode {
		return a, n.b.ev(th, env), nil
	}
	return a, n.pb.val(env), nil
}

// fix2 evaluates the arguments of a two-argument fixnum op node; when
// they are not both fixnums, or n's global was redefined, it returns in r
// the value of the whole call.
func (n *inlineNode) fix2(th *Thread, env *Env) (x, y Fixnum, r Value) {
	if !n.live() {
		return 0, 0, n.redefined(th, env)
	}
	var a, b Value
	if n.pa.k == oNode {
		a = n.a.ev(th, env)
	} else {
		a = n.pa.val(env)
	}
	if n.pb.k != oNode {
		b = n.pb.val(env)
	} else if n.blen != nil {
		y, bv := n.blen.length(th, env)
		if bv == nil {
			if x, ok := a.(Fixnum); ok {
				return x, y, nil
			}
			bv = th.boxFix(y)
		}
		b = bv
	} else {
		b = n.b.ev(th, env)
	}
	x, ok1 := a.(Fixnum)
	y, ok2 := b.(Fixnum)
	if !ok1 || !ok2 {
		return 0, 0, n.slow(th, a, b, nil)
	}
	return x, y, nil
}

// opnd is an operand read in place when it is a local variable of the
// env or one of the two above it, or a constant (no call through the
// node interface); else its node is evaluated.
type opnd struct {
	n node
	v Value   // the constant (oConst)
	g *global // the global of a global variable (an oNode, see global)
	i int32   // the slot (oLocal*)
	k opndKind
}

type opndKind uint8

// oLocal0 … oLocal2 are the depth of the env holding the local
const (
	oLocal0 opndKind = iota
	oLocal1
	oLocal2
	oConst
	oNode
)

// opndOf returns the operand for n (nil: an absent operand).
func opndOf(n node) opnd {
	switch r := n.(type) {
	case *localRef0:
		return opnd{n: n, i: int32(r.i), k: oLocal0}
	case *localRef1:
		return opnd{n: n, i: int32(r.i), k: oLocal1}
	case *localRef2:
		return opnd{n: n, i: int32(r.i), k: oLocal2}
	case *constNode:
		return opnd{n: n, v: r.v, k: oConst}
	case *globalRef:
		return opnd{n: n, g: r.g, k: oNode}
	}
	return opnd{n: n, k: oNode}
}

// global returns the value of o, an oNode, read in place when it is a
// bound global variable, else nil (its node then gives the value or the
// error).
func (o *opnd) global() *Value {
	if o.g == nil {
		return nil
	}
	return o.g.v.Load()
}

// ev is the value of o in env: read in place, or its node's.
func (o *opnd) ev(th *Thread, env *Env) Value {
	if o.k == oNode {
		return o.n.ev(th, env)
	}
	return o.val(env)
}

// val is the value of o, not a node, in env.
func (o *opnd) val(env *Env) Value {
	switch o.k {
	case oLocal0:
		return env.v[o.i]
	case oLocal1:
		return env.up.v[o.i]
	case oLocal2:
		return env.up.up.v[o.i]
	}
	return o.v
}

// Per-operation nodes: an open-coded call to one builtin each.
type (
	addNode          struct{ inlineNode }
	subNode          struct{ inlineNode }
	ltNode           struct{ inlineNode }
	gtNode           struct{ inlineNode }
	leNode           struct{ inlineNode }
	geNode           struct{ inlineNode }
	numEqNode        struct{ inlineNode }
	eqNode           struct{ inlineNode }
	carNode          struct{ inlineNode }
	cdrNode          struct{ inlineNode }
	nullNode         struct{ inlineNode }
	eofNode          struct{ inlineNode } // eof-object?
	pairNode         struct{ inlineNode }
	notNode          struct{ inlineNode }
	vectorRefNode    struct{ inlineNode }
	vectorLengthNode struct{ inlineNode }
	vectorSetNode    struct{ inlineNode }
)

// length is ev for fix2: the length unboxed, or the value of the whole
// call when that is not a vector's length.
func (n *vectorLengthNode) length(th *Thread, env *Env) (Fixnum, Value) {
	a, r := n.arg1(th, env)
	if r != nil {
		return 0, r
	}
	if v, ok := a.(*Vector); ok {
		return Fixnum(len(v.Items)), nil
	}
	return 0, n.slow(th, a, nil, nil)
}

func (n *vectorLengthNode) ev(th *Thread, env *Env) Value {
	a, r := n.arg1(th, env)
	if r != nil {
		return r
	}
	if v, ok := a.(*Vector); ok {
		return th.boxFix(Fixnum(len(v.Items)))
	}
	return n.slow(th, a, nil, nil)
}

func (n *vectorSetNode) ev(th *Thread, env *Env) Value {
	if n.in2 && n.pc.k != oNode && n.live() {
		v, ok1 := n.pa.val(env).(*Vector)
		i, ok2 := n.pb.val(env).(Fixnum)
		if ok1 && ok2 && i >= 0 && int(i) < len(v.Items) {
			v.Items[i] = n.pc.val(env)
			return Unspecified
		}
	}
	a, b, r := n.args2(th, env)
	if r != nil {
		return r
	}
	var c Value
	if n.pc.k == oNode {
		c = n.c.ev(th, env)
	} else {
		c = n.pc.val(env)
	}
	if v, ok := a.(*Vector); ok {
		if i, ok := b.(Fixnum); ok && i >= 0 && int(i) < len(v.Items) {
			v.Items[i] = c
			return Unspecified
		}
	}
	return n.slow(th, a, b, c)
}

func (n *addNode) ev(th *Thread, env *Env) Value {
	if n.in2 && n.live() {
		x, ok1 := n.pa.val(env).(Fixnum)
		y, ok2 := n.pb.val(env).(Fixnum)
		if s := x + y; ok1 && ok2 && (x^s)&(y^s) >= 0 {
			return th.boxFix(s)
		}
	}
	x, y, r := n.fix2(th, env)
	if r != nil {
		return r
	}
	if s := x + y; (x^s)&(y^s) >= 0 {
		return th.boxFix(s)
	}
	return n.slow(th, x, y, nil)
}

func (n *subNode) ev(th *Thread, env *Env) Value {
	if n.in2 && n.live() {
		x, ok1 := n.pa.val(env).(Fixnum)
		y, ok2 := n.pb.val(env).(Fixnum)
		if s := x - y; ok1 && ok2 && (x^y)&(x^s) >= 0 {
			return th.boxFix(s)
		}
	}
	x, y, r := n.fix2(th, env)
	if r != nil {
		return r
	}
	if s := x - y; (x^y)&(x^s) >= 0 {
		return th.boxFix(s)
	}
	return n.slow(th, x, y, nil)
}

func (n *ltNode) ev(th *Thread, env *Env) Value    { return n.cmpValue(th, env) }
func (n *gtNode) ev(th *Thread, env *Env) Value    { return n.cmpValue(th, env) }
func (n *leNode) ev(th *Thread, env *Env) Value    { return n.cmpValue(th, env) }
func (n *geNode) ev(th *Thread, env *Env) Value    { return n.cmpValue(th, env) }
func (n *numEqNode) ev(th *Thread, env *Env) Value { return n.cmpValue(th, env) }

// cmpValue is ev for a comparison node.
func (n *inlineNode) cmpValue(th *Thread, env *Env) Value {
	b, r := n.test(th, env)
	if r != nil {
		return r
	}
	return MakeBool(b)
}

// test computes n, a comparison, on fixnums; when its operands are not
// both fixnums, or n's global was redefined, it returns in r the value
// of the whole call.
func (n *inlineNode) test(th *Thread, env *Env) (b bool, r Value) {
	x, y, r := n.fix2(th, env)
	if r != nil {
		return r != Value(False), r
	}
	return n.op.holds(x, y), nil
}

// holds reports whether x op y, for a comparison op.
func (op inlineOp) holds(x, y Fixnum) bool {
	switch op {
	case opLT:
		return x < y
	case opGT:
		return x > y
	case opLE:
		return x <= y
	case opGE:
		return x >= y
	}
	return x == y
}

func (n *eqNode) ev(th *Thread, env *Env) Value {
	a, b, r := n.args2(th, env)
	if r != nil {
		return r
	}
	return MakeBool(a == b)
}

func (n *vectorRefNode) ev(th *Thread, env *Env) Value {
	if n.in2 && n.live() {
		v, ok1 := n.pa.val(env).(*Vector)
		i, ok2 := n.pb.val(env).(Fixnum)
		if ok1 && ok2 && i >= 0 && int(i) < len(v.Items) {
			return v.Items[i]
		}
	}
	a, b, r := n.args2(th, env)
	if r != nil {
		return r
	}
	if v, ok := a.(*Vector); ok {
		if i, ok := b.(Fixnum); ok && i >= 0 && int(i) < len(v.Items) {
			return v.Items[i]
		}
	}
	return n.slow(th, a, b, nil)
}

func (n *carNode) ev(th *Thread, env *Env) Value {
	a, r := n.arg1(th, env)
	if r != nil {
		return r
	}
	if p, ok := a.(*Pair); ok {
		return p.Car
	}
	return n.slow(th, a, nil, nil)
}

func (n *cdrNode) ev(th *Thread, env *Env) Value {
	a, r := n.arg1(th, env)
	if r != nil {
		return r
	}
	if p, ok := a.(*Pair); ok {
		return p.Cdr
	}
	return n.slow(th, a, nil, nil)
}

func (n *nullNode) ev(th *Thread, env *Env) Value {
	a, r := n.arg1(th, env)
	if r != nil {
		return r
	}
	return MakeBool(a == Null)
}

func (n *eofNode) ev(th *Thread, env *Env) Value {
	a, r := n.arg1(th, env)
	if r != nil {
		return r
	}
	return MakeBool(a == EOF)
}

func (n *pairNode) ev(th *Thread, env *Env) Value {
	a, r := n.arg1(th, env)
	if r != nil {
		return r
	}
	_, ok := a.(*Pair)
	return MakeBool(ok)
}

func (n *notNode) ev(th *Thread, env *Env) Value {
	a, r := n.arg1(th, env)
	if r != nil {
		return r
	}
	return MakeBool(a == Value(False))
}
