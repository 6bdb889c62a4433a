// CHICKEN syntax real programs depend on: optional, let-optionals,
// let-optionals* and load-relative.

package scheme

import (
	"path/filepath"
	"strconv"
)

// LoadVerbose is CHICKEN's load-verbose parameter: when true, load writes
// "; loading FILE ..." to the current output port before it loads FILE.
var LoadVerbose = &ParamDef{Name: "load-verbose", Spec: "CHICKEN (chicken load)", Sig: "(load-verbose [flag])",
	Doc: "When true, load writes \"; loading FILE ...\" on the current output port before it loads FILE; default #f.", Default: False}

// chickenExtrasLibrary is the table of the CHICKEN syntax of the core (the
// procedures of the CHICKEN modules are in the scheme/chicken* packages).
var chickenExtrasLibrary = &Library{Name: "(tlsport chicken-extras)", Doc: "CHICKEN syntax: optional arguments and load-relative.",
	Parameters: []*ParamDef{LoadVerbose}, Procs: []Proc{
		{Name: "optional", Spec: "CHICKEN (chicken base)", Sig: "(optional args default)",
			Doc:     "The first element of the rest list args, or default when args is empty (further elements are ignored, as csi does).",
			rewrite: expandOptional},
		{Name: "let-optionals", Spec: "CHICKEN (chicken base)", Sig: "(let-optionals args ((var default) ... [. rest]) body ...)",
			Doc:     "Binds each var to the next element of args, or to its default when args has run out, in parallel (a default does not see the vars before it); rest gets what remains.",
			rewrite: expandLetOptionals},
		{Name: "let-optionals*", Spec: "CHICKEN (chicken base)", Sig: "(let-optionals* args ((var default) ... [rest]) body ...)",
			Doc:     "Same as let-optionals; each default sees the variables before it. The rest variable may end the list, as CHICKEN writes it, or follow a dot.",
			rewrite: expandLetOptionals},
		{Name: "load-relative", Spec: "CHICKEN (chicken load)", Sig: "(load-relative file [environment])",
			Doc:     "Loads file relative to the directory of the file being loaded (the file the call is in). It is also a procedure: (map load-relative files).",
			rewrite: expandLoadRelative, value: loadRelativeProcedure},
		{Name: "%relative-path", Args: Params{Required: []string{"dir", "file"}}, Fn: internalRelativePath},
		{Name: "get-line-number", Spec: "CHICKEN (chicken syntax)", LazyArgs: func() Params { return Lambda(Req("expr", nil)) },
			Doc: "The source file and line of expr as a string when known, else #f; as in csi, which keeps no line numbers (CHICKEN's compiler does), always #f.",
			Fn:  getLineNumber},
	}}

// getLineNumber implements get-line-number.
func getLineNumber(th *Thread, a []Value) (Value, error) { return False, nil }

// expandOptional expands (optional args default).
func expandOptional(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "optional")
	if len(it) != 3 {
		x.syntaxErr(f, "optional", "expected (optional args default)")
	}
	a := tmp("args")
	return L(kw("let"), L(L(a, it[1])), L(kw("if"), L(kw("null?"), a), it[2], L(kw("car"), a)))
}

// expandLetOptionals expands (let-optionals args ((var default) … . rest)
// body …), or with rest as the last element of the list as CHICKEN's manual
// writes it, into nested lets over the remaining arguments. let-optionals*
// binds each var before the next default is evaluated; let-optionals binds
// them in parallel, as CHICKEN does: each value goes to a temporary, and
// the vars are bound together around the body, so a default does not see
// the vars before it.
func expandLetOptionals(x *expander, f *Pair, sc *scope) Value {
	who := symName(f.Car)
	it := x.items(f, 3, who)
	seq := who == "let-optionals*"
	a := tmp("args")
	var finals []Value // let-optionals: (var temp) …, bound around the body
	var build func(specs Value, i int) Value
	build = func(specs Value, i int) Value {
		body := &Pair{kw("let"), &Pair{Null, listFrom(it[3:])}}
		switch s := specs.(type) {
		case *Pair:
			if isIdent(s.Car) && s.Cdr == Null { // the manual's ((var default) … rest)
				return build(s.Car, i)
			}
			sl := x.items(s.Car, 2, who)
			if len(sl) != 2 || !isIdent(sl[0]) {
				x.syntaxErr(f, who, "expected (var default) in %s", who)
			}
			v := sl[0]
			if !seq {
				v = tmp("opt" + strconv.Itoa(i))
				finals = append(finals, L(sl[0], v))
			}
			return L(kw("let"), L(L(v, L(kw("if"), L(kw("null?"), a), sl[1], L(kw("car"), a)))),
				L(kw("let"), L(L(a, L(kw("if"), L(kw("null?"), a), L(kw("quote"), Null), L(kw("cdr"), a)))),
					build(s.Cdr, i+1)))
		case *Symbol, *alias:
			return L(kw("let"), List(append(finals, L(s, a))...), body)
		}
		if specs != Null {
			x.syntaxErr(f, who, "bad binding list in %s", who)
		}
		if len(finals) > 0 {
			return L(kw("let"), List(finals...), body)
		}
		return body
	}
	return L(kw("let"), L(L(a, it[1])), build(it[2], 0))
}

// expandLoadRelative expands (load-relative file [environment]): file is
// taken relative to the directory of the file being expanded.
func expandLoadRelative(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "load-relative")
	return &Pair{kw("load"), &Pair{L(kw("%relative-path"), NewString(x.dir), it[1]), listFrom(it[2:])}}
}

// loadRelativeProcedure is load-relative used as a variable: a procedure
// loading its file relative to the directory of the file it is named in.
func loadRelativeProcedure(x *expander) Value {
	file, rest := Intern("file"), Intern("rest")
	return L(kw("lambda"), &Pair{file, rest},
		L(kw("apply"), kw("load"), L(kw("%relative-path"), NewString(x.dir), file), rest))
}

// internalRelativePath implements %relative-path: file joined to dir unless
// absolute.
func internalRelativePath(th *Thread, a []Value) (Value, error) {
	dir, ok1 := a[0].(*String)
	file, ok2 := a[1].(*String)
	if !ok1 || !ok2 {
		return nil, TypeError("load-relative", 1, "string", a[1])
	}
	if filepath.IsAbs(file.String()) || dir.String() == "" {
		return file, nil
	}
	return NewString(filepath.Join(dir.String(), file.String())), nil
}
