// SRFI-130 cursor-based strings: the rows of (srfi 130). Cursors are string
// indexes; the procedures SRFI-13 shares are re-exported, the new ones are
// in srfi130.scm, and those whose meaning differs from SRFI-13's or
// CHICKEN's are Go rows bound only by an import.

// Package srfi130 is SRFI-130, (srfi 130) or srfi-130: the cursor-based
// string library. Importing it rebinds string-index, string-index-right,
// string-skip, string-skip-right (which return cursors, never #f) and
// string-split (SRFI-130's, not CHICKEN's); the library is ImportOnly, so
// without an import those names keep their SRFI-13 and CHICKEN meanings.
package srfi130

import (
	_ "embed"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi130.scm
var source string

const spec = "srfi-130"

var (
	str  = scheme.TypeString
	proc = scheme.TypeProcedure
	ix   = scheme.TypeIndex
)

func searchArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("s", str), scheme.Req("pred", proc), scheme.Opt("start", ix, nil), scheme.Opt("end", ix, nil))
}

// span returns the optional start and end of s in a[i], a[i+1].
func span(s *scheme.String, a []scheme.Value, i int) (int, int, error) {
	start, end := 0, s.Len()
	if !scheme.IsDefault(a[i]) {
		start = int(a[i].(scheme.Fixnum))
	}
	if !scheme.IsDefault(a[i+1]) {
		end = int(a[i+1].(scheme.Fixnum))
	}
	if start > end || end > s.Len() {
		return 0, 0, scheme.RangeError("", i+1, "start/end out of range for the string", scheme.List(a[i], a[i+1]))
	}
	return start, end, nil
}

// search runs pred over s: from the left it returns the cursor of the first
// character whose test equals want (end if none); from the right the
// successor of the last one (start if none).
func search(th *scheme.Thread, a []scheme.Value, right, want bool) (scheme.Value, error) {
	s := a[0].(*scheme.String)
	start, end, err := span(s, a, 2)
	if err != nil {
		return nil, err
	}
	test := func(i int) (bool, error) {
		r, err := th.Call(a[1], scheme.Char(s.Ref(i)))
		return scheme.Truthy(r) == want, err
	}
	if right {
		for i := end - 1; i >= start; i-- {
			if ok, err := test(i); err != nil || ok {
				return scheme.Fixnum(i + 1), err
			}
		}
		return scheme.Fixnum(start), nil
	}
	for i := start; i < end; i++ {
		if ok, err := test(i); err != nil || ok {
			return scheme.Fixnum(i), err
		}
	}
	return scheme.Fixnum(end), nil
}

func stringIndex(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return search(th, a, false, true)
}

func stringIndexRight(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return search(th, a, true, true)
}

func stringSkip(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return search(th, a, false, false)
}

func stringSkipRight(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return search(th, a, true, false)
}

// grammar is string-split's (and string-join's) grammar argument.
var grammars = map[string]bool{"infix": true, "strict-infix": true, "prefix": true, "suffix": true}

func stringSplit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, delim := a[0].(*scheme.String), a[1].(*scheme.String).String()
	grammar := "infix"
	if !scheme.IsDefault(a[2]) {
		g, ok := a[2].(*scheme.Symbol)
		if !ok || !grammars[g.Name] {
			return nil, scheme.TypeError("", 3, "grammar (infix, strict-infix, prefix or suffix)", a[2])
		}
		grammar = g.Name
	}
	limit := -1
	if !scheme.IsDefault(a[3]) && a[3] != scheme.Value(scheme.False) {
		n, ok := a[3].(scheme.Fixnum)
		if !ok || n < 0 {
			return nil, scheme.TypeError("", 4, "non-negative exact integer or #f", a[3])
		}
		limit = int(n)
	}
	start, end, err := span(s, a, 4)
	if err != nil {
		return nil, err
	}
	text := string(s.Runes()[start:end])
	if text == "" {
		if grammar == "strict-infix" {
			return nil, scheme.Errorf("string-split: empty string with the strict-infix grammar")
		}
		return scheme.Null, nil
	}
	var parts []string
	if delim == "" {
		for _, r := range text {
			parts = append(parts, string(r))
		}
		if limit >= 0 && len(parts) > limit+1 {
			parts = append(parts[:limit], strings.Join(parts[limit:], ""))
		}
	} else {
		parts = strings.Split(text, delim)
		if limit >= 0 {
			parts = strings.SplitN(text, delim, limit+1)
		}
	}
	if grammar == "prefix" && len(parts) > 0 && parts[0] == "" {
		parts = parts[1:]
	}
	if grammar == "suffix" && len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	out := make([]scheme.Value, len(parts))
	for i, p := range parts {
		out[i] = scheme.NewString(p)
	}
	return scheme.List(out...), nil
}

// shared documents the procedures SRFI-13 defines with the same meaning
// (cursors being indexes).
func shared(name, sig, doc string) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Sig: sig, Doc: doc + " (as SRFI-13's)"}
}

// Library is the (srfi 130) binding table.
var Library = &scheme.Library{Name: "(srfi 130)", Doc: "SRFI-130: cursor-based string library (cursors are indexes).", ImportOnly: true,
	Source: scheme.LibrarySource("srfi130.scm", source), Procs: []scheme.Proc{
		{Name: "string-cursor?", Spec: spec, Sig: "(string-cursor? obj)", Doc: "Can obj be a string cursor (an exact non-negative integer)?"},
		{Name: "string-cursor-start", Spec: spec, Sig: "(string-cursor-start s)", Doc: "The start cursor of s."},
		{Name: "string-cursor-end", Spec: spec, Sig: "(string-cursor-end s)", Doc: "The post-end cursor of s."},
		{Name: "string-cursor-next", Spec: spec, Sig: "(string-cursor-next s cursor)", Doc: "The cursor after cursor in s."},
		{Name: "string-cursor-prev", Spec: spec, Sig: "(string-cursor-prev s cursor)", Doc: "The cursor before cursor in s."},
		{Name: "string-cursor-forward", Spec: spec, Sig: "(string-cursor-forward s cursor nchars)", Doc: "The cursor nchars after cursor in s."},
		{Name: "string-cursor-back", Spec: spec, Sig: "(string-cursor-back s cursor nchars)", Doc: "The cursor nchars before cursor in s."},
		{Name: "string-cursor=?", Spec: spec, Sig: "(string-cursor=? cursor1 cursor2)", Doc: "Do the cursors point to the same place?"},
		{Name: "string-cursor<?", Spec: spec, Sig: "(string-cursor<? cursor1 cursor2)", Doc: "Is cursor1 before cursor2?"},
		{Name: "string-cursor>?", Spec: spec, Sig: "(string-cursor>? cursor1 cursor2)", Doc: "Is cursor1 after cursor2?"},
		{Name: "string-cursor<=?", Spec: spec, Sig: "(string-cursor<=? cursor1 cursor2)", Doc: "Is cursor1 at or before cursor2?"},
		{Name: "string-cursor>=?", Spec: spec, Sig: "(string-cursor>=? cursor1 cursor2)", Doc: "Is cursor1 at or after cursor2?"},
		{Name: "string-cursor-diff", Spec: spec, Sig: "(string-cursor-diff s start end)", Doc: "The number of characters between start and end in s."},
		{Name: "string-cursor->index", Spec: spec, Sig: "(string-cursor->index s cursor)", Doc: "The index of cursor (the same number)."},
		{Name: "string-index->cursor", Spec: spec, Sig: "(string-index->cursor s index)", Doc: "The cursor of index (the same number)."},
		shared("string-null?", "(string-null? s)", "Is s the empty string?"),
		shared("string-every", "(string-every pred s [start end])", "#f if some character fails pred, else pred's last value"),
		shared("string-any", "(string-any pred s [start end])", "The first true value of pred on the characters, or #f"),
		shared("string-tabulate", "(string-tabulate proc len)", "The string of (proc 0) ... (proc len-1)"),
		shared("string-unfold", "(string-unfold stop? mapper successor seed [base make-final])", "A string built left to right from seeds"),
		shared("string-unfold-right", "(string-unfold-right stop? mapper successor seed [base make-final])", "A string built right to left from seeds"),
		{Name: "string->list/cursors", Spec: spec, Sig: "(string->list/cursors s [start end])", Doc: "The characters of s between the cursors as a list."},
		{Name: "string->vector/cursors", Spec: spec, Sig: "(string->vector/cursors s [start end])", Doc: "The characters of s between the cursors as a vector."},
		shared("reverse-list->string", "(reverse-list->string char-list)", "The characters of char-list reversed, as a string"),
		shared("string-join", "(string-join string-list [delimiter grammar])", "The strings joined by delimiter with grammar infix, strict-infix, prefix or suffix"),
		{Name: "string-ref/cursor", Spec: spec, Sig: "(string-ref/cursor s cursor)", Doc: "The character of s at cursor."},
		{Name: "substring/cursors", Spec: spec, Sig: "(substring/cursors s start end)", Doc: "The characters of s between the cursors."},
		{Name: "string-copy/cursors", Spec: spec, Sig: "(string-copy/cursors s [start end])", Doc: "A new string of the characters of s between the cursors."},
		shared("string-take", "(string-take s nchars)", "The first nchars characters"),
		shared("string-take-right", "(string-take-right s nchars)", "The last nchars characters"),
		shared("string-drop", "(string-drop s nchars)", "All but the first nchars characters"),
		shared("string-drop-right", "(string-drop-right s nchars)", "All but the last nchars characters"),
		shared("string-pad", "(string-pad s len [char start end])", "s padded or truncated on the left to len"),
		shared("string-pad-right", "(string-pad-right s len [char start end])", "s padded or truncated on the right to len"),
		shared("string-trim", "(string-trim s [pred start end])", "s without leading characters satisfying pred (default char-whitespace?)"),
		shared("string-trim-right", "(string-trim-right s [pred start end])", "s without trailing characters satisfying pred"),
		shared("string-trim-both", "(string-trim-both s [pred start end])", "s without leading and trailing characters satisfying pred"),
		shared("string-prefix-length", "(string-prefix-length s1 s2 [start1 end1 start2 end2])", "The length of the common prefix"),
		shared("string-suffix-length", "(string-suffix-length s1 s2 [start1 end1 start2 end2])", "The length of the common suffix"),
		shared("string-prefix?", "(string-prefix? s1 s2 [start1 end1 start2 end2])", "Is s1 a prefix of s2?"),
		shared("string-suffix?", "(string-suffix? s1 s2 [start1 end1 start2 end2])", "Is s1 a suffix of s2?"),
		{Name: "string-index", Spec: spec, Doc: "The cursor of the first character of s satisfying pred, or end.", LazyArgs: func() scheme.Params { return searchArgs() }, Fn: stringIndex},
		{Name: "string-index-right", Spec: spec, Doc: "The cursor after the last character of s satisfying pred, or start.", LazyArgs: func() scheme.Params { return searchArgs() }, Fn: stringIndexRight},
		{Name: "string-skip", Spec: spec, Doc: "The cursor of the first character of s not satisfying pred, or end.", LazyArgs: func() scheme.Params { return searchArgs() }, Fn: stringSkip},
		{Name: "string-skip-right", Spec: spec, Doc: "The cursor after the last character of s not satisfying pred, or start.", LazyArgs: func() scheme.Params { return searchArgs() }, Fn: stringSkipRight},
		shared("string-contains", "(string-contains s1 s2 [start1 end1 start2 end2])", "The cursor in s1 of the first occurrence of s2, or #f"),
		{Name: "string-contains-right", Spec: spec, Sig: "(string-contains-right s1 s2 [start1 end1 start2 end2])", Doc: "The cursor in s1 of the last occurrence of s2, or #f."},
		shared("string-reverse", "(string-reverse s [start end])", "The characters reversed"),
		shared("string-concatenate", "(string-concatenate string-list)", "The strings appended"),
		shared("string-concatenate-reverse", "(string-concatenate-reverse string-list [final-string end])", "The strings appended in reverse order"),
		shared("string-fold", "(string-fold kons knil s [start end])", "Left fold over the characters"),
		shared("string-fold-right", "(string-fold-right kons knil s [start end])", "Right fold over the characters"),
		{Name: "string-for-each-cursor", Spec: spec, Sig: "(string-for-each-cursor proc s [start end])", Doc: "Applies proc to each cursor of s from start up to end, in order."},
		{Name: "string-replicate", Spec: spec, Sig: "(string-replicate s from to [start end])", Doc: "The characters from index from to to of the substring replicated in both directions."},
		shared("string-count", "(string-count s pred [start end])", "The number of characters satisfying pred"),
		shared("string-replace", "(string-replace s1 s2 start1 end1 [start2 end2])", "s1 with start1..end1 replaced by s2's start2..end2"),
		{Name: "string-split", Spec: spec, Doc: "The words of s between start and end separated by the string delimiter (each character for \"\"); grammar infix (default, \"\" gives ()), strict-infix, prefix or suffix (dropping a leading or trailing empty word); at most limit splits.",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("s", str), scheme.Req("delimiter", str), scheme.Opt("grammar", nil, nil), scheme.Opt("limit", nil, nil), scheme.Opt("start", ix, nil), scheme.Opt("end", ix, nil))
			}, Fn: stringSplit},
		shared("string-filter", "(string-filter pred s [start end])", "The characters satisfying pred"),
		{Name: "string-remove", Spec: spec, Sig: "(string-remove pred s [start end])", Doc: "The characters not satisfying pred (SRFI-13's string-delete)."},
	}}
