// SRFI-129 titlecase procedures: the reference implementation in
// srfi129.scm.

// Package srfi129 is SRFI-129, (srfi 129), (srfi :129 titlecase) or
// srfi-129: char-title-case?, char-titlecase and string-titlecase, which
// upcases (to titlecase) the first character of each word and downcases
// the others, a word starting after any caseless character. The library
// is ImportOnly: its string-titlecase replaces SRFI-13's (which takes
// start and end, and starts words after non-letters) only where imported.
package srfi129

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi129.scm
var source string

const spec = "srfi-129"

// Library is the (srfi 129) binding table. string-titlecase is a Go row
// calling srfi129.scm's %srfi129-string-titlecase, so that an import
// rebinds it even where (srfi 13) was imported before.
var Library = &scheme.Library{Name: "(srfi 129)", Doc: "SRFI-129: titlecase procedures.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi129.scm", source), Procs: []scheme.Proc{
		{Name: "char-title-case?", Spec: spec, Sig: "(char-title-case? char)", Doc: "Is char a titlecase letter (such as U+01C5, Dž)?"},
		{Name: "char-titlecase", Spec: spec, Sig: "(char-titlecase char)", Doc: "The single-character titlecase mapping of char: its upper case unless Unicode gives a titlecase form of its own."},
		{Name: "string-titlecase", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string", scheme.TypeString)) },
			Fn:  stringTitlecase,
			Doc: "A new string: string with the first character of each word titlecased (as a string: ß gives Ss, ﬁ gives Fi) and the others downcased, a word starting at the start or after a caseless character."},
		{Name: "%srfi129-string-titlecase", Spec: spec, Sig: "(%srfi129-string-titlecase string)", Doc: "The Scheme body of string-titlecase."},
	}}

func stringTitlecase(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "string-titlecase", "%srfi129-string-titlecase", a)
}
