// More of (chicken base): numbers, warnings, call chains, list and vector helpers, symbols; syntax.scm's macros.

package chickenbase

import (
	_ "embed"
	"math"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed syntax.scm
var syntaxSource string

var (
	number  = scheme.TypeNumber
	integer = scheme.TypeExactInteger
	posInt  = &scheme.Type{Name: "positive exact integer", Accept: func(v scheme.Value) bool { n, ok := v.(scheme.Fixnum); return ok && n > 0 }}
	nonNeg  = &scheme.Type{Name: "non-negative exact integer", Accept: func(v scheme.Value) bool {
		return scheme.IsExactInteger(v) && scheme.Sign(v) >= 0
	}}
	proc = scheme.TypeProcedure
	// recordTypeName is what names a record type: the type bound by
	// define-record-type (R6RS's too), or its name as a symbol.
	recordTypeName = &scheme.Type{Name: "record type or symbol", Accept: func(v scheme.Value) bool {
		switch v.(type) {
		case *scheme.RecordType, *scheme.Symbol, scheme.ExtRecordType:
			return true
		}
		return false
	}}
)

func equalEq(x, y scheme.Value) bool {
	if scheme.IsNumber(x) && scheme.IsNumber(y) {
		return scheme.NumEqual(x, y)
	}
	switch p := x.(type) {
	case *scheme.Pair:
		q, ok := y.(*scheme.Pair)
		return ok && equalEq(p.Car, q.Car) && equalEq(p.Cdr, q.Cdr)
	case *scheme.Vector:
		q, ok := y.(*scheme.Vector)
		if !ok || len(p.Items) != len(q.Items) {
			return false
		}
		for i := range p.Items {
			if !equalEq(p.Items[i], q.Items[i]) {
				return false
			}
		}
		return true
	}
	return scheme.Equal(x, y)
}

// equalEqP implements equal=?.
func equalEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(equalEq(a[0], a[1])), nil
}

// exactIntegerNthRoot implements exact-integer-nth-root.
func exactIntegerNthRoot(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k, n := scheme.BigInt(a[0]), int64(a[1].(scheme.Fixnum))
	if int64(k.BitLen()) <= n { // k < 2^n: the root is 1, or 0 for 0 (without computing 2^n)
		root := min(k.Sign(), 1)
		return scheme.Values(scheme.Fixnum(root), scheme.NormBig(new(big.Int).Sub(k, big.NewInt(int64(root))))), nil
	}
	// binary search for the largest s with s^n <= k
	lo, hi := big.NewInt(0), new(big.Int).Lsh(big.NewInt(1), uint(k.BitLen()/int(n)+1))
	one := big.NewInt(1)
	for cmp := new(big.Int); lo.Cmp(hi) < 0; {
		mid := new(big.Int).Add(lo, hi)
		mid.Add(mid, one).Rsh(mid, 1)
		if cmp.Exp(mid, big.NewInt(n), nil).Cmp(k) <= 0 {
			lo = mid
		} else {
			hi = mid.Sub(mid, one)
		}
	}
	r := new(big.Int).Sub(k, new(big.Int).Exp(lo, big.NewInt(n), nil))
	return scheme.Values(scheme.NormBig(lo), scheme.NormBig(r)), nil
}

func divide(th *scheme.Thread, a []scheme.Value, second string) (scheme.Value, error) {
	q, err := callGlobal(th, "quotient", a[0], a[1])
	if err != nil {
		return nil, err
	}
	r, err := callGlobal(th, second, a[0], a[1])
	if err != nil {
		return nil, err
	}
	return scheme.Values(q, r), nil
}

func callGlobal(th *scheme.Thread, name string, args ...scheme.Value) (scheme.Value, error) {
	return scheme.CallGlobal(th, "chicken base", name, args...)
}

// quotientAndRemainder implements quotient&remainder.
func quotientAndRemainder(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return divide(th, a, "remainder")
}

// quotientAndModulo implements quotient&modulo.
func quotientAndModulo(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return divide(th, a, "modulo")
}

// signum implements signum.
func signum(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if f, ok := a[0].(scheme.Flonum); ok {
		switch {
		case math.IsNaN(float64(f)):
			return f, nil
		case f > 0:
			return scheme.Flonum(1), nil
		case f < 0:
			return scheme.Flonum(-1), nil
		}
		return f, nil // 0.0 or -0.0
	}
	return scheme.Fixnum(scheme.Sign(a[0])), nil
}

// state is an interpreter's (chicken base) state: the enable-warnings
// switch (for all its threads, as CHICKEN's), the gensym counter and the
// names char-name adds.
type state struct {
	warningsOff atomic.Bool
	gensyms     atomic.Int64
	mu          sync.Mutex
	names       map[string]rune
	chars       map[rune]string
}

type stateKey struct{}

func stateOf(th *scheme.Thread) *state {
	return th.Interp().HostData(stateKey{}, func() any {
		return &state{names: map[string]rune{}, chars: map[rune]string{}}
	}).(*state)
}

// enableWarnings implements enable-warnings.
func enableWarnings(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st := stateOf(th)
	if scheme.IsDefault(a[0]) {
		return scheme.MakeBool(!st.warningsOff.Load()), nil
	}
	st.warningsOff.Store(!scheme.Truthy(a[0]))
	return scheme.Unspecified, nil
}

// warning implements warning.
func warning(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if stateOf(th).warningsOff.Load() {
		return scheme.Unspecified, nil
	}
	msg := scheme.DisplayString(a[0])
	rest, _ := scheme.ListToSlice(a[1])
	for _, x := range rest {
		msg += " " + scheme.WriteString(x)
	}
	th.Warn(msg)
	return scheme.Unspecified, nil
}

func chain(th *scheme.Thread, start scheme.Value) []scheme.StackFrame {
	fr := th.CallChain()
	if n := int(start.(scheme.Fixnum)); n < len(fr) {
		return fr[n:]
	}
	return nil
}

// getCallChain implements get-call-chain.
func getCallChain(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var out []scheme.Value
	for _, f := range chain(th, a[0]) {
		out = append(out, &scheme.Vector{Items: []scheme.Value{scheme.NewString(f.Pos.String()), scheme.NewString(f.Name), scheme.NewString(f.In)}})
	}
	return scheme.List(out...), nil
}

// printCallChain implements print-call-chain.
func printCallChain(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, err := scheme.OutputPortArg(th, a, 0)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(a[3].(*scheme.String).String())
	for _, f := range chain(th, a[1]) {
		b.WriteString("\n\t" + f.Pos.String() + ": ")
		if f.Name != "" {
			b.WriteString("(" + f.Name + " …)")
		}
		if f.In != "" {
			b.WriteString("\tin " + f.In)
		}
	}
	b.WriteString("\n")
	return scheme.Unspecified, p.Write(th.Context(), []byte(b.String()))
}

// procedureInformation implements procedure-information.
func procedureInformation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if p, ok := a[0].(*scheme.Primitive); ok {
		if v, err := scheme.ReadDatum(strings.NewReader(p.Proc.Signature()), ""); err == nil {
			return v, nil
		}
		return scheme.Intern(p.Proc.Name), nil
	}
	if c, ok := a[0].(*scheme.Closure); ok {
		return c.LambdaList(), nil
	}
	if r, ok := a[0].(scheme.Repr); ok {
		if name, ok := strings.CutPrefix(strings.TrimSuffix(r.Repr(), ">"), "#<procedure "); ok && name != "" {
			return scheme.Intern(name), nil
		}
	}
	return scheme.False, nil
}

// compress implements compress.
func compress(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	bs, _ := scheme.ListToSlice(a[0])
	xs, _ := scheme.ListToSlice(a[1])
	var out []scheme.Value
	for i := 0; i < len(bs) && i < len(xs); i++ {
		if scheme.Truthy(bs[i]) {
			out = append(out, xs[i])
		}
	}
	return scheme.List(out...), nil
}

// foldl implements foldl.
func foldl(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	xs, _ := scheme.ListToSlice(a[2])
	acc := a[1]
	for _, x := range xs {
		v, err := th.Call(a[0], acc, x)
		if err != nil {
			return nil, err
		}
		acc = v
	}
	return acc, nil
}

// foldr implements foldr.
func foldr(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	xs, _ := scheme.ListToSlice(a[2])
	acc := a[1]
	for i := len(xs) - 1; i >= 0; i-- {
		v, err := th.Call(a[0], xs[i], acc)
		if err != nil {
			return nil, err
		}
		acc = v
	}
	return acc, nil
}

// vectorResize implements vector-resize.
func vectorResize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v := a[0].(*scheme.Vector)
	n, err := scheme.ArgSize(2, a[1], scheme.ValueSize)
	if err != nil {
		return nil, err
	}
	out := make([]scheme.Value, n)
	k := copy(out, v.Items)
	for i := k; i < n; i++ {
		out[i] = a[2]
	}
	return &scheme.Vector{Items: out}, nil
}

// flip implements flip.
func flip(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f := a[0]
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "flip", Args: scheme.Params{Required: []string{"x", "y"}},
		Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
			return th.TailCall(f, []scheme.Value{args[1], args[0]})
		}}), nil
}

// standardCharNames are the reader's character names, in the order
// char-name prefers them for a character.
var standardCharNames = []struct {
	n string
	c rune
}{{"space", ' '}, {"newline", '\n'}, {"tab", '\t'}, {"nul", 0}, {"null", 0}, {"alarm", 7}, {"backspace", 8},
	{"delete", 127}, {"escape", 27}, {"linefeed", '\n'}, {"page", 12}, {"return", '\r'}, {"altmode", 27}}

// charName implements char-name.
func charName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st := stateOf(th)
	st.mu.Lock()
	defer st.mu.Unlock()
	if !scheme.IsDefault(a[1]) {
		s, ok := a[0].(*scheme.Symbol)
		if !ok {
			return nil, scheme.TypeError("char-name", 1, "symbol", a[0])
		}
		c := rune(a[1].(scheme.Char))
		st.names[s.Name] = c
		st.chars[c] = s.Name
		return scheme.Unspecified, nil
	}
	switch x := a[0].(type) {
	case *scheme.Symbol:
		if c, ok := st.names[x.Name]; ok {
			return scheme.Char(c), nil
		}
		for _, p := range standardCharNames {
			if p.n == x.Name {
				return scheme.Char(p.c), nil
			}
		}
		return scheme.False, nil
	case scheme.Char:
		if n, ok := st.chars[rune(x)]; ok {
			return scheme.Intern(n), nil
		}
		for _, p := range standardCharNames {
			if p.c == rune(x) {
				return scheme.Intern(p.n), nil
			}
		}
		return scheme.False, nil
	}
	return nil, scheme.TypeError("char-name", 1, "symbol or char", a[0])
}

// gensym implements gensym.
func gensym(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	prefix := "g"
	switch x := a[0].(type) {
	case *scheme.String:
		prefix = x.String()
	case *scheme.Symbol:
		prefix = x.Name
	}
	return &scheme.Symbol{Name: prefix + scheme.WriteString(scheme.Fixnum(stateOf(th).gensyms.Add(1)))}, nil
}

// stringToUninternedSymbol implements string->uninterned-symbol.
func stringToUninternedSymbol(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &scheme.Symbol{Name: a[0].(*scheme.String).String()}, nil
}

// sleep implements sleep.
func sleep(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f, ok := th.Interp().Lookup("thread-sleep!")
	if !ok {
		return nil, scheme.NewError("sleep", "thread-sleep! is unbound", nil)
	}
	return th.TailCall(f, []scheme.Value{a[0]})
}

// portClosedP implements port-closed?.
func portClosedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, ok := a[0].(*scheme.Port)
	if !ok {
		return nil, scheme.TypeError("port-closed?", 1, "port", a[0])
	}
	return scheme.MakeBool(!p.IsOpen()), nil
}

// recordPrinter implements record-printer.
func recordPrinter(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return th.Interp().RecordPrinter(a[0]), nil
}

// setRecordPrinterBang implements set-record-printer!.
func setRecordPrinterBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	th.Interp().SetRecordPrinter(a[0], a[1])
	return scheme.Unspecified, nil
}

// onExit implements on-exit.
func onExit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	th.Interp().OnExit(a[0])
	return scheme.Unspecified, nil
}
