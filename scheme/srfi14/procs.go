// The SRFI-14 procedures.

package srfi14

import (
	"slices"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "srfi-14"

var (
	req   = scheme.Req
	opt   = scheme.Opt
	cs    = TypeCharSet
	chr   = scheme.TypeChar
	proc  = scheme.TypeProcedure
	lst   = scheme.TypeList
	str   = scheme.TypeString
	index = scheme.TypeIndex
)

// Library is the (srfi 14) binding table.
var Library = &scheme.Library{Name: "(srfi 14)", Doc: "SRFI-14: character sets.", Values: standard, Procs: []scheme.Proc{
	{Name: "char-set?", Spec: spec, Doc: "Is obj a character set?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("obj", nil)) }, Fn: charSetP},
	{Name: "char-set=", Spec: spec, Doc: "Are the character sets equal? (#t for none or one.)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Rest("cs", cs)) }, Fn: charSetEq},
	{Name: "char-set<=", Spec: spec, Doc: "Is every character set a subset of the next?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Rest("cs", cs)) }, Fn: charSetLe},
	{Name: "char-set-hash", Spec: spec, Doc: "A hash of cs in [0, bound) (bound 0 or absent: any fixnum); equal sets hash equally.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs), opt("bound", index, scheme.Fixnum(0))) }, Fn: charSetHash},
	{Name: "char-set-cursor", Spec: spec, Doc: "A cursor at the first character of cset (its code point; -1 at the end).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cset", cs)) }, Fn: charSetCursor},
	{Name: "char-set-ref", Spec: spec, Doc: "The character at cursor in cset.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cset", cs), req("cursor", index)) }, Fn: charSetRef},
	{Name: "char-set-cursor-next", Spec: spec, Doc: "The cursor after cursor in cset.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cset", cs), req("cursor", index)) }, Fn: charSetCursorNext},
	{Name: "end-of-char-set?", Spec: spec, Doc: "Has cursor stepped past the end of its set?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cursor", nil)) }, Fn: endOfCharSetP},
	{Name: "char-set-fold", Spec: spec, Doc: "(kons c acc) over the characters of cs, in increasing order, from knil.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("kons", proc), req("knil", nil), req("cs", cs)) }, Fn: charSetFold},
	{Name: "char-set-unfold", Spec: spec, Doc: "base-cs (default empty) plus (f seed) for the seeds seed, (g seed) … until (p seed).", LazyArgs: func() scheme.Params {
		return scheme.Lambda(req("p", proc), req("f", proc), req("g", proc), req("seed", nil), opt("base-cs", cs, nil))
	}, Fn: charSetUnfold},
	{Name: "char-set-unfold!", Spec: spec, Doc: "char-set-unfold adding to base-cs in place.", LazyArgs: func() scheme.Params {
		return scheme.Lambda(req("p", proc), req("f", proc), req("g", proc), req("seed", nil), req("base-cs", cs))
	}, Fn: charSetUnfoldBang},
	{Name: "char-set-for-each", Spec: spec, Doc: "Applies proc to each character of cs.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("proc", proc), req("cs", cs)) }, Fn: charSetForEach},
	{Name: "char-set-map", Spec: spec, Doc: "The set of (proc c) for the characters c of cs.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("proc", proc), req("cs", cs)) }, Fn: charSetMap},
	{Name: "char-set-copy", Spec: spec, Doc: "A fresh copy of cs.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs)) }, Fn: charSetCopy},
	{Name: "char-set", Spec: spec, Doc: "The set of the given characters.", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Rest("char", chr)) }, Fn: charSet},
	{Name: "list->char-set", Spec: spec, Doc: "The characters of char-list added to base-cs (default empty).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("char-list", lst), opt("base-cs", cs, nil)) }, Fn: listToCharSet},
	{Name: "list->char-set!", Spec: spec, Doc: "list->char-set adding to base-cs in place.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("char-list", lst), req("base-cs", cs)) }, Fn: listToCharSetBang},
	{Name: "string->char-set", Spec: spec, Doc: "The characters of s added to base-cs (default empty).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("s", str), opt("base-cs", cs, nil)) }, Fn: stringToCharSet},
	{Name: "string->char-set!", Spec: spec, Doc: "string->char-set adding to base-cs in place.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("s", str), req("base-cs", cs)) }, Fn: stringToCharSetBang},
	{Name: "char-set-filter", Spec: spec, Doc: "The characters of cs satisfying pred, added to base-cs (default empty).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("pred", proc), req("cs", cs), opt("base-cs", cs, nil)) }, Fn: charSetFilter},
	{Name: "char-set-filter!", Spec: spec, Doc: "char-set-filter adding to base-cs in place.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("pred", proc), req("cs", cs), req("base-cs", cs)) }, Fn: charSetFilterBang},
	{Name: "ucs-range->char-set", Spec: spec, Doc: "The characters with code points in [lower, upper), added to base-cs (default empty); surrogates are ignored, and error? has no effect since every code point is a character.", LazyArgs: func() scheme.Params {
		return scheme.Lambda(req("lower", index), req("upper", index), opt("error?", nil, scheme.False), opt("base-cs", cs, nil))
	}, Fn: ucsRangeToCharSet},
	{Name: "ucs-range->char-set!", Spec: spec, Doc: "ucs-range->char-set adding to base-cs in place.", LazyArgs: func() scheme.Params {
		return scheme.Lambda(req("lower", index), req("upper", index), req("error?", nil), req("base-cs", cs))
	}, Fn: ucsRangeToCharSetBang},
	{Name: "->char-set", Spec: spec, Doc: "x (a string, character or char-set) as a char-set.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("x", nil)) }, Fn: toCharSet},
	{Name: "char-set-size", Spec: spec, Doc: "The number of characters in cs.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs)) }, Fn: charSetSize},
	{Name: "char-set-count", Spec: spec, Doc: "The number of characters of cs satisfying pred.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("pred", proc), req("cs", cs)) }, Fn: charSetCount},
	{Name: "char-set->list", Spec: spec, Doc: "The characters of cs as a list, in increasing order.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs)) }, Fn: charSetToList},
	{Name: "char-set->string", Spec: spec, Doc: "The characters of cs as a string, in increasing order.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs)) }, Fn: charSetToString},
	{Name: "char-set-contains?", Spec: spec, Doc: "Is char in cs?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs), req("char", chr)) }, Fn: charSetContainsP},
	{Name: "char-set-every", Spec: spec, Doc: "Does pred hold for every character of cs? (Its last result, or #t.)", LazyArgs: func() scheme.Params { return scheme.Lambda(req("pred", proc), req("cs", cs)) }, Fn: charSetEvery},
	{Name: "char-set-any", Spec: spec, Doc: "The first true result of pred on the characters of cs, or #f.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("pred", proc), req("cs", cs)) }, Fn: charSetAny},
	{Name: "char-set-adjoin", Spec: spec, Doc: "cs with the chars added.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs), scheme.Rest("char", chr)) }, Fn: charSetAdjoin},
	{Name: "char-set-delete", Spec: spec, Doc: "cs without the chars.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs), scheme.Rest("char", chr)) }, Fn: charSetDelete},
	{Name: "char-set-adjoin!", Spec: spec, Doc: "char-set-adjoin, altering cs.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs), scheme.Rest("char", chr)) }, Fn: charSetAdjoinBang},
	{Name: "char-set-delete!", Spec: spec, Doc: "char-set-delete, altering cs.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs), scheme.Rest("char", chr)) }, Fn: charSetDeleteBang},
	{Name: "char-set-complement", Spec: spec, Doc: "The characters not in cs.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs)) }, Fn: charSetComplement},
	{Name: "char-set-union", Spec: spec, Doc: "The union of the sets (empty for none).", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Rest("cs", cs)) }, Fn: charSetUnion},
	{Name: "char-set-intersection", Spec: spec, Doc: "The intersection of the sets (full for none).", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Rest("cs", cs)) }, Fn: charSetIntersection},
	{Name: "char-set-difference", Spec: spec, Doc: "The characters of cs1 in none of the other sets.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs1", cs), scheme.Rest("cs", cs)) }, Fn: charSetDifference},
	{Name: "char-set-xor", Spec: spec, Doc: "The characters in an odd number of the sets (empty for none).", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Rest("cs", cs)) }, Fn: charSetXor},
	{Name: "char-set-diff+intersection", Spec: spec, Doc: "Two values: the difference and the intersection of cs1 with the union of the others.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs1", cs), scheme.Rest("cs", cs)) }, Fn: charSetDiffPlusIntersection},
	{Name: "char-set-complement!", Spec: spec, Doc: "char-set-complement, altering cs.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs", cs)) }, Fn: charSetComplementBang},
	{Name: "char-set-union!", Spec: spec, Doc: "char-set-union, altering cs1.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs1", cs), scheme.Rest("cs", cs)) }, Fn: charSetUnionBang},
	{Name: "char-set-intersection!", Spec: spec, Doc: "char-set-intersection, altering cs1.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs1", cs), scheme.Rest("cs", cs)) }, Fn: charSetIntersectionBang},
	{Name: "char-set-difference!", Spec: spec, Doc: "char-set-difference, altering cs1.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs1", cs), scheme.Rest("cs", cs)) }, Fn: charSetDifferenceBang},
	{Name: "char-set-xor!", Spec: spec, Doc: "char-set-xor, altering cs1.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs1", cs), scheme.Rest("cs", cs)) }, Fn: charSetXorBang},
	{Name: "char-set-diff+intersection!", Spec: spec, Doc: "char-set-diff+intersection, altering cs1 and cs2.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("cs1", cs), req("cs2", cs), scheme.Rest("cs", cs)) }, Fn: charSetDiffPlusIntersectionBang},
}}

func init() {
	for i := range standard {
		standard[i].Spec = spec
	}
}

// sets returns the char-set arguments of a rest list.
func sets(v scheme.Value) []*CharSet {
	l, _ := scheme.ListToSlice(v)
	out := make([]*CharSet, len(l))
	for i, x := range l {
		out[i] = x.(*CharSet)
	}
	return out
}

func runes(v scheme.Value) []rune {
	l, _ := scheme.ListToSlice(v)
	out := make([]rune, len(l))
	for i, x := range l {
		out[i] = rune(x.(scheme.Char))
	}
	return out
}

// base returns the optional base set (empty when absent).
func base(v scheme.Value) *CharSet {
	if c, ok := v.(*CharSet); ok {
		return c
	}
	return &CharSet{}
}

// into stores s in dst (a linear update) and returns dst.
func into(dst, s *CharSet) *CharSet {
	dst.runes() // a standard set is built before it is replaced
	dst.b = s.runes()
	return dst
}

func charSetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*CharSet](a[0]), nil
}

func equalSets(a, b *CharSet) bool {
	return slices.Equal(a.runes(), b.runes())
}

func charSetEq(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := sets(a[0])
	for i := 1; i < len(s); i++ {
		if !equalSets(s[i-1], s[i]) {
			return scheme.False, nil
		}
	}
	return scheme.True, nil
}

func charSetLe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := sets(a[0])
	for i := 1; i < len(s); i++ {
		if len(difference(s[i-1], s[i]).runes()) != 0 {
			return scheme.False, nil
		}
	}
	return scheme.True, nil
}

func charSetHash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var h uint64 = 14695981039346656037
	for _, r := range a[0].(*CharSet).runes() {
		h = (h ^ uint64(r)) * 1099511628211
	}
	bound := uint64(a[1].(scheme.Fixnum))
	if bound == 0 {
		bound = 1 << 29
	}
	return scheme.Fixnum(h % bound), nil
}

// next returns the first character of cs at or after c, or -1.
func (cs *CharSet) next(c rune) rune {
	b := cs.runes()
	for i := 0; i < len(b); i += 2 {
		if c < b[i] {
			return b[i]
		}
		if c < b[i+1] {
			return c
		}
	}
	return -1
}

func charSetCursor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*CharSet).next(0)), nil
}

func charSetRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := rune(a[1].(scheme.Fixnum))
	if !a[0].(*CharSet).Contains(c) {
		return nil, scheme.RangeError("", 2, "cursor not in the set", a[1])
	}
	return scheme.Char(c), nil
}

func charSetCursorNext(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := rune(a[1].(scheme.Fixnum))
	if !a[0].(*CharSet).Contains(c) {
		return nil, scheme.RangeError("", 2, "cursor not in the set", a[1])
	}
	return scheme.Fixnum(a[0].(*CharSet).next(c + 1)), nil
}

func endOfCharSetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, ok := a[0].(scheme.Fixnum)
	if !ok {
		return nil, scheme.TypeError("", 1, "char-set cursor", a[0])
	}
	return scheme.MakeBool(n < 0), nil
}

// walk calls f with each character of cs as a Scheme value, stopping at an
// error or when f returns false.
func walk(cs *CharSet, f func(c scheme.Value) (bool, error)) error {
	var err error
	cs.each(func(c rune) bool {
		var more bool
		more, err = f(scheme.Char(c))
		return more && err == nil
	})
	return err
}

func charSetFold(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	acc := a[1]
	err := walk(a[2].(*CharSet), func(c scheme.Value) (bool, error) {
		var err error
		acc, err = th.Call(a[0], c, acc)
		return true, err
	})
	return acc, err
}

func unfold(th *scheme.Thread, a []scheme.Value, dst *CharSet) (scheme.Value, error) {
	var add []rune
	for seed := a[3]; ; {
		stop, err := th.Call(a[0], seed)
		if err != nil {
			return nil, err
		}
		if stop != scheme.Value(scheme.False) {
			break
		}
		c, err := th.Call(a[1], seed)
		if err != nil {
			return nil, err
		}
		ch, ok := c.(scheme.Char)
		if !ok {
			return nil, scheme.TypeError("", 2, "procedure returning a char", c)
		}
		add = append(add, rune(ch))
		if seed, err = th.Call(a[2], seed); err != nil {
			return nil, err
		}
	}
	return into(dst, union(base(a[4]), fromRunes(add))), nil
}

func charSetUnfold(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return unfold(th, a, &CharSet{})
}

func charSetUnfoldBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return unfold(th, a, a[4].(*CharSet))
}

func charSetForEach(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	err := walk(a[1].(*CharSet), func(c scheme.Value) (bool, error) {
		_, err := th.Call(a[0], c)
		return true, err
	})
	return scheme.Unspecified, err
}

func charSetMap(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var out []rune
	err := walk(a[1].(*CharSet), func(c scheme.Value) (bool, error) {
		r, err := th.Call(a[0], c)
		if err != nil {
			return false, err
		}
		ch, ok := r.(scheme.Char)
		if !ok {
			return false, scheme.TypeError("", 1, "procedure returning a char", r)
		}
		out = append(out, rune(ch))
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return fromRunes(out), nil
}

func charSetCopy(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &CharSet{b: slices.Clone(a[0].(*CharSet).runes())}, nil
}

func charSet(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fromRunes(runes(a[0])), nil
}

func listToCharSet(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return listInto(a, &CharSet{})
}

func listToCharSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return listInto(a, a[1].(*CharSet))
}

func listInto(a []scheme.Value, dst *CharSet) (scheme.Value, error) {
	l, _ := scheme.ListToSlice(a[0])
	rs := make([]rune, len(l))
	for i, x := range l {
		c, ok := x.(scheme.Char)
		if !ok {
			return nil, scheme.TypeError("", 1, "list of chars", a[0])
		}
		rs[i] = rune(c)
	}
	return into(dst, union(base(a[1]), fromRunes(rs))), nil
}

func stringToCharSet(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return into(&CharSet{}, union(base(a[1]), fromRunes(a[0].(*scheme.String).Runes()))), nil
}

func stringToCharSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return into(a[1].(*CharSet), union(base(a[1]), fromRunes(a[0].(*scheme.String).Runes()))), nil
}

func filter(th *scheme.Thread, a []scheme.Value, dst *CharSet) (scheme.Value, error) {
	var keep []rune
	err := walk(a[1].(*CharSet), func(c scheme.Value) (bool, error) {
		r, err := th.Call(a[0], c)
		if r != scheme.Value(scheme.False) {
			keep = append(keep, rune(c.(scheme.Char)))
		}
		return true, err
	})
	if err != nil {
		return nil, err
	}
	return into(dst, union(base(a[2]), fromRunes(keep))), nil
}

func charSetFilter(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return filter(th, a, &CharSet{})
}

func charSetFilterBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return filter(th, a, a[2].(*CharSet))
}

func ucsRange(a []scheme.Value, dst *CharSet) (scheme.Value, error) {
	lo, hi := a[0].(scheme.Fixnum), a[1].(scheme.Fixnum)
	if lo > hi {
		return nil, scheme.RangeError("", 1, "lower is above upper", a[0])
	}
	if hi > maxRune {
		hi = maxRune
	}
	return into(dst, union(base(a[3]), fromSpans([]span{{rune(min(lo, hi)), rune(hi)}}))), nil
}

func ucsRangeToCharSet(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ucsRange(a, &CharSet{})
}

func ucsRangeToCharSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ucsRange(a, a[3].(*CharSet))
}

// ToCharSet converts x (a string, character or char-set) to a char-set;
// ok is false for any other value.
func ToCharSet(x scheme.Value) (cs *CharSet, ok bool) {
	switch x := x.(type) {
	case *CharSet:
		return x, true
	case scheme.Char:
		return fromRunes([]rune{rune(x)}), true
	case *scheme.String:
		return fromRunes(x.Runes()), true
	}
	return nil, false
}

func toCharSet(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	cs, ok := ToCharSet(a[0])
	if !ok {
		return nil, scheme.TypeError("", 1, "string, char or char-set", a[0])
	}
	return cs, nil
}

func charSetSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*CharSet).Size()), nil
}

func charSetCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n := 0
	err := walk(a[1].(*CharSet), func(c scheme.Value) (bool, error) {
		r, err := th.Call(a[0], c)
		if r != scheme.Value(scheme.False) {
			n++
		}
		return true, err
	})
	return scheme.Fixnum(n), err
}

func members(cs *CharSet) []rune {
	var out []rune
	cs.each(func(c rune) bool { out = append(out, c); return true })
	return out
}

func charSetToList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	rs := members(a[0].(*CharSet))
	vs := make([]scheme.Value, len(rs))
	for i, c := range rs {
		vs[i] = scheme.Char(c)
	}
	return scheme.List(vs...), nil
}

func charSetToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewStringRunes(members(a[0].(*CharSet))), nil
}

func charSetContainsP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(a[0].(*CharSet).Contains(rune(a[1].(scheme.Char)))), nil
}

func charSetEvery(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var last scheme.Value = scheme.True
	err := walk(a[1].(*CharSet), func(c scheme.Value) (bool, error) {
		var err error
		last, err = th.Call(a[0], c)
		return last != scheme.Value(scheme.False), err
	})
	return last, err
}

func charSetAny(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var res scheme.Value = scheme.False
	err := walk(a[1].(*CharSet), func(c scheme.Value) (bool, error) {
		var err error
		res, err = th.Call(a[0], c)
		return res == scheme.Value(scheme.False), err
	})
	return res, err
}

func charSetAdjoin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return union(a[0].(*CharSet), fromRunes(runes(a[1]))), nil
}

func charSetDelete(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return difference(a[0].(*CharSet), fromRunes(runes(a[1]))), nil
}

func charSetAdjoinBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return into(a[0].(*CharSet), union(a[0].(*CharSet), fromRunes(runes(a[1])))), nil
}

func charSetDeleteBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return into(a[0].(*CharSet), difference(a[0].(*CharSet), fromRunes(runes(a[1])))), nil
}

func charSetComplement(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return difference(full, a[0].(*CharSet)), nil
}

func charSetComplementBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return into(a[0].(*CharSet), difference(full, a[0].(*CharSet))), nil
}

// fold2 combines the sets from first with op.
func fold2(first *CharSet, rest []*CharSet, op func(a, b *CharSet) *CharSet) *CharSet {
	acc := first
	for _, s := range rest {
		acc = op(acc, s)
	}
	return acc
}

func charSetUnion(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fold2(&CharSet{}, sets(a[0]), union), nil
}

func charSetIntersection(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fold2(full, sets(a[0]), intersect), nil
}

func charSetXor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fold2(&CharSet{}, sets(a[0]), xor), nil
}

func charSetDifference(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fold2(a[0].(*CharSet), sets(a[1]), difference), nil
}

func charSetUnionBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return into(a[0].(*CharSet), fold2(a[0].(*CharSet), sets(a[1]), union)), nil
}

func charSetIntersectionBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return into(a[0].(*CharSet), fold2(a[0].(*CharSet), sets(a[1]), intersect)), nil
}

func charSetDifferenceBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return into(a[0].(*CharSet), fold2(a[0].(*CharSet), sets(a[1]), difference)), nil
}

func charSetXorBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return into(a[0].(*CharSet), fold2(a[0].(*CharSet), sets(a[1]), xor)), nil
}

func diffInter(first *CharSet, rest []*CharSet) (d, i *CharSet) {
	u := fold2(&CharSet{}, rest, union)
	return difference(first, u), intersect(first, u)
}

func charSetDiffPlusIntersection(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, i := diffInter(a[0].(*CharSet), sets(a[1]))
	return scheme.Values(d, i), nil
}

func charSetDiffPlusIntersectionBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	cs1, cs2 := a[0].(*CharSet), a[1].(*CharSet)
	d, i := diffInter(cs1, append([]*CharSet{cs2}, sets(a[2])...))
	return scheme.Values(into(cs1, d), into(cs2, i)), nil
}
