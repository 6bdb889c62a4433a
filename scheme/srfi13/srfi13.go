// SRFI-13 string library: the rows of (srfi 13), over the core's strings
// and srfi13.scm.

// Package srfi13 is the SRFI-13 string library, (srfi 13) or srfi-13: the
// core's string procedures re-exported, the rest written in Scheme in
// srfi13.scm. Its char/char-set/pred arguments take the char-sets of
// package srfi14.
package srfi13

import (
	_ "embed"
	"unicode"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi13.scm
var source string

const spec = "srfi-13"

// Library is the (srfi 13) binding table. Its rows have no Fn: each is a
// core procedure or one srfi13.scm defines.
var Library = &scheme.Library{Name: "(srfi 13)", Doc: "SRFI-13: string library.", Source: scheme.LibrarySource("srfi13.scm", source), Procs: []scheme.Proc{
	{Name: "string-null?", Spec: spec, Sig: "(string-null? s)", Doc: "Is s the empty string?"},
	{Name: "string-every", Spec: spec, Sig: "(string-every char/char-set/pred s [start end])", Doc: "#f if some character of s fails the test, else the last test's value (#t for none)."},
	{Name: "string-any", Spec: spec, Sig: "(string-any char/char-set/pred s [start end])", Doc: "The first true value of the test on the characters of s, or #f."},
	{Name: "string-tabulate", Spec: spec, Sig: "(string-tabulate proc len)", Doc: "The string of (proc 0) ... (proc len-1)."},
	{Name: "reverse-list->string", Spec: spec, Replaces: true, Sig: "(reverse-list->string char-list)", Doc: "The string of the characters of char-list in reverse order."},
	{Name: "string-join", Spec: spec, Sig: "(string-join string-list [delimiter grammar])", Doc: "The strings joined by delimiter (default \" \"); grammar infix (default), strict-infix (error for no strings), prefix or suffix."},
	{Name: "substring/shared", Spec: spec, Sig: "(substring/shared s start [end])", Doc: "The substring of s from start to end (default its length)."},
	{Name: "string-take", Spec: spec, Sig: "(string-take s nchars)", Doc: "The first nchars characters of s."},
	{Name: "string-drop", Spec: spec, Sig: "(string-drop s nchars)", Doc: "s without its first nchars characters."},
	{Name: "string-take-right", Spec: spec, Sig: "(string-take-right s nchars)", Doc: "The last nchars characters of s."},
	{Name: "string-drop-right", Spec: spec, Sig: "(string-drop-right s nchars)", Doc: "s without its last nchars characters."},
	{Name: "string-pad", Spec: spec, Replaces: true, Sig: "(string-pad s len [char start end])", Doc: "s padded on the left with char (default space), or truncated on the left, to length len."},
	{Name: "string-pad-right", Spec: spec, Replaces: true, Sig: "(string-pad-right s len [char start end])", Doc: "s padded on the right with char (default space), or truncated on the right, to length len."},
	{Name: "string-trim", Spec: spec, Sig: "(string-trim s [char/char-set/pred start end])", Doc: "s without the leading characters passing the test (default whitespace)."},
	{Name: "string-trim-right", Spec: spec, Sig: "(string-trim-right s [char/char-set/pred start end])", Doc: "s without the trailing characters passing the test (default whitespace)."},
	{Name: "string-trim-both", Spec: spec, Sig: "(string-trim-both s [char/char-set/pred start end])", Doc: "s without the leading and trailing characters passing the test (default whitespace)."},
	{Name: "string-compare", Spec: spec, Sig: "(string-compare s1 s2 proc< proc= proc> [start1 end1 start2 end2])", Doc: "Applies proc<, proc= or proc> to the mismatch index in s1, as s1 is less than, equal to or greater than s2."},
	{Name: "string-compare-ci", Spec: spec, Sig: "(string-compare-ci s1 s2 proc< proc= proc> [start1 end1 start2 end2])", Doc: "string-compare ignoring case."},
	{Name: "string=", Spec: spec, Sig: "(string= s1 s2 [start1 end1 start2 end2])", Doc: "Are the (sub)strings equal?"},
	{Name: "string<>", Spec: spec, Sig: "(string<> s1 s2 [start1 end1 start2 end2])", Doc: "Are the (sub)strings different?"},
	{Name: "string<", Spec: spec, Sig: "(string< s1 s2 [start1 end1 start2 end2])", Doc: "Is s1 lexicographically less than s2?"},
	{Name: "string>", Spec: spec, Sig: "(string> s1 s2 [start1 end1 start2 end2])", Doc: "Is s1 lexicographically greater than s2?"},
	{Name: "string<=", Spec: spec, Sig: "(string<= s1 s2 [start1 end1 start2 end2])", Doc: "Is s1 lexicographically less than or equal to s2?"},
	{Name: "string>=", Spec: spec, Sig: "(string>= s1 s2 [start1 end1 start2 end2])", Doc: "Is s1 lexicographically greater than or equal to s2?"},
	{Name: "string-ci=", Spec: spec, Sig: "(string-ci= s1 s2 [start1 end1 start2 end2])", Doc: "string= ignoring case."},
	{Name: "string-ci<>", Spec: spec, Sig: "(string-ci<> s1 s2 [start1 end1 start2 end2])", Doc: "string<> ignoring case."},
	{Name: "string-ci<", Spec: spec, Sig: "(string-ci< s1 s2 [start1 end1 start2 end2])", Doc: "string< ignoring case."},
	{Name: "string-ci>", Spec: spec, Sig: "(string-ci> s1 s2 [start1 end1 start2 end2])", Doc: "string> ignoring case."},
	{Name: "string-ci<=", Spec: spec, Sig: "(string-ci<= s1 s2 [start1 end1 start2 end2])", Doc: "string<= ignoring case."},
	{Name: "string-ci>=", Spec: spec, Sig: "(string-ci>= s1 s2 [start1 end1 start2 end2])", Doc: "string>= ignoring case."},
	{Name: "string-hash", Spec: spec, Sig: "(string-hash s [bound start end])", Doc: "A hash of the (sub)string in [0, bound); equal strings hash equally."},
	{Name: "string-hash-ci", Spec: spec, Sig: "(string-hash-ci s [bound start end])", Doc: "string-hash ignoring case."},
	{Name: "string-prefix-length", Spec: spec, Sig: "(string-prefix-length s1 s2 [start1 end1 start2 end2])", Doc: "The length of the longest common prefix."},
	{Name: "string-suffix-length", Spec: spec, Sig: "(string-suffix-length s1 s2 [start1 end1 start2 end2])", Doc: "The length of the longest common suffix."},
	{Name: "string-prefix-length-ci", Spec: spec, Sig: "(string-prefix-length-ci s1 s2 [start1 end1 start2 end2])", Doc: "string-prefix-length ignoring case."},
	{Name: "string-suffix-length-ci", Spec: spec, Sig: "(string-suffix-length-ci s1 s2 [start1 end1 start2 end2])", Doc: "string-suffix-length ignoring case."},
	{Name: "string-prefix?", Spec: spec, Sig: "(string-prefix? s1 s2 [start1 end1 start2 end2])", Doc: "Is s1 a prefix of s2?"},
	{Name: "string-suffix?", Spec: spec, Sig: "(string-suffix? s1 s2 [start1 end1 start2 end2])", Doc: "Is s1 a suffix of s2?"},
	{Name: "string-prefix-ci?", Spec: spec, Sig: "(string-prefix-ci? s1 s2 [start1 end1 start2 end2])", Doc: "string-prefix? ignoring case."},
	{Name: "string-suffix-ci?", Spec: spec, Sig: "(string-suffix-ci? s1 s2 [start1 end1 start2 end2])", Doc: "string-suffix? ignoring case."},
	{Name: "string-index", Spec: spec, Sig: "(string-index s char/char-set/pred [start end])", Doc: "The index of the first character passing the test, or #f."},
	{Name: "string-index-right", Spec: spec, Sig: "(string-index-right s char/char-set/pred [start end])", Doc: "The index of the last character passing the test, or #f."},
	{Name: "string-skip", Spec: spec, Sig: "(string-skip s char/char-set/pred [start end])", Doc: "The index of the first character failing the test, or #f."},
	{Name: "string-skip-right", Spec: spec, Sig: "(string-skip-right s char/char-set/pred [start end])", Doc: "The index of the last character failing the test, or #f."},
	{Name: "string-count", Spec: spec, Sig: "(string-count s char/char-set/pred [start end])", Doc: "The number of characters passing the test."},
	{Name: "string-contains", Spec: spec, Sig: "(string-contains s1 s2 [start1 end1 start2 end2])", Doc: "The index in s1 where s2 occurs, or #f."},
	{Name: "string-contains-ci", Spec: spec, Sig: "(string-contains-ci s1 s2 [start1 end1 start2 end2])", Doc: "string-contains ignoring case."},
	{Name: "string-titlecase", Spec: spec, Sig: "(string-titlecase s [start end])", Doc: "The (sub)string with each character after a cased one downcased and the others titlecased."},
	{Name: "string-titlecase!", Spec: spec, Sig: "(string-titlecase! s [start end])", Doc: "string-titlecase in place."},
	{Name: "string-upcase", Spec: spec, LazyArgs: caseArgs, OnImport: true, Fn: stringUpcase,
		Doc: "The (sub)string upcased character by character, with the 1-1 mappings of char-upcase (\"straße\" stays \"STRAßE\"); bound by an import of (srfi 13), the core's string-upcase uses the full ones."},
	{Name: "string-downcase", Spec: spec, LazyArgs: caseArgs, OnImport: true, Fn: stringDowncase,
		Doc: "The (sub)string downcased character by character, with the 1-1 mappings of char-downcase (no final sigma); bound by an import of (srfi 13), the core's string-downcase uses the full ones."},
	{Name: "string-upcase!", Spec: spec, Sig: "(string-upcase! s [start end])", Doc: "Upcases the (sub)string in place."},
	{Name: "string-downcase!", Spec: spec, Sig: "(string-downcase! s [start end])", Doc: "Downcases the (sub)string in place."},
	{Name: "string-reverse", Spec: spec, Sig: "(string-reverse s [start end])", Doc: "The (sub)string reversed."},
	{Name: "string-reverse!", Spec: spec, Sig: "(string-reverse! s [start end])", Doc: "Reverses the (sub)string in place."},
	{Name: "string-concatenate", Spec: spec, Sig: "(string-concatenate string-list)", Doc: "The strings of string-list appended."},
	{Name: "string-concatenate/shared", Spec: spec, Sig: "(string-concatenate/shared string-list)", Doc: "string-concatenate (may share storage)."},
	{Name: "string-append/shared", Spec: spec, Sig: "(string-append/shared s1 ...)", Doc: "string-append (may share storage)."},
	{Name: "string-concatenate-reverse", Spec: spec, Sig: "(string-concatenate-reverse string-list [final-string end])", Doc: "(string-concatenate (reverse (cons (substring final-string 0 end) string-list)))."},
	{Name: "string-concatenate-reverse/shared", Spec: spec, Sig: "(string-concatenate-reverse/shared string-list [final-string end])", Doc: "string-concatenate-reverse (may share storage)."},
	{Name: "string-map", Spec: spec, Sig: "(string-map proc s [start end])", Doc: "The string of (proc c) over the (sub)string's characters; also R7RS's (string-map proc s1 s2 ...)."},
	{Name: "string-map!", Spec: spec, Sig: "(string-map! proc s [start end])", Doc: "Replaces each character c of the (sub)string with (proc c)."},
	{Name: "string-fold", Spec: spec, Sig: "(string-fold kons knil s [start end])", Doc: "Left fold over the characters: (kons c acc)."},
	{Name: "string-fold-right", Spec: spec, Sig: "(string-fold-right kons knil s [start end])", Doc: "Right fold over the characters."},
	{Name: "string-unfold", Spec: spec, Sig: "(string-unfold p f g seed [base make-final])", Doc: "base, then (f seed) for the seeds seed, (g seed) ... until (p seed), then (make-final seed)."},
	{Name: "string-unfold-right", Spec: spec, Sig: "(string-unfold-right p f g seed [base make-final])", Doc: "string-unfold assembling the characters right to left before base."},
	{Name: "string-for-each", Spec: spec, Sig: "(string-for-each proc s [start end])", Doc: "Applies proc to the (sub)string's characters from left to right; also R7RS's (string-for-each proc s1 s2 ...)."},
	{Name: "string-for-each-index", Spec: spec, Sig: "(string-for-each-index proc s [start end])", Doc: "Applies proc to each index of the (sub)string, in order."},
	{Name: "xsubstring", Spec: spec, Sig: "(xsubstring s from [to start end])", Doc: "The characters from index from to to of the (sub)string replicated in both directions."},
	{Name: "string-xcopy!", Spec: spec, Sig: "(string-xcopy! target tstart s sfrom [sto start end])", Doc: "Copies (xsubstring s sfrom sto start end) into target at tstart."},
	{Name: "string-replace", Spec: spec, Sig: "(string-replace s1 s2 start1 end1 [start2 end2])", Doc: "s1 with the characters from start1 to end1 replaced by those of s2 from start2 to end2."},
	{Name: "string-tokenize", Spec: spec, Sig: "(string-tokenize s [token-set start end])", Doc: "The maximal runs of characters in token-set (default char-set:graphic)."},
	{Name: "string-filter", Spec: spec, Sig: "(string-filter char/char-set/pred s [start end])", Doc: "The characters of s passing the test."},
	{Name: "string-delete", Spec: spec, Sig: "(string-delete char/char-set/pred s [start end])", Doc: "The characters of s failing the test."},
	{Name: "string-parse-start+end", Spec: spec, Sig: "(string-parse-start+end proc s args)", Doc: "Three values: the rest of args after the optional start and end, and start and end (default 0 and the length of s), checked."},
	{Name: "string-parse-final-start+end", Spec: spec, Sig: "(string-parse-final-start+end proc s args)", Doc: "Two values: start and end from args (at most two), checked."},
	{Name: "let-string-start+end", Spec: spec, Sig: "syntax (let-string-start+end (start end [rest]) proc-exp s-exp args-exp body ...)", Doc: "Binds start, end (and rest) as string-parse-start+end (string-parse-final-start+end without rest) returns them."},
	{Name: "check-substring-spec", Spec: spec, Sig: "(check-substring-spec proc s start end)", Doc: "Raises an error naming proc unless 0 <= start <= end <= (string-length s)."},
	{Name: "substring-spec-ok?", Spec: spec, Sig: "(substring-spec-ok? s start end)", Doc: "Is 0 <= start <= end <= (string-length s)?"},
	{Name: "make-kmp-restart-vector", Spec: spec, Sig: "(make-kmp-restart-vector s [c= start end])", Doc: "The Knuth-Morris-Pratt restart vector of the (sub)string, for the character equality c= (default char=?)."},
	{Name: "kmp-step", Spec: spec, Sig: "(kmp-step pat rv c i c= p-start)", Doc: "The number of pattern characters matched after c, having matched i."},
	{Name: "string-kmp-partial-search", Spec: spec, Sig: "(string-kmp-partial-search pat rv s i [c= p-start s-start s-end])", Doc: "KMP search of s from state i: -j when the match ends at j, else the state at the end."},
}}

// caseArgs are string-upcase's and string-downcase's parameters.
func caseArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("s", scheme.TypeString), scheme.Opt("start", scheme.TypeIndex, nil), scheme.Opt("end", scheme.TypeIndex, nil))
}

// stringUpcase implements SRFI-13's string-upcase.
func stringUpcase(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return mapCase(a, unicode.ToUpper)
}

// stringDowncase implements SRFI-13's string-downcase.
func stringDowncase(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return mapCase(a, unicode.ToLower)
}

// mapCase maps the (sub)string a[0] [a[1] a[2]] with f: SRFI-13 maps case
// "1-1, locale- and context-independent", character by character.
func mapCase(a []scheme.Value, f func(rune) rune) (scheme.Value, error) {
	s := a[0].(*scheme.String)
	start, end, err := scheme.ArgRange(s.Len(), a, 1)
	if err != nil {
		return nil, err
	}
	r := make([]rune, 0, end-start)
	for i := start; i < end; i++ {
		r = append(r, f(s.Ref(i)))
	}
	return scheme.NewStringRunes(r), nil
}
