// commands: the comma commands (,help ,apropos ,load ,quit).

package repl

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// command is one comma command.
type command struct {
	name, args, doc string
}

// commands lists the comma commands in the order ,help shows them.
var commands = []command{
	{"help", "[NAME]", "list the commands, or show the signature and doc of NAME"},
	{"apropos", "TEXT", "list the bound names containing TEXT"},
	{"load", "FILE", "load a Scheme source file"},
	{"quit", "", "end the session (also ,q)"},
}

// runCommand executes a command line (without the leading comma). It
// returns quit=true for ,quit and a non-nil error only from ,load's
// evaluation (an *scheme.ExitError ends the session).
func (s *session) runCommand(ctx context.Context, line string) (quit bool, err error) {
	name, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
	arg = strings.TrimSpace(arg)
	w := s.out
	switch name {
	case "help", "h", "?":
		if arg == "" {
			fmt.Fprintln(w, "Commands:")
			for _, c := range commands {
				fmt.Fprintf(w, "  ,%-20s %s\n", strings.TrimSpace(c.name+" "+c.args), c.doc)
			}
			fmt.Fprintln(w, "Any other input is evaluated as Scheme.")
			return false, nil
		}
		s.help(w, arg)
	case "apropos", "a":
		if arg == "" {
			fmt.Fprintln(s.errw, "Error: ,apropos needs a TEXT")
			return false, nil
		}
		s.apropos(w, arg)
	case "load", "l":
		if arg == "" {
			fmt.Fprintln(s.errw, "Error: ,load needs a FILE")
			return false, nil
		}
		return false, s.load(ctx, arg)
	case "quit", "q", "exit":
		return true, nil
	default:
		fmt.Fprintf(s.errw, "Error: unknown command ,%s (,help lists them)\n", name)
	}
	return false, nil
}

// entry is one documented name of a binding table.
type entry struct {
	name, lib, spec, sig, doc, kind string
}

// entries returns every name exported by the registered libraries, with
// its documentation, sorted by name then library.
func (s *session) entries() []entry {
	var out []entry
	for _, l := range s.interp.Libraries() {
		for i := range l.Procs {
			p := &l.Procs[i]
			kind := "procedure"
			if p.IsSyntax() {
				kind = "syntax"
			}
			out = append(out, entry{p.Name, l.Name, p.Spec, p.Signature(), p.Doc, kind})
		}
		for _, p := range l.Parameters {
			out = append(out, entry{p.Name, l.Name, p.Spec, p.Sig, p.Doc, "parameter"})
		}
		for _, v := range l.Values {
			out = append(out, entry{v.Name, l.Name, v.Spec, "", v.Doc, "value"})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// help prints the binding-table rows of name, from every library that
// exports it.
func (s *session) help(w io.Writer, name string) {
	found := false
	for _, e := range s.entries() {
		if e.name != name {
			continue
		}
		found = true
		fmt.Fprintf(w, "%s: %s in %s", e.name, e.kind, e.lib)
		if e.spec != "" {
			fmt.Fprintf(w, " (%s)", e.spec)
		}
		fmt.Fprintln(w)
		if e.sig != "" {
			fmt.Fprintln(w, "  "+e.sig)
		}
		if e.doc != "" {
			fmt.Fprintln(w, "  "+e.doc)
		}
	}
	if found {
		return
	}
	if v, ok := s.interp.Lookup(name); ok {
		fmt.Fprintf(w, "%s: %s (no documentation)\n", name, scheme.WriteString(v))
		return
	}
	fmt.Fprintf(w, "%s: not bound\n", name)
}

// apropos prints every bound name containing text, with the first line of
// its doc when a binding table documents it.
func (s *session) apropos(w io.Writer, text string) {
	docs := map[string]string{}
	for _, e := range s.entries() {
		if _, seen := docs[e.name]; !seen || docs[e.name] == "" {
			docs[e.name] = firstLine(e.doc)
		}
	}
	names := map[string]bool{}
	for n := range docs {
		names[n] = true
	}
	for _, n := range s.interp.GlobalNames() {
		names[n] = true
	}
	var hits []string
	for n := range names {
		if strings.Contains(n, text) {
			hits = append(hits, n)
		}
	}
	sort.Strings(hits)
	if len(hits) == 0 {
		fmt.Fprintf(w, "no bound name contains %q\n", text)
		return
	}
	width := 0
	for _, n := range hits {
		width = max(width, len(n))
	}
	for _, n := range hits {
		if d := docs[n]; d != "" {
			fmt.Fprintf(w, "%-*s  %s\n", width, n, d)
		} else {
			fmt.Fprintln(w, n)
		}
	}
}

// firstLine returns the first sentence or line of a doc string.
func firstLine(doc string) string {
	doc, _, _ = strings.Cut(strings.TrimSpace(doc), "\n")
	if i := strings.Index(doc, ". "); i >= 0 {
		doc = doc[:i+1]
	}
	return doc
}

// load evaluates a file, reporting an uncaught condition.
func (s *session) load(ctx context.Context, path string) error {
	return s.withInterrupt(ctx, func(ctx context.Context) error {
		return s.interp.Load(ctx, path)
	})
}
