// New: building an Interp with the builtin libraries.

package scheme

import (
	"context"
	"time"
)

// builtinTables lists the core binding tables every Interp defines
// globally; each family file adds its table with addBuiltin at init.
var builtinTables []*Library

// addBuiltin records a core table (used only from package initialisation).
func addBuiltin(l *Library) bool {
	builtinTables = append(builtinTables, l)
	return true
}

// New returns an interpreter with the builtin libraries defined globally.
func New(opts ...Option) *Interp {
	in := &Interp{
		globals:  map[*Symbol]*global{},
		libs:     map[string]*Library{},
		params:   map[*ParamDef]*Parameter{},
		macros:   map[*Symbol]*macro{},
		maxDepth: 5_000_000,
	}
	in.ctx, in.cancel = context.WithCancel(context.Background())
	in.epoch = time.Now()
	for _, o := range opts {
		o(in)
	}
	defaultStdio(in)
	for _, l := range builtinTables {
		_ = in.Register(l)
		in.Import(l.Name)
	}
	in.initCore()
	return in
}
