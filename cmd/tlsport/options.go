// The command line: tlsport's own forms and csi's options (CHICKEN 5
// manual, "Using the interpreter", "csi command line format").

package main

import (
	"fmt"
	"strings"
)

// step is an -e, -p or -P expression, evaluated in order before a script
// or instead of the REPL.
type step struct {
	show string // how results are shown: "write" (-e), "print" (-p) or "pretty-print" (-P)
	src  string
}

// invocation is a parsed command line.
type invocation struct {
	libPath  []string
	help     bool
	version  bool
	quiet    bool     // -q: no banner
	noInit   bool     // -n: the REPL does not load ~/.tlsportrc
	batch    bool     // -b, or implied by -e/-p/-P: no REPL after the steps
	features []string // -D NAME (on), -no-feature NAME ("!NAME": off), in order
	prelude  []string // forms evaluated first: reader settings (-i, -K …) and -R imports
	steps    []step
	script   string   // the script to run, "" for none
	args     []string // (command-line): the script and its arguments, or the arguments after -e EXPR
	callMain bool     // -ss: call (main (command-line-arguments)) after the script
	echo     bool     // -sx: print each expression of the script before it is evaluated
	connect  []string // tlsport connect's arguments; nil unless connect
}

// parseArgs reads the command line. Options come first, in csi's spelling
// (-q or -quiet …); the first argument that is not an option is the
// script, and the rest are its arguments, as after csi's -s. After an -e,
// -p or -P expression, an argument that is not an option starts the
// arguments of (command-line).
func parseArgs(args []string) (*invocation, error) {
	inv := &invocation{}
	if len(args) > 0 && args[0] == "connect" {
		inv.connect = append([]string{}, args[1:]...)
		return inv, nil
	}
	for len(args) > 0 {
		a := args[0]
		if !strings.HasPrefix(a, "-") || a == "-" {
			inv.script, inv.args = a, args
			return inv, nil
		}
		value := func(what string) (string, error) {
			if len(args) < 2 {
				return "", fmt.Errorf("%s needs %s", a, what)
			}
			v := args[1]
			args = args[2:]
			return v, nil
		}
		var err error
		var v string
		switch a {
		case "-I", "-include-path", "--include-path":
			v, err = value("a directory")
			inv.libPath = append(inv.libPath, v)
		case "-h", "-help", "--help":
			inv.help = true
			return inv, nil
		case "-v", "-version", "--version", "-release":
			inv.version = true
			return inv, nil
		case "-q", "-quiet":
			inv.quiet = true
			args = args[1:]
		case "-n", "-no-init":
			inv.noInit = true
			args = args[1:]
		case "-w", "-no-warnings":
			args = args[1:] // tlsport has no warnings to turn off
		case "-b", "-batch":
			inv.batch = true
			args = args[1:]
		case "-i", "-case-insensitive":
			inv.prelude = append(inv.prelude, "(case-sensitive #f)")
			inv.features = append(inv.features, "case-insensitive")
			args = args[1:]
		case "-no-parentheses-synonyms":
			inv.prelude = append(inv.prelude, "(parentheses-synonyms #f)")
			args = args[1:]
		case "-no-symbol-escape":
			inv.prelude = append(inv.prelude, "(symbol-escape #f)")
			args = args[1:]
		case "-K", "-keyword-style":
			v, err = value("a style (prefix, suffix or none)")
			switch v { // any other value is ignored, as csi does
			case "prefix", "suffix", "none":
				inv.prelude = append(inv.prelude, "(keyword-style #:"+v+")")
			}
		case "-D", "-feature":
			v, err = value("a feature name")
			inv.features = append(inv.features, v)
		case "-no-feature":
			v, err = value("a feature name")
			inv.features = append(inv.features, "!"+v)
		case "-R", "-require-extension":
			v, err = value("a library name")
			inv.prelude = append(inv.prelude, "(import "+v+")")
		case "-e", "-eval", "--eval", "-p", "-print", "-P", "-pretty-print":
			show := "write"
			switch a {
			case "-p", "-print":
				show = "print"
			case "-P", "-pretty-print":
				show = "pretty-print"
			}
			v, err = value("an expression")
			inv.steps = append(inv.steps, step{show: show, src: v})
			inv.batch = true
			if err == nil && len(args) > 0 && !strings.HasPrefix(args[0], "-") {
				inv.args = append([]string{"tlsport"}, args...)
				return inv, nil
			}
		case "-s", "-script", "-ss", "-sx":
			inv.callMain = a == "-ss"
			inv.echo = a == "-sx"
			if len(args) < 2 {
				return nil, fmt.Errorf("%s needs a script", a)
			}
			inv.script, inv.args = args[1], args[1:]
			return inv, nil
		case "--":
			if len(args) > 1 {
				inv.script, inv.args = args[1], args[1:]
			}
			return inv, nil
		default:
			return nil, fmt.Errorf("unknown option %s", a)
		}
		if err != nil {
			return nil, err
		}
	}
	return inv, nil
}
