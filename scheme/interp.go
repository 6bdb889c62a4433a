// Interp: the embedding API (New, Register, Define, Lookup, Eval, EvalString, Load).

package scheme

import (
	"context"
	"hash/maphash"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Interp is one Scheme world: a global environment, registered libraries
// and the error converters. It is safe for concurrent use; every evaluation
// runs on its own [Thread].
type Interp struct {
	mu         sync.RWMutex
	globals    map[*Symbol]*global
	libs       map[string]*Library
	libOrder   []string
	params     map[*ParamDef]*Parameter
	converters []func(error) (Value, bool)
	macros     map[*Symbol]*macro // global syntax bindings
	testHook   func(TestEvent)
	testOnce   sync.Once
	testErr    error // of the test library's set-up (ensureTestLib)

	// Stdin, Stdout and Stderr back the initial current ports (set by options).
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	args           []string
	ctx            context.Context // parent of SRFI-18 threads; cancelled by Close
	cancel         context.CancelFunc
	epoch          time.Time // origin of current-jiffy
	maxDepth       int
	extraLibs      []*Library // WithLibraries: registered and imported after the core's
	nextThreadID   atomic.Int64
	madeThreads    atomic.Int64        // threads made by make-thread (their printed names)
	madeSyncs      atomic.Int64        // mutexes and condition variables made without a name (theirs)
	hostData       sync.Map            // HostData: per-Interp state of host libraries
	outputs        outputPorts         // ports written by Scheme threads (FlushAllOutput)
	userLibs       map[string]*userLib // libraries defined in Scheme (module, define-library, library)
	loadingLibs    map[string]bool     // library files being loaded (circular imports)
	libPath        []string            // WithLibraryPath: directories searched for library files (libPathMu)
	libExts        []string            // SetLibrarySuffixes: the extensions of library files, nil for libraryFileExts (libPathMu)
	libPathMu      sync.Mutex
	envCount       int             // environments made, for their private cell names
	exitHandler    func(code int)  // WithExitHandler: exit from a thread
	printers       recordPrinters  // set-record-printer!
	flonumPrec     atomic.Int32    // flonum-print-precision (0: DefaultFlonumPrintPrecision)
	r6rsProgram    atomic.Bool     // SetR6RSPrinting: an R6RS top-level program runs (its printing, set! and / of R6RS)
	r7rsProgram    atomic.Bool     // importsR7RS: an R7RS program runs (flonums that read back, R7RS escapes)
	foldCasePrint  atomic.Bool     // case-sensitive was made #f: write looks it up per thread
	evalHandlerSet atomic.Bool     // eval-handler was given a procedure: eval looks it up
	onExit         []Value         // on-exit thunks (guarded by mu)
	featureSet     map[string]bool // register-feature! (true), unregister-feature! (false); guarded by mu
	featureOrder   []string        // the names of featureSet in the order last set; guarded by mu
	provided       map[string]bool // extensions given to provide or loaded by require; guarded by mu
	// pgen is the current generation of the parameters' global values
	// for the threads make-thread makes (guarded by paramMu; see paramGen).
	pgen    *paramGen
	paramMu sync.Mutex
	// originals holds the values globals had before a program first
	// changed them, once the interpreter was made (booted): what the
	// libraries' rows without Fn re-export (guarded by mu; see
	// keepOriginalLocked).
	originals map[*Symbol]Value
	// sourceDefs holds what the libraries' sources defined, by name, for
	// their Replaces rows (noteSourceDefinition; guarded by mu)
	sourceDefs map[*Symbol]Value
	booted     bool

	// Autoload (autoload.go): the sources not yet evaluated by the names
	// they define (guarded by mu), how many there are, the lock held by the
	// goroutine evaluating one (lazyHolder).
	lazy       map[string][]*lazySource
	atDeferred map[string][]*lazySource // sources whose at holds the name as deferred
	// defining holds the names a source being evaluated has taken out of
	// lazy as it defines them (guarded by mu; see autoloadDefinition): until
	// its load ends, another goroutine meeting one waits for it.
	defining map[string]bool
	// lazyImports are the cells an import bound to a library's procedure
	// its source defines, not evaluated yet (guarded by mu; see loadAtRun).
	lazyImports map[*Symbol]string
	lazyCount   atomic.Int32
	// pendingSources are the sources of ImportOnly libraries not imported
	// yet (guarded by mu): their names are not autoloaded before an import.
	pendingSources map[*Library]bool
	lazyMu         sync.Mutex
	lazyHolder     atomic.Uint64
	eager          bool // WithEagerLoading
	// deferred holds the bindings of imported libraries not made yet, by
	// name (guarded by mu; see deferLocked).
	deferred map[string]rowRef
	// nameBits has the bit nameBit(name) set for every name that has (or
	// had) a cell in globals or a macro (guarded by mu), so that binding a
	// library's names looks one up in the symbol table only when it may
	// have either (most have neither when an interpreter is made).
	nameBits [64]uint64

	gil gil // the interpreter lock (gil.go)
}

// nameBit returns the index in Interp.nameBits of name: a hash of it
// (the runtime's, several bytes at a time; a byte-by-byte one was 8 % of
// making an interpreter).
func nameBit(name string) uint32 {
	return uint32(maphash.String(nameSeed, name) % (64 * 64))
}

// nameSeed is nameBit's hash seed.
var nameSeed = maphash.MakeSeed()

// noteNameLocked records that s has a cell in globals or a macro; in.mu
// is held.
func (in *Interp) noteNameLocked(s *Symbol) {
	b := nameBit(s.Name)
	in.nameBits[b/64] |= 1 << (b % 64)
}

// mayHaveNameLocked reports whether name may have a cell in globals or a
// macro (false: it has neither); in.mu is held.
func (in *Interp) mayHaveNameLocked(name string) bool {
	b := nameBit(name)
	return in.nameBits[b/64]&(1<<(b%64)) != 0
}

// global is a global variable cell; v is read and written atomically.
type global struct {
	name    *Symbol
	v       atomic.Pointer[Value]
	userDef atomic.Bool // defined or assigned by Scheme code (not a builtin)
	inlined atomic.Bool // an open-coded call relies on its value (see inlineEpoch)
	userSet atomic.Bool // its value is a program's (see keepOriginalLocked)
}

func (g *global) get() Value {
	p := g.v.Load()
	if p == nil {
		return nil
	}
	return *p
}

func (g *global) set(v Value) {
	g.v.Store(&v)
	if g.inlined.Load() {
		inlineEpoch.Add(1)
	}
}

// CommandLine returns the command line (command-line) returns, as set by
// [WithCommandLine].
func (in *Interp) CommandLine() []string { return append([]string(nil), in.args...) }

// Option configures an Interp.
type Option func(*Interp)

// WithStdio sets the streams behind the initial current-input/output/error ports.
func WithStdio(in io.Reader, out, errw io.Writer) Option {
	return func(i *Interp) { i.Stdin, i.Stdout, i.Stderr = in, out, errw }
}

// WithCommandLine sets what (command-line) returns.
func WithCommandLine(args []string) Option {
	return func(i *Interp) { i.args = append([]string(nil), args...) }
}

// WithMaxDepth sets the number of pending continuation frames after which a
// "recursion too deep" condition is raised (default 5,000,000).
func WithMaxDepth(n int) Option {
	return func(i *Interp) { i.maxDepth = n }
}

// WithLibraries registers libs and defines their names globally (except
// those of an ImportOnly library), after the core's tables, as if each were
// imported:
// this is how an embedder adds the libraries of scheme/<lib> packages
// (see package scheme/stdlib for the standard set).
func WithLibraries(libs ...*Library) Option {
	return func(i *Interp) { i.extraLibs = append(i.extraLibs, libs...) }
}

// AddErrorConverter installs conv, consulted (last added first) when a
// primitive returns a Go error that is not a scheme error: when it returns
// ok, its Value is raised instead of a generic (exn) condition. The
// converter should keep err as the condition's Cause.
func (in *Interp) AddErrorConverter(conv func(err error) (Value, bool)) {
	in.mu.Lock()
	in.converters = append(in.converters, conv)
	in.mu.Unlock()
}

func (in *Interp) cell(s *Symbol) *global {
	in.mu.RLock()
	g := in.globals[s]
	in.mu.RUnlock()
	if g != nil {
		return g
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.cellLocked(s)
}

// cellLocked is cell with in.mu held for writing. A cell made for a name
// an imported library binds starts with the library's value.
func (in *Interp) cellLocked(s *Symbol) *global {
	g := in.globals[s]
	if g == nil {
		g = &global{name: s}
		if r, ok := in.deferred[s.Name]; ok {
			g.set(r.value())
			delete(in.deferred, s.Name)
			if in.atDeferred != nil {
				in.rebaseAtLocked(s.Name, r, g)
			}
		}
		in.globals[s] = g
		in.noteNameLocked(s)
	}
	return g
}

// rowRef is a binding [Interp.Import] has deferred: row i of lib's Procs,
// or of its Values.
type rowRef struct {
	lib     *Library
	i       int32
	isValue bool
}

func (r rowRef) value() Value {
	if r.isValue {
		return r.lib.Values[r.i].Value
	}
	return rowValue(r.lib, &r.lib.Procs[r.i])
}

// deferLocked binds name to r: at once when name has a cell (set by an
// earlier import or a definition), else when the cell is first made
// (cellLocked); in.mu is held. Most names of the standard libraries are
// never used by a given program, so an interpreter is made without
// interning them or making their procedure objects.
func (in *Interp) deferLocked(name string, r rowRef) {
	if !in.mayHaveNameLocked(name) { // no cell
		in.keepDeferredOriginalLocked(name)
		in.deferred[name] = r
		return
	}
	if s, ok := symtab.Load(name); ok {
		if g := in.globals[s.(*Symbol)]; g != nil {
			in.keepOriginalLocked(g)
			g.set(r.value())
			return
		}
	}
	in.keepDeferredOriginalLocked(name)
	in.deferred[name] = r
}

// keepDeferredOriginalLocked is keepOriginalLocked for a name whose
// binding is not made yet: an import replacing it keeps the binding it had
// as the name's original. in.mu is held.
func (in *Interp) keepDeferredOriginalLocked(name string) {
	if prev, ok := in.deferred[name]; ok && in.booted {
		in.setOriginalLocked(Intern(name), prev.value)
	}
}

// setOriginalLocked records value() as the original of s unless one is
// recorded; in.mu is held.
func (in *Interp) setOriginalLocked(s *Symbol, value func() Value) {
	if _, ok := in.originals[s]; ok {
		return
	}
	if in.originals == nil {
		in.originals = map[*Symbol]Value{}
	}
	in.originals[s] = value()
}

// hasDeferred reports whether s has a binding not yet made (see
// deferLocked); in.mu is held.
func (in *Interp) hasDeferred(s *Symbol) bool {
	_, ok := in.deferred[s.Name]
	return ok
}

// Define binds name to v in the global environment.
func (in *Interp) Define(name string, v Value) { in.cell(Intern(name)).set(v) }

// Lookup returns the global value of name, first loading the library
// source or boot code that defines it if that has not been done yet.
func (in *Interp) Lookup(name string) (Value, bool) {
	s := Intern(name)
	_ = in.autoload(s) // an error leaves name unbound
	return in.lookup(s)
}

// lookup returns the global value of s as it is.
func (in *Interp) lookup(s *Symbol) (Value, bool) {
	in.mu.RLock()
	g := in.globals[s]
	deferred := g == nil && in.hasDeferred(s)
	in.mu.RUnlock()
	if deferred {
		g = in.cell(s)
	}
	if g == nil {
		return nil, false
	}
	v := g.get()
	return v, v != nil
}

// Register makes lib importable with (import <lib.Name>), creates its
// parameters and runs its Init; its Source is evaluated when first needed
// (see [LibrarySource]). It does not define the names globally; see
// [Interp.Import].
// The library is registered under the canonical form of its name
// ([LibraryName]), so every spelling of it finds it.
func (in *Interp) Register(lib *Library) error {
	key := CanonicalLibraryName(lib.Name)
	in.mu.Lock()
	if _, dup := in.libs[key]; !dup {
		in.libOrder = append(in.libOrder, key)
	}
	in.libs[key] = lib
	in.mu.Unlock()
	for _, pd := range lib.Parameters {
		in.parameter(pd)
	}
	if lib.Init != nil {
		if err := lib.Init(in); err != nil {
			return err
		}
	}
	switch {
	case lib.Source != nil && lib.ImportOnly:
		// an ImportOnly library's names are bound where it is imported:
		// its source is not loaded by a reference before that
		in.mu.Lock()
		if in.pendingSources == nil {
			in.pendingSources = map[*Library]bool{}
		}
		in.pendingSources[lib] = true
		in.mu.Unlock()
	case lib.Source != nil:
		if err := in.addSources(lib, lib.Source); err != nil {
			return err
		}
	}
	return nil
}

// keepOriginalLocked records the value of g, unless a program set it or
// one is recorded, as the original of its name: what the libraries that
// re-export the name bind (reexported), whatever a program defines or
// assigns later. It runs before a program's definition or assignment of
// a global, and before an import rebinds one, once the interpreter is
// made; a library source's definitions give names their originals.
// in.mu is held.
func (in *Interp) keepOriginalLocked(g *global) {
	if !in.booted || g.userSet.Load() {
		return
	}
	if v := g.get(); v != nil {
		in.setOriginalLocked(g.name, func() Value { return v })
	}
}

// programSets records that a program (not a library source) defines or
// assigns the global s, keeping its value before that as its original.
func (in *Interp) programSets(s *Symbol) {
	g := in.cell(s)
	if g.userSet.Load() {
		return
	}
	in.mu.Lock()
	in.keepOriginalLocked(g)
	g.userSet.Store(true)
	in.mu.Unlock()
}

// reexported returns the value a library's row name (without Fn)
// re-exports: the name's original (keepOriginalLocked) if a program or an
// import has changed it since the interpreter was made, else its current
// global value, after the source defining it is evaluated.
func (in *Interp) reexported(name string) (Value, bool) {
	s := Intern(name)
	if err := in.autoload(s); err != nil {
		return nil, false
	}
	in.mu.RLock()
	v, ok := in.originals[s]
	in.mu.RUnlock()
	if ok {
		return v, true
	}
	return in.lookup(s)
}

// parameter returns the interp's Parameter for pd, creating it.
func (in *Interp) parameter(pd *ParamDef) *Parameter {
	in.mu.RLock()
	p := in.params[pd]
	in.mu.RUnlock()
	if p != nil {
		return p
	}
	v := pd.Default
	if pd.Init != nil {
		v = pd.Init(in)
	}
	if v == nil {
		v = False
	}
	p = &Parameter{name: pd.Name, def: pd}
	if pd.Convert != nil {
		if cv, err := pd.Convert(nil, v); err == nil {
			v = cv
		}
	}
	p.setInit(v)
	in.mu.Lock()
	if q := in.params[pd]; q != nil {
		p = q
	} else {
		in.params[pd] = p
	}
	in.mu.Unlock()
	return p
}

// Import defines every name of the registered library globally, as
// (import name) does; ok is false when no such library is registered. A
// procedure's or value's binding is made when the name is first looked up
// (most of a standard library's names are never used by a given program).
func (in *Interp) Import(name string) bool {
	lib := in.Library(name)
	if lib == nil {
		return false
	}
	in.importLib(lib, false)
	return true
}

// importLib binds lib's names; atStart (the libraries bound without an
// import when the interpreter is made) leaves out its OnImport rows.
func (in *Interp) importLib(lib *Library, atStart bool) {
	// The procedures and values (most of a library) are bound when first
	// looked up (see deferred); syntax is bound now.
	in.mu.Lock()
	if in.deferred == nil {
		in.deferred = make(map[string]rowRef, 1792) // the tlsport command's standard and TLS libraries: about 1,670
	}
	for i := range lib.Procs {
		if p := &lib.Procs[i]; !p.IsSyntax() && (p.Fn != nil || p.control != nil) && !(atStart && p.OnImport) {
			in.deferLocked(p.Name, rowRef{lib: lib, i: int32(i)})
		}
	}
	for i := range lib.Values {
		in.deferLocked(lib.Values[i].Name, rowRef{lib: lib, i: int32(i), isValue: true})
	}
	in.mu.Unlock()
	for i := range lib.Procs {
		if p := &lib.Procs[i]; p.IsSyntax() {
			in.bind(lib, p)
		}
	}
	for _, pd := range lib.Parameters {
		g := in.cell(Intern(pd.Name))
		in.mu.Lock()
		in.keepOriginalLocked(g)
		in.mu.Unlock()
		g.set(in.parameter(pd))
	}
}

// Libraries returns the registered libraries sorted by name.
func (in *Interp) Libraries() []*Library {
	in.mu.RLock()
	defer in.mu.RUnlock()
	out := make([]*Library, 0, len(in.libs))
	for _, n := range in.libOrder {
		out = append(out, in.libs[n].Ready())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Library returns the registered library with that name (in any spelling
// [LibraryName] accepts), or nil.
func (in *Interp) Library(name string) *Library {
	in.mu.RLock()
	lib := in.libs[name]
	in.mu.RUnlock()
	if lib == nil {
		key := CanonicalLibraryName(name)
		in.mu.RLock()
		lib = in.libs[key]
		if a, ok := srfiAlias(key); ok && lib == nil { // (srfi 1 lists) is (srfi 1)
			lib = in.libs[a]
		}
		in.mu.RUnlock()
	}
	if lib == nil {
		return nil
	}
	return lib.Ready()
}

// LookupProc returns the binding-table rows (with their library) whose Scheme
// name is name, for ,help.
func (in *Interp) LookupProc(name string) []*Proc {
	var out []*Proc
	for _, l := range in.Libraries() {
		if p := l.Lookup(name); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// GlobalNames returns the names of all global variables and macros (for
// completion), sorted; they include the names whose library source is not
// loaded yet.
func (in *Interp) GlobalNames() []string {
	pending := in.pendingNames()
	in.mu.RLock()
	seen := make(map[string]bool, len(in.globals)+len(in.macros)+len(in.deferred)+len(pending))
	for s, g := range in.globals {
		if g.get() != nil && !strings.Contains(s.Name, "#") { // module#name: private to a module
			seen[s.Name] = true
		}
	}
	for s := range in.macros {
		seen[s.Name] = true
	}
	for name := range in.deferred {
		seen[name] = true
	}
	in.mu.RUnlock()
	for _, n := range pending {
		seen[n] = true
	}
	out := make([]string, 0, len(seen))
	for name := range seen {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

func defaultStdio(in *Interp) {
	if in.Stdin == nil {
		in.Stdin = os.Stdin
	}
	if in.Stdout == nil {
		in.Stdout = os.Stdout
	}
	if in.Stderr == nil {
		in.Stderr = os.Stderr
	}
}

// HostData returns the per-Interp value of a host library stored under key
// (use an unexported key type), creating it with init on first use. It lets
// binding libraries, whose tables are shared by every Interp, keep state
// per interpreter (e.g. a cache) without package-level variables.
func (in *Interp) HostData(key any, init func() any) any {
	if v, ok := in.hostData.Load(key); ok {
		return v
	}
	v, _ := in.hostData.LoadOrStore(key, init())
	return v
}
