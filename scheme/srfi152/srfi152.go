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

// Library is the (srfi 152) binding table.
var Library = &scheme.Library{Name: "(srfi 152)", Doc: "SRFI-152: string library (reducing SRFI-13); the procedures not listed are SRFI-13's and R7RS's.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi152.scm", source),
	Reexports: []string{"string?", "make-string", "string", "string->vector", "string->list", "vector->string", "list->string",
		"string-length", "string-ref", "substring", "string-copy", "string=?", "string-ci=?", "string<?", "string-ci<?", "string>?",
		"string-ci>?", "string<=?", "string-ci<=?", "string>=?", "string-ci>=?", "string-append", "string-map", "string-for-each",
		"read-string", "write-string", "string-set!", "string-fill!", "string-copy!",
		// SRFI-13's, whose char/char-set/pred arguments take a predicate
		"string-null?", "string-every", "string-any", "string-tabulate", "string-unfold", "string-unfold-right",
		"reverse-list->string", "string-take", "string-take-right", "string-drop", "string-drop-right", "string-pad",
		"string-pad-right", "string-trim", "string-trim-right", "string-trim-both", "string-replace", "string-prefix-length",
		"string-suffix-length", "string-prefix?", "string-suffix?", "string-index", "string-index-right", "string-skip",
		"string-skip-right", "string-contains", "string-concatenate", "string-concatenate-reverse", "string-join", "string-fold",
		"string-fold-right", "string-count", "string-filter"},
	Procs: []scheme.Proc{
		{Name: "string-contains-right", Spec: spec, LazyArgs: containsArgs, Fn: stringContainsRight, Doc: "The index in s1 of the last occurrence of s2, or #f."},
		{Name: "%srfi152-string-contains-right", Spec: spec, Sig: "(%srfi152-string-contains-right s1 s2 [start1 end1 start2 end2])", Doc: "The Scheme body of string-contains-right."},
		{Name: "string-take-while", Spec: spec, Sig: "(string-take-while s pred [start end])", Doc: "The longest prefix of s[start,end) whose characters satisfy pred."},
		{Name: "string-take-while-right", Spec: spec, Sig: "(string-take-while-right s pred [start end])", Doc: "The longest suffix of s[start,end) whose characters satisfy pred."},
		{Name: "string-drop-while", Spec: spec, Sig: "(string-drop-while s pred [start end])", Doc: "s[start,end) without its longest prefix whose characters satisfy pred."},
		{Name: "string-drop-while-right", Spec: spec, Sig: "(string-drop-while-right s pred [start end])", Doc: "s[start,end) without its longest suffix whose characters satisfy pred."},
		{Name: "string-span", Spec: spec, Sig: "(string-span s pred [start end])", Doc: "Two values: the longest prefix of s[start,end) whose characters satisfy pred, and the rest."},
		{Name: "string-break", Spec: spec, Sig: "(string-break s pred [start end])", Doc: "Two values: the longest prefix of s[start,end) whose characters fail pred, and the rest."},
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
