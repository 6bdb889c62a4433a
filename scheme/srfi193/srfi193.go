// SRFI-193 command-line: the program's name, arguments and script file.

// Package srfi193 is SRFI-193, (srfi 193) or (srfi :193 command-line):
// command-line (the core's), command-name, command-args, script-file and
// script-directory. A script is the file tlsport runs (tlsport FILE ARGS…),
// the first element of the command line when it names a file; under -e or
// at the REPL there is none.
package srfi193

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "srfi-193"

// Library is the (srfi 193) binding table.
var Library = &scheme.Library{Name: "(srfi 193)", Doc: "SRFI-193: command-line, command-name, command-args, script-file and script-directory.",
	ImportOnly: true, Reexports: []string{"command-line"},
	Procs: []scheme.Proc{
		scheme.Row("command-name", spec, "The program's name: the last component of the command line's first element without its extension (\"prog\" for /a/prog.scm), or #f when it is empty.", scheme.Lambda(), commandName),
		scheme.Row("command-args", spec, "The command-line arguments after the program's name (a list of strings).", scheme.Lambda(), commandArgs),
		scheme.Row("script-file", spec, "The absolute path of the script being run, or #f when none is (-e, the REPL).", scheme.Lambda(), scriptFile),
		scheme.Row("script-directory", spec, "The directory of script-file, with a trailing /, or #f when no script is being run.", scheme.Lambda(), scriptDirectory),
	}}

// commandName implements command-name.
func commandName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	args := th.Interp().CommandLine()
	if len(args) == 0 || args[0] == "" {
		return scheme.False, nil
	}
	base := filepath.Base(args[0])
	return scheme.NewString(strings.TrimSuffix(base, filepath.Ext(base))), nil
}

// commandArgs implements command-args.
func commandArgs(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	args := th.Interp().CommandLine()
	out := make([]scheme.Value, 0, len(args))
	for i := 1; i < len(args); i++ {
		out = append(out, scheme.NewString(args[i]))
	}
	return scheme.List(out...), nil
}

// script returns the absolute path of the script being run, "" for none.
func script(th *scheme.Thread) string {
	args := th.Interp().CommandLine()
	if len(args) == 0 || args[0] == "" {
		return ""
	}
	if fi, err := os.Stat(args[0]); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	abs, err := filepath.Abs(args[0])
	if err != nil {
		return ""
	}
	return abs
}

// scriptFile implements script-file.
func scriptFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if s := script(th); s != "" {
		return scheme.NewString(s), nil
	}
	return scheme.False, nil
}

// scriptDirectory implements script-directory.
func scriptDirectory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if s := script(th); s != "" {
		return scheme.NewString(filepath.Dir(s) + string(filepath.Separator)), nil
	}
	return scheme.False, nil
}
