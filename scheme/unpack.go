// The argument unpacker: typed parameter declarations (Lambda, Req, Opt, Key, Rest), the
// layout of a call's arguments, keyword matching and the argument errors.

package scheme

import (
	"slices"
	"strconv"
	"strings"
)

// Type is what a parameter accepts: a name for messages and signatures, and
// a predicate. A nil *Type accepts any value.
type Type struct {
	Name   string // as in "expected string", e.g. "exact integer"
	Accept func(Value) bool
}

// The types of the core's values, for parameter declarations.
var (
	TypeString     = &Type{"string", func(v Value) bool { _, ok := v.(*String); return ok }}
	TypeSymbol     = &Type{"symbol", func(v Value) bool { _, ok := v.(*Symbol); return ok }}
	TypeChar       = &Type{"char", func(v Value) bool { _, ok := v.(Char); return ok }}
	TypeNumber     = &Type{"number", func(v Value) bool { return numRank(v) != rankNone }}
	TypeReal       = &Type{"real number", IsReal}
	TypeInteger    = &Type{"integer", IsInteger}
	TypeIndex      = &Type{"exact non-negative integer", func(v Value) bool { n, ok := v.(Fixnum); return ok && n >= 0 }}
	TypeBoolean    = &Type{"boolean", func(v Value) bool { return v == Value(True) || v == Value(False) }}
	TypeKeyword    = &Type{"keyword", isKeyword}
	TypePair       = &Type{"pair", func(v Value) bool { _, ok := v.(*Pair); return ok }}
	TypeList       = &Type{"list", func(v Value) bool { return listLength(v) >= 0 }}
	TypeVector     = &Type{"vector", func(v Value) bool { _, ok := v.(*Vector); return ok }}
	TypeBytevector = &Type{"bytevector", func(v Value) bool { _, ok := v.(*Bytevector); return ok }}
	TypeProcedure  = &Type{"procedure", IsProcedure}
	TypePort       = &Type{"port", func(v Value) bool { _, ok := v.(*Port); return ok }}
	TypeOutputPort = &Type{"output port", func(v Value) bool { p, ok := v.(*Port); return ok && p.IsOutput() }}
)

// OrFalse returns the type accepting what t accepts and #f (which then
// usually means "none"), e.g. "string or #f".
func OrFalse(t *Type) *Type {
	return &Type{t.Name + " or #f", func(v Value) bool { return v == Value(False) || t.Accept(v) }}
}

// Param is one declared parameter; make it with [Req], [Opt], [Key],
// [KeyRequired] or [Rest] and collect the declarations with [Lambda].
type Param struct {
	Name    string
	Type    *Type // nil: any value
	Default Value // absent optional or keyword argument: nil means #!default
	kind    paramKind
	spread  bool // SpreadRest
}

type paramKind uint8

const (
	paramReq paramKind = iota
	paramOpt
	paramKey
	paramKeyReq
	paramRest
)

// Req declares a required parameter of type t (nil: any value).
func Req(name string, t *Type) Param { return Param{Name: name, Type: t} }

// Opt declares an #!optional parameter; def is its value when absent (nil:
// #!default).
func Opt(name string, t *Type, def Value) Param {
	return Param{Name: name, Type: t, Default: def, kind: paramOpt}
}

// Key declares a #!key parameter (name without colon); def is its value
// when absent (nil: #!default).
func Key(name string, t *Type, def Value) Param {
	return Param{Name: name, Type: t, Default: def, kind: paramKey}
}

// KeyRequired declares a #!key parameter that must be given: leaving it out
// is the error "missing required keyword name:".
func KeyRequired(name string, t *Type) Param {
	return Param{Name: name, Type: t, kind: paramKeyReq}
}

// Rest declares the #!rest parameter; t (nil: any) is the type of each of
// its elements.
func Rest(name string, t *Type) Param { return Param{Name: name, Type: t, kind: paramRest} }

// SpreadRest declares the rest parameter like [Rest], its arguments passed
// spread out after the others instead of as a list ([Params].Spread).
func SpreadRest(name string, t *Type) Param {
	return Param{Name: name, Type: t, kind: paramRest, spread: true}
}

// Lambda builds the [Params] of a row from its declarations, in lambda-list
// order (required, optional, keys, rest). The runtime then checks every
// given argument against its type and fills absent ones with their
// defaults before the row's Fn runs, so Fn may assert the types.
func Lambda(ps ...Param) Params {
	var p Params
	if len(ps) == 0 {
		return p
	}
	var n [paramRest + 1]int // per kind, required and optional keys together
	for _, d := range ps {
		n[layoutKind(d.kind)]++
	}
	// one allocation each for the names and the declarations (this runs
	// for every typed row at package initialization)
	names := make([]string, 0, n[paramReq]+n[paramOpt]+n[paramKey])
	p.Required, names = takeNames(ps, paramReq, names)
	p.Optional, names = takeNames(ps, paramOpt, names)
	p.Keys, _ = takeNames(ps, paramKey, names)
	// the declarations in layout order: required, optional, keys, rest;
	// usually written so, when ps is kept
	for _, d := range ps {
		if d.kind == paramRest {
			p.Rest, p.Spread = d.Name, d.spread
		}
	}
	if slices.IsSortedFunc(ps, func(a, b Param) int { return int(layoutKind(a.kind)) - int(layoutKind(b.kind)) }) {
		p.decl = ps[:len(ps):len(ps)]
		return p
	}
	p.decl = make([]Param, 0, len(ps))
	for _, k := range []paramKind{paramReq, paramOpt, paramKey, paramRest} {
		for _, d := range ps {
			if layoutKind(d.kind) == k {
				p.decl = append(p.decl, d)
			}
		}
	}
	return p
}

// layoutKind is the kind of parameter d's place in the layout: a required
// keyword is laid out with the keywords.
func layoutKind(k paramKind) paramKind {
	if k == paramKeyReq {
		return paramKey
	}
	return k
}

// takeNames appends the names of the parameters of kind k to names and
// returns them (nil for none) with the rest of names' capacity.
func takeNames(ps []Param, k paramKind, names []string) ([]string, []string) {
	start := len(names)
	for _, d := range ps {
		if layoutKind(d.kind) == k {
			names = append(names, d.Name)
		}
	}
	if len(names) == start {
		return nil, names
	}
	return names[start:len(names):len(names)], names[len(names):]
}

// Decl returns the declaration of each parameter in layout order (required,
// optional, keys, rest); rows written without [Lambda] get untyped ones.
func (p *Params) Decl() []Param {
	if p.decl != nil {
		return p.decl
	}
	var out []Param
	for _, n := range p.Required {
		out = append(out, Req(n, nil))
	}
	for _, n := range p.Optional {
		out = append(out, Opt(n, nil, nil))
	}
	for _, n := range p.Keys {
		out = append(out, Key(n, nil, nil))
	}
	if p.Rest != "" {
		out = append(out, Rest(p.Rest, nil))
	}
	return out
}

// Signature returns the row's signature for ,help: Sig when written, else
// the CHICKEN lambda list derived from Args, with defaults, e.g.
// "(string-copy string #!optional (start 0) end)".
func (p *Proc) Signature() string {
	if p.Sig != "" {
		return p.Sig
	}
	args := p.Params()
	return lambdaList(p.Name, &args)
}

func lambdaList(name string, a *Params) string {
	var b strings.Builder
	b.WriteString("(" + name)
	section := paramReq
	for _, d := range a.Decl() {
		if d.kind != section {
			switch d.kind {
			case paramOpt:
				b.WriteString(" #!optional")
			case paramKey, paramKeyReq:
				if section != paramKey && section != paramKeyReq {
					b.WriteString(" #!key")
				}
			case paramRest:
				b.WriteString(" #!rest")
			}
			section = d.kind
		}
		if d.Default != nil {
			b.WriteString(" (" + d.Name + " " + WriteString(d.Default) + ")")
		} else {
			b.WriteString(" " + d.Name)
		}
	}
	return b.String() + ")"
}

// SigMismatch reports how Sig disagrees with Args ("" when it agrees): the
// number of required and optional parameters, the keyword names and the
// presence of a rest parameter must match. Sig may be a CHICKEN lambda list
// ("#!optional", "#!key", "#!rest"), a Sagittarius one (":optional", ":key",
// ". rest") or the report's notation ("[opt]", "x ..."); "(name default)"
// counts as name. A row without Sig always agrees (it is derived), and so
// does a special form's or a "syntax (…)" row's.
func (p *Proc) SigMismatch() string {
	if p.Sig == "" || p.IsSyntax() || strings.HasPrefix(p.Sig, "syntax ") {
		return ""
	}
	name, got := ParseSig(p.Sig)
	args := p.Params()
	want := &args
	switch {
	case name != p.Name:
		return "Sig names " + name
	case len(got.Required) != len(want.Required) && !(want.Rest != "" && len(got.Required) > len(want.Required)):
		return "Sig has " + strconv.Itoa(len(got.Required)) + " required parameters, Args " + strconv.Itoa(len(want.Required))
	case len(got.Optional) != len(want.Optional):
		return "Sig has " + strconv.Itoa(len(got.Optional)) + " optional parameters, Args " + strconv.Itoa(len(want.Optional))
	case strings.Join(got.Keys, " ") != strings.Join(want.Keys, " "):
		return "Sig keys (" + strings.Join(got.Keys, " ") + ") differ from Args (" + strings.Join(want.Keys, " ") + ")"
	case (got.Rest != "") != (want.Rest != ""):
		return "Sig and Args disagree on the rest parameter"
	}
	return ""
}

// ParseSig reads a signature into its name and Params: a CHICKEN lambda
// list ("#!optional", "#!key", "#!rest"), a Sagittarius one (":optional",
// ":key", ". rest") or the report's notation ("[opt]", "x ..."), where
// "(name default)" counts as name. Required parameters written before a
// "x ..." rest (s1 s2 ...) stay required.
func ParseSig(sig string) (string, Params) {
	sig = strings.TrimSpace(sig)
	depth := 0
	for i, r := range sig { // several forms: the first
		if r == '(' {
			depth++
		} else if r == ')' {
			if depth--; depth == 0 {
				sig = sig[:i+1]
				break
			}
		}
	}
	sig = strings.TrimSuffix(strings.TrimPrefix(sig, "("), ")")
	var toks []string
	bracket, cur := 0, ""
	depth = 0
	flush := func() {
		if cur != "" {
			if bracket > 0 {
				toks = append(toks, "#!optional", cur, "#!required")
			} else {
				toks = append(toks, cur)
			}
		}
		cur = ""
	}
	for _, r := range sig {
		switch {
		case r == '(' && bracket == 0:
			depth++
			if depth == 1 {
				flush()
				continue
			}
		case r == ')' && bracket == 0 && depth > 0:
			depth--
			if depth == 0 {
				if f := strings.Fields(cur); len(f) > 0 {
					cur = f[0]
				}
				flush()
				continue
			}
		case r == '[' && depth == 0:
			flush()
			bracket++
			continue
		case r == ']' && depth == 0:
			flush()
			bracket--
			continue
		case r == ' ' && depth == 0:
			flush()
			continue
		}
		cur += string(r)
	}
	flush()
	var p Params
	if len(toks) == 0 {
		return "", p
	}
	section := "req"
	for i, tok := range toks[1:] {
		next := ""
		if i+2 < len(toks) {
			next = toks[i+2]
		}
		switch {
		case tok == "#!optional" || tok == ":optional":
			section = "opt"
		case tok == "#!required":
			section = "req"
		case tok == "#!key" || tok == ":key":
			section = "key"
		case tok == "#!rest" || tok == ".":
			section = "rest"
		case tok == "..." || tok == "…":
			if p.Rest == "" {
				p.Rest = "..."
			}
		case next == "..." || next == "…" || strings.HasSuffix(tok, "..."):
			p.Rest = strings.TrimSuffix(tok, "...")
		default:
			switch section {
			case "req":
				p.Required = append(p.Required, tok)
			case "opt":
				p.Optional = append(p.Optional, tok)
			case "key":
				p.Keys = append(p.Keys, strings.TrimSuffix(tok, ":"))
			case "rest":
				p.Rest = tok
			}
		}
	}
	return toks[0], p
}

// argTypeError is the one type error of the unpacker and of [TypeError]:
// an (exn type) condition naming the procedure (who; "" means the one
// being called) and the parameter, either by 1-based position (key "") or
// by keyword.
func argTypeError(who string, pos int, key string, expected string, got Value) error {
	msg := "bad argument type"
	switch {
	case key != "":
		msg += " in keyword " + key + ":"
	case pos > 0:
		msg += " in argument " + strconv.Itoa(pos)
	}
	msg += " (expected " + expected + ")"
	return &primError{who: who, msg: msg, irritants: []Value{got}, kinds: []string{"type"}}
}

// KeyTypeError is the unpacker's type error for keyword key (without
// colon) of procedure who, for a value the unpacker did not see (e.g. a
// default taken from a parameter): "bad argument type in keyword key:
// (expected t)".
func KeyTypeError(who, key string, t *Type, got Value) error {
	return argTypeError(who, 0, key, t.Name, got)
}

// unpack checks the laid-out arguments of p against its declarations and
// replaces absent optional and keyword arguments by their defaults.
func (th *Thread) unpack(p *Primitive, laid []Value) {
	for i := range p.decl {
		if i >= len(laid) {
			return
		}
		d := &p.decl[i]
		v := laid[i]
		switch {
		case d.kind == paramRest:
			if d.Type == nil {
				return
			}
			if p.spread {
				for j, x := range laid[i:] {
					if !d.Type.Accept(x) {
						th.argFail(p, d, i+j+1, x)
					}
				}
			} else {
				for l := v; l != Null; l = l.(*Pair).Cdr {
					if x := l.(*Pair).Car; !d.Type.Accept(x) {
						th.argFail(p, d, 0, x)
					}
				}
			}
			return
		case v == Default && d.kind != paramReq: // absent
			if d.kind == paramKeyReq {
				th.primFail(&primError{msg: "missing required keyword " + d.Name + ":"}, p)
			}
			if d.Default != nil {
				laid[i] = d.Default
			}
		case d.Type != nil && !d.Type.Accept(v):
			th.argFail(p, d, i+1, v)
		}
	}
}

// argFail raises the type error of argument v of p, declared as d, at
// 1-based position pos.
func (th *Thread) argFail(p *Primitive, d *Param, pos int, v Value) {
	key := ""
	if d.kind == paramKey || d.kind == paramKeyReq {
		key, pos = d.Name, 0
	}
	th.primFail(argTypeError("", pos, key, d.Type.Name, v), p)
}

// matchKeys stores the values of the keyword arguments in rest into
// out[i] for keys[i] (out is pre-filled with #!default). who names the
// procedure for errors. When the procedure has a rest parameter, the first
// non-keyword ends the keyword arguments and unknown keywords are left to
// it; otherwise an unknown keyword is an error when strict, else ignored
// (as CHICKEN's #!key does), quietly when others (Sagittarius's
// :allow-other-keys), else with a warning on the current error port.
func (th *Thread) matchKeys(who string, keys []*Keyword, rest, out []Value, hasRest, others, strict bool) {
	for j := 0; j < len(rest); j += 2 {
		kw, ok := rest[j].(*Keyword)
		if !ok {
			if hasRest {
				return
			}
			th.failf(who, "bad keyword argument", rest[j])
		}
		if j+1 >= len(rest) {
			th.failf(who, "keyword argument without value", kw)
		}
		found := false
		for ki, k := range keys {
			if k == kw {
				out[ki] = rest[j+1]
				found = true
			}
		}
		switch {
		case found || hasRest || others:
		case strict:
			th.failf(who, "unknown keyword argument"+didYouMean(kw, keys), kw)
		default:
			th.Warn(who + ": unknown keyword " + kw.Name + ": ignored" + didYouMean(kw, keys))
		}
	}
}

// didYouMean returns " — did you mean k:?" for the key closest to kw in
// edit distance (when close enough), else "".
func didYouMean(kw *Keyword, keys []*Keyword) string {
	best, bestD := "", len(kw.Name)/3+2
	for _, k := range keys {
		if d := editDistance(kw.Name, k.Name); d < bestD {
			best, bestD = k.Name, d
		}
	}
	if best == "" {
		return ""
	}
	return " — did you mean " + best + ":?"
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Warn writes "Warning: msg" and a newline on th's current error port (as
// CHICKEN prints warnings); a failure to write is ignored.
func (th *Thread) Warn(msg string) {
	p, ok := th.Param(CurrentErrorPort).(*Port)
	if !ok {
		return
	}
	if p.Write(th.ctx, []byte("Warning: "+msg+"\n")) == nil {
		_ = p.Flush(th.ctx)
	}
}
