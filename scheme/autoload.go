// Autoload: the Scheme sources of libraries and the boot code, evaluated
// when a program first needs one of the names they define.

package scheme

import (
	"runtime"
	"sync"
)

// lazySource is a Scheme source an interpreter has not evaluated yet: a
// library's [Source] or a boot file. Its state is guarded by Interp.mu.
type lazySource struct {
	srcs  []*Source // evaluated in order
	names []*Symbol // the names whose first reference loads it
	// atVal and atMac are each name's value (the cell's pointer) and macro
	// when the source would have run, eagerly: a name set since keeps the
	// later value, as it would have overridden the source's.
	atVal  []*Value
	atMac  []*macro
	loaded bool // loading or loaded
}

// WithEagerLoading makes the interpreter evaluate the Scheme sources of
// its libraries and the boot code when it is made, as tlsport did before
// loading them on first use: for a server that wants no first-use latency,
// and for tests comparing the two.
func WithEagerLoading() Option {
	return func(i *Interp) { i.eager = true }
}

// sourceNames caches, per library, the names its Source (or, for the boot
// library, the boot code) defines: the rows without Fn that are not syntax
// of the core.
var sourceNames sync.Map // *Library → []*Symbol

func lazyNames(lib *Library) []*Symbol {
	if v, ok := sourceNames.Load(lib); ok {
		return v.([]*Symbol)
	}
	var out []*Symbol
	for i := range lib.Procs {
		if p := &lib.Procs[i]; p.Fn == nil && p.control == nil && !p.IsSyntax() {
			out = append(out, Intern(p.Name))
		}
	}
	v, _ := sourceNames.LoadOrStore(lib, out)
	return v.([]*Symbol)
}

// addSources evaluates srcs now (WithEagerLoading), or defers them until
// one of lib's names without Fn is needed.
func (in *Interp) addSources(lib *Library, srcs ...*Source) error {
	if in.eager {
		return in.evalSources(srcs)
	}
	names := lazyNames(lib)
	ls := &lazySource{srcs: srcs, names: names, atVal: make([]*Value, len(names)), atMac: make([]*macro, len(names))}
	in.mu.Lock()
	if in.lazy == nil {
		in.lazy = map[*Symbol][]*lazySource{}
	}
	for i, s := range names {
		if in.hasDeferred(s) { // another library's procedure of that name
			in.cellLocked(s)
		}
		if g := in.globals[s]; g != nil {
			ls.atVal[i] = g.v.Load()
		}
		ls.atMac[i] = in.macros[s]
		in.lazy[s] = append(in.lazy[s], ls)
	}
	in.mu.Unlock()
	in.lazyCount.Add(1)
	return nil
}

// autoload evaluates the sources not yet evaluated that define s.
func (in *Interp) autoload(s *Symbol) error {
	if in.lazyCount.Load() == 0 {
		return nil
	}
	in.mu.RLock()
	srcs := in.lazy[s]
	in.mu.RUnlock()
	if len(srcs) == 0 {
		return nil
	}
	// One goroutine loads at a time; a source it is loading refers to its
	// own names and to other sources' (which it then loads) on the same
	// goroutine, which must neither wait for itself nor load twice.
	if id := goroutineID(); in.lazyHolder.Load() != id {
		in.lazyMu.Lock()
		in.lazyHolder.Store(id)
		defer func() {
			in.lazyHolder.Store(0)
			in.lazyMu.Unlock()
		}()
	}
	for _, ls := range srcs {
		if err := in.loadSource(ls); err != nil {
			return err
		}
	}
	return nil
}

// loadSource evaluates ls unless it is loaded or being loaded; the caller
// holds lazyMu.
func (in *Interp) loadSource(ls *lazySource) error {
	type kept struct {
		s *Symbol
		g *global
		v *Value
		m *macro
	}
	var keep []kept
	in.mu.Lock()
	if ls.loaded {
		in.mu.Unlock()
		return nil
	}
	ls.loaded = true
	for i, s := range ls.names {
		if in.hasDeferred(s) { // imported since the source was added
			in.cellLocked(s)
		}
		g := in.globals[s]
		var v *Value
		if g != nil {
			v = g.v.Load()
		}
		if m := in.macros[s]; v != ls.atVal[i] || m != ls.atMac[i] {
			keep = append(keep, kept{s, g, v, m})
		}
	}
	in.mu.Unlock()
	err := in.evalSources(ls.srcs)
	in.mu.Lock()
	for _, k := range keep {
		if k.g == nil {
			delete(in.globals, k.s)
		} else {
			k.g.v.Store(k.v)
			in.globals[k.s] = k.g
		}
		if k.m == nil {
			delete(in.macros, k.s)
		} else {
			in.macros[k.s] = k.m
		}
	}
	for _, s := range ls.names {
		rest := in.lazy[s][:0]
		for _, o := range in.lazy[s] {
			if o != ls {
				rest = append(rest, o)
			}
		}
		if len(rest) == 0 {
			delete(in.lazy, s)
		} else {
			in.lazy[s] = rest
		}
	}
	in.mu.Unlock()
	in.lazyCount.Add(-1)
	in.snapshotLoaded(ls.names)
	return err
}

// evalSources evaluates srcs in order.
func (in *Interp) evalSources(srcs []*Source) error {
	for _, src := range srcs {
		if err := in.evalRead(src.read); err != nil {
			return err
		}
	}
	return nil
}

// pending reports whether s is a name of a source not yet evaluated.
func (in *Interp) pending(s *Symbol) bool {
	if in.lazyCount.Load() == 0 {
		return false
	}
	in.mu.RLock()
	defer in.mu.RUnlock()
	return len(in.lazy[s]) > 0
}

// pendingNames returns the names of the sources not yet evaluated.
func (in *Interp) pendingNames() []*Symbol {
	in.mu.RLock()
	defer in.mu.RUnlock()
	out := make([]*Symbol, 0, len(in.lazy))
	for s := range in.lazy {
		out = append(out, s)
	}
	return out
}

// autoload evaluates the sources that define sym before the expander
// resolves it; an error loading one is raised.
func (x *expander) autoload(sym *Symbol) {
	if err := x.in.autoload(sym); err != nil {
		if e, ok := err.(*Error); ok {
			panic(&schemePanic{v: e.Condition})
		}
		x.syntaxErr(sym, sym.Name, "%v", err)
	}
}

// goroutineID returns the current goroutine's id, from the header of its
// stack trace ("goroutine 123 [running]:").
func goroutineID() uint64 {
	var buf [32]byte
	b := buf[:runtime.Stack(buf[:], false)]
	const prefix = "goroutine "
	if len(b) < len(prefix) {
		return 0
	}
	var id uint64
	for _, c := range b[len(prefix):] {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + uint64(c-'0')
	}
	return id
}
