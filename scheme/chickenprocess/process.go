// CHICKEN's (chicken process): subprocesses with ports, shell commands, pipes and waiting, over os/exec.

// Package chickenprocess is the (chicken process) library: CHICKEN 5's
// subprocess procedures. Children are started with os/exec and reaped by a
// goroutine each, so process-wait blocks only the calling thread and
// honours its cancellation. process-fork cannot exist in a Go program and
// process-spawn is Windows-only in CHICKEN: both are errors saying so.
package chickenprocess

import (
	"context"
	_ "embed"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken process)"

//go:embed process.scm
var source string

var (
	str     = scheme.TypeString
	typeArg = &scheme.Type{Name: "list of strings", Accept: func(v scheme.Value) bool {
		items, ok := scheme.ListToSlice(v)
		for _, it := range items {
			if _, s := it.(*scheme.String); !s {
				return false
			}
		}
		return ok
	}}
	typeEnv  = scheme.OrFalse(scheme.TypeList)
	typePort = scheme.TypePort
	pid      = scheme.TypeInteger
)

func cmdArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("command", str), scheme.Opt("argument-list", typeArg, nil), scheme.Opt("environment-alist", typeEnv, nil))
}

var procs = []scheme.Proc{
	{Name: "system", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string", str)) },
		Doc: "Runs the shell command string (/bin/sh -c) and returns its raw wait status: the exit status × 256, or the signal number when killed (0 on success).",
		Fn:  system},
	{Name: "system*", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string", str)) },
		Doc: "As system, but a non-zero status is an error.",
		Fn:  systemStar},
	{Name: "qs", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("string", str), scheme.Opt("platform", scheme.TypeSymbol, nil))
	},
		Doc: "string quoted for a shell command: in single quotes for UNIX shells, in double quotes for platform mingw32 or windows; a NUL character is an error.",
		Fn:  qs},
	{Name: "process", Spec: spec, Sig: "(process commandline-or-command [argument-list [environment-alist]])", LazyArgs: func() scheme.Params { return cmdArgs() },
		Doc: "Starts a subprocess — the shell command line, or command with argument-list (and environment-alist of (name . value), replacing the environment) — and returns three values: an input port on its standard output, an output port on its standard input, and its process id. Its standard error is ours.",
		Fn:  process},
	{Name: "process*", Spec: spec, Sig: "(process* commandline-or-command [argument-list [environment-alist]])", LazyArgs: func() scheme.Params { return cmdArgs() },
		Doc: "As process, with a fourth value: an input port on the subprocess's standard error.",
		Fn:  processStar},
	{Name: "process-run", Spec: spec, Sig: "(process-run commandline-or-command [argument-list])", LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("command", str), scheme.Opt("argument-list", typeArg, nil))
	},
		Doc: "Starts the shell command line, or command with argument-list, sharing our standard streams; returns its process id.",
		Fn:  processRun},
	{Name: "process-wait", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Opt("pid", scheme.OrFalse(pid), nil), scheme.Opt("nohang", nil, scheme.False))
	},
		Doc: "Waits for the child pid (default: any child) to end and returns three values: its pid, #t when it exited normally (#f when killed by a signal), and its exit status (or the signal number). With nohang, returns 0 #t 0 at once when it has not ended, as csi does.",
		Fn:  processWait},
	{Name: "process-signal", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("pid", pid), scheme.Opt("signal", scheme.TypeIndex, scheme.Fixnum(int(syscall.SIGTERM))))
	},
		Doc: "Sends signal (default SIGTERM, 15) to the process pid.",
		Fn:  processSignal},
	{Name: "process-sleep", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("seconds", scheme.TypeNumber)) },
		Doc: "Sleeps for seconds (only the calling thread) and returns 0.",
		Fn:  processSleep},
	{Name: "process-execute", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("pathname", str), scheme.Opt("argument-list", typeArg, nil), scheme.Opt("environment-alist", typeEnv, nil))
	},
		Doc: "Replaces the running process by the program pathname (searched in PATH) with argument-list (and environment-alist); returns only by raising an error.",
		Fn:  processExecute},
	{Name: "process-fork", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Opt("thunk", nil, nil), scheme.Opt("killothers?", nil, nil))
	},
		Doc: "Not available: a Go program cannot fork(); an error suggesting process-run or process.",
		Fn:  processFork},
	{Name: "process-spawn", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("mode", nil), scheme.Req("command", nil), scheme.Rest("args", nil))
	},
		Doc: "Windows only in CHICKEN (an error on UNIX, as there): use process-run or process.",
		Fn:  processSpawn},
	{Name: "open-input-pipe", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("cmdline", str), scheme.Opt("mode", scheme.TypeKeyword, nil))
	},
		Doc: "An input port reading the standard output of the shell command line (mode #:text or #:binary, the same here).",
		Fn:  openInputPipe},
	{Name: "open-output-pipe", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("cmdline", str), scheme.Opt("mode", scheme.TypeKeyword, nil))
	},
		Doc: "An output port writing to the standard input of the shell command line.",
		Fn:  openOutputPipe},
	{Name: "close-input-pipe", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("port", typePort)) },
		Doc: "Closes a port of open-input-pipe, waits for the command to end and returns its exit status.",
		Fn:  closeInputPipe},
	{Name: "close-output-pipe", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("port", typePort)) },
		Doc: "Closes a port of open-output-pipe (the command reads end of file), waits for it to end and returns its exit status.",
		Fn:  closeOutputPipe},
	{Name: "create-pipe", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("mode", nil, nil)) },
		Doc: "Creates a pipe and returns two values: the file descriptors of its reading and its writing end.",
		Fn:  createPipe},
	// written in Scheme (process.scm)
	{Name: "call-with-input-pipe", Spec: spec, Sig: "(call-with-input-pipe cmdline proc [mode])", Args: scheme.Params{Required: []string{"cmdline", "proc"}, Optional: []string{"mode"}},
		Doc: "Calls proc with an input pipe from cmdline; when proc returns, closes the pipe and returns proc's values."},
	{Name: "call-with-output-pipe", Spec: spec, Sig: "(call-with-output-pipe cmdline proc [mode])", Args: scheme.Params{Required: []string{"cmdline", "proc"}, Optional: []string{"mode"}},
		Doc: "Calls proc with an output pipe to cmdline; when proc returns, closes the pipe and returns proc's values."},
	{Name: "with-input-from-pipe", Spec: spec, Sig: "(with-input-from-pipe cmdline thunk [mode])", Args: scheme.Params{Required: []string{"cmdline", "thunk"}, Optional: []string{"mode"}},
		Doc: "Calls thunk with the current input port reading the output of cmdline; then closes the pipe and returns thunk's values."},
	{Name: "with-output-to-pipe", Spec: spec, Sig: "(with-output-to-pipe cmdline thunk [mode])", Args: scheme.Params{Required: []string{"cmdline", "thunk"}, Optional: []string{"mode"}},
		Doc: "Calls thunk with the current output port writing to cmdline's input; then closes the pipe and returns thunk's values."},
}

// Library is the (chicken process) binding table.
var Library = &scheme.Library{Name: "(chicken process)", Doc: "CHICKEN 5's (chicken process): subprocesses, shell commands and pipes.", Procs: procs,
	Values: []scheme.Binding{
		{Name: "pipe/buf", Spec: spec, Doc: "The number of bytes written to a pipe atomically (PIPE_BUF), 4096.", Value: scheme.Fixnum(4096)},
		{Name: "spawn/overlay", Spec: spec, Doc: "process-spawn mode (Windows): replace the current process.", Value: scheme.Fixnum(2)},
		{Name: "spawn/wait", Spec: spec, Doc: "process-spawn mode (Windows): wait for the process.", Value: scheme.Fixnum(0)},
		{Name: "spawn/nowait", Spec: spec, Doc: "process-spawn mode (Windows): run asynchronously.", Value: scheme.Fixnum(1)},
		{Name: "spawn/nowaito", Spec: spec, Doc: "process-spawn mode (Windows): as spawn/nowait.", Value: scheme.Fixnum(3)},
		{Name: "spawn/detach", Spec: spec, Doc: "process-spawn mode (Windows): run in the background without a console.", Value: scheme.Fixnum(4)},
	},
	Source: scheme.LibrarySource("process.scm", source)}

// ---- children ----

// child is a started subprocess, reaped by its own goroutine.
type child struct {
	cmd   *exec.Cmd
	done  chan struct{}
	state *os.ProcessState // set when done
}

// children is an interpreter's table of children and of pipe ports.
type children struct {
	mu    sync.Mutex
	byPid map[int]*child
	pipes map[*scheme.Port]*child
}

type childrenKey struct{}

func table(th *scheme.Thread) *children {
	return th.Interp().HostData(childrenKey{}, func() any {
		return &children{byPid: map[int]*child{}, pipes: map[*scheme.Port]*child{}}
	}).(*children)
}

func (t *children) start(who string, cmd *exec.Cmd, closeAfter ...*os.File) (*child, error) {
	err := cmd.Start()
	for _, f := range closeAfter {
		_ = f.Close()
	}
	if err != nil {
		return nil, scheme.NewError(who, "cannot start: "+err.Error(), []scheme.Value{scheme.NewString(cmd.Path)}, "i/o", "process")
	}
	c := &child{cmd: cmd, done: make(chan struct{})}
	t.mu.Lock()
	t.byPid[cmd.Process.Pid] = c
	t.mu.Unlock()
	go func() {
		_ = cmd.Wait()
		c.state = cmd.ProcessState
		close(c.done)
	}()
	return c, nil
}

func strs(v scheme.Value) []string {
	items, _ := scheme.ListToSlice(v)
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.(*scheme.String).String()
	}
	return out
}

// command builds the command of a commandline-or-command argument list.
func command(who string, a []scheme.Value) (*exec.Cmd, error) {
	if len(a) < 2 || scheme.IsDefault(a[1]) {
		return exec.Command("/bin/sh", "-c", a[0].(*scheme.String).String()), nil
	}
	cmd := exec.Command(a[0].(*scheme.String).String(), strs(a[1])...)
	if len(a) > 2 && !scheme.IsDefault(a[2]) && a[2] != scheme.Value(scheme.False) {
		env, err := envList(who, a[2])
		if err != nil {
			return nil, err
		}
		cmd.Env = env
	}
	return cmd, nil
}

func envList(who string, v scheme.Value) ([]string, error) {
	pairs, ok := scheme.StringPairs(v)
	if !ok {
		return nil, scheme.TypeError(who, 3, "alist of (name . value) strings", v)
	}
	env := make([]string, len(pairs))
	for i, p := range pairs {
		env[i] = p[0] + "=" + p[1]
	}
	return env, nil
}

// status returns the raw wait status of a finished child.
func status(st *os.ProcessState) int {
	if ws, ok := st.Sys().(syscall.WaitStatus); ok {
		return int(ws)
	}
	return st.ExitCode() << 8
}

// wait waits for c (honouring ctx) and returns its normal-exit flag and
// exit status or signal.
func wait(ctx context.Context, c *child) (normal bool, code int, err error) {
	select {
	case <-c.done:
	case <-ctx.Done():
		return false, 0, ctx.Err()
	}
	if ws, ok := c.state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return false, int(ws.Signal()), nil
	}
	return true, c.state.ExitCode(), nil
}

func inputPort(name string, f *os.File) *scheme.Port {
	return scheme.NewInputPort(name, &fileReader{scheme.ReaderBackend(f), f}, nil)
}

func outputPort(name string, f *os.File) *scheme.Port {
	return scheme.NewOutputPort(name, scheme.WriterBackend(f), nil)
}

// fileReader is a reading backend over a pipe that closes it with the port.
type fileReader struct {
	scheme.ByteReader
	f *os.File
}

// Close implements io.Closer.
func (r *fileReader) Close() error { return r.f.Close() }

// ---- procedures ----

func runShell(th *scheme.Thread, who, line string) (int, error) {
	cmd := exec.Command("/bin/sh", "-c", line)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if p, ok := th.Param(scheme.CurrentOutputPort).(*scheme.Port); ok {
		_ = p.Flush(th.Context())
	}
	c, err := table(th).start(who, cmd)
	if err != nil {
		return 0, err
	}
	if _, _, err := wait(th.Context(), c); err != nil {
		return 0, err
	}
	table(th).forget(c)
	return status(c.state), nil
}

func (t *children) forget(c *child) {
	t.mu.Lock()
	delete(t.byPid, c.cmd.Process.Pid)
	t.mu.Unlock()
}

// system implements system.
func system(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st, err := runShell(th, "system", a[0].(*scheme.String).String())
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(st), nil
}

// systemStar implements system*.
func systemStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st, err := runShell(th, "system*", a[0].(*scheme.String).String())
	if err != nil {
		return nil, err
	}
	if st != 0 {
		return nil, scheme.NewError("system*", "shell command failed with status", []scheme.Value{scheme.Fixnum(st), a[0]}, "process")
	}
	return scheme.Unspecified, nil
}

// qs implements qs.
func qs(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*scheme.String).String()
	if strings.ContainsRune(s, 0) {
		return nil, scheme.NewError("qs", "NUL character can not be represented in shell string", []scheme.Value{a[0]})
	}
	if p, ok := a[1].(*scheme.Symbol); ok && (p.Name == "mingw32" || p.Name == "windows") {
		return scheme.NewString(`"` + strings.ReplaceAll(s, `"`, `""`) + `"`), nil
	}
	return scheme.NewString("'" + strings.ReplaceAll(s, "'", `'\''`) + "'"), nil
}

func spawn(th *scheme.Thread, a []scheme.Value, who string, withErr bool) (scheme.Value, error) {
	cmd, err := command(who, a)
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, scheme.NewError(who, err.Error(), nil, "i/o")
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, scheme.NewError(who, err.Error(), nil, "i/o")
	}
	cmd.Stdout, cmd.Stdin, cmd.Stderr = outW, inR, os.Stderr
	closeAfter := []*os.File{outW, inR}
	var errR *os.File
	if withErr {
		var errW *os.File
		if errR, errW, err = os.Pipe(); err != nil {
			return nil, scheme.NewError(who, err.Error(), nil, "i/o")
		}
		cmd.Stderr = errW
		closeAfter = append(closeAfter, errW)
	}
	c, err := table(th).start(who, cmd, closeAfter...)
	if err != nil {
		_, _, _ = outR.Close(), inW.Close(), closeIf(errR)
		return nil, err
	}
	vals := []scheme.Value{inputPort("(process)", outR), outputPort("(process)", inW), scheme.Fixnum(c.cmd.Process.Pid)}
	if withErr {
		vals = append(vals, inputPort("(process stderr)", errR))
	}
	return scheme.Values(vals...), nil
}

func closeIf(f *os.File) error {
	if f == nil {
		return nil
	}
	return f.Close()
}

// process implements process.
func process(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return spawn(th, a, "process", false)
}

// processStar implements process*.
func processStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return spawn(th, a, "process*", true)
}

// processRun implements process-run.
func processRun(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	cmd, err := command("process-run", a)
	if err != nil {
		return nil, err
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	c, err := table(th).start("process-run", cmd)
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(c.cmd.Process.Pid), nil
}

// notEnded is process-wait's answer, with nohang, for a child that has not
// ended: csi's 0 #t 0 (waitpid's status 0 reads as a normal exit).
func notEnded() scheme.Value {
	return scheme.Values(scheme.Fixnum(0), scheme.True, scheme.Fixnum(0))
}

// processWait implements process-wait. thread-signal! reaches a thread
// waiting in it (its wait context); the wait goes on after the handler.
func processWait(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	th.WaitBegin() // thread-state: blocked
	defer th.WaitEnd()
	ctx := th.WaitContext()
	t := table(th)
	nohang := scheme.Truthy(a[1])
	var c *child
	if n, ok := a[0].(scheme.Fixnum); ok && n > 0 {
		t.mu.Lock()
		c = t.byPid[int(n)]
		t.mu.Unlock()
		if c == nil {
			return nil, scheme.NewError("process-wait", "no such child process", []scheme.Value{a[0]}, "i/o", "process")
		}
	}
	for c == nil { // any child: the first one done
		t.mu.Lock()
		if len(t.byPid) == 0 {
			t.mu.Unlock()
			return nil, scheme.NewError("process-wait", "no child processes", nil, "i/o", "process")
		}
		for _, k := range t.byPid {
			select {
			case <-k.done:
				c = k
			default:
			}
			if c != nil {
				break
			}
		}
		t.mu.Unlock()
		if c != nil {
			break
		}
		if nohang {
			return notEnded(), nil
		}
		select {
		case <-time.After(10 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if nohang {
		select {
		case <-c.done:
		default:
			return notEnded(), nil
		}
	}
	normal, code, err := wait(ctx, c)
	if err != nil {
		return nil, err
	}
	t.forget(c)
	return scheme.Values(scheme.Fixnum(c.cmd.Process.Pid), scheme.MakeBool(normal), scheme.Fixnum(code)), nil
}

// processSignal implements process-signal.
func processSignal(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, ok := a[0].(scheme.Fixnum)
	if !ok {
		return nil, scheme.TypeError("process-signal", 1, "process id", a[0])
	}
	if err := syscall.Kill(int(n), syscall.Signal(a[1].(scheme.Fixnum))); err != nil {
		return nil, scheme.NewError("process-signal", err.Error(), []scheme.Value{a[0], a[1]}, "i/o", "process")
	}
	return scheme.Unspecified, nil
}

// processSleep implements process-sleep.
func processSleep(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d := time.Duration(scheme.ToFloat(a[0]) * float64(time.Second))
	select {
	case <-time.After(d):
		return scheme.Fixnum(0), nil
	case <-th.Context().Done():
		return nil, th.Context().Err()
	}
}

// processExecute implements process-execute.
func processExecute(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	name := a[0].(*scheme.String).String()
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, scheme.NewError("process-execute", err.Error(), []scheme.Value{a[0]}, "i/o", "process")
	}
	args := append([]string{name}, strs(scheme.OrDefault(a[1], scheme.Null))...)
	env := os.Environ()
	if e := a[2]; !scheme.IsDefault(e) && e != scheme.Value(scheme.False) {
		if env, err = envList("process-execute", e); err != nil {
			return nil, err
		}
	}
	_ = th.Interp().FlushOutput(th.Context())
	err = syscall.Exec(path, args, env)
	return nil, scheme.NewError("process-execute", err.Error(), []scheme.Value{a[0]}, "i/o", "process")
}

// processFork implements process-fork.
func processFork(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nil, scheme.NewError("process-fork", "not available: a Go program cannot fork; use process-run or process", nil)
}

// processSpawn implements process-spawn.
func processSpawn(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nil, scheme.NewError("process-spawn", "not available on UNIX (as in CHICKEN); use process-run or process", nil)
}

func pipe(th *scheme.Thread, a []scheme.Value, who string, input bool) (scheme.Value, error) {
	cmd := exec.Command("/bin/sh", "-c", a[0].(*scheme.String).String())
	r, w, err := os.Pipe()
	if err != nil {
		return nil, scheme.NewError(who, err.Error(), nil, "i/o")
	}
	var port *scheme.Port
	var theirs *os.File
	if input {
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, w, os.Stderr
		port, theirs = inputPort("(pipe)", r), w
	} else {
		cmd.Stdin, cmd.Stdout, cmd.Stderr = r, os.Stdout, os.Stderr
		port, theirs = outputPort("(pipe)", w), r
	}
	t := table(th)
	c, err := t.start(who, cmd, theirs)
	if err != nil {
		_, _ = r.Close(), w.Close()
		return nil, err
	}
	t.mu.Lock()
	t.pipes[port] = c
	t.mu.Unlock()
	return port, nil
}

// openInputPipe implements open-input-pipe.
func openInputPipe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return pipe(th, a, "open-input-pipe", true)
}

// openOutputPipe implements open-output-pipe.
func openOutputPipe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return pipe(th, a, "open-output-pipe", false)
}

func closePipe(th *scheme.Thread, a []scheme.Value, who string) (scheme.Value, error) {
	port := a[0].(*scheme.Port)
	t := table(th)
	t.mu.Lock()
	c := t.pipes[port]
	delete(t.pipes, port)
	t.mu.Unlock()
	if c == nil {
		return nil, scheme.TypeError(who, 1, "pipe port", port)
	}
	if err := port.CloseContext(th.Context()); err != nil && !errors.Is(err, os.ErrClosed) {
		return nil, scheme.NewError(who, err.Error(), []scheme.Value{port}, "i/o")
	}
	_, code, err := wait(th.Context(), c)
	if err != nil {
		return nil, err
	}
	t.forget(c)
	return scheme.Fixnum(code), nil
}

// closeInputPipe implements close-input-pipe.
func closeInputPipe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return closePipe(th, a, "close-input-pipe")
}

// closeOutputPipe implements close-output-pipe.
func closeOutputPipe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return closePipe(th, a, "close-output-pipe")
}

// createPipe implements create-pipe.
func createPipe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	// Bare descriptors, as CHICKEN's: the program owns them (file-close,
	// open-input-file*). An *os.File would close its descriptor again
	// when collected, by then perhaps another file's.
	fds, err := sysPipe()
	if err != nil {
		return nil, scheme.NewError("create-pipe", err.Error(), nil, "i/o")
	}
	return scheme.Values(scheme.Fixnum(fds[0]), scheme.Fixnum(fds[1])), nil
}
