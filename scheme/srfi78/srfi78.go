// SRFI-78 lightweight testing: the reference implementation in srfi78.scm.

// Package srfi78 is SRFI-78, (srfi 78), (srfi :78 lightweight-testing) or
// srfi-78: check and check-ec, which report each check (by default) and
// count the passed and failed ones for check-report and check-passed?.
package srfi78

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi78.scm
var source string

const spec = "srfi-78"

// Library is the (srfi 78) binding table; srfi78.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 78)", Doc: "SRFI-78: lightweight testing.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi78.scm", source), Procs: []scheme.Proc{
		{Name: "check", Spec: spec, Sig: "syntax (check expr [=> | (=> equal)] expected)",
			Doc: "Evaluates expr and compares its value with expected by equal (equal?), counting and (by the mode) reporting the result on the current output port."},
		{Name: "check-ec", Spec: spec, Sig: "syntax (check-ec qualifier ... expr (=> equal) expected [(arg ...)])",
			Doc: "check for every binding of SRFI-42 qualifiers, stopping at the first failure, which reports the args' values."},
		{Name: "check-report", Spec: spec, Sig: "(check-report)", Doc: "Prints the number of passed and failed checks, and the first failure."},
		{Name: "check-set-mode!", Spec: spec, Sig: "(check-set-mode! mode)",
			Doc: "What checks do: off (nothing), summary (count only), report-failed (report failures) or report (report every check, the default)."},
		{Name: "check-reset!", Spec: spec, Sig: "(check-reset!)", Doc: "Forgets the checks counted so far."},
		{Name: "check-passed?", Spec: spec, Sig: "(check-passed? expected-total-count)", Doc: "Did every check pass, and were there expected-total-count of them?"},
	}}
