// CHICKEN's (chicken load): loading source files and extensions.

// Package chickenload is the (chicken load) library: the core's load,
// load-relative and require, with load-noisily (Scheme, load.scm),
// provide and provided?, load-verbose, and CHICKEN's procedures for
// compiled code, which tlsport has none of: load-library succeeds for the
// units and libraries built into tlsport and reports any other as not
// available; dynamic-load-libraries is empty and set-dynamic-load-mode!
// has no effect.
package chickenload

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken load)"

//go:embed load.scm
var source string

// DynamicLoadLibraries is CHICKEN's dynamic-load-libraries parameter.
var DynamicLoadLibraries = &scheme.ParamDef{Name: "dynamic-load-libraries", Spec: spec, Sig: "(dynamic-load-libraries [list])",
	Doc: "The shared libraries load-library searches for compiled units: (), as tlsport loads no compiled code.", Default: scheme.Null}

var procs = []scheme.Proc{
	{Name: "load-noisily", Spec: spec, Sig: "(load-noisily file #!key evaluator time printer)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("file", scheme.TypeString), scheme.Key("evaluator", nil, scheme.False), scheme.Key("time", nil, scheme.False), scheme.Key("printer", nil, scheme.False))
		},
		Doc: "Loads file as load does, writing each form's results to the current output port, one a line; evaluator (default eval) evaluates each form, time reports each one's time as the time macro does, printer is called with each form before it is evaluated."},
	{Name: "provide", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("ids", scheme.TypeSymbol)) },
		Doc: "Records the extensions ids (symbols) as loaded: require skips them and provided? is true of them.",
		Fn:  provide},
	{Name: "provided?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("ids", scheme.TypeSymbol)) },
		Doc: "Are all the extensions ids loaded (by require) or given to provide?",
		Fn:  providedP},
	{Name: "load-library", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("unit", scheme.TypeSymbol), scheme.Opt("library-file", scheme.TypeString, nil))
	},
		Doc: "Makes the compiled unit available: for a unit or library built into tlsport (a CHICKEN 4 unit such as posix or srfi-1, or a library name) this is require; tlsport loads no shared libraries, so library-file and any other unit are an error.",
		Fn:  loadLibrary},
	{Name: "set-dynamic-load-mode!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("mode", nil)) },
		Doc: "Accepted and ignored (the dlopen flags of compiled code, which tlsport does not load).",
		Fn:  setDynamicLoadModeBang},
}

// Library is the (chicken load) binding table.
var Library = &scheme.Library{Name: "(chicken load)", Doc: "CHICKEN 5's (chicken load): loading source files and extensions.",
	Procs: procs, Parameters: []*scheme.ParamDef{DynamicLoadLibraries}, Source: scheme.LibrarySource("load.scm", source),
	Reexports: []string{"load", "load-relative", "require", "load-verbose"}} // the core's

// provide implements provide.
func provide(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	for _, v := range a {
		th.Interp().Provide(v.(*scheme.Symbol).Name)
	}
	return scheme.Unspecified, nil
}

// providedP implements provided?.
func providedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	for _, v := range a {
		if !th.Interp().Provided(v.(*scheme.Symbol).Name) {
			return scheme.False, nil
		}
	}
	return scheme.True, nil
}

// loadLibrary implements load-library.
func loadLibrary(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if !scheme.IsDefault(a[1]) {
		return nil, scheme.NewError("load-library", "tlsport loads no shared libraries", []scheme.Value{a[0], a[1]})
	}
	if _, err := scheme.CallGlobal(th, "load-library", "require", a[0]); err != nil {
		return nil, err // require's report names the unit; an escape must go on as it is
	}
	return scheme.Unspecified, nil
}

// setDynamicLoadModeBang implements set-dynamic-load-mode!.
func setDynamicLoadModeBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, nil
}
