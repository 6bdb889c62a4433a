// introspect: the live SRFI-18 threads and what each is blocked on (for the REPL's ,threads).

package scheme

import (
	"bufio"
	"bytes"
	"context"
	"reflect"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// threadLabel is the pprof goroutine label carrying a started thread's id,
// by which Threads finds the goroutine of each thread.
const threadLabel = "scheme-thread"

// threadTable is the per-Interp set of started, not yet terminated threads.
type threadTable struct {
	mu   sync.Mutex
	live map[int64]*Thread
}

type threadTableKey struct{}

func (in *Interp) threadTable() *threadTable {
	return in.HostData(threadTableKey{}, func() any { return &threadTable{live: map[int64]*Thread{}} }).(*threadTable)
}

// startThread runs t on a new goroutine, labelled with its id and listed
// in the Interp's thread table while it runs.
func (in *Interp) startThread(t *Thread) {
	tt := in.threadTable()
	tt.mu.Lock()
	tt.live[t.id] = t
	tt.mu.Unlock()
	go pprof.Do(context.Background(), pprof.Labels(threadLabel, strconv.FormatInt(t.id, 10)), func(context.Context) {
		defer func() {
			tt.mu.Lock()
			delete(tt.live, t.id)
			tt.mu.Unlock()
		}()
		t.runThread()
	})
}

// ThreadInfo describes one live SRFI-18 thread.
type ThreadInfo struct {
	Thread *Thread
	ID     int64
	Name   Value  // the thread's name, #f when it has none
	State  string // "runnable" while it runs
	// Blocked says what the thread is waiting in: the Scheme procedure
	// (a primitive such as thread-sleep!, mutex-lock! or read-line) and
	// the Go call it blocks in, e.g. "read-line (net.(*conn).Read)"; ""
	// when it is running or the goroutine could not be found.
	Blocked string
}

// Threads lists the threads started with thread-start! that have not
// terminated, in the order they were made.
func (in *Interp) Threads() []ThreadInfo {
	tt := in.threadTable()
	tt.mu.Lock()
	var out []ThreadInfo
	for id, t := range tt.live {
		t.mu.Lock()
		out = append(out, ThreadInfo{Thread: t, ID: id, Name: t.name, State: t.state})
		t.mu.Unlock()
	}
	tt.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	if len(out) == 0 {
		return out
	}
	stacks := labelledStacks()
	prims := in.primitiveFuncs()
	for i := range out {
		out[i].Blocked = blockedOn(stacks[out[i].ID], prims)
	}
	return out
}

// labelledStacks returns the function names of the stack (innermost
// first) of every goroutine carrying a thread label, by thread id.
func labelledStacks() map[int64][]string {
	var buf bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&buf, 1); err != nil {
		return nil
	}
	out := map[int64][]string{}
	id := int64(-1)
	sc := bufio.NewScanner(&buf)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# labels: "):
			id = -1
			key := `"` + threadLabel + `":"`
			if i := strings.Index(line, key); i >= 0 {
				rest := line[i+len(key):]
				if j := strings.IndexByte(rest, '"'); j >= 0 {
					if n, err := strconv.ParseInt(rest[:j], 10, 64); err == nil {
						id = n
					}
				}
			}
		case strings.HasPrefix(line, "#\t") && id >= 0:
			// "#\t0x4a2b3c\tpkg.Func+0x1f\t/path/file.go:12"
			f := strings.Split(line, "\t")
			if len(f) >= 3 {
				name := f[2]
				if k := strings.LastIndex(name, "+0x"); k >= 0 {
					name = name[:k]
				}
				out[id] = append(out[id], name)
			}
		case line == "":
			id = -1
		}
	}
	return out
}

// primitiveFuncs maps the Go function of every registered primitive's Fn
// to its Scheme name.
func (in *Interp) primitiveFuncs() map[string]string {
	m := map[string]string{}
	for _, l := range in.Libraries() {
		for i := range l.Procs {
			p := &l.Procs[i]
			if p.Fn == nil {
				continue
			}
			if f := runtime.FuncForPC(reflect.ValueOf(p.Fn).Pointer()); f != nil {
				if _, dup := m[f.Name()]; !dup {
					m[f.Name()] = p.Name
				}
			}
		}
	}
	return m
}

// blockedOn names what a thread's goroutine waits in: the innermost frame
// outside the Go runtime, and the innermost Scheme primitive on the stack.
func blockedOn(stack []string, prims map[string]string) string {
	goCall := ""
	for _, fn := range stack {
		if goCall == "" && !strings.HasPrefix(fn, "runtime.") && !strings.HasPrefix(fn, "internal/") &&
			!strings.HasPrefix(fn, "sync/atomic.") {
			goCall = fn
		}
		if s, ok := primOf(fn, prims); ok {
			if goCall == fn || goCall == "" {
				return s
			}
			return s + " (" + goCall + ")"
		}
		if strings.Contains(fn, "/scheme.(*Thread).run") {
			break // the interpreter itself: the thread is running Scheme code
		}
	}
	return ""
}

// primOf returns the Scheme name of the primitive whose Fn is fn or
// encloses it (closures inside Fn are named Fn.func1, Fn.1 …).
func primOf(fn string, prims map[string]string) (string, bool) {
	for {
		if s, ok := prims[fn]; ok {
			return s, true
		}
		i := strings.LastIndexByte(fn, '.')
		if i < 0 {
			return "", false
		}
		last := strings.TrimPrefix(fn[i+1:], "func")
		if _, err := strconv.Atoi(last); err != nil {
			return "", false
		}
		fn = fn[:i]
	}
}

// Closest returns the candidate nearest to name in edit distance, for
// "did you mean" hints (the REPL's unbound variables and unknown names):
// one within 1 edit of a 3-letter name, 2 of a name up to 8 letters, 3 of
// a longer one (none for shorter names); on a tie one with name's first
// letter, else the first in order; "" when none is that close. name itself
// is never the answer.
func Closest(name string, candidates []string) string {
	limit := 3
	switch n := len(name); {
	case n < 3:
		return ""
	case n == 3:
		limit = 1
	case n <= 8:
		limit = 2
	}
	best, bestD := "", 2*(limit+1)
	for _, c := range candidates {
		if c == name || len(c) > len(name)+limit || len(name) > len(c)+limit {
			continue
		}
		d := editDistance(name, c)
		if d > limit {
			continue
		}
		// on a tie, a name with the same first letter wins
		d *= 2
		if c[0] != name[0] {
			d++
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
