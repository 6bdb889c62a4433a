// New: building an Interp with the builtin libraries.

package scheme

import (
	"context"
	"time"
)

// builtinLibraries returns the core's tables, in the order every Interp
// registers them and defines their names globally (a later row of the same
// name wins). This list is the one place a core table is registered.
func builtinLibraries() []*Library {
	return []*Library{bytevectorLibrary, equivLibrary, booleanLibrary,
		listLibrary, numberLibrary, portLibrary, stringLibrary, vectorLibrary,
		syntaxLibrary, syntaxCaseLibrary, erMacroLibrary, moduleLibrary, chickenExtrasLibrary, srfi17Library, readSyntaxLibrary, coreLibrary, recordLibrary, threadLibrary, testLibrary, bootLibrary}
}

// New returns an interpreter with the builtin libraries defined globally.
func New(opts ...Option) *Interp {
	in := &Interp{
		globals:     make(map[*Symbol]*global, 256),
		macros:      make(map[*Symbol]*macro, 128),
		libs:        make(map[string]*Library, 160), // the tlsport command registers ~150
		params:      make(map[*ParamDef]*Parameter, 48),
		userLibs:    map[string]*userLib{},
		loadingLibs: map[string]bool{},
		maxDepth:    5_000_000,
	}
	in.ctx, in.cancel = context.WithCancel(context.Background())
	in.gil.wake = make(chan struct{}, 1)
	in.epoch = time.Now()
	for _, o := range opts {
		o(in)
	}
	defaultStdio(in)
	for _, l := range append(builtinLibraries(), in.extraLibs...) {
		_ = in.Register(l)
		if !l.ImportOnly {
			in.importLib(in.Library(l.Name), true)
		}
	}
	if err := in.addBootSources(); err != nil { // after the libraries' sources
		panic("scheme: boot code: " + err.Error())
	}
	in.mu.Lock()
	in.booted = true
	in.mu.Unlock()
	return in
}
