// SRFI-230 atomic operations: atomic flags, boxes and fixnum boxes, memory orders and fences.

// Package srfi230 is SRFI-230, (srfi 230) or (srfi :230 atomic): atomic
// flags, atomic boxes (compared with eq?) and atomic fixnum boxes, over Go's
// sync/atomic (a box of any object holds it under a mutex). Every
// operation is sequentially consistent: a memory order argument is checked
// and otherwise ignored, as the SRFI allows. A fixnum box's arithmetic that
// leaves the fixnums is an error, and the box keeps its content.
package srfi230

import (
	"sync"
	"sync/atomic"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "srfi-230"

// AtomicFlag is an atomic flag (atomic-flag?).
type AtomicFlag struct{ set atomic.Bool }

// AtomicBox is an atomic box of any object (atomic-box?).
type AtomicBox struct {
	mu sync.Mutex
	v  scheme.Value
}

// AtomicFxbox is an atomic box of a fixnum (atomic-fxbox?).
type AtomicFxbox struct{ n atomic.Int64 }

// TypeName implements scheme.Value.
func (*AtomicFlag) TypeName() string { return "atomic-flag" }

// TypeName implements scheme.Value.
func (*AtomicBox) TypeName() string { return "atomic-box" }

// TypeName implements scheme.Value.
func (*AtomicFxbox) TypeName() string { return "atomic-fxbox" }

// Repr implements scheme.Repr.
func (*AtomicFlag) Repr() string { return "#<atomic-flag>" }

// Repr implements scheme.Repr.
func (*AtomicBox) Repr() string { return "#<atomic-box>" }

// Repr implements scheme.Repr.
func (*AtomicFxbox) Repr() string { return "#<atomic-fxbox>" }

var (
	_ scheme.Repr = (*AtomicFlag)(nil)
	_ scheme.Repr = (*AtomicBox)(nil)
	_ scheme.Repr = (*AtomicFxbox)(nil)
)

func typeOf[T any](name string) *scheme.Type {
	return &scheme.Type{Name: name, Accept: func(v scheme.Value) bool { _, ok := v.(T); return ok }}
}

var (
	typeFlag  = typeOf[*AtomicFlag]("atomic-flag")
	typeBox   = typeOf[*AtomicBox]("atomic-box")
	typeFxbox = typeOf[*AtomicFxbox]("atomic-fxbox")
	// typeOrder accepts the symbols of the memory orders.
	typeOrder = &scheme.Type{Name: "memory order", Accept: memoryOrder}
)

// memoryOrder reports whether v is a memory order.
func memoryOrder(v scheme.Value) bool {
	s, ok := v.(*scheme.Symbol)
	if !ok {
		return false
	}
	switch s.Name {
	case "relaxed", "acquire", "release", "acquire-release", "sequentially-consistent":
		return true
	}
	return false
}

var (
	req, opt, lam = scheme.Req, scheme.Opt, scheme.Lambda
	order         = opt("order", typeOrder, nil)
	fx            = scheme.TypeFixnum
)

// Library is the (srfi 230) binding table.
var Library = &scheme.Library{Name: "(srfi 230)", Doc: "SRFI-230: atomic flags, boxes and fixnum boxes (every operation sequentially consistent).", ImportOnly: true,
	Build: func(l *scheme.Library) { l.Procs = procs() }} // built when first imported, not at every start

// procs returns the rows of (srfi 230).
func procs() []scheme.Proc {
	return []scheme.Proc{
		{Name: "memory-order", Spec: spec, Sig: "syntax (memory-order order)", Doc: "The memory order named order: relaxed, acquire, release, acquire-release or sequentially-consistent.",
			Syntax: "(syntax-rules (relaxed acquire release acquire-release sequentially-consistent) ((_ relaxed) 'relaxed) ((_ acquire) 'acquire) ((_ release) 'release) ((_ acquire-release) 'acquire-release) ((_ sequentially-consistent) 'sequentially-consistent))"},
		scheme.Row("memory-order?", spec, "Is obj a memory order?", lam(req("obj", nil)), memoryOrderP),
		scheme.Row("make-atomic-flag", spec, "A new atomic flag, clear.", lam(), makeAtomicFlag),
		scheme.Row("atomic-flag?", spec, "Is obj an atomic flag?", lam(req("obj", nil)), atomicFlagP),
		scheme.Row("atomic-flag-test-and-set!", spec, "Sets the flag; returns whether it was set before.", lam(req("flag", typeFlag), order), atomicFlagTestAndSetBang),
		scheme.Row("atomic-flag-clear!", spec, "Clears the flag.", lam(req("flag", typeFlag), order), atomicFlagClearBang),
		scheme.Row("make-atomic-box", spec, "A new atomic box holding obj.", lam(req("obj", nil)), makeAtomicBox),
		scheme.Row("atomic-box?", spec, "Is obj an atomic box?", lam(req("obj", nil)), atomicBoxP),
		scheme.Row("atomic-box-ref", spec, "The box's content.", lam(req("box", typeBox), order), atomicBoxRef),
		scheme.Row("atomic-box-set!", spec, "Puts obj in the box.", lam(req("box", typeBox), req("obj", nil), order), atomicBoxSetBang),
		scheme.Row("atomic-box-swap!", spec, "Puts obj in the box; returns the content before.", lam(req("box", typeBox), req("obj", nil), order), atomicBoxSwapBang),
		scheme.Row("atomic-box-compare-and-swap!", spec, "Puts desired in the box if its content is expected (eq?); returns the content before.",
			lam(req("box", typeBox), req("expected", nil), req("desired", nil), order), atomicBoxCompareAndSwapBang),
		scheme.Row("make-atomic-fxbox", spec, "A new atomic fixnum box holding n.", lam(req("n", fx)), makeAtomicFxbox),
		scheme.Row("atomic-fxbox?", spec, "Is obj an atomic fixnum box?", lam(req("obj", nil)), atomicFxboxP),
		scheme.Row("atomic-fxbox-ref", spec, "The box's fixnum.", lam(req("box", typeFxbox), order), atomicFxboxRef),
		scheme.Row("atomic-fxbox-set!", spec, "Puts the fixnum n in the box.", lam(req("box", typeFxbox), req("n", fx), order), atomicFxboxSetBang),
		scheme.Row("atomic-fxbox-swap!", spec, "Puts n in the box; returns the fixnum before.", lam(req("box", typeFxbox), req("n", fx), order), atomicFxboxSwapBang),
		scheme.Row("atomic-fxbox-compare-and-swap!", spec, "Puts desired in the box if its fixnum is expected; returns the fixnum before.",
			lam(req("box", typeFxbox), req("expected", fx), req("desired", fx), order), atomicFxboxCompareAndSwapBang),
		scheme.Row("atomic-fxbox+/fetch!", spec, "Adds n to the box's fixnum; returns the fixnum before (an error, the box unchanged, when the sum is no fixnum).", lam(req("box", typeFxbox), req("n", fx), order), atomicFxboxPlusWithFetchBang),
		scheme.Row("atomic-fxbox-/fetch!", spec, "Subtracts n from the box's fixnum; returns the fixnum before (an error, the box unchanged, when the difference is no fixnum).", lam(req("box", typeFxbox), req("n", fx), order), atomicFxboxWithFetchBang),
		scheme.Row("atomic-fxbox-and/fetch!", spec, "The bitwise and of the box's fixnum and n in the box; returns the fixnum before.", lam(req("box", typeFxbox), req("n", fx), order), atomicFxboxAndWithFetchBang),
		scheme.Row("atomic-fxbox-ior/fetch!", spec, "The bitwise inclusive or of the box's fixnum and n in the box; returns the fixnum before.", lam(req("box", typeFxbox), req("n", fx), order), atomicFxboxIorWithFetchBang),
		scheme.Row("atomic-fxbox-xor/fetch!", spec, "The bitwise exclusive or of the box's fixnum and n in the box; returns the fixnum before.", lam(req("box", typeFxbox), req("n", fx), order), atomicFxboxXorWithFetchBang),
		scheme.Row("atomic-fence", spec, "A memory fence (every operation here is sequentially consistent already).", lam(order), atomicFence),
	}
}

func memoryOrderP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(memoryOrder(a[0])), nil
}

func makeAtomicFlag(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &AtomicFlag{}, nil
}

func atomicFlagP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(typeFlag.Accept(a[0])), nil
}

func atomicFlagTestAndSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(a[0].(*AtomicFlag).set.Swap(true)), nil
}

func atomicFlagClearBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*AtomicFlag).set.Store(false)
	return scheme.Unspecified, nil
}

func makeAtomicBox(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &AtomicBox{v: a[0]}, nil
}

func atomicBoxP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(typeBox.Accept(a[0])), nil
}

// update replaces the box's content by f of it, under its lock; it
// returns the content before.
func (b *AtomicBox) update(f func(old scheme.Value) scheme.Value) scheme.Value {
	b.mu.Lock()
	defer b.mu.Unlock()
	old := b.v
	b.v = f(old)
	return old
}

func atomicBoxRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*AtomicBox).update(func(old scheme.Value) scheme.Value { return old }), nil
}

func atomicBoxSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*AtomicBox).update(func(scheme.Value) scheme.Value { return a[1] })
	return scheme.Unspecified, nil
}

func atomicBoxSwapBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*AtomicBox).update(func(scheme.Value) scheme.Value { return a[1] }), nil
}

func atomicBoxCompareAndSwapBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*AtomicBox).update(func(old scheme.Value) scheme.Value {
		if old == a[1] {
			return a[2]
		}
		return old
	}), nil
}

func makeAtomicFxbox(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b := &AtomicFxbox{}
	b.n.Store(int64(a[0].(scheme.Fixnum)))
	return b, nil
}

func atomicFxboxP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(typeFxbox.Accept(a[0])), nil
}

func atomicFxboxRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*AtomicFxbox).n.Load()), nil
}

func atomicFxboxSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*AtomicFxbox).n.Store(int64(a[1].(scheme.Fixnum)))
	return scheme.Unspecified, nil
}

func atomicFxboxSwapBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*AtomicFxbox).n.Swap(int64(a[1].(scheme.Fixnum)))), nil
}

func atomicFxboxCompareAndSwapBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, expected, desired := a[0].(*AtomicFxbox), int64(a[1].(scheme.Fixnum)), int64(a[2].(scheme.Fixnum))
	for {
		old := b.n.Load()
		if old != expected || b.n.CompareAndSwap(old, desired) {
			return scheme.Fixnum(old), nil
		}
	}
}

// fetch replaces the box's fixnum by op of it and n (ok false: no
// fixnum, an error naming who); it returns the fixnum before.
func fetch(who string, a []scheme.Value, op func(old, n int64) (int64, bool)) (scheme.Value, error) {
	b, n := a[0].(*AtomicFxbox), int64(a[1].(scheme.Fixnum))
	for {
		old := b.n.Load()
		v, ok := op(old, n)
		if !ok {
			return nil, scheme.RangeError(who, 2, "the result is not a fixnum", a[1])
		}
		if b.n.CompareAndSwap(old, v) {
			return scheme.Fixnum(old), nil
		}
	}
}

func atomicFxboxPlusWithFetchBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fetch("atomic-fxbox+/fetch!", a, func(x, y int64) (int64, bool) {
		s := x + y
		return s, !(y > 0 && s < x || y < 0 && s > x)
	})
}

func atomicFxboxWithFetchBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fetch("atomic-fxbox-/fetch!", a, func(x, y int64) (int64, bool) {
		d := x - y
		return d, !(y > 0 && d > x || y < 0 && d < x)
	})
}

func atomicFxboxAndWithFetchBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fetch("atomic-fxbox-and/fetch!", a, func(x, y int64) (int64, bool) { return x & y, true })
}

func atomicFxboxIorWithFetchBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fetch("atomic-fxbox-ior/fetch!", a, func(x, y int64) (int64, bool) { return x | y, true })
}

func atomicFxboxXorWithFetchBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fetch("atomic-fxbox-xor/fetch!", a, func(x, y int64) (int64, bool) { return x ^ y, true })
}

// atomicFence implements atomic-fence: nothing to do, every operation of
// the library being sequentially consistent (Go's sync/atomic and mutexes).
func atomicFence(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, nil
}
