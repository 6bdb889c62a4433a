// Parameters: make-parameter objects, parameterize bindings and Thread.Param.

package scheme

import "sync/atomic"

// Parameter is a Scheme parameter object. Its global value is the one the
// evaluations' threads share; a thread made by make-thread starts with its
// creator's values and owns them (see paramGen); parameterize binds a
// per-thread (dynamic) value.
type Parameter struct {
	name      string
	def       *ParamDef // when made from Go
	converter Value     // Scheme converter procedure or nil
	v         atomic.Pointer[Value]
	init      Value // the value it was made with (after the converter)
}

// TypeName implements Value.
func (*Parameter) TypeName() string { return "procedure" }

// Repr implements Repr.
func (p *Parameter) Repr() string {
	if p.name == "" {
		return "#<parameter>"
	}
	return "#<parameter " + p.name + ">"
}

func (p *Parameter) get() Value  { return *p.v.Load() }
func (p *Parameter) set(v Value) { p.v.Store(&v) }

// setInit gives p its first value.
func (p *Parameter) setInit(v Value) {
	p.init = v
	p.set(v)
}

// paramGen records the global values of the parameters set since the
// interpreter was made ((p v) in an evaluation's thread), for the threads
// made by make-thread: a thread sees the global values as they were when
// it was made (CHICKEN: "each thread of execution owns a local copy of a
// parameter's value"), and a parameter not in its generation has the value
// it was made with. Making a thread marks the current generation captured,
// an O(1) step; a global set after that starts a new generation (a copy of
// the few values set so far), one before it updates the generation in
// place. Guarded by Interp.paramMu until captured, immutable after.
type paramGen struct {
	vals     map[*Parameter]Value
	captured bool
}

// setGlobalParam records v as p's global value for the threads made from
// now on (see paramGen) and sets it.
func (in *Interp) setGlobalParam(p *Parameter, v Value) {
	in.paramMu.Lock()
	g := in.pgen
	if g == nil || g.captured {
		ng := &paramGen{vals: make(map[*Parameter]Value, 8)}
		if g != nil {
			for q, w := range g.vals {
				ng.vals[q] = w
			}
		}
		in.pgen, g = ng, ng
	}
	g.vals[p] = v
	p.set(v)
	in.paramMu.Unlock()
}

// captureParams returns the generation a thread being made starts with.
func (in *Interp) captureParams() *paramGen {
	in.paramMu.Lock()
	defer in.paramMu.Unlock()
	if in.pgen == nil {
		in.pgen = &paramGen{}
	}
	in.pgen.captured = true
	return in.pgen
}

// paramBinding is one parameterize binding in a thread's dynamic state.
type paramBinding struct {
	p    *Parameter
	cell *Value
	next *paramBinding
}

// paramEpoch counts the assignments to parameter values, of any thread
// and any interpreter ((p v), which may change a value other threads
// read); the threads' parameter caches are valid for one epoch.
var paramEpoch atomic.Uint64

// paramCache is a thread's cache of its latest parameter reads: the port
// layer reads the timeouts at every read and write ([Thread.Param]), and a
// hit costs neither the interpreter's lock nor a map lookup. It holds the
// parameters a thread reads in rotation: a TLS connection's set-up reads
// nine (the tcp- and ssl- timeouts, buffer size, connect procedure, ragged
// EOFs, callback error handler), each once, and with fewer entries than
// that, round-robin replacement would miss on every one. An entry holds
// while the epoch is unchanged and the thread's innermost parameterize
// binding is the same (parameterize and continuations change it; the
// entry keeps the binding it was read under alive, so the pointer cannot
// be reused by another binding).
type paramCache struct {
	e    [paramCacheSize]paramEntry
	next uint8 // the entry replaced on the next miss
}

// paramCacheSize is the number of entries of a paramCache.
const paramCacheSize = 16

type paramEntry struct {
	p     *Parameter
	def   *ParamDef // p.def, compared without loading p
	v     Value
	bind  *paramBinding
	epoch uint64
}

// cached returns the cached value of p, or of pd's parameter when p is nil.
func (th *Thread) cached(pd *ParamDef, p *Parameter) (Value, bool) {
	c := th.pcache
	if c == nil {
		return nil, false
	}
	ep, bind := paramEpoch.Load(), th.dyn.params
	for i := range c.e {
		e := &c.e[i]
		hit := e.p == p
		if p == nil {
			hit = e.def == pd && e.p != nil
		}
		if hit && e.epoch == ep && e.bind == bind {
			return e.v, true
		}
	}
	return nil, false
}

// remember caches v as p's value read at epoch ep.
func (th *Thread) remember(p *Parameter, v Value, ep uint64) {
	c := th.pcache
	if c == nil {
		c = new(paramCache)
		th.pcache = c
	}
	c.e[c.next%paramCacheSize] = paramEntry{p: p, def: p.def, v: v, bind: th.dyn.params, epoch: ep}
	c.next++
}

// ParamValue returns p's value in th's dynamic environment.
func (th *Thread) ParamValue(p *Parameter) Value {
	if v, ok := th.cached(nil, p); ok {
		return v
	}
	ep := paramEpoch.Load() // before reading: a concurrent set makes the entry stale
	v := th.lookupParam(p)
	th.remember(p, v, ep)
	return v
}

// lookupParam returns p's value in th's dynamic environment, uncached.
func (th *Thread) lookupParam(p *Parameter) Value {
	for b := th.dyn.params; b != nil; b = b.next {
		if b.p == p {
			return *b.cell
		}
	}
	if th.pgen == nil { // an evaluation's thread
		return p.get()
	}
	if v, ok := th.locals[p]; ok {
		return v
	}
	if v, ok := th.pgen.vals[p]; ok {
		return v
	}
	return p.init
}

// inheritParams gives t, a thread th is making, th's parameter values
// (CHICKEN: a new thread gets a copy of its creator's parameters; setting
// one then affects it alone): those th has bound or set itself, and th's
// generation of the global values (an evaluation's thread: the current
// one), so that a later (p v) in th does not reach t.
func (th *Thread) inheritParams(t *Thread) {
	if th.pgen == nil {
		t.pgen = th.interp.captureParams()
	} else {
		t.pgen = th.pgen
	}
	if th.dyn.params == nil && len(th.locals) == 0 {
		return
	}
	t.locals = make(map[*Parameter]Value, len(th.locals)+2)
	for b := th.dyn.params; b != nil; b = b.next { // innermost binding first
		if _, inner := t.locals[b.p]; !inner {
			t.locals[b.p] = *b.cell
		}
	}
	for p, v := range th.locals {
		if _, bound := t.locals[p]; !bound {
			t.locals[p] = v
		}
	}
}

// Param returns the current value, in th's dynamic environment, of the
// parameter that th's Interp created from pd.
func (th *Thread) Param(pd *ParamDef) Value {
	if v, ok := th.cached(pd, nil); ok {
		return v
	}
	return th.ParamValue(th.interp.parameter(pd))
}

// setParam assigns p in th's dynamic environment (CHICKEN (p v)) and
// returns the value assigned (v through p's converter), as CHICKEN's
// parameters do.
func (th *Thread) setParam(p *Parameter, v Value) Value {
	v, err := th.convertParam(p, v)
	if err != nil {
		th.fail(err)
	}
	defer paramEpoch.Add(1) // after the store: see ParamValue
	for b := th.dyn.params; b != nil; b = b.next {
		if b.p == p {
			*b.cell = v
			return v
		}
	}
	if th.pgen != nil { // a thread made by make-thread: its own value
		if th.locals == nil {
			th.locals = make(map[*Parameter]Value, 2)
		}
		th.locals[p] = v
		return v
	}
	th.interp.setGlobalParam(p, v)
	return v
}

// convertParam passes a value given to p (by parameterize, or by calling p
// with it) through p's converter: a Scheme converter procedure, or the
// Convert guard of its definition.
func (th *Thread) convertParam(p *Parameter, v Value) (Value, error) {
	if p.converter != nil {
		return th.Call(p.converter, v)
	}
	if p.def != nil && p.def.Convert != nil {
		return p.def.Convert(th, v)
	}
	return v, nil
}
