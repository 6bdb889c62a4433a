// Package stdlib lists the libraries of the scheme/<lib> packages that make
// up tlsport's standard Scheme beyond the core: this list is the one place
// they are registered.
//
// A library package imports only the core package scheme and exports
// `var Library = &scheme.Library{…}`: one row per procedure, each naming
// its Go function by [scheme.GoName] and declaring its parameters (typed,
// with [scheme.Lambda], where the function relies on them); its test
// scripts live in its testdata directory. Adding it to [Libraries] makes it
// part of every interpreter made by [New].
package stdlib

import (
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickenbase"
	"github.com/tlsport/tlsport/scheme/chickencondition"
	"github.com/tlsport/tlsport/scheme/chickenformat"
	"github.com/tlsport/tlsport/scheme/chickenstring"
	"github.com/tlsport/tlsport/scheme/schemechar"
	"github.com/tlsport/tlsport/scheme/schemecomplex"
	"github.com/tlsport/tlsport/scheme/srfi1"
	"github.com/tlsport/tlsport/scheme/srfi13"
	"github.com/tlsport/tlsport/scheme/srfi130"
	"github.com/tlsport/tlsport/scheme/srfi133"
	"github.com/tlsport/tlsport/scheme/srfi14"
	"github.com/tlsport/tlsport/scheme/srfi19"
	"github.com/tlsport/tlsport/scheme/srfi2"
	"github.com/tlsport/tlsport/scheme/srfi26"
	"github.com/tlsport/tlsport/scheme/srfi4"
	"github.com/tlsport/tlsport/scheme/srfi69"
	"github.com/tlsport/tlsport/scheme/srficore"
)

// Libraries returns the standard libraries in registration order.
func Libraries() []*scheme.Library {
	return append([]*scheme.Library{schemechar.Library, schemecomplex.Library, chickenbase.Library, chickencondition.Library, chickenformat.Library, chickenstring.Library, srfi69.Library,
		srfi1.Library, srfi2.Library, srfi4.Library, srfi13.Library, srfi14.Library, srfi19.Library, srfi26.Library, srfi130.Library, srfi133.Library},
		srficore.Libraries...)
}

// New returns an interpreter with the core and the standard libraries
// defined globally; opts apply as for [scheme.New].
func New(opts ...scheme.Option) *scheme.Interp {
	return scheme.New(append([]scheme.Option{scheme.WithLibraries(Libraries()...)}, opts...)...)
}
