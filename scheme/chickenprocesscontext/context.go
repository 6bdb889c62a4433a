// CHICKEN's (chicken process-context): the program's arguments, environment variables and working directory.

// Package chickenprocesscontext is the (chicken process-context) library:
// CHICKEN 5's access to the invocation, the environment and the current
// directory. command-line-arguments and the environment getters are the
// core's, re-exported.
package chickenprocesscontext

import (
	"os"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken process-context)"

var str = scheme.TypeString

var procs = []scheme.Proc{
	{Name: "argv", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The list of the command-line arguments, the program name first: for `tlsport FILE ARGS…` the script is the program, (FILE ARGS…), as for a compiled CHICKEN program (csi -s gives its own whole command line, (\"csi\" \"-s\" FILE ARGS…)); command-line-arguments is ARGS… in both.",
		Fn:  argv},
	{Name: "argc+argv", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "Two values: the number of command-line arguments (the program name included) and their list (CHICKEN gives a C pointer, which tlsport does not have).",
		Fn:  argcPlusArgv},
	{Name: "executable-pathname", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The full pathname of the running executable, or #f when it cannot be determined.",
		Fn:  executablePathname},
	{Name: "set-environment-variable!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("variable", str), scheme.Req("value", str)) },
		Doc: "Sets the environment variable to value, creating it when undefined.",
		Fn:  setEnvironmentVariableBang},
	{Name: "unset-environment-variable!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("variable", str)) },
		Doc: "Removes the environment variable; nothing happens when it is undefined.",
		Fn:  unsetEnvironmentVariableBang},
	{Name: "change-directory", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("name", str)) },
		Doc: "Changes the current working directory to name.",
		Fn:  changeDirectory},
	{Name: "current-directory", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("name", str, nil)) },
		Doc: "The current working directory; (current-directory name) changes it, as change-directory.",
		Fn:  currentDirectory},
	// the core's procedures, re-exported
	{Name: "command-line-arguments", Spec: spec, Sig: "(command-line-arguments)", Args: scheme.Params{},
		Doc: "Same as the core's command-line-arguments: the arguments after the program name."},
	{Name: "get-environment-variable", Spec: spec, Sig: "(get-environment-variable string)", Args: scheme.Params{Required: []string{"string"}},
		Doc: "Same as the core's get-environment-variable: the variable's value, or #f."},
	{Name: "get-environment-variables", Spec: spec, Sig: "(get-environment-variables)", Args: scheme.Params{},
		Doc: "Same as the core's get-environment-variables: an alist of every variable and its value."},
}

// ProgramName is the program-name parameter: the name of the running
// program, initially the first element of (command-line) (the script's file
// name), or "tlsport".
var ProgramName = &scheme.ParamDef{Name: "program-name", Spec: spec, Sig: "(program-name [name])",
	Doc: "The name of the running program (a parameter): the script's file name, or \"tlsport\".",
	Init: func(in *scheme.Interp) scheme.Value {
		if args := in.CommandLine(); len(args) > 0 {
			return scheme.NewString(args[0])
		}
		return scheme.NewString("tlsport")
	},
	Convert: func(th *scheme.Thread, v scheme.Value) (scheme.Value, error) {
		if _, ok := v.(*scheme.String); !ok {
			return nil, scheme.TypeError("program-name", 1, "string", v)
		}
		return v, nil
	}}

// Library is the (chicken process-context) binding table.
var Library = &scheme.Library{Name: "(chicken process-context)", Doc: "CHICKEN 5's (chicken process-context): arguments, environment and working directory.", Procs: procs,
	Parameters: []*scheme.ParamDef{ProgramName}}

func commandLine(th *scheme.Thread) ([]scheme.Value, error) {
	f, ok := th.Interp().Lookup("command-line")
	if !ok {
		return nil, scheme.NewError("argv", "command-line is unbound", nil)
	}
	v, err := th.Call(f)
	if err != nil {
		return nil, err
	}
	l, _ := scheme.ListToSlice(v)
	if len(l) == 0 {
		l = []scheme.Value{scheme.NewString("tlsport")}
	}
	return l, nil
}

// argv implements argv.
func argv(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, err := commandLine(th)
	return scheme.List(l...), err
}

// argcPlusArgv implements argc+argv.
func argcPlusArgv(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, err := commandLine(th)
	return scheme.Values(scheme.Fixnum(len(l)), scheme.List(l...)), err
}

// executablePathname implements executable-pathname.
func executablePathname(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, err := os.Executable()
	if err != nil {
		return scheme.False, nil
	}
	return scheme.NewString(p), nil
}

func osError(who string, err error, irritants ...scheme.Value) error {
	return scheme.NewError(who, err.Error(), irritants, "i/o")
}

// setEnvironmentVariableBang implements set-environment-variable!.
func setEnvironmentVariableBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := os.Setenv(a[0].(*scheme.String).String(), a[1].(*scheme.String).String()); err != nil {
		return nil, osError("set-environment-variable!", err, a[0])
	}
	return scheme.Unspecified, nil
}

// unsetEnvironmentVariableBang implements unset-environment-variable!.
func unsetEnvironmentVariableBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := os.Unsetenv(a[0].(*scheme.String).String()); err != nil {
		return nil, osError("unset-environment-variable!", err, a[0])
	}
	return scheme.Unspecified, nil
}

// changeDirectory implements change-directory.
func changeDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if err := os.Chdir(a[0].(*scheme.String).String()); err != nil {
		// (exn i/o file), as csi's
		return nil, scheme.NewError("change-directory", err.Error(), []scheme.Value{a[0]}, "i/o", "file")
	}
	return scheme.Unspecified, nil
}

// currentDirectory implements current-directory.
func currentDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if !scheme.IsDefault(a[0]) {
		return changeDirectory(th, a)
	}
	d, err := os.Getwd()
	if err != nil {
		return nil, osError("current-directory", err)
	}
	return scheme.NewString(d), nil
}
