// SRFI-37 args-fold: the reference implementation in srfi37.scm.

// Package srfi37 is SRFI-37, (srfi 37), (srfi :37 args-fold) or srfi-37:
// args-fold, a program argument processor of POSIX and GNU style options
// (-a, -abc, -f file, -ffile, --name, --name=value, --name value, --).
package srfi37

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi37.scm
var source string

const spec = "srfi-37"

// Library is the (srfi 37) binding table; srfi37.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 37)", Doc: "SRFI-37: args-fold, a program argument processor.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi37.scm", source), Procs: []scheme.Proc{
		{Name: "args-fold", Spec: spec, Sig: "(args-fold args options unrecognized-option-proc operand-proc seed ...)",
			Doc: "Folds over the argument strings args: an option found in options calls its processor (option name arg seed ...), an unknown one unrecognized-option-proc the same way, an operand (operand-proc operand seed ...); each returns the new seeds, and args-fold returns the last ones as values."},
		{Name: "option", Spec: spec, Sig: "(option names required-arg? optional-arg? processor)",
			Doc: "An option: names a list of characters (short names) and strings (long names), whether it requires or may take an argument (not both), and its processor."},
		{Name: "option?", Spec: spec, Sig: "(option? obj)", Doc: "Is obj an option?"},
		{Name: "option-names", Spec: spec, Sig: "(option-names option)", Doc: "The names of option."},
		{Name: "option-required-arg?", Spec: spec, Sig: "(option-required-arg? option)", Doc: "Does option require an argument?"},
		{Name: "option-optional-arg?", Spec: spec, Sig: "(option-optional-arg? option)", Doc: "May option take an argument?"},
		{Name: "option-processor", Spec: spec, Sig: "(option-processor option)", Doc: "The processor of option."},
	}}
