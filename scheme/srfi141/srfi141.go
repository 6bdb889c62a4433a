// SRFI-141 integer division, written in Scheme in srfi141.scm.

// Package srfi141 is SRFI-141, (srfi 141) or (srfi :141 integer-division):
// the six integer divisions (floor, truncate, ceiling, round, euclidean,
// balanced), each as a two-value operator and its quotient and remainder.
package srfi141

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi141.scm
var source string

const spec = "srfi-141"

// division returns the three rows of one division: name/, name-quotient
// and name-remainder; how says which quotient it takes.
func division(name, how string) []scheme.Proc {
	return []scheme.Proc{
		{Name: name + "/", Spec: spec, Sig: "(" + name + "/ n d)", Doc: "Two values q and r with n = d·q + r, q " + how + "; n and d integers, d not zero."},
		{Name: name + "-quotient", Spec: spec, Sig: "(" + name + "-quotient n d)", Doc: "The quotient q of " + name + "/."},
		{Name: name + "-remainder", Spec: spec, Sig: "(" + name + "-remainder n d)", Doc: "The remainder r of " + name + "/."},
	}
}

// Library is the (srfi 141) binding table. floor/ and truncate/ and their
// quotients and remainders are R7RS's; the others are in srfi141.scm.
var Library = &scheme.Library{Name: "(srfi 141)", Doc: "SRFI-141: integer division.", Source: scheme.LibrarySource("srfi141.scm", source),
	Reexports: []string{"floor/", "floor-quotient", "floor-remainder", "truncate/", "truncate-quotient", "truncate-remainder"},
	Procs: concat(division("ceiling", "the ceiling of n/d"), division("round", "n/d rounded to the nearest integer, ties to even"),
		division("euclidean", "chosen so that 0 ≤ r < |d|"), division("balanced", "chosen so that -|d|/2 ≤ r < |d|/2"))}

func concat(rows ...[]scheme.Proc) []scheme.Proc {
	var out []scheme.Proc
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}
