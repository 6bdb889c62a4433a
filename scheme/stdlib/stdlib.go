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
	"github.com/tlsport/tlsport/scheme/chickencondition"
	"github.com/tlsport/tlsport/scheme/chickenformat"
	"github.com/tlsport/tlsport/scheme/chickenstring"
	"github.com/tlsport/tlsport/scheme/rnrs"
	"github.com/tlsport/tlsport/scheme/rnrsconditions"
	"github.com/tlsport/tlsport/scheme/rnrsio"
	"github.com/tlsport/tlsport/scheme/rnrsrecords"
	"github.com/tlsport/tlsport/scheme/sagittarius"
	"github.com/tlsport/tlsport/scheme/schemechar"
	"github.com/tlsport/tlsport/scheme/schemecomplex"
	"github.com/tlsport/tlsport/scheme/srfi64"
	"github.com/tlsport/tlsport/scheme/srfi69"
)

// Libraries returns the standard libraries in registration order.
func Libraries() []*scheme.Library {
	return []*scheme.Library{schemechar.Library, schemecomplex.Library, chickenbase.Library, chickencondition.Library, chickenformat.Library, chickenstring.Library, srfi69.Library}
}

// Importable returns the standard libraries that are registered but bind
// their names only when imported: R6RS's, whose names would otherwise
// replace CHICKEN's of the same names (remove, error …).
func Importable() []*scheme.Library {
	var out []*scheme.Library
	out = append(out, rnrsio.Libraries()...)
	out = append(out, rnrs.Libraries()...)
	out = append(out, rnrsrecords.Libraries()...)
	out = append(out, rnrsconditions.Libraries()...)
	out = append(out, sagittarius.Libraries()...)
	return append(out, rnrsComposite, srfi64.Library)
}

// rnrsComposite is (rnrs), R6RS's composite library (r6rs-lib §15): the
// rows of its parts.
var rnrsComposite = func() *scheme.Library {
	l := &scheme.Library{Name: "(rnrs)", Doc: "R6RS composite library (r6rs-lib §15): every (rnrs …) library but (rnrs eval), (rnrs mutable-pairs), (rnrs mutable-strings) and (rnrs r5rs).",
		TypeKinds: []string{"assertion"}}
	parts := append(append(rnrsio.Libraries(), rnrs.Composite()...), rnrsrecords.Libraries()...)
	for _, part := range append(parts, rnrsconditions.Libraries()...) {
		for _, p := range part.Procs {
			if l.Lookup(p.Name) == nil {
				l.Procs = append(l.Procs, p)
			}
		}
		l.Values = append(l.Values, part.Values...)
		l.Reexports = append(l.Reexports, part.Reexports...)
	}
	l.Reexports = append(l.Reexports, "syntax-case", "syntax", "quasisyntax", "unsyntax", "unsyntax-splicing", "with-syntax",
		"identifier?", "bound-identifier=?", "free-identifier=?", "datum->syntax", "syntax->datum", "generate-temporaries",
		"syntax-violation", "make-variable-transformer", "...", "_")
	return l
}()

// New returns an interpreter with the core and the standard libraries
// defined globally and the [Importable] ones registered; opts apply as
// for [scheme.New].
func New(opts ...scheme.Option) *scheme.Interp {
	in := scheme.New(append([]scheme.Option{scheme.WithLibraries(Libraries()...)}, opts...)...)
	for _, l := range Importable() {
		if err := in.Register(l); err != nil {
			panic("stdlib: registering " + l.Name + ": " + err.Error())
		}
	}
	return in
}
