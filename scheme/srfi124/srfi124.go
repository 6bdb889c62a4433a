// SRFI-124 ephemerons, written in srfi124.scm.

// Package srfi124 is SRFI-124, (srfi 124) or (srfi :124 ephemerons):
// ephemerons as the SRFI allows an implementation without them to make
// them, holding key and datum strongly, so ephemeron-broken? is always #f.
package srfi124

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi124.scm
var source string

const spec = "srfi-124"

// Library is the (srfi 124) binding table; srfi124.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 124)", Doc: "SRFI-124: ephemerons (strong: never broken).", ImportOnly: true,
	Source: scheme.LibrarySource("srfi124.scm", source), Procs: []scheme.Proc{
		{Name: "make-ephemeron", Spec: spec, Sig: "(make-ephemeron key datum)", Doc: "An ephemeron of key and datum (both held strongly here)."},
		{Name: "ephemeron?", Spec: spec, Sig: "(ephemeron? obj)", Doc: "Is obj an ephemeron?"},
		{Name: "ephemeron-broken?", Spec: spec, Sig: "(ephemeron-broken? ephemeron)", Doc: "Was the ephemeron's key collected? Always #f: its key is held strongly."},
		{Name: "ephemeron-key", Spec: spec, Sig: "(ephemeron-key ephemeron)", Doc: "The ephemeron's key."},
		{Name: "ephemeron-datum", Spec: spec, Sig: "(ephemeron-datum ephemeron)", Doc: "The ephemeron's datum."},
		{Name: "reference-barrier", Spec: spec, Sig: "(reference-barrier key)", Doc: "Keeps key alive until this call (unspecified value)."},
	}}
