// CHICKEN's exit-handler, implicit-exit-handler and on-exit: the hooks of exit and of the end of a program.

package scheme

import "context"

// ExitHandler is CHICKEN's exit-handler parameter: exit calls its value
// with the exit code. The default runs the on-exit thunks and ends the
// program as exit always did.
var ExitHandler = &ParamDef{Name: "exit-handler", Spec: "CHICKEN (chicken base)", Sig: "(exit-handler [procedure])",
	Doc:     "The procedure exit calls with the exit code; the default runs the on-exit thunks and ends the program.",
	Default: defaultExitHandler}

// ImplicitExitHandler is CHICKEN's implicit-exit-handler parameter: its
// value is called with no arguments when the last toplevel form of a
// program has run ([Interp.ImplicitExit]). The default runs the on-exit
// thunks.
var ImplicitExitHandler = &ParamDef{Name: "implicit-exit-handler", Spec: "CHICKEN (chicken base)", Sig: "(implicit-exit-handler [procedure])",
	Doc:     "The procedure called after the last toplevel form of a program; the default runs the on-exit thunks.",
	Default: defaultImplicitExitHandler}

var (
	defaultExitHandler = NewPrimitive(nil, &Proc{Name: "exit-handler", Args: Params{Optional: []string{"code"}},
		control: exitDefault})
	defaultImplicitExitHandler = NewPrimitive(nil, &Proc{Name: "implicit-exit-handler", Fn: implicitExitDefault})
)

// OnExit schedules thunk to run when the program ends normally: by exit
// (through the default exit-handler) or after its last toplevel form
// (through the default implicit-exit-handler). As in CHICKEN, the thunk
// scheduled last runs first.
func (in *Interp) OnExit(thunk Value) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.onExit = append(in.onExit, thunk)
}

// runOnExit runs, on th, the thunks scheduled by [Interp.OnExit], the last
// scheduled first; each runs once even when one of them calls exit.
func (in *Interp) runOnExit(th *Thread) error {
	for {
		in.mu.Lock()
		n := len(in.onExit)
		if n == 0 {
			in.mu.Unlock()
			return nil
		}
		thunk := in.onExit[n-1]
		in.onExit = in.onExit[:n-1]
		in.mu.Unlock()
		if _, err := th.Call(thunk); err != nil {
			return err
		}
	}
}

// ImplicitExit calls the value of implicit-exit-handler, as CHICKEN does
// after the last toplevel form of a program; a program runner calls it when
// a script or expression has run without error (cmd/tlsport does). The
// handler may call exit, which makes ImplicitExit return an [ExitError].
func (in *Interp) ImplicitExit(ctx context.Context) error {
	_, err := in.Apply(ctx, in.parameter(ImplicitExitHandler).get())
	return err
}

// implicitExitDefault is the default implicit-exit-handler.
func implicitExitDefault(th *Thread, a []Value) (Value, error) {
	return Unspecified, th.interp.runOnExit(th)
}

// exitDefault is the default exit-handler: the on-exit thunks, then exit
// as R7RS describes it.
func exitDefault(th *Thread, a []Value) Value {
	if err := th.interp.runOnExit(th); err != nil {
		panic(err)
	}
	return exitR7RS(th, a)
}
