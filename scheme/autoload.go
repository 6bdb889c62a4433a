// Autoload: the Scheme sources of libraries and the boot code, evaluated
// when a program first needs one of the names they define.

package scheme

import (
	"runtime"
	"strings"
	"sync"
)

// lazySource is a Scheme source an interpreter has not evaluated yet: a
// library's [Source] or the boot code. Its loaded flag is guarded by
// Interp.mu.
type lazySource struct {
	srcs    []*Source // evaluated in order
	names   []string  // the names whose first reference loads it
	tracked []string  // names, then the library's values and parameters (at)
	// lib holds the rows of names; kind reads what they say of a name.
	lib *Library
	// at holds the tracked names that had a value or a macro when the
	// source would have run, eagerly, with them: a name set since keeps the
	// later value, as it would have overridden the source's.
	at     map[string]globalState
	loaded bool        // loading or loaded
	after  *lazySource // evaluated first, if not yet (the boot file before)
	core   bool        // the boot code's: tried first for a name
}

// globalState is what a global name denotes: its value (the cell's pointer)
// and its macro; or, for a name whose cell is not made yet, the row it
// will be made from (r, see deferLocked) and its macro.
type globalState struct {
	v *Value
	m *macro
	r rowRef
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
// of the core (names[:n]), then the library's values and parameters, which
// the source may define too but the library's own bind (names[n:]).
var sourceNames sync.Map // *Library → lazyNames

type lazyNames struct {
	names []string
	n     int
}

// kind returns what ls's rows say of name, a reference to which may load
// ls when it is compiled (see lazyKind): syntax the source defines (a row
// whose Sig reads "syntax …": the expander must know it) and bindings it
// defines anew (Replaces). The other names are procedures loaded at their
// first use, or re-exports of a binding the name has. The rows' kinds are
// read when a name of the library is first looked up, not when an
// interpreter is made: reading every row's Sig touched memory no other
// step of the start does.
func (ls *lazySource) kind(name string) rowKind {
	v, ok := sourceKinds.Load(ls.lib)
	if !ok {
		var kinds map[string]rowKind
		for i := range ls.lib.Procs {
			if p := &ls.lib.Procs[i]; sourceRow(p) {
				if k := rowKindOf(p); k != 0 {
					if kinds == nil {
						kinds = map[string]rowKind{}
					}
					kinds[p.Name] = k
				}
			}
		}
		v, _ = sourceKinds.LoadOrStore(ls.lib, kinds)
	}
	return v.(map[string]rowKind)[name]
}

// sourceKinds caches, per library, the kinds of its rows (see kind).
var sourceKinds sync.Map // *Library → map[string]rowKind

// rowKind is what a row without Fn says of its name (see lazySource.kind).
type rowKind uint8

const (
	rowSyntax   rowKind = 1 << iota // Sig "syntax …": a macro, the source's or re-exported
	rowReplaces                     // Replaces: the source defines the bound name anew
)

// rowKindOf returns what row p says of its name.
func rowKindOf(p *Proc) rowKind {
	var k rowKind
	if strings.HasPrefix(p.Sig, "syntax ") {
		k |= rowSyntax
	}
	if p.Replaces {
		k |= rowReplaces
	}
	return k
}

// sourceRow reports whether row p is one a library's source may define:
// neither a Go procedure nor syntax of the core.
func sourceRow(p *Proc) bool { return p.Fn == nil && p.control == nil && !p.IsSyntax() }

func sourceNamesOf(lib *Library) lazyNames {
	lib = lib.Ready() // an ImportOnly library with a Source may build its rows late
	if v, ok := sourceNames.Load(lib); ok {
		return v.(lazyNames)
	}
	n := 0
	for i := range lib.Procs {
		if p := &lib.Procs[i]; sourceRow(p) {
			n++
		}
	}
	out := make([]string, 0, n+len(lib.Values)+len(lib.Parameters)) // one allocation
	for i := range lib.Procs {
		if p := &lib.Procs[i]; sourceRow(p) {
			out = append(out, p.Name)
		}
	}
	for _, b := range lib.Values {
		out = append(out, b.Name)
	}
	for _, pd := range lib.Parameters {
		out = append(out, pd.Name)
	}
	v, _ := sourceNames.LoadOrStore(lib, lazyNames{out, n})
	return v.(lazyNames)
}

// addPendingSource makes the source of lib, an ImportOnly library being
// imported, load when one of its names is first needed (see Register).
func (in *Interp) addPendingSource(lib *Library) {
	in.mu.Lock()
	pending := in.pendingSources[lib]
	delete(in.pendingSources, lib)
	in.mu.Unlock()
	if pending {
		_ = in.addSources(lib, lib.Source) // deferred: no evaluation, no error
	}
}

// addSources evaluates srcs now (WithEagerLoading), or defers them until
// one of lib's names without Fn is needed.
func (in *Interp) addSources(lib *Library, srcs ...*Source) error {
	if in.eager {
		return in.evalSources(srcs)
	}
	in.deferSources(lib, false, srcs...)
	return nil
}

// addBootSources adds the boot files as addSources does, each file on its
// own: a program using map or print evaluates only the first. Each file
// is evaluated after those before it, which it may use (%map).
func (in *Interp) addBootSources() error {
	srcs := bootSources()
	if in.eager {
		return in.evalSources(srcs)
	}
	var prev *lazySource
	for i, lib := range bootFileLibraries {
		ls := in.deferSources(lib, true, srcs[i])
		ls.after = prev
		prev = ls
	}
	return nil
}

// deferSources makes srcs evaluate when one of lib's names without Fn is
// first needed. The sources of the core come before the others listing
// the same names, which re-export them (see autoloadHolding).
func (in *Interp) deferSources(lib *Library, core bool, srcs ...*Source) *lazySource {
	ln := sourceNamesOf(lib)
	ls := &lazySource{srcs: srcs, names: ln.names[:ln.n], tracked: ln.names, lib: lib, core: core}
	// one backing array for the names' entries: most names have one source
	own := make([]*lazySource, len(ls.names))
	in.mu.Lock()
	if in.lazy == nil {
		in.lazy = make(map[string][]*lazySource, 512)
	}
	ls.at = in.bindingsLocked(ls.tracked, ls)
	for i, n := range ls.names {
		if prev := in.lazy[n]; len(prev) > 0 {
			in.lazy[n] = append(prev, ls)
		} else {
			own[i] = ls
			in.lazy[n] = own[i : i+1 : i+1]
		}
	}
	in.mu.Unlock()
	in.lazyCount.Add(1)
	return ls
}

// bindingsLocked returns what those of names that are bound denote; in.mu
// is held. A name whose binding is deferred (another library's procedure of
// that name, not made yet) is recorded as its row, not made: when ls is
// given (its at is being taken), the cell made later from that row
// replaces the row in ls.at (rebaseAtLocked), so that at compares as if the
// cell had been made now.
func (in *Interp) bindingsLocked(names []string, ls *lazySource) map[string]globalState {
	var out map[string]globalState
	for _, n := range names {
		var s *Symbol
		if r, ok := in.deferred[n]; ok {
			b := globalState{r: r}
			if sym, ok := symtab.Load(n); ok {
				b.m = in.macros[sym.(*Symbol)]
			}
			if out == nil {
				out = map[string]globalState{}
			}
			out[n] = b
			if ls != nil {
				if in.atDeferred == nil {
					in.atDeferred = map[string][]*lazySource{}
				}
				in.atDeferred[n] = append(in.atDeferred[n], ls)
			}
			continue
		} else if !in.mayHaveNameLocked(n) { // neither a value nor a macro
			continue
		} else if sym, ok := symtab.Load(n); ok {
			s = sym.(*Symbol)
		} else { // never interned: neither defined nor imported
			continue
		}
		var b globalState
		if g := in.globals[s]; g != nil {
			b.v = g.v.Load()
		}
		if b.m = in.macros[s]; b.v != nil || b.m != nil {
			if out == nil {
				out = map[string]globalState{}
			}
			out[n] = b
		}
	}
	return out
}

// autoload evaluates the sources not yet evaluated that define s.
func (in *Interp) autoload(s *Symbol) error { return in.autoloadHolding(s, false) }

// lazyProcedure reports whether s is a procedure a source not yet
// evaluated defines, and unbound until then: a reference to it compiles
// to its global cell, and the source is evaluated when the reference is
// first run (globalRef) rather than when it is compiled. Learning that
// from the rows, not from the source, keeps a program that calls map from
// reading and compiling the sources that list it before it starts.
func (in *Interp) lazyProcedure(s *Symbol) bool {
	return in.lazyKind(s) == lazyUnbound
}

// lazyMacro reports whether s is, as far as the rows tell, a macro a
// source not yet evaluated defines, unbound until then.
func (in *Interp) lazyMacro(s *Symbol) bool {
	return in.lazyKind(s) == lazyCompile && in.macro(s) == nil && !in.bound(s)
}

// The kinds of names lazyKind tells apart.
const (
	notLazy     = iota // no source left to evaluate for it
	lazyUnbound        // a procedure of a source, unbound until it is evaluated
	lazyBound          // bound now; the sources listing it re-export that
	lazyCompile        // syntax of a source, or a binding it replaces
	lazyLoading        // defined by a source another goroutine is evaluating
)

// lazyKind tells what the sources not yet evaluated that list s mean for
// a reference to it (see lazySource.kind): a name bound now (a value, a
// deferred row, a macro) keeps its binding unless a row says a source
// replaces it; an unbound name is syntax to load at once if a row says
// so, else a procedure loaded when it is first used. A name a source
// being evaluated has defined is neither until the load ends: it may have
// no value yet, or the one it replaces. On another goroutine, lazyKind
// waits for the load to end and tells what the name is then; on the
// goroutine evaluating the source, it is the source's own name (notLazy).
func (in *Interp) lazyKind(s *Symbol) int { return in.lazyKindHolding(s, false) }

// lazyKindHolding is lazyKind; holding says the caller evaluates a source
// (see autoloadHolding), which spares telling its goroutine from the
// others for the names it defines.
func (in *Interp) lazyKindHolding(s *Symbol, holding bool) int {
	if in.lazyCount.Load() == 0 {
		return notLazy
	}
	in.mu.RLock()
	k := in.lazyKindLocked(s.Name)
	in.mu.RUnlock()
	if k == lazyLoading {
		if !holding && in.waitLoad() {
			in.mu.RLock()
			k = in.lazyKindLocked(s.Name)
			in.mu.RUnlock()
		}
		if k == lazyLoading { // this goroutine's source, or its load ended
			k = notLazy
		}
	}
	return k
}

// lazyKindLocked is lazyKind of the name with in.mu held, without
// waiting: lazyLoading for a name a source being evaluated defined.
func (in *Interp) lazyKindLocked(name string) int {
	if in.defining[name] {
		return lazyLoading
	}
	srcs := in.lazy[name]
	if len(srcs) == 0 {
		return notLazy
	}
	var k rowKind
	for _, ls := range srcs {
		k |= ls.kind(name)
	}
	if in.boundLocked(name) {
		if k&rowReplaces != 0 {
			return lazyCompile
		}
		return lazyBound
	}
	if k&rowSyntax != 0 {
		return lazyCompile
	}
	return lazyUnbound
}

// boundLocked reports whether name has a value, a deferred row or a
// macro; in.mu is held.
func (in *Interp) boundLocked(name string) bool {
	if in.deferred[name] != (rowRef{}) {
		return true
	}
	if !in.mayHaveNameLocked(name) {
		return false
	}
	sym, ok := symtab.Load(name)
	if !ok {
		return false
	}
	s := sym.(*Symbol)
	if in.macros[s] != nil {
		return true
	}
	g := in.globals[s]
	return g != nil && g.get() != nil
}

// bindLazyImport makes s, the cell an import binds to a library's row
// name (a procedure of a source not evaluated yet, see lazyProcedure), take
// the value the library exports when a reference to it first runs.
func (in *Interp) bindLazyImport(s *Symbol, name string) {
	in.mu.Lock()
	if in.lazyImports == nil {
		in.lazyImports = map[*Symbol]string{}
	}
	in.lazyImports[s] = name
	in.mu.Unlock()
}

// lazyImportOf returns the name of the row an import bound s to, if s
// has not taken its value yet (bindLazyImport), else "".
func (in *Interp) lazyImportOf(s *Symbol) string {
	in.mu.RLock()
	defer in.mu.RUnlock()
	return in.lazyImports[s]
}

// loadAtRun evaluates the sources that define s, a global a running
// reference found unbound (see lazyProcedure), or the name of the row an
// import bound s to (bindLazyImport); it reports whether s is bound now.
// An error evaluating them is raised.
func (th *Thread) loadAtRun(s *Symbol) bool {
	in := th.interp
	in.mu.RLock()
	imp, imported := in.lazyImports[s]
	in.mu.RUnlock()
	name := s
	if imported {
		name = Intern(imp)
	}
	var err error
	th.outside(func() {
		err = in.autoloadHolding(name, th.loadingSource)
		// a source another goroutine is evaluating may define it yet: a
		// helper the procedure it has defined already calls
		if err == nil && !th.loadingSource && !in.bound(name) && in.waitLoad() {
			err = in.autoloadHolding(name, false)
		}
	})
	if err != nil {
		if e, ok := err.(*Error); ok {
			panic(&schemePanic{v: e.Condition})
		}
		th.failf("", err.Error())
	}
	if imported {
		if v, ok := in.reexported(imp); ok {
			if g := in.cell(s); g.get() == nil {
				g.set(v)
			}
		}
		in.mu.Lock()
		delete(in.lazyImports, s)
		in.mu.Unlock()
	}
	return in.bound(s)
}

// autoloadHolding is autoload; holding says the caller evaluates a
// source (its thread is loadingSource), so this goroutine holds lazyMu.
// A name bound now is left as it is unless a source replaces it
// (lazyKind); otherwise the sources listing it are evaluated up to the one
// that defines it: the others list it among their rows but define other
// names (a library's row re-exporting the core's map), as no two sources
// define one name (TestOneSourcePerName). A name a source another
// goroutine is evaluating defines (lazyLoading) waits for that load.
func (in *Interp) autoloadHolding(s *Symbol, holding bool) error {
	if in.lazyCount.Load() == 0 {
		return nil
	}
	in.mu.RLock()
	k := in.lazyKindLocked(s.Name)
	in.mu.RUnlock()
	if k == notLazy || k == lazyBound {
		return nil
	}
	// One goroutine loads at a time; a source it is loading refers to its
	// own names and to other sources' (which it then loads) on the same
	// goroutine, which must neither wait for itself nor load twice.
	// The goroutine's id (a stack trace, dearer the deeper the stack) is
	// taken only when another may hold the lock, and once per load.
	if h := in.lazyHolder.Load(); !holding && (h == 0 || h != goroutineID()) {
		in.lockLoad()
		in.lazyHolder.Store(goroutineID())
		defer in.endLoad()
	}
	// read again: another goroutine may have loaded them while this one
	// waited for the lock; a name still lazyLoading is one the source this
	// goroutine evaluates defines
	in.mu.RLock()
	k, srcs := in.lazyKindLocked(s.Name), in.lazy[s.Name]
	in.mu.RUnlock()
	if k == notLazy || k == lazyBound || k == lazyLoading {
		return nil
	}
	for _, core := range [2]bool{true, false} { // the core's sources first
		for _, ls := range srcs {
			if ls.core != core {
				continue
			}
			if err := in.loadSource(ls); err != nil {
				return err
			}
			in.mu.RLock()
			done := len(in.lazy[s.Name]) == 0
			in.mu.RUnlock()
			if done {
				return nil
			}
		}
	}
	return nil
}

// lockLoad takes lazyMu, waiting while another goroutine evaluates a
// source.
func (in *Interp) lockLoad() { in.lazyMu.Lock() }

// endLoad ends the load lockLoad began: the names the sources evaluated
// defined are no longer being defined (lazyKind).
func (in *Interp) endLoad() {
	in.mu.Lock()
	in.defining = nil
	in.mu.Unlock()
	in.lazyHolder.Store(0)
	in.lazyMu.Unlock()
}

// waitLoad waits until no other goroutine evaluates a source, and reports
// whether one did; it does not wait on the goroutine that evaluates one.
func (in *Interp) waitLoad() bool {
	if h := in.lazyHolder.Load(); h == 0 || h == goroutineID() {
		return false
	}
	in.lockLoad()
	in.lazyMu.Unlock()
	return true
}

// loadSource evaluates ls unless it is loaded or being loaded; the caller
// holds lazyMu.
func (in *Interp) loadSource(ls *lazySource) error {
	if ls.after != nil {
		if err := in.loadSource(ls.after); err != nil {
			return err
		}
	}
	in.mu.Lock()
	if ls.loaded {
		in.mu.Unlock()
		return nil
	}
	ls.loaded = true
	now := in.bindingsLocked(ls.tracked, nil)
	var keep []string // set since the source was added
	for n, b := range now {
		if b != ls.at[n] {
			keep = append(keep, n)
		}
	}
	for n := range ls.at {
		if _, ok := now[n]; !ok {
			keep = append(keep, n)
		}
	}
	cells := make([]*global, len(keep))
	for i, n := range keep {
		cells[i] = in.globals[Intern(n)]
	}
	in.mu.Unlock()
	err := in.evalSources(ls.srcs)
	in.mu.Lock()
	for i, n := range keep {
		s, b, g := Intern(n), now[n], cells[i]
		if g == nil {
			delete(in.globals, s)
			if b.r.lib != nil { // still deferred: made from its row when first used
				in.deferred[n] = b.r
			}
		} else {
			g.v.Store(b.v)
			inlineEpoch.Add(1) // g may hold an open-coded primitive
			in.globals[s] = g
			in.noteNameLocked(s)
		}
		if b.m == nil {
			delete(in.macros, s)
		} else {
			in.macros[s] = b.m
			in.noteNameLocked(s)
		}
	}
	for _, n := range ls.names {
		rest := in.lazy[n][:0]
		for _, o := range in.lazy[n] {
			if o != ls {
				rest = append(rest, o)
			}
		}
		if len(rest) == 0 {
			delete(in.lazy, n)
		} else {
			in.lazy[n] = rest
		}
	}
	in.mu.Unlock()
	in.lazyCount.Add(-1)
	return err
}

// rebaseAtLocked records, in the at of the sources not yet loaded that hold
// name as deferred to row r, the cell g just made from r (see
// bindingsLocked); in.mu is held.
func (in *Interp) rebaseAtLocked(name string, r rowRef, g *global) {
	for _, ls := range in.atDeferred[name] {
		if st, ok := ls.at[name]; ok && !ls.loaded && st.r == r {
			ls.at[name] = globalState{v: g.v.Load(), m: st.m}
		}
	}
	delete(in.atDeferred, name)
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

// pendingNames returns the names of the sources not yet evaluated.
func (in *Interp) pendingNames() []string {
	in.mu.RLock()
	defer in.mu.RUnlock()
	out := make([]string, 0, len(in.lazy)+len(in.defining))
	for n := range in.lazy {
		out = append(out, n)
	}
	for n := range in.defining {
		out = append(out, n)
	}
	return out
}

// autoloadSyntax is autoload for a free identifier being resolved: only
// for syntax or a procedure a source replaces (lazyKind); a procedure's
// source waits until the reference runs (lazyProcedure), and a name
// bound now keeps its binding.
func (x *expander) autoloadSyntax(sym *Symbol) {
	if x.in.lazyKindHolding(sym, x.th != nil && x.th.loadingSource) == lazyCompile {
		x.autoload(sym)
	}
}

// autoloadDefinition is autoload for a name defined at the top level:
// a program's definition comes after the source's, as if it had been
// evaluated eagerly; a source being evaluated is the one defining the
// name, and no other source defines it (TestOneSourcePerName).
func (x *expander) autoloadDefinition(sym *Symbol) {
	if x.th == nil || !x.th.loadingSource {
		x.autoload(sym)
		return
	}
	in := x.in
	in.mu.Lock()
	if _, ok := in.lazy[sym.Name]; ok {
		delete(in.lazy, sym.Name) // no other source to load for it
		if in.defining == nil {
			in.defining = map[string]bool{}
		}
		in.defining[sym.Name] = true // until the load ends (endLoad)
	}
	in.mu.Unlock()
}

// autoload evaluates the sources that define sym before the expander
// resolves it; an error loading one is raised.
func (x *expander) autoload(sym *Symbol) {
	if err := x.in.autoloadHolding(sym, x.th != nil && x.th.loadingSource); err != nil {
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

// noteSourceDefinition records v, which a library's source being evaluated
// defines as s, for the rows that say the source replaces s: an import of
// the library binds this value, whatever a program or another import has
// bound to s since (see libraryBindings).
func (in *Interp) noteSourceDefinition(s *Symbol, v Value) {
	in.mu.Lock()
	if in.sourceDefs == nil {
		in.sourceDefs = map[*Symbol]Value{}
	}
	in.sourceDefs[s] = v
	in.mu.Unlock()
}

// sourceDefinition returns the value a library's source defined as s,
// evaluating the source first if it has not been (autoload).
func (in *Interp) sourceDefinition(s *Symbol) (Value, bool) {
	if err := in.autoload(s); err != nil {
		return nil, false
	}
	in.mu.RLock()
	v, ok := in.sourceDefs[s]
	in.mu.RUnlock()
	return v, ok
}
