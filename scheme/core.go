// The core language produced by the expander and consumed by the compiler.

package scheme

// core is a core-language expression.
type core interface{}

// binding is a local variable introduced by lambda, let, letrec or an
// internal define; the resolver gives it a frame and a slot.
type binding struct {
	name   Value // *Symbol or *alias
	fr     *frameInfo
	idx    int
	letrec bool // may be read before initialisation
}

// frameInfo is the static description of one runtime frame.
type frameInfo struct {
	vars []*binding
}

func (fi *frameInfo) add(name Value, letrec bool) *binding {
	b := &binding{name: name, fr: fi, idx: len(fi.vars), letrec: letrec}
	fi.vars = append(fi.vars, b)
	return b
}

type (
	cConst  struct{ v Value }
	cLocal  struct{ b *binding }
	cGlobal struct {
		sym *Symbol
		pos Pos
	}
	cSetL struct {
		b   *binding
		val core
	}
	cSetG struct {
		sym *Symbol
		val core
	}
	cDefine struct {
		sym *Symbol
		val core
	}
	cIf   struct{ c, t, e core }
	cSeq  struct{ body []core }
	cCall struct {
		f    core
		args []core
		pos  Pos
	}
	// cLambda: fr holds required, optional, rest, key params then body locals.
	cLambda struct {
		name     string
		params   Value // the lambda list as written (for printing)
		pos      Pos
		fr       *frameInfo
		nreq     int
		nopt     int
		rest     bool
		keys     []*Keyword
		others   bool   // :allow-other-keys: unknown keywords ignored quietly
		defaults []core // for optional then key params (nil = #f)
		body     core
	}
	// cLet evaluates inits outside, binds them in a new frame fr.
	cLet struct {
		fr    *frameInfo
		inits []core
		body  core
	}
	// cReceive binds the values of a thunk's body to the parameters of
	// lam, a lambda with required and rest parameters only, and runs
	// lam's body (receive, let-values, define-values): the two lambdas
	// of (%call-with-values thunk lam), compiled without closures.
	cReceive struct {
		thunk, lam *cLambda
		pos        Pos
	}
	// cLetrec makes frame fr, then evaluates inits inside it in order.
	cLetrec struct {
		fr    *frameInfo
		inits []core // one per leading var (len may be < len(fr.vars))
		body  core
	}
)
