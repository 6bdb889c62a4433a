// CHICKEN's (chicken csi): toplevel commands, describers and the evaluator of the interactive interpreter.

// Package chickencsi is the (chicken csi) library: what a program (or a
// .csirc-style file loaded into the REPL) uses to extend tlsport's REPL as
// csi's. toplevel-command adds a comma command: ,NAME calls its procedure
// with the rest of the command line as the current input port (so the
// procedure reads its arguments with read or read-line), and ,help lists
// it with its help text; set-describer! gives ,describe a procedure
// describing the records of a type; default-evaluator runs a command
// written (unquote NAME), else evaluates. editor-command names the editor
// the REPL's ,e starts.
//
// The REPL reads the registrations through [Lookup], [Commands] and
// [Describer].
package chickencsi

import (
	"os"
	"sort"
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken csi)"

// Command is a toplevel command defined by toplevel-command.
type Command struct {
	Name string       // invoked as ,Name
	Proc scheme.Value // called with no arguments
	Help string       // what ,help shows ("" when none was given)
}

// registry is an interpreter's toplevel commands and describers.
type registry struct {
	mu         sync.Mutex
	commands   map[string]Command
	describers map[string]scheme.Value
}

type registryKey struct{}

func registryOf(in *scheme.Interp) *registry {
	return in.HostData(registryKey{}, func() any {
		return &registry{commands: map[string]Command{}, describers: map[string]scheme.Value{}}
	}).(*registry)
}

// Lookup returns the toplevel command name of in, if one was defined.
func Lookup(in *scheme.Interp, name string) (Command, bool) {
	r := registryOf(in)
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.commands[name]
	return c, ok
}

// Commands returns the toplevel commands defined in in, by name.
func Commands(in *scheme.Interp) []Command {
	r := registryOf(in)
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Command, 0, len(r.commands))
	for _, c := range r.commands {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Describer returns the procedure set-describer! gave for records whose
// type is named tag.
func Describer(in *scheme.Interp, tag string) (scheme.Value, bool) {
	r := registryOf(in)
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.describers[tag]
	return p, ok
}

// EditorCommand is csi's editor-command parameter.
var EditorCommand = &scheme.ParamDef{Name: "editor-command", Spec: spec, Sig: "(editor-command [name])",
	Doc: "The editor the REPL's ,e command starts: $EDITOR, else #f (then ,e tries $VISUAL, emacsclient when $EMACS is set, and vi).",
	Init: func(*scheme.Interp) scheme.Value {
		if e := os.Getenv("EDITOR"); e != "" {
			return scheme.NewString(e)
		}
		return scheme.False
	}}

var procs = []scheme.Proc{
	{Name: "toplevel-command", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("symbol", scheme.TypeSymbol), scheme.Req("proc", scheme.TypeProcedure), scheme.Opt("helpstring", scheme.TypeString, nil))
	},
		Doc: "Defines (or redefines) the REPL command ,symbol: it calls proc with no arguments, the rest of the command line being the current input port; helpstring, when given, is what ,help shows for it.",
		Fn:  toplevelCommand},
	{Name: "set-describer!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("tag", scheme.TypeSymbol), scheme.Req("proc", scheme.TypeProcedure))
	},
		Doc: "Makes the REPL's ,describe call (proc record port) for the records whose type is named tag, proc writing a description to port.",
		Fn:  setDescriberBang},
	{Name: "default-evaluator", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("expr", nil)) },
		Doc: "Runs the toplevel command NAME when expr is (unquote NAME) (what ,NAME reads as), the command reading its arguments from the current input port; otherwise evaluates expr as eval does. For repl's evaluator argument.",
		Fn:  defaultEvaluator},
}

// Library is the (chicken csi) binding table.
var Library = &scheme.Library{Name: "(chicken csi)", Doc: "CHICKEN 5's (chicken csi): toplevel commands, describers and the evaluator of the interactive interpreter.",
	Procs: procs, Parameters: []*scheme.ParamDef{EditorCommand}}

// toplevelCommand implements toplevel-command.
func toplevelCommand(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := Command{Name: a[0].(*scheme.Symbol).Name, Proc: a[1]}
	if s, ok := a[2].(*scheme.String); ok {
		c.Help = s.String()
	}
	r := registryOf(th.Interp())
	r.mu.Lock()
	r.commands[c.Name] = c
	r.mu.Unlock()
	return scheme.Unspecified, nil
}

// setDescriberBang implements set-describer!.
func setDescriberBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r := registryOf(th.Interp())
	r.mu.Lock()
	r.describers[a[0].(*scheme.Symbol).Name] = a[1]
	r.mu.Unlock()
	return scheme.Unspecified, nil
}

// defaultEvaluator implements default-evaluator.
func defaultEvaluator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if p, ok := a[0].(*scheme.Pair); ok && p.Car == scheme.Intern("unquote") {
		if rest, ok := p.Cdr.(*scheme.Pair); ok && rest.Cdr == scheme.Null {
			if s, ok := rest.Car.(*scheme.Symbol); ok {
				if c, ok := Lookup(th.Interp(), s.Name); ok {
					return th.Call(c.Proc)
				}
				return nil, scheme.NewError("default-evaluator", "unknown toplevel command", []scheme.Value{s})
			}
		}
	}
	return scheme.CallGlobal(th, "default-evaluator", "eval", a[0])
}
