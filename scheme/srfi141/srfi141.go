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

// Library is the (srfi 141) binding table. floor/ and truncate/ and their
// quotients and remainders are R7RS's; the others are in srfi141.scm. The
// rows are literals, static data rather than built at every start.
var Library = &scheme.Library{Name: "(srfi 141)", Doc: "SRFI-141: integer division.", Source: scheme.LibrarySource("srfi141.scm", source),
	Reexports: []string{"floor/", "floor-quotient", "floor-remainder", "truncate/", "truncate-quotient", "truncate-remainder"},
	Procs: []scheme.Proc{
		{Name: "ceiling/", Spec: spec, Sig: "(ceiling/ n d)", Doc: "Two values q and r with n = d·q + r, q the ceiling of n/d; n and d integers, d not zero."},
		{Name: "ceiling-quotient", Spec: spec, Sig: "(ceiling-quotient n d)", Doc: "The quotient q of ceiling/."},
		{Name: "ceiling-remainder", Spec: spec, Sig: "(ceiling-remainder n d)", Doc: "The remainder r of ceiling/."},
		{Name: "round/", Spec: spec, Sig: "(round/ n d)", Doc: "Two values q and r with n = d·q + r, q n/d rounded to the nearest integer, ties to even; n and d integers, d not zero."},
		{Name: "round-quotient", Spec: spec, Sig: "(round-quotient n d)", Doc: "The quotient q of round/."},
		{Name: "round-remainder", Spec: spec, Sig: "(round-remainder n d)", Doc: "The remainder r of round/."},
		{Name: "euclidean/", Spec: spec, Sig: "(euclidean/ n d)", Doc: "Two values q and r with n = d·q + r, q chosen so that 0 ≤ r < |d|; n and d integers, d not zero."},
		{Name: "euclidean-quotient", Spec: spec, Sig: "(euclidean-quotient n d)", Doc: "The quotient q of euclidean/."},
		{Name: "euclidean-remainder", Spec: spec, Sig: "(euclidean-remainder n d)", Doc: "The remainder r of euclidean/."},
		{Name: "balanced/", Spec: spec, Sig: "(balanced/ n d)", Doc: "Two values q and r with n = d·q + r, q chosen so that -|d|/2 ≤ r < |d|/2; n and d integers, d not zero."},
		{Name: "balanced-quotient", Spec: spec, Sig: "(balanced-quotient n d)", Doc: "The quotient q of balanced/."},
		{Name: "balanced-remainder", Spec: spec, Sig: "(balanced-remainder n d)", Doc: "The remainder r of balanced/."},
	}}
