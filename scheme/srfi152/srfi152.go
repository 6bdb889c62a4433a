// SRFI-152 string library (reducing SRFI-13): the rows of (srfi 152). The
// procedures SRFI-13 and R7RS share with it are re-exported; the new ones
// and string-split are in srfi152.scm.

// Package srfi152 is SRFI-152, (srfi 152), (srfi :152 strings) or
// srfi-152: the string library reducing SRFI-13 to predicates (no
// char-sets, no /shared or ! variants). The core's R7RS string procedures
// (string-map and string-for-each over several strings, string-copy! and
// string->vector with start and end, string=? & co. taking any number of
// strings) and SRFI-13's, whose char/char-set/pred arguments take a
// predicate as SRFI-152's, are re-exported. The library is ImportOnly:
// importing it rebinds string-split to SRFI-152's (string-split s
// delimiter [grammar limit start end]) in place of CHICKEN's, and binds
// string-take-while & co., string-span, string-break,
// string-contains-right, string-remove, string-replicate and
// string-segment.
package srfi152

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi152.scm
var source string

const spec = "srfi-152"

// shared documents a procedure of SRFI-13 or R7RS with SRFI-152's meaning.
func shared(name, sig, doc string) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Sig: sig, Doc: doc + " (as SRFI-13's)"}
}

// Library is the (srfi 152) binding table.
var Library = &scheme.Library{Name: "(srfi 152)", Doc: "SRFI-152: string library (reducing SRFI-13).", ImportOnly: true,
	Source: scheme.LibrarySource("srfi152.scm", source),
	Reexports: []string{"string?", "make-string", "string", "string->vector", "string->list", "vector->string", "list->string",
		"string-length", "string-ref", "substring", "string-copy", "string=?", "string-ci=?", "string<?", "string-ci<?", "string>?",
		"string-ci>?", "string<=?", "string-ci<=?", "string>=?", "string-ci>=?", "string-append", "string-map", "string-for-each",
		"read-string", "write-string", "string-set!", "string-fill!", "string-copy!"},
	Procs: []scheme.Proc{
		shared("string-null?", "(string-null? s)", "Is s the empty string?"),
		shared("string-every", "(string-every pred s [start end])", "#f if some character fails pred, else pred's last value"),
		shared("string-any", "(string-any pred s [start end])", "The first true value of pred on the characters, or #f"),
		shared("string-tabulate", "(string-tabulate proc len)", "The string of (proc 0) ... (proc len-1)"),
		shared("string-unfold", "(string-unfold stop? mapper successor seed [base make-final])", "A string built left to right from seeds"),
		shared("string-unfold-right", "(string-unfold-right stop? mapper successor seed [base make-final])", "A string built right to left from seeds"),
		shared("reverse-list->string", "(reverse-list->string char-list)", "The characters of char-list reversed, as a string"),
		shared("string-take", "(string-take s nchars)", "The first nchars characters"),
		shared("string-take-right", "(string-take-right s nchars)", "The last nchars characters"),
		shared("string-drop", "(string-drop s nchars)", "All but the first nchars characters"),
		shared("string-drop-right", "(string-drop-right s nchars)", "All but the last nchars characters"),
		shared("string-pad", "(string-pad s len [char start end])", "s padded or truncated on the left to len"),
		shared("string-pad-right", "(string-pad-right s len [char start end])", "s padded or truncated on the right to len"),
		shared("string-trim", "(string-trim s [pred start end])", "s without leading characters satisfying pred (default char-whitespace?)"),
		shared("string-trim-right", "(string-trim-right s [pred start end])", "s without trailing characters satisfying pred"),
		shared("string-trim-both", "(string-trim-both s [pred start end])", "s without leading and trailing characters satisfying pred"),
		shared("string-replace", "(string-replace s1 s2 start1 end1 [start2 end2])", "s1 with start1..end1 replaced by s2's start2..end2"),
		shared("string-prefix-length", "(string-prefix-length s1 s2 [start1 end1 start2 end2])", "The length of the common prefix"),
		shared("string-suffix-length", "(string-suffix-length s1 s2 [start1 end1 start2 end2])", "The length of the common suffix"),
		shared("string-prefix?", "(string-prefix? s1 s2 [start1 end1 start2 end2])", "Is s1 a prefix of s2?"),
		shared("string-suffix?", "(string-suffix? s1 s2 [start1 end1 start2 end2])", "Is s1 a suffix of s2?"),
		shared("string-index", "(string-index s pred [start end])", "The index of the first character satisfying pred, or #f"),
		shared("string-index-right", "(string-index-right s pred [start end])", "The index of the last character satisfying pred, or #f"),
		shared("string-skip", "(string-skip s pred [start end])", "The index of the first character not satisfying pred, or #f"),
		shared("string-skip-right", "(string-skip-right s pred [start end])", "The index of the last character not satisfying pred, or #f"),
		shared("string-contains", "(string-contains s1 s2 [start1 end1 start2 end2])", "The index in s1 of the first occurrence of s2, or #f"),
		{Name: "string-contains-right", Spec: spec, LazyArgs: containsArgs, Fn: stringContainsRight, Doc: "The index in s1 of the last occurrence of s2, or #f."},
		{Name: "%srfi152-string-contains-right", Spec: spec, Sig: "(%srfi152-string-contains-right s1 s2 [start1 end1 start2 end2])", Doc: "The Scheme body of string-contains-right."},
		{Name: "string-take-while", Spec: spec, Sig: "(string-take-while s pred [start end])", Doc: "The longest prefix of s[start,end) whose characters satisfy pred."},
		{Name: "string-take-while-right", Spec: spec, Sig: "(string-take-while-right s pred [start end])", Doc: "The longest suffix of s[start,end) whose characters satisfy pred."},
		{Name: "string-drop-while", Spec: spec, Sig: "(string-drop-while s pred [start end])", Doc: "s[start,end) without its longest prefix whose characters satisfy pred."},
		{Name: "string-drop-while-right", Spec: spec, Sig: "(string-drop-while-right s pred [start end])", Doc: "s[start,end) without its longest suffix whose characters satisfy pred."},
		{Name: "string-span", Spec: spec, Sig: "(string-span s pred [start end])", Doc: "Two values: the longest prefix of s[start,end) whose characters satisfy pred, and the rest."},
		{Name: "string-break", Spec: spec, Sig: "(string-break s pred [start end])", Doc: "Two values: the longest prefix of s[start,end) whose characters fail pred, and the rest."},
		shared("string-concatenate", "(string-concatenate string-list)", "The strings appended"),
		shared("string-concatenate-reverse", "(string-concatenate-reverse string-list [final-string end])", "The strings appended in reverse order"),
		shared("string-join", "(string-join string-list [delimiter grammar])", "The strings joined by delimiter with grammar infix, strict-infix, prefix or suffix"),
		shared("string-fold", "(string-fold kons knil s [start end])", "Left fold over the characters"),
		shared("string-fold-right", "(string-fold-right kons knil s [start end])", "Right fold over the characters"),
		shared("string-count", "(string-count s pred [start end])", "The number of characters satisfying pred"),
		shared("string-filter", "(string-filter pred s [start end])", "The characters satisfying pred"),
		{Name: "string-remove", Spec: spec, LazyArgs: removeArgs, Fn: stringRemove, Doc: "The characters not satisfying pred (SRFI-13's string-delete)."},
		{Name: "string-replicate", Spec: spec, LazyArgs: replicateArgs, Fn: stringReplicate, Doc: "The characters from index from to to of s[start,end) replicated in both directions (SRFI-13's xsubstring)."},
		{Name: "string-segment", Spec: spec, Sig: "(string-segment s k)", Doc: "The list of the substrings of s of k characters (the last may be shorter)."},
		{Name: "string-split", Spec: spec, LazyArgs: splitArgs, Fn: stringSplit,
			Doc: "The words of s[start,end) separated by the string delimiter (each character for \"\"); grammar infix (default, \"\" gives ()), strict-infix, prefix or suffix (dropping a leading or trailing empty word); at most limit splits, or any number for #f (CHICKEN's string-split takes delimiter characters)."},
		{Name: "%srfi152-string-split", Spec: spec, Sig: "(%srfi152-string-split s delimiter [grammar limit start end])", Doc: "The Scheme body of string-split."},
	}}

func splitArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("s", scheme.TypeString), scheme.Req("delimiter", scheme.TypeString), scheme.Opt("grammar", nil, nil),
		scheme.Opt("limit", nil, nil), scheme.Opt("start", scheme.TypeIndex, nil), scheme.Opt("end", scheme.TypeIndex, nil))
}

// stringSplit is string-split: its body is srfi152.scm's, under a name
// that does not replace CHICKEN's string-split where (srfi 152) is not
// imported (or is imported with a prefix).
func stringSplit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "string-split", "%srfi152-string-split", a)
}

func containsArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("s1", scheme.TypeString), scheme.Req("s2", scheme.TypeString), scheme.Opt("start1", scheme.TypeIndex, nil),
		scheme.Opt("end1", scheme.TypeIndex, nil), scheme.Opt("start2", scheme.TypeIndex, nil), scheme.Opt("end2", scheme.TypeIndex, nil))
}

// stringContainsRight is string-contains-right, srfi152.scm's (SRFI-130's,
// which is the same procedure, is bound only where (srfi 130) is imported).
func stringContainsRight(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "string-contains-right", "%srfi152-string-contains-right", a)
}

func removeArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("pred", scheme.TypeProcedure), scheme.Req("s", scheme.TypeString), scheme.Opt("start", scheme.TypeIndex, nil), scheme.Opt("end", scheme.TypeIndex, nil))
}

// stringRemove is string-remove: SRFI-13's string-delete.
func stringRemove(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "string-remove", "string-delete", a)
}

func replicateArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("s", scheme.TypeString), scheme.Req("from", scheme.TypeInteger), scheme.Req("to", scheme.TypeInteger),
		scheme.Opt("start", scheme.TypeIndex, nil), scheme.Opt("end", scheme.TypeIndex, nil))
}

// stringReplicate is string-replicate: SRFI-13's xsubstring.
func stringReplicate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "string-replicate", "xsubstring", a)
}
