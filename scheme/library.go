// Binding tables: Library, Proc, Params, ParamDef and the primitive calling convention.

package scheme

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// PrimFn is the body of a Go procedure. The runtime has already checked the
// arity and keywords against the row's [Params] and laid args out as
// [required…, optional…, keys…, rest-list] (with Params.Spread the rest
// arguments follow spread out instead of as a list). Absent optional and
// keyword arguments are [Default], or the defaults declared with [Lambda],
// whose types the runtime has checked too. args is only valid during the call: copy
// it before keeping it. Return a value ([Values] for several), or a tail call
// made with [Thread.TailCall], or an error (see [TypeError], [RangeError],
// [Errorf], [Raise]).
type PrimFn func(th *Thread, args []Value) (Value, error)

// Params describes a procedure's lambda list. Write it as a literal for
// untyped parameters, or with [Lambda] to declare a type and a default for
// each parameter, which the runtime then checks and fills in.
type Params struct {
	Required []string
	Optional []string
	Keys     []string // keyword names without colons
	Rest     string   // name of the rest parameter, "" for none
	// Spread passes rest arguments spread out after the optional ones
	// instead of as a list (no allocation; for +, list, string-append …).
	// Not allowed together with Keys.
	Spread bool
	decl   []Param // set by Lambda: the typed declarations in layout order
}

// Proc is one row of a binding table.
type Proc struct {
	Name string // Scheme name, exactly as the source system spells it
	Spec string // section of the spec, e.g. "§1.1.2"
	// Sig is the signature for ,help, e.g. "(ssl-connect* #!key hostname
	// port)"; "" derives it from Args (see [Proc.Signature]), which is
	// preferred: a written Sig must agree with Args ([Proc.SigMismatch]).
	// A row documenting syntax that the library's Scheme source defines
	// (no Fn) writes "syntax (name ...)", so the manual and ,doc call it
	// syntax.
	Sig  string
	Doc  string // one-paragraph description for ,help
	Args Params
	// LazyArgs, instead of Args, makes the row's parameters when they are
	// first needed (the procedure object is made, ,help shows the row …):
	// a row written with LazyArgs: func() scheme.Params { return
	// scheme.Lambda(...) } in a package-level table is static data, built
	// by the compiler, where Args: scheme.Lambda(...) is run and written
	// into the table at every start-up. Read the parameters with
	// [Proc.Params].
	LazyArgs func() Params
	Fn       PrimFn
	// ValidateKeys makes an unknown keyword an error instead of being ignored.
	ValidateKeys bool
	// OnImport, on a row with Fn of a library bound without an import,
	// binds the row only where the library is imported: for a name the
	// core binds with another meaning ((chicken platform)'s features gives
	// keywords, the core's symbols).
	OnImport bool
	// Shared makes the row's procedure one object in every interpreter and
	// namespace ([SharedPrimitive]), so that Go code can hand out the very
	// procedure a program sees bound: SRFI-64's simple runner's callbacks
	// are eq? to test-on-test-end-simple & co.
	Shared bool
	// Replaces, on a row without Fn, says the library's Scheme source
	// defines the name anew although another library binds it globally
	// (SRFI-13's string-pad, which takes start and end), as a
	// procedure or as syntax: a reference to the name evaluates the source
	// when it is compiled. Any other row without Fn whose name is bound
	// re-exports that binding, and the source is not evaluated for it
	// (TestSourceRowsReplace).
	Replaces bool
	// Syntax, instead of Fn, makes the row a macro: the Scheme source of
	// its transformer, e.g. "(syntax-rules () ((_ x) 'x))", defined when
	// the library is imported. Its template may use the library's
	// %-prefixed rows, which are bound with it.
	Syntax string
	// Transform, instead of Fn, makes the row a macro written in Go: it
	// rewrites the whole form (identifiers in it may be renamed by
	// hygiene: read them with [IdentifierName], data with [StripSyntax])
	// into the form to expand instead; an error is a syntax error. Its
	// output may hold procedure objects as constants. Defined on import,
	// like Syntax.
	Transform func(form Value) (Value, error)

	// The core's own rows may carry, instead of Fn, one of these (so only
	// the core defines syntax and control procedures): expand or rewrite
	// make the row a special form (expanded to core forms, or rewritten to
	// another form); control makes it a procedure with direct access to
	// the continuation (call/cc, dynamic-wind …), its arity from Args. A
	// core row with none of them and no Fn documents a procedure that the
	// boot code (boot/*.scm) defines.
	expand  func(x *expander, f *Pair, sc *scope) core
	rewrite func(x *expander, f *Pair, sc *scope) Value
	// value, beside rewrite, is what the form's name expands to used as a
	// variable (see macro.value)
	value   func(x *expander) Value
	control func(th *Thread, args []Value) Value
}

// IsSyntax reports whether the row is a special form.
func (p *Proc) IsSyntax() bool {
	return p.expand != nil || p.rewrite != nil || p.Syntax != "" || p.Transform != nil
}

// bind defines row p of lib globally, as its kind requires.
func (in *Interp) bind(lib *Library, p *Proc) {
	sym := Intern(p.Name)
	switch {
	case p.expand != nil:
		in.setMacro(sym, &macro{name: p.Name, special: p.expand, value: p.value})
	case p.rewrite != nil:
		rw := p.rewrite
		in.setMacro(sym, &macro{name: p.Name, rewrite: rw, value: p.value, special: func(x *expander, f *Pair, sc *scope) core {
			return x.expand(rw(x, f, sc), sc)
		}})
	case p.Syntax != "" || p.Transform != nil:
		in.setMacro(sym, (&expander{in: in}).rowMacro(p, p.Name))
	case p.control != nil || p.Fn != nil:
		in.cell(sym).set(rowValue(lib, p))
	}
}

// Params returns the row's parameters: Args, or what LazyArgs makes.
func (p *Proc) Params() Params {
	if p.LazyArgs != nil {
		return p.LazyArgs()
	}
	return p.Args
}

// rowValue returns the procedure object of row p of lib, which has a
// control function or an Fn and is not syntax.
func rowValue(lib *Library, p *Proc) Value {
	if p.control != nil {
		args := p.Params()
		max := len(args.Required) + len(args.Optional)
		if args.Rest != "" {
			max = -1
		}
		return &control{name: p.Name, min: len(args.Required), max: max, fn: p.control}
	}
	if p.Shared {
		return SharedPrimitive(lib, p)
	}
	return NewPrimitive(lib, p)
}

// sharedPrims holds the procedure of each [Proc.Shared] row (*Proc →
// *Primitive); a Primitive is not changed once made, so interpreters may
// share it.
var sharedPrims sync.Map

// SharedPrimitive returns the procedure of row p of lib, the same object
// at every call: what a [Proc.Shared] row is bound to.
func SharedPrimitive(lib *Library, p *Proc) *Primitive {
	if v, ok := sharedPrims.Load(p); ok {
		return v.(*Primitive)
	}
	v, _ := sharedPrims.LoadOrStore(p, NewPrimitive(lib, p))
	return v.(*Primitive)
}

// Source is the Scheme source of a library, embedded in its package: see
// [LibrarySource].
type Source struct {
	file, src string

	// the forms read once, for the interpreters after the first (read)
	first    atomic.Bool
	once     sync.Once
	forms    []Value
	pos      map[*Pair]Pos
	labelled bool
	err      error
}

// LibrarySource returns the [Library.Source] for src, Scheme source
// embedded in the library's package (named file in errors), which defines
// the library's rows that have no Fn: procedures and syntax best written in
// Scheme. It may define helpers besides, whose names start with %.
//
// An interpreter evaluates the source when a program first needs one of
// those rows' names, not when the library is registered (unless made
// [WithEagerLoading]): a procedure when a reference to it first runs (or
// by [Interp.Lookup]), a macro (a row whose Sig reads "syntax …") when
// the expander meets it, a name another library binds only if the row says
// [Proc.Replaces]; other rows without Fn re-export the name's binding. No
// two sources may define the same name. The source may call other
// libraries' and the boot code's procedures.
//
// The source is read once per process (the first time an interpreter
// evaluates it); each interpreter then evaluates its own copy of the forms
// (see [Source.read]).
func LibrarySource(file, src string) *Source {
	return &Source{file: file, src: src}
}

// evalRead evaluates the program read gives, as evalSource does source: a
// lazily loaded source (evalSources), on a thread marked as loading one.
func (in *Interp) evalRead(read func(in *Interp) (*progNode, error)) error {
	ctx := context.Background()
	th := in.newThread(ctx)
	defer th.release()
	defer in.flushAfter(ctx)
	// the source is evaluated while this goroutine holds lazyMu (autoload):
	// the names it refers to load without taking it again
	th.loadingSource = true
	prog, err := read(in)
	if err != nil {
		_, err = th.finish(nil, err)
		return err
	}
	_, err = th.finish(th.run(prog, nil))
	return err
}

// read returns a fresh program of the source's forms with their position
// table. The first call reads src for its caller; the
// second reads it once more and keeps the forms, and it and every later
// call return a copy of them (pairs, vectors, strings and
// bytevectors: what a program may mutate or the expander key positions
// by), so interpreters share nothing mutable, and a position table of its
// own (the expander adds to it). A source with datum labels, whose data may
// share structure, is read afresh each time instead.
func (s *Source) read(in *Interp) (*progNode, error) {
	if !s.first.Swap(true) { // a process making one interpreter: no copy
		return in.readProgram(s.src, s.file)
	}
	s.once.Do(func() {
		s.pos = positionTable(s.file, len(s.src))
		if s.forms, s.labelled, s.err = readAllLabelled(s.src, s.file, s.pos, defaultReadSettings); s.err != nil {
			s.err = Raise(readErrorCondition(s.err))
		}
	})
	if s.err != nil {
		return nil, s.err
	}
	if s.labelled { // shared or circular structure: read afresh
		return in.readProgram(s.src, s.file)
	}
	c := datumCopier{from: s.pos}
	if s.pos != nil {
		c.to = make(map[*Pair]Pos, len(s.pos))
	}
	out := make([]Value, len(s.forms))
	for i, f := range s.forms {
		out[i] = c.copy(f)
	}
	dir := ""
	if s.file != "" {
		dir = filepath.Dir(s.file)
	}
	return &progNode{forms: out, pos: c.to, dir: dir}, nil
}

// datumCopier copies data as read, carrying positions from one table to
// the other (none when to is nil).
type datumCopier struct{ from, to map[*Pair]Pos }

func (c *datumCopier) copy(v Value) Value {
	switch v := v.(type) {
	case *Pair:
		head := &Pair{}
		for p, q := v, head; ; {
			q.Car = c.copy(p.Car)
			if ps, ok := c.from[p]; ok && c.to != nil {
				c.to[q] = ps
			}
			next, ok := p.Cdr.(*Pair)
			if !ok {
				q.Cdr = c.copy(p.Cdr)
				return head
			}
			np := &Pair{}
			q.Cdr, p, q = np, next, np
		}
	case *Vector:
		items := make([]Value, len(v.Items))
		for i, x := range v.Items {
			items[i] = c.copy(x)
		}
		return &Vector{Items: items}
	case *String:
		if v.wide {
			return &String{r: append([]rune(nil), v.r...), wide: true}
		}
		return &String{b: append([]byte(nil), v.b...)}
	case *Bytevector:
		return &Bytevector{B: append([]byte(nil), v.B...)}
	case *Blob:
		return &Blob{B: append([]byte(nil), v.B...)}
	}
	return v
}

// Binding is a constant value exported by a library.
type Binding struct {
	Name, Spec, Doc string
	Value           Value
}

// ParamDef declares a Scheme parameter (make-parameter object) exported by a
// library. Each Interp creates its own [Parameter] from it; Go code reads the
// current thread's value with [Thread.Param].
type ParamDef struct {
	Name, Spec, Sig, Doc string
	// Default is the initial value; Init, when set, computes it per Interp.
	Default Value
	Init    func(in *Interp) Value
	// Convert, when set, checks or converts every value assigned (the
	// parameter's guard). It also applies to Default.
	Convert func(th *Thread, v Value) (Value, error)
}

// Library is a binding table: the export list of one Scheme library.
type Library struct {
	Name       string // as written in import, e.g. "(openssl)" or "(chicken tcp)"
	Doc        string
	Procs      []Proc
	Values     []Binding
	Parameters []*ParamDef
	// Init, when set, runs once per Interp when the library is registered.
	Init func(in *Interp) error
	// Source, when set, is the library's Scheme source ([LibrarySource]),
	// evaluated when one of its rows without Fn is first needed.
	Source *Source
	// ImportOnly keeps [WithLibraries] from defining the library's rows
	// globally: only an import binds them. It is for libraries whose names
	// clash with global ones of another meaning (SRFI-130's string-index
	// returns a cursor where SRFI-13's returns #f).
	ImportOnly bool
	// Reexports names bindings defined elsewhere (the core's procedures and
	// syntax, other libraries') that the library exports as well, e.g.
	// car for (rnrs base); unbound names are left out.
	Reexports []string
	// TypeKinds are condition kinds added to the (exn type) and (exn
	// bounds) errors raised by the library's procedures, e.g. R6RS's
	// assertion.
	TypeKinds []string
	// Build, when set, fills in Procs, Values and Reexports the first time
	// they are needed (an import, ,doc, [Library.Ready]) instead of at
	// package initialization: for large libraries that most programs
	// never import (R6RS, Sagittarius, SRFI-64), whose rows would
	// otherwise be built at every start. Such a library has no Parameters
	// or Init, and a Source only if it is ImportOnly (its rows are read
	// when it is imported).
	Build func(l *Library)
	built uint32 // Build has run (atomic)
}

// builds holds the sync.Once of each library's Build.
var builds sync.Map // *Library → *sync.Once

// Ready returns l with its tables filled in: it runs [Library.Build] the
// first time. Read the rows of a library that may have a Build through it.
func (l *Library) Ready() *Library {
	if l.Build == nil || atomic.LoadUint32(&l.built) == 1 {
		return l
	}
	o, _ := builds.LoadOrStore(l, new(sync.Once))
	o.(*sync.Once).Do(func() {
		l.Build(l)
		atomic.StoreUint32(&l.built, 1)
	})
	return l
}

// Primitive is the Scheme procedure object made from a [Proc].
type Primitive struct {
	Proc *Proc
	Lib  string // name of the library the row belongs to, "" for none
	decl []Param
	// kinds: the library's TypeKinds
	kinds []string
	nreq  int
	nopt  int
	keys  []*Keyword
	// direct: required (+spread rest) only, args pass through untouched.
	direct bool
	rest   bool
	spread bool // the row's Params.Spread
	// optMax: nreq+nopt when the parameters beyond the required ones are
	// only optionals (no keys, no rest), else -1 (see callPrimDirect)
	optMax int
}

// TypeName implements Value.
func (*Primitive) TypeName() string { return "procedure" }

// Repr implements Repr.
func (p *Primitive) Repr() string { return "#<procedure " + p.Proc.Name + ">" }

// NewPrimitive makes a procedure object from a row of lib (nil for none).
func NewPrimitive(lib *Library, p *Proc) *Primitive {
	args := p.Params()
	pr := &Primitive{Proc: p, decl: args.decl, nreq: len(args.Required), nopt: len(args.Optional),
		rest: args.Rest != "", spread: args.Spread}
	if lib != nil {
		pr.Lib, pr.kinds = lib.Name, lib.TypeKinds
	}
	for _, k := range args.Keys {
		pr.keys = append(pr.keys, InternKeyword(k))
	}
	pr.direct = pr.nopt == 0 && len(pr.keys) == 0 && (!pr.rest || pr.spread)
	pr.optMax = -1
	if pr.nopt > 0 && len(pr.keys) == 0 && !pr.rest {
		pr.optMax = pr.nreq + pr.nopt
	}
	return pr
}

// Lookup returns the row named name, or nil.
func (l *Library) Lookup(name string) *Proc {
	l = l.Ready()
	for i := range l.Procs {
		if l.Procs[i].Name == name {
			return &l.Procs[i]
		}
	}
	return nil
}

// rowMacro makes the macro of a Syntax or Transform row, named name.
func (x *expander) rowMacro(p *Proc, name string) *macro {
	if p.Transform == nil {
		return x.makeMacro(syntaxSpec(p), nil, name)
	}
	rw := func(x *expander, f *Pair, sc *scope) Value {
		out, err := p.Transform(f)
		if err != nil {
			x.syntaxErr(f, name, "%s", strings.TrimPrefix(err.Error(), "scheme: "))
		}
		return out
	}
	return &macro{name: name, rewrite: rw, special: func(x *expander, f *Pair, sc *scope) core {
		return x.expand(rw(x, f, sc), sc)
	}}
}

// syntaxSpec reads the transformer source of a Syntax row.
func syntaxSpec(p *Proc) Value {
	v, err := ReadDatum(strings.NewReader(p.Syntax), p.Name)
	if err != nil {
		panic("scheme: row " + p.Name + ": bad Syntax: " + err.Error())
	}
	return v
}
