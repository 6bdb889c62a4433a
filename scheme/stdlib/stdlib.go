// Package stdlib lists the libraries of the scheme/<lib> packages that make
// up tlsport's standard Scheme beyond the core: this list is the one place
// they are registered.
//
// A library package imports only the core package scheme and exports
// `var Library = &scheme.Library{…}`: one row per procedure, each naming
// its Go function by [scheme.GoName] and declaring its parameters (typed,
// with [scheme.Lambda], where the function relies on them); its test
// scripts live in its testdata directory. Adding it to [Libraries] makes it
// part of every interpreter made by [New]; adding it to [Importable]
// registers it there, its names bound only where it is imported.
package stdlib

import (
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickenbase"
	"github.com/tlsport/tlsport/scheme/chickenbitwise"
	"github.com/tlsport/tlsport/scheme/chickenblob"
	"github.com/tlsport/tlsport/scheme/chickencondition"
	"github.com/tlsport/tlsport/scheme/chickencontinuation"
	"github.com/tlsport/tlsport/scheme/chickencsi"
	"github.com/tlsport/tlsport/scheme/chickenerrno"
	"github.com/tlsport/tlsport/scheme/chickenfile"
	"github.com/tlsport/tlsport/scheme/chickenfileposix"
	"github.com/tlsport/tlsport/scheme/chickenfixnum"
	"github.com/tlsport/tlsport/scheme/chickenflonum"
	"github.com/tlsport/tlsport/scheme/chickenformat"
	"github.com/tlsport/tlsport/scheme/chickengc"
	"github.com/tlsport/tlsport/scheme/chickenio"
	"github.com/tlsport/tlsport/scheme/chickenkeyword"
	"github.com/tlsport/tlsport/scheme/chickenload"
	"github.com/tlsport/tlsport/scheme/chickenlocative"
	"github.com/tlsport/tlsport/scheme/chickenmemoryrepresentation"
	"github.com/tlsport/tlsport/scheme/chickenpathname"
	"github.com/tlsport/tlsport/scheme/chickenplatform"
	"github.com/tlsport/tlsport/scheme/chickenplist"
	"github.com/tlsport/tlsport/scheme/chickenport"
	"github.com/tlsport/tlsport/scheme/chickenprettyprint"
	"github.com/tlsport/tlsport/scheme/chickenprocess"
	"github.com/tlsport/tlsport/scheme/chickenprocesscontext"
	"github.com/tlsport/tlsport/scheme/chickenprocesscontextposix"
	"github.com/tlsport/tlsport/scheme/chickenprocesssignal"
	"github.com/tlsport/tlsport/scheme/chickenrandom"
	"github.com/tlsport/tlsport/scheme/chickenrepl"
	"github.com/tlsport/tlsport/scheme/chickensort"
	"github.com/tlsport/tlsport/scheme/chickenstring"
	"github.com/tlsport/tlsport/scheme/chickentime"
	"github.com/tlsport/tlsport/scheme/chickentimeposix"
	"github.com/tlsport/tlsport/scheme/irregex"
	"github.com/tlsport/tlsport/scheme/rnrs"
	"github.com/tlsport/tlsport/scheme/rnrsconditions"
	"github.com/tlsport/tlsport/scheme/rnrsio"
	"github.com/tlsport/tlsport/scheme/rnrsrecords"
	"github.com/tlsport/tlsport/scheme/sagittarius"
	"github.com/tlsport/tlsport/scheme/schemechar"
	"github.com/tlsport/tlsport/scheme/schemecomplex"
	"github.com/tlsport/tlsport/scheme/srfi1"
	"github.com/tlsport/tlsport/scheme/srfi111"
	"github.com/tlsport/tlsport/scheme/srfi112"
	"github.com/tlsport/tlsport/scheme/srfi115"
	"github.com/tlsport/tlsport/scheme/srfi117"
	"github.com/tlsport/tlsport/scheme/srfi124"
	"github.com/tlsport/tlsport/scheme/srfi126"
	"github.com/tlsport/tlsport/scheme/srfi127"
	"github.com/tlsport/tlsport/scheme/srfi128"
	"github.com/tlsport/tlsport/scheme/srfi129"
	"github.com/tlsport/tlsport/scheme/srfi13"
	"github.com/tlsport/tlsport/scheme/srfi130"
	"github.com/tlsport/tlsport/scheme/srfi132"
	"github.com/tlsport/tlsport/scheme/srfi133"
	"github.com/tlsport/tlsport/scheme/srfi14"
	"github.com/tlsport/tlsport/scheme/srfi141"
	"github.com/tlsport/tlsport/scheme/srfi143"
	"github.com/tlsport/tlsport/scheme/srfi145"
	"github.com/tlsport/tlsport/scheme/srfi151"
	"github.com/tlsport/tlsport/scheme/srfi152"
	"github.com/tlsport/tlsport/scheme/srfi156"
	"github.com/tlsport/tlsport/scheme/srfi158"
	"github.com/tlsport/tlsport/scheme/srfi175"
	"github.com/tlsport/tlsport/scheme/srfi19"
	"github.com/tlsport/tlsport/scheme/srfi193"
	"github.com/tlsport/tlsport/scheme/srfi2"
	"github.com/tlsport/tlsport/scheme/srfi219"
	"github.com/tlsport/tlsport/scheme/srfi230"
	"github.com/tlsport/tlsport/scheme/srfi25"
	"github.com/tlsport/tlsport/scheme/srfi26"
	"github.com/tlsport/tlsport/scheme/srfi27"
	"github.com/tlsport/tlsport/scheme/srfi35"
	"github.com/tlsport/tlsport/scheme/srfi37"
	"github.com/tlsport/tlsport/scheme/srfi38"
	"github.com/tlsport/tlsport/scheme/srfi4"
	"github.com/tlsport/tlsport/scheme/srfi41"
	"github.com/tlsport/tlsport/scheme/srfi42"
	"github.com/tlsport/tlsport/scheme/srfi43"
	"github.com/tlsport/tlsport/scheme/srfi45"
	"github.com/tlsport/tlsport/scheme/srfi48"
	"github.com/tlsport/tlsport/scheme/srfi61"
	"github.com/tlsport/tlsport/scheme/srfi64"
	"github.com/tlsport/tlsport/scheme/srfi69"
	"github.com/tlsport/tlsport/scheme/srfi78"
	"github.com/tlsport/tlsport/scheme/srfi99"
	"github.com/tlsport/tlsport/scheme/srficore"
)

// Libraries returns the standard libraries in registration order. The
// R6RS and Sagittarius ones and SRFI-64 are ImportOnly: registered, but
// their names are bound only when imported, since they would otherwise
// replace CHICKEN's of the same names (remove, error, test-group …).
func Libraries() []*scheme.Library {
	libs := []*scheme.Library{schemechar.Library, schemecomplex.Library, chickenbase.Library, chickencondition.Library, chickenformat.Library, chickenstring.Library, srfi69.Library,
		srfi1.Library, srfi2.Library, srfi4.Library, srfi13.Library, srfi14.Library, srfi19.Library, srfi26.Library, srfi27.Library, srfi111.Library, srfi141.Library, srfi130.Library, srfi133.Library,
		irregex.Library, chickenio.Library, chickenport.Library, chickenprettyprint.Library, chickentime.Library, chickenprocesscontext.Library,
		chickenbitwise.Library, chickenfixnum.Library, chickenflonum.Library, chickensort.Library, chickenrandom.Library, chickenpathname.Library,
		chickenfile.Library, chickenprocess.Library, chickenblob.Library, chickenkeyword.Library, chickenprocesssignal.Library,
		chickentimeposix.Library, chickenprocesscontextposix.Library, chickenerrno.Library, chickenfileposix.Library}
	libs = append(libs, srficore.Libraries...)
	libs = append(libs, rnrsio.Libraries()...)
	libs = append(libs, rnrs.Libraries()...)
	libs = append(libs, rnrsrecords.Libraries()...)
	libs = append(libs, rnrsconditions.Libraries()...)
	libs = append(libs, sagittarius.Libraries()...)
	libs = append(libs, chickengc.Library)
	libs = append(libs, chickenplist.Library, chickenplatform.Library, chickenrepl.Library, chickenload.Library, chickenlocative.Library, chickencsi.Library)
	libs = append(libs, chickencontinuation.Library)
	libs = append(libs, chickenmemoryrepresentation.Library)
	libs = append(libs, srfi152.Library, srfi126.Library, srfi25.Library, srfi99.Library)
	return append(libs, rnrsComposite, srfi64.Library, srfi42.Library, srfi43.Library, srfi151.Library, srfi151.SRFI60, srfi37.Library, srfi117.Library, srfi128.Library, srfi61.Library, srfi145.Library, srfi45.Library, srfi156.Library, srfi158.Library, srfi41.Library, srfi69.SRFI125, srfi38.Library, srfi78.Library, srfi127.Library, srfi132.Library, srfi193.Library, srfi219.Library, srfi115.Library, srfi112.Library, srfi124.Library, srfi230.Library,
		srfi48.Library, srfi35.Library, srfi143.Library, srfi175.Library, srfi129.Library)
}

// rnrsComposite is (rnrs), R6RS's composite library (r6rs-lib §15): the
// rows of its parts, put together when it is first imported.
var rnrsComposite = &scheme.Library{Name: "(rnrs)", Doc: "R6RS composite library (r6rs-lib §15): every (rnrs …) library but (rnrs eval), (rnrs mutable-pairs), (rnrs mutable-strings) and (rnrs r5rs).",
	TypeKinds: []string{"assertion"}, ImportOnly: true, Build: buildRnrs}

func buildRnrs(l *scheme.Library) {
	parts := append(append(append(rnrsio.Libraries(), rnrs.Composite()...), rnrsrecords.Libraries()...), rnrsconditions.Libraries()...)
	n := 0
	for _, part := range parts {
		n += len(part.Ready().Procs)
	}
	l.Procs = make([]scheme.Proc, 0, n)
	seen := make(map[string]bool, n)
	for _, part := range parts {
		for _, p := range part.Procs {
			if !seen[p.Name] {
				seen[p.Name] = true
				l.Procs = append(l.Procs, p)
			}
		}
		l.Values = append(l.Values, part.Values...)
		l.Reexports = append(l.Reexports, part.Reexports...)
	}
	l.Reexports = append(l.Reexports, "syntax-case", "syntax", "quasisyntax", "unsyntax", "unsyntax-splicing", "with-syntax",
		"identifier?", "bound-identifier=?", "free-identifier=?", "datum->syntax", "syntax->datum", "generate-temporaries",
		"syntax-violation", "make-variable-transformer", "...", "_")
}

// New returns an interpreter with the core and the standard libraries
// registered (and, but for the ImportOnly ones, defined globally); opts
// apply as for [scheme.New].
func New(opts ...scheme.Option) *scheme.Interp {
	return scheme.New(append([]scheme.Option{scheme.WithLibraries(Libraries()...)}, opts...)...)
}
