// SRFI-38 external representation for data with shared structure: over
// R7RS's write-shared and read, in srfi38.scm.

// Package srfi38 is SRFI-38, (srfi 38), (srfi :38 with-shared-structure)
// or srfi-38: writing data with shared or circular structure with datum
// labels (#0=(a . #0#)) and reading it back.
package srfi38

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi38.scm
var source string

const spec = "srfi-38"

// Library is the (srfi 38) binding table; srfi38.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 38)", Doc: "SRFI-38: external representation for data with shared structure.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi38.scm", source), Procs: []scheme.Proc{
		{Name: "write-with-shared-structure", Spec: spec, Sig: "(write-with-shared-structure obj [port [optarg]])",
			Doc: "Writes obj to port (the current output port) with a datum label for each pair, vector or string it reaches more than once, as R7RS's write-shared; optarg is ignored."},
		{Name: "write/ss", Spec: spec, Sig: "(write/ss obj [port [optarg]])", Doc: "write-with-shared-structure."},
		{Name: "read-with-shared-structure", Spec: spec, Sig: "(read-with-shared-structure [port])",
			Doc: "Reads a datum from port (the current input port), datum labels making shared and circular structure, as read does."},
		{Name: "read/ss", Spec: spec, Sig: "(read/ss [port])", Doc: "read-with-shared-structure."},
	}}
