// Evaluation entry points: EvalString, Eval, Load and the top-level program node.

package scheme

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/tlsport/tlsport/internal/ctxio"
)

// compileIn expands and compiles form, for eval, as the top level of
// namespace ns (nil: the interaction environment).
// th runs the procedural macro transformers the form defines or uses.
func (in *Interp) compileIn(th *Thread, form Value, ns *namespace) (node, error) {
	return in.compileTop(&expander{in: in, ns: ns, th: th}, &compiler{in: in}, form)
}

// compileTop expands form with x and compiles it with cc. A thread does
// that without the interpreter lock (gil.go): expanding touches no data
// another thread's Scheme code may change, a transformer runs as a
// nested run, which takes the lock, and what expanding waits for (a
// library's source another thread is loading, the (tlsport test)
// library's set-up) may need the lock.
func (in *Interp) compileTop(x *expander, cc *compiler, form Value) (n node, err error) {
	if x.th != nil {
		x.th.outside(func() { n, err = in.compileForm(x, cc, form) })
		return n, err
	}
	return in.compileForm(x, cc, form)
}

// compileForm is compileTop's work.
func (in *Interp) compileForm(x *expander, cc *compiler, form Value) (n node, err error) {
	defer recoverRaise(&err)
	// in tail position: a top-level form's value is all its values (the
	// REPL shows them, eval returns them), and every call not in tail
	// position takes one value (see firstValue)
	cc.tail = true
	if circular(form) {
		x.syntaxErr(form, "", "circular code: a datum label refers to a form that contains it outside a quoted literal")
	}
	return cc.compile(x.toplevel(form), nil), nil
}

// circular reports whether form holds a cycle outside quoted data (R7RS
// §2.4 allows them only in literals: '#0=(a . #0#)). Expanding such a
// form would never end; shared but acyclic parts are fine.
func circular(form Value) bool {
	budget := 100000
	if finiteWithin(form, &budget) {
		return false // the common case: no map, no allocation
	}
	onPath := map[Value]bool{}
	var walk func(v Value) bool
	walk = func(v Value) bool {
		switch x := v.(type) {
		case *Vector:
			if onPath[x] {
				return true
			}
			onPath[x] = true
			defer delete(onPath, x)
			for _, e := range x.Items {
				if walk(e) {
					return true
				}
			}
		case *Pair:
			if isIdent(x.Car) && symName(x.Car) == "quote" {
				return false
			}
			var spine []*Pair
			defer func() {
				for _, p := range spine {
					delete(onPath, p)
				}
			}()
			for p := x; ; {
				if onPath[p] {
					return true
				}
				onPath[p] = true
				spine = append(spine, p)
				if walk(p.Car) {
					return true
				}
				next, ok := p.Cdr.(*Pair)
				if !ok {
					return walk(p.Cdr)
				}
				p = next
			}
		}
		return false
	}
	return walk(form)
}

// finiteWithin reports whether form, quoted data left out, has fewer than
// *budget pairs and vectors counted with repetition (so it has no cycle);
// false when the budget runs out (large, or circular).
func finiteWithin(form Value, budget *int) bool {
	for {
		if *budget--; *budget < 0 {
			return false
		}
		switch x := form.(type) {
		case *Vector:
			for _, e := range x.Items {
				if !finiteWithin(e, budget) {
					return false
				}
			}
			return true
		case *Pair:
			if isIdent(x.Car) && symName(x.Car) == "quote" {
				return true
			}
			if !finiteWithin(x.Car, budget) {
				return false
			}
			form = x.Cdr
			continue
		}
		return true
	}
}

// recoverRaise, deferred, turns a Scheme condition raised by panic during
// expansion into the error *err.
func recoverRaise(err *error) {
	if r := recover(); r != nil {
		sp, ok := r.(*schemePanic)
		if !ok {
			panic(r)
		}
		*err = Raise(sp.v)
	}
}

// progNode runs top-level forms one after another, compiling each just
// before it runs (so earlier definitions and macros affect later forms).
// A program read from source (a script, load, EvalString) reads each form
// just before it too, as csi's load loop does: a form that changes the
// reader settings (keyword-style, case-sensitive, parentheses-synonyms,
// symbol-escape) changes how the rest of the source reads, the forms
// before a read error run, and a continuation captured in a form goes on
// with the forms after the last one read.
type progNode struct {
	forms []Value
	src   *sourceForms // when non-nil, the forms come from it instead
	// main: the program a Load or EvalString runs (not a file load loads);
	// when its first form imports an (rnrs …) library it is an R6RS
	// top-level program and the interpreter prints as R6RS says
	main bool
	// libs: the number of define-library forms the main program starts
	// with; the form after them is the one checked for its imports
	libs int
	pos  map[*Pair]Pos
	dir  string
	ns   *namespace // load's environment; nil: the interaction environment
	// evaluator: load's procedure argument (CHICKEN's evalproc), called
	// with each form (quoted) instead of the form being evaluated
	evaluator Value
}

// sourceForms reads a program's forms one at a time.
type sourceForms struct {
	r    *reader
	last readSettings // the settings last given to r
	// port: once the program defines read syntax (set-read-syntax! & co.),
	// the rest of the source is read through a string port, from which the
	// read syntax procedures read as from read's port
	port *portRuneScanner
}

// next reads the next form with th's reader settings (EOF at the end). The
// settings are given to the reader only when the program changed them, so
// a #!fold-case directive in the source holds until then.
func (s *sourceForms) next(th *Thread) Value {
	cur := threadReadSettings(th)
	if cur.table != nil && s.port == nil {
		s.port = &portRuneScanner{p: newMemInput(s.r.file, []byte(s.r.str[s.r.off:]), true)}
		s.r.src, s.r.str, s.r.off = s.port, "", 0
	}
	if cur != s.last {
		s.r.settings(cur)
		s.last = cur
	}
	var v Value
	var err error
	if s.port != nil {
		s.port.th = th
		s.port.p.mu.Lock() // as read holds it
		v, err = s.r.read()
		s.port.p.mu.Unlock()
	} else {
		v, err = s.r.read()
	}
	if err != nil {
		th.fail(Raise(readErrorCondition(err)))
	}
	return v
}

func (n *progNode) ev(th *Thread, env *Env) Value { return n.from(th, 0, Unspecified) }

func (n *progNode) from(th *Thread, i int, last Value) Value {
	for ; n.src != nil || i < len(n.forms); i++ {
		var form Value
		if n.src != nil {
			if form = n.src.next(th); form == EOF {
				return last
			}
			if i == n.libs && n.main {
				switch {
				case isDefineLibrary(form):
					n.libs++
				case importsRNRS(form):
					th.interp.SetR6RSPrinting()
				case importsR7RS(form):
					th.interp.r7rsProgram.Store(true)
				}
			}
		} else {
			form = n.forms[i]
		}
		if n.evaluator != nil {
			form = L(n.evaluator, L(Intern("quote"), form))
		}
		cn, err := th.interp.compileTop(&expander{in: th.interp, pos: n.pos, dir: n.dir, ns: n.ns, th: th}, &compiler{in: th.interp}, form)
		if err != nil {
			th.fail(err)
		}
		if n.src == nil && i == len(n.forms)-1 {
			return cn.ev(th, nil)
		}
		v := cn.ev(th, nil)
		if v == nil {
			f := newOpFrame(n, nil, nil)
			f.i = int32(i + 1)
			th.push(f)
			return nil
		}
		last = v
	}
	return last
}

func (n *progNode) resume(th *Thread, f *frame, v Value) Value { return n.from(th, int(f.i), v) }

// positionTable returns a new position table for the source file of n
// bytes, or nil for the boot code (no position table, faster start-up).
// It is made for the pairs such a source has (one per ~5 bytes of the
// library sources), so it does not grow while the source is read.
func positionTable(file string, n int) map[*Pair]Pos {
	if strings.HasPrefix(file, "boot/") {
		return nil
	}
	return make(map[*Pair]Pos, n/5)
}

func (in *Interp) readProgram(src, file string) (*progNode, error) {
	pos := positionTable(file, len(src))
	forms, err := readAll(src, file, pos)
	if err != nil {
		return nil, Raise(readErrorCondition(err))
	}
	dir := ""
	if file != "" {
		dir = filepath.Dir(file)
	}
	return &progNode{forms: forms, pos: pos, dir: dir}, nil
}

// importsRNRS reports whether form is an import of an (rnrs …) library.
func importsRNRS(form Value) bool {
	p, ok := form.(*Pair)
	if !ok || symName(p.Car) != "import" {
		return false
	}
	specs, _ := ListToSlice(p.Cdr)
	for _, spec := range specs {
		if lib, ok := importSetLibrary(spec).(*Pair); ok && symName(lib.Car) == "rnrs" {
			return true
		}
	}
	return false
}

// sourceProgram returns the program of src, whose forms are read as it
// runs (see progNode).
func sourceProgram(src, file string) *progNode {
	pos := positionTable(file, len(src))
	r := newReader(nil, file, pos)
	r.str = src
	dir := ""
	if file != "" {
		dir = filepath.Dir(file)
	}
	return &progNode{src: &sourceForms{r: r, last: defaultReadSettings}, pos: pos, dir: dir}
}

// readFile reads the source of load under ctx, the thread's own context:
// a FIFO or a device waits no longer than a timeout or Ctrl-C (see
// ctxio.ReadFile), and thread-signal! is handled once it is read (load
// could not be made again without reading a FIFO twice).
func (in *Interp) readFile(ctx context.Context, path string) (*progNode, error) {
	src, err := ctxio.ReadFile(ctx, path)
	if err != nil {
		return nil, Raise(fileError("load", err, path))
	}
	return sourceProgram(string(src), path), nil
}

// finish converts a run's error into the public error types.
func (th *Thread) finish(v Value, err error) (Value, error) {
	if err == nil {
		return v, nil
	}
	switch e := err.(type) {
	case *Error, *ExitError:
		return nil, err
	case *escape:
		return nil, &Error{Condition: MakeError("", "continuation invoked outside its extent", nil)}
	default:
		c := th.interp.toCondition(e, "")
		return nil, &Error{Condition: c, Cause: err}
	}
}

// EvalString reads every datum of src and evaluates them in order,
// returning the value of the last one. ctx cancels the evaluation.
func (in *Interp) EvalString(ctx context.Context, src string) (Value, error) {
	return in.evalSource(ctx, src, "")
}

func (in *Interp) evalSource(ctx context.Context, src, file string) (Value, error) {
	th := in.newThread(ctx)
	defer th.release()
	defer in.flushAfter(ctx)
	prog := sourceProgram(src, file)
	prog.main = true
	return th.finish(th.run(prog, nil))
}

// Eval evaluates one datum.
func (in *Interp) Eval(ctx context.Context, datum Value) (Value, error) {
	th := in.newThread(ctx)
	defer th.release()
	defer in.flushAfter(ctx)
	return th.finish(th.run(&progNode{forms: []Value{datum}}, nil))
}

// Apply calls proc with args on a fresh thread of in, for Go code running
// outside any Scheme thread (e.g. a port backend driven by a Go goroutine);
// Go code inside one uses [Thread.Call]. ctx cancels the call.
func (in *Interp) Apply(ctx context.Context, proc Value, args ...Value) (Value, error) {
	quote := Intern("quote")
	form := make([]Value, 0, len(args)+1)
	form = append(form, L(quote, proc))
	for _, a := range args {
		form = append(form, L(quote, a))
	}
	return in.Eval(ctx, List(form...))
}

// Load reads and evaluates the file at path.
func (in *Interp) Load(ctx context.Context, path string) error {
	th := in.newThread(ctx)
	defer th.release()
	defer in.flushAfter(ctx)
	prog, err := in.readFile(th.Context(), path)
	if err != nil {
		_, err = th.finish(nil, err)
		return err
	}
	prog.main = true
	_, err = th.finish(th.run(prog, nil))
	return err
}

// flushAfter flushes the initial output ports when an entry point returns
// (normally, by error or by exit), so a last line without a newline is not
// lost; it still runs when ctx was cancelled.
func (in *Interp) flushAfter(ctx context.Context) {
	_ = in.FlushOutput(context.WithoutCancel(ctx))
}

func (th *Thread) release() {
	th.stopCtx()
	th.cancel()
}

// FormatCondition renders a raised object the way the REPL shows it:
// message with location and irritants, the kinds and non-exn properties,
// and the Scheme call stack.
func FormatCondition(v Value) string {
	var b strings.Builder
	b.WriteString("Error: ")
	b.WriteString(ConditionSummary(v))
	b.WriteByte('\n')
	c, ok := v.(*Condition)
	if !ok {
		return b.String()
	}
	var kinds []string
	for _, k := range c.Kinds {
		kinds = append(kinds, k.Kind.Name)
	}
	b.WriteString("  kinds: (" + strings.Join(kinds, " ") + ")\n")
	for _, k := range c.Kinds {
		if k.Kind.Name == "exn" {
			continue
		}
		for i := 0; i+1 < len(k.Props); i += 2 {
			v := WriteString(k.Props[i+1])
			if pc, ok := k.Props[i+1].(*Condition); ok { // e.g. an uncaught exception's reason
				v = pc.Repr() + ": " + ConditionSummary(pc)
			}
			b.WriteString("  " + k.Kind.Name + "." + DisplayString(k.Props[i]) + ": " + v + "\n")
		}
	}
	writeStack(&b, c.Stack)
	return b.String()
}

// writeStack renders a condition's Scheme call stack (nothing when empty).
func writeStack(b *strings.Builder, stack []StackFrame) {
	if len(stack) == 0 {
		return
	}
	b.WriteString("  call stack (innermost first):\n")
	for _, f := range stack {
		b.WriteString("    " + f.String() + "\n")
	}
}
