// SRFI-48 intermediate format strings: the reference implementation in
// srfi48.scm.

// Package srfi48 is SRFI-48, (srfi 48), (srfi :48 intermediate-format-strings)
// or srfi-48: format with ~a ~s ~w ~d ~x ~o ~b ~c ~y ~? ~k ~h, ~% ~& ~~ ~t
// ~_ and fixed-point ~w,dF. The library is ImportOnly: its format replaces
// CHICKEN's (chicken format) format only where a program imports it.
package srfi48

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi48.scm
var source string

// Library is the (srfi 48) binding table. format is a Go row calling
// srfi48.scm's %srfi48-format, so that an import rebinds it even where
// (chicken format) was imported before.
var Library = &scheme.Library{Name: "(srfi 48)", Doc: "SRFI-48: intermediate format strings.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi48.scm", source), Procs: []scheme.Proc{
		{Name: "format", Spec: "srfi-48", Args: scheme.Params{Required: []string{"port-or-format-string"}, Rest: "arg", Spread: true},
			Fn:  format,
			Doc: "(format [port] format-string arg ...) formats the args by format-string's directives: ~a display, ~s write, ~w write with shared structure, ~d ~x ~o ~b a number in radix 10, 16, 8, 2, ~c a character, ~y pretty-print, ~? and ~k a format string and its argument list, ~h the directives' help, ~% newline, ~& fresh line, ~~ tilde, ~t tab, ~_ space, ~F and ~w,dF a number or string in width w with d digits after the point. port #f or absent returns the string; #t writes to the current output port; an output port is written to. Too few or unused arguments are assertion violations."},
		{Name: "%srfi48-format", Spec: "srfi-48", Sig: "(%srfi48-format [port] format-string arg ...)", Doc: "The Scheme body of format."},
	}}

func format(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "format", "%srfi48-format", a)
}
