// Modules and libraries: namespaces, import sets, CHICKEN module, R7RS
// define-library, R6RS library, and libraries found in files.

package scheme

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tlsport/tlsport/internal/ctxio"
)

// moduleLibrary is the table of the module system's special forms and
// procedures.
var moduleLibrary = &Library{Name: "(tlsport modules)", Doc: "Modules, libraries and imports.", Procs: []Proc{
	{Name: "import", Spec: "r7rs §5.2; r6rs §7.1; CHICKEN (chicken module)", Sig: "(import import-set ...)",
		Doc:    "Binds the exports of libraries: only, except, prefix, rename and R6RS for and library around a name; egg-style names (srfi-1, openssl) and version references accepted; a library not yet defined is loaded from name.sld, .scm or .sls on the search path.",
		expand: expandImport},
	{Name: "import-for-syntax", Spec: "CHICKEN (chicken module)", Sig: "(import-for-syntax import-set ...)",
		Doc:    "Same as import (tlsport expands and runs in one phase).",
		expand: expandImport},
	{Name: "export", Spec: "r7rs §5.6; CHICKEN (chicken module)", Sig: "(export spec ...)",
		Doc:    "Inside a module, adds to its exports; ignored at the top level.",
		expand: expandExport},
	{Name: "module", Spec: "CHICKEN (chicken module)", Sig: "(module name (export ...) body ...) (module name * body ...)",
		Doc:    "Defines a module: its definitions are private unless exported (* exports all); import it by name.",
		expand: expandModule},
	{Name: "define-library", Spec: "r7rs §5.6", Sig: "(define-library name decl ...)",
		Doc:    "Defines a library: export (rename), import, begin, include(-ci), include-library-declarations and cond-expand declarations; only exported names are visible to importers.",
		expand: expandDefineLibrary},
	{Name: "library", Spec: "r6rs §7.1", Sig: "(library name (export spec ...) (import import-set ...) body ...)",
		Doc:    "Defines an R6RS library; version references in names and imports are accepted and ignored.",
		expand: expandLibrary},
	{Name: "reexport", Spec: "CHICKEN (chicken module)", Sig: "(reexport import-set ...)",
		Doc:    "Inside a module, imports the import sets and exports what they bind.",
		expand: expandReexport},
	{Name: "use", Spec: "CHICKEN 4", Sig: "(use name ...)",
		Doc:    "Imports the named libraries; CHICKEN 4 unit names (tcp, posix, extras, data-structures, ports, utils, files …) import their CHICKEN 5 modules.",
		expand: expandUse},
	{Name: "require-extension", Spec: "CHICKEN (chicken base)", Sig: "(require-extension name ...)",
		Doc:    "Same as use.",
		expand: expandUse},
	{Name: "require-library", Spec: "CHICKEN (chicken base)", Sig: "(require-library name ...)",
		Doc:    "Loads the named libraries (from their files if need be) without importing them.",
		expand: expandRequireLibrary},
	{Name: "module-environment", Spec: "CHICKEN (chicken eval)", Sig: "(module-environment module-name)",
		Doc:  "An environment for eval seeing the bindings visible inside the module (or library) module-name, private ones included; for a library of the system (chicken.string, (srfi 1) …), its exports.",
		Args: Params{Required: []string{"module-name"}}, Fn: moduleEnvironment},
	{Name: "require", Spec: "CHICKEN (chicken load)", Sig: "(require name ...)",
		Doc:  "Checks that the named extensions (symbols or strings) are available, loading library files; an error names an unknown one.",
		Args: Params{Rest: "names", Spread: true}, Fn: require},
}}

// namespace is the top level of a module or library being defined, or of an
// environment made by environment. The names it defines live in global cells
// named prefix+name (CHICKEN's module#name), so they stay private unless
// exported; the names it imports are bound to the exporting library's cells
// and macros.
type namespace struct {
	name   string          // canonical library name
	prefix string          // of the global cells of the names it defines
	binds  map[*Symbol]any // *Symbol (global cell) or *macro
	own    map[*Symbol]bool
	order  []*Symbol // names defined by the body, in order (export *)
	// strict: a name neither defined nor imported does not fall back to
	// the interaction environment (environments, R7RS §6.12).
	strict    bool
	exports   []exportSpec
	exportAll bool
	mu        sync.RWMutex // guards binds, own and order (an environment may be shared by threads)
}

// exportSpec exports the internal name as the external one.
type exportSpec struct{ internal, external *Symbol }

// den is what an exported name denotes: a macro, or a global cell (sym),
// which for a Go library's row is a cell of its own holding val; the
// interaction environment copies val, namespaces bind the cell.
type den struct {
	sym *Symbol
	mac *macro
	val Value
	// lazyMac: the macro of that name a library's source defines, not
	// evaluated yet (see bindImport)
	lazyMac *Symbol
}

// userLib is a library defined in Scheme: its export table and the
// namespace of its body (module-environment).
type userLib struct {
	name    string
	exports map[string]den
	ns      *namespace
}

func newNamespace(name, prefix string) *namespace {
	return &namespace{name: name, prefix: prefix, binds: map[*Symbol]any{}, own: map[*Symbol]bool{}}
}

// lookup returns what sym denotes at the namespace's top level.
func (ns *namespace) lookup(x *expander, sym *Symbol) any {
	ns.mu.RLock()
	d, ok := ns.binds[sym]
	ns.mu.RUnlock()
	if ok {
		return d
	}
	if in := x.in; !ns.strict {
		x.autoloadSyntax(sym)
		if m := in.macro(sym); m != nil {
			return m
		}
		if in.bound(sym) || in.lazyProcedure(sym) {
			return sym
		}
	}
	return ns.private(sym)
}

// private returns the global cell name of sym defined in the namespace.
func (ns *namespace) private(sym *Symbol) *Symbol { return Intern(ns.prefix + sym.Name) }

// define binds sym to d as a definition of the namespace's body; with
// d nil, sym's own cell. Defined before its definition is reached (by
// claimDefinitions), a name is one the earlier forms refer to and imports
// do not shadow.
func (ns *namespace) define(sym *Symbol, d any) {
	if d == nil {
		d = ns.private(sym)
	}
	ns.mu.Lock()
	defer ns.mu.Unlock()
	if !ns.own[sym] {
		ns.own[sym] = true
		ns.order = append(ns.order, sym)
	}
	ns.binds[sym] = d
}

// importBinding binds sym to d unless the namespace defines sym itself.
func (ns *namespace) importBinding(sym *Symbol, d any) {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	if !ns.own[sym] {
		ns.binds[sym] = d
	}
}

// bound reports whether the global variable s has a value.
func (in *Interp) bound(s *Symbol) bool {
	_, ok := in.lookup(s)
	return ok
}

// ownCell returns the global cell of s, replacing one shared with a
// module's variable by import (a top-level definition makes a new variable).
func (in *Interp) ownCell(s *Symbol) *global {
	g := in.cell(s)
	if g.name == s {
		return g
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	g = &global{name: s}
	in.globals[s] = g
	in.noteNameLocked(s)
	return g
}

// shareCell makes the global variable s the module variable target.
func (in *Interp) shareCell(s, target *Symbol) {
	g := in.cell(target)
	in.mu.Lock()
	in.globals[s] = g
	in.noteNameLocked(s)
	delete(in.deferred, s.Name)
	in.mu.Unlock()
}

// defineGlobal returns the global cell name a top-level definition of sym
// assigns in the namespace being expanded.
func (x *expander) defineGlobal(sym *Symbol) *Symbol {
	if x.ns == nil {
		x.autoloadDefinition(sym) // the source's definition comes first, as if eager
		x.in.setMacro(sym, nil)
		if x.th == nil || !x.th.loadingSource {
			x.in.programSets(sym)
		}
		x.in.ownCell(sym).userDef.Store(true)
		return sym
	}
	g := x.ns.private(sym)
	x.ns.define(sym, g)
	return g
}

// defineSyntax binds sym to the macro m at the top level being expanded.
func (x *expander) defineSyntax(sym *Symbol, m *macro) {
	if x.ns == nil {
		x.autoloadDefinition(sym)
		x.in.setMacro(sym, m)
		return
	}
	x.ns.define(sym, m)
}

// bindImport binds name to d at the top level being expanded. A macro of
// a source not evaluated yet, imported at the top level under its own
// name, stays as it is: the expander evaluates the source when it meets
// the name (an import of (chicken base) evaluates none of the sources of
// its macros).
func (x *expander) bindImport(name string, d den) {
	sym := Intern(name)
	if s := d.lazyMac; s != nil {
		if x.ns == nil && s == sym && x.in.lazyKind(s) == lazyCompile {
			return
		}
		x.autoload(s)
		if d = (den{mac: x.in.macro(s)}); d.mac == nil {
			return // the source did not define it
		}
	}
	if ns := x.ns; ns != nil {
		if d.mac != nil {
			ns.importBinding(sym, d.mac)
		} else {
			ns.importBinding(sym, d.sym)
		}
		return
	}
	switch {
	case d.mac != nil:
		x.in.setMacro(sym, d.mac)
	case d.val != nil:
		x.in.setMacro(sym, nil)
		g := x.in.ownCell(sym)
		x.in.mu.Lock()
		x.in.keepOriginalLocked(g) // what re-exports of the name give
		x.in.mu.Unlock()
		g.set(d.val)
	case x.in.lazyImportOf(d.sym) == name && x.in.lazyProcedure(sym):
		// the global loads the same source when first used
	case d.sym != sym:
		x.in.setMacro(sym, nil)
		x.in.shareCell(sym, d.sym)
	}
}

// --- import ---------------------------------------------------------------

// expandImport expands (import import-set …).
func expandImport(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 1, "import")
	for _, set := range it[1:] {
		x.importSet(f, set)
	}
	return &cConst{Unspecified}
}

// importSet binds the names of one import set.
func (x *expander) importSet(f Value, set Value) {
	for name, d := range x.importBindings(f, stripSyntax(set)) {
		x.bindImport(name, d)
	}
}

// importSetLibrary returns the name of the library an import set imports
// from: the set itself, or the set inside only, except, prefix, rename and
// R6RS for, or the name in R6RS (library name) — as importBindings reads
// them.
func importSetLibrary(set Value) Value {
	for {
		l, isList := ListToSlice(set)
		if !isList || len(l) < 2 {
			return set
		}
		switch symName(l[0]) {
		case "library":
			return l[1]
		case "for", "only", "except", "prefix", "rename":
			set = l[1]
		default:
			return set
		}
	}
}

// importBindings evaluates an import set: a library name, or only, except,
// prefix, rename (and R6RS for and library) around one.
func (x *expander) importBindings(f Value, set Value) map[string]den {
	l, isList := ListToSlice(set)
	if !isList || len(l) < 2 {
		return x.libraryExports(f, set)
	}
	names := func(vs []Value) map[string]bool {
		m := map[string]bool{}
		for _, v := range vs {
			m[symName(v)] = true
		}
		return m
	}
	switch symName(l[0]) {
	case "library": // R6RS (library name)
		return x.libraryExports(f, l[1])
	case "for": // R6RS (for set level …)
		return x.importBindings(f, l[1])
	case "only", "except", "prefix", "rename":
	default:
		return x.libraryExports(f, set)
	}
	inner := x.importBindings(f, l[1])
	out := map[string]den{}
	switch symName(l[0]) {
	case "only":
		keep := names(l[2:])
		for k, v := range inner {
			if keep[k] {
				out[k] = v
			}
		}
	case "except":
		drop := names(l[2:])
		for k, v := range inner {
			if !drop[k] {
				out[k] = v
			}
		}
	case "prefix":
		if len(l) != 3 {
			x.syntaxErr(f, "import", "bad prefix import set")
		}
		pre := symName(l[2])
		if kwd, ok := l[2].(*Keyword); ok { // d: reads as a keyword
			pre = kwd.Name + ":"
		}
		for k, v := range inner {
			out[pre+k] = v
		}
	case "rename":
		ren := map[string]string{}
		for _, r := range l[2:] {
			rl, ok := ListToSlice(r)
			if !ok || len(rl) != 2 {
				x.syntaxErr(f, "import", "bad rename import set")
			}
			ren[symName(rl[0])] = symName(rl[1])
		}
		for k, v := range inner {
			if n, ok := ren[k]; ok {
				k = n
			}
			out[k] = v
		}
	}
	return out
}

// libraryExports returns the exports of the library named name: a library
// defined in Scheme, a registered Go library, a standard library of the
// core, or one loaded from a file found on the search path.
func (x *expander) libraryExports(f Value, name Value) map[string]den {
	n, ok := LibraryName(name)
	if !ok {
		x.syntaxErr(f, "import", "bad import set %s", WriteString(stripSyntax(name)))
	}
	if what, ok := outOfScope[n]; ok {
		x.syntaxErr(f, "import", "%s: %s out of scope for tlsport", n, what)
	}
	if d := x.knownExports(n); d != nil {
		return d
	}
	if mods, isUnit := chicken4Units[symName(name)]; isUnit {
		return x.unitExports(f, symName(name), mods)
	}
	path, searched := x.in.findLibraryFile(n, x.dir)
	if path == "" {
		x.syntaxErr(f, "import", "unknown library %s (searched %s)", WriteString(stripSyntax(name)), strings.Join(searched, ", "))
	}
	x.in.loadLibraryFile(x, f, path)
	if d := x.knownExports(n); d != nil {
		return d
	}
	x.syntaxErr(f, "import", "%s does not define library %s", path, n)
	return nil
}

// outOfScope are the CHICKEN modules tlsport leaves out on purpose, with
// what they are, for import's error.
var outOfScope = map[string]string{
	"(chicken foreign)": "the C FFI (foreign-lambda, foreign-declare …) is",
	"(foreign)":         "the C FFI (foreign-lambda, foreign-declare …) is",
	"(chicken memory)":  "raw memory and pointers (allocate, pointer->object …) are",
}

// knownExports returns the exports of an available library (nil if none).
func (x *expander) knownExports(n string) map[string]den {
	in := x.in
	in.mu.RLock()
	ul := in.userLibs[n]
	in.mu.RUnlock()
	if ul != nil {
		return ul.exports
	}
	switch n {
	case "(scheme)", "(r5rs)": // CHICKEN's scheme module (r5rs is its alias): the R5RS names
		n = "(scheme r5rs)"
	case "(r4rs)": // CHICKEN's r4rs: scheme's but dynamic-wind, eval, call-with-values and values
		out := in.globalExports(r7rsLibraryNames()["(scheme r5rs)"])
		for _, r5 := range []string{"dynamic-wind", "eval", "call-with-values", "values"} {
			delete(out, r5)
		}
		return out
	}
	names, isR7RS := r7rsLibraryNames()[n]
	if lib := in.Library(n); lib != nil {
		in.addPendingSource(lib)
		out := in.globalExports(names) // an R7RS library's names may be spread over several tables
		vals, pending, macros := in.libraryBindings(lib)
		for k, v := range vals {
			// a namespace binds the library's cell (made once); the
			// interaction environment gets the value itself
			g := in.cell(Intern(n + "#" + k))
			if g.get() == nil {
				g.set(v)
			}
			out[k] = den{sym: g.name, val: v}
		}
		for _, k := range pending { // the cell gets its value when first used
			g := in.cell(Intern(n + "#" + k))
			if g.get() == nil {
				in.bindLazyImport(g.name, k)
			}
			out[k] = den{sym: g.name}
		}
		for _, k := range macros {
			if s := Intern(k); in.lazyMacro(s) {
				out[k] = den{lazyMac: s}
			} else if m := in.macro(s); m != nil {
				out[k] = den{mac: m}
			}
		}
		var global []string        // the core's special forms, and the bindings re-exported
		for i := range lib.Procs { // macros of Syntax and Transform rows
			switch p := &lib.Procs[i]; {
			case p.Syntax != "" || p.Transform != nil:
				out[p.Name] = den{mac: x.rowMacro(p, p.Name)}
			case p.IsSyntax():
				global = append(global, p.Name)
			}
		}
		for k, d := range in.reexports(append(global, lib.Reexports...)) {
			if _, own := out[k]; !own {
				out[k] = d
			}
		}
		return out
	}
	if isR7RS {
		return in.globalExports(names)
	}
	if standardLibraryNames[n] || providedSRFI(n) {
		return map[string]den{}
	}
	if a, ok := srfiAlias(n); ok {
		return x.knownExports(a)
	}
	return nil
}

// globalExports returns the bindings of names that a standard library
// exports: the global ones (macros or variables), or the original of one
// a program or an import rebound (keepOriginalLocked).
func (in *Interp) globalExports(names []string) map[string]den { return in.globalsOf(names, true) }

// reexports returns the global bindings of names as they are now, for a
// library that re-exports another's ((srfi 106)'s socket?, which (srfi 106)
// bound over (chicken file posix)'s).
func (in *Interp) reexports(names []string) map[string]den { return in.globalsOf(names, false) }

// globalsOf returns the global bindings of names; originals says a name a
// program or an import rebound gives its original.
func (in *Interp) globalsOf(names []string, originals bool) map[string]den {
	out := map[string]den{}
	for _, name := range names {
		s := Intern(name)
		switch in.lazyKind(s) {
		case lazyUnbound: // its source is evaluated when first used
			out[name] = den{sym: s}
			continue
		case lazyCompile:
			if in.lazyMacro(s) {
				out[name] = den{lazyMac: s}
				continue
			}
		}
		_ = in.autoload(s) // a procedure a source replaces; an error leaves name unbound
		var orig Value
		changed := false
		if originals {
			in.mu.RLock()
			orig, changed = in.originals[s]
			in.mu.RUnlock()
		}
		switch {
		case changed:
			// a program or an import rebound the name since the
			// interpreter was made (a top-level import of (chicken
			// platform) rebinds features): the library keeps its own
			out[name] = den{sym: in.originalCell(s, orig), val: orig}
		case in.macro(s) != nil:
			out[name] = den{mac: in.macro(s)}
		case in.bound(s):
			out[name] = den{sym: s}
		}
	}
	return out
}

// originalCell returns the global that holds the original value v of s
// (keepOriginalLocked), for the libraries that export s.
func (in *Interp) originalCell(s *Symbol, v Value) *Symbol {
	g := in.cell(Intern("%original#" + s.Name))
	if g.get() == nil {
		g.set(v)
	}
	return g.name
}

// providedSRFI reports whether n names a SRFI of the feature list.
func providedSRFI(n string) bool {
	num, ok := strings.CutPrefix(n, "(srfi ")
	if !ok {
		return false
	}
	for _, f := range coreFeatures {
		if f == "srfi-"+strings.TrimSuffix(num, ")") {
			return true
		}
	}
	return false
}

// libraryKnown reports whether name (a library name in any spelling
// [LibraryName] accepts) can be imported: cond-expand's (library name).
func (x *expander) libraryKnown(name Value) bool {
	n, ok := LibraryName(name)
	if !ok {
		return false
	}
	if x.knownExports(n) != nil {
		return true
	}
	path, _ := x.in.findLibraryFile(n, x.dir)
	return path != ""
}

// libraryBindings returns the exports of a registered library. Special
// forms are global already; a control or boot procedure is its global value.
// The procedures of sources not evaluated yet (lazyProcedure) are not
// made: pending names them; macros names the rows of syntax (a source's,
// which may not be evaluated yet, or syntax re-exported).
func (in *Interp) libraryBindings(lib *Library) (out map[string]Value, pending, macros []string) {
	out = map[string]Value{}
	var lazy []string
	for i := range lib.Procs {
		p := &lib.Procs[i]
		if p.Replaces && p.Fn == nil {
			// the value its source defines, even when an import has
			// rebound the name since ((chicken base)'s string-pad, then
			// an import of (srfi 13))
			if v, ok := in.sourceDefinition(Intern(p.Name)); ok {
				out[p.Name] = v
				continue
			}
		}
		switch {
		case p.Fn != nil:
			out[p.Name] = rowValue(lib, p)
		case in.lazyProcedure(Intern(p.Name)):
			lazy = append(lazy, p.Name)
		case rowKindOf(p)&rowSyntax != 0 && !p.IsSyntax(): // a source's macro, or one re-exported
			macros = append(macros, p.Name)
		case !p.IsSyntax():
			if v, ok := in.reexported(p.Name); ok {
				out[p.Name] = v
			}
		}
	}
	for _, n := range lazy { // unless a source the loop loaded defined it
		if in.lazyProcedure(Intern(n)) {
			pending = append(pending, n)
		} else if v, ok := in.reexported(n); ok {
			out[n] = v
		}
	}
	for _, b := range lib.Values {
		out[b.Name] = b.Value
	}
	for _, pd := range lib.Parameters {
		out[pd.Name] = in.parameter(pd)
	}
	return out, pending, macros
}

// --- libraries in files ----------------------------------------------------

// libraryFileExts are the extensions tried, in order, for a library file.
var libraryFileExts = []string{".sld", ".scm", ".sls"}

// implementationInfixes are tried, in order, before each extension: a
// library collection written for several R6RS systems ships a file per
// system where they differ (compat.chezscheme.sls, compat.sagittarius.sls
// …) and a portable one; an implementation takes its own first. tlsport
// takes a tlsport one, then Sagittarius's (whose libraries it provides),
// then the portable file.
var implementationInfixes = []string{".tlsport", ".sagittarius", ""}

// findLibraryFile looks for the file of library n — (foo bar) in
// foo/bar.sld, foo/bar.scm or foo/bar.sls, or with the extensions
// SetLibrarySuffixes set, each preceded by its implementation-specific
// variants (foo/bar.tlsport.sls, foo/bar.sagittarius.sls) — in dir (the importing file's
// directory), the current directory and the interp's library path; for
// (srfi N name), SRFI 97's alias of (srfi N), the file of (srfi N) when it
// has none of its own. It returns the path, or "" and the directories
// searched.
func (in *Interp) findLibraryFile(n, dir string) (string, []string) {
	parts := strings.Fields(strings.Trim(n, "()"))
	rels := []string{filepath.Join(parts...)}
	// A number in a name may have been written :N ((srfi :1 lists),
	// Sagittarius's (rfc :5322)), which the R6RS collections keep in
	// a file or directory named %3aN (the encoding of the colon that
	// Chez, Guile, Sagittarius and chez-srfi use) or :N.
	for _, colon := range []string{"%3a", ":"} {
		enc, numeric := make([]string, len(parts)), false
		for i, p := range parts {
			if _, isNum := srfiNumber(p, ""); isNum && i > 0 {
				enc[i], numeric = colon+p, true
			} else {
				enc[i] = p
			}
		}
		if numeric {
			rels = append(rels, filepath.Join(enc...))
		}
	}
	var dirs []string
	seen := map[string]bool{}
	exts := in.LibrarySuffixes()
	for _, d := range append([]string{dir, "."}, in.LibraryPath()...) {
		if d == "" {
			continue
		}
		if abs, err := filepath.Abs(d); err == nil {
			d = abs
		}
		if seen[d] {
			continue
		}
		seen[d] = true
		dirs = append(dirs, d)
		for _, rel := range rels {
			for _, ext := range exts {
				for _, impl := range implementationInfixes {
					p := filepath.Join(d, rel+impl+ext)
					if st, err := os.Stat(p); err == nil && !st.IsDir() {
						return p, dirs
					}
				}
			}
		}
	}
	if a, ok := srfiAlias(n); ok {
		if p, _ := in.findLibraryFile(a, dir); p != "" {
			return p, dirs
		}
	}
	return "", dirs
}

// findIncludeFile returns the file include reads for name: an absolute name
// as is; else the first existing of name, then name.scm (CHICKEN), in dir
// (the including file's directory), the current directory and the library
// path; else name in dir, for the error.
func (in *Interp) findIncludeFile(name, dir string) string {
	if filepath.IsAbs(name) {
		return name
	}
	for _, d := range append([]string{dir, "."}, in.LibraryPath()...) {
		for _, p := range []string{name, name + ".scm"} {
			p = filepath.Join(d, p)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
	}
	return filepath.Join(dir, name)
}

// loadLibraryFile evaluates the file at path, which defines a library, at
// once (on its own thread, during the importer's expansion).
func (in *Interp) loadLibraryFile(x *expander, f Value, path string) {
	in.mu.Lock()
	if in.loadingLibs[path] {
		in.mu.Unlock()
		x.syntaxErr(f, "import", "circular import of %s", path)
	}
	in.loadingLibs[path] = true
	in.mu.Unlock()
	defer func() {
		in.mu.Lock()
		delete(in.loadingLibs, path)
		in.mu.Unlock()
	}()
	src, err := ctxio.ReadFile(x.readContext(), path)
	if err != nil {
		panic(&schemePanic{v: fileError("import", err, path)})
	}
	if _, err := in.evalSource(in.ctx, string(src), path); err != nil {
		if e, ok := err.(*Error); ok {
			panic(&schemePanic{v: e.Condition})
		}
		x.syntaxErr(f, "import", "loading %s: %v", path, err)
	}
}

// WithLibraryPath adds directories searched for library files by import
// (after the importing file's directory and the current directory), as
// csi's -include-path does.
func WithLibraryPath(dirs ...string) Option {
	return func(i *Interp) { i.libPath = append(i.libPath, dirs...) }
}

// LibraryPath returns the directories given to [WithLibraryPath] (or
// [Interp.SetLibraryPath]), in the order import searches them.
func (in *Interp) LibraryPath() []string {
	in.libPathMu.Lock()
	defer in.libPathMu.Unlock()
	return slices.Clone(in.libPath)
}

// SetLibraryPath replaces the directories import and load search for
// library files (Sagittarius's load-path and add-load-path).
func (in *Interp) SetLibraryPath(dirs []string) {
	in.libPathMu.Lock()
	in.libPath = slices.Clone(dirs)
	in.libPathMu.Unlock()
}

// LibrarySuffixes returns the extensions import tries, in order, for a
// library file: .sld, .scm and .sls unless SetLibrarySuffixes changed
// them.
func (in *Interp) LibrarySuffixes() []string {
	in.libPathMu.Lock()
	defer in.libPathMu.Unlock()
	if in.libExts == nil {
		return slices.Clone(libraryFileExts)
	}
	return slices.Clone(in.libExts)
}

// SetLibrarySuffixes replaces the extensions import tries for library
// files (Sagittarius's add-load-suffix).
func (in *Interp) SetLibrarySuffixes(exts []string) {
	in.libPathMu.Lock()
	in.libExts = slices.Clone(exts)
	in.libPathMu.Unlock()
}

// --- defining libraries -----------------------------------------------------

// defineLibrary registers the exports of namespace ns as library ns.name.
func (x *expander) defineLibrary(f Value, ns *namespace) {
	exports := map[string]den{}
	add := func(internal, external *Symbol) {
		switch d := ns.lookup(x, internal).(type) {
		case *macro:
			exports[external.Name] = den{mac: d}
		case *Symbol:
			exports[external.Name] = den{sym: d}
		}
	}
	if ns.exportAll {
		for _, s := range ns.order {
			add(s, s)
		}
	}
	for _, e := range ns.exports {
		add(e.internal, e.external)
	}
	x.in.mu.Lock()
	x.in.userLibs[ns.name] = &userLib{name: ns.name, exports: exports, ns: ns}
	x.in.mu.Unlock()
}

// exportSpecs parses export specs: id, R7RS (rename a b), R6RS (rename (a
// b) …) and CHICKEN (syntax-name helper …).
func (x *expander) exportSpecs(f Value, specs []Value) []exportSpec {
	var out []exportSpec
	sym := func(v Value) *Symbol {
		s, ok := stripSyntax(v).(*Symbol)
		if !ok {
			x.syntaxErr(f, "export", "bad export spec %s", WriteString(stripSyntax(v)))
		}
		return s
	}
	for _, s := range specs {
		if isIdent(s) {
			out = append(out, exportSpec{sym(s), sym(s)})
			continue
		}
		l := x.items(s, 1, "export")
		if symName(l[0]) != "rename" {
			out = append(out, exportSpec{sym(l[0]), sym(l[0])})
			continue
		}
		if len(l) == 3 && isIdent(l[1]) {
			out = append(out, exportSpec{sym(l[1]), sym(l[2])})
			continue
		}
		for _, r := range l[1:] {
			rl := x.items(r, 2, "export")
			out = append(out, exportSpec{sym(rl[0]), sym(rl[1])})
		}
	}
	return out
}

// expandExport expands (export …): inside a module it adds exports; at the
// top level it is ignored.
func expandExport(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 1, "export")
	if x.ns != nil {
		x.ns.exports = append(x.ns.exports, x.exportSpecs(f, it[1:])...)
	}
	return &cConst{Unspecified}
}

// expandReexport expands (reexport import-set …).
func expandReexport(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 1, "reexport")
	for _, set := range it[1:] {
		for name, d := range x.importBindings(f, stripSyntax(set)) {
			x.bindImport(name, d)
			if x.ns != nil {
				s := Intern(name)
				x.ns.exports = append(x.ns.exports, exportSpec{s, s})
			}
		}
	}
	return &cConst{Unspecified}
}

// claimDefinitions claims the names the body forms define at their surface
// (through begin), so forward references inside the library resolve to them.
func (x *expander) claimDefinitions(ns *namespace, forms []Value) {
	claim := func(v Value) {
		if s, ok := v.(*Symbol); ok {
			ns.define(s, nil)
		}
	}
	for _, f := range forms {
		l, ok := ListToSlice(f)
		if !ok || len(l) < 2 {
			continue
		}
		switch symName(l[0]) {
		case "begin":
			x.claimDefinitions(ns, l[1:])
		case "define", "define-constant", "define-inline":
			t := l[1]
			for {
				p, ok := t.(*Pair)
				if !ok {
					break
				}
				t = p.Car
			}
			claim(t)
		case "define-values":
			for t := l[1]; ; {
				p, ok := t.(*Pair)
				if !ok {
					claim(t)
					break
				}
				claim(p.Car)
				t = p.Cdr
			}
		case "define-record-type":
			if len(l) < 4 {
				continue
			}
			claim(l[1])
			if p, ok := l[2].(*Pair); ok {
				claim(p.Car)
			} else {
				claim(l[2])
			}
			claim(l[3])
			for _, fs := range l[4:] {
				if fl, ok := ListToSlice(fs); ok {
					for _, a := range fl[1:] {
						claim(a)
					}
				}
			}
		}
	}
}

// expandBodyIn expands forms as the top level of namespace ns. The values
// of its definitions are expanded after the whole body, so that a
// procedure may use a macro defined below it (r6rs §10).
func (x *expander) expandBodyIn(ns *namespace, forms []Value) core {
	x.claimDefinitions(ns, forms)
	saved := x.ns
	x.ns = ns
	defer func() { x.ns = saved }()
	seq := &cSeq{}
	var deferred []deferredDefine
	for _, f := range forms {
		seq.body = append(seq.body, x.toplevelIn(f, nil, &deferred))
	}
	for _, d := range deferred {
		d.c.val = x.expandNamed(d.val, d.sc, d.c.sym.Name)
	}
	seq.body = append(seq.body, &cConst{Unspecified})
	return seq
}

// libraryForm returns the items (at least min) of a form defining a
// library, and the library's canonical name; the form must be at top level.
func (x *expander) libraryForm(f *Pair, sc *scope, min int) ([]Value, string) {
	who := symName(f.Car)
	it := x.items(f, min, who)
	if sc != nil {
		x.syntaxErr(f, who, "%s is allowed at top level only", who)
	}
	n, ok := LibraryName(it[1])
	if !ok {
		x.syntaxErr(f, who, "bad library name %s", WriteString(stripSyntax(it[1])))
	}
	return it, n
}

// expandModule expands CHICKEN's (module name (export …) body …) and
// (module name * body …).
func expandModule(x *expander, f *Pair, sc *scope) core {
	it, n := x.libraryForm(f, sc, 3)
	ns := newNamespace(n, strings.ReplaceAll(strings.Trim(n, "()"), " ", ".")+"#")
	switch e := stripSyntax(it[2]).(type) {
	case *Symbol:
		if e.Name != "*" {
			x.syntaxErr(f, "module", "expected an export list or *")
		}
		ns.exportAll = true
	default:
		l, ok := ListToSlice(e)
		if !ok {
			x.syntaxErr(f, "module", "expected an export list or *")
		}
		ns.exports = x.exportSpecs(f, l)
	}
	body := x.expandBodyIn(ns, it[3:])
	x.defineLibrary(f, ns)
	return body
}

// expandDefineLibrary expands R7RS (define-library name declaration …).
func expandDefineLibrary(x *expander, f *Pair, sc *scope) core {
	it, n := x.libraryForm(f, sc, 2)
	ns := newNamespace(n, n+"#")
	var body []Value
	var decls func(ds []Value)
	decls = func(ds []Value) {
		for _, d := range ds {
			dl := x.items(d, 1, "define-library")
			switch symName(dl[0]) {
			case "export":
				ns.exports = append(ns.exports, x.exportSpecs(d, dl[1:])...)
			case "import":
				body = append(body, d)
			case "begin":
				body = append(body, dl[1:]...)
			case "include", "include-ci":
				body = append(body, x.includeFiles(d, dl[1:])...)
			case "include-library-declarations":
				decls(x.includeFiles(d, dl[1:]))
			case "cond-expand":
				for _, cl := range dl[1:] {
					cs := x.items(cl, 1, "cond-expand")
					if symName(cs[0]) == "else" || x.feature(cs[0]) {
						decls(cs[1:])
						break
					}
				}
			default:
				x.syntaxErr(d, "define-library", "unknown library declaration %s", symName(dl[0]))
			}
		}
	}
	decls(it[2:])
	c := x.expandBodyIn(ns, body)
	x.defineLibrary(f, ns)
	return c
}

// expandLibrary expands R6RS (library name (export …) (import …) body …).
func expandLibrary(x *expander, f *Pair, sc *scope) core {
	it, n := x.libraryForm(f, sc, 4)
	ex, im := x.items(it[2], 1, "library"), x.items(it[3], 1, "library")
	if symName(ex[0]) != "export" || symName(im[0]) != "import" {
		x.syntaxErr(f, "library", "expected (library name (export …) (import …) body …)")
	}
	ns := newNamespace(n, n+"#")
	ns.exports = x.exportSpecs(it[2], ex[1:])
	c := x.expandBodyIn(ns, append([]Value{it[3]}, it[4:]...))
	x.defineLibrary(f, ns)
	return c
}

// standardLibraryNames are the standard libraries whose names the core
// defines globally already (tlsport's core is flat), so importing them binds
// nothing new: the CHICKEN 5 modules the core implements (at least in part)
// and SRFIs 4 and 13 (in part); the SRFIs of coreFeatures count too. The
// R7RS libraries are listed with their exports in r7rsLibraryNames; any
// other name must be a registered library, as the scheme/<lib> packages are.
var standardLibraryNames = map[string]bool{
	"(chicken blob)": true, "(chicken eval)": true, "(chicken file)": true, "(chicken io)": true,
	"(chicken keyword)": true, "(chicken port)": true, "(chicken process-context)": true,
	"(chicken sort)": true, "(chicken syntax)": true, "(chicken time)": true, "(chicken type)": true,
	"(chicken module)": true, "(chicken)": true,
	"(srfi 4)": true, "(srfi 13)": true,
}

// chicken4Units maps CHICKEN 4 unit and egg names, as use names them, to
// the CHICKEN 5 modules that replaced them.
var chicken4Units = map[string][]string{
	"tcp":             {"(chicken tcp)"},
	"posix":           {"(chicken file)", "(chicken file posix)", "(chicken process)", "(chicken process signal)", "(chicken process-context)", "(chicken process-context posix)", "(chicken time)", "(chicken time posix)"},
	"extras":          {"(chicken io)", "(chicken pretty-print)", "(chicken format)", "(chicken random)"},
	"data-structures": {"(chicken base)", "(chicken string)", "(chicken sort)", "(chicken fixnum)"},
	"ports":           {"(chicken port)"},
	"utils":           {"(chicken io)", "(chicken file)", "(chicken process)"},
	"files":           {"(chicken file)", "(chicken pathname)"},
	"lolevel":         {"(chicken memory)", "(chicken locative)"},
	"irregex":         {"(chicken irregex)"},
	"library":         {"(chicken base)"},
	"eval":            {"(chicken eval)"},
	"expand":          {"(chicken syntax)"},
}

// unitExports returns the exports of the available CHICKEN 5 modules that
// replaced CHICKEN 4 unit name.
func (x *expander) unitExports(f Value, name string, mods []string) map[string]den {
	out := map[string]den{}
	found := false
	for _, m := range mods {
		if d := x.knownExports(m); d != nil {
			found = true
			for k, v := range d {
				out[k] = v
			}
		}
	}
	if !found {
		x.syntaxErr(f, "import", "unit %s: none of its CHICKEN 5 modules %s is available", name, strings.Join(mods, " "))
	}
	return out
}

// expandUse expands (use name …) and (require-extension name …): import,
// with CHICKEN 4 unit names standing for their CHICKEN 5 modules.
func expandUse(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 1, symName(f.Car))
	for _, set := range it[1:] {
		x.importSet(f, set)
	}
	return &cConst{Unspecified}
}

// expandRequireLibrary expands (require-library name …): the libraries are
// loaded (from their files if need be) but not imported.
func expandRequireLibrary(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 1, "require-library")
	for _, n := range it[1:] {
		x.libraryExports(f, stripSyntax(n))
	}
	return &cConst{Unspecified}
}

// require implements require.
func require(th *Thread, a []Value) (v Value, err error) {
	x := &expander{in: th.interp}
	defer recoverRaise(&err)
	for _, n := range a {
		if s, ok := n.(*String); ok {
			n = Intern(s.String())
		}
		name := WriteString(n)
		if th.interp.Provided(name) {
			continue
		}
		x.libraryExports(L(Intern("require"), n), n)
		th.interp.Provide(name)
	}
	return Unspecified, nil
}

// Provide records the extensions names as loaded, as CHICKEN's provide
// does: require skips them and provided? is true of them.
func (in *Interp) Provide(names ...string) {
	in.mu.Lock()
	if in.provided == nil {
		in.provided = map[string]bool{}
	}
	for _, n := range names {
		in.provided[n] = true
	}
	in.mu.Unlock()
}

// Provided reports whether extension name was given to [Interp.Provide]
// or loaded by require.
func (in *Interp) Provided(name string) bool {
	in.mu.RLock()
	defer in.mu.RUnlock()
	return in.provided[name]
}

// --- environments (r7rs §6.12) ------------------------------------------------

// newEnvironment returns an environment holding exactly the bindings of
// imports (as by x.bindImport); its own definitions get private cells.
func (in *Interp) newEnvironment(name string, imports map[string]den) *Environment {
	in.mu.Lock()
	in.envCount++
	id := in.envCount
	in.mu.Unlock()
	ns := newNamespace(name, "%env"+strconv.Itoa(id)+"#")
	ns.strict = true
	x := &expander{in: in, ns: ns}
	for k, d := range imports {
		x.bindImport(k, d)
	}
	return &Environment{interp: in, name: name, ns: ns}
}

// interactionEnvironment implements interaction-environment.
func interactionEnvironment(th *Thread, a []Value) (Value, error) {
	return &Environment{interp: th.interp, name: "interaction"}, nil
}

// schemeReportEnvironment implements scheme-report-environment.
func schemeReportEnvironment(th *Thread, a []Value) (Value, error) {
	return th.interp.newEnvironment("scheme-report", th.interp.globalExports(r7rsLibraryNames()["(scheme r5rs)"])), nil
}

// nullEnvironment implements null-environment.
func nullEnvironment(th *Thread, a []Value) (Value, error) {
	return th.interp.newEnvironment("null", th.interp.globalExports(r5rsSyntax)), nil
}

// environment implements environment.
func environment(th *Thread, a []Value) (v Value, err error) {
	x := &expander{in: th.interp}
	defer recoverRaise(&err)
	imports := map[string]den{}
	var names []string
	for _, set := range a {
		for k, d := range x.importBindings(L(Intern("environment"), set), set) {
			imports[k] = d
		}
		names = append(names, WriteString(set))
	}
	return th.interp.newEnvironment(strings.Join(names, " "), imports), nil
}

// moduleEnvironment implements module-environment.
func moduleEnvironment(th *Thread, a []Value) (Value, error) {
	n, ok := LibraryName(a[0])
	if !ok {
		return nil, TypeError("module-environment", 1, "module name", a[0])
	}
	in := th.interp
	in.mu.RLock()
	ul := in.userLibs[n]
	in.mu.RUnlock()
	if ul == nil {
		// A library of the system (chicken.string): its exports, as csi's
		// module-environment of a compiled module gives. As in csi, a
		// module not yet known is an error (not loaded from a file).
		if (&expander{in: in}).knownExports(n) == nil {
			return nil, NewError("module-environment", "undefined module", []Value{a[0]})
		}
		return environment(th, a[:1])
	}
	return &Environment{interp: in, name: n, ns: ul.ns}, nil
}
