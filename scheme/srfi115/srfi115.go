// SRFI-115 regular expressions, written in srfi115.scm over the core's irregex.

// Package srfi115 is SRFI-115, (srfi 115) or (srfi :115 regex): regular
// expressions written as SREs (or strings in irregex's syntax), compiled
// and matched by the core's irregex. SRFI-115's (-> name sre ...) is
// irregex's (=> name sre ...) and (word sre ...) is (: bow sre ... eow);
// regexp->sre is not provided (an irregex keeps no SRE).
package srfi115

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi115.scm
var source string

const spec = "srfi-115"

// row is the row of the procedure of srfi115.scm whose call is sig.
func row(sig, doc string) scheme.Proc {
	name, _ := scheme.ParseSig(sig)
	return scheme.Proc{Name: name, Spec: spec, Sig: sig, Doc: doc}
}

// Library is the (srfi 115) binding table; srfi115.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 115)", Doc: "SRFI-115: regular expressions (SREs), over the core's irregex.", ImportOnly: true,
	// the rows are built when the library is first imported (Build), not
	// at every start
	Source: scheme.LibrarySource("srfi115.scm", source), Build: func(l *scheme.Library) { l.Procs = procs() }}

// procs returns the rows of (srfi 115).
func procs() []scheme.Proc {
	return []scheme.Proc{
		row("(regexp re)", "The compiled regexp of re: an SRE, a string in irregex's (PCRE-like) syntax, or a regexp (returned as it is)."),
		{Name: "rx", Spec: spec, Sig: "syntax (rx sre ...)", Doc: "(regexp `(: sre ...)): the SREs, quasiquoted, in sequence."},
		row("(regexp? obj)", "Is obj a compiled regexp?"),
		row("(valid-sre? obj)", "Is obj an SRE regexp compiles?"),
		row("(char-set->sre char-set)", "An SRE matching one character of char-set."),
		row("(regexp-matches re str [start end])", "The match of re against the whole of str (from start to end), or #f."),
		row("(regexp-matches? re str [start end])", "Does re match the whole of str (from start to end)?"),
		row("(regexp-search re str [start end])", "The first match of re in str (from start to end), or #f."),
		row("(regexp-fold re kons knil str [finish start end])", "Folds (kons i match str acc) over the matches of re in str, i where the text before each match begins, from knil; then (finish i #f str acc) (default: acc)."),
		row("(regexp-extract re str [start end])", "The list of the non-empty matches of re in str."),
		row("(regexp-split re str [start end])", "The list of the (possibly empty) parts of str between the non-empty matches of re."),
		row("(regexp-partition re str [start end])", "The list of the parts of str between the matches of re and the matches, alternating, beginning with a part (\"\" when str begins with a match)."),
		row("(regexp-replace re str subst [start end count])", "str (from start to end) with its count-th match of re (default the first, 0) replaced by subst: a string, a submatch index or name, pre, post, or a list of those."),
		row("(regexp-replace-all re str subst [start end])", "str (from start to end) with every match of re replaced by subst (as regexp-replace's)."),
		row("(regexp-match? obj)", "Is obj a match (regexp-matches and regexp-search return them)?"),
		row("(regexp-match-count match)", "The number of submatches of the regexp (not counting the whole match)."),
		row("(regexp-match-submatch match field)", "The text of submatch field (an index, 0 the whole match, or a name), or #f when it did not match."),
		row("(regexp-match-submatch-start match field)", "The start index of submatch field, or #f when it did not match."),
		row("(regexp-match-submatch-end match field)", "The end index of submatch field, or #f when it did not match."),
		row("(regexp-match->list match)", "The list of the texts of the whole match and each submatch (#f for those that did not match)."),
	}
}
